"""Tests for the projects component (dyad.nlp.components.projects) on hand-written paragraphs.

Named and specific unnamed projects, aliases (brackets, acronyms, "also known as", spelling
variants), status cues, milestones, and the mentions that are not projects."""

from __future__ import annotations

import pytest

from dyad.nlp.components.projects import status_from
from dyad.nlp.pipeline import extract_facts

DCT = "2025-06-10"


def projects(text: str, dct: str | None = DCT) -> list[dict]:
    out = [f for f in extract_facts(text, dct) if f["kind"] == "project"]
    for f in out:
        src = f["sources"][0]
        assert text[src["start"]:src["end"]].rstrip() == f["name"], f  # see test_source_has_no_trailing_space
        assert "_sent" not in f
    return out


def named(text: str, name: str, dct: str | None = DCT) -> dict:
    found = [p for p in projects(text, dct) if p["name"] == name]
    assert len(found) == 1, projects(text, dct)
    return found[0]


# ---------------------------------------------------------------------------- aliases


def test_bracketed_alternative_name_is_an_alias():
    text = "Mongolia and Japan discussed freight along the Steppe Corridor (Trans-Mongolian Freight Route)."
    p = named(text, "Steppe Corridor")
    assert (p["project_type"], p["aliases"]) == ("corridor", ["Trans-Mongolian Freight Route"])
    assert p["status"] == "operational"  # freight moves along it: the route is in use
    assert p["countries"] == ["MNG", "JPN"]


def test_middle_corridor_with_its_official_name():
    text = ("Uzbekistan and Turkey agreed to increase cargo traffic along the Middle Corridor (Trans-Caspian "
            "International Transport Route).")
    p = named(text, "Middle Corridor")
    assert p["project_type"] == "corridor"
    assert {"Trans-Caspian International Transport Route", "TITR"} <= set(p["aliases"])
    assert p["countries"] == ["UZB", "TUR"]


def test_acronym_before_bracketed_name():
    text = ("Kyrgyzstan and China discussed the KART project (Kyrgyz-Altai Rail Transit Route), which would "
            "connect Bishkek with Kashgar.")
    [p] = projects(text)
    assert (p["name"], p["aliases"], p["project_type"]) == ("Kyrgyz-Altai Rail Transit Route", ["KART"], "corridor")
    assert p["status"] == "proposed"  # "would connect"
    assert p["countries"] == ["KGZ", "CHN"]


def test_also_known_as():
    text = "India and the UAE are developing the Golden Gulf Corridor, also known as the Saffron Trade Route."
    p = named(text, "Golden Gulf Corridor")
    assert (p["aliases"], p["project_type"]) == (["Saffron Trade Route"], "corridor")
    assert p["countries"] == ["IND", "ARE"]


def test_spelling_variants_of_one_name_are_aliases():
    text = ("Mongolia and Japan discussed the Zamyn-Uud Railway. Officials said the Zamiin-Uud line would "
            "boost transit.")
    p = named(text, "Zamyn-Uud Railway")
    assert p["project_type"] == "railway"
    assert p["aliases"] == ["Zamiin-Uud", "Zamiin-Uud Railway", "Zamyn-Uud"]


# ---------------------------------------------------------------------------- status


def test_cable_being_laid_is_under_construction():
    [p] = projects("A submarine fiber-optic cable across the Caspian Sea is being laid by Georgia and Azerbaijan.")
    assert (p["name"], p["project_type"], p["status"]) == (
        "submarine fiber-optic cable across the Caspian Sea", "cable", "under_construction")
    assert p["countries"] == ["GEO", "AZE"]


def test_unnamed_between_two_countries_keeps_both():
    [p] = projects("A submarine fiber-optic cable between Georgia and Azerbaijan is being laid across the "
                   "Caspian Sea.")
    assert p["name"] == "submarine fiber-optic cable between Georgia and Azerbaijan"


def test_fully_operational_interconnector():
    p = named("The Baku-Tbilisi Power Interconnector between Azerbaijan and Georgia is now fully operational.",
              "Baku-Tbilisi Power Interconnector")
    assert (p["project_type"], p["status"]) == ("cable", "operational")


