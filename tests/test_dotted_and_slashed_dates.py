"""Dates as much of Europe writes them ("14.03.2024", "24.9.2024", "1. 6. 2025", "from 10.03. to 12.03.2024"); a
slashed date read day first when only that reading falls near the report ("12/03/2024" in a report of 14 March
2024); a date that closes a masthead line ("Press Service | 17.04.2024") is the report's, not the news's.
Sentences written for these tests."""

from __future__ import annotations

from dyad.nlp.timex import find_date_ranges, find_timexes
from support import event_mentions


def _days(text: str, dct: str) -> list[str]:
    return [t.value for t in find_timexes(text, dct) if t.type == "DATE"]


def test_dotted_dates_are_day_month_year():
    assert _days("The talks were held on 14.03.2024 in Prague.", "2024-03-15") == ["2024-03-14"]
    assert _days("They last met on 24.9.2024 in New York.", "2024-11-20") == ["2024-09-24"]
    assert _days("A direct air route will open on 1. 6. 2025.", "2025-01-20") == ["2025-06-01"]


def test_a_dotted_span_takes_its_year_from_its_last_day():
    text = "He paid an official visit to Cambodia, which he undertook from 10.03. to 12.03.2024."
    assert [r[3:] for r in find_date_ranges(text, "2024-03-14")] == [("2024-03-10", "2024-03-12")]


def test_decimals_are_no_dates():
    assert _days("Growth was 1.5. Inflation was 2.3 percent.", "2024-03-14") == []


def test_a_slashed_date_is_read_day_first_only_when_that_falls_near_the_report():
    assert _days("The talks were held on 12/03/2024 in Kuwait.", "2024-03-14") == ["2024-03-12"]
    assert _days("The talks were held on 03/12/2024 in Washington.", "2024-03-14") == ["2024-03-12"]
    assert _days("The talks were held on 11/04/2024 in Washington.", "2024-09-01") == ["2024-11-04"]


def test_a_masthead_date_is_not_the_day_of_the_news():
    text = ("State visit to Austria\n\nPress Service of the President of Tajikistan | 17.04.2024\n\nOn April 16, "
            "President Emomali Rahmon arrived in Vienna on a state visit to Austria.\n\nThe Heads of State first held "
            "negotiations in a narrow format with Austrian President Alexander Van der Bellen.")
    talks = event_mentions(text, "meeting", "2024-04-17")
    assert talks and all(t["start"] == "2024-04-16" for t in talks), talks
