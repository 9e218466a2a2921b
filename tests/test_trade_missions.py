"""A minister's trade mission is a visit: "a four-day trade mission to Chile", "a commercial mission to Korea led
by Minister X"; its first day is the day told "at the start of" it or the day "the mission started", and its
length counts from there. Sentences written for these tests."""

from __future__ import annotations

from support import event_mentions, visit_to


def test_a_trade_mission_to_a_country_is_a_visit_with_its_length():
    text = ("Dutch minister takes firms to Chile\n\nTHE HAGUE, 6 March 2024 - Dutch Foreign Trade Minister Geoffrey "
            "van Leeuwen today started a four-day trade mission to Chile in Santiago, with 30 Dutch companies.")
    v = visit_to(text, "2024-03-06", "CHL")
    assert (v["guest"], v["start"], v["end"], v["status"]) == ("NLD", "2024-03-06", "2024-03-09", "occurred"), v


def test_the_day_told_at_the_start_of_a_mission_is_its_first_not_the_day_it_ends():
    text = ("Portugal eyes Vietnam's ports\n\nHANOI, 8 February 2024 - Portugal wants its shipping firms in Vietnam, "
            "Portuguese Secretary of State for Trade Rui Vieira said here on Wednesday at the start of a four-day "
            "trade mission to Vietnam, ending on Saturday, that will also take him to Ho Chi Minh City.")
    v = visit_to(text, "2024-02-08", "VNM")
    assert (v["start"], v["end"]) == ("2024-02-07", "2024-02-10"), v


def test_a_mission_that_started_on_a_day_told_apart_opens_then():
    text = ("Australia and Oman agree to study a trade deal\n\nMUSCAT, 21 February 2024 - Oman and Australia agreed on "
            "Tuesday to study a trade agreement, Oman's Minister of Commerce Qais Al Yousef said after talks in Muscat "
            "with Australia's Trade Minister Don Farrell, who is on a four-day trade mission to Oman with 40 "
            "Australian companies.\n\nFarrell's mission, which started on Monday, continues to Salalah today.")
    v = visit_to(text, "2024-02-21", "OMN")
    assert (v["start"], v["end"]) == ("2024-02-19", "2024-02-22"), v


def test_a_mission_led_by_a_minister_named_after_it():
    text = ("Costa Rica and Korea to talk investment\n\nSAN JOSE, 14 May 2024 - Costa Rica and South Korea agreed to "
            "begin talks on an investment agreement. The meeting took place on the first day of a commercial mission "
            "to South Korea led by Minister Manuel Tovar, in which 18 exporting companies are taking part.")
    v = visit_to(text, "2024-05-14", "KOR")
    assert v["guest"] == "CRI", v


def test_a_diplomatic_mission_is_novisit_to():
    text = ("Chile and Oman open ties\n\nMUSCAT, 21 February 2024 - The Chilean mission to Oman will be headed by a "
            "chargé d'affaires, the ministry said.")
    assert [v for v in event_mentions(text, "visit", "2024-02-21") if v["host"] == "OMN"] == []
