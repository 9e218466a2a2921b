"""Tests for the agreements component (dyad.nlp.components.agreements) on hand-written paragraphs.

Titled instruments, described ones, joint statements, field-only lists split per field, instrument,
sectors, status, signed date and anniversaries, and the mentions that are not agreements."""

from __future__ import annotations

import pytest

from dyad.nlp.components.agreements import instrument_of, sectors_of
from dyad.nlp.pipeline import extract_facts

DCT = "2025-06-10"


def agreements(text: str, dct: str | None = DCT, check_span: bool = True) -> list[dict]:
    """The agreements of a text; each record's source must quote its title (or its field)."""
    out = [f for f in extract_facts(text, dct) if f["kind"] == "agreement"]
    for f in out if check_span else []:
        src = f["sources"][0]
        assert (f["title"] or f["field"]) == text[src["start"]:src["end"]], f
    return out


def one(text: str, dct: str | None = DCT, check_span: bool = True) -> dict:
    found = agreements(text, dct, check_span)
    assert len(found) == 1, found
    return found[0]


# ---------------------------------------------------------------------------- titled instruments


def test_titled_agreement_with_own_date():
    a = one("On June 9, Uzbekistan and Turkey signed the Agreement on Mutual Protection of Investments.")
    assert a["title"] == "Agreement on Mutual Protection of Investments"
    assert (a["instrument"], a["sectors"], a["status"], a["signed"]) == (
        "agreement", ["investment"], "signed", "2025-06-09")
    assert a["parties"] == ["TUR", "UZB"]


def test_titled_memorandum_of_understanding():
    a = one("Egyptian and Saudi ministers signed a Memorandum of Understanding on Cooperation in the Field of "
            "Healthcare.")
    assert a["title"] == "Memorandum of Understanding on Cooperation in the Field of Healthcare"
    # No date in the text and no visit: the report's month (the signing may predate the report's day).
    assert (a["instrument"], a["sectors"], a["status"], a["signed"]) == ("memorandum", ["health"], "signed", DCT[:7])


def test_titled_joint_statement_defaults_to_diplomacy():
    a = one("Following the talks, the presidents of Kyrgyzstan and China adopted the Joint Statement on "
            "Comprehensive Strategic Partnership.")
    assert a["title"] == "Joint Statement on Comprehensive Strategic Partnership"
    assert (a["instrument"], a["sectors"], a["status"]) == ("joint_statement", ["diplomacy"], "signed")
    assert a["parties"] == ["CHN", "KGZ"]


def test_numbered_decision_approving_regulations():
    a = one("Georgia and Azerbaijan approved Decision No. 3 approving the Regulations of the Joint Commission on "
            "Transport, the ministry said.")
    assert a["title"] == "Decision No. 3 approving the Regulations of the Joint Commission on Transport"
    assert (a["instrument"], a["sectors"], a["status"]) == ("decision", ["transport"], "signed")


def test_bare_decision_without_number_is_not_a_title():
    assert agreements("Georgia and Azerbaijan welcomed the Decision of the ministers.") == []


def test_anniversary_of_a_treaty_dates_its_signing():
    a = one("This year Mongolia and Japan celebrate the 30th anniversary of the Treaty on Friendship and "
            "Cooperation.")
    assert a["title"] == "Treaty on Friendship and Cooperation"
    assert (a["instrument"], a["sectors"], a["status"], a["signed"]) == ("treaty", ["diplomacy"], "in_force", "1995")
    assert a["signatories"] == []


def test_title_stops_before_place_and_date():
    a = one("Kyrgyzstan and China signed the Treaty on Good-Neighbourly Relations in Tashkent in December 2022.")
    assert a["title"] == "Treaty on Good-Neighbourly Relations"
    assert (a["instrument"], a["status"], a["signed"]) == ("treaty", "signed", "2022-12")


def test_two_titles_joined_by_and_an():
    found = agreements("The ministers of India and the UAE signed the Program of Economic Cooperation for "
                       "2025-2030 and an Agreement on Avoidance of Double Taxation.")
    assert [(a["title"], a["instrument"], a["sectors"]) for a in found] == [
        ("Program of Economic Cooperation for 2025-2030", "program", ["trade"]),
        ("Agreement on Avoidance of Double Taxation", "agreement", ["finance"]),
    ]
    # "2025-2030" in the title is not the signing date; undated, they take the report's month
    assert all(a["signed"] == DCT[:7] for a in found)


