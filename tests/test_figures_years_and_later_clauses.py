"""A figure's year dates the figure, not a visit told after it; a past meeting is not dated by a future date in a
later clause; "called on A, and held a meeting with B" are two meetings. Sentences written for these tests."""

from __future__ import annotations

from support import event_mentions

DCT = "2023-03-08"


def test_the_year_of_a_trade_figure_does_not_date_the_visit_told_next():
    text = ("TASHKENT, March 8 -- Turkey's Trade Minister Omer Bolat was received on Wednesday by President Shavkat "
            "Mirziyoyev.\n\nBolat also held a meeting with Uzbek Foreign Minister Bakhtiyor Saidov on boosting trade, "
            "which reached about 3 billion Turkish liras last year.\n\nThe Turkish minister, on a one-day working "
            "visit to the republic, was accompanied by Turkey's ambassador.")
    visits = event_mentions(text, "visit", DCT)
    assert visits and all(v["start"] == "2023-03-08" for v in visits), visits


def test_a_past_meeting_keeps_its_day_when_a_later_clause_plans_the_next_one():
    text = ("TASHKENT, March 8 -- Turkey's Trade Minister Omer Bolat was received on Wednesday by President Shavkat "
            "Mirziyoyev.\n\nEarlier, the Turkish minister met with his Uzbek counterpart Laziz Kudratov at the "
            "ministry, where the two ministers reviewed trade and transport, particularly the rail corridor, and "
            "agreed that the intergovernmental commission would hold its next meeting in Ankara in the second "
            "half of next year.")
    meetings = [m for m in event_mentions(text, "meeting", DCT) if "Laziz Kudratov" in m["participants"]]
    assert [(m["status"], m["start"]) for m in meetings] == [("occurred", "2023-03-08")], meetings


def test_calling_on_one_minister_and_meeting_another_are_two_meetings():
    text = ("TASHKENT, March 8 -- Turkey's Trade Minister Omer Bolat was received on Wednesday by President Shavkat "
            "Mirziyoyev.\n\nBolat also called on Jamshid Khodjaev, Deputy Prime Minister for Investment, and held a "
            "meeting with Laziz Kudratov, Minister of Investment, Industry and Trade, on boosting trade.")
    pairs = {frozenset(m["participants"]) for m in event_mentions(text, "meeting", DCT)}
    assert frozenset({"Omer Bolat", "Jamshid Khodjaev"}) in pairs, pairs
    assert frozenset({"Omer Bolat", "Laziz Kudratov"}) in pairs, pairs
    assert not any(len(p) > 2 for p in pairs), pairs
