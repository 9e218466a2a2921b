"""Tests for the events component (dyad.nlp.components.events) on hand-written paragraphs.

Visits (guest, host, level, status, dates), meetings, signings, openings and council sessions,
and the cues that must not produce events."""

from __future__ import annotations

import pytest

from dyad.nlp.pipeline import extract_facts

DCT = "2025-06-10"  # a Tuesday


def events(text: str, dct: str | None = DCT, event_type: str | None = None) -> list[dict]:
    out = [f for f in extract_facts(text, dct) if f["kind"] == "event"]
    for f in out:
        src = f["sources"][0]
        assert 0 <= src["start"] < src["end"] <= len(text), f
    return [f for f in out if event_type is None or f["event_type"] == event_type]


def one(text: str, event_type: str, dct: str | None = DCT) -> dict:
    found = events(text, dct, event_type)
    assert len(found) == 1, found
    return found[0]


# ---------------------------------------------------------------------------- visits


def test_state_visit_announced_with_date_range():
    text = ("President of Uzbekistan Shavkat Mirziyoyev will pay a state visit to Turkey on June 3-4, "
            "the presidential press service said.")
    v = one(text, "visit", dct="2025-05-20")
    assert (v["guest"], v["host"], v["level"], v["status"]) == ("UZB", "TUR", "state", "planned")
    assert (v["start"], v["end"]) == ("2025-06-03", "2025-06-04")
    assert v["countries"] == ["UZB", "TUR"]
    assert v["participants"] == ["Shavkat Mirziyoyev"]
    assert v["title"] == "Shavkat Mirziyoyev state visit to Turkey"


def test_arrival_in_capital_for_two_day_official_visit():
    text = "Kyrgyz President Sadyr Japarov arrived in Beijing on Monday for a two-day official visit."
    v = one(text, "visit", dct="2025-03-10")  # a Monday
    assert (v["guest"], v["host"], v["level"], v["status"]) == ("KGZ", "CHN", "official", "occurred")
    assert (v["start"], v["end"]) == ("2025-03-10", "2025-03-11")
    assert v["location"] == "Beijing"


def test_host_leader_welcomed_guest_leader():
    text = "President Ilham Aliyev welcomed Georgian Prime Minister Irakli Kobakhidze in Baku on September 1."
    v = one(text, "visit", dct="2025-09-02")
    assert (v["guest"], v["host"], v["status"]) == ("GEO", "AZE", "occurred")
    assert v["start"] == "2025-09-01"
    assert v["location"] == "Baku"
    assert v["participants"] == ["Irakli Kobakhidze"]


def test_received_guest_leader():
    text = ("Sheikh Mohamed bin Zayed Al Nahyan received Indian Prime Minister Narendra Modi at Qasr Al Watan "
            "on Tuesday.")
    v = one(text, "visit")
    assert (v["guest"], v["host"], v["status"], v["start"]) == ("IND", "ARE", "occurred", DCT)


def test_forthcoming_visit_is_planned():
    text = "The leaders discussed preparations for the forthcoming visit of the Egyptian President to Saudi Arabia."
    v = one(text, "visit", dct="2025-04-01")
    assert (v["guest"], v["host"], v["status"], v["start"]) == ("EGY", "SAU", "planned", None)


def test_recent_visit_occurred_within_publication_month():
    text = "The ministers reviewed the results of the recent visit of the Mongolian Prime Minister to Japan."
    v = one(text, "visit", dct="2025-04-01")
    assert (v["guest"], v["host"], v["status"]) == ("MNG", "JPN", "occurred")
    assert v["start"] == "2025-04"
    assert v["refers_back"] is True


@pytest.mark.parametrize(("day", "status"), [("March 14", "occurred"), ("May 14", "planned")])
def test_visit_status_from_date_against_publication(day, status):
    text = (f"The visit of Indian Prime Minister Narendra Modi to the UAE on {day} is a milestone for "
            "bilateral ties.")
    v = one(text, "visit", dct="2025-04-01")
    assert (v["guest"], v["host"], v["status"]) == ("IND", "ARE", status)
    assert v["start"] == "2025-" + ("03-14" if day.startswith("March") else "05-14")


@pytest.mark.parametrize(("word", "level"), [("working", "working"), ("friendly", None), ("official", "official")])
def test_visit_level(word, level):
    text = f"Georgian Prime Minister Irakli Kobakhidze is in Baku on a {word} visit to Azerbaijan."
    v = one(text, "visit")
    assert (v["guest"], v["host"], v["level"]) == ("GEO", "AZE", level)


def test_delegation_visit_to_country_but_not_to_museum():
    assert events("The Turkish delegation paid a visit to the museum on Friday.", event_type="visit") == []
    v = one("The Turkish delegation paid a visit to Uzbekistan on Friday.", "visit")
    assert (v["guest"], v["host"], v["status"], v["start"]) == ("TUR", "UZB", "occurred", "2025-06-06")


def test_tourist_visits_are_not_a_visit():
    text = "Visits by tourists from Uzbekistan to Turkey rose by 20 percent last year."
    assert events(text, event_type="visit") == []


def test_cancelled_visit():
    text = "The visit of Egyptian President Abdel Fattah el-Sisi to Saudi Arabia was cancelled."
    v = one(text, "visit")
    assert (v["guest"], v["host"], v["status"]) == ("EGY", "SAU", "cancelled")


# ---------------------------------------------------------------------------- meetings


def test_held_talks_between_leaders_of_two_countries():
    text = ("Uzbek President Shavkat Mirziyoyev held talks with Turkish President Recep Tayyip Erdogan in Ankara "
            "on June 9.")
    m = one(text, "meeting")
    assert m["countries"] == ["UZB", "TUR"]
    assert (m["status"], m["start"]) == ("occurred", "2025-06-09")
    assert m["participants"] == ["Recep Tayyip Erdoğan", "Shavkat Mirziyoyev"]
    assert events(text, event_type="visit") == []


def test_phone_call_is_a_meeting_of_phone_format():
    text = "Kyrgyz President Sadyr Japarov and Chinese President Xi Jinping held a phone call on Tuesday."
    m = one(text, "meeting")
    assert m["countries"] == ["KGZ", "CHN"]
    assert (m["status"], m["start"]) == ("occurred", DCT)
    assert m["object_key"].startswith("meeting:phone:")


def test_met_without_with_is_a_meeting():
    text = ("Mongolian Foreign Minister Battsetseg Batmunkh met Japanese Foreign Minister Takeshi Iwaya in Tokyo "
            "on Monday.")
    m = one(text, "meeting")
    assert m["countries"] == ["MNG", "JPN"]
    assert m["start"] == "2025-06-09"