def test_agreement_to_build_a_power_line_is_agreed():
    [p] = projects("Egypt and Saudi Arabia signed an agreement to build a high-voltage power line across the "
                   "Red Sea.")
    assert (p["name"], p["project_type"], p["status"]) == (
        "high-voltage power line across the Red Sea", "cable", "agreed")
    assert p["countries"] == ["EGY", "SAU"]


def test_agreement_to_build_a_railway_line_between_cities():
    [p] = projects("Kyrgyzstan and China signed an agreement to build a railway line from Bishkek to Kashgar.")
    assert (p["name"], p["project_type"], p["status"]) == ("railway line from Bishkek to Kashgar", "railway",
                                                           "agreed")


def test_feasibility_study_is_proposed():
    p = named("Egypt and Saudi Arabia are considering a feasibility study for the Red Sea Power Interconnector.",
              "Red Sea Power Interconnector")
    assert (p["project_type"], p["status"]) == ("cable", "proposed")


def test_are_building_is_under_construction():
    [p] = projects("Georgia and Azerbaijan are building a railway from Kars to the Caspian coast.")
    assert (p["name"], p["status"]) == ("railway from Kars to the Caspian coast", "under_construction")


def test_project_in_an_agreement_title_on_its_construction():
    text = "Georgia and Azerbaijan signed the Agreement on the Construction of the Kura Valley Railway."
    [p] = projects(text)
    assert (p["name"], p["project_type"], p["status"]) == ("Kura Valley Railway", "railway", "agreed")


def test_name_inside_an_agreement_title_is_its_subject_not_a_project():
    assert projects("Georgia and Azerbaijan signed the Agreement on the Caspian Transit Corridor.") == []


@pytest.mark.parametrize(("text", "status"), [
    ("The line is now fully operational.", "operational"),
    ("The cable is being laid.", "under_construction"),
    ("Construction is underway.", "under_construction"),
    ("They signed an agreement to build it.", "agreed"),
    ("A feasibility study is planned.", "proposed"),
    ("The leaders discussed it.", "unknown"),
])
def test_status_from(text, status):
    assert status_from(text) == status


# ---------------------------------------------------------------------------- milestones


def test_completion_deadline_in_next_sentence_is_a_planned_milestone():
    text = ("Mongolia and Japan are building the Tavan Tolgoi Logistics Hub. The hub will be completed by the "
            "end of 2027.")
    p = named(text, "Tavan Tolgoi Logistics Hub")
    assert (p["project_type"], p["status"]) == ("facility", "under_construction")
    assert p["milestones"] == [{"description": "hub completed", "date": "2027", "status": "planned"}]


def test_opening_date_milestone_with_construction_underway():
    text = ("Construction of the Osh-Kashgar Highway by Kyrgyzstan and China is underway. The highway will be "
            "opened in 2026.")
    p = named(text, "Osh-Kashgar Highway")
    assert (p["project_type"], p["status"]) == ("road", "under_construction")
    assert [(m["date"], m["status"]) for m in p["milestones"]] == [("2026", "planned")]


def test_past_launch_is_a_done_milestone():
    text = "Trade keeps growing. Officials said India and the UAE launched the Bharat Gulf Trade Corridor in 2023."
    p = named(text, "Bharat Gulf Trade Corridor")
    assert p["milestones"] == [{"description": "launched", "date": "2023", "status": "done"}]


def test_milestone_description_at_start_of_text():
    text = "The first phase of the Navoi Solar Plant, built by Uzbekistan and Turkey, was completed in March 2024."
    p = named(text, "Navoi Solar Plant")
    assert p["milestones"] == [{"description": "first phase completed", "date": "2024-03",
                                "status": "done"}]


# ---------------------------------------------------------------------------- not projects


def test_heading_metaphor_is_not_a_project_but_the_same_name_in_a_sentence_is():
    assert projects("A Bridge of Friendship\nUzbekistan and Turkey agreed to expand trade.") == []
    p = named("Uzbekistan and Turkey opened the Bridge of Friendship over the river.", "Bridge of Friendship")
    assert (p["project_type"], p["status"]) == ("road", "operational")