def test_memorandum_and_protocol_in_one_sentence():
    found = agreements("Kyrgyzstan and China signed a Memorandum of Understanding on Digital Trade and a "
                       "Protocol on Phytosanitary Requirements.")
    assert [(a["title"], a["instrument"], a["sectors"]) for a in found] == [
        ("Memorandum of Understanding on Digital Trade", "memorandum", ["digital", "trade"]),
        ("Protocol on Phytosanitary Requirements", "protocol", ["agriculture"]),
    ]


def test_name_before_head_is_part_of_the_title():
    a = one("In 2019 India and the UAE signed a Comprehensive Economic Partnership Agreement.")
    assert a["title"] == "Comprehensive Economic Partnership Agreement"
    assert (a["instrument"], a["sectors"], a["signed"]) == ("agreement", ["trade"], "2019")


def test_signed_during_a_multi_day_visit_gets_the_visit_month():
    text = ("Japanese Prime Minister Shigeru Ishiba arrived in Ulaanbaatar on June 5 for a two-day official "
            "visit. During the visit, the sides signed the Agreement on Cooperation in the Field of Mining.")
    a = one(text)
    assert (a["instrument"], a["sectors"], a["status"], a["signed"]) == ("agreement", ["industry"], "signed",
                                                                          "2025-06")
    assert a["parties"] == ["JPN", "MNG"]
    assert a["event_ref"] == "signing:visit:JPN>MNG:"


def test_titled_agreement_expected_to_be_signed_is_planned():
    a = one("Georgia and Azerbaijan are expected to sign an Agreement on Cooperation in the Field of Emergency "
            "Situations.")
    assert (a["instrument"], a["sectors"], a["status"], a["signed"]) == ("agreement", ["security"], "planned", None)


# ---------------------------------------------------------------------------- described instruments


def test_described_trilateral_agreement_to_build():
    a = one("Egypt and Saudi Arabia signed a trilateral agreement to build a power line across the Red Sea.",
            check_span=False)
    assert a["title"] == "trilateral agreement to build a power line across the Red Sea"
    assert (a["instrument"], a["sectors"], a["status"]) == ("agreement", ["energy"], "signed")


def test_described_agreement_with_third_party():
    a = one("Egypt and Saudi Arabia signed a trilateral agreement with Jordan to build a power line across the "
            "Red Sea.")
    assert (a["instrument"], a["sectors"], a["status"]) == ("agreement", ["energy"], "signed")


@pytest.mark.parametrize("text", [
    "Egypt and Saudi Arabia signed a trilateral agreement to build a power line across the Red Sea.",
    "Officials said Mongolia and Japan could develop a roadmap for cultural cooperation.",
])
def test_described_source_quotes_the_title(text):
    one(text)


def test_joint_statement_described_in_lower_case():
    a = one("Kyrgyzstan and China issued a joint statement on deepening partnership after the talks.")
    assert a["title"] == "joint statement on deepening partnership"
    assert (a["instrument"], a["sectors"], a["status"]) == ("joint_statement", ["diplomacy"], "signed")


def test_roadmap_that_could_be_developed_is_planned():
    a = one("Officials said Mongolia and Japan could develop a roadmap for cultural cooperation.", check_span=False)
    assert a["title"] == "roadmap for cultural cooperation"
    assert (a["instrument"], a["sectors"], a["status"], a["signed"]) == ("roadmap", ["culture"], "planned", None)


# ---------------------------------------------------------------------------- field-only mentions


def test_field_list_is_split_one_record_per_field():
    found = agreements("Uzbekistan and Turkey signed agreements in customs, education and tourism.")
    assert [(a["field"], a["sectors"]) for a in found] == [
        ("customs", ["trade"]), ("education", ["education"]), ("tourism", ["tourism"])]
    assert all(a["title"] is None and a["instrument"] == "agreement" and a["status"] == "signed"
               and a["signed"] == DCT[:7] and a["parties"] == ["TUR", "UZB"] for a in found)
    assert len({a["list_id"] for a in found}) == 1


def test_one_sector_pair_stays_one_field():
    a = one("India and the UAE signed agreements in transport and logistics.")
    assert (a["field"], a["sectors"], a["instrument"]) == ("transport and logistics", ["transport"], "agreement")


def test_memoranda_on_two_fields():
    found = agreements("Egypt and Saudi Arabia signed memoranda on healthcare and digital government.")
    assert [(a["field"], a["instrument"], a["sectors"]) for a in found] == [
        ("healthcare", "memorandum", ["health"]), ("digital government", "memorandum", ["digital"])]


