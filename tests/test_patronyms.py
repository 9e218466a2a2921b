"""Names inside a patronym: "Abdullah II" is not the Crown Prince "Al Hussein bin Abdullah II" (the father named
in the son's name) (issue 13). Sentences written for the tests."""

from __future__ import annotations

from dyad.nlp.pipeline import extract_facts


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