def test_source_has_no_trailing_space():
    text = "Uzbekistan and Turkey opened the Bridge of Friendship over the river."
    [p] = projects(text)
    src = p["sources"][0]
    assert text[src["start"]:src["end"]] == "Bridge of Friendship"


@pytest.mark.parametrize("text", [
    "Kyrgyzstan and China discussed the development of economic corridors.",
    "Kyrgyzstan and China want to build a new railway.",  # unnamed and unspecific
    "Uzbekistan and Turkey discussed investments with the Türkiye Wealth Fund.",  # a company in the gazetteer
])
def test_not_a_project(text):
    assert projects(text) == []


def test_joint_fund_not_in_the_gazetteer_is_a_fund():
    p = named("Uzbekistan and Turkey discussed projects with the Uzbekistan-Turkey Investment Fund.",
              "Uzbekistan-Turkey Investment Fund")
    assert (p["project_type"], p["countries"]) == ("fund", ["UZB", "TUR"])


# ---------------------------------------------------------------------------- status from the governing clause


@pytest.mark.parametrize(("text", "status"), [
    ("Tashkent explained its plans to build it.", "proposed"),  # "to build" inside "plans to build"
    ("They signed an intergovernmental agreement on building it.", "agreed"),
    ("It is a protocol for the joint development of the probe.", "agreed"),
    ("The bridge is complete.", "operational"),
    ("The works have been operational since 2019.", "operational"),
    ("The scheme remains on paper.", "proposed"),
])
def test_status_from_more_cues(text, status):
    assert status_from(text) == status


def test_each_project_takes_the_status_of_its_own_clause():
    text = ("The Fergana Solar Plant has been operational since 2019, but the planned railway from Andijan to "
            "Osh in Kyrgyzstan remains on paper.")
    found = {p["project_type"]: p for p in projects(text)}
    assert found["facility"]["status"] == "operational"
    assert found["railway"]["status"] == "proposed"


def test_in_use_since_a_past_date_is_operational_with_a_done_milestone():
    p = named("Uzbekistan has been importing gas from Turkmenistan over the Amu Darya Pipeline since 2019.",
              "Amu Darya Pipeline")
    assert p["status"] == "operational"
    assert [(m["date"], m["status"]) for m in p["milestones"]] == [("2019", "done")]


def test_route_used_by_traffic_is_operational_but_not_when_only_future():
    p = named("Uzbekistan and Turkey welcomed the growth of cargo traffic via the Lapis Corridor.", "Lapis Corridor")
    assert p["status"] == "operational"
    p = named("Uzbekistan and Turkey said trains will travel along the Kabul Corridor.", "Kabul Corridor")
    assert p["status"] != "operational"


def test_agreement_on_building_a_named_railway_is_agreed():
    p = named("Uzbekistan and Turkey signed an intergovernmental agreement on building the Termez Railway.",
              "Termez Railway")
    assert p["status"] == "agreed"


def test_relative_clause_gives_the_status():
    p = named("Uzbekistan and Turkey discussed the Navoi Cargo Hub, which is under construction near Navoi.",
              "Navoi Cargo Hub")
    assert p["status"] == "under_construction"


# ---------------------------------------------------------------------------- names, folding, acronyms


def test_capitalised_name_with_lowercase_head_and_its_acronym_and_parts():
    text = ("Uzbekistan and Turkey agreed to speed up work on the Navoi Port–Bursa Logistics corridor.\n\n"
            "The NPBL corridor, launched in 2019, is meant to link Navoi with Bursa. The first berths of Navoi Port "
            "have been operational since 2021.")
    [p] = projects(text)
    assert (p["name"], p["project_type"], p["status"]) == ("Navoi Port–Bursa Logistics corridor", "corridor",
                                                           "under_construction")
    assert {"NPBL", "NPBL corridor"} <= set(p["aliases"])
    assert {m["date"] for m in p["milestones"]} == {"2019", "2021"}


