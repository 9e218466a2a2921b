"""Openings told object-first (passive, relative and reduced clauses) and by the leaders of two
countries, on hand-written sentences (issue 13)."""

from __future__ import annotations

from dyad.nlp.pipeline import extract_facts

DCT = "2025-06-10"  # a Tuesday


def openings(text: str) -> list[dict]:
    return [f for f in extract_facts(text, DCT) if f["kind"] == "event" and f["event_type"] == "opening"]


def test_passive_opening_names_what_came_before_the_verb():
    text = ("The ministers noted that the Logistics Centre of Armenia in Tbilisi was opened last March, "
            "when Armenia and Georgia launched it together.")
    ops = openings(text)
    assert len(ops) == 1, ops
    assert "Logistics Centre of Armenia" in ops[0]["title"]
    assert ops[0]["start"] == "2025-03"
    assert ops[0]["status"] == "occurred"
    assert ops[0]["location"] == "Tbilisi"


def test_relative_clause_opening_by_two_presidents():
    text = ("Farmers in the valley have praised the new Cross-Border Fruit Market, which Presidents Gustavo Petro "
            "and Gabriel Boric jointly commissioned by video link on Saturday.")
    ops = openings(text)
    assert len(ops) == 1, ops
    assert "Cross-Border Fruit Market" in ops[0]["title"]
    assert set(ops[0]["countries"]) == {"COL", "CHL"}
    assert ops[0]["start"] == "2025-06-07"


def test_reduced_clause_opening():
    text = ("The new fertiliser plant in Dakar, inaugurated jointly by the presidents of Senegal and Mali on 9 "
            "June, already employs 800 people.")
    ops = openings(text)
    assert len(ops) == 1, ops
    assert "fertiliser plant" in ops[0]["title"]
    assert ops[0]["start"] == "2025-06-09"


def test_to_be_inaugurated_is_a_planned_opening():
    text = ("Serbia and Bosnia said a new railway bridge over the Drina at Zvornik is to be inaugurated next month "
            "by the two prime ministers.")
    ops = openings(text)
    assert len(ops) == 1, ops
    assert ops[0]["status"] == "planned"
    assert ops[0]["start"] == "2025-07"
    assert set(ops[0]["countries"]) == {"SRB", "BIH"}
    assert ops[0]["location"] == "Zvornik"


def test_leaders_of_two_countries_opening_take_their_countries():
    text = ("The week belonged to others: on 3 June, President Felix Tshisekedi and Cyril Ramaphosa inaugurated the "
            "new Matadi megaport terminal by video link.")
    ops = openings(text)
    assert len(ops) == 1, ops
    assert set(ops[0]["countries"]) == {"ZAF", "COD"}


def test_decimal_figure_does_not_cut_the_object():
    text = ("On Monday, the prime ministers of Estonia and Latvia jointly opened a 4.5-kilometre road link "
            "between Valga and Valka.")
    ops = openings(text)
    assert len(ops) == 1, ops
    assert "road link" in ops[0]["title"]


def test_passive_opening_of_something_that_is_no_facility_is_not_an_opening():
    text = "A new chapter in relations between Chile and Peru was opened last year, the minister said."
    assert openings(text) == []


def test_relative_clause_with_its_own_object_is_not_object_first():
    text = ("The ministers toured the port of Durban, where the presidents of South Africa and Mozambique "
            "launched a new shipping service.")
    assert not [o for o in openings(text) if "port of Durban" in o["title"]]


def test_background_participle_without_openers_is_not_an_opening():
    text = "Chile and Argentina agreed to extend the Andes freight corridor, launched in 2019, to the Pacific ports."
    assert openings(text) == []
