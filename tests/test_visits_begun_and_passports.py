"""A visit told by its end and the day it began ("returned on Thursday 15 May, at the end of an official visit which
he began on Wednesday the 14th"); "a tete-a-tete with A, before being received by B for talks" is two meetings; an
agreement on visa-free travel for diplomatic passports is diplomacy, not tourism. Sentences written for these
tests."""

from __future__ import annotations

from support import event_mentions, mentions

TEXT = ("DAKAR - The President of the Republic, Bassirou Diomaye Faye, returned to Dakar on Thursday 15 May, at the "
        "end of an official visit to Gambia which he began on Wednesday the 14th.\n\nIn Banjul, President Faye had a "
        "tete-a-tete with his counterpart Adama Barrow, before being received by the Vice President Muhammad Jallow "
        "for talks enlarged to the delegations.")


def test_a_visit_told_by_its_end_and_the_day_it_began_runs_between_them():
    visits = [v for v in event_mentions(TEXT, "visit", "2025-05-16") if v["host"] == "GMB"]
    assert visits and {(v["start"], v["end"]) for v in visits} == {("2025-05-14", "2025-05-15")}, visits


def test_a_tete_a_tete_before_a_reception_by_another_is_two_meetings():
    pairs = {frozenset(m["participants"]) for m in event_mentions(TEXT, "meeting", "2025-05-16")}
    assert frozenset({"Bassirou Diomaye Faye", "Adama Barrow"}) in pairs, pairs
    assert not any(len(p) > 2 for p in pairs), pairs


def test_visa_free_travel_for_diplomatic_passports_is_diplomacy():
    text = ("MOSCOW - The two ministers signed an agreement on visa-free travel for holders of diplomatic passports "
            "on Thursday.")
    found = mentions(text, "agreement", "2024-11-22")
    assert [a["sectors"] for a in found] == [["diplomacy"]], found