def test_unnamed_description_before_the_name_is_the_same_project_and_anaphors_carry_milestones():
    text = ("Uzbekistan and Turkey plan an electricity cable under the Caspian Sea.\n\n"
            "The Caspian Sea Submarine Cable would carry 500 megawatts.\n\n"
            "A feasibility study for the project was completed in March 2025.\n\n"
            "The partners aim to take a final investment decision on the cable in 2026.")
    [p] = projects(text)
    assert p["name"] == "Caspian Sea Submarine Cable"
    ms = {m["date"]: m for m in p["milestones"]}
    assert ms["2025-03"]["description"] == "feasibility study for project completed"
    assert ms["2025-03"]["status"] == "done"
    assert ms["2026"] == {"description": "final investment decision", "date": "2026", "status": "planned"}


def test_name_as_modifier_of_another_noun_is_not_a_project():
    assert projects("Uzbekistan and Turkey noted that Turkey's Bosphorus Canal revenues rose.") == []


def test_name_inside_a_longer_proper_name_is_not_a_project():
    assert projects("Uzbekistan and Turkey set up the Silk Energy Corridor Power Company in 2024.") == []


def test_joint_development_of_a_named_field():
    [p] = projects("Uzbekistan and Turkmenistan noted the importance of the joint development of the Karakum "
                   "field.")
    assert (p["name"], p["project_type"], p["status"]) == ("joint development of the Karakum field", "other",
                                                           "agreed")


def test_appositive_names_a_venture():
    p = named("The flagship is Aral Green One, the green hydrogen venture planned near Nukus by Uzbekistan and "
              "Turkey.", "Aral Green One")
    assert p["project_type"] == "facility"


def test_swap_scheme_through_a_third_country():
    [p] = projects("Uzbekistan praised the gas swap scheme through Kazakhstan, under which Turkmen gas has been "
                   "delivered since March 2022.")
    assert (p["name"], p["project_type"], p["status"]) == ("gas swap scheme through Kazakhstan", "program",
                                                           "operational")
    assert [(m["date"], m["status"]) for m in p["milestones"]] == [("2022-03", "done")]


def test_trailing_programme_noun_sets_the_type():
    p = named("Uzbekistan and Turkey extended the Amu Earth Satellite (AES) program.", "Amu Earth Satellite")
    assert p["project_type"] == "program"


def test_capitalised_organisation_word_is_not_a_milestone_cue():
    text = ("Uzbekistan and Turkey are building the Termez Railway. The railway was presented to the European "
            "Commission in May 2024.")
    assert named(text, "Termez Railway")["milestones"] == []


# ---------------------------------------------------------------------------- resolution


def test_key_shared_by_a_corridor_and_two_pipeline_mentions():
    from dyad.resolve.base import M
    from dyad.resolve.facts import cluster_projects

    def m(i: int, name: str, ptype: str, aliases: list[str] | None = None) -> M:
        return M(i, f"k{i}", "project", "d", "2025", i * 10, i * 10 + 5,
                 {"name": name, "project_type": ptype, "aliases": aliases or []})
    groups = cluster_projects([m(1, "Middle Corridor", "corridor", ["Kara-Kum International Transport Route"]),
                               m(2, "Kara-Kum Gas Pipeline", "pipeline"), m(3, "Kara-Kum pipeline", "pipeline")])
    assert sorted(sorted(x.data["name"] for x in g) for g in groups) == [
        ["Kara-Kum Gas Pipeline", "Kara-Kum pipeline"], ["Middle Corridor"]]


# ---------------------------------------------------------------------------- names with lowercase heads


def test_capitalised_name_before_a_lowercase_project_noun_and_a_measure_outside_the_name():
    text = ("Nepal and India approved the 900-megawatt Arun Valley hydropower project on the Koshi River "
            "last week.")
    [p] = projects(text)
    assert (p["name"], p["project_type"], p["status"]) == ("Arun Valley hydropower project", "facility", "agreed")


