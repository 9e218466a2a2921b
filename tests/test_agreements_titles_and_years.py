"""Agreements named in title case with a list inside ("Treaty of Friendship, Partnership and Cooperation"), dated
by the year before their name ("the 2008 Treaty") or by the participle after it ("the X Agreement signed in
2021"), and never by a year of what they provide for. Sentences written for these tests."""

from __future__ import annotations

from support import mentions

DCT = "2024-11-20"


def agreements(text: str, dct: str = DCT) -> list[dict]:
    return mentions(text, "agreement", dct)


def test_a_title_case_list_stays_inside_the_title():
    (a,) = agreements("The two presidents signed a Treaty on Good-Neighbourliness, Friendship and Cooperation in "
                      "Hanoi on Tuesday.")
    assert a["title"] == "Treaty on Good-Neighbourliness, Friendship and Cooperation"
    assert (a["status"], a["signed"]) == ("signed", "2024-11-19")


def test_the_next_item_of_a_list_after_a_title_with_a_list_is_its_own():
    ags = agreements("They signed the Agreement on Trade, Economic and Technical Cooperation, and a memorandum on "
                     "tourism.")
    assert {a.get("title") for a in ags} == {"Agreement on Trade, Economic and Technical Cooperation",
                                              "memorandum on tourism"}, ags


def test_countries_after_a_comma_end_the_title():
    ags = agreements("They signed the Agreement on Trade, Peru and Chile said on Monday.")
    assert [a["title"] for a in ags] == ["Agreement on Trade"], ags


def test_the_year_before_a_title_is_the_year_it_was_signed():
    (a,) = agreements("Lima and Santiago revived the 1999 Treaty of Peace, Friendship and Navigation on Monday.")
    assert a["title"] == "Treaty of Peace, Friendship and Navigation"
    assert (a["status"], a["signed"]) == ("signed", "1999")


def test_a_year_ahead_before_a_title_is_no_signing():
    ags = agreements("The two ministers endorsed the 2030 Agenda for Cooperation in Lima.")
    assert all(a["signed"] != "2030" for a in ags), ags


def test_signed_in_after_the_title_dates_it_however_near_another_date():
    (a,) = agreements("Officials said the joint commission would meet in Lima later this year to review the Free "
                      "Trade Agreement signed in 2018.")
    assert (a["status"], a["signed"]) == ("signed", "2018")


def test_a_year_of_what_an_agreement_provides_for_is_no_signing_day():
    ags = agreements("VIENNA, 20 November 2024 - The chancellor and the president witnessed the signing of an "
                     "agreement between OMV and Petrom on the delivery of two billion cubic metres of gas to Austria "
                     "in 2026, as well as agreements on education and water management.")
    assert ags and all(a["signed"] != "2026" for a in ags), ags
    assert all(a["status"] == "signed" for a in ags)


def test_a_list_of_lower_case_words_stays_inside_the_field():
    ags = agreements("DOHA - The two leaders witnessed the signing of an agreement on economic, commercial and "
                     "technical cooperation, an agreement on visa exemption for holders of diplomatic, special and "
                     "official passports, and a memorandum on tourism.")
    titles = {a.get("title") for a in ags}
    assert {"agreement on economic, commercial and technical cooperation",
            "agreement on visa exemption for holders of diplomatic, special and official passports"} <= titles, ags


def test_fields_after_the_fields_of_with_of_repeated_are_two_instruments():
    ags = agreements("DOHA - The two leaders witnessed the signing of two memoranda of understanding in the fields of "
                     "youth and sports and of tourism.")
    assert sorted(tuple(a["sectors"]) for a in ags) == [("culture",), ("tourism",)], ags


def test_fields_after_a_colon_each_with_on():
    ags = agreements("TALLINN - After the meeting, the two ministers signed two memoranda of understanding: on cyber "
                     "security cooperation and on digital government.")
    assert len(ags) == 2 and all(a["instrument"] == "memorandum" for a in ags), ags