def test_fields_after_including_with_two_word_field():
    found = agreements("Uzbekistan and Turkey signed 15 documents, including agreements on agriculture, "
                       "veterinary and water resources.")
    assert [(a["field"], a["sectors"]) for a in found] == [
        ("agriculture", ["agriculture"]), ("veterinary", ["agriculture"]), ("water resources", ["environment"])]


def test_expected_agreement_on_a_field_is_planned():
    a = one("Georgia and Azerbaijan are expected to sign an agreement on energy cooperation in July.")
    assert (a["title"], a["instrument"], a["sectors"], a["status"], a["signed"]) == (
        None, "agreement", ["energy"], "planned", None)


def test_field_stops_before_a_date():
    a = one("Georgia and Azerbaijan are expected to sign an agreement on energy cooperation in July.")
    assert a["field"] == "energy cooperation"


# ---------------------------------------------------------------------------- not agreements


@pytest.mark.parametrize("text", [
    "Uzbekistan and Turkey signed documents on bilateral cooperation.",
    "Uzbekistan and Turkey signed agreements on the sidelines of the summit.",
    "Officials said India and the UAE could develop a roadmap for multidimensional cooperation.",
    "Kyrgyzstan and China discussed trade, transport and energy.",
])
def test_no_agreement(text):
    assert agreements(text) == []


def test_roadmap_for_an_alliance_has_no_sector():
    assert agreements("Officials said India and the UAE could develop a roadmap for a multidimensional "
                      "alliance.", check_span=False) == []


# ---------------------------------------------------------------------------- helpers


@pytest.mark.parametrize(("noun", "instrument"), [
    ("Memorandum of Understanding", "memorandum"), ("MoUs", "memorandum"), ("treaties", "treaty"),
    ("Joint Statement", "joint_statement"), ("Action Plan", "program"), ("Convention", "agreement"),
    ("Framework Agreement", "agreement"), ("Communique", "joint_statement"),
])
def test_instrument_of(noun, instrument):
    assert instrument_of(noun) == instrument


@pytest.mark.parametrize(("text", "sectors"), [
    ("Agreement on Strategic Partnership and Trade", ["trade"]),  # diplomacy only when nothing else fits
    ("Treaty on Friendship", ["diplomacy"]),
    ("Memorandum on Law Enforcement", ["security"]),
    ("Protocol on Double Taxation", ["finance"]),
    ("Agreement on the Protection of Intellectual Property", ["intellectual_property"]),
    ("Memorandum on Bilateral Cooperation", []),
])
def test_sectors_of(text, sectors):
    assert sectors_of(text) == sectors


def test_undated_instrument_takes_the_day_of_the_signing_ceremony_told_before_it():
    text = ("Egyptian President Abdel Fattah el-Sisi arrived in Madrid on June 2 for a three-day state visit. "
            "On Wednesday morning the two leaders held talks at the Moncloa Palace. "
            "After the talks, the delegations attended the signing of seven documents. "
            "They included a Memorandum of Understanding on Cooperation in Water Resources.")
    a = one(text)
    assert (a["status"], a["signed"]) == ("signed", "2025-06-04")


def test_undated_instrument_on_a_multi_day_visit_without_a_dated_ceremony_gets_the_month():
    text = ("Egyptian President Abdel Fattah el-Sisi arrived in Madrid on June 2 for a three-day state visit. "
            "The sides signed a Memorandum of Understanding on Cooperation in Water Resources.")
    a = one(text)
    assert (a["status"], a["signed"]) == ("signed", "2025-06")


# ---------------------------------------------------------------------------- field lists, continued


def fields(text: str) -> list[tuple[str | None, str]]:
    return [(a["field"], a["instrument"]) for a in agreements(text) if a["title"] is None]


def test_memorandum_of_understanding_on_a_hyphenated_field():
    text = "Uzbekistan and Turkey signed a memorandum of understanding on defence-industrial cooperation."
    assert fields(text) == [("defence-industrial cooperation", "memorandum")]


def test_memoranda_list_with_repeated_preposition_and_hyphenated_words():
    text = ("Kenya and Tanzania signed memoranda of understanding on cross-border livestock trade, "
            "on tourism and on road transport.")
    assert fields(text) == [("cross-border livestock trade", "memorandum"), ("tourism", "memorandum"),
                            ("road transport", "memorandum")]


