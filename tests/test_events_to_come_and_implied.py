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


def test_a_private_meeting_then_talks_with_the_delegations_is_the_days_one_meeting():
    text = ("QUITO, 14 June 2024 - President Daniel Noboa today received his Peruvian counterpart Dina Boluarte "
            "at the Carondelet Palace, at the start of an official visit to Ecuador.\n\n"
            "The two presidents held a private meeting, followed by an extended meeting with their delegations, "
            "in which they reviewed border security.")
    meetings = events(text, "meeting")
    assert len({m["object_key"] for m in meetings}) == 1, meetings
    assert all(m["start"] == "2024-06-14" and len(m["participants"]) == 2 for m in meetings), meetings


def test_a_tete_a_tete_before_the_delegations_joined_is_the_talks_of_the_two_leaders():
    text = ("LIMA, 14 June 2024 - President Dina Boluarte began an official visit to Ecuador today.\n\n"
            "The President and the visiting Prime Minister began with a tete-a-tete before the two delegations "
            "joined them for talks on fisheries.")
    meetings = events(text, "meeting")
    assert meetings and all(m["object_key"].startswith("meeting:talks:") for m in meetings), meetings


def test_the_visitor_meets_the_president_and_then_the_prime_minister_two_meetings(tmp_path):
    from support import build, export

    (tmp_path / "a.txt").write_text(
        "President Dina Boluarte visits Italy\n\nRome, June 14\n\n"
        "President of Peru Dina Boluarte began a state visit to Italy on June 14. Earlier in the day, President "
        "Dina Boluarte met with President of the Italian Republic Sergio Mattarella at the Quirinal Palace. The "
        "head of state was then received by Prime Minister of Italy Giorgia Meloni at Palazzo Chigi, where the two "
        "leaders held a one-on-one meeting, followed by a meeting in an expanded format.\n", encoding="utf-8")
    records = export(build(tmp_path / "kb.db", [str(tmp_path / "a.txt")]))
    met = sorted(tuple(sorted(r["participants"])) for r in records
                 if r["kind"] == "event" and r["event_type"] == "meeting")
    assert ("Dina Boluarte", "Giorgia Meloni") in met and ("Dina Boluarte", "Sergio Mattarella") in met, met
