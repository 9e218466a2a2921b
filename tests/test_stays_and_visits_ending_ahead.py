"""A named official "who was in Tashkent on Monday and Tuesday", "who is in Samarkand with a delegation" or "in
Uzbekistan for two days" is on a visit there, but not one "in Beijing for the summit"; "X's three-day visit ends on
Friday" looks ahead to the coming Friday, its last day; "the two ministers held talks" after a company chief is
quoted are the last minister of each side. Sentences written for these tests."""

from __future__ import annotations

from support import event_mentions, visit_to

DCT = "2024-06-12"  # a Wednesday


def test_a_minister_who_was_in_a_capital_on_two_days_visited_it():
    text = ("Turkey's Minister of Trade Ömer Bolat, who was in Tashkent on Monday and Tuesday, signed a memorandum "
            "on textiles with his Uzbek counterpart Laziz Kudratov.")
    v = visit_to(text, DCT, "UZB")
    assert v["guest"] == "TUR" and v["start"] == "2024-06-10" and v["end"] == "2024-06-11", v


def test_a_minister_who_is_in_a_city_with_a_delegation_is_visiting():
    text = ("Turkish Culture Minister Mehmet Nuri Ersoy, who is in Samarkand with a delegation of 40 artists, said "
            "the new centre would teach Turkish.")
    v = visit_to(text, DCT, "UZB")
    assert v["guest"] == "TUR" and v["status"] == "occurred", v


def test_a_minister_in_a_country_for_two_days_is_visiting_it():
    text = ("Turkish Culture Minister Mehmet Nuri Ersoy, in Uzbekistan for two days, opened a cultural centre in "
            "Samarkand.")
    v = visit_to(text, DCT, "UZB")
    assert v["guest"] == "TUR", v


def test_a_leader_in_a_capital_for_a_summit_is_no_bilateral_visit():
    text = ("On the same day, Chinese Premier Li Qiang met Ethiopian Prime Minister Abiy Ahmed, who is in Beijing for "
            "the summit of the forum on cooperation.")
    assert not [v for v in event_mentions(text, "visit", DCT) if v["guest"] == "ETH"]


def test_a_visit_that_ends_on_a_weekday_ends_on_the_coming_one():
    text = ("BRATISLAVA, 12 June 2024 - Indonesia and Slovakia agreed to build a battery plant.\n\n"
            "Bahlil's three-day visit to Slovakia ends on Friday.")
    v = visit_to(text.replace("Bahlil's", "Indonesian Investment Minister Bahlil Lahadalia's"), DCT, "SVK")
    assert v["start"] == "2024-06-12" and v["end"] == "2024-06-14", v


def test_the_two_ministers_after_a_company_chief_are_the_ministers_named_before():
    text = ("BRATISLAVA, 12 June 2024 - Indonesia and Slovakia agreed to build a battery plant.\n\n"
            "Indonesia's Minister of Investment Bahlil Lahadalia and Slovak Economy Minister Denisa Saková "
            "witnessed the signing in Bratislava of a joint venture agreement between two companies.\n\n"
            "The partners put the investment at about 1.2 billion euros, Slovcell chief executive Marek Hudec said. "
            "The plant should create around 2,000 jobs in Indonesia.\n\n"
            "Before the signing, the two ministers held talks at the Ministry of Economy.")
    meetings = event_mentions(text, "meeting", DCT)
    assert any(set(m["participants"]) == {"Bahlil Lahadalia", "Denisa Saková"} for m in meetings), meetings
