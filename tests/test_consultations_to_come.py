"""A round of consultations announced for a named place ("the first political consultations would take place
in Vaduz next year", "consultations between the foreign offices ..., due in Havana early next year") is a
planned meeting of the pair, dated by the date told after it, not by the day of the announcement (issue 13).
Sentences written for the tests."""

from __future__ import annotations

from dyad.nlp.pipeline import extract_facts


def meetings(text: str, dct: str) -> list[dict]:
    return [f for f in extract_facts(text, dct) if f["kind"] == "event" and f["event_type"] == "meeting"]


def test_first_consultations_to_take_place_next_year():
    found = meetings("Iceland and Qatar agreed on Tuesday that the first political consultations would take place "
                     "in Reykjavik next year.", "2023-10-10")
    assert len(found) == 1, found
    assert (found[0]["status"], found[0]["start"], found[0]["location"]) == ("planned", "2024", "Reykjavik")
    assert "political consultations" in found[0]["title"]


def test_consultations_between_two_ministries_named_in_capitals():
    found = meetings("Estonia and Kenya said Foreign Office Consultations between the two ministries are to take "
                     "place in Nairobi later this year.", "2024-02-10")
    assert len(found) == 1, found
    assert found[0]["title"].endswith("Foreign Office Consultations")
    assert found[0]["location"] == "Nairobi"


def test_consultations_due_in_a_capital():
    found = meetings("Nepal and Mexico agreed to hold political consultations between the foreign offices of the "
                     "two countries, due in Mexico City early next year.", "2019-09-12")
    assert len(found) == 1, found
    assert (found[0]["status"], found[0]["start"]) == ("planned", "2020")


def test_consultations_talked_about_without_a_place_are_no_meeting():
    assert meetings("Nepal and Mexico discussed the value of regular political consultations on Monday.",
                    "2019-09-12") == []
