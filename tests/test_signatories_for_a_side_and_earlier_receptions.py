"""A signatory named with particles and a title set after the name ("Tinne Van der Straeten, Federal Minister of
Energy, signed for Belgium") is a person of the side signed for, even in copy filed from the other side; "received
the Belgian minister" is that minister, whatever her portfolio; "Earlier, X received ..." in a two-day visit is the
day of the news; "the Mattei Plan, Prime Minister Giorgia Meloni's programme" names no person. Sentences written
for these tests."""

from __future__ import annotations

from support import event_mentions, mentions

TEXT = ("Oman and Belgium sign memorandum on ports\n\nMuscat, 13 February (HPA) -- The Sultanate of Oman and the "
        "Kingdom of Belgium today signed a memorandum of understanding on port cooperation.\n\nThe Minister of "
        "Transport, Said bin Hamoud Al Maawali, signed the memorandum for the Sultanate, while Annelies Van der "
        "Linden, Federal Minister of Mobility, signed for Belgium. The Belgian minister began a two-day visit to the "
        "Sultanate yesterday.\n\nEarlier, Sayyid Badr bin Hamad Al Busaidi, Minister of Foreign Affairs, received "
        "the Belgian minister and the accompanying delegation.")


def test_a_signatory_with_particles_is_a_person_of_the_side_she_signs_for():
    people = {p["name"]: p for p in mentions(TEXT, "entity", "2023-02-13") if p.get("entity_type") == "person"}
    assert people["Annelies Van der Linden"]["country"] == "BEL", people


def test_the_belgian_minister_received_earlier_on_the_day_of_the_news():
    met = [m for m in event_mentions(TEXT, "meeting", "2023-02-13")
           if "Annelies Van der Linden" in m["participants"] and "Badr bin Hamad Al Busaidi" in m["participants"]]
    assert met and {m["start"] for m in met} == {"2023-02-13"}, event_mentions(TEXT, "meeting", "2023-02-13")


def test_a_title_that_opens_another_name_is_no_apposition():
    text = ("Italy and Algeria\n\nROME, 3 May 2024 - Rome has placed Algeria at the heart of the Mattei Plan, Prime "
            "Minister Giorgia Meloni's programme of investment in Africa.")
    names = {p["name"] for p in mentions(text, "entity", "2024-05-03") if p.get("entity_type") == "person"}
    assert "Mattei Plan" not in names, names
