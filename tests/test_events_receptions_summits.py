"""Event forms of real reporting (issue 13, heldout7 classes), on hand-written sentences about Chile, Peru,
Bolivia and Ecuador: receptions told in the passive with a pronoun or a title as the guest, numbered summits of
the pair, visits named by a possessive anaphor or "a visit to X by Y", "expected in <city>", signed minutes and
instruments, "on the same day", remote inaugurations, spokespeople who are no participants."""

from __future__ import annotations

from dyad.nlp.pipeline import extract_facts

DCT = "2025-06-10"  # a Tuesday


def events(text: str, event_type: str, dct: str = DCT) -> list[dict]:
    return [f for f in extract_facts(text, dct) if f["kind"] == "event" and f["event_type"] == event_type]


def test_possessive_anaphor_trip_is_the_visit_told_before_not_a_visit_the_other_way():
    text = ("Chilean President Gabriel Boric will pay an official visit to Peru on Thursday.\n\n"
            "Officials in Santiago said the president's trip was meant to revive the free trade talks.")
    visits = events(text, "visit")
    assert visits and all(v["guest"] == "CHL" and v["host"] == "PER" for v in visits), visits


def test_visit_to_a_city_by_a_named_leader():
    text = ("Chile and Peru upgraded their ties in March, during a visit to Lima by Chilean President "
            "Gabriel Boric.")
    visits = events(text, "visit")
    assert any(v["guest"] == "CHL" and v["host"] == "PER" and "Gabriel Boric" in v["participants"]
               for v in visits), visits


def test_passive_reception_with_title_subject_and_date_between_verb_and_agent():
    text = ("Chilean President Gabriel Boric arrived in Lima on Monday for an official visit.\n\n"
            "The President was also received on Tuesday by President Dina Boluarte at the Government Palace.")
    ms = [m for m in events(text, "meeting") if "receives" in m["title"]]
    assert len(ms) == 1, events(text, "meeting")
    assert ms[0]["title"] == "Dina Boluarte receives Gabriel Boric"
    assert ms[0]["location"] == "Lima"


def test_pronoun_meets_one_host_and_is_received_by_another():
    text = ("Chilean President Gabriel Boric was in Lima on Monday on an official visit. He met the Peruvian "
            "Foreign Minister, Elmer Schialer, and was received by President Dina Boluarte.")
    ms = events(text, "meeting")
    receptions = [m for m in ms if "receives" in m["title"]]
    others = [m for m in ms if "receives" not in m["title"]]
    assert receptions and set(receptions[0]["participants"]) == {"Dina Boluarte", "Gabriel Boric"}, ms
    assert others and "Dina Boluarte" not in others[0]["participants"], ms
    assert "Gabriel Boric" in others[0]["participants"], ms


def test_welcome_at_the_airport_is_no_reception_meeting():
    text = ("Chilean President Gabriel Boric arrived in Lima on Monday for an official visit. He was received "
            "by President Dina Boluarte at Jorge Chavez International Airport.")
    assert not [m for m in events(text, "meeting") if "receives" in m["title"]]


def test_spokesperson_is_no_participant_of_the_talks():
    text = ("Boric and Boluarte will hold talks at the Government Palace on Thursday, presidential "
            "spokesperson Ana Torres told a briefing.")
    ms = events(text, "meeting")
    assert ms and "Ana Torres" not in ms[0]["participants"], ms


def test_numbered_summit_of_the_pair_held_and_the_next_one_announced():
    text = ("President Gabriel Boric is in Peru for the 4th Chile-Peru Presidential Summit, hosted by President "
            "Dina Boluarte in Arequipa today.\n\n"
            "The two presidents looked forward to the 5th Presidential Summit, which Chile will host next year.")
    ms = events(text, "meeting")
    held = [m for m in ms if m["title"].startswith("4th")]
    nxt = [m for m in ms if m["title"].startswith("5th")]
    assert held and held[0]["status"] == "occurred" and held[0]["start"] == DCT and held[0]["location"] == "Arequipa"
    assert nxt and nxt[0]["status"] == "planned", ms
    visits = events(text, "visit")
    assert visits and visits[0]["guest"] == "CHL" and visits[0]["host"] == "PER", visits


def test_ordinal_multilateral_summit_is_not_a_summit_of_the_pair():
    text = "Boric and Boluarte last met on the sidelines of the 31st APEC Summit in Lima."
    assert not [m for m in events(text, "meeting") if m["title"].startswith("31st")]


def test_expected_in_a_city_next_month_is_a_planned_visit():
    text = "Peruvian President Dina Boluarte is expected in Santiago next month for talks on lithium."
    visits = events(text, "visit")
    assert visits and visits[0]["guest"] == "PER" and visits[0]["host"] == "CHL", visits
    assert visits[0]["status"] == "planned" and visits[0]["start"] == "2025-07"


