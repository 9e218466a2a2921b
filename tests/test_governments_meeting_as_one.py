"""Two governments meeting as one body: a joint session or joint meeting of the two governments, a joint
cabinet meeting, intergovernmental consultations. Each is a session of a standing format (council_session),
named as the text names it (issue 13). Sentences written for the tests."""

from __future__ import annotations

from dyad.nlp.pipeline import extract_facts

DCT = "2024-06-12"  # a Wednesday


def sessions(text: str) -> list[dict]:
    return [f for f in extract_facts(text, DCT) if f["kind"] == "event" and f["event_type"] == "council_session"]


def test_joint_session_of_the_two_governments_keeps_its_own_noun():
    found = sessions("The Prime Ministers of Slovakia and Czechia, Robert Fico and Petr Fiala, today co-chaired a "
                     "joint session of the two governments in Bratislava.")
    assert len(found) == 1, found
    assert "joint session" in found[0]["title"]
    assert (found[0]["status"], found[0]["start"]) == ("occurred", DCT)


def test_joint_cabinet_meeting_held_by_two_neighbours_is_a_session():
    found = sessions("Belgium and the Netherlands held their first joint cabinet meeting in Ghent on Monday, with "
                     "Prime Ministers Alexander De Croo and Mark Rutte at the head of the table.")
    assert len(found) == 1, found
    assert "joint cabinet meeting" in found[0]["title"]
    assert found[0]["start"] == "2024-06-10"
    assert set(found[0]["countries"]) == {"BEL", "NLD"}


def test_intergovernmental_consultations_are_a_session():
    found = sessions("Chancellor Olaf Scholz and Prime Minister Petr Fiala held the intergovernmental "
                     "consultations of Germany and Czechia in Berlin on Tuesday.")
    assert len(found) == 1, found
    assert "intergovernmental consultations" in found[0]["title"]


def test_consultations_of_two_foreign_ministries_stay_a_meeting():
    text = ("The foreign ministries of Chile and Peru held their annual political consultations in Lima on "
            "Monday.")
    assert sessions(text) == []
    assert [f["event_type"] for f in extract_facts(text, DCT) if f["kind"] == "event"] == ["meeting"]