def test_field_stops_before_a_capitalised_instrument_and_a_relative_clause():
    text = ("Uzbekistan and Turkey signed a memorandum on defence-industrial cooperation and an Agreement on "
            "Cooperation in Ensuring Energy Security, and a protocol on veterinary requirements that opens the "
            "market to Turkish poultry.")
    found = agreements(text, check_span=False)
    assert ("defence-industrial cooperation", "memorandum") in [(a["field"], a["instrument"]) for a in found]
    # listed after the verb, it may be read as a described instrument or a field: either way it ends
    # before the relative clause
    assert [a["title"] or a["field"] for a in found if a["instrument"] == "protocol"] in (
        [("veterinary requirements")], ["protocol on veterinary requirements"])
    assert "Agreement on Cooperation in Ensuring Energy Security" in [a["title"] for a in found]


def test_a_weekday_after_agreements_on_is_not_a_field():
    text = "Brazil and China signed 15 agreements on Friday covering everything from satellites to beef exports."
    assert fields(text) == []


def test_second_joint_statement_joined_by_and_is_its_own_instrument():
    text = ("The presidents of Brazil and China issued a joint statement on combating climate change and a broader "
            "joint statement on deepening the comprehensive strategic partnership.")
    titles = [a["title"] for a in agreements(text)]
    assert titles == ["joint statement on combating climate change",
                      "joint statement on deepening the comprehensive strategic partnership"]


def test_and_a_joint_statement_without_a_signing_verb_is_not_an_instrument():
    text = "Officials praised the talks and a joint statement on trade was being drafted."
    assert [a for a in agreements(text, check_span=False) if a["instrument"] == "joint_statement"] == []


def test_listed_lowercase_instruments_after_a_signing_verb():
    text = ("The documents signed by France and Morocco included a Framework Agreement on Cooperation in Green "
            "Hydrogen, a financing agreement for the Kenitra-Marrakech high-speed rail line, and a contract between "
            "the national railway operator and Alstom for the supply of 18 high-speed trains.")
    found = {a["title"]: a for a in agreements(text, check_span=False)}
    assert found["financing agreement for the Kenitra-Marrakech high-speed rail line"]["sectors"] == ["transport"]
    assert found["contract between the national railway operator and Alstom for the supply of 18 high-speed "
                 "trains"]["instrument"] == "contract"
    assert found["Framework Agreement on Cooperation in Green Hydrogen"]["sectors"] == ["energy"]


def test_listed_lowercase_instrument_needs_a_signing_verb_before_it():
    text = "Officials praised the talks, a framework agreement for rail transport being still far off."
    assert agreements(text, check_span=False) == []


def test_described_title_stops_at_its_date_and_companions():
    text = ("Turkey and Qatar signed the memorandum on the Development Road in April together with Iraq and the "
            "United Arab Emirates.")
    a = one(text, dct="2024-11-20", check_span=False)
    assert (a["title"], a["signed"]) == ("memorandum on the Development Road", "2024-04")


def test_documents_in_fields_do_not_say_which_instrument():
    text = "Ministers of France and Morocco also signed documents in education and culture."
    assert {(a["field"], a["instrument"]) for a in agreements(text)} == {("education", "other"), ("culture", "other")}


def test_title_case_small_words_stay_in_the_title_and_negotiations_are_planned():
    text = ("At their talks on Tuesday, the two leaders agreed to launch negotiations on an Acquisition and "
            "Cross-Servicing Agreement and on a General Security of Military Information Agreement, which would "
            "allow the two militaries to exchange classified information.")
    found = {a["title"]: a for a in agreements(text)}
    assert set(found) == {"Acquisition and Cross-Servicing Agreement",
                          "General Security of Military Information Agreement"}
    assert {a["status"] for a in found.values()} == {"planned"}


def test_a_list_after_the_signing_of_shares_its_status_and_sectors_come_from_the_description():
    text = ("After the talks, the two leaders witnessed the signing of a loan agreement of about 100 billion yen for "
            "the third tranche of the Metro Manila Subway Project, an exchange of notes under which Japan will "
            "provide radar systems, and a memorandum of cooperation on agriculture.")
    found = agreements(text, check_span=False)
    loan = next(a for a in found if a["title"])
    assert loan["title"] == "loan agreement for the third tranche of the Metro Manila Subway Project"
    src = loan["sources"][0]  # the evidence runs over the amount the title leaves out
    assert text[src["start"]:src["end"]] == ("loan agreement of about 100 billion yen for the third tranche of the "
                                             "Metro Manila Subway Project")
    assert "transport" in loan["sectors"] and loan["status"] == "signed"
    farm = next(a for a in found if a["title"] is None)
    assert (farm["instrument"], farm["sectors"], farm["status"]) == ("memorandum", ["agriculture"], "signed")


