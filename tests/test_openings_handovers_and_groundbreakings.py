"""Ceremonies that open a facility or begin its works, told as a dedication, a handover to the owner
government, the turning of the first sod or a groundbreaking; and the handovers that are no such thing
(issue 13). Sentences written for the tests."""

from __future__ import annotations

from dyad.nlp.pipeline import extract_facts

DCT = "2023-05-12"  # a Friday


def openings(text: str) -> list[dict]:
    return [f for f in extract_facts(text, DCT) if f["kind"] == "event" and f["event_type"] == "opening"]


def test_dedicated_road_told_by_its_apposition():
    ops = openings("President George Weah of Liberia on Wednesday dedicated the rebuilt Tubman Boulevard, the "
                   "9-kilometre road built with a grant from the Government of Japan.")
    assert len(ops) == 1, ops
    assert ops[0]["title"] == "opening of rebuilt Tubman Boulevard"
    assert (ops[0]["status"], ops[0]["start"]) == ("occurred", "2023-05-10")


def test_passive_handover_after_a_dateline_to_the_government():
    ops = openings("NIAMEY - The Turkish-built general hospital at Dosso was formally handed over to the Nigerien "
                   "government yesterday, in a ceremony chaired by Prime Minister Ouhoumoudou Mahamadou.")
    assert len(ops) == 1, ops
    assert "general hospital at Dosso" in ops[0]["title"]
    assert (ops[0]["status"], ops[0]["start"]) == ("occurred", "2023-05-11")
    assert set(ops[0]["countries"]) == {"TUR", "NER"}


def test_first_phase_of_a_complex_handed_over_with_no_one_named():
    ops = openings("The first phase of the new court complex of Lesotho, built under an Indian line of credit, "
                   "was handed over to the Government of Lesotho today in Maseru.")
    assert len(ops) == 1, ops
    assert ops[0]["start"] == DCT


def test_sod_turned_today_for_a_park_that_will_be_built_later():
    ops = openings("Prime Minister Philip Davis of the Bahamas today turned the sod for the Grand Bahama "
                   "Logistics Park, which will be constructed by a Chinese state contractor.")
    assert len(ops) == 1, ops
    assert ops[0]["status"] == "occurred"
    assert "Grand Bahama Logistics Park" in ops[0]["title"]


def test_handed_over_goods_for_a_facility_are_no_opening():
    assert openings("On Thursday the first turbines for the Nachtigal hydropower plant in Cameroon were handed "
                    "over by the French contractor at a ceremony attended by both ministers.") == []
    assert openings("The minister thanked Japan for a contribution of 2 million dollars handed over last week to "
                    "a United Nations agency for the repair of schools in Chad.") == []


def test_land_dedicated_to_investors_is_no_opening():
    assert openings("Ghana has offered Indian firms dedicated land in one of its economic zones near Tema, "
                    "the trade minister said on Thursday.") == []


def test_planned_inauguration_stops_before_a_clause_of_time():
    ops = openings("Presidents William Ruto of Kenya and Samia Suluhu Hassan of Tanzania are expected to "
                   "inaugurate the station together once all four turbines are running.")
    assert len(ops) == 1, ops
    assert ops[0]["title"] == "opening of station"
    assert ops[0]["status"] == "planned"


def test_a_list_after_including_still_tells_the_ceremony_that_dates_the_next_sentence():
    text = ("NEW DELHI, Nov 2 - Prime Ministers Narendra Modi and Sheikh Hasina on Wednesday jointly inaugurated "
            "three India-assisted projects in Bangladesh, including a new railway line to Tripura.\n\n"
            "The two leaders pressed a button from New Delhi and Dhaka during a ceremony held by video link, "
            "opening the Akhaura-"
            "Agartala rail link, the Khulna-Mongla railway line and the second unit of the Rampal power plant.")
    ops = openings(text)
    dated = {o["title"]: o["start"] for o in extract_facts(text, "2023-11-02")
             if o["kind"] == "event" and o["event_type"] == "opening"}
    assert ops and dated.get("opening of Khulna-Mongla railway line") == "2023-11-01", dated
