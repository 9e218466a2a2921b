""""Before the ceremony the ministers met": the pair's two ministers named in the lead meet, though the sentence
names neither; "the first visit ... since relations were established in 1992" is not a visit of 1992. Sentences
written for these tests."""

from __future__ import annotations

from support import event_mentions

LEAD = ("Baku, 14 May, Caspian Wire. Uzbek Foreign Minister Bakhtiyor Saidov, who is in Azerbaijan on an official "
        "visit on 14-15 May, today attended together with Azerbaijani Foreign Minister Jeyhun Bayramov the opening "
        "of a trade house in Baku.")


def test_the_ministers_met_are_the_two_ministers_of_the_lead():
    text = LEAD + ("\n\nBefore the ceremony the ministers met in a one-on-one format, and the talks then went on "
                   "with the two delegations present.")
    meetings = event_mentions(text, "meeting", "2024-05-14")
    assert [(sorted(m["participants"]), m["start"]) for m in meetings] == [
        (["Bakhtiyor Saidov", "Jeyhun Bayramov"], "2024-05-14")], meetings


def test_a_first_visit_since_a_long_ago_founding_is_not_dated_by_it():
    text = LEAD + ("\n\nThis is the first visit by a foreign minister of Uzbekistan to Azerbaijan since diplomatic "
                   "relations between the two countries were established in 1995.")
    visits = event_mentions(text, "visit", "2024-05-14")
    assert visits and all(v["start"] == "2024-05-14" for v in visits), visits
