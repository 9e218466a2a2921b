"""Sessions as transport and trade copy tells them: "the joint permanent commission on transport would meet in X
in August" (the pair left unsaid), "X is to host the Commission's next meeting in 2025", "The 4th session of the
A-B Joint Commission of Cooperation closed on Wednesday ... Over two days, ..." (the body's name runs on with "of"),
and the figures signed at a session's close are as of its last day. Sentences written for these tests."""

from __future__ import annotations

from support import event_mentions, mentions

HEAD = "Ghana and Togo\n\nACCRA, July 20 - "


def test_a_joint_commission_named_in_lower_case_without_the_pair_will_meet():
    found = event_mentions(HEAD + "The two ministers agreed that the joint permanent commission on transport would "
                           "meet in Lome in August.", "council_session", "2024-07-20")
    assert [(s["status"], s["start"], s["location"]) for s in found] == [("planned", "2024-08", "Lome")], found


def test_the_commissions_next_meeting_with_a_capital_head():
    found = event_mentions(HEAD + "The 2nd meeting of the Ghana-Togo Intergovernmental Commission was held in Accra. "
                           "Lome is to host the Commission's next meeting in 2025.", "council_session", "2024-07-20")
    assert ("planned", "2025") in {(s["status"], s["start"]) for s in found}, found


def test_a_session_that_closed_on_a_day_after_two_days_and_its_figures():
    text = HEAD + ("The 4th session of the Ghana-Togo Joint Commission of Cooperation closed on Wednesday in Accra "
                   "with the signing of 12 cooperation agreements. Over two days, the session was chaired jointly by "
                   "the two foreign ministers.")
    (s,) = event_mentions(text, "council_session", "2024-07-20")
    assert (s["start"], s["end"]) == ("2024-07-16", "2024-07-17"), s
    counts = [m for m in mentions(text, "metric", "2024-07-20") if m["value"] == 12]
    assert [m["as_of"] for m in counts] == ["2024-07-17"], counts
