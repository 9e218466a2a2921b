"""Renamed capitals and cities: one place under its current name, the capital of a country by
its name at the time of a report. Sentences written for these tests."""

from __future__ import annotations

from dyad.nlp.components.util import dateline_place
from dyad.nlp.gazetteer import gazetteer
from dyad.nlp.pipeline import ArticleInput, analyse, extract_facts
from test_resolution import kb_of


def test_gazetteer_knows_current_names_and_capitals_by_period():
    g = gazetteer()
    assert g.current_name("Nur-Sultan") == "Astana" and g.current_name("Bombay") == "Mumbai"
    assert g.current_name("Astana") is None
    assert g.capital_at("KAZ", "2021-06-01") == "Nur-Sultan"
    assert g.capital_at("KAZ", "2023-06-01") == "Astana"
    assert g.capital_at("KAZ", "2015-06-01") == "Astana"


def test_dateline_followed_by_an_agency_name():
    doc = next(analyse([ArticleInput("a", "NUR-SULTAN. STEPPEWIRE - The two presidents met on Monday.",
                                     "2021-05-10")]))
    assert dateline_place(doc) == ("Nur-Sultan", "KAZ")


def test_arrival_in_the_adjective_capital_is_the_capital_of_the_time():
    text = ("Kyrgyz President Sadyr Japarov arrived in the Kazakh capital on Monday for a state visit, "
            "the presidential press office said.")
    visits = [f for f in extract_facts(text, "2021-05-10") if f["kind"] == "event" and f["event_type"] == "visit"]
    assert [v["location"] for v in visits] == ["Nur-Sultan"]


def test_a_city_under_its_former_name_is_the_same_place(tmp_path):
    kb = kb_of(tmp_path, {
        "a.txt": ("2020-02-03", "Uzbek and Kazakh officials met in Nur-Sultan on Monday to discuss rail tariffs.\n"),
        "b.txt": ("2024-02-05", "Uzbek and Kazakh officials met in Astana on Monday to discuss water sharing.\n"),
    }, f"sqlite:///{tmp_path / 'kb.db'}")
    places = [r for r in kb if r["kind"] == "entity" and r["entity_type"] == "place" and "Astana" in r["aliases"]]
    assert len(places) == 1, places
    assert places[0]["name"] == "Astana" and "Nur-Sultan" in places[0]["aliases"]
