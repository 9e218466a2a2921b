"""Calls with their day inside the cue ("spoke today by telephone with"), courtesy calls on a head of state, a
guest received after a place, a guest told by nationality and office, commissions told by an acronym defined
after their field, "the first meeting since", and agreements whose fields follow "covered". Sentences written for
these tests (other countries than any set)."""

from __future__ import annotations

from support import event_mentions, mentions

DCT = "2021-11-10"  # a Wednesday


def test_a_call_told_with_its_day_inside_the_cue():
    for text in ("LIMA, 10 November 2021 - Foreign Minister Óscar Maúrtua spoke today by telephone with Bolivian "
                 "Foreign Minister Rogelio Mayta.",
                 "LIMA - Foreign Minister Óscar Maúrtua spoke on Monday by phone with Bolivian Foreign Minister "
                 "Rogelio Mayta."):
        (call,) = event_mentions(text, "meeting", DCT)
        assert call["title"].startswith("phone call"), call
        assert set(call["participants"]) == {"Óscar Maúrtua", "Rogelio Mayta"}
        assert call["location"] is None


def test_a_courtesy_call_on_the_head_of_state():
    text = ("SUVA, 10 November 2021 - Australian Prime Minister Scott Morrison is on a two-day official visit to "
            "Fiji. Mr Morrison will call on the Head of State, Wiliame Katonivere, this afternoon.")
    calls = [m for m in event_mentions(text, "meeting", DCT) if m["title"].startswith("courtesy call")]
    assert calls and calls[0]["status"] == "planned", calls
    assert set(calls[0]["participants"]) == {"Scott Morrison", "Wiliame Katonivere"}


def test_a_guest_received_after_the_place_of_the_reception():
    text = ("The President of the Republic, Nana Addo Dankwa Akufo-Addo, on Tuesday, 9th November 2021, received at "
            "the Jubilee House the Minister of Foreign Affairs of the Republic of Liberia, H.E. Dee-Maxwell Saah "
            "Kemayah.")
    meetings = event_mentions(text, "meeting", DCT)
    assert any(set(m["participants"]) == {"Nana Addo Dankwa Akufo-Addo", "Dee-Maxwell Saah Kemayah"}
               and m["start"] == "2021-11-09" for m in meetings), meetings


def test_a_guest_told_by_nationality_and_office_is_the_visitor_not_the_sender_of_a_message():
    text = ("ACCRA - Liberia's Minister of Foreign Affairs, Dee-Maxwell Saah Kemayah, co-chaired the commission with "
            "his Ghanaian counterpart. On Tuesday, President Nana Addo Dankwa Akufo-Addo received the Liberian "
            "Minister at the Jubilee House, where he delivered a message from President George Weah.")
    visits = event_mentions(text, "visit", DCT)
    assert visits and all("George Weah" not in v["participants"] for v in visits), visits
    assert any(v["participants"][0].endswith("Saah Kemayah") and v["guest"] == "LBR" for v in visits), visits


def test_the_first_meeting_since_is_no_first_session():
    text = ("MONROVIA, 10 November 2021 - Liberia and Ghana ended the second session of the Ghana-Liberia Joint "
            "Commission on Tuesday, the first meeting of the Commission since the pandemic.")
    sessions = event_mentions(text, "council_session", DCT)
    assert [s["title"] for s in sessions] == ["second session of the Ghana-Liberia Joint Commission"], sessions


def test_an_acronym_defined_after_the_bodys_field_names_its_next_session():
    text = ("MONROVIA, 10 November 2021 - Liberia and Ghana ended the second session of the Ghana-Liberia Permanent "
            "Joint Commission for Cooperation (GLPJCC) on Tuesday. The third session of the GLPJCC will be held in "
            "Accra in 2023.")
    sessions = event_mentions(text, "council_session", DCT)
    third = [s for s in sessions if s["title"].startswith(("3", "third"))]
    assert third and (third[0]["status"], third[0]["start"], third[0]["location"]) == ("planned", "2023", "Accra")


def test_fields_after_covered_with_a_participle_clause_before_it():
    text = ("MONROVIA, 10 November 2021 - Liberia and Ghana signed four agreements on Tuesday. The agreements, "
            "signed by the two ministers, covered fisheries and aquaculture, youth and sports, and the mutual "
            "recognition of vaccination certificates.")
    ags = mentions(text, "agreement", DCT)
    fields = {a.get("field") for a in ags}
    assert {"fisheries and aquaculture", "youth and sports",
            "mutual recognition of vaccination certificates"} <= fields, ags
    assert next(a for a in ags if a.get("field", "").startswith("mutual"))["sectors"] == ["health"]


def test_sessions_numbered_in_roman_numerals():
    text = ("PANAMA CITY, 12 May 2023 - The Chancellor of Colombia and the Minister of Foreign Relations of Panama "
            "co-chaired on the 11th of May, in Panama City, the V Meeting of the Colombia-Panama Binational Border "
            "Commission. Both parties agreed to hold the VI Meeting of the Commission in Colombia in 2024.")
    sessions = {s["title"]: s for s in event_mentions(text, "council_session", "2023-05-12")}
    fifth, sixth = (next(s for t, s in sessions.items() if t.startswith(n)) for n in ("5th", "6th"))
    assert (fifth["status"], fifth["start"]) == ("occurred", "2023-05-11")
    assert (sixth["status"], sixth["start"]) == ("planned", "2024")
    assert not event_mentions(text, "meeting", "2023-05-12")


def test_a_guest_received_after_the_day_and_the_place_of_the_reception():
    text = ("Havana, Sep 22 (Agency) Cuban President Miguel Díaz-Canel Bermúdez received this Friday at the Palace of "
            "the Revolution the Prime Minister of the Republic of Malta, Robert Abela, who has been on an official "
            "visit to the island since the 21st of September.")
    meetings = event_mentions(text, "meeting", "2023-09-22")
    assert any(set(m["participants"]) == {"Miguel Díaz-Canel Bermúdez", "Robert Abela"} for m in meetings), meetings


def test_a_visitor_told_by_nationality_and_statesman():
    text = ("LUANDA, 12 June 2024 - The Zambian statesman arrived in the Angolan capital on Tuesday for a two-day "
            "official visit, at the invitation of his Angolan counterpart.")
    visits = event_mentions(text, "visit", "2024-06-12")
    assert visits and visits[0]["guest"] == "ZMB" and visits[0]["host"] == "AGO", visits
