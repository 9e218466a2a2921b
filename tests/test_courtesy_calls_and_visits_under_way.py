"""A visitor who "called on Interior Minister X" met X; a visit under way ("who is on a two-day visit") does not begin
in the year of a figure told beside it; "X is in Sri Lanka on a two-day working visit that ends today" (a country
someone "is in", a department head as traveller) ran the two days before its end; "Mr X is on a three-day visit that
began yesterday" runs from yesterday; a site visit "tomorrow" is a day of that visit, not another; police and
military ranks ("Pol Col") are no part of a name. Sentences written for these tests."""

from __future__ import annotations

from support import event_mentions, mentions, visit_to

DCT = "2024-05-22"  # a Wednesday


def test_a_call_on_an_interior_minister_is_a_meeting():
    text = ("Denmark and Pakistan discuss returns\n\nISLAMABAD: Danish Minister for Immigration and Integration Kaare "
            "Dybvad Bek called on Interior Minister Mohsin Naqvi on Tuesday and discussed the return of Pakistani "
            "nationals.")
    meetings = event_mentions(text, "meeting", DCT)
    assert any({"Kaare Dybvad Bek", "Mohsin Naqvi"} <= set(m["participants"]) and m["start"] == "2024-05-21"
               for m in meetings), meetings


def test_a_call_on_a_minister_to_act_is_no_meeting():
    text = "The opposition called on Interior Minister Mohsin Naqvi to resign over the returns."
    assert not event_mentions(text, "meeting", DCT)


def test_a_visit_under_way_does_not_begin_in_the_year_of_a_figure():
    text = ("ISLAMABAD: Danish Minister for Immigration Kaare Dybvad Bek met Interior Minister Mohsin Naqvi on "
            "Tuesday.\n\nThe Danish minister, who is on a two-day visit to Pakistan, said Denmark had issued about "
            "1,100 study and work permits to Pakistani nationals last year.")
    v = visit_to(text, DCT, "PAK")
    assert v["start"] and v["start"].startswith("2024-05"), v


def test_a_department_head_in_a_country_on_a_visit_that_ends_today():
    text = ("Bern, 22.05.2024 - Switzerland and Sri Lanka today signed a memorandum establishing a migration "
            "partnership.\n\nThe head of the Federal Department of Justice and Police is in Sri Lanka on a two-day "
            "working visit that ends today.")
    v = visit_to(text, DCT, "LKA")
    assert v["guest"] == "CHE" and v["start"] == "2024-05-21" and v["end"] == "2024-05-22", v


def test_a_visit_that_began_yesterday_runs_from_yesterday_and_a_site_visit_tomorrow_is_part_of_it():
    text = ("BANGKOK, 22 May 2024 - Thailand and Belgium agreed to speed up prisoner transfers.\n\n"
            "Justice Minister Tawee Sodsong today welcomed Belgian Minister of Justice Paul Van Tigchelt at the "
            "ministry.\n\nMr Van Tigchelt is on a three-day visit to Thailand that began yesterday.\n\n"
            "Tomorrow the Belgian minister is scheduled to visit a women's prison in Bangkok.")
    visits = [v for v in event_mentions(text, "visit", DCT) if v["host"] == "THA"]
    assert visits and all(v["status"] == "occurred" and v["start"] == "2024-05-21" for v in visits), visits
    assert any(v.get("end") == "2024-05-23" for v in visits), visits


def test_a_police_rank_is_no_part_of_a_name():
    text = ("BANGKOK, 22 May 2024 - Justice Minister Pol Col Tawee Sodsong today welcomed Belgian Minister of "
            "Justice Paul Van Tigchelt at the ministry.")
    names = {p["name"] for p in mentions(text, "entity", DCT) if p["entity_type"] == "person"}
    assert "Tawee Sodsong" in names, names
