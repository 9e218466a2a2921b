"""Readouts and offices: "Today, Minister X spoke with Y, C's Minister of ..." is a call; the end of a ministry's
name after "and" is no person; a Taoiseach is a head of government, called on like one, and found even where the
tagger runs his name into a place; "The two ministers held talks" are the two named before. Sentences written
for these tests."""

from __future__ import annotations

from support import event_mentions, mentions

DCT = "2019-05-23"


def test_a_minister_who_spoke_with_a_foreign_minister_in_a_readout_made_a_call():
    text = ("OTTAWA, May 23, 2019 - Today, the Honourable Chrystia Freeland, Minister of Foreign Affairs, spoke "
            "with Nestor Popolizio, Peru's Minister of Foreign Affairs and Regional Integration.")
    (m,) = event_mentions(text, "meeting", DCT)
    assert m["title"].startswith("phone call between") and m["location"] is None, m
    assert set(m["countries"]) == {"CAN", "PER"}


def test_the_end_of_a_ministrys_name_is_no_person():
    text = ("LIMA, May 23, 2019 - Peru's foreign minister met Jose Valencia, Ecuador's Minister of Foreign Affairs "
            "and Human Mobility.")
    names = {p["name"] for p in mentions(text, "entity", DCT) if p["entity_type"] == "person"}
    assert "Human Mobility" not in names and "José Valencia" in names, names


def test_speaking_with_someone_in_a_city_is_talks_not_a_call():
    text = "President Erdogan spoke with the Angolan President Joao Lourenco in Antalya on Tuesday."
    (m,) = event_mentions(text, "meeting", DCT)
    assert m["title"].startswith("talks between") and m["location"] == "Antalya", m


def test_speaking_with_reporters_is_no_meeting():
    assert event_mentions("Canada's foreign minister spoke with reporters in Lima on Tuesday.", "meeting",
                          DCT) == []


def test_a_call_on_the_taoiseach_at_a_named_building():
    text = ("DUBLIN, 5 July 2018 - New Zealand Foreign Minister Winston Peters and Irish Foreign Minister Simon "
            "Coveney met on Wednesday. Peters, who also called on Taoiseach Leo Varadkar at Government Buildings on "
            "Wednesday afternoon, said they were close.")
    calls = [m for m in event_mentions(text, "meeting", "2018-07-05") if m["title"].startswith("courtesy call")]
    assert [sorted(c["participants"]) for c in calls] == [["Leo Varadkar", "Winston Peters"]], calls


def test_the_two_ministers_are_the_two_named_before():
    text = ("DUBLIN, 5 July 2018 - New Zealand Foreign Minister Winston Peters and Irish Foreign Minister Simon "
            "Coveney agreed on Wednesday to widen the working holiday scheme.\n\nThe two ministers held talks at "
            "Iveagh House in Dublin.")
    (m,) = event_mentions(text, "meeting", "2018-07-05")
    assert sorted(m["participants"]) == ["Simon Coveney", "Winston Peters"], m


def test_a_given_name_before_bint_belongs_to_the_name_and_the_office_before_to_the_person_before():
    text = ("BUCHAREST - The agreement was signed by Ligia Deca, Minister of Education, and Buthaina bint Ali Al Jabr "
            "Al Nuaimi, Minister of Education and Higher Education.")
    people = {p["name"]: p for p in mentions(text, "entity", "2024-04-16") if p["entity_type"] == "person"}
    assert "Buthaina bint Ali Al Jabr Al Nuaimi" in people, people
    assert people["Buthaina bint Ali Al Jabr Al Nuaimi"]["role"] == "Minister of Education and Higher Education"
