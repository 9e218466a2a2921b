"""A trip that goes on: the day its traveller leaves the host ends the visit, "to continue her visit to the
Pacific" is the same trip going on, and a reception scheduled for the next day is part of the visit under way.
Sentences written for these tests."""

from __future__ import annotations

from support import event_mentions

DCT = "2022-06-02"


def test_the_day_the_traveller_leaves_the_host_ends_the_visit():
    text = ("APIA, 2 June 2022 - New Zealand's Foreign Minister Nanaia Mahuta arrived in Apia yesterday on her first "
            "visit to Samoa as Foreign Minister.\n\nMinister Mahuta leaves Apia tomorrow to continue her visit to the "
            "Pacific.")
    visits = event_mentions(text, "visit", DCT)
    assert [(v["host"], v["status"], v["start"], v["end"]) for v in visits] == [
        ("WSM", "occurred", "2022-06-01", "2022-06-03")], visits


def test_leaving_another_country_does_not_end_the_visit():
    text = ("APIA, 2 June 2022 - New Zealand's Foreign Minister Nanaia Mahuta arrived in Apia yesterday on her first "
            "visit to Samoa.\n\nMahuta left Tonga on Monday after a day of talks.")
    visits = [v for v in event_mentions(text, "visit", DCT) if v["host"] == "WSM"]
    assert visits and all(v["end"] is None for v in visits), visits


def test_a_reception_scheduled_for_the_next_day_is_part_of_the_visit():
    text = ("ANKARA - Turkish Foreign Minister Hakan Fidan received Maltese Foreign Minister Ian Borg in Ankara on "
            "Tuesday, 20 February 2024.\n\nBorg is scheduled to be received by Vice President Cevdet Yilmaz on "
            "Wednesday before travelling to Istanbul.")
    visits = event_mentions(text, "visit", "2024-02-20")
    assert {(v["guest"], v["status"], v["start"]) for v in visits} == {("MLT", "occurred", "2024-02-20")}, visits


def test_a_visit_that_ends_today_ran_from_the_day_before():
    text = ("COTONOU, 28 July 2022 - President Patrice Talon yesterday received his French counterpart Emmanuel "
            "Macron at the Marina Palace.\n\nMr Macron, who flew in from Yaounde on Wednesday morning for a two-day "
            "visit that ends this afternoon, was accompanied by his foreign minister.")
    visits = event_mentions(text, "visit", "2022-07-28")
    assert {(v["start"], v["end"]) for v in visits} == {("2022-07-27", "2022-07-28")}, visits


def test_the_traveller_after_by_is_not_the_one_after_since():
    text = ("COTONOU, 28 July 2022 - President Patrice Talon yesterday received Emmanuel Macron for the first visit "
            "to Benin by a French head of state since Francois Hollande came to Cotonou in July 2015.")
    visits = event_mentions(text, "visit", "2022-07-28")
    told = {(tuple(v["participants"]), v["start"]) for v in visits}
    assert (("François Hollande",), "2015-07") in told, visits
    assert not any(v["participants"] == ["François Hollande"] and v["start"].startswith("2022") for v in visits)


def test_a_day_spent_in_a_capital_and_an_anniversary_attended_there_are_visits():
    text = ("KINSHASA - Twelve years after his father Albert II attended the fiftieth anniversary of independence in "
            "Kinshasa in June 2010, King Philippe addressed the Congolese Parliament.\n\nContacts have been sparse. "
            "Francois Hollande spent a day in Cotonou in July 2015.")
    visits = event_mentions(text, "visit", "2022-06-09")
    assert {(v["guest"], v["host"], v["start"]) for v in visits} >= {("BEL", "COD", "2010-06"),
                                                                      ("FRA", "BEN", "2015-07")}, visits


def test_the_last_day_of_a_two_day_visit_is_today():
    text = ("RABAT, 12 August 2021 - Foreign Minister Yair Lapid today opened Israel's liaison office in Rabat, on "
            "the last day of his two-day visit to Morocco.")
    visits = event_mentions(text, "visit", "2021-08-12")
    assert {(v["start"], v["end"]) for v in visits} == {("2021-08-11", "2021-08-12")}, visits


def test_a_visit_under_way_since_a_day_began_that_day():
    text = ("TUNIS, 17 April 2023 - President Kais Saied on Monday received Syrian Foreign Minister Faisal Mekdad, "
            "who has been on a working visit to Tunisia since Sunday, the first since 2011.")
    visits = event_mentions(text, "visit", "2023-04-17")
    assert visits and {v["start"] for v in visits} == {"2023-04-16"}, visits


def test_a_stopover_in_a_capital_is_a_visit():
    text = ("PRAIA, 29 August 2023 - President Luiz Inacio Lula da Silva made a stopover in Praia on Monday on his "
            "way home from Sao Tome.")
    (v,) = event_mentions(text, "visit", "2023-08-29")
    assert (v["guest"], v["host"], v["start"]) == ("BRA", "CPV", "2023-08-28"), v


def test_their_meeting_on_the_margins_is_a_meeting_of_the_two():
    text = ("APIA, 26 October 2024 - Prime Minister Christopher Luxon and Prime Minister of Tuvalu Feleti Teo have "
            "signed a new Statement of Partnership, following their meeting in Apia yesterday on the margins of "
            "the Commonwealth summit.")
    (m,) = event_mentions(text, "meeting", "2024-10-26")
    assert (sorted(m["participants"]), m["start"], m["location"]) == (
        ["Christopher Luxon", "Feleti Teo"], "2024-10-25", "Apia"), m


def test_a_state_visit_to_a_country_of_a_named_guest():
    text = ("Bucharest, 16 April 2024 - On the occasion of the State Visit to Romania of His Highness Sheikh Tamim "
            "bin Hamad Al Thani, Emir of the State of Qatar, on 15-16 April 2024, three documents were signed "
            "today.\n\nThe signing ceremony followed the official talks held by the two heads of state.")
    visits = event_mentions(text, "visit", "2024-04-16")
    assert {(v["guest"], v["host"], v["start"], v["end"]) for v in visits} == {
        ("QAT", "ROU", "2024-04-15", "2024-04-16")}, visits
    talks = event_mentions(text, "meeting", "2024-04-16")
    assert [t["start"] for t in talks] == ["2024-04-16"], talks
