"""A business forum named after the pair, opened or attended by officials of both sides, is where the two sides
meet; a forum of companies alone, or one named after another pair, is not a meeting of the pair. Sentences written
for these tests."""

from __future__ import annotations

from support import event_mentions

DCT = "2024-01-20"


def test_a_pair_forum_two_prime_ministers_attended_is_a_meeting():
    text = ("Title\n\nBUCHAREST, 20 January 2024 - Vietnamese Prime Minister Pham Minh Chinh and Romanian Prime "
            "Minister Marcel Ciolacu today attended the Vietnam-Romania Business Forum in Bucharest.")
    forums = [m for m in event_mentions(text, "meeting", DCT) if "Forum" in m["title"]]
    assert forums and forums[0]["start"] == "2024-01-20" and forums[0]["location"] == "Bucharest", forums


def test_a_pair_forum_of_companies_alone_is_no_meeting():
    text = ("Title\n\nBUCHAREST, 20 January 2024 - About 200 companies took part in the Vietnam-Romania Business "
            "Forum held in Bucharest today, the chamber of commerce said.")
    assert not [m for m in event_mentions(text, "meeting", DCT) if "Forum" in m["title"]]
