"""Quotes whose speaker is named by a style or a bare office, as palace and government releases write them
(sentences written for these tests)."""
from __future__ import annotations

import pytest

from dyad.nlp.pipeline import extract_facts


def _speakers(text: str) -> list[str | None]:
    return [f["speaker"] for f in extract_facts(text, "2021-03-05") if f["kind"] == "quote"]


@pytest.mark.parametrize(("text", "speaker"), [
    ("AMMAN, March 4 (Agency) -- His Majesty King Hussein Ali received Iraqi Prime Minister Adil Abdul-Mahdi at "
     "the palace on Thursday. His Majesty affirmed Jordan's support, stressing that \"Iraq's stability is part "
     "of our own stability.\"", "Hussein Ali"),
    ("His Highness Sheikh Khalid bin Mohamed Al Nahyan met the Jordanian minister in Abu Dhabi. His Highness "
     "said: \"Our relationship is built on brotherhood and a shared vision for the region.\"",
     "Khalid bin Mohamed Al Nahyan"),
    ("Prime Minister Narendra Modi paid a visit to Colombo on Sunday. In his press statement, Prime Minister "
     "said: \"A stable neighbourhood is in the interest of the entire region. India will stand with its "
     "friends.\"", "Narendra Modi"),
])
def test_a_style_or_a_bare_office_speaks_for_the_one_named_so_before(text: str, speaker: str) -> None:
    assert _speakers(text) == [speaker]


def test_talks_told_with_manner_words_are_a_meeting() -> None:
    text = "Presidents Ruto and Museveni held frank and constructive talks in Nairobi on Monday."
    meetings = [f for f in extract_facts(text, "2024-03-14") if f["kind"] == "event" and f["event_type"] == "meeting"]
    assert [m["start"] for m in meetings] == ["2024-03-11"]


def test_a_body_named_after_a_country_with_a_particle_holds_sessions() -> None:
    text = ("The two Heads of State welcomed the holding of the 4th session of the Ghana-Côte d'Ivoire Permanent "
            "Joint Commission for Cooperation in Accra in November 2023.")
    sessions = [f for f in extract_facts(text, "2024-03-14")
                if f["kind"] == "event" and f["event_type"] == "council_session"]
    assert [(s["start"], s["location"]) for s in sessions] == [("2023-11", "Accra")]
    assert "Côte d'Ivoire" in sessions[0]["title"]


def test_a_paragraph_opening_with_a_full_name_keeps_the_name_in_its_sentence() -> None:
    text = ("Talks with President of Tajikistan Emomali Rahmon\n\nVladimir Putin held talks in the Kremlin with "
            "President of the Republic of Tajikistan Emomali Rahmon, who arrived in Russia on a state visit.")
    meetings = [f for f in extract_facts(text, "2024-10-08") if f["kind"] == "event" and f["event_type"] == "meeting"]
    assert any(set(m["participants"]) == {"Vladimir Putin", "Emomali Rahmon"} for m in meetings)


def test_a_chain_of_titles_and_names_and_separate_meetings() -> None:
    text = ("At the invitation of the President of the Republic of Kenya, William Ruto, the President of the "
            "Oriental Republic of Uruguay, Luis Lacalle Pou, is paying a State Visit to Kenya from 20 to 24 "
            "November 2023. On 22 November, the two Heads of State held talks at State House. President Lacalle "
            "Pou also met with the Deputy President, Rigathi Gachagua, and with the Speaker of the National "
            "Assembly, Moses Wetangula.")
    facts = extract_facts(text, "2023-11-22")
    roles = {f["name"]: f["country"] for f in facts if f["kind"] == "entity" and f["entity_type"] == "person"}
    assert roles["William Ruto"] == "KEN"
    pairs = {frozenset(f["participants"]) for f in facts if f["kind"] == "event" and f["event_type"] == "meeting"}
    assert frozenset({"Luis Lacalle Pou", "William Ruto"}) in pairs
    assert frozenset({"Luis Lacalle Pou", "Rigathi Gachagua"}) in pairs
    assert frozenset({"Luis Lacalle Pou", "Moses Wetangula"}) in pairs


def test_a_meeting_in_the_capital_named_after_a_comma_takes_the_city() -> None:
    text = "Japanese Prime Minister Kishida Fumio has met Mozambican President Filipe Nyusi in the capital, Maputo."
    meetings = [f for f in extract_facts(text, "2023-05-05") if f["kind"] == "event" and f["event_type"] == "meeting"]
    assert [m["location"] for m in meetings] == ["Maputo"]
