"""Sessions of standing bilateral bodies named the ways newsrooms name them (sentences written for
these tests)."""

from __future__ import annotations

from dyad.nlp.pipeline import extract_facts

DCT = "2024-05-10"


def sessions(text: str) -> list[dict]:
    return [f for f in extract_facts(text, DCT) if f["kind"] == "event" and f["event_type"] == "council_session"]


def test_a_bi_national_commission_is_a_standing_body():
    found = sessions("Namibia and Zambia signed six agreements at the end of the 4th Session of the "
                     "Namibia-Zambia Bi-National Commission in Windhoek on Friday.")
    assert [(s["title"], s["start"], s["location"]) for s in found] == [
        ("4th session of the Namibia-Zambia Bi-National Commission", "2024-05-10", "Windhoek")]


def test_an_ordinal_before_a_binational_cabinet_numbers_its_session():
    held = sessions("The presidents of Chile and Argentina closed the Third Binational Cabinet Chile-Argentina "
                    "held in Santiago on Monday.")
    assert [(s["title"], s["status"]) for s in held] == [("third session of the Binational Cabinet", "occurred")]
    planned = sessions("The Fourth Binational Cabinet will be held in Argentina next year.")
    assert [(s["title"], s["status"], s["start"]) for s in planned] == [
        ("4th session of the Binational Cabinet", "planned", "2025")]


def test_a_joint_meeting_of_the_two_governments_is_a_session():
    found = sessions("It was the fifth joint meeting of the two governments, held in Warsaw on Tuesday.")
    assert [(s["start"], s["location"]) for s in found] == [("2024-05-07", "Warsaw")]


def test_a_body_named_with_its_purpose_and_acronym_that_will_meet():
    found = sessions("The leaders agreed that the Kenya-Uganda Joint Permanent Commission on Cooperation (JPC) "
                     "will meet in Kampala in August.")
    assert [(s["status"], s["start"], s["location"]) for s in found] == [("planned", "2024-08", "Kampala")]


def test_an_ordinal_committee_of_an_assembly_is_no_bilateral_session():
    assert sessions("The Second Committee of the General Assembly met in New York on Monday.") == []


def test_a_commemorated_date_does_not_date_the_session():
    found = sessions("It was the fifth joint meeting of the two governments and took place in the week in which "
                     "both countries commemorate the 35th anniversary of 9 November 1989.")
    assert len(found) == 1 and found[0]["start"] != "1989-11-09"


def test_a_body_set_up_whose_first_meeting_will_be_held_somewhere():
    from support import event_mentions

    text = ("MANAMA - The two sides agreed to set up a Kuwaiti-Bahraini Coordination Council, whose first meeting "
            "will be held in Manama early next year.")
    (s,) = event_mentions(text, "council_session", "2024-10-10")
    assert (s["status"], s["start"], s["location"]) == ("planned", "2025", "Manama"), s


def test_a_body_named_in_lower_case_with_its_field_that_should_hold_its_next_session():
    from support import event_mentions

    text = ("ATHENS - The Armenian-Greek intergovernmental commission on economic cooperation should hold its next "
            "session in Athens in the first half of 2024.")
    (s,) = event_mentions(text, "council_session", "2023-10-18")
    assert (s["status"], s["start"]) == ("planned", "2024"), s


def test_a_working_group_that_will_meet_is_a_session_to_come_dated_after_the_agreement():
    found = sessions("Peru and Poland agreed on Wednesday that the Joint Working Group on Mining Cooperation will "
                     "meet in Lima early next year.")
    assert [(s["title"], s["status"], s["start"], s["location"]) for s in found] == [
        ("meeting of the Joint Working Group on Mining Cooperation", "planned", "2025", "Lima")]


def test_the_next_meeting_of_a_working_group_in_lower_case():
    found = sessions("The ministers asked officials to convene the next meeting of the Chilean-Hungarian working "
                     "group on water in Budapest before the end of the year.")
    assert [(s["title"], s["location"], s["start"]) for s in found] == [
        ("next meeting of the Chilean-Hungarian working group on water", "Budapest", "2024")]


def test_a_working_group_set_up_to_meet_for_the_first_time():
    found = sessions("The two governments will set up a joint working group of port officials, which is to meet "
                     "for the first time in Oslo in September.")
    assert [(s["title"], s["start"]) for s in found] == [
        ("first meeting of the joint working group of port officials", "2024-09")]


def test_a_working_group_only_set_up_or_meeting_regularly_has_no_session():
    assert sessions("They agreed to create a working group to settle the remaining debt.") == []
    assert sessions("We have decided to create a joint working group that will meet twice a year.") == []