VISIT_DAY = ("Japanese Prime Minister Shigeru Ishiba arrived in Ulaanbaatar on June 5 for an official visit. "
             "The leaders held one-on-one talks. A signing ceremony took place at the Government Palace.")


def test_one_on_one_talks_inherit_the_visit():
    v = one(VISIT_DAY, "visit")
    assert (v["guest"], v["host"], v["level"], v["start"]) == ("JPN", "MNG", "official", "2025-06-05")
    m = one(VISIT_DAY, "meeting")
    assert m["countries"] == ["JPN", "MNG"]
    assert (m["status"], m["start"], m["location"]) == ("occurred", "2025-06-05", "Ulaanbaatar")
    assert m["parent"] == "visit:JPN>MNG"
    assert m["object_key"] == "meeting:one-on-one:visit:JPN>MNG:"


def test_planned_talks_during_a_planned_visit():
    text = ("Uzbek President Shavkat Mirziyoyev will pay a state visit to Turkey on June 20-21. During the visit, "
            "the leaders will hold talks.")
    m = one(text, "meeting")
    assert (m["status"], m["start"], m["parent"]) == ("planned", "2025-06", "visit:UZB>TUR")


# ---------------------------------------------------------------------------- signings


def test_signing_ceremony_inherits_the_visit_date():
    s = one(VISIT_DAY, "signing")
    assert (s["status"], s["start"], s["location"]) == ("occurred", "2025-06-05", "Ulaanbaatar")
    assert s["countries"] == ["JPN", "MNG"]
    assert s["object_key"] == "signing:visit:JPN>MNG:"
    assert s["title"] == "signing ceremony during the Shigeru Ishiba official visit to Mongolia"


def test_signing_on_a_multi_day_visit_gets_the_month():
    text = ("Uzbek President Shavkat Mirziyoyev arrived in Ankara on June 9 for a two-day state visit. "
            "The signing ceremony of documents took place after the talks.")
    v = one(text, "visit")
    assert (v["start"], v["end"]) == ("2025-06-09", "2025-06-10")
    s = one(text, "signing")
    assert (s["status"], s["start"], s["parent"]) == ("occurred", "2025-06", "visit:UZB>TUR")


MULTI_DAY = ("Egyptian President Abdel Fattah el-Sisi arrived in Madrid on June 2 for a three-day state visit. "
             "On Wednesday morning the two leaders held talks at the Moncloa Palace. "
             "After the talks, the delegations attended the signing of seven documents.")


def test_signing_told_right_after_a_dated_part_of_the_visit_takes_that_day():
    # The story has reached Wednesday, June 4 (within the visit), and the signing follows it.
    s = one(MULTI_DAY, "signing")
    assert (s["status"], s["start"], s["parent"]) == ("occurred", "2025-06-04", "visit:EGY>ESP")


def test_narrative_day_does_not_carry_far():
    text = MULTI_DAY.replace("After the talks, the delegations attended the signing of seven documents.",
                             "Trade reached $2 billion. Tourism grew. Investment rose. Later, the delegations "
                             "attended the signing of seven documents.")
    s = one(text, "signing")
    assert s["start"] == "2025-06"


def test_attending_the_signing_of_documents_is_a_signing_but_signing_a_cheque_is_not():
    assert events("The ministers attended the signing of four agreements in Cairo on June 3.", event_type="signing")
    assert not events("The actor was signing autographs in Cairo on June 3.", event_type="signing")


# ---------------------------------------------------------------------------- council sessions


def test_first_meeting_of_intergovernmental_commission():
    text = ("The first meeting of the Intergovernmental Commission on Trade and Economic Cooperation between "
            "Georgia and Azerbaijan was held in Tbilisi on June 2.")
    c = one(text, "council_session")
    assert c["title"] == "first session of the Intergovernmental Commission"
    assert (c["status"], c["start"]) == ("occurred", "2025-06-02")
    assert c["countries"] == ["GEO", "AZE"]
    assert c["object_key"] == "council:1:intergovernmental commission"
    assert events(text, event_type="meeting") == []


def test_launched_the_work_of_a_council_is_its_first_session():
    text = ("During the visit, the presidents of Uzbekistan and Turkey launched the work of the High-Level "
            "Strategic Cooperation Council.")
    c = one(text, "council_session")
    assert c["body"] == "High-Level Strategic Cooperation Council"
    assert c["title"] == "first session of the High-Level Strategic Cooperation Council"
    assert c["status"] == "occurred"
    assert c["object_key"] == "council:1:high level strategic cooperation council"


def test_next_meeting_of_the_commission_is_planned():
    text = ("The third meeting of the Georgia-Azerbaijan Intergovernmental Commission was held in Baku on June 3. "
            "The next meeting of the commission will be held in Tbilisi in 2026.")
    third, nxt = events(text, event_type="council_session")
    assert (third["title"], third["status"], third["start"]) == (
        "third session of the Georgia-Azerbaijan Intergovernmental Commission", "occurred", "2025-06-03")
    assert (nxt["status"], nxt["start"]) == ("planned", "2026")
    assert nxt["body"] == "Georgia-Azerbaijan Intergovernmental Commission"
    assert nxt["object_key"] == "council:next:georgia azerbaijan intergovernmental commission"


# ---------------------------------------------------------------------------- openings


def test_opening_of_a_facility_during_a_visit():
    text = ("Kyrgyz President Sadyr Japarov arrived in Beijing on June 9 for a state visit. The leaders also took "
            "part in the opening ceremony of the Kyrgyz-Chinese Innovation Center.")
    o = one(text, "opening")
    assert o["title"] == "opening of Kyrgyz-Chinese Innovation Center"
    assert (o["status"], o["start"], o["parent"]) == ("occurred", "2025-06-09", "visit:KGZ>CHN")
    assert o["countries"] == ["KGZ", "CHN"]


@pytest.mark.parametrize("text", [
    "The agreement marks the opening of new opportunities for Uzbekistan and Turkey.",
    "Kyrgyzstan and China opened a new chapter in their relations.",
    "Turkey opened a new airport in Istanbul on Monday.",  # one country, no visit: not a joint facility
])
def test_not_an_opening(text):
    assert events(text, event_type="opening") == []


def test_heading_is_not_an_opening():
    text = ("The Opening of a New Bridge of Friendship\n"
            "Uzbekistan and Turkey discussed trade in Tashkent on Monday.")
    assert events(text, event_type="opening") == []


