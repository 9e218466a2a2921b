"""Bodies defined with their acronym, and persons introduced with "the Hon", as releases write them."""
from __future__ import annotations

import pytest

from dyad.nlp.components.util import acronym_of
from dyad.nlp.pipeline import extract_facts


def _entities(text: str, kind: str) -> list[dict]:
    return [f for f in extract_facts(text, "2024-05-10") if f["kind"] == "entity" and f["entity_type"] == kind]


@pytest.mark.parametrize(("phrase", "acr", "expected"), [
    ("Zambia-Malawi Bi-National Commission", "BNC", True),  # parts of a hyphenated word
    ("Joint Permanent Commission for Cooperation", "JPC", True),  # a trailing "for ..." outside it
    ("Mutual Logistics Support Agreement", "MLSA", True),
    ("joint commission of co-operation", "JCC", True),
    ("Joint Permanent Commission for Cooperation", "JPD", False),
    ("Integration Railway Corridor", "CFBI", False),
])
def test_acronym_of(phrase: str, acr: str, expected: bool) -> None:
    assert acronym_of(phrase, acr) is expected


def test_a_capitalised_body_defined_by_its_acronym_has_it_as_an_alias() -> None:
    text = ("The two ministers agreed that the Ghana-Togo Permanent Joint Commission for Cooperation (PJCC) "
            "will meet in Lome in October.")
    bodies = [e for e in _entities(text, "organization") if "Commission" in e["name"]]
    assert [b["name"] for b in bodies] == ["Ghana-Togo Permanent Joint Commission for Cooperation"]
    assert "PJCC" in bodies[0]["aliases"]


def test_the_session_words_before_a_body_are_not_its_name() -> None:
    text = "Officials opened the 3rd Session of the Malawi-Zambia Bi-National Commission (BNC) in Lilongwe."
    names = {e["name"] for e in _entities(text, "organization")}
    assert "Malawi-Zambia Bi-National Commission" in names
    assert not any(n.startswith("Session") for n in names)


def test_a_person_introduced_with_the_hon_keeps_the_title_before_the_comma() -> None:
    text = ("The Prime Minister of Fiji welcomed the Prime Minister of Samoa, the Hon Fiame Naomi Mata'afa, "
            "in Suva on Tuesday.")
    # (the article's spelling differs from the gazetteer's only in diacritics: the gazetteer's name, the article's an
    # alias)
    persons = {a: p for p in _entities(text, "person") for a in p["aliases"]}
    assert "Fiame Naomi Mata'afa" in persons
    assert persons["Fiame Naomi Mata'afa"]["role"] == "Prime Minister of Samoa"
    assert persons["Fiame Naomi Mata'afa"]["country"] == "WSM"


def test_royal_is_no_honorific_of_a_person() -> None:
    text = "The Royal Navy Board met the Kenyan delegation in Mombasa on Monday."
    assert not any("Navy" in p["name"] for p in _entities(text, "person"))


@pytest.mark.parametrize(("text", "name"), [
    ("The delegation was received by His Excellency Joao Lourenco, President of the Republic of Angola, in Luanda.",
     "João Lourenço"),
    ("The minister later called on Excellency Joao Lourenco at the presidential palace.", "João Lourenço"),
    ("He later called on President Shri Pranab Mukherjee at the presidential palace.", "Pranab Mukherjee"),
    ("The talks were attended by H.H. Sheikh Abdullah bin Zayed Al Nahyan and other officials.",
     "Abdullah bin Zayed Al Nahyan"),
])
def test_honorifics_are_not_part_of_a_name(text: str, name: str) -> None:
    names = {p["name"] for p in _entities(text, "person")}
    assert name in names
    assert not any(n.split()[0] in ("Excellency", "Shri", "H.H.", "Sheikh") for n in names)


def test_the_end_of_a_country_name_is_not_a_given_name() -> None:
    text = ("President of the National Assembly of the Lao PDR Bounnhang Keomany held talks yesterday with the "
            "visiting Thai delegation.")
    persons = {p["name"]: p for p in _entities(text, "person")}
    assert "Bounnhang Keomany" in persons
    assert persons["Bounnhang Keomany"]["country"] == "LAO"


def test_received_today_by_makes_the_receiver_the_host() -> None:
    text = ("MINSK, May 24. Chairman of the Federation Council of the Russian Federation Valentina Matviyenko, who "
            "is in Minsk on a working visit, was received today by President of Belarus Alexander Lukashenko.")
    visits = [f for f in extract_facts(text, "2018-05-24") if f["kind"] == "event" and f["event_type"] == "visit"]
    assert {(v["guest"], v["host"]) for v in visits} == {("RUS", "BLR")}


def test_a_visit_said_to_be_under_way_with_a_hyphenated_length_is_on_the_day_of_the_report() -> None:
    text = "Santiago, 5 August. Boric is on a two-day state visit to Argentina, his first since Milei took office."
    visits = [f for f in extract_facts(text, "2024-08-05") if f["kind"] == "event" and f["event_type"] == "visit"]
    assert [(v["status"], v["start"]) for v in visits] == [("occurred", "2024-08-05")]


@pytest.mark.parametrize("text", [
    "Two-way trade between Australia and Papua New Guinea reached A$7 billion in 2021.",
    "The Korean company Hanjin Engineering signed a contract with the Kazakh railway.",
    "The contract went to Samsung Construction, the ministry said.",
])
def test_country_name_ends_and_companies_are_not_persons(text: str) -> None:
    assert _entities(text, "person") == []


@pytest.mark.parametrize(("text", "name", "country"), [
    ("Erdogan's chief adviser, Ibrahim Kalin, told reporters the talks went well.", "Ibrahim Kalin", "TUR"),
    ("Putin's spokesman Dmitry Peskov said the talks were constructive.", "Dmitry Peskov", "RUS"),
])
def test_a_leaders_aide_serves_the_leaders_state(text: str, name: str, country: str) -> None:
    persons = {p["name"]: p for p in _entities(text, "person")}
    assert persons[name]["country"] == country
