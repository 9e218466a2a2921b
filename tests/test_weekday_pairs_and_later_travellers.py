"""Two weekdays joined as one span are days in a row ("on Thursday and Friday" in a Thursday report: last week's
Thursday and Friday); a planned visit by another traveller, dated only by its year, is not the visit told that week.
Sentences written for these tests."""

from __future__ import annotations

from dyad.nlp.timex import find_timexes
from support import event_mentions, visit_to

DCT = "2022-11-24"  # a Thursday


def test_a_weekday_pair_in_a_report_on_the_first_weekday_is_last_weeks():
    days = [t.value for t in find_timexes("He was in El Salvador on Thursday and Friday.", DCT) if t.type == "DATE"]
    assert days == ["2022-11-17", "2022-11-18"], days


def test_a_weekday_pair_already_in_order_is_kept():
    days = [t.value for t in find_timexes("He was in El Salvador on Monday and Tuesday.", DCT) if t.type == "DATE"]
    assert days == ["2022-11-21", "2022-11-22"], days


def test_a_visit_on_two_weekdays_runs_over_them():
    text = ("BELMOPAN - Belize's Foreign Minister Eamon Courtenay was in El Salvador for a two-day official visit "
            "on Thursday and Friday.")
    v = visit_to(text, DCT, "SLV")
    assert v["start"] == "2022-11-17" and v["end"] == "2022-11-18", v


def test_another_travellers_visit_later_this_year_is_a_visit_of_its_own():
    text = ("SANTO DOMINGO - Trinidad and Tobago's Energy Minister Stuart Young visited Santo Domingo on Monday and "
            "Tuesday.\n\nPrime Minister Keith Rowley is expected to visit Santo Domingo later this year.")
    rowley = [v for v in event_mentions(text, "visit", DCT) if "Keith Rowley" in v.get("participants", [])]
    assert rowley and rowley[0]["status"] == "planned" and rowley[0]["ref"] != "visit:TTO>DOM", rowley