def test_a_modal_in_a_clause_describing_the_instrument_does_not_make_it_planned():
    text = ("Among the documents exchanged on Thursday was a Memorandum of Understanding on Cooperation in Food "
            "Security and Nutrition, which officials said would support school meals.")
    assert one(text)["status"] == "signed"


def test_an_apposition_gives_instrument_and_sectors_of_a_title_without_them():
    text = ("The leaders signed the Canada-Mexico Action Plan, a three-year roadmap covering trade, energy and "
            "security.")
    a = one(text)
    assert a["instrument"] == "roadmap" and set(a["sectors"]) == {"trade", "energy", "security"}


def test_a_package_list_splits_at_each_instrument_and_keeps_in_inside_a_field():
    text = ("The leaders witnessed the signing of the agreements. The package comprises a Bilateral Investment "
            "Promotion and Protection Agreement, an agreement on mutual legal assistance in criminal matters, a "
            "cultural exchange programme for 2026-2029, and memorandums of understanding on livestock health, "
            "tourism, and information and communications technology.")
    found = agreements(text, check_span=False)
    got = sorted((a["field"] or a["title"], a["instrument"]) for a in found)
    assert ("agreement on mutual legal assistance in criminal matters", "agreement") in got
    assert ("cultural exchange programme for 2026-2029", "program") in got  # the period is part of its name
    assert ("information and communications technology", "memorandum") in got
    assert ("tourism", "memorandum") in got
    ict = next(a for a in found if a["field"] == "information and communications technology")
    assert ict["sectors"] == ["digital"]


def test_joint_communique_issued_is_a_signed_joint_statement():
    text = ("The commission will meet in Addis Ababa in September, the two governments said in a joint communique "
            "issued at the end of the visit.")
    a = one(text)
    assert (a["title"], a["instrument"], a["status"]) == ("joint communique", "joint_statement", "signed")


def test_a_specific_singular_instrument_keeps_its_phrase_as_title_and_field():
    text = "The ministers also signed a memorandum on the mutual recognition of driving licences."
    a = one(text)
    assert a["title"] == "memorandum on the mutual recognition of driving licences"
    assert a["sectors"] == ["transport"]
    text = "The sides agreed to speed up negotiations on a memorandum of understanding on critical minerals supply " \
           "chain cooperation."
    a = one(text)
    assert (a["title"], a["field"]) == ("memorandum of understanding on critical minerals supply chain cooperation",
                                        "critical minerals supply chain cooperation")
    assert a["status"] == "planned"


def test_a_span_of_years_in_another_title_does_not_date_a_signing():
    text = ("The sides also signed memorandums in agriculture and tourism and a Programme of Cultural Cooperation "
            "for 2026-2028.")
    assert {a["signed"] for a in agreements(text) if a["field"]} == {DCT[:7]}
    text = "They signed a Programme of Cultural Cooperation and a protocol amending the 1996 agreement on taxation."
    assert {a["signed"] for a in agreements(text)} == {DCT[:7]}


def test_a_signing_participle_and_a_place_after_a_passive_signing():
    text = ("NICOSIA - Greece and Cyprus moved to revive the stalled cable project on Tuesday, signing a memorandum on "
            "the financing of the subsea power cable and setting a new timetable. The memorandum was signed in "
            "Nicosia by Greek Environment and Energy Minister Stavros Papastavrou.")
    found = agreements(text, "2025-10-09")
    assert [(a["field"], a["status"], a["signed"]) for a in found] == [
        ("financing of the subsea power cable", "signed", "2025-10-07")]


def test_dates_of_other_instruments_and_the_day_a_treaty_is_told_with():
    text = ("The two sides exchanged an Agreement on the Mutual Recognition of Professional Qualifications and a "
            "protocol amending their 2004 double taxation agreement.")
    assert {a["signed"] for a in agreements(text) if a["title"].startswith("Agreement")} == {DCT[:7]}
    text = ("The ministers signed an Agreement on Mutual Assistance in the Event of Disasters and Serious Accidents, "
            "which replaces the agreement of 1997.")
    assert one(text)["signed"] == DCT[:7]
    text = ("The talks fell in the year of the 35th anniversary of the Treaty between the Federal Republic of "
            "Germany and the Republic of Poland on Good Neighbourship and Friendly Cooperation, signed in Bonn on "
            "17 June 1991.")
    treaty = one(text, "2026-06-23")
    assert treaty["title"] == ("Treaty between the Federal Republic of Germany and the Republic of Poland on Good "
                               "Neighbourship and Friendly Cooperation")
    assert treaty["signed"] == "1991-06-17"


