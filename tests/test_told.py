"""The date of an event told earlier, for a sentence that refers back to it (dyad.nlp.told).
Sentences written for these tests."""

from __future__ import annotations

import pytest

from dyad.nlp.told import told_event_date


def _ev(start: int, event_type: str, title: str, status: str, date: str | None) -> dict:
    return {"kind": "event", "event_type": event_type, "title": title, "status": status, "start": date,
            "sources": [{"start": start, "end": start + 10}]}


TEXT = "The joint board met in Lisbon in March. At the board, the ministers signed a charter."


def test_a_fronted_reference_takes_the_date_of_the_event_told_before() -> None:
    facts = [_ev(0, "council_session", "session of the joint board", "occurred", "2030-03")]
    assert told_event_date(TEXT, TEXT.index("At the"), facts) == "2030-03"


@pytest.mark.parametrize(
    ("facts", "expected"),
    [
        ([], None),  # nothing told
        ([_ev(0, "meeting", "talks in Lisbon", "occurred", "2030-03")], None),  # "board" names no talks
        ([_ev(0, "council_session", "session of the joint board", "planned", "2030-03")], None),  # to come
        ([_ev(0, "council_session", "session of the joint board", "occurred", "2030-03"),
          _ev(20, "council_session", "the board's next session", "planned", "2031")], None),  # latest: planned
    ],
)
def test_no_date_without_a_done_event_of_that_kind(facts: list[dict], expected: str | None) -> None:
    assert told_event_date(TEXT, TEXT.index("At the"), facts) == expected


def test_a_sentence_that_does_not_refer_back_gets_nothing() -> None:
    text = "The board met in March. The ministers later signed a charter."
    facts = [_ev(0, "council_session", "session of the board", "occurred", "2030-03")]
    assert told_event_date(text, text.index("The ministers"), facts) is None


def test_at_the_end_of_the_meeting_names_the_meeting() -> None:
    text = "Delegations met on Monday. At the end of the meeting, they signed two accords."
    facts = [_ev(0, "meeting", "talks between delegations", "occurred", "2030-06-03")]
    assert told_event_date(text, text.index("At the"), facts) == "2030-06-03"


def test_a_reference_in_a_sentence_about_what_is_to_come_gets_nothing() -> None:
    text = "Leaders held talks on Monday. During the summit, the signing of a trade pact is expected."
    facts = [_ev(0, "meeting", "talks between leaders", "occurred", "2030-06-03")]
    assert told_event_date(text, text.index("During"), facts) is None


def test_an_event_of_several_days_does_not_say_which_day() -> None:
    text = "The envoy toured Peru from 2 to 5 May. During the visit, the sides signed a pact."
    facts = [{**_ev(0, "visit", "envoy visit to Peru", "occurred", "2030-05-02"), "end": "2030-05-05"}]
    assert told_event_date(text, text.index("During"), facts) is None


def test_during_the_same_visit_takes_the_earlier_visits_date() -> None:
    text = "The prince visited Lima in May 2029. During the same visit, the two governments signed a pact."
    facts = [_ev(0, "visit", "prince visit to Peru", "occurred", "2029-05")]
    assert told_event_date(text, text.index("During"), facts) == "2029-05"
