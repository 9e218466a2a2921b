"""Visits whose traveller opens a long sentence that names the host near the trigger, visits to come told by an
invitation to another traveller, working meetings, the visitor's meetings announced after a fronted "Tomorrow,",
and the days of a trip told by its arrival and departure. Sentences written for these tests."""

from __future__ import annotations

from support import event_mentions

DCT = "2025-06-16"  # a Monday


def test_the_traveller_opens_the_sentence_when_only_the_host_stands_near_the_visit():
    text = ("BERLIN, 16 June 2025 - Foreign Minister Elmar Ortiz of Paraguay held a working meeting today with the "
            "Federal Minister for Foreign Affairs of Germany, Johann Wadephul, at the Federal Foreign Office in "
            "Berlin, on the second day of his official visit to Germany.")
    (visit,) = event_mentions(text, "visit", DCT)
    assert visit["participants"] == ["Elmar Ortiz"] and visit["guest"] == "PRY"
    meetings = event_mentions(text, "meeting", DCT)
    assert any(set(m["participants"]) == {"Elmar Ortiz", "Johann Wadephul"} for m in meetings), meetings


def test_an_invitation_to_another_traveller_is_a_visit_to_come_not_the_one_recalled():
    text = ("BERLIN - The agreement was negotiated during the visit of then Chancellor Olaf Scholz to Asunción in "
            "January 2023. The minister conveyed an invitation from President Santiago Peña to Chancellor Friedrich "
            "Merz to visit Paraguay.")
    visits = {v["participants"][0]: v for v in event_mentions(text, "visit", DCT) if v["participants"]}
    assert visits["Olaf Scholz"]["status"] == "occurred"
    assert visits["Friedrich Merz"]["status"] == "planned" and not visits["Friedrich Merz"].get("start")


def test_the_visitor_announced_to_meet_someone_after_a_fronted_tomorrow():
    text = ("BERLIN, 16 June 2025 - Foreign Minister Elmar Ortiz of Paraguay is on an official visit to Germany. "
            "Tomorrow, the Foreign Minister will meet the Federal Minister for Economic Affairs, Katherina Reiche.")
    meetings = event_mentions(text, "meeting", DCT)
    assert any(set(m["participants"]) == {"Elmar Ortiz", "Katherina Reiche"} and m["status"] == "planned"
               and m["start"] == "2025-06-17" for m in meetings), meetings


def test_the_days_of_a_trip_from_its_arrival_and_departure():
    text = ("Scholz in Asunción: a partnership still to be written\n\nBy A. Writer\n\n"
            "Olaf Scholz spent barely a day in Asunción, but the Chancellor's first visit to Paraguay pleased "
            "German industry.\n\nScholz arrived from Buenos Aires on Saturday night. On Sunday he and President "
            "Santiago Peña agreed to negotiate a partnership.\n\nScholz flew on to Brazil on Sunday evening.\n")
    visits = [v for v in event_mentions(text, "visit", "2023-02-03") if v["participants"] == ["Olaf Scholz"]]
    assert visits and (visits[0]["start"], visits[0]["end"]) == ("2023-01-28", "2023-01-29"), visits


def test_a_title_before_and_the_country_after_the_name():
    from support import mentions

    people = {p["name"]: p for p in mentions("BERLIN - Foreign Minister Elmar Ortiz of Paraguay met officials.",
                                             "entity", DCT) if p.get("entity_type") == "person"}
    assert people["Elmar Ortiz"]["country"] == "PRY"


def test_people_who_arrived_long_ago_are_no_visit_of_the_leader_who_honours_them():
    text = ("SUVA, 7 August 2024 - President Droupadi Murmu of India is on a state visit to Fiji. Earlier, addressing "
            "Parliament, Mrs Murmu paid tribute to the indentured labourers who first arrived in Fiji in 1879.")
    visits = event_mentions(text, "visit", "2024-08-07")
    assert visits and all(v["start"] != "1879" for v in visits), visits


def test_leaving_today_after_a_three_day_visit_ends_it_today():
    text = ("SUVA - Indian President Droupadi Murmu leaves Fiji today for New Zealand after a three-day state visit, "
            "the first ever by an Indian head of state to the country.")
    (visit,) = event_mentions(text, "visit", "2024-08-07")
    assert (visit["start"], visit["end"]) == ("2024-08-05", "2024-08-07")


def test_his_first_overseas_trip_in_apposition_is_the_same_visit():
    text = ("JAKARTA - President Prabowo Subianto left Beijing on Sunday night, wrapping up a three-day state visit "
            "to China, his first overseas trip since taking office.")
    visits = event_mentions(text, "visit", "2024-11-11")
    assert [(v["guest"], v["host"]) for v in visits] == [("IDN", "CHN")], visits


def test_his_visit_is_the_subjects_when_the_host_received_him():
    text = ("Beijing, 17 October 2023\n\nThe President of the Republic, Gabriel Boric Font, was received this Tuesday "
            "by the President of the People's Republic of China, Xi Jinping, at the Great Hall of the People, on "
            "the second day of his State Visit to the Asian country.")
    visits = event_mentions(text, "visit", "2023-10-17")
    assert visits and all((v["guest"], v["host"]) == ("CHL", "CHN") for v in visits), visits
    assert visits[0]["start"] == "2023-10-16"


def test_the_visitor_told_by_his_style_meets_the_host_on_the_day_told_after_today():
    text = ("VIENNA, 17 April 2024 - President Emomali Rahmon arrived in Vienna on a state visit to Austria on "
            "April 16. Today, April 17, the Leader of the Nation met with Federal Chancellor of the Republic of "
            "Austria Karl Nehammer at the Federal Chancellery.")
    meetings = event_mentions(text, "meeting", "2024-04-17")
    assert any(set(m["participants"]) == {"Emomali Rahmon", "Karl Nehammer"} and m["start"] == "2024-04-17"
               for m in meetings), meetings


def test_a_visit_that_ended_on_a_day_told_after_it_ends_that_day():
    text = ("KATHMANDU, Dec 5: Nepal and Bhutan signed a transit framework, the main outcome of Prime Minister KP "
            "Sharma Oli's four-day official visit to Bhutan that ended on Thursday.")
    visits = [v for v in event_mentions(text, "visit", "2024-12-05") if v["participants"]]
    assert visits and (visits[0]["start"], visits[0]["end"]) == ("2024-12-02", "2024-12-05"), visits


def test_a_meeting_told_as_its_participants():
    text = ("THIMPHU, Dec 5 - The framework was signed in Thimphu on Wednesday after Oli's meeting with Prime "
            "Minister Tshering Tobgay at the Tashichho Dzong.")
    meetings = event_mentions(text, "meeting", "2024-12-05")
    assert any(set(m["participants"]) == {"KP Sharma Oli", "Tshering Tobgay"} or
               ("Tshering Tobgay" in m["participants"] and "meeting" in m["title"]) for m in meetings), meetings