def test_sectors_of_civil_protection_and_qualifications():
    a = one("The ministers signed an Agreement on Mutual Assistance in the Event of Disasters and Serious Accidents.")
    assert a["sectors"] == ["security"]
    a = one("The sides exchanged an Agreement on the Mutual Recognition of Professional Qualifications.")
    assert a["sectors"] == ["education"]


# ---------------------------------------------------------------------------- lists by field (real-news forms)


def test_cooperation_agreements_in_the_areas_of_a_list_one_per_field():
    found = agreements("President Lula of Brazil ended a two-day visit to Angola. The talks allowed the two countries "
                       "to sign cooperation agreements in the areas of fisheries, oil refining and mining.")
    assert [a["field"] for a in found] == ["fisheries", "oil refining", "mining"]
    assert [a["sectors"] for a in found] == [["agriculture"], ["energy"], ["industry"]]
    assert all(a["instrument"] == "agreement" and a["status"] == "signed" for a in found)


def test_contracts_and_agreements_worth_an_amount_in_sectors_including():
    found = agreements("Brazilian and Angolan firms exchanged 12 contracts and agreements worth over 2 billion "
                       "dollars in sectors including solar power, cement, telecom and port services.")
    assert [a["field"] for a in found] == ["solar power", "cement", "telecom", "port services"]
    assert {a["instrument"] for a in found} == {"contract"}  # named by the list's first noun, listed once
    assert [a["sectors"] for a in found] == [["energy"], ["industry"], ["digital"], ["transport"]]


def test_memoranda_and_agreements_signed_between_the_two_countries_in_sectors_such_as():
    found = agreements("Since 2010, seven memoranda of understanding and agreements have been signed between "
                       "Brazil and Angola. Since 2012, five memoranda of understanding and agreements have been "
                       "signed between the two countries in sectors such as health, tourism and defence.")
    assert [a["field"] for a in found] == ["health", "tourism", "defence"]
    assert {a["instrument"] for a in found} == {"memorandum"}


def test_a_pact_on_cooperation_in_the_field_of_is_an_agreement_in_that_field():
    a = one("Ghana and Togo signed a pact on cooperation in the field of mining and rare earth minerals on Monday.")
    assert (a["instrument"], a["sectors"]) == ("agreement", ["industry"])


def test_sectors_named_by_the_sector_word_are_not_instruments():
    assert agreements("The two economies grew in sectors such as health and tourism last year.") == []


def test_joint_declaration_named_by_its_purpose_in_a_list_after_inked():
    found = agreements("The leaders inked several documents, including a joint declaration to widen the strategic "
                       "partnership and an agreement between the governments on interregional cooperation.")
    titles = {a["title"]: a for a in found}
    assert titles["joint declaration to widen the strategic partnership"]["instrument"] == "declaration"
    assert titles["agreement between the governments on interregional cooperation"]["sectors"] == ["diplomacy"]
    assert all(a["status"] == "signed" for a in found)


def test_a_listed_joint_declaration_needs_a_signing_verb():
    assert agreements("The papers, including a joint declaration to widen the partnership, are on the table.") == []


def test_instrument_with_a_described_company_then_its_purpose():
    a = one("Chile's airports operator signed an agreement with Peruvian engineering firm Graña for conducting "
            "a study of three airports.", check_span=False)
    assert a["title"].startswith("agreement with Peruvian engineering firm") and a["sectors"] == ["transport"]


def test_released_and_launched_instruments_are_signed_that_day():
    found = agreements("Following their talks, the ministers of Chile and Peru released a Joint Statement and the "
                       "Plan of Action 2025-2027 on Monday.")
    assert {a["title"] for a in found} == {"Joint Statement", "Plan of Action 2025-2027"}
    assert {(a["status"], a["signed"]) for a in found} == {("signed", "2025-06-09")}


def test_a_verb_after_a_title_ends_it():
    found = agreements("He said the Plan of Action sets a new goal of doubling trade by 2030.")
    assert [a["title"] for a in found] == ["Plan of Action"]


def test_a_name_defined_with_an_acronym_used_as_an_instruments_name():
    a = one("President Boric stressed finalising the Green Hydrogen Supply Partnership (GHSP) between Chile and "
            "Germany. Officials hope to conclude the GHSP agreement in July.")
    assert (a["title"], a["aliases"], a["sectors"], a["parties"]) == (
        "Green Hydrogen Supply Partnership", ["GHSP"], ["energy"], ["CHL", "DEU"])