def test_session_prepared_for_and_scheduled_is_planned_in_a_past_tense_report():
    text = ("The foreign ministers of Uzbekistan and Kyrgyzstan discussed preparations for the 5th meeting of the "
            "Uzbek-Kyrgyz Intergovernmental Commission, which is scheduled to be held in Bishkek later this month.")
    c = one(text, "council_session")
    assert (c["status"], c["location"]) == ("planned", "Bishkek")


def test_commission_that_would_meet_later_this_year_is_planned():
    text = ("Kenyan Prime Cabinet Secretary Musalia Mudavadi said the Kenya–Tanzania Joint Ministerial Commission "
            "would meet in Dodoma later this year.")
    c = one(text, "council_session")
    assert (c["status"], c["location"]) == ("planned", "Dodoma")


def test_session_that_took_place_stays_occurred():
    text = ("The 4th meeting of the Uzbek-Kyrgyz Intergovernmental Commission took place in Tashkent on June 2, "
            "a month after preparations began.")
    assert one(text, "council_session")["status"] == "occurred"


def test_receiving_a_phone_call_is_a_meeting_not_a_visit():
    text = ("Uzbek President Shavkat Mirziyoyev received a phone call from Kyrgyz President Sadyr Japarov "
            "on Monday.")
    assert events(text, event_type="visit") == []
    assert one(text, "meeting")["title"].startswith("phone call")


def test_receiving_a_leader_is_still_a_visit():
    text = "Uzbek President Shavkat Mirziyoyev received Kyrgyz President Sadyr Japarov in Tashkent on Monday."
    v = one(text, "visit")
    assert (v["guest"], v["host"]) == ("KGZ", "UZB")


def test_weekday_of_a_dated_visit_names_that_day_even_when_the_report_has_only_a_month():
    text = ("German Chancellor Olaf Scholz's visit to Hanoi on 3–4 November was brief. The chancellor held talks "
            "with Prime Minister Pham Minh Chinh on the Monday evening.")
    m = one(text, "meeting", dct="2025-11")
    assert m["start"] == "2025-11-03"  # 3 November 2025 was a Monday


def test_a_city_in_a_later_clause_is_not_where_the_talks_were():
    text = ("Japanese Prime Minister Shigeru Ishiba arrived in Ulaanbaatar on June 5 for an official visit. "
            "He held talks with President Ukhnaagiin Khurelsukh at the State Palace, before flying to a forum "
            "that was launched in Tokyo a year earlier.")
    assert one(text, "meeting")["location"] == "Ulaanbaatar"


def test_dateline_city_with_a_dash_places_the_signing():
    text = ("SEOUL — South Korea and Vietnam signed nine agreements on Friday as President Lee Jae-myung hosted "
            "Vietnamese President Luong Cuong, who had begun his state visit in Busan on Wednesday.")
    s = one(text, "signing", dct="2025-08-15")
    assert s["location"] == "Seoul"


def test_visit_dated_after_the_report_is_planned_whatever_the_verb():
    text = ("Kazakh President Kassym-Jomart Tokayev's return visit to Germany in 2027 is already being "
            "pencilled in by diplomats.")
    v = one(text, "visit", dct="2025-09")
    assert (v["status"], v["start"]) == ("planned", "2027")


def test_in_the_afternoon_continues_the_day_told_last_even_paragraphs_later():
    text = ("Japanese Prime Minister Shigeru Ishiba is making an official visit to Mongolia from June 4 to 6. "
            "On June 5 he held a summit meeting with the Prime Minister of Mongolia.\n\n"
            "The leaders discussed mining. They discussed education. They discussed air links.\n\n"
            "In the afternoon, Prime Minister Ishiba paid a courtesy call on President Ukhnaagiin Khurelsukh.")
    calls = [e for e in events(text, event_type="meeting") if e["title"].startswith("courtesy call")]
    assert len(calls) == 1 and calls[0]["start"] == "2025-06-05"


def test_undated_visit_sentence_takes_the_date_of_the_lead_before_it():
    text = ("NAIROBI — Kenya and Tanzania agreed to build a new border post after talks between President "
            "William Ruto and Tanzanian President Samia Suluhu Hassan at State House on June 3.\n\n"
            "Hassan was in the country for a one-day working visit.")
    v = one(text, "visit")
    assert (v["guest"], v["host"], v["start"], v["end"], v["level"]) == \
        ("TZA", "KEN", "2025-06-03", "2025-06-03", "working")


def test_meeting_titles_name_the_meeting_not_the_verb():
    text = "Uzbek President Shavkat Mirziyoyev held talks with Kyrgyz President Sadyr Japarov in Tashkent on June 2."
    assert one(text, "meeting")["title"] == "talks between Shavkat Mirziyoyev and Sadyr Japarov"


def test_body_named_once_then_to_hold_its_first_session_is_a_planned_session():
    text = ("Uzbek President Shavkat Mirziyoyev and Kyrgyz President Sadyr Japarov on Tuesday signed the minutes "
            "forming the Uzbek-Kyrgyz Supreme Coordination Council.\n\nThe council is to hold its first session "
            "in Bishkek in the first half of next year, an official said.")
    c = one(text, "council_session")
    assert c["title"] == "first session of the Uzbek-Kyrgyz Supreme Coordination Council"
    assert (c["status"], c["start"], c["location"]) == ("planned", "2026", "Bishkek")


def test_leaders_of_the_visit_opening_a_border_post_is_an_opening():
    text = ("Tanzanian President Samia Suluhu Hassan arrived in Nairobi on June 3 for a working visit.\n\n"
            "Later the same day, Ruto and Hassan opened the Namanga One-Stop Border Post by video link from "
            "State House.")
    # Ruto is only known by surname here; the host's leader in the gazetteer gives his country.
    o = one(text, "opening")
    assert o["title"] == "opening of Namanga One-Stop Border Post"
    assert (o["status"], o["start"]) == ("occurred", "2025-06-03")


def test_opening_a_new_chapter_is_not_an_opening():
    text = ("Tanzanian President Samia Suluhu Hassan arrived in Nairobi on June 3 for a working visit. "
            "Ruto and Hassan opened a new chapter in relations.")
    assert events(text, event_type="opening") == []


WRAPPED = ("RABAT - Spanish Prime Minister Pedro Sanchez wrapped up a three-day official visit to Morocco on "
           "Wednesday, during which the two countries signed 12 agreements.\n\n"
           "Moroccan Head of Government Aziz Akhannouch welcomed Sanchez at Rabat-Sale airport on Monday. "
           "The two leaders then held a tete-a-tete meeting at the government headquarters.\n\n"
           "On Tuesday, Sanchez addressed a business forum. Later that day he held talks with Moroccan "
           "Foreign Minister Nasser Bourita on migration.")


