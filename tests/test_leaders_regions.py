"""The regional leaders files (data/leaders/*.json) at work: untitled leaders get their office and
country, and an office lookup finds the holder of the country's own office, not a chamber's."""
from __future__ import annotations

from dyad.nlp.gazetteer import gazetteer
from dyad.nlp.pipeline import extract_facts


def people(text: str, published: str) -> dict[str, dict]:
    return {f["name"]: f for f in extract_facts(text, published)
            if f["kind"] == "entity" and f.get("entity_type") == "person"}


def test_office_holder_is_the_holder_of_the_country_office_not_of_a_chamber() -> None:
    g = gazetteer()
    # Cambodia in 2025: a king, a prime minister, and a former prime minister presiding over the Senate.
    assert g.office_holder("KHM", "Head of State", "2025-03-01").name == "Norodom Sihamoni"
    assert g.office_holder("KHM", "Prime Minister", "2025-03-01").name == "Hun Manet"
    assert g.office_holder("KHM", "President", "2025-03-01") is None
    # The president of an entity of Bosnia and Herzegovina is not a president of the country.
    assert g.office_holder("BIH", "President", "2015-06-01") is None
    # "(interim)", "(acting)" offices are still the office.
    assert g.office_holder("BOL", "President", "2020-06-01").name == "Jeanine Áñez"


def test_a_leader_named_by_surname_gets_office_and_country_at_the_date() -> None:
    text = ("The two presidents opened a new border bridge on Tuesday. Presidents Alvarado and Cortizo "
            "walked across it together before the ceremony ended in the afternoon.")
    found = people(text, "2021-05-11")
    assert found["Carlos Alvarado"]["role"] == "President of Costa Rica"
    assert found["Carlos Alvarado"]["country"] == "CRI"
    assert found["Laurentino Cortizo"]["role"] == "President of Panama"
    assert found["Laurentino Cortizo"]["country"] == "PAN"


def test_a_prime_minister_named_without_title() -> None:
    text = ("Port Moresby hosted the talks on fisheries and labour mobility this week. "
            "James Marape said the two sides had agreed to meet again next year.")
    found = people(text, "2023-08-02")
    assert found["James Marape"]["role"] == "Prime Minister of Papua New Guinea"
    assert found["James Marape"]["country"] == "PNG"


def test_a_former_prime_minister_has_the_office_he_holds_at_the_date() -> None:
    text = "Hun Sen received the visiting delegation at the Senate building in Phnom Penh on Monday."
    found = people(text, "2024-06-10")
    assert found["Hun Sen"]["role"] == "President of the Senate of Cambodia"
    assert people(text, "2019-06-10")["Hun Sen"]["role"] == "Prime Minister of Cambodia"


def test_a_leader_named_with_an_honorific_is_found_without_it() -> None:
    text = ("Cardinal Pietro Parolin received the new ambassador on Monday. "
            "Samdech Hun Manet was in Rome for the canonisation the same week.")
    found = people(text, "2024-10-21")
    assert found["Pietro Parolin"]["country"] == "VAT"
    assert found["Hun Manet"]["role"] == "Prime Minister of Cambodia"
    assert not [name for name in found if name.startswith(("Cardinal", "Samdech"))]