def test_an_acronym_never_used_for_an_instrument_is_no_agreement():
    assert agreements("The Andean Development Corporation (CAF) lent Chile and Peru money for roads.") == []


def test_programmes_between_pairs_of_ministries_one_per_pair():
    found = agreements("Cooperation programmes between the two countries' justice ministries and health ministries "
                       "were also signed.", check_span=False)
    assert [a["title"] for a in found] == ["cooperation programme between two countries' justice ministries",
                                           "cooperation programme between health ministries"]
    assert [a["instrument"] for a in found] == ["program", "program"]


def test_protocols_amending_one_agreement_and_another_on_a_second():
    found = agreements("They also signed protocols on amending the agreement on avoidance of double taxation and "
                       "another on road haulage dated May 2, 2001.", check_span=False)
    assert [a["title"] for a in found] == ["protocol on amending the agreement on avoidance of double taxation",
                                           "protocol on road haulage"]
    assert all(a["signed"] != "2001-05-02" for a in found)  # "dated" dates the amended agreement


def test_a_year_range_written_with_to_is_a_period_not_a_signing_date():
    found = agreements("The ministers signed a programme for economic cooperation for 2017 to 2019 on Monday.",
                       check_span=False)
    assert found and found[0]["signed"] == "2025-06-09"


def test_a_titled_declaration_of_a_lower_case_subject():
    a = one("In Lima, the leaders of Chile and Peru signed a historic Declaration of friendship and good "
            "neighborliness on Monday.")
    assert (a["title"], a["instrument"], a["signed"]) == (
        "Declaration of friendship and good neighborliness", "declaration", "2025-06-09")


def test_an_instrument_of_the_two_countries_is_no_title():
    assert agreements("The Agreement of the two countries was never ratified by Chile and Peru.") == []


def test_an_undated_instrument_takes_the_day_of_the_signing_told_before_it():
    text = ("The prime ministers of Vietnam and Singapore held a signing ceremony in Hanoi on Monday. "
            "Among the documents, they signed the Green Economy Partnership Agreement.")
    agr = one(text, "2025-06-10")
    assert agr["signed"] == "2025-06-09"


def test_without_any_signing_day_an_undated_instrument_keeps_the_reports_month():
    agr = one("Vietnam and Singapore have signed the Green Economy Partnership Agreement, officials said.",
              "2025-06-10")
    assert agr["signed"] == "2025-06"


# ---------------------------------------------------------------------------- lists of texts (issue 13)


def test_memoranda_covering_fields_then_named_instruments():
    text = ("Kenya and Ghana signed six documents on Monday. The memoranda cover cooperation in the areas of "
            "tourism, health, and vocational training, as well as a memorandum on the exchange of classified "
            "information and a work plan for the Kenya-Ghana Comprehensive Partnership for 2026-2029.")
    found = agreements(text)
    fields = {f["field"] for f in found if f["field"]}
    assert {"tourism", "health", "vocational training"} <= fields
    titles = {f["title"]: f for f in found if f["title"]}
    assert titles["memorandum on the exchange of classified information"]["sectors"] == ["security"]
    plan = [t for t in titles if t.startswith("work plan for the Kenya-Ghana Comprehensive Partnership")]
    assert [titles[t]["instrument"] for t in plan] == ["program"]


def test_remaining_texts_were_memorandums_and_a_joint_declaration():
    text = ("Peru and Ecuador signed four agreements on Tuesday. The other texts were memorandums on "
            "cooperation in fighting organised crime and in disaster management, and a joint declaration of "
            "the two leaders.")
    found = agreements(text)
    assert {f["field"] for f in found if f["field"]} == {"fighting organised crime", "disaster management"}
    decl = [f for f in found if f["instrument"] == "declaration"]
    assert [d["title"] for d in decl] == ["joint declaration"]


def test_joint_declaration_of_intent_backing_a_project():
    a = one("The transport ministers of Peru and Ecuador signed a joint declaration of intent backing the "
            "railway in Lima in January.")
    assert (a["title"], a["instrument"], a["status"]) == ("joint declaration of intent", "declaration", "signed")


def test_plan_of_cooperation_and_memorandum_between_institutions():
    found = agreements("Following the talks, the ministers of Peru and Ecuador signed a Plan of Cooperation "
                       "between the Ministries of Culture of the two countries for 2026-2028 and a memorandum of "
                       "understanding between the national academies of the two countries.", check_span=False)
    by_instr = {f["instrument"]: f for f in found}
    assert by_instr["program"]["title"].startswith("Plan of Cooperation between the Ministries of Culture")
    assert by_instr["memorandum"]["field"] == "national academies"
    assert by_instr["memorandum"]["sectors"] == ["education"]


