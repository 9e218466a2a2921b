""""the United States Trade Representative, X" is a title that places X; a leader who spoke "after receiving" a
guest received the guest; "the first meeting of their free trade agreement joint committee by video conference" is
that body's first session, and "the two co-chaired the meeting" after it is no other meeting. Sentences written for
these tests."""

from __future__ import annotations

from support import event_mentions, mentions

DCT = "2024-05-16"  # a Thursday


def test_a_trade_representative_named_after_a_comma_receives_a_minister():
    text = ("Title\n\nTashkent, 16 May 2024 - Uzbekistan and the United States held market access talks.\n\n"
            "On Tuesday, Laziz Kudratov was received by the United States Trade Representative, Katherine Tai.")
    people = {p["name"]: p for p in mentions(text, "entity", DCT) if p["entity_type"] == "person"}
    assert people.get("Katherine Tai", {}).get("country") == "USA", people
    meetings = event_mentions(text, "meeting", DCT)
    assert any({"Laziz Kudratov", "Katherine Tai"} <= set(m["participants"]) and m["start"] == "2024-05-14"
               for m in meetings), meetings


def test_a_leader_who_spoke_after_receiving_a_guest_received_the_guest():
    text = ('PORT MORESBY - "Nothing changes for our coffee growers," Prime Minister James Marape said after '
            "receiving British High Commissioner Helen Strachan at his office yesterday.")
    meetings = event_mentions(text, "meeting", DCT)
    assert any({"James Marape", "Helen Strachan"} <= set(m["participants"]) and m["start"] == "2024-05-15"
               for m in meetings), meetings


def test_a_lower_case_committee_with_what_it_serves_holds_its_first_session():
    text = ("SEOUL - Korea and El Salvador held the first meeting of their free trade agreement joint committee by "
            "video conference on Wednesday, the trade ministry said.\n\nTrade Minister Yeo Han-koo and El "
            "Salvador's Minister of Economy Maria Luisa Hayem co-chaired the meeting.")
    sessions = event_mentions(text, "council_session", DCT)
    assert any(s["start"] == "2024-05-15" and s["status"] == "occurred" for s in sessions), sessions
    assert not event_mentions(text, "meeting", DCT)


def test_officials_who_will_meet_in_a_named_city_make_a_planned_meeting():
    text = ("AVARUA - Australia and the Cook Islands agreed to study water supplies on the outer islands, and "
            "officials would meet in Canberra in August to discuss it.")
    meetings = event_mentions(text, "meeting", DCT)
    assert any(m["status"] == "planned" and m["start"] == "2024-08" and m["location"] == "Canberra"
               for m in meetings), meetings


def test_officials_who_met_are_no_planned_meeting():
    text = "AVARUA - Officials said the supplies would arrive in Rarotonga in August."
    assert not event_mentions(text, "meeting", DCT)
