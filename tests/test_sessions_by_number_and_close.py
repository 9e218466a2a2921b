"""Sessions of long-standing commissions: numbered past the fortieth, dated by "next year" however long the body's
name, and told by their close ("closed yesterday") with their first day told after. Sentences written for these
tests."""

from __future__ import annotations

from support import event_mentions

DCT = "2023-06-16"  # a Friday


def test_a_session_numbered_past_forty_keeps_its_number():
    text = ("HANOI, June 16 - Laos and Viet Nam held the 45th session of the Laos-Viet Nam Intergovernmental "
            "Committee on Bilateral Cooperation in Hanoi on Thursday.")
    (s,) = event_mentions(text, "council_session", DCT)
    assert s["title"] == "45th session of the Laos-Viet Nam Intergovernmental Committee", s
    assert (s["status"], s["start"], s["location"]) == ("occurred", "2023-06-15", "Hanoi")


def test_numbers_in_titles_take_their_own_suffix():
    text = ("HANOI, June 16 - The 21st session of the Laos-Viet Nam Joint Commission will be held in Vientiane "
            "in 2024, the ministers said.")
    (s,) = event_mentions(text, "council_session", DCT)
    assert s["title"].startswith("21st session"), s


def test_next_year_dates_a_session_whose_name_is_long():
    text = ("HAVANA, June 16 - President Diaz-Canel received the Prime Minister of Laos on Friday during his "
            "official visit to Cuba.\n\nAccording to the Foreign Minister, the 12th session of the "
            "Intergovernmental Commission for Economic, Scientific and Technical Cooperation will be held in "
            "Vientiane next year.")
    sessions = event_mentions(text, "council_session", DCT)
    assert [(s["status"], s["start"], s["location"]) for s in sessions] == [("planned", "2024", "Vientiane")]


def test_a_session_told_by_its_close_starts_on_the_day_it_opened():
    text = ("DAKAR, Friday 16 June 2023 - The 4th session of the Senegal-Gambia Joint Commission closed yesterday "
            "at the Ministry of Foreign Affairs in Dakar.\n\nThe three-day session, which opened on Tuesday, was "
            "co-chaired by the two foreign ministers.")
    (s,) = [s for s in event_mentions(text, "council_session", DCT) if s["title"].startswith("4th")]
    assert (s["start"], s["end"], s["location"]) == ("2023-06-13", "2023-06-15", "Dakar"), s


def test_a_session_told_by_its_close_is_counted_back_from_its_length():
    text = ("BANJUL, Friday 16 June 2023 - The two-day 4th session of the Gambia-Senegal Joint Commission "
            "ended yesterday in Banjul with the signing of the Agreed Minutes.")
    (s,) = [s for s in event_mentions(text, "council_session", DCT) if s["title"].startswith("4th")]
    assert (s["start"], s["end"]) == ("2023-06-14", "2023-06-15"), s


def test_a_session_agreed_on_one_day_to_be_convened_later_takes_the_later_date_and_place():
    text = ("PORT LOUIS, 17 February 2025 - Prime Minister Navin Ramgoolam and Seychelles President Wavel Ramkalawan "
            "agreed on Saturday to convene the Joint Commission of the Mauritius-Seychelles Joint Management Area "
            "in Victoria in April.")
    sessions = event_mentions(text, "council_session", "2025-02-17")
    assert [(s["status"], s["start"], s["location"]) for s in sessions] == [("planned", "2025-04", "Victoria")], \
        sessions
