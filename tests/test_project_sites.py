"""Projects told without a capitalised name of their own: by the work done on them ("the modernization of
the A-B international crossing"), by their site ("a one-stop border post at A and B", "a cross-border
market in A", "a 500-megawatt solar project in northern X", "the X nuclear power plant in <town>"), a
bridge over a named river, named national programmes extended to the other country, a named partnership
launched with a fund; and the mentions that are not projects."""

from __future__ import annotations

from dyad.nlp.pipeline import extract_facts

DCT = "2024-09-12"


def projects(text: str) -> list[dict]:
    return [f for f in extract_facts(text, DCT) if f["kind"] == "project"]


def one(text: str) -> dict:
    found = projects(text)
    assert len(found) == 1, found
    return found[0]


def test_modernization_of_a_named_crossing_with_a_lowercase_head():
    p = one("Brazil and Paraguay reviewed the modernization of the Foz do Iguacu-Ciudad del Este "
            "international crossing, which will be completed in 2025.")
    assert p["name"] == "Foz do Iguacu-Ciudad del Este international crossing"
    assert p["project_type"] == "facility"


def test_border_post_named_by_its_two_towns():
    p = one("Zambia and Malawi noted that construction of the new one-stop border post at Mwami and Mchinji "
            "is well advanced.")
    assert p["name"] == "one-stop border post at Mwami and Mchinji"
    assert (p["project_type"], p["status"]) == ("facility", "under_construction")
    assert p["countries"] == ["ZMB", "MWI"]


def test_inaugurated_facility_keeps_its_proper_name_not_the_participle():
    p = one("The presidents of Zimbabwe and Mozambique inaugurated the rehabilitated Chicamba pump station "
            "on the Revue River.")
    assert p["name"] == "Chicamba pump station"
    assert p["status"] == "operational"


def test_plans_to_build_a_market_in_a_town():
    p = one("Thailand and Laos discussed plans to build a cross-border market in Chiang Khong.")
    assert p["name"] == "cross-border market in Chiang Khong"
    assert p["status"] == "proposed"


def test_measured_project_in_a_region_of_a_country():
    p = one("A Saudi developer signed a contract with Egypt's grid operator to develop a 500-megawatt solar "
            "project in northern Egypt.")
    assert p["name"] == "500-megawatt solar project in northern Egypt"
    assert p["project_type"] == "facility"


def test_unmeasured_project_in_a_country_is_not_specific():
    assert projects("Turkey and Qatar want to develop a project in Qatar.") == []


def test_country_adjective_facility_with_its_town():
    p = one("The minister noted progress in the construction of the Egyptian nuclear power plant in Dabaa, "
            "which Russia and Egypt are building together.")
    assert p["name"] == "Egyptian nuclear power plant in Dabaa"
    assert p["status"] == "under_construction"


def test_second_bridge_over_a_named_river():
    p = one("The project is a second bridge over the Mekong River, proposed by Thailand and Laos in 2018.")
    assert p["name"] == "second bridge over the Mekong River"
    assert (p["project_type"], p["status"]) == ("road", "proposed")


def test_bridge_over_a_river_without_any_project_word_is_scenery():
    assert projects("Tourists from Laos and Thailand photograph the bridge over the Mekong River.") == []


def test_national_programmes_extended_to_the_other_country():
    found = projects("Brazil and Bolivia agreed on the extension of the Bolsa Verde and Luz para Todos programmes "
                     "to Bolivian communities.")
    assert {p["name"] for p in found} == {"Bolsa Verde", "Luz para Todos"}
    assert {p["project_type"] for p in found} == {"program"}


def test_programme_extended_to_more_regions_at_home_is_not_bilateral():
    assert projects("Chile and Peru discussed the extension of the Chile Crece programme to southern regions.") == []


def test_named_partnership_launched_with_a_fund():
    p = one("Morocco and Senegal reviewed the Atlantic Partnership for Shared Prosperity, which Morocco, Senegal "
            "and Mauritania launched in 2023 with investments of USD 2 billion through a regional fund.")
    assert p["name"] == "Atlantic Partnership for Shared Prosperity"
    assert p["project_type"] == "program"
    assert {"MAR", "SEN", "MRT"} <= set(p["countries"])


def test_strategic_partnership_is_a_relation_not_a_programme():
    assert projects("Vietnam and Australia upgraded ties to a Comprehensive Strategic Partnership for Peace "
                    "in 2024.") == []


