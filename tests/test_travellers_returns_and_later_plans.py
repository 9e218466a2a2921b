"""Who travels and when a trip is over: the person "accompanied by" a traveller goes with them, "returned from X"
tells a visit to X that ended that day, and a visit or consultations announced for later are not parts of the
visit told as done. Sentences written for these tests."""

from __future__ import annotations

from support import event_mentions

DCT = "2024-04-18"  # a Thursday


def test_a_minister_accompanying_the_president_is_not_another_traveller():
    text = ("MANILA, 16 April 2024 - President Marcos today welcomed President Petr Pavel of the Czech Republic at "
            "the start of his three-day state visit.\n\nPresident Pavel, accompanied by Foreign Minister Jan "
            "Lipavsky, arrived in Manila on Monday evening.")
    visits = event_mentions(text, "visit", "2024-04-16")
    assert {tuple(v["participants"]) for v in visits} == {("Petr Pavel",)}, visits


def test_coming_back_from_a_country_tells_the_visit_there():
    text = ("PRAGUE - President Petr Pavel returned from the Philippines on Wednesday night with a defence "
            "memorandum in his luggage.")
    (v,) = event_mentions(text, "visit", DCT)
    assert (v["guest"], v["host"], v["status"], v["end"]) == ("CZE", "PHL", "occurred", "2024-04-17"), v
    assert v["start"] == "2024-04"  # the day it began is not told


def test_coming_back_with_a_nameless_traveller_is_no_visit():
    text = "The minister returned from Brussels on Monday and told parliament that farmers would be paid."
    assert event_mentions(text, "visit", DCT) == []


def test_that_visit_after_an_invitation_is_the_one_to_come():
    text = ("PRAGUE - President Petr Pavel returned from the Philippines on Wednesday night, after talks with "
            "President Ferdinand Marcos Jr.\n\nPavel also invited "
            "Marcos to Prague. Lipavsky said that visit could happen next year.")
    visits = event_mentions(text, "visit", DCT)
    planned = [v for v in visits if v["status"] == "planned"]
    assert [(v["guest"], v["host"], v["start"]) for v in planned] == [("PHL", "CZE", "2025")], visits


def test_consultations_announced_for_later_are_not_part_of_the_visit_done():
    text = ("PRAGUE - President Petr Pavel returned from the Philippines on Wednesday night.\n\nThe Czech foreign "
            "minister said the two foreign ministries would hold political consultations in Prague in the "
            "autumn.")
    (m,) = event_mentions(text, "meeting", DCT)
    assert m["status"] == "planned" and not m["parent"].startswith("visit:"), m


def test_consultations_planned_for_a_year_take_that_year():
    text = ("BERN, 12 May 2022 - Swiss President Ignazio Cassis received Tajik Foreign Minister Sirojiddin Muhriddin "
            "in Bern on Thursday. The next round of political consultations between the two foreign ministries is "
            "planned for 2023 in Dushanbe.")
    planned = [m for m in event_mentions(text, "meeting", "2022-05-12") if m["status"] == "planned"]
    assert [(m["start"], m["location"]) for m in planned] == [("2023", "Dushanbe")], planned