def test_a_visit_wrapped_up_on_a_day_ends_that_day():
    v = [e for e in events(WRAPPED, dct="2025-06-12", event_type="visit")]
    assert {(e["start"], e["end"]) for e in v} == {("2025-06-09", "2025-06-11")}


def test_story_days_follow_the_welcome_and_a_sentence_opening_on_a_day():
    meetings = {e["object_key"].split(":")[1]: e for e in events(WRAPPED, dct="2025-06-12", event_type="meeting")}
    assert meetings["one-on-one"]["start"] == "2025-06-09"
    talks = meetings["talks"]
    assert talks["start"] == "2025-06-10"
    assert talks["participants"] == ["Nasser Bourita", "Pedro Sánchez"]  # the gazetteer spelling


def test_the_end_date_of_a_visit_does_not_date_what_was_signed_during_it():
    signings = events(WRAPPED, dct="2025-06-12", event_type="signing")
    assert signings and all(s["start"] != "2025-06-11" for s in signings)


def test_a_surname_the_tagger_missed_still_names_the_visitor():
    text = ("SEOUL, July 2 (AWN) - South Korean President Yoon Suk Yeol and Vietnamese Prime Minister Pham Minh "
            "Chinh agreed on Tuesday to lift trade.\n\nChinh arrived in the South Korean capital on Monday for a "
            "three-day official visit.")
    v = one(text, "visit", dct="2024-07-02")
    assert (v["guest"], v["host"], v["start"], v["end"]) == ("VNM", "KOR", "2024-07-01", "2024-07-03")


PRESS = ("Budapest, 5 December 2024\n\nThe High-Level Strategic Cooperation Council of Hungary and Serbia held its "
         "sixth session in Budapest today, co-chaired by Prime Minister Viktor Orban and Aleksandar Vucic, President "
         "of the Republic of Serbia, who is in Hungary on a working visit.\n\nThe seventh session of the Strategic "
         "Cooperation Council will be held in Serbia next year.")


def test_session_held_today_by_a_body_named_in_the_same_sentence():
    sessions = {e["object_key"].split(":")[1]: e for e in events(PRESS, dct="2024-12-05",
                                                                     event_type="council_session")}
    sixth = sessions["6"]
    assert sixth["title"] == "6th session of the High-Level Strategic Cooperation Council"
    assert (sixth["status"], sixth["start"], sixth["location"]) == ("occurred", "2024-12-05", "Budapest")


def test_next_numbered_session_next_year_elsewhere_is_planned_without_the_visit_place():
    sessions = {e["object_key"].split(":")[1]: e for e in events(PRESS, dct="2024-12-05",
                                                                     event_type="council_session")}
    assert set(sessions) == {"6", "7"}
    assert (sessions["7"]["status"], sessions["7"]["start"], sessions["7"]["location"]) == ("planned", "2025", None)


def test_a_visit_under_way_on_the_day_of_the_report_occurred():
    v = one(PRESS, "visit", dct="2024-12-05")
    assert (v["guest"], v["host"], v["status"], v["level"]) == ("SRB", "HUN", "occurred", "working")


def test_expected_to_travel_to_a_country_next_month_is_a_planned_visit():
    text = "Pakistani Prime Minister Shehbaz Sharif is expected to travel to China next month."
    v = one(text, "visit", dct="2025-03-10")
    assert (v["guest"], v["host"], v["status"], v["start"]) == ("PAK", "CHN", "planned", "2025-04")


def test_session_held_in_a_city_takes_that_place():
    text = ("Pakistan and China approved the project at the 14th meeting of the CPEC Joint Cooperation Committee, "
            "held in Beijing last December.")
    c = one(text, "council_session", dct="2025-03-10")
    assert (c["location"], c["start"], c["status"]) == ("Beijing", "2024-12", "occurred")


def test_purpose_infinitive_does_not_move_a_weekday_into_the_future():
    text = ("Pakistani Minister Ahsan Iqbal met Chinese Ambassador Jiang Zaidong in Islamabad on Thursday to review "
            "progress on energy projects.")
    m = one(text, "meeting", dct="2025-03-10")
    assert (m["start"], m["status"]) == ("2025-03-06", "occurred")


def test_when_clause_after_since_dates_an_earlier_opening():
    text = ("French President Emmanuel Macron will pay a state visit to Morocco from October 28 to 30. The visit "
            "will be Macron's first to the kingdom since November 2018, when he and the King inaugurated the Al "
            "Boraq high-speed line between Tangier and Kenitra.")
    o = one(text, "opening", dct="2024-10-14")
    assert (o["start"], o["status"]) == ("2018-11", "occurred")


def test_a_date_of_a_since_clause_does_not_date_the_trip():
    text = ("JAKARTA, June 10 (Wire) - Australian Prime Minister Anthony Albanese and Indonesian President "
            "Prabowo Subianto agreed on Tuesday to deepen ties, as Albanese made Jakarta the destination of his "
            "first overseas trip since winning re-election earlier this month.")
    v = events(text, event_type="visit")[0]
    assert (v["guest"], v["host"], v["start"]) == ("AUS", "IDN", "2025-06-10")


def test_an_invited_future_visit_stays_apart_from_an_earlier_one_of_the_same_pair():
    text = ("Prabowo Subianto, Indonesia's president, visited Canberra in August last year. "
            "Australian Prime Minister Anthony Albanese said he had invited Prabowo to make a state visit "
            "to Australia next year.")
    found = sorted((v["status"], v["start"]) for v in events(text, event_type="visit"))
    assert found == [("occurred", "2024-08"), ("planned", "2026")]


def test_exchange_of_counted_documents_is_a_signing():
    text = ("Japanese Prime Minister Shigeru Ishiba held talks with Philippine President Ferdinand Marcos Jr. "
            "in Manila on Tuesday, after which the two leaders witnessed the exchange of four documents.")
    s = one(text, "signing")
    assert (s["status"], s["start"]) == ("occurred", "2025-06-10")


def test_an_announced_ministerial_format_meeting_is_a_planned_meeting():
    text = ("Japanese Prime Minister Shigeru Ishiba paid an official visit to the Philippines on Monday. "
            "He said the next meeting of the two countries' foreign and defence ministers would be held in "
            "Tokyo later this year.")
    m = [e for e in events(text, event_type="meeting") if "ministers" in e["title"]]
    assert len(m) == 1 and (m[0]["status"], m[0]["start"], m[0]["location"]) == ("planned", "2025", "Tokyo")
    text = "Later, the two leaders were due to attend a consultative meeting of the heads of state of the region."
    assert events(text, event_type="meeting") == []


