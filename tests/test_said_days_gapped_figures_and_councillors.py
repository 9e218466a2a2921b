"""The day a minister "said on Tuesday after co-chairing" a session is the session's, beside the dateline's; a
figure whose verb and year are left out ("..., and imports approximately EUR 21 million") shares the first's
year; "Federal Councillor" is an office, not part of a name; financing is finance. Sentences written for these
tests."""

from __future__ import annotations

from support import event_mentions, mentions

DCT = "2022-11-16"  # a Wednesday


def test_the_day_said_after_a_session_beside_the_datelines_dates_the_session():
    text = ("PRETORIA, 16 November 2022 - South Africa and Austria will expand cooperation in training, Minister "
            "Ebrahim Patel said on Tuesday after co-chairing the 3rd session of the South Africa-Austria Joint "
            "Economic Commission.")
    (s,) = event_mentions(text, "council_session", DCT)
    assert s["start"] == "2022-11-15", s


def test_a_gapped_figure_takes_the_year_of_the_figure_before():
    text = ("VIENNA - Austria's exports of goods to Kenya were worth approximately EUR 58 million in 2021, and "
            "imports from Kenya approximately EUR 21 million.")
    years = {m["subject"]: m["as_of"] for m in mentions(text, "metric", DCT)}
    assert years.get("imports") == "2021", years


def test_a_figure_with_its_own_verb_after_and_is_not_gapped():
    text = ("He noted that bilateral trade had exceeded $4.4 billion last year and that more than 1,000 joint "
            "ventures were operating in the two countries.")
    ventures = [m for m in mentions(text, "metric", DCT) if "venture" in m["subject"]]
    assert ventures and ventures[0]["as_of"] != "2021", ventures


def test_a_federal_councillor_is_named_without_the_office():
    text = ("PRETORIA, 16 November 2022 - Minister Ebrahim Patel met Swiss Federal Councillor Guy Parmelin on "
            "Tuesday.")
    names = {p["name"] for p in mentions(text, "entity", DCT) if p["entity_type"] == "person"}
    assert "Guy Parmelin" in names, names


def test_financing_cooperation_is_finance():
    (a,) = mentions("The two banks signed a memorandum on financing cooperation on Tuesday.", "agreement", DCT)
    assert "finance" in a["sectors"], a


def test_a_country_adjective_before_a_long_portfolio_title_gives_the_country():
    text = ("JAKARTA - The dike is complete, the minister said on Wednesday, as Dutch Infrastructure and Water "
            "Management Minister Cora van Nieuwenhuizen toured the site.")
    people = {p["name"]: p for p in mentions(text, "entity", DCT) if p["entity_type"] == "person"}
    assert people["Cora van Nieuwenhuizen"]["country"] == "NLD", people


def test_a_site_visit_is_no_reference_to_the_state_visit():
    text = ("JAKARTA, 14 March 2019 - The Dutch minister for water, Cora van Nieuwenhuizen, arrived in Jakarta on "
            "Tuesday for a working visit to Indonesia.\n\nOn Wednesday she toured the sea wall with Indonesian "
            "Public Works Minister Basuki Hadimuljono.\n\nAfter the site visit, Basuki and Van Nieuwenhuizen held "
            "talks at the ministry.")
    talks = [m for m in event_mentions(text, "meeting", "2019-03-14") if m["title"].startswith("talks")]
    assert talks and talks[0]["start"] != "2019-03-12", talks


def test_how_far_a_place_lies_is_no_figure():
    text = ("The new runway will let larger aircraft reach Agalega, some 1,100 km north of Port Louis. The plant lies "
            "about 100 kilometres from the Austrian border. A truck takes twelve days to cover 1,800 kilometres.")
    assert [m for m in mentions(text, "metric", DCT) if m["unit"] == "km"] == []


def test_a_route_told_from_one_place_to_another_keeps_its_length():
    text = "The planned interconnector runs about 1,350 kilometres from Badr, east of Cairo, to Medina."
    assert [m["value"] for m in mentions(text, "metric", DCT) if m["unit"] == "km"] == [1350]
