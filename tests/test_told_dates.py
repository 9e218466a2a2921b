"""Dates that come from elsewhere than the report's own date, through the pipeline: an event told
earlier, a year in the sentence, a span's end, a relative clause far from its instrument.
Sentences written for these tests."""

from __future__ import annotations

import pytest

from dyad.nlp.pipeline import extract_facts


def _kind(facts: list[dict], kind: str) -> list[dict]:
    return [f for f in facts if f.get("kind") == kind]


def test_a_signing_at_a_council_told_last_month_is_dated_by_the_council() -> None:
    text = ("Chile and Argentina held the first session of the Chile-Argentina Strategic Council in Santiago "
            "last month. At the council, the two presidents signed a joint declaration on energy "
            "integration.")
    facts = extract_facts(text, "2031-05-10")
    (decl,) = [a for a in _kind(facts, "agreement") if a["instrument"] == "declaration"]
    assert decl["signed"] == "2031-04"


def test_documents_signed_after_a_dated_commission_meeting_take_its_day() -> None:
    text = ("President Gabriel Boric of Chile received Argentina's foreign minister in Santiago today. "
            "The Chile-Argentina Intergovernmental Commission met on 8 May in Santiago. Following the "
            "meeting, the parties signed a memorandum of understanding on tourism.")
    facts = extract_facts(text, "2031-05-09")
    (mou,) = [a for a in _kind(facts, "agreement") if a["instrument"] == "memorandum"]
    assert mou["signed"] == "2031-05-08"


def test_a_signing_date_in_a_long_relative_clause_belongs_to_the_instrument() -> None:
    text = ("The leaders praised the Chile-Argentina Agreement on Border Crossings (ABC), which Chile's "
            "interior minister and Argentina's security minister Patricia Bullrich signed in Mendoza in "
            "January.")
    facts = extract_facts(text, "2031-08-20")
    (agr,) = [a for a in _kind(facts, "agreement") if a["title"] and "Border Crossings" in a["title"]]
    assert agr["signed"] == "2031-01"


def test_two_visits_of_one_pair_months_apart_stay_apart() -> None:
    text = ("Argentina's defence minister signed a pact in Santiago in January. Argentine President Javier "
            "Milei recalled his official visit to Santiago in April last year.")
    facts = extract_facts(text, "2031-08-20")
    visits = [e for e in _kind(facts, "event") if e["event_type"] == "visit" and "Milei" in e["title"]]
    assert visits and all(v["start"] == "2030-04" for v in visits)


@pytest.mark.parametrize(
    ("sentence", "as_of"),
    [
        ("In 2029, trade between Chile and Argentina amounted to 9.1 billion US dollars.", "2029"),
        ("Officials noted that in 2029 trade turnover between the two countries grew 1.4 times, "
         "to 9.1 billion US dollars.", "2029"),
    ],
)
def test_a_year_fronted_in_its_sentence_dates_the_figure(sentence: str, as_of: str) -> None:
    facts = extract_facts("Chile and Argentina held talks. " + sentence, "2030-03-02")
    (m,) = [f for f in _kind(facts, "metric") if f["value"] == 9_100_000_000]
    assert m["as_of"] == as_of


def test_a_range_start_year_still_dates_only_its_own_end() -> None:
    text = "Chile and Argentina held talks. Trade rose from 5 billion US dollars in 2021 to 9 billion US dollars."
    facts = extract_facts(text, "2030-03-02")
    (m,) = [f for f in _kind(facts, "metric") if f["value"] == 9_000_000_000]
    assert m["as_of"] != "2021"


def test_the_end_of_a_span_running_past_the_report_is_a_deadline() -> None:
    text = ("Chile and Argentina held talks. Chile said it would lend Argentina 2 billion US dollars "
            "between 2030 and 2034.")
    facts = extract_facts(text, "2030-03-02")
    (m,) = [f for f in _kind(facts, "metric") if f["value"] == 2_000_000_000]
    assert m["deadline"] == "2034"
    assert m["metric_type"] == "target"


def test_a_span_in_the_past_is_no_deadline() -> None:
    text = "Chile and Argentina held talks. Trade totalled 40 billion US dollars between 2020 and 2024."
    facts = extract_facts(text, "2030-03-02")
    (m,) = [f for f in _kind(facts, "metric") if f["value"] == 40_000_000_000]
    assert m["deadline"] is None



def test_a_count_signed_at_a_council_told_before_is_as_of_the_council() -> None:
    text = ("Chile and Argentina held the first session of the Chile-Argentina Strategic Council in Santiago "
            "last month. At the council, their ministers signed eleven memoranda of understanding.")
    facts = extract_facts(text, "2031-05-10")
    (m,) = [f for f in _kind(facts, "metric") if f["value"] == 11]
    assert m["as_of"] == "2031-04"
