"""The days of a visit from the traveller's moves: an arrival a day or two before the talks opens it, "will return
to X on 6 March" and "before leaving for Y on Saturday afternoon" close it, however the traveller is named ("Mr
Wang" for Wang Yi, "The Senior General"); an arrival back home is no arrival in the host. Also "the second and
final day of X's visit", and a "to" of another clause is no host. Sentences written for these tests."""

from __future__ import annotations

from support import event_mentions, visit_to


def test_an_arrival_before_the_talks_opens_the_visit_and_a_return_home_closes_it():
    text = ("VIENTIANE, 5 March - Chairman of the State Administration Council Senior General Min Aung Hlaing, who is "
            "paying a working visit to Laos, held talks with President Thongloun Sisoulith in Vientiane yesterday.\n\n"
            "The Senior General and party arrived at Wattay International Airport on 3 March.\n\nThe Senior General "
            "will return to Nay Pyi Taw on 6 March.")
    v = visit_to(text, "2025-03-05", "LAO")
    assert (v["start"], v["end"]) == ("2025-03-03", "2025-03-06"), v


def test_a_traveller_named_by_family_name_arrives_and_leaves_for_the_next_stop():
    text = ("SUVA, Monday 30 May 2022 - Fiji and China signed two agreements on Saturday during a visit by Chinese "
            "Foreign Minister Wang Yi.\n\nMr Wang arrived at Nadi International Airport on Friday night from Samoa, "
            "and held talks with the Prime Minister on Saturday morning.\n\nMr Wang also called on the President "
            "before leaving for Tonga on Saturday afternoon.")
    v = visit_to(text, "2022-05-30", "FJI")
    assert (v["start"], v["end"]) == ("2022-05-27", "2022-05-28"), v


def test_an_arrival_back_home_does_not_date_thevisit_to():
    text = ("President Nana Akufo-Addo has arrived in Accra after a two-day working visit to the Kingdom of "
            "Morocco.\n\nThe President arrived on Monday evening and was received at the Kotoka International "
            "Airport in Accra by government officials, after meetings with King Mohammed VI.")
    v = visit_to(text, "2018-06-12", "MAR")
    assert v["start"] != "2018-06-11", v


def test_the_second_and_final_day_of_a_visit_is_its_last():
    text = ("HANOI, Sept 4 -- Prime Minister Narendra Modi and Prime Minister Pham Minh Chinh on Wednesday held talks "
            "at the Government Office on the second and final day of Modi's visit, the first by an Indian leader in "
            "years.")
    v = visit_to(text, "2024-09-04", "VNM")
    assert (v["start"], v["end"]) == ("2024-09-03", "2024-09-04"), v


def test_a_to_in_a_clause_about_investors_is_no_host():
    text = ("BANGKOK, 11 July 2024 - Kenyan Foreign Minister Musalia Mudavadi yesterday held talks with his Thai "
            "counterpart at the Foreign Ministry in Bangkok, the first day of a three-day official visit aimed at "
            "drawing Thai investors to Kenya's industrial parks.")
    visits = event_mentions(text, "visit", "2024-07-11")
    assert visits and {(v["guest"], v["host"]) for v in visits} == {("KEN", "THA")}, visits


def test_legs_of_a_tour_told_without_days_take_the_month_of_its_dated_leg():
    text = ("HAVANA - Mexican President Andres Manuel Lopez Obrador and Cuban President Miguel Diaz-Canel signed seven "
            "agreements in Havana on Sunday.\n\nLopez Obrador arrived in Havana late on Saturday from Belize. The tour "
            "also took him to Guatemala, El Salvador and Honduras.")
    legs = {v["host"]: v for v in event_mentions(text, "visit", "2022-05-09")}
    assert all(legs[c]["start"] == "2022-05" for c in ("GTM", "SLV", "HND") if c in legs) and "GTM" in legs, legs