def test_planned_agreements_on_a_and_the_b():
    found = agreements("Officials said agreements on solar power and the desalination of seawater are being "
                       "prepared for the next summit between Spain and Morocco.")
    assert {f["field"]: f["sectors"] for f in found} == {"solar power": ["energy"],
                                                          "desalination of seawater": ["environment"]}
    assert {f["status"] for f in found} == {"planned"}


def test_each_instrument_of_a_signed_list_is_read():
    found = agreements("Laos and Vietnam exchanged a memorandum on tourism, an agreement on road transport and a "
                       "protocol amending their 1998 double taxation agreement.")
    titles = {f["title"] for f in found}
    assert "protocol amending their 1998 double taxation agreement" in titles
    protocol = next(f for f in found if f["instrument"] == "protocol")
    assert protocol["sectors"] == ["finance"] and protocol["status"] == "signed"


def test_a_programme_of_exchanges_and_a_session_protocol():
    found = agreements("Lao and Vietnamese ministers also signed an executive programme of cultural exchanges for "
                       "2026-2028. At the end of the session the two ministers signed the protocol of the fifth "
                       "session of the Lao-Vietnamese Joint Economic Commission.")
    by_instrument = {f["instrument"]: f for f in found}
    assert by_instrument["program"]["sectors"] == ["culture"]
    assert by_instrument["protocol"]["title"].startswith("protocol of the fifth session")
    assert by_instrument["protocol"]["sectors"] == ["trade"]


def test_the_remaining_documents_are_new_texts_not_a_recap(tmp_path):
    from support import build, export

    corpus = tmp_path / "c"
    corpus.mkdir()
    (corpus / "a.txt").write_text(
        "Laos and Vietnam on Monday signed a deal to police their river border jointly.\n\n"
        "The remaining documents were memorandums on cooperation in fighting drug trafficking and in disaster "
        "management.\n", encoding="utf-8")
    kb = export(build(f"sqlite:///{tmp_path / 'kb.db'}", [str(corpus)]))
    memoranda = [r for r in kb if r["kind"] == "agreement" and r["instrument"] == "memorandum"]
    assert len(memoranda) == 2, [r for r in kb if r["kind"] == "agreement"]


@pytest.mark.parametrize("field, sector", [
    ("cocoa marketing", "agriculture"), ("palm oil", "agriculture"), ("green economy", "environment"),
    ("construction", "industry"), ("construction of a railway", "transport"), ("labour migration", "other"),
    ("inland waterways", "transport"),
])
def test_sector_vocabulary_covers_commodities_and_social_fields(field, sector):
    assert sectors_of(field) == [sector]


def test_other_yields_to_a_specific_sector():
    assert sectors_of("employment in agriculture") == ["agriculture"]


def test_memoranda_on_fields_outside_the_main_sectors_are_kept():
    facts = extract_facts("Ghana and Togo signed memoranda of understanding on cocoa marketing, labour migration "
                          "and housing in Lome on Thursday.", "2024-05-10")
    fields = sorted((f["field"], f["sectors"][0]) for f in facts if f["kind"] == "agreement")
    assert fields == [("cocoa marketing", "agriculture"), ("housing", "other"), ("labour migration", "other")]


@pytest.mark.parametrize("text, fields", [
    ("Chile and Ecuador signed a free trade agreement in Quito on Monday.", [("free trade", "trade")]),
    ("The ministers signed an air services agreement and a visa waiver agreement.",
     [("air services", "transport"), ("visa waiver", "diplomacy")]),
    ("The two state utilities signed a power supply agreement under which Zambia will export power to Namibia.",
     [("power supply", "energy")]),
])
def test_an_instrument_named_by_a_compound_noun_is_kept_with_its_field(text, fields):
    found = agreements(text, "2024-05-10")
    assert [(f["field"], f["sectors"][0]) for f in found] == fields


def test_a_compound_instrument_nobody_signs_in_the_sentence_is_not_one():
    assert agreements("Exporters hope the free trade agreement will lower tariffs on fruit.", "2024-05-10") == []


def test_memoranda_covering_areas_that_include_a_list_are_one_per_field():
    found = agreements("Namibia and Zambia signed 8 memoranda of understanding covering areas that include health, "
                       "tourism and water resources management.", "2024-05-10")
    assert [f["field"] for f in found] == ["health", "tourism", "water resources management"]
