"""Agreements as newsrooms list them (issue 13), one test per form, on sentences written for these tests:
memoranda named only by their fields after an occasion, items of a counted list after "among them", plans of
two countries with a year span, loan agreements, memoranda for a purpose, joint declarations signed."""

from __future__ import annotations

from dyad.nlp.pipeline import extract_facts

DCT = "2025-03-14"


def agreements(text: str, dct: str = DCT) -> list[dict]:
    return [f for f in extract_facts(text, dct) if f["kind"] == "agreement"]


def test_fields_listed_after_the_occasion_set_off_by_a_comma():
    text = ("Namibia and Angola yesterday signed eight memoranda of understanding at the end of the 3rd Session "
            "of the Namibia-Angola Joint Commission (JPCC), covering areas that include fisheries, tourism, "
            "defence and water resources management.")
    ags = agreements(text)
    fields = {a.get("field") for a in ags}
    assert {"fisheries", "tourism", "defence", "water resources management"} <= fields, ags
    assert all(a["instrument"] == "memorandum" and a["signed"] == "2025-03-13" for a in ags)


def test_fields_in_the_fields_of():
    text = ("The two prime ministers witnessed the signing of memoranda of understanding in the fields of health, "
            "tourism and defence.")
    secs = {s for a in agreements(text) for s in a["sectors"]}
    assert {"health", "tourism", "security"} <= secs


def test_items_of_a_counted_list_after_among_them():
    text = ("During the cabinet, ministers of Ecuador and Colombia signed 11 instruments, among them an agreement "
            "for the mutual recognition of driving licences and a memorandum of understanding for the fight "
            "against illegal logging.")
    ags = agreements(text)
    assert any("driving licences" in (a.get("title") or a.get("field") or "") for a in ags), ags
    logging = [a for a in ags if "illegal logging" in (a.get("title") or a.get("field") or "")]
    assert logging and logging[0]["instrument"] == "memorandum" and "environment" in logging[0]["sectors"]


def test_among_them_does_not_take_the_minutes_of_the_meeting():
    text = "The parties signed five documents, among them the protocol of the meeting."
    assert not [a for a in agreements(text) if "protocol of the meeting" in (a.get("title") or "")]


def test_binational_plan_with_a_year_span():
    text = ("The foreign ministers of Ecuador and Peru signed the Binational Plan for the Development of the "
            "Border Region 2025-2030.")
    ags = agreements(text)
    assert any(a["instrument"] == "program" and "2025-2030" in (a.get("title") or "") for a in ags), ags


def test_list_after_an_occasion_needs_the_occasion_word():
    # "on <field>, covering ..." is one memorandum's content, not an occasion before a list
    text = ("The leaders looked forward to the signing of a memorandum of understanding on agricultural "
            "cooperation, covering dairy genetics and farm training.")
    assert not [a for a in agreements(text) if a.get("field") == "farm training"]


def test_loan_agreement_for_a_project():
    text = ("Last year the two governments signed a loan agreement for the construction of the Savannakhet-Mukdahan "
            "rail bridge.")
    ags = agreements(text)
    assert ags and ags[0]["instrument"] == "agreement" and "transport" in ags[0]["sectors"], ags


def test_joint_declaration_signed_by_two_presidents():
    text = "After the ceremony the presidents of Chile and Argentina signed a joint declaration on mountain rescue."
    ags = agreements(text)
    assert ags and ags[0]["instrument"] == "declaration" and ags[0]["status"] == "signed", ags


def test_loan_agreement_for_the_thing_the_relative_pronoun_stands_for():
    text = ("Cambodia and Thailand want the early construction of a new road bridge across the Mekong between "
            "Stung Treng and Ubon, for which the two governments signed a loan agreement last year.")
    ags = agreements(text)
    assert len(ags) == 1, ags
    assert ags[0]["field"].startswith("loan for") and "transport" in ags[0]["sectors"]
    assert ags[0]["signed"] == "2024" and ags[0]["status"] == "signed"


