"""Leaders who share a name, and names inside a patronym: "Albert II" in 2019 is the Prince of Monaco in a
story about Monaco, and the King of the Belgians in one about Belgium; "Abdullah II" is not the Crown Prince
"Al Hussein bin Abdullah II" (the father named in the son's name) (issue 13). Sentences written for the tests."""

from __future__ import annotations

from dyad.nlp.pipeline import extract_facts


def persons(text: str, dct: str) -> dict[str, dict]:
    return {f["name"]: f for f in extract_facts(text, dct) if f["kind"] == "entity" and f["entity_type"] == "person"}


def test_the_prince_of_monaco_in_office():
    found = persons("His Serene Highness Prince Albert II, Sovereign Prince of Monaco, arrived in Amman on Monday "
                    "for talks with the Jordanian government.", "2019-03-25")
    assert found["Albert II"]["country"] == "MCO"


def test_the_king_of_the_belgians_in_a_story_on_belgium():
    found = persons("Twelve years after his father Albert II attended the independence celebrations in Kinshasa, "
                    "King Philippe of Belgium addressed the Congolese parliament.", "2022-06-09")
    assert found["Albert II"]["country"] == "BEL"


def test_the_father_in_a_patronym_is_another_person():
    text = ("His Majesty King Abdullah II received the Prime Minister of Bulgaria, Nikolai Denkov, at Al Husseiniya "
            "Palace, in the "
            "presence of His Royal Highness Crown Prince Al Hussein bin Abdullah II. Later, King Abdullah II "
            "hosted a lunch for the guest.")
    facts = extract_facts(text, "2024-03-05")
    names = {f["name"] for f in facts if f["kind"] == "entity" and f["entity_type"] == "person"}
    assert "Abdullah II" in names, names
    meets = [f for f in facts if f["kind"] == "event" and f["event_type"] == "meeting"]
    assert meets and all({"Abdullah II", "Nikolai Denkov"} <= set(m["participants"]) for m in meets), meets
