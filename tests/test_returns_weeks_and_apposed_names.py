"""A traveller who "returned to X on Tuesday from a two-week trip" (a trip of weeks, a day between the verb and
"from"), a meeting in a where-clause with its own day ("returned on Saturday from Seoul, where he met Y on 5 June"),
and a name the tagger leaves untagged shown a person by the role set after it ("met Carmen Cantor, the US Assistant
Secretary ..."). Sentences written for these tests."""

from __future__ import annotations

from support import event_mentions, mentions


def test_a_two_week_trip_that_ended_with_a_return_on_tuesday():
    text = ("Tuvalu leader back from US\n\nFUNAFUTI, 4 October 2024 - Prime Minister Feleti Teo returned to Funafuti "
            "on Tuesday from a two-week trip to the United States that took him to New York and Washington.")
    (v,) = [v for v in event_mentions(text, "visit", "2024-10-04") if v["host"] == "USA"]
    assert (v["start"], v["end"]) == ("2024-09-18", "2024-10-01"), v


def test_a_return_on_a_day_from_a_city_is_a_visit_there_and_the_where_clause_keeps_its_day():
    text = ("Slovenia and Japan to promote tourism\n\nLJUBLJANA, 12 June 2024 - Slovenian Economy Minister Matjaž "
            "Han returned on Saturday from Tokyo, where he met the Japanese Minister of Land, Infrastructure and "
            "Transport, Tetsuo Saito, on 5 June.")
    (v,) = [v for v in event_mentions(text, "visit", "2024-06-12") if v["host"] == "JPN"]
    assert v["end"] == "2024-06-08", v
    meetings = [m for m in event_mentions(text, "meeting", "2024-06-12") if "Tetsuo Saito" in m["participants"]]
    assert [m["start"] for m in meetings] == ["2024-06-05"], meetings


def test_an_untagged_name_with_a_role_in_apposition_is_a_person():
    text = ("Palau president in Washington\n\nKOROR, 4 October 2024 - In Washington on September 26, President "
            "Surangel Whipps Jr. met Carmen Cantor, the US Assistant Secretary of the Interior for Insular and "
            "International Affairs, to discuss the Compact.")
    names = {p["name"] for p in mentions(text, "entity", "2024-10-04") if p.get("entity_type") == "person"}
    assert "Carmen Cantor" in names, names


def test_a_place_or_a_body_before_an_apposition_is_no_person():
    text = ("Ministers meet\n\nROME, 4 October 2024 - The talks were held at Villa Madama, the official guest house of "
            "the Italian government, and at Palazzo Chigi, the seat of the Prime Minister.")
    names = {p["name"] for p in mentions(text, "entity", "2024-10-04") if p.get("entity_type") == "person"}
    assert not names & {"Villa Madama", "Palazzo Chigi"}, names


def test_a_ministry_short_form_between_title_and_name_keeps_the_title():
    text = ("Minister back from Chile\n\nASUNCION, 21 July 2021 - The Minister of Agriculture and Livestock (MAG), "
            "Santiago Bertoni, returned yesterday from a working visit to Chile.")
    people = {p["name"]: p for p in mentions(text, "entity", "2021-07-21") if p.get("entity_type") == "person"}
    assert people["Santiago Bertoni"]["role"] == "Minister of Agriculture and Livestock", people