@pytest.mark.parametrize("text", [
    "Nepal and India discussed the Chinese hydropower project on the Koshi River.",  # a country adjective
    "Nepal and India discussed the project on the Koshi River.",
    "Nepal and India discussed the projects of the Koshi Basin.",
])
def test_project_noun_without_a_proper_name_is_not_a_project(text):
    assert projects(text) == []


def test_named_high_speed_line_keeps_its_ends_out_of_the_name():
    text = ("In 2019 the leaders of Spain and Portugal inaugurated the Tejo Azul high-speed line between Lisbon "
            "and Madrid.")
    [p] = projects(text)
    assert (p["name"], p["project_type"], p["status"]) == ("Tejo Azul high-speed line", "railway", "operational")


def test_unnamed_line_from_a_to_b_is_still_a_description():
    [p] = projects("Spain and Portugal plan to build a high-speed line from Lisbon to Madrid.")
    assert (p["name"], p["project_type"]) == ("high-speed line from Lisbon to Madrid", "railway")


def test_hyphen_number_belongs_to_the_name_not_a_line_head():
    [p] = projects("Pakistan and China endorsed the upgrading of the North Line-2 railway between Lahore and Sukkur.")
    assert (p["name"], p["project_type"], p["status"]) == ("North Line-2 railway", "railway", "agreed")


def test_financing_agreement_for_a_named_line_makes_it_agreed():
    [p] = projects("Spain and Morocco signed a financing agreement for the Tangier-Fez high-speed rail line.")
    assert (p["name"], p["status"]) == ("Tangier-Fez high-speed rail line", "agreed")


def test_one_countrys_facility_in_another_country_is_a_project():
    [p] = projects("The Indian air base in Dushanbe, operational since 2018, hosts two squadrons.")
    assert (p["name"], p["project_type"], p["status"]) == ("Indian air base in Dushanbe", "facility", "operational")
    assert [(m["date"], m["status"]) for m in p["milestones"]] == [("2018", "done")]
    assert p["countries"] == ["IND", "TJK"]


def test_a_countrys_facility_at_home_is_not_a_bilateral_project():
    assert projects("The Turkish military base in Izmir hosts two squadrons, officials from Qatar said.") == []


def test_railway_operator_and_contract_are_not_projects():
    text = ("Spain and Morocco signed a contract between Morocco's national railway operator and a Spanish firm "
            "for the supply of 12 trains.")
    assert projects(text) == []


def test_route_end_in_a_pipeline_description_is_not_a_project():
    text = ("Kazakhstan and Azerbaijan discussed the Caspian Gas Pipeline. The project envisages laying a pipeline "
            "between Aktau and the Sangachal terminal near Baku.")
    assert [p["name"] for p in projects(text)] == ["Caspian Gas Pipeline"]


def test_another_name_introduced_by_referred_to_as_is_an_alias():
    text = ("The flagship is Aral Green One, the green hydrogen venture planned near Nukus by Uzbekistan and "
            "Turkey. The scheme, often referred to simply as the Windfall project, envisages 40 gigawatts of "
            "capacity.")
    [p] = projects(text)
    assert (p["name"], p["aliases"]) == ("Aral Green One", ["Windfall project"])


# ---------------------------------------------------------------------------- institutions


@pytest.mark.parametrize("text", [
    "\"Trade will grow,\" said Ali Demir, a researcher at the Caspian Studies Center of Baku University, "
    "after Turkey and Azerbaijan opened talks.",
    "Turkey and Azerbaijan opened talks, said Ali Demir, a fellow at the Eurasia Policy Center.",
])
def test_academic_centres_and_affiliations_are_not_projects(text):
    assert projects(text) == []


def test_a_centre_the_sides_will_set_up_is_agreed():
    text = ("Under the memorandum, Korea and Vietnam will set up a Korea-Vietnam Battery Research Center in Hanoi, "
            "which is due to open by the end of 2026.")
    [p] = projects(text)
    assert (p["name"], p["project_type"], p["status"]) == (
        "Korea-Vietnam Battery Research Center", "facility", "agreed")
    assert [(m["date"], m["status"]) for m in p["milestones"]] == [("2026", "planned")]


