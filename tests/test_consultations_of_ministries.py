"""Rounds of political consultations told by the ministries that hold them, no one named ("the foreign ministries
of A and B held their first round of political consultations by videoconference"), or co-chaired by officials
("co-chaired the ninth political consultations of the two foreign ministries"); "co-chaired the sixth meeting of
the A-B Cooperation Council" is that body's session; "Head of the Federal Department of Foreign Affairs X" is X.
Sentences written for these tests."""

from __future__ import annotations

from support import event_mentions, mentions

HEAD = "Uzbekistan and Canada\n\nTashkent, 8 September (SWS) - Uzbek Foreign Minister Bakhtiyor Saidov spoke with " \
       "Canadian Foreign Minister Melanie Joly.\n\n"


def test_ministries_hold_a_round_of_consultations_with_no_one_named():
    text = HEAD + ("On Tuesday, the foreign ministries of Uzbekistan and Canada held their first round of political "
                   "consultations by videoconference.")
    found = [m for m in event_mentions(text, "meeting", "2023-09-08") if "consultations" in m["title"]]
    assert [(m["start"], m["status"], set(m["countries"])) for m in found] == [
        ("2023-09-05", "occurred", {"UZB", "CAN"})], found


def test_consultations_co_chaired_by_two_officials():
    text = HEAD + ("On Thursday, in Tashkent, Deputy Foreign Minister Bakhrom Aloev and Canadian Deputy Minister "
                   "David Morrison co-chaired the ninth political consultations of the two foreign ministries.")
    found = [m for m in event_mentions(text, "meeting", "2023-09-08") if "consultations" in m["title"]]
    assert [m["start"] for m in found] == ["2023-09-07"], event_mentions(text, "meeting", "2023-09-08")


def test_a_meeting_of_a_council_co_chaired_is_its_session_not_a_format():
    text = HEAD + ("The two presidents today co-chaired the sixth meeting of the Uzbek-Canadian High-Level Strategic "
                   "Cooperation Council in Tashkent.")
    assert [m for m in event_mentions(text, "meeting", "2023-09-08") if "sixth" in m["title"]] == []


def test_a_department_of_foreign_affairs_before_a_name_is_the_title():
    text = HEAD + ("Saidov also had a phone call with Swiss Federal Councillor and Head of the Federal Department of "
                   "Foreign Affairs Ignazio Cassis.")
    names = {p["name"] for p in mentions(text, "entity", "2023-09-08") if p.get("entity_type") == "person"}
    assert "Ignazio Cassis" in names and "Affairs Ignazio Cassis" not in names, names