def test_city_to_city_train():
    p = one("The Paris-Brussels train was discussed: the Belgian section is due by 2026.")
    assert (p["name"], p["project_type"]) == ("Paris-Brussels train", "railway")


def test_route_as_a_figure_of_speech_is_not_a_project():
    found = projects('Georgia and Turkey agree. "The road from Tbilisi to Europe runs through Istanbul," '
                     "the minister said.")
    assert found == []


def test_line_of_credit_is_not_a_project():
    assert projects("India announced a new Line of Credit of US$ 100 million for Nepal.") == []


def test_project_a_signed_contract_is_for_is_agreed():
    p = one("During the visit, a Qatari company signed a contract with Oman's water utility to develop a "
            "300-megawatt wind project in southern Oman.")
    assert (p["name"], p["status"]) == ("300-megawatt wind project in southern Oman", "agreed")


def test_launched_road_partly_complete_is_under_construction():
    text = ("The Rosso-Nouakchott highway, launched by the presidents of Senegal and Mauritania in March 2023, "
            "has reached a completion rate of 40% and should be delivered in 2026.")
    p = next(p for p in projects(text) if "Rosso-Nouakchott" in p["name"])
    assert p["status"] == "under_construction"
    assert {"date": "2026", "status": "planned"} in [{k: m[k] for k in ("date", "status")} for m in p["milestones"]]


def test_named_joint_border_market_commissioned():
    p = one("Traders in Kasumbalesa welcomed the new Kasumbalesa Joint Border Market, which the presidents of "
            "Zambia and the DR Congo jointly commissioned by video link on Saturday.")
    assert (p["name"], p["project_type"], p["status"]) == ("Kasumbalesa Joint Border Market", "facility",
                                                           "operational")


def test_relative_clauses_date_their_own_project_in_a_shared_sentence():
    text = ("The leaders of Ghana and Togo discussed the Aflao Border Post, which has been in operation since "
            "March 2019, and plans to build a cross-border market in Noepe, for which a feasibility study will "
            "be conducted next year.")
    found = {p["name"]: p for p in projects(text)}
    post, market = found["Aflao Border Post"], found["cross-border market in Noepe"]
    assert [m["date"] for m in post["milestones"]] == ["2019-03"]
    assert [(m["date"], m["status"]) for m in market["milestones"]] == [("2025", "planned")]


def test_airport_where_a_visitor_is_received_is_not_a_project():
    assert projects("The President of Ghana arrived on Monday and was received at the Kotoka International "
                    "airport by officials of Togo.") == []


def test_airport_being_built_is_a_project():
    p = one("Peru and South Korea reviewed the Chinchero International airport, which is being built near Cusco.")
    assert p["status"] == "under_construction"


def test_definite_description_refers_back_to_the_plant_named_before():
    found = projects("Tajikistan and Uzbekistan discussed the Yavan hydropower plant in Tajikistan. The ministers "
                     "signed a roadmap for the joint construction of the 900-megawatt plant in Dushanbe last year.")
    assert [p["name"] for p in found] == ["Yavan hydropower plant"]


def test_a_market_needs_a_site():
    assert projects("Egypt and Saudi Arabia agreed on the development of the EGP-SAR foreign exchange market.") == []


def test_first_harvest_makes_a_farm_operational():
    p = one("Under the plan, a Spanish group from Spain is developing a 20,000-hectare olive farm in Meknes "
            "province of Morocco, whose first harvest was collected last October.")
    assert p["status"] == "operational"
    assert [(m["date"], m["status"]) for m in p["milestones"]] == [("2023-10", "done")]


def test_facility_a_partner_is_financing_in_a_town():
    p = one("The ambassador said Malaysia is financing a vocational training centre in Kpalime, where young "
            "Togolese mechanics will be trained.")
    assert p["name"] == "vocational training centre in Kpalime"
    assert p["project_type"] == "facility"


def test_funding_for_a_plant_in_a_capital_city():
    p = one("Kiribati President Taneti Maamau secured Korean funding for a solar plant in Tarawa after talks "
            "in Seoul on Monday.")
    assert p["name"] == "solar plant in Tarawa"
    assert set(p["countries"]) == {"KIR", "KOR"}


def test_restoration_of_a_museum_in_a_city():
    p = one("Under the agreement with Peru, Spain will fund the restoration of the colonial museum in Arequipa, with "
            "work due to start in March.")
    assert p["name"] == "colonial museum in Arequipa"


def test_funding_for_a_centre_in_a_country_is_not_specific():
    assert projects("Norway announced new funding for a research centre in Kenya on Tuesday.") == []
