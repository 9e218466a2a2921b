"""A declaration named with its day ("the Panmunjom Declaration of April 27") is signed that day, and the day is no
part of its name; a city named in a since-clause ("the first since the new government took office in Damascus") is
not where the visit goes. Sentences written for these tests."""

from __future__ import annotations

from support import event_mentions, mentions


def test_a_declaration_of_a_day_is_signed_that_day():
    text = ("SEOUL - Work on the road began today, as agreed in the Panmunjom Declaration of April 27 and the "
            "Pyongyang Joint Declaration of September 19.")
    found = {a["title"]: a["signed"] for a in mentions(text, "agreement", "2018-12-26")}
    assert found == {"Panmunjom Declaration": "2018-04-27", "Pyongyang Joint Declaration": "2018-09-19"}, found


def test_a_date_after_of_in_a_relative_clause_is_no_title_date():
    text = ("BERLIN - The ministers signed an Agreement on Mutual Assistance in the Event of Disasters and Serious "
            "Accidents, which replaces the agreement of 1997.")
    titles = [a["title"] for a in mentions(text, "agreement", "2024-07-02") if a.get("title")]
    assert "Agreement on Mutual Assistance in the Event of Disasters and Serious Accidents" in titles, titles


def test_a_city_in_a_since_clause_is_not_the_host():
    text = ("Beirut, July 13 -- Lebanese Energy Minister Joe Saddi and Syrian Minister of Energy Mohammed Al-Bashir "
            "today co-chaired a meeting of the joint energy committee in Beirut.\n\nAl-Bashir arrived in the country "
            "on Saturday on a three-day visit, the first by a Syrian minister since the new government took office "
            "in Damascus.")
    visits = event_mentions(text, "visit", "2025-07-13")
    assert visits and {(v["guest"], v["host"]) for v in visits} == {("SYR", "LBN")}, visits
