"""Envoys: "the Ambassador of A to B, X," is A's ambassador; "X presented her letters of credence to the President of
B, Y, on Tuesday" is a meeting of the two, and an ambassador received by a minister of the country she is posted to
is not on a visit. Sentences written for these tests."""

from __future__ import annotations

from support import event_mentions, mentions

TEXT = ("NAIROBI, 17 April 2024 - The Ambassador of the Czech Republic to the Republic of Kenya, Petra Novakova, "
        "presented her letters of credence to the President of the Republic of Kenya, William Samoei Ruto, on Tuesday "
        "at State House, Nairobi.\n\nA week earlier, on 9 April, Ambassador Novakova was received by Foreign Minister "
        "Musalia Mudavadi.")


def test_the_ambassador_of_a_to_b_is_an_envoy_of_a():
    people = {p["name"]: p for p in mentions(TEXT, "entity", "2024-04-17") if p.get("entity_type") == "person"}
    assert (people["Petra Novakova"]["country"], people["Petra Novakova"]["role"]) == (
        "CZE", "Ambassador of Czech Republic to Kenya"), people


def test_credentials_presented_to_a_president_are_a_meeting_of_the_two():
    meetings = event_mentions(TEXT, "meeting", "2024-04-17")
    assert any(sorted(m["participants"]) == ["Petra Novakova", "William Samoei Ruto"] and m["start"] == "2024-04-16"
               for m in meetings), meetings


def test_an_ambassador_received_by_a_minister_is_no_visit():
    assert not event_mentions(TEXT, "visit", "2024-04-17")
