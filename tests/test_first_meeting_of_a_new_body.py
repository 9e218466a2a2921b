"""A body the two sides agree to set up, then its first meeting told in a place ("agreed to set up a joint
working group on X. Its first meeting is planned in <city> in January", "a joint working committee, with the
first meeting to be held in <city> in October"): a planned session of that body (issue 13). Sentences written
for the tests."""

from __future__ import annotations

from dyad.nlp.pipeline import extract_facts


def sessions(text: str, dct: str) -> list[dict]:
    return [f for f in extract_facts(text, dct) if f["kind"] == "event" and f["event_type"] == "council_session"]


def test_its_first_meeting_in_the_next_sentence():
    found = sessions("Kuwait and Vietnam agreed on Monday to set up a joint working group on oil refining. Its first "
                     "meeting is planned in Hanoi in January.", "2023-11-10")
    assert len(found) == 1, found
    assert (found[0]["status"], found[0]["start"], found[0]["location"]) == ("planned", "2024-01", "Hanoi")
    assert "joint working group on oil refining" in found[0]["title"]


def test_with_the_first_meeting_to_be_held():
    found = sessions("Nepal and Oman agreed to form a joint working committee, with the first meeting to be held in "
                     "Kathmandu in October.", "2024-06-10")
    assert len(found) == 1, found
    assert (found[0]["start"], found[0]["location"]) == ("2024-10", "Kathmandu")


def test_a_first_meeting_of_no_body_set_up_is_no_session():
    assert sessions("Nepal and Oman said the first meeting of their businesses will take place in Kathmandu in "
                    "October.", "2024-06-10") == []