def test_starting_negotiations_is_not_a_meeting():
    text = ("Japanese Prime Minister Shigeru Ishiba and Philippine President Ferdinand Marcos Jr. agreed on "
            "Tuesday to begin formal negotiations on a defence pact.")
    assert events(text, event_type="meeting") == []


def test_the_pair_last_met_dates_its_own_clause():
    text = ("Japanese Prime Minister Shigeru Ishiba will pay an official visit to the Philippines next week. "
            "Philippine President Ferdinand Marcos Jr. paid an official visit to Tokyo in February 2023, and the "
            "two leaders last met on the sidelines of a regional summit in Vientiane in October last year.")
    m = one(text, "meeting")
    assert (m["status"], m["start"], m["location"]) == ("occurred", "2024-10", "Vientiane")
    assert m["participants"] == ["Ferdinand Marcos Jr.", "Shigeru Ishiba"]


def test_a_background_visit_of_years_ago_is_not_the_story_of_a_preview():
    text = ("Japanese Prime Minister Shigeru Ishiba will pay an official visit to the Philippines on June 17-18. "
            "Philippine President Ferdinand Marcos Jr. paid an official visit to Tokyo in February 2023. "
            "Ishiba will hold talks with Marcos during the visit.")
    m = one(text, "meeting")
    assert m["status"] == "planned" and m["start"].startswith("2025-06")


def test_visit_of_a_long_titled_leader_to_a_country_is_a_planned_visit_when_prepared_for():
    text = ("The ministers also exchanged views on preparations for the visit of the Founder of Peace and "
            "National Unity - Leader of the Nation, President of the Republic of Tajikistan Emomali Rahmon to the "
            "Islamic Republic of Iran later this year.")
    v = one(text, "visit", dct="2025-02-20")
    assert (v["guest"], v["host"], v["status"], v["start"]) == ("TJK", "IRN", "planned", "2025")


def test_a_background_visit_does_not_date_a_readouts_own_events():
    text = ("Telephone conversation of the Minister of Foreign Affairs with his Iranian counterpart\n\n"
            "On February 18, Minister of Foreign Affairs of Tajikistan Sirojiddin Muhriddin held a telephone "
            "conversation with Minister of Foreign Affairs of Iran Abbas Araghchi.\n\n"
            "The sides discussed the agreements reached during the state visit of Iranian President Masoud "
            "Pezeshkian to Dushanbe last month.")
    calls = events(text, dct="2025-02-20", event_type="meeting")
    assert calls and all(c["start"] in (None, "2025-02-18") for c in calls)


def test_ordinal_session_held_in_a_city_and_the_signing_that_followed_it():
    text = ("On Wednesday, the sixteenth session of the Tajik-Iranian Intergovernmental Commission on Trade, "
            "Economic, Scientific and Technical Cooperation was held in Dushanbe. The co-chairs noted that trade "
            "had grown. The sides reviewed cooperation in energy and transport. Trade turnover reached a record "
            "in 2024. Following the session, the Protocol of the sixteenth session of the Intergovernmental "
            "Commission was signed.")
    sessions = events(text, "2025-02-20", "council_session")  # two mentions, merged by resolution
    assert {s["object_key"].split(":")[1] for s in sessions} == {"16"}
    assert (sessions[0]["start"], sessions[0]["location"]) == ("2025-02-19", "Dushanbe")
    g = one(text, "signing", dct="2025-02-20")
    assert (g["start"], g["location"]) == ("2025-02-19", "Dushanbe")


def test_signing_a_memorandum_after_talks_with_no_visit():
    text = ("NICOSIA - Greece and Cyprus moved to revive a stalled power cable on Tuesday, signing a memorandum "
            "on its financing. The memorandum was signed in Nicosia by Greek Environment and Energy Minister "
            "Stavros Papastavrou and Cypriot Energy Minister George Papanastasiou after talks that officials "
            "described as decisive.")
    signings = events(text, "2025-10-09", "signing")  # told twice, merged by resolution
    assert signings and {s["start"] for s in signings} == {"2025-10-07"}
    m = one(text, "meeting", dct="2025-10-09")
    assert (m["start"], m["location"]) == ("2025-10-07", "Nicosia")
    assert m["title"].startswith("talks between")


def test_the_visit_refers_back_and_a_body_opening_the_sentence_meets():
    text = ("Ethiopian Prime Minister Abiy Ahmed paid an official visit to Kenya on Wednesday. "
            "The Kenya-Ethiopia Joint Ministerial Commission will meet in Addis Ababa in September to review the "
            "agreements, the two governments said in a joint communique issued at the end of the visit.")
    visits = events(text, event_type="visit")
    assert {(v["guest"], v["host"]) for v in visits} == {("ETH", "KEN")}
    s = one(text, "council_session")
    assert (s["status"], s["start"], s["location"]) == ("planned", "2025-09", "Addis Ababa")


def test_a_visit_weeks_before_a_readout_is_recalled_not_reported():
    text = ("HANOI - Prime Minister Pham Minh Chinh held phone talks on Tuesday evening with South Korean President "
            "Lee Jae-myung, during which the two leaders discussed the outcomes of General Secretary To Lam's "
            "state visit to the Republic of Korea last August.")
    calls = events(text, dct="2025-11-19", event_type="meeting")
    assert calls and {c["start"] for c in calls} == {"2025-11-18"}


def test_a_reporting_tail_does_not_turn_a_coming_month_into_the_past():
    text = ("Vietnamese Minister of Industry and Trade Le Thanh Binh will co-chair the 13th meeting of the "
            "Viet Nam-Korea Joint Committee on Economic Cooperation in Seoul in December, the call heard.")
    s = one(text, "council_session", dct="2025-11-19")
    assert (s["status"], s["start"], s["location"]) == ("planned", "2025-12", "Seoul")


def test_a_negated_meeting_is_none_and_groundwork_for_one_is_planned():
    text = ("Brazil's foreign minister Mauro Vieira paid a working visit to Buenos Aires on Monday. "
            "Relations between Brazilian President Luiz Inacio Lula da Silva and Argentine President Javier Milei "
            "have been frosty, and the two have not held a formal bilateral meeting. Diplomats said the visit was "
            "meant to lay the groundwork for a first bilateral meeting between the two presidents on the sidelines "
            "of a regional summit in December.")
    m = one(text, "meeting", dct="2025-09-15")
    assert (m["status"], m["start"]) == ("planned", "2025-12")
    assert m["participants"] == ["Javier Milei", "Luiz Inácio Lula da Silva"]  # the gazetteer's spelling


