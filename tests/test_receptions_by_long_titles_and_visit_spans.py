"""A host "received the Prime Minister of the Republic of X, Y," meets Y; "a three-day visit which began on Monday"
tells the visit's first day, not the day the story has reached; "who was in Singapore from Sunday to Tuesday" is a
visit; "has concluded a three-day visit" under a dated lead ends on the lead's day; "a two-day official visit, the
first of his tenure, which ended on Wednesday" ended that day. Sentences written for these tests."""

from __future__ import annotations

from support import event_mentions, visit_to

DCT = "2024-04-17"  # a Wednesday


def test_a_guest_named_after_a_long_title_and_a_comma_is_received():
    text = ("Press Release | State House, Abuja | 17 April 2024\n\nPresident Bola Ahmed Tinubu on Tuesday received "
            "the Prime Minister of the Democratic Republic of Sao Tome and Principe, Patrice Trovoada, at the "
            "Presidential Villa for talks on maritime security.")
    meetings = event_mentions(text, "meeting", DCT)
    assert any({"Bola Ahmed Tinubu", "Patrice Trovoada"} <= set(m["participants"]) and m["start"] == "2024-04-16"
               for m in meetings), meetings


def test_the_first_day_of_a_visit_told_as_background_does_not_date_what_follows():
    text = ("Press Release | State House, Abuja | 17 April 2024\n\nPresident Bola Ahmed Tinubu on Tuesday received "
            "the Prime Minister of the Democratic Republic of Sao Tome and Principe, Patrice Trovoada, at the "
            "Presidential Villa.\n\nPrime Minister Trovoada is in Nigeria on a three-day working visit which began "
            "on Monday and ends today.\n\nThe closed-door meeting was later expanded to include ministers, after "
            "which the two leaders witnessed the signing of a memorandum of understanding on maritime security.")
    signings = event_mentions(text, "signing", DCT)
    assert signings and signings[0]["start"] == "2024-04-16", signings


def test_a_minister_who_was_in_a_capital_from_one_day_to_another_visited_it():
    text = ("PANAMA CITY - Panama's Environment Minister Juan Carlos Navarro, who was in Singapore from Sunday to "
            "Tuesday, signed a memorandum on carbon markets with Singapore's Grace Fu.")
    v = visit_to(text, DCT, "SGP")
    assert v["guest"] == "PAN" and v["start"] == "2024-04-14" and v["end"] == "2024-04-16", v


def test_a_visit_concluded_under_a_dated_lead_ends_on_the_leads_day():
    text = ("Stockholm, 17 April 2024\n\nSweden's Minister for Climate and the Environment Romina Pourmokhtari has "
            "concluded a three-day visit to Indonesia, where she discussed forests with the Indonesian Government.")
    v = visit_to(text, DCT, "IDN")
    assert v["start"] == "2024-04-15" and v["end"] == "2024-04-17", v


def test_a_visit_that_ended_on_a_weekday_after_an_apposition_ended_that_day():
    text = ("BELMOPAN - Honduran Foreign Minister Eduardo Enrique Reina was in Belize on a two-day official visit, "
            "the first of his tenure, which ended on Tuesday.")
    v = visit_to(text, DCT, "BLZ")
    assert v["start"] == "2024-04-15" and v["end"] == "2024-04-16", v