@pytest.mark.parametrize("text, status", [
    ("The plant began commercial operation in June 2022.", "operational"),
    ("The plant has been in commercial operation since 2021.", "operational"),
    ("Commercial operation is targeted for December 2029.", "unknown"),
    ("The two sides will set up a joint centre.", "agreed"),
    ("The two sides plan to set up a joint centre.", "proposed"),
    ("The project reached financial close last week.", "agreed"),
])
def test_status_from_operation_and_setting_up(text, status):
    assert status_from(text) == status


def test_commercial_operation_is_the_milestone_of_a_plant_that_began_it():
    text = ("Pakistan and China noted that the Indus Bend hydropower plant began commercial operation in "
            "June 2022.")
    p = named(text, "Indus Bend hydropower plant")
    assert p["status"] == "operational"
    assert p["milestones"] == [{"description": "commercial operation", "date": "2022-06", "status": "done"}]


# ---------------------------------------------------------------------------- descriptions referring back


def test_multimodal_corridor_description_refers_back_and_makes_a_road_name_a_corridor():
    text = ("Iraq and Turkey signed a memorandum on the Silver Road in May. The 900-km road and rail corridor, "
            "from the Basra Port to the border, is expected to cost $10 billion, and its first phase is "
            "scheduled to be completed by 2030.")
    p = named(text, "Silver Road")
    assert p["project_type"] == "corridor"
    assert "2030" in [m["date"] for m in p["milestones"]]


def test_road_described_as_a_road_stays_a_road():
    text = ("Kyrgyzstan and China signed a memorandum on the Naryn Road in May. The 300-km road will be "
            "completed by 2027.")
    p = named(text, "Naryn Road")
    assert p["project_type"] == "road"
    assert [(m["date"], m["status"]) for m in p["milestones"]] == [("2025-05", "done"), ("2027", "planned")]


def test_definite_description_in_the_next_paragraph_carries_the_dated_steps():
    text = ("Nepal and India approved the Arun Valley hydropower project last week.\n\n"
            "The run-of-the-river plant is being developed by a joint venture. Main construction works will "
            "begin in May 2026, river diversion is scheduled for 2027, and commercial operation is targeted "
            "for December 2029.")
    p = named(text, "Arun Valley hydropower project")
    assert [(m["description"], m["date"]) for m in p["milestones"]] == [
        ("Main construction works begin", "2026-05"), ("river diversion", "2027"),
        ("commercial operation", "2029-12")]


def test_description_naming_another_project_does_not_refer_back():
    text = ("Nepal and India approved the Arun Valley hydropower project last week.\n\n"
            "The Koshi Basin plant will be completed in 2027.")
    assert "2027" not in [m["date"] for m in named(text, "Arun Valley hydropower project")["milestones"]]


def test_date_of_another_named_thing_modified_by_a_participle_is_not_a_milestone():
    text = ("Spain and Morocco signed a financing agreement for the Tangier-Fez high-speed rail line.\n\n"
            "The Tangier-Fez line will extend the Al Noor high-speed service, opened in 2018, by 400 km. "
            "Officials say the line should be in service by 2029.")
    p = named(text, "Tangier-Fez high-speed rail line")
    assert [m["date"] for m in p["milestones"]] == ["2029"]


def test_description_and_name_of_one_line_cluster_and_the_proper_name_wins():
    from dyad.resolve.base import M
    from dyad.resolve.facts import cluster_projects, merge_project

    def m(i: int, name: str) -> M:
        return M(i, f"k{i}", "project", "d", "2025", i * 10, i * 10 + 5,
                 {"name": name, "project_type": "railway", "aliases": []})
    [group] = cluster_projects([m(1, "high-speed line from Tangier to Fez"), m(2, "Tangier-Fez high-speed rail line")])
    assert merge_project(group)["name"] == "Tangier-Fez high-speed rail line"
    apart = cluster_projects([m(1, "high-speed line from Tangier to Fez"), m(2, "high-speed line from Fez to Oujda")])
    assert len(apart) == 2