def test_preparations_for_a_session_in_a_call_on_sunday_leave_the_session_undated():
    text = ("Saudi Crown Prince Mohammed bin Salman and Egyptian President Abdel Fattah al-Sisi discussed "
            "preparations for the first meeting of the Saudi-Egyptian Supreme Coordination Council in a phone call "
            "on Sunday.")
    s = one(text, "council_session", dct="2026-09-14")
    assert (s["status"], s["start"]) == ("planned", None)


def test_an_opening_in_a_town_the_leaders_flew_to():
    text = ("Ethiopian Prime Minister Abiy Ahmed paid an official visit to Kenya on May 13-14. On Thursday the two "
            "leaders flew to Moyale, where they opened the Moyale Integrated Logistics Hub.")
    o = one(text, "opening", dct="2026-05-14")
    assert (o["location"], o["start"]) == ("Moyale", "2026-05-14")


def test_two_weekdays_joined_are_the_days_of_a_visit():
    text = "Canadian Prime Minister Mark Carney spent Wednesday and Thursday in Mexico City on an official visit."
    v = one(text, "visit", dct="2025-09-22")  # a Monday
    assert (v["start"], v["end"]) == ("2025-09-17", "2025-09-18")


def test_a_visit_to_a_named_province_or_city_is_located_there():
    text = ("Malaysian Prime Minister Anwar Ibrahim made a one-day working visit to the southern Thai province of "
            "Songkhla on Monday. Thailand's capital Bangkok was not on the programme.")
    assert one(text, "visit")["location"] == "Songkhla"
    text = ("Polish Prime Minister Donald Tusk met German Chancellor Friedrich Merz in Berlin. The Chancellor "
            "accepted an invitation to visit Gdansk in the autumn.")
    v = [e for e in events(text, event_type="visit") if e["status"] == "planned"]
    assert v and v[0]["location"] == "Gdansk"


def test_spoke_by_phone_their_commission_and_their_next_consultation():
    text = ("DOHA, Oct 15 (Wire) - Turkey and Qatar agreed on Tuesday to double trade at the seventh session of their "
            "Joint Economic Commission in Doha. The commission met two days after Turkish President Recep Tayyip "
            "Erdogan and Qatar's ruler, Emir Sheikh Tamim bin Hamad Al Thani, spoke by phone on Sunday.")
    s = one(text, "council_session", dct="2025-10-15")
    assert (s["start"], s["location"], s["object_key"].split(":")[1]) == ("2025-10-14", "Doha", "7")
    call = one(text, "meeting", dct="2025-10-15")
    assert (call["start"], call["object_key"].split(":")[1]) == ("2025-10-12", "phone")
    text = ("Malaysian Prime Minister Anwar Ibrahim paid a working visit to Thailand on January 12. The two prime "
            "ministers agreed to hold their next annual consultation in Malaysia next year.")
    m = [e for e in events(text, dct="2026-01-20", event_type="meeting") if "consultation" in e["title"]]
    assert m and (m[0]["status"], m[0]["start"]) == ("planned", "2027")


def test_a_date_after_an_early_sentence_break_still_dates_the_session():
    text = ("Ghanaian President John Mahama paid a state visit to Nigeria on March 9-10. The visit was prepared by the "
            "ninth session of the Ghana-Nigeria Permanent Joint Commission for Cooperation, which foreign ministers "
            "Ibrahim Danjuma Lawal and Nana Ama Owusu-Bempah co-chaired in Abuja on Sunday.")
    s = one(text, "council_session", dct="2026-03-10")
    assert s["start"] == "2026-03-08"


# ---------------------------------------------------------------------------- real-news forms (issue 13)


def test_online_summit_between_two_leaders_is_a_meeting():
    m = one("Japan and India on Monday signed five agreements during an online summit between Prime Minister "
            "Narendra Modi and his Japanese counterpart Shigeru Ishiba.", "meeting")
    assert set(m["countries"]) == {"IND", "JPN"} and m["status"] == "occurred"
    assert m["participants"] == ["Narendra Modi", "Shigeru Ishiba"] and m["start"] == "2025-06-09"
    assert "online summit" in m["title"] and m["object_key"].startswith("meeting:video:")


def test_talks_the_sentence_puts_after_following_are_done_even_under_would():
    m = one("The minister said the two nations would work closer following official talks in Wellington with "
            "Indonesian Foreign Minister Sugiono.", "meeting")
    assert (m["status"], m["location"]) == ("occurred", "Wellington")


def test_the_two_heads_of_state_not_the_spokesman_hold_the_discussions():
    text = ("President Cyril Ramaphosa will on Friday host his Kenyan counterpart President William Ruto for a "
            "state visit, the presidency said on Wednesday. Spokesman Vincent Magwenya said the two heads of "
            "state are expected to hold bilateral discussions during the visit.")
    m = one(text, "meeting", dct="2025-06-11")
    assert m["participants"] == ["Cyril Ramaphosa", "William Ruto"] and m["status"] == "planned"


def test_country_pair_summit_names_the_meeting_and_its_countries():
    m = one("The treaty was signed at the Ghanaian-Togolese summit in Accra on March 3, the ministry said.",
            "meeting")
    assert (m["title"], m["countries"], m["location"], m["start"]) == (
        "Ghanaian-Togolese summit", ["GHA", "TGO"], "Accra", "2025-03-03")


def test_country_pair_before_a_non_country_word_is_no_summit():
    assert events("The Coca-Cola summit in Accra drew investors on Monday.", event_type="meeting") == []


def test_two_leaders_of_two_countries_who_discussed_something_met():
    m = one("ACCRA, June 9. President of Ghana John Mahama and Togo's President Faure Gnassingbe discussed ways to "
            "deepen trade between the two countries, the presidency said.", "meeting")
    # (the gazetteer's spelling of a known leader's name: "Gnassingbé")
    assert m["participants"] == ["Faure Gnassingbé", "John Mahama"] and m["status"] == "occurred"
    assert m["start"] == "2025-06-09"


def test_one_leader_who_discussed_something_alone_is_no_meeting():
    assert events("President of Ghana John Mahama discussed the budget with his cabinet on Monday.",
                  event_type="meeting") == []


