"""Dates told from another day than the report's ("was received the following day", "the forum comes a year after
the king's state visit"), talks of "The two" named in the sentence before, and places that are no place of a
bilateral event ("his first official visit to Africa"). Sentences written for these tests."""

from __future__ import annotations

from dyad.nlp.timex import find_timexes
from support import event_mentions

DCT = "2024-09-13"  # a Friday


def values(text: str, dct: str = DCT) -> dict[str, str]:
    return {t.text: t.value for t in find_timexes(text, dct)}


def test_the_following_day_counts_from_the_day_told_last():
    got = values("The minister arrived in Accra on Tuesday and was received the following day by the President.")
    assert got["Tuesday"] == "2024-09-10"
    assert got["the following day"] == "2024-09-11"


def test_days_before_and_after_count_on_from_one_another():
    got = values("The envoy landed on 3 May. The day after, he met the premier, and two days later he flew home.")
    assert got["The day after"] == "2024-05-04"
    assert got["two days later"] == "2024-05-06"
    assert values("The envoy landed on 3 May. The day before, the ministry had announced the trip.")[
        "The day before"] == "2024-05-02"


def test_the_next_day_with_no_day_told_before_is_the_day_after_the_report():
    assert values("The two delegations will sign the protocol the next day.")["the next day"] == "2024-09-14"


def test_a_day_told_far_before_does_not_anchor_the_following_day():
    filler = "The talks covered trade, energy and transport links between the two countries. " * 9
    got = values("The minister arrived on 2 September. " + filler + "He will be received the following day.")
    assert got["the following day"] == "2024-09-14"


def test_what_the_story_comes_a_year_after_was_a_year_before_the_report():
    assert values("The forum comes a year after King Harald made a state visit to Chile.")["a year after"] == "2023"
    assert values("The talks come two months after the ministers met in Lima.")["two months after"] == "2024-07"


def test_a_duration_after_an_event_is_still_no_date():
    got = values("Two days after the election, the president called his Chilean counterpart.")
    assert "2024" not in "".join(got.values())


def test_a_state_visit_the_story_comes_a_year_after_is_dated_to_that_year():
    text = ("SANTIAGO - Norwegian companies pledged new investments in Chilean salmon farming on Thursday. "
            "The forum comes a year after King Harald V made a state visit to Chile, during which he and "
            "President Gabriel Boric inaugurated a research centre at the University of Concepción.")
    (visit,) = event_mentions(text, "visit", DCT)
    assert (visit["status"], visit["start"], visit["participants"]) == ("occurred", "2023", ["Harald V"])
    (opening,) = event_mentions(text, "opening", DCT)
    assert opening["start"] == "2023"


def test_the_two_named_in_the_sentence_before_hold_the_talks():
    text = ("ACCRA - The business forum was opened by Ghana's Foreign Minister Samuel Okudzeto Ablakwa and the "
            "Irish Minister of State Seán Fleming, who is on his first visit to Ghana. The two held talks at the "
            "ministry on Tuesday, where they discussed scholarships and trade.")
    meetings = event_mentions(text, "meeting", DCT)
    assert any(set(m["participants"]) == {"Samuel Okudzeto Ablakwa", "Seán Fleming"}
               and m["start"] == "2024-09-10" for m in meetings), meetings


def test_the_two_as_a_number_of_things_holds_no_talks():
    text = ("ACCRA - The business forum was opened by Ghana's Foreign Minister Samuel Okudzeto Ablakwa and the "
            "Irish Minister of State Seán Fleming. The two countries aim to double trade by 2030.")
    assert event_mentions(text, "meeting", DCT) == []


def test_the_host_of_a_reception_told_beside_talks_is_no_party_to_the_talks():
    text = ("MAPUTO - Irish Minister of State Seán Fleming, on his first official visit to Africa since taking "
            "office, was received on Wednesday by President Filipe Nyusi at the Ponta Vermelha Palace, after "
            "holding talks with his counterpart, Verónica Macamo, on Tuesday morning.")
    meetings = event_mentions(text, "meeting", DCT)
    talks = [m for m in meetings if "receives" not in m["title"]]
    assert talks and set(talks[0]["participants"]) == {"Seán Fleming", "Verónica Macamo"}, meetings
    assert talks[0]["start"] == "2024-09-10"
    assert any(set(m["participants"]) == {"Seán Fleming", "Filipe Nyusi"} for m in meetings), meetings


def test_a_continent_is_no_place_of_a_visit():
    text = ("MAPUTO, 12 September - Irish Minister of State Seán Fleming, on his first official visit to Africa "
            "since taking office, held talks with Foreign Minister Verónica Macamo in Maputo on Tuesday.")
    visits = event_mentions(text, "visit", DCT)
    assert visits and all(v["location"] != "Africa" for v in visits), visits


def test_a_split_fiscal_year_is_the_year_it_ends_in():
    got = {t.text: t.value for t in find_timexes("in fiscal year 2020/21, down from 2019/20; the FY2022-23 budget",
                                                 "2021-10-21")}
    assert got == {"fiscal year 2020/21": "FY2021", "2019/20": "FY2020", "FY2022-23": "FY2023"}
    assert "FY2020" not in {t.value for t in find_timexes("between 2019-20 and 2021", "2021-10-21")}


def test_months_or_years_after_count_back_from_the_day_their_sentence_told_first():
    got = values("A plant began production on Tuesday, nineteen months after the project was announced.",
                 "2025-03-14")
    assert got["nineteen months after"] == "2023-08"
    assert values("He was elected in 2010, two years after he founded the party.")["two years after"] == "2008"
    assert "two years after" not in values("Two years after he founded the party, he was elected.")