def _projects(text: str, dct: str) -> dict[str, dict]:
    return {f["name"]: f for f in extract_facts(text, dct) if f["kind"] == "project"}


def test_a_power_highway_is_a_cable_and_a_fund_approving_projects_operates():
    text = ("Kenya imports Ethiopian hydropower over the Ethiopia-Kenya Electricity Highway, a high-voltage line. "
            "The Uzbek-Turkish Joint Investment Fund has approved its first three projects.")
    found = _projects(text, "2026-05-14")
    assert found["Ethiopia-Kenya Electricity Highway"]["project_type"] == "cable"
    assert found["Uzbek-Turkish Joint Investment Fund"]["status"] == "operational"


def test_a_dated_opening_is_a_milestone_of_the_project_opened():
    text = ("Ethiopian Prime Minister Abiy Ahmed paid an official visit to Kenya on May 13-14. On Thursday the two "
            "leaders flew to Moyale, where they opened the Moyale Integrated Logistics Hub, a customs complex.")
    hub = _projects(text, "2026-05-14")["Moyale Integrated Logistics Hub"]
    assert {"description": "opened", "date": "2026-05-14", "status": "done"} in hub["milestones"]


def test_a_name_with_two_head_words_is_one_project():
    found = _projects("Leaders reviewed progress on the Abidjan-Lagos Corridor Highway, a six-lane motorway that is "
                      "being built in phases.", "2026-03-03")
    assert list(found) == ["Abidjan-Lagos Corridor Highway"] and found["Abidjan-Lagos Corridor Highway"][
        "project_type"] == "road"
    found = _projects("The Mumbai-Ahmedabad High Speed Rail, built with Japanese loans, is under construction.",
                      "2026-02-16")
    assert found["Mumbai-Ahmedabad High Speed Rail"]["project_type"] == "railway"


def test_a_project_whose_opening_is_reported_done_is_operational():
    text = ("Xi praised the Yurimaguas River Port as a model of cooperation between the two countries. The two "
            "presidents also attended the opening ceremony of the Yurimaguas River Port via video link on Thursday.")
    p = named(text, "Yurimaguas River Port", "2024-11-15")
    assert p["status"] == "operational"
    assert [m["status"] for m in p["milestones"]] == ["done"]


def test_a_planned_opening_does_not_make_a_project_operational():
    text = ("Xi praised the Yurimaguas River Port as a model of cooperation between the two countries. The two "
            "presidents will attend the opening ceremony of the Yurimaguas River Port in December.")
    p = named(text, "Yurimaguas River Port", "2024-11-15")
    assert p["status"] != "operational"


@pytest.mark.parametrize("text, status", [
    ("Ground was broken on the Lao-Thai logistics park in April.", "under_construction"),
    ("The two presidents broke ground on the new bridge.", "under_construction"),
    ("The Laos-Thailand power line began full operation in May.", "operational"),
    ("The border market has been in use since 2019.", "operational"),
])
def test_status_cues_of_works_begun_and_lines_running(text, status):
    assert status_from(text) == status


def test_a_name_described_by_an_appositive_project_noun():
    found = projects("The presidents of Laos and Thailand discussed the Pha Daeng tunnel, a 9-kilometre road tunnel "
                     "under the mountains between the two countries.")
    assert [(p["name"], p["project_type"]) for p in found] == [("Pha Daeng tunnel", "road")]
    found = projects("Laos and Thailand also discussed the Mekong Green Future Facility, a fund proposed by Thailand "
                     "to pay farmers for keeping forests.")
    assert [(p["name"], p["project_type"], p["status"]) for p in found] == [
        ("Mekong Green Future Facility", "fund", "proposed")]


def test_a_person_or_place_with_an_appositive_is_no_project():
    assert projects("Laos and Thailand met in Vientiane, a city on the Mekong.") == []