def test_a_leader_who_is_in_the_country_on_a_state_visit_is_visiting_today():
    v = one("Presidents Shavkat Mirziyoyev and Kassym-Jomart Tokayev chaired the council in Astana. "
            "Shavkat Mirziyoyev, who is in Kazakhstan on a state visit, called the meeting historic.", "visit")
    assert (v["guest"], v["host"], v["status"], v["start"]) == ("UZB", "KAZ", "occurred", DCT)


def test_a_visit_told_as_done_without_a_date_falls_in_the_report_month():
    v = one("Kenyan President William Ruto held talks with Ethiopian Prime Minister Abiy Ahmed who arrived in "
            "Nairobi for a state visit.", "visit")
    assert (v["guest"], v["host"], v["status"], v["start"]) == ("ETH", "KEN", "occurred", "2025-06")


def test_a_visit_recalled_from_the_past_gets_no_report_date():
    v = one("Kenyan President William Ruto recalled that Ethiopian Prime Minister Abiy Ahmed had once again "
            "travelled to Nairobi for a state visit.", "visit")
    assert v["start"] is None


def test_the_date_of_a_reporting_clause_does_not_date_the_event():
    v = one("President Cyril Ramaphosa will on Friday host his Kenyan counterpart President William Ruto for a "
            "state visit, his office said on Wednesday.", "visit", dct="2025-06-11")
    assert (v["guest"], v["host"], v["status"], v["start"]) == ("KEN", "ZAF", "planned", "2025-06-13")


def test_talks_during_a_visit_filed_from_the_guests_capital_are_at_the_visit():
    text = ("NAIROBI, June 10 - Kenyan President William Ruto arrived in Addis Ababa on Monday for a state visit. "
            "Ruto held talks with Ethiopian Prime Minister Abiy Ahmed.")
    m = one(text, "meeting")
    assert m["location"] == "Addis Ababa"


def test_a_format_meeting_planned_in_a_country_takes_the_country_as_its_place():
    m = one("Kenya and Ethiopia agreed to hold their next annual consultation in Ethiopia next year.", "meeting")
    assert (m["status"], m["location"]) == ("planned", "Ethiopia")


def test_a_tete_a_tete_is_named_one_on_one_talks():
    text = ("Kenyan President William Ruto arrived in Addis Ababa on Monday for a two-day state visit. Ethiopian "
            "Prime Minister Abiy Ahmed welcomed his guest at the National Palace on Monday. The two leaders then "
            "held a tete-a-tete lasting an hour.")
    m = one(text, "meeting", dct="2025-06-10")
    assert m["title"] == "tete-a-tete talks between William Ruto and Abiy Ahmed" and m["start"] == "2025-06-09"


def test_a_named_council_which_took_place_today_is_a_session_that_day():
    c = one("Relations between Chile and Peru entered a new phase thanks to the High Level Cooperation Council "
            "which took place today in Lima.", "council_session")
    assert (c["status"], c["start"], c["body"]) == ("occurred", DCT, "High Level Cooperation Council")


def test_an_ordinal_before_a_named_council_and_meeting():
    c = one("The talks continued at the first Joint Strategic Council meeting of Chile and Peru.", "council_session")
    assert c["title"] == "first session of the Joint Strategic Council"


def test_a_numbered_meeting_of_a_commission_named_in_lower_case():
    c = one("Chile and Peru finalized the text on May 1, after the two countries' experts held the 12th meeting of "
            "the joint commission for demarcating the maritime border on April 20-24.", "council_session")
    assert c["title"] == "12th session of the joint commission for demarcating the maritime border"
    assert c["start"] == "2025-04-20"  # the clause after ", after" has its own date
    assert events("Chile and Peru held the 12th meeting of the joint commission on Monday.", event_type="meeting") == []


def test_branches_of_universities_opened_during_a_visit():
    o = one("Chile and Peru officially opened branches of universities in Arica and Tacna during President "
            "Boric's state visit to Peru on June 8.", "opening")
    assert o["title"] == "opening of branches of universities in Arica and Tacna" and o["status"] == "occurred"


def test_the_two_presidents_attending_an_opening_by_video_link():
    text = ("President Boric arrived in Lima on Monday for a state visit. The two presidents also attended the "
            "opening ceremony of the Callao Port via video link.")
    o = one(text, "opening")
    assert o["title"] == "opening of Callao Port" and set(o["countries"]) == {"CHL", "PER"}


def test_an_opening_title_ends_before_is_expected():
    o = one("During the summit, the launch of major joint projects is expected, along with the signing of "
            "agreements between Chile and Peru.", "opening")
    assert o["title"] == "opening of major joint projects"


def test_preparing_documents_for_signing_is_no_signing():
    text = ("Negotiators met in Bishkek on 3 April. The sides have prepared for signing a draft agreement on "
            "the joint use of the reservoir, a deputy minister said.")
    assert events(text, "2024-04-05", "signing") == []


def test_a_signing_of_an_earlier_year_told_during_a_later_visit_is_background():
    text = ("Chilean President Gabriel Boric arrived in Buenos Aires on Monday for a two-day state visit. "
            "He recalled that Chile and Argentina signed a historic treaty on energy integration last year. "
            "On Tuesday the two presidents signed four agreements on mining and transport.")
    signings = events(text, "2024-06-03", "signing")
    assert len(signings) == 1 and signings[0]["start"] == "2024-06-04", signings


def test_its_first_session_is_of_the_council_named_just_before_and_agreed_is_planned():
    text = ("President Ilham Aliyev and President Nikol Pashinyan chaired the first session of the High-level "
            "Interstate Council in Baku on Thursday. The parties agreed to turn the Forum of mayors into the "
            "Council of heads of cities and hold its first session in autumn in Ganja, Azerbaijan.")
    sessions = {e["title"]: e for e in events(text, "2024-08-09", "council_session")}
    later = sessions["first session of the Council of heads of cities"]
    assert later["status"] == "planned" and later["start"] == "2024" and later["location"] == "Ganja"
    assert sessions["first session of the High-level Interstate Council"]["status"] == "occurred"


# ---------------------------------------------------------------------------- meetings told by "met" (issue 13)


def test_two_leaders_met_on_the_sidelines_without_a_visit():
    e = one("ACCRA, June 9 (Reuters) - Ghanaian President John Mahama and Togolese President Faure Gnassingbe "
            "met on Sunday on the sidelines of the ECOWAS summit in Abuja to review the border corridor.", "meeting")
    assert e["countries"] == ["GHA", "TGO"] and e["status"] == "occurred"
    assert (e["start"], e["location"]) == ("2025-06-08", "Abuja")
    assert e["participants"] == ["Faure Gnassingbé", "John Mahama"]


