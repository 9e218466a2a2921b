"""Person names cut by the tagger at a hyphen are made whole ("Ahn Duk-geun", not "Ahn Duk-"); the names of
universities and institutes in the world's languages ("Universiti Putra Malaysia", "Université Joseph
Ki-Zerbo") are no persons (issue 13). Sentences written for the tests."""

from __future__ import annotations

from dyad.nlp.pipeline import extract_facts


def person_names(text: str) -> set[str]:
    return {f["name"] for f in extract_facts(text, "2024-07-10")
            if f["kind"] == "entity" and f["entity_type"] == "person"}


def test_korean_given_name_with_a_hyphen_is_whole():
    names = person_names("SEOUL, July 10 - Suriname Foreign Minister Albert Ramdin met Energy Minister Ahn Duk-geun "
                         "on Thursday.")
    assert "Ahn Duk-geun" in names, names
    assert "Ahn Duk" not in names


def test_universities_named_in_malay_and_french_are_no_persons():
    names = person_names("The memorandum links Universiti Putra Malaysia with the Somali National University, and a "
                         "second one the Université Joseph Ki-Zerbo with Beijing.")
    assert not any(n.startswith(("Universiti", "Université")) for n in names), names