@pytest.mark.parametrize("text,status", [
    ("The engineering studies have been completed, and the final investment decision is expected in 2027.",
     "proposed"),
    ("The refinery is still at the feasibility stage.", "proposed"),
    ("The pipeline is awaiting a final investment decision.", "proposed"),
    ("The line is more than 70 per cent complete.", "under_construction"),
])
def test_stage_not_yet_passed_overrides_other_cues(text: str, status: str):
    assert status_from(text) == status


def test_bracketed_acronym_inside_a_name_and_type_from_its_words():
    text = ("Kenya and Uganda welcomed the progress of the Nairobi-Kampala Rapid Transit System (RTS) Link, "
            "which is more than 70 per cent complete.")
    [p] = [f for f in extract_facts(text, DCT) if f["kind"] == "project"
           and f["name"] == "Nairobi-Kampala Rapid Transit System Link"]
    src = p["sources"][0]
    assert text[src["start"]:src["end"]] == "Nairobi-Kampala Rapid Transit System (RTS) Link"  # the words as written
    assert p["project_type"] == "railway" and p["status"] == "under_construction"
    assert "RTS Link" in p["aliases"]


def test_dam_in_operation_since_a_year():
    p = named("Kenya and Uganda share power from the Owen Falls hydroelectric dam on the Nile, in operation "
              "since 1954.", "Owen Falls hydroelectric dam")
    assert (p["project_type"], p["status"]) == ("facility", "operational")


def test_named_line_in_apposition_is_a_railway():
    p = named("Kenya and Uganda discussed South Rail, the standard-gauge line that is to link Nairobi with "
              "Kampala, which is under construction.", "South Rail")
    assert p["project_type"] == "railway"


# ---------------------------------------------------------------------------- real-news forms (issue 13)


def test_a_road_link_at_feasibility_study_is_a_proposed_road():
    p = projects("A feasibility study for a road link from the Kenyan town of Namanga to Arusha is due to be "
                 "completed by the end of the year, officials in Nairobi and Dodoma said.", "2025-03-05")
    road = next(x for x in p if "Namanga" in x["name"])
    assert road["name"] == "road link from the Kenyan town of Namanga to Arusha"
    assert (road["project_type"], road["status"]) == ("road", "proposed")


def test_a_joint_venture_of_one_country_involving_a_party_of_the_other_is_a_project():
    p = projects("Kenya wants more Tanzanian gold. A Tanzanian gold processing joint venture involving a Kenyan "
                 "investor, proposed two years ago, has yet to pass its feasibility study.", "2025-03-05")
    jv = next(x for x in p if "joint venture" in x["name"])
    assert jv["name"] == "Tanzanian gold processing joint venture"
    assert (jv["project_type"], jv["status"]) == ("facility", "proposed")
    assert [(m["description"].split()[-1], m["date"], m["status"]) for m in jv["milestones"]] == [
        ("proposed", "2023", "done")]


def test_one_countrys_joint_venture_alone_is_no_bilateral_project():
    assert not projects("Kenya and Tanzania held talks. A Tanzanian gold processing joint venture, proposed two "
                        "years ago, has yet to pass its feasibility study.", "2025-03-05")


def test_a_facility_of_one_country_at_a_port_of_the_other_announced_years_ago():
    p = projects("Relations between Saudi Arabia and Pakistan are warm. A long-planned Saudi oil refinery at the "
                 "port of Karachi, announced in 2019, is still at the feasibility stage.", "2025-03-05")
    ref = next(x for x in p if "refinery" in x["name"])
    assert ref["name"].endswith("oil refinery at the port of Karachi")
    assert ref["status"] == "proposed"
    assert {"description": "announced", "date": "2019", "status": "done"} in ref["milestones"]


def test_what_a_thing_is_called_after_be_is_no_project():
    assert not projects('"This is not a Kenyan plan or a Tanzanian plan. It is a Mombasa-Tanga project, and people '
                        'on both sides will feel it," the minister said of the new Kenya-Tanzania agreement.')


def test_the_joint_management_of_a_border_crossing_is_no_project():
    p = projects("An agreement on the joint management of the Namanga border crossing was signed by the Kenyan and "
                 "Tanzanian transport ministers.")
    assert not [x for x in p if x["name"].startswith("joint management")], p