def test_the_two_last_met_in_person_names_the_articles_leaders():
    found = events("ACCRA, June 9 (Reuters) - Ghanaian President John Mahama and Togolese President Faure "
                   "Gnassingbe opened a new border post on Sunday. The two presidents last met in person on the "
                   "sidelines of the UN General Assembly in New York in September, where they discussed the corridor.",
                   event_type="meeting")
    assert len(found) == 1
    assert (found[0]["start"], found[0]["location"]) == ("2024-09", "New York")
    assert found[0]["participants"] == ["Faure Gnassingbé", "John Mahama"]


def test_leaders_who_have_met_regularly_is_no_meeting():
    assert events("Ghanaian President John Mahama and Togolese President Faure Gnassingbe have met regularly in "
                  "recent years, both bilaterally and at regional summits.", event_type="meeting") == []


def test_a_format_meeting_named_in_title_case_is_planned():
    e = one("ACCRA, June 9 (Reuters) - The two presidents agreed to hold the sixth Ghana-Togo Foreign Ministers' "
            "Meeting in Lome before the end of this year.", "meeting")
    assert e["title"] == "sixth Ghana-Togo Foreign Ministers' Meeting"
    assert (e["status"], e["location"]) == ("planned", "Lome")
    assert sorted(e["countries"]) == ["GHA", "TGO"]


def test_received_by_the_president_is_a_meeting_and_keeps_the_visit_direction():
    found = events("ACCRA, June 9 (Reuters) - Togolese Foreign Minister Robert Dussey held talks with Ghanaian "
                   "Foreign Minister Samuel Ablakwa in Accra on Monday during an official visit. On the same day, "
                   "Dussey was received by President of Ghana John Mahama.")
    reception = [e for e in found if e["title"].endswith("receives Robert Dussey")]
    assert len(reception) == 1 and reception[0]["event_type"] == "meeting"
    assert reception[0]["participants"] == ["John Mahama", "Robert Dussey"]
    visits = [e for e in found if e["event_type"] == "visit"]
    assert visits and all((v["guest"], v["host"]) == ("TGO", "GHA") for v in visits)


def test_next_pair_summit_with_an_adjective_is_a_planned_meeting():
    e = one("MADRID, June 9 (Reuters) - Sanchez and Akhannouch are expected to co-chair the next Spain-Morocco "
            "high-level summit in Madrid this summer, where officials say new agreements are being prepared.",
            "meeting")
    assert (e["title"], e["status"], e["location"]) == ("Spain-Morocco high-level summit", "planned", "Madrid")


def test_summit_travelled_to_is_held_in_that_countrys_capital():
    e = one("MADRID, June 9 (Reuters) - Last year Prime Minister Pedro Sanchez travelled to Morocco for the "
            "13th Spain-Morocco high-level summit.", "meeting")
    assert (e["location"], e["status"], e["start"]) == ("Rabat", "occurred", "2024")


def test_signing_a_plan_of_cooperation_is_a_signing():
    e = one("LIMA, June 9 (Andina) - On 8 June, Foreign Minister of Peru Elmer Schialer held talks with Foreign "
            "Minister of Ecuador Gabriela Sommerfeld, who is in Lima on an official visit. Following the talks, the "
            "ministers signed a Plan of Cooperation between the diplomatic services of the two countries for "
            "2026-2028.", "signing")
    assert (e["status"], e["start"], e["location"]) == ("occurred", "2025-06-08", "Lima")


def test_visit_runs_from_the_arrival_the_evening_before():
    found = events("LIMA, March 6 (Andina) - President of Peru Dina Boluarte and President of Ecuador Daniel Noboa "
                   "on Thursday signed the Treaty on the Peru-Ecuador Border during Noboa's state visit to Lima. "
                   "Noboa arrived in Lima on Wednesday evening.", dct="2026-03-06", event_type="visit")
    assert found and {(v["start"], v["end"]) for v in found} == {("2026-03-04", "2026-03-05")}
    assert all("arrival" not in v for v in found)


def _openings(text: str, published: str = "2025-05-01") -> list[dict]:
    return [f for f in extract_facts(text, published) if f["kind"] == "event" and f["event_type"] == "opening"]


def test_one_opening_per_facility_of_a_list():
    text = ("The presidents of Laos and Vietnam, by video link, jointly inaugurated the Vientiane dry port, "
            "the Savannakhet logistics centre and the new Mekong bridge at Pakse on Monday.")
    titles = sorted(e["title"] for e in _openings(text))
    assert titles == ["opening of Savannakhet logistics centre", "opening of Vientiane dry port",
                      "opening of new Mekong bridge at Pakse"]


def test_opening_told_by_a_participle():
    text = ("During the visit of the Lao president to Vietnam, the two leaders pressed a button, opening the "
            "Hanoi-Vientiane expressway and the Lao Bao border crossing.")
    titles = sorted(e["title"] for e in _openings(text))
    assert titles == ["opening of Hanoi-Vientiane expressway", "opening of Lao Bao border crossing"]


def test_a_second_verb_ends_the_opened_object():
    text = "Laos and Vietnam opened branches of two universities in Hue and Pakse and marked the arrival of a train."
    (e,) = _openings(text)
    assert e["title"] == "opening of branches of two universities in Hue and Pakse"


def test_a_list_of_non_facilities_is_not_split():
    text = "Laos and Vietnam opened the new bridge, the talks and the exhibition of their painters."
    assert len(_openings(text)) <= 1


def test_leaders_who_will_meet_make_a_planned_meeting():
    e = one("Lao President Thongloun Sisoulith will meet Thai Prime Minister Paetongtarn Shinawatra in Bangkok "
            "next week.", "meeting")
    assert (e["status"], e["location"], sorted(e["countries"])) == ("planned", "Bangkok", ["LAO", "THA"])


def test_a_trilateral_meeting_keeps_its_three_countries():
    e = one("Lao President Thongloun Sisoulith and Thai Prime Minister Paetongtarn Shinawatra are also expected to "
            "meet with Cambodian Prime Minister Hun Manet in Pakse at the end of the month for a trilateral summit.",
            "meeting")
    assert sorted(e["countries"]) == ["KHM", "LAO", "THA"] and e["status"] == "planned"


def test_meeting_a_compatriot_or_not_meeting_is_no_meeting():
    assert events("Lao President Thongloun Sisoulith did not meet Thai Prime Minister Paetongtarn Shinawatra.",
                  event_type="meeting") == []
    assert events("Lao President Thongloun Sisoulith will meet Lao Prime Minister Sonexay Siphandone on Friday.",
                  event_type="meeting") == []
