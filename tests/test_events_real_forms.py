"""Event forms of real diplomatic reporting (issue 13), on hand-written sentences: a reception told as
"X received Y", commission sessions named with a capitalised ordinal, announced as "the convening of" or
"the commission's next session", and a body named earlier in the sentence that is told to "hold its next
meeting"."""

from __future__ import annotations

from dyad.nlp.pipeline import extract_facts

DCT = "2025-06-10"  # a Tuesday


def events(text: str, event_type: str) -> list[dict]:
    return [f for f in extract_facts(text, DCT) if f["kind"] == "event" and f["event_type"] == event_type]


def test_host_received_foreign_minister_is_a_meeting_of_the_two():
    text = ("On Monday, President of Kyrgyzstan Sadyr Japarov received Sergei Lavrov, Minister of Foreign "
            "Affairs of Russia, who is in Bishkek for consultations.")
    ms = events(text, "meeting")
    assert len(ms) == 1, ms
    assert ms[0]["status"] == "occurred"
    assert set(ms[0]["countries"]) == {"KGZ", "RUS"}
    assert ms[0]["title"].startswith("Sadyr Japarov receives")


def test_received_a_phone_call_is_not_a_reception_meeting():
    text = "President Sadyr Japarov received a phone call from Vladimir Putin on Monday."
    assert not [m for m in events(text, "meeting") if "receives" in m["title"]]


def test_capitalised_ordinal_session_of_joint_commission_is_planned():
    text = ("The two ministers agreed to convene the Fourth Session of the Chile-Vietnam Joint Commission in "
            "Hanoi before the end of the year.")
    cs = events(text, "council_session")
    assert len(cs) == 1, cs
    assert cs[0]["body"] == "Chile-Vietnam Joint Commission"
    assert cs[0]["status"] == "planned"


def test_convening_of_a_joint_commission_is_a_session():
    text = ("The presidents looked forward to the convening of the Chile-Vietnam Joint Commission on Trade in "
            "Santiago before the end of the year.")
    cs = events(text, "council_session")
    assert len(cs) == 1, cs
    assert cs[0]["status"] == "planned"


def test_commission_s_next_session_refers_to_the_body_named_before():
    text = ("The third session of the Chile-Vietnam Joint Commission, held in Hanoi last November, reviewed "
            "trade. The commission's next session is to be held in Santiago next year.")
    cs = events(text, "council_session")
    nxt = [c for c in cs if c["object_key"].startswith("council:next:")]
    assert len(nxt) == 1, cs
    assert nxt[0]["status"] == "planned" and nxt[0]["body"] == "Chile-Vietnam Joint Commission"


def test_body_instructed_to_hold_its_next_meeting():
    text = ("The presidents instructed the Intergovernmental Commission on Trade between Chile and Vietnam to "
            "hold its next meeting in Santiago next year.")
    cs = events(text, "council_session")
    assert len(cs) == 1, cs
    assert cs[0]["status"] == "planned"
    assert cs[0]["object_key"].startswith("council:next:")


def test_exchange_of_instruments_is_a_signing():
    text = ("After the talks on Monday, the foreign ministers of Chile and Vietnam witnessed the exchange of "
            "three instruments, namely a Memorandum of Understanding on Fisheries and two agreements.")
    ss = events(text, "signing")
    assert len(ss) == 1, ss
    assert ss[0]["status"] == "occurred"


def test_exchange_of_views_is_not_a_signing():
    text = "The foreign ministers of Chile and Vietnam had an exchange of views on regional instruments on Monday."
    assert events(text, "signing") == []


def test_signing_following_a_held_session_takes_its_day_and_place():
    text = ("The Chile-Vietnam Intergovernmental Commission met on 2 June in Hanoi under the co-chairmanship of "
            "the two foreign ministers. Following the meeting, the parties signed four documents, among them "
            "a memorandum on fisheries.")
    ss = events(text, "signing")
    assert len(ss) == 1, ss
    assert (ss[0]["start"], ss[0]["status"]) == ("2025-06-02", "occurred")
    session = events(text, "council_session")[0]
    assert ss[0]["location"] == session["location"]
    assert ss[0]["parent"] == f"council:{session['object_key']}"


def test_next_round_of_a_named_dialogue_is_a_planned_meeting():
    text = ("The two leaders also agreed that the next Chile-Peru Strategic Dialogue at vice-minister level will "
            "be held in Lima in September.")
    [m] = events(text, "meeting")
    assert m["title"] == "Chile-Peru Strategic Dialogue"
    assert (m["status"], m["start"], m["location"]) == ("planned", "2025-09", "Lima")


def test_next_joint_meeting_is_another_meeting_than_the_one_held():
    text = ("The governments of Chile and Peru held a joint meeting in Lima on Friday. The next joint meeting will be "
            "hosted by Chile next year.")
    ms = sorted(events(text, "meeting"), key=lambda m: m["status"])
    assert [(m["status"], m["start"]) for m in ms] == [("occurred", "2025-06-06"), ("planned", "2026")]


def test_next_meeting_of_a_body_is_not_a_format_meeting():
    text = "The next meeting of the Chile-Peru Joint Commission will be held in Lima in September."
    assert events(text, "meeting") == []


def test_trilateral_summit_takes_every_country_named():
    text = ("Brazil and Argentina have a third partner: their presidents met Paraguay's for the fifth trilateral "
            "summit of Brazil, Argentina and Paraguay in Asuncion last October.")
    [m] = [e for e in events(text, "meeting") if "trilateral" in e["title"]]
    assert set(m["countries"]) == {"BRA", "ARG", "PRY"}
    assert (m["status"], m["start"]) == ("occurred", "2024-10")


def test_a_signing_looked_forward_to_is_no_signing_event():
    text = ("President Gabriel Boric and President Luiz Inacio Lula da Silva held talks in Brasilia on Monday and "
            "looked forward to the signing of a memorandum on lithium processing before the end of the year.")
    assert events(text, "signing") == []


def test_a_signing_years_before_the_report_without_a_place_is_background():
    text = ("Chile and Peru held a joint commission in Lima on Monday.\n\n"
            "Six years after the two countries signed the Agreement on Maritime Delimitation in March 2019, "
            "they now call each other strategic partners.")
    assert events(text, "signing") == []


def test_a_signing_years_before_the_report_with_its_place_is_kept():
    text = ("The four governments launched the project when their leaders signed the Agreement on Green Energy "
            "in Santiago in December 2022, in the presence of the heads of the development banks of Chile "
            "and Peru.")
    [s] = events(text, "signing")
    assert (s["start"], s["location"]) == ("2022-12", "Santiago")


def test_next_session_of_a_body_named_before_takes_the_place_told():
    text = ("The Chile-Vietnam Joint Commission met in Santiago last November. The commission's next session is to be "
            "held in Hanoi before the end of the year.")
    [nxt] = [c for c in events(text, "council_session") if c["status"] == "planned"]
    assert nxt["location"] == "Hanoi"


def test_body_which_took_place_today_in_a_city():
    text = ("Relations between Chile and Peru entered a new phase thanks to the High Level Cooperation Council which "
            "took place today in Lima.")
    [c] = events(text, "council_session")
    assert (c["status"], c["start"], c["location"]) == ("occurred", DCT, "Lima")
