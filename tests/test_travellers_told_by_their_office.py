"""A minister whose country the text leaves unsaid, who "visited Zambia" in an article on two countries, is of the
other country; "During the visit, the Minister also met President X" is the visitor meeting X. Sentences written for
these tests."""

from __future__ import annotations

from support import event_mentions, mentions

DCT = "2023-03-16"

TEXT = ("Sweden and Zambia agree on new support for maternal health\n\n"
        "Press release from the Ministry for Foreign Affairs\n\n"
        "Minister for International Development Cooperation and Foreign Trade Johan Forssell visited Zambia on "
        "14-15 March. In Lusaka, he met Minister of Health Sylvia Masebo.\n\n"
        "During the visit, the Minister also met President Hakainde Hichilema. They discussed debt restructuring.")


def test_a_minister_who_visited_one_country_of_the_pair_is_of_the_other():
    people = {p["name"]: p for p in mentions(TEXT, "entity", DCT) if p["entity_type"] == "person"}
    assert people.get("Johan Forssell", {}).get("country") == "SWE", people


def test_the_minister_of_a_visit_meeting_a_president_is_the_visitor():
    meetings = event_mentions(TEXT, "meeting", DCT)
    assert any({"Johan Forssell", "Hakainde Hichilema"} <= set(m["participants"]) for m in meetings), meetings
