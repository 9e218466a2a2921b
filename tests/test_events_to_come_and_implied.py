"""Events as reports tell them beside the main story: signings to come (told by the agreement they will
bring, unless a visit's programme describes the ceremony), numbered summits of a treaty, a meeting of the two
governments, a private talk of the two heads of state. Sentences written for these tests (other countries and
wording than any set)."""

from __future__ import annotations

from dyad.nlp.pipeline import extract_facts

DCT = "2024-06-14"  # a Friday


def facts(text: str, kind: str, dct: str = DCT) -> list[dict]:
    return [f for f in extract_facts(text, dct) if f["kind"] == kind]


def events(text: str, event_type: str, dct: str = DCT) -> list[dict]:
    return [f for f in facts(text, "event", dct) if f["event_type"] == event_type]


def test_a_signing_someone_is_expected_to_do_is_no_event_but_its_agreement_is_planned():
    text = ("LIMA - Foreign Minister Javier González-Olaechea will travel to Quito next week. The two ministers "
            "are expected to sign a memorandum of understanding on border fisheries.")
    assert events(text, "signing") == []
    agreements = facts(text, "agreement")
    assert [a["status"] for a in agreements] == ["planned"], agreements


def test_a_text_to_be_signed_at_the_next_meeting_is_no_signing_event():
    text = ("The committee agreed to prepare a memorandum on food security between Peru and Ecuador, to be "
            "signed at its next meeting in Quito in 2025.")
    assert events(text, "signing") == []


def test_a_ceremony_on_a_visits_programme_is_a_signing_to_come():
    text = ("President Daniel Noboa of Ecuador will pay a state visit to Peru next week. The two heads of state "
            "are expected to hold talks and witness the signing of a number of agreements.")
    signings = events(text, "signing")
    assert [s["status"] for s in signings] == ["planned"], signings


def test_a_credit_line_or_a_port_opened_further_to_exports_is_no_opening():
    text = ("Peru will open a 50-million-dollar credit line for Ecuadorian importers, Foreign Minister Javier "
            "González-Olaechea said in Quito on Thursday. He said Peru was ready to open the port of Paita "
            "further to Ecuador's exports.")
    assert events(text, "opening") == []


def test_a_visit_told_by_the_return_home_is_to_where_the_traveller_came_back_from():
    text = ("QUITO, June 14 -- President Daniel Noboa returned home yesterday evening from Lima, saying his "
            "state visit had opened a new stage in relations between Ecuador and Peru.")
    visits = events(text, "visit")
    assert [(v["guest"], v["host"], v["location"]) for v in visits] == [("ECU", "PER", "Lima")], visits
