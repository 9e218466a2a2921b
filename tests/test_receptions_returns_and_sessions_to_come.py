"""A guest "received today at the seat of the Presidency of the Republic by President X" (a long passive gap), a
minister "scheduled to return home today after a three-day visit", "on the second day of a three-day visit" in a
sentence the lead dates; a body that "should meet", "the session of the A-B joint commission" to hold, and "The
commission is to meet next in X". Sentences written for these tests."""

from __future__ import annotations

from support import event_mentions


def test_a_guest_received_by_the_president_after_a_long_gap_is_the_guest():
    text = ("President receives Latvian Prime Minister\n\nTUNIS, 14 March 2024 - The Prime Minister of Latvia, Ms. "
            "Evika Silina, who is on a working visit to Tunisia, was received today at the seat of the Presidency of "
            "the Republic by President Kais Saied.")
    visits = event_mentions(text, "visit", "2024-03-14")
    assert visits and {(v["guest"], v["host"]) for v in visits} == {("LVA", "TUN")}, visits


def test_a_minister_to_return_home_today_after_a_three_day_visit():
    text = ("Nepal buys power from Bhutan\n\nKATHMANDU, 3 June 2023 - Nepal and Bhutan signed a power purchase "
            "agreement in Thimphu, the Nepalese energy ministry said.\n\nThe Nepalese minister is scheduled to return "
            "home today after a three-day visit to Bhutan.")
    (v,) = [v for v in event_mentions(text, "visit", "2023-06-03") if v["host"] == "BTN"]
    assert (v["start"], v["end"], v["status"]) == ("2023-06-01", "2023-06-03", "occurred"), v


def test_the_second_day_of_a_three_day_visit_told_after_a_dated_lead():
    text = ("Mongolia presses Korea on copper\n\nSEOUL, Oct 4 - Mongolia's mining minister pressed Korean smelters on "
            "Wednesday to invest in a copper refinery in Mongolia.\n\nMining Minister Jadamba Batbayar met Korean "
            "Trade Minister Ahn Duk-geun in Seoul, on the second day of a three-day visit, and later toured a smelter.")
    (v,) = [v for v in event_mentions(text, "visit", "2023-10-04") if v["host"] == "KOR"]
    assert (v["start"], v["end"]) == ("2023-10-03", "2023-10-05"), v


def _sessions(text: str, dct: str) -> list[dict]:
    return event_mentions(text, "council_session", dct)


def test_a_commission_that_should_meet_is_to_come():
    found = _sessions("The two presidents also agreed that the Malawi-Tanzania Joint Permanent Commission should meet "
                      "in Dodoma before the end of the year.", "2022-11-21")
    assert [(s["status"], s["start"], s["location"]) for s in found] == [("planned", "2022", "Dodoma")]


def test_to_hold_the_session_of_a_joint_commission_named_in_lower_case():
    found = _sessions("The two sides agreed to hold the session of the Tunisian-Czech joint commission in Prague in "
                      "2025.", "2024-11-21")
    assert [(s["status"], s["start"], s["location"]) for s in found] == [("planned", "2025", "Prague")]


def test_the_commission_is_to_meet_next_is_the_next_session_of_the_body_named_before():
    found = _sessions("The 5th meeting of the Uzbek-Latvian Intergovernmental Commission was held in Tashkent on "
                      "Monday. The commission is to meet next in Riga in 2025.", "2024-05-22")
    planned = [s for s in found if s["status"] == "planned"]
    assert [(s["title"], s["start"], s["location"]) for s in planned] == [
        ("next session of the Uzbek-Latvian Intergovernmental Commission", "2025", "Riga")]