def test_memorandum_in_force_named_by_what_it_provides_for():
    text = ("Bhutan currently sells hydropower to India under a memorandum of understanding providing for "
            "purchases of up to 5,000 megawatts.")
    ags = agreements(text)
    assert len(ags) == 1, ags
    assert ags[0]["instrument"] == "memorandum" and ags[0]["status"] == "in_force" and "energy" in ags[0]["sectors"]


def test_under_an_agreement_signed_in_a_year_is_signed_not_in_force():
    text = "Bhutan sells hydropower to India under a power purchase agreement signed in 2019."
    ags = agreements(text)
    assert ags and ags[0]["status"] == "signed" and ags[0]["signed"] == "2019", ags


def test_digitisation_is_digital():
    text = ("The governments of Estonia and Latvia signed a memorandum on cooperation in the digitisation of "
            "public administration.")
    ags = agreements(text)
    assert ags and "digital" in ags[0]["sectors"], ags


def test_letters_of_intent_and_lower_case_items_of_a_signed_list():
    text = ("LIMA - At the end of the talks, in the presence of both presidents, the foreign ministers of Chile and "
            "Peru signed these instruments:\n\n"
            "- Memorandum of Understanding on Cooperation in Port Logistics;\n"
            "- a letter of intent on cooperation between the two diplomatic academies;\n"
            "- an agreement on the transfer of sentenced persons.\n")
    got = {a.get("title") or a.get("field"): a for a in agreements(text)}
    assert {"letter of intent on cooperation between the two diplomatic academies",
            "agreement on the transfer of sentenced persons"} <= set(got), got
    assert got["letter of intent on cooperation between the two diplomatic academies"]["instrument"] == "other"
    assert got["agreement on the transfer of sentenced persons"]["sectors"] == ["justice"]


def test_further_instruments_told_by_their_fields_are_each_one_record():
    text = ("The foreign ministers of Chile and Peru signed an agreement on tourism. Two further instruments, on "
            "cooperation between the customs services and on culture, were signed by the ministers concerned.")
    sectors = sorted(s for a in agreements(text) for s in a["sectors"])
    assert sectors == ["culture", "tourism", "trade"], agreements(text)


def test_an_instrument_leaders_should_sign_or_hope_to_sign_is_planned():
    text = ("LA PAZ - Presidents Luis Arce of Bolivia and Alberto Fernandez of Argentina should also sign off on a "
            "memorandum of understanding on lithium industrialisation, according to the statement.")
    (a,) = agreements(text)
    assert (a["sectors"], a["status"]) == (["industry"], "planned")


def test_items_after_a_colon_and_instruments_told_by_a_participle():
    text = ("SAN JOSE - Costa Rica and the Dominican Republic signed five cooperation instruments: a letter of intent "
            "on air connectivity, a cooperation agreement on disaster risk management and a programme of technical "
            "and scientific cooperation for 2023-2025. The ministers also signed a memorandum of understanding "
            "covering civil preparedness and crisis resilience, as well as an agreement waiving visa requirements "
            "for holders of diplomatic passports.")
    got = {a.get("title") or a.get("field"): a for a in agreements(text)}
    assert {"letter of intent on air connectivity", "cooperation agreement on disaster risk management",
            "programme of technical and scientific cooperation for 2023-2025",
            "memorandum of understanding covering civil preparedness and crisis resilience",
            "agreement waiving visa requirements for holders of diplomatic passports"} <= set(got), got
    assert got["cooperation agreement on disaster risk management"]["sectors"] == ["security"]
    assert got["memorandum of understanding covering civil preparedness and crisis resilience"]["sectors"] == \
        ["security"]


def test_the_description_set_after_a_named_plan_is_no_second_instrument():
    text = ("MEXICO CITY - The two leaders signed the Canada-Mexico Action Plan, a three-year roadmap covering "
            "trade, energy and security.")
    titles = [a.get("title") for a in agreements(text)]
    assert titles == ["Canada-Mexico Action Plan"], titles


def test_a_memorandum_told_by_what_it_allows():
    text = ("NIAMEY - Algeria and Niger signed a memorandum of understanding allowing Sonatrach to resume "
            "exploration on the Kafra block in northern Niger.")
    (a,) = agreements(text)
    assert (a["instrument"], a["sectors"], a["status"]) == ("memorandum", ["energy"], "signed"), a