def test_signed_minutes_and_instruments_are_a_signing():
    text = ("The 9th session of the Chile-Peru Joint Commission was held in Lima on 9 June 2025. At the end of "
            "the session, the two foreign ministers signed the final minutes of the Commission. Seven "
            "instruments were then signed by the competent ministers.")
    ss = events(text, "signing")
    assert ss and ss[0]["status"] == "occurred" and ss[0]["start"] == "2025-06-09", ss


def test_on_the_same_day_takes_the_day_and_place_of_the_sentence_before():
    text = ("The 9th session of the Chile-Peru Joint Commission opened in Lima on Tuesday.\n\n"
            "Chilean Foreign Minister Alberto van Klaveren arrived in Lima on 8 June at the head of a delegation. "
            "On the same day, van Klaveren held talks with his Peruvian counterpart Elmer Schialer.")
    ms = [m for m in events(text, "meeting") if "Elmer Schialer" in m["participants"]]
    assert ms and ms[0]["start"] == "2025-06-08" and ms[0]["location"] == "Lima", ms


def test_inauguration_by_video_link_by_ministers_of_three_countries():
    text = ("Power began to flow on 3 June, when the energy ministers of Chile, Peru and Bolivia inaugurated "
            "the cross-border electricity exchange by video link.")
    ops = events(text, "opening")
    assert ops and set(ops[0]["countries"]) == {"CHL", "PER", "BOL"}, ops
    assert "video" not in ops[0]["title"] and ops[0]["start"] == "2025-06-03"


def test_open_to_traffic_and_launch_as_a_topic_are_no_openings():
    text = ("A second bridge between Tacna and Arica is expected to open to traffic in 2026, according to the "
            "roads agency. The ministers discussed the trade agenda, including the launch of new joint projects "
            "in mining and fisheries.")
    assert not events(text, "opening")


def test_format_told_after_the_cue_names_the_meeting():
    text = ("Boric arrived in Lima on Monday for an official visit. Boric and Boluarte held talks in an expanded "
            "format at the Government Palace on Tuesday.")
    ms = events(text, "meeting")
    assert ms and ms[0]["object_key"].startswith("meeting:expanded:"), ms


def test_byline_line_is_not_the_lead_of_the_story():
    text = ("Peru and Chile sign lithium accord\n\nAndes Courier, 10 June 2025. By Ana Ruiz\n\n"
            "Chilean President Gabriel Boric was in Lima on Monday on an official visit. He met President Dina "
            "Boluarte at the Government Palace.\n\nThe two presidents signed a memorandum on lithium.")
    ss = events(text, "signing")
    assert ss and ss[0]["start"] == "2025-06-09" and ss[0]["location"] == "Lima", ss


def test_talks_of_two_other_countries_are_not_the_pairs():
    text = ("Chilean President Gabriel Boric arrived in Lima on Monday for a working visit.\n\n"
            "Peru and Ecuador, after talks brokered by Brazil, adopted a border declaration last December.")
    assert not [m for m in events(text, "meeting") if m["start"] == "2024-12"], events(text, "meeting")


def test_they_agreed_to_meet_again_at_a_summit_is_a_planned_meeting_of_the_pair():
    text = ("President Gabriel Boric spoke by phone with President Dina Boluarte on Monday.\n\n"
            "They agreed to meet again at the Pacific Alliance summit in Quito in August.")
    ms = [m for m in events(text, "meeting") if m["status"] == "planned"]
    assert ms and ms[0]["start"] == "2025-08" and ms[0]["location"] == "Quito", events(text, "meeting")
    assert set(ms[0]["participants"]) == {"Gabriel Boric", "Dina Boluarte"}


def test_reduced_relative_signed_by_named_signers_is_a_signing():
    text = ("The memorandum on the joint management of the Lauca river, signed in Santiago last month by the two "
            "foreign ministers, has been welcomed by farmers on both sides.")
    ss = events(text, "signing")
    assert ss and ss[0]["status"] == "occurred" and ss[0]["start"] == "2025-05" and ss[0]["location"] == "Santiago"


def test_reduced_relative_of_an_old_instrument_is_background():
    text = "The border treaty, signed in Lima in 1929 by the two governments, settled the Tacna question."
    assert not events(text, "signing")


def test_agreed_on_the_sidelines_of_a_summit_tells_a_meeting_of_the_pair():
    text = ("President Gabriel Boric and President Dina Boluarte opened the new border post at Santa Rosa today. "
            "The two presidents have decided to relaunch the trade talks, as agreed last March on the sidelines "
            "of the Pacific Alliance summit in Quito.")
    ms = [m for m in events(text, "meeting") if "sidelines" in m["title"]]
    assert ms and ms[0]["start"] == "2025-03" and ms[0]["location"] == "Quito", events(text, "meeting")
    assert ms[0]["status"] == "occurred"
