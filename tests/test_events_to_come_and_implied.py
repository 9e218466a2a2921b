"""Events as reports tell them around the main story: signings to come, returns home, private meetings then
delegations, receptions told with long titles, references back ("After the talks with X"), sessions told by a
body named before or in lower case, dates from datelines, relative and when-clauses. Sentences written for
these tests (other countries and wording than any set)."""

from __future__ import annotations

from support import event_mentions, mentions

DCT = "2024-06-14"  # a Friday


def facts(text: str, kind: str, dct: str = DCT) -> list[dict]:
    return mentions(text, kind, dct)


def events(text: str, event_type: str, dct: str = DCT) -> list[dict]:
    return event_mentions(text, event_type, dct)


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


def test_a_return_home_from_a_three_day_visit_ends_it_on_the_day_of_return():
    text = ("LIMA, June 17, 2024 - President Dina Boluarte returned home on Saturday evening from her first state "
            "visit to Ecuador, telling reporters at the airport that the three-day trip had opened a new stage.")
    visits = events(text, "visit", dct="2024-06-17")
    assert {(v["guest"], v["host"], v["start"], v["end"]) for v in visits} == {
        ("PER", "ECU", "2024-06-13", "2024-06-15")}, visits


def test_a_frigate_calling_at_a_port_and_a_leader_visiting_processors_are_no_state_visits():
    text = ("LIMA, June 14 - The two ministers agreed that the Peruvian Navy frigate deployed to the Pacific this "
            "year will visit Guayaquil. On Thursday, President Daniel Noboa will travel to Piura, where he will "
            "visit fish processors and meet business leaders, before returning to Quito.")
    visits = events(text, "visit")
    assert not any(v["guest"] == "PER" or v["host"] == "ECU" for v in visits), visits


def test_talks_told_after_a_figure_of_last_year_are_dated_by_their_own_day():
    text = ("The two countries aim to lift trade to 2 billion US dollars by 2027, up from about 1.2 billion dollars "
            "last year, after talks between President Daniel Noboa and President Dina Boluarte in Lima on "
            "Thursday.")
    meetings = events(text, "meeting")
    assert [m["start"] for m in meetings] == ["2024-06-13"], meetings


def test_a_reception_shortly_before_talks_with_another_host_is_two_meetings():
    text = ("LIMA, June 14 - President Dina Boluarte received Daniel Noboa of Ecuador at the Government Palace on "
            "Thursday, shortly before the President of Ecuador held talks with Peruvian Prime Minister Gustavo "
            "Adrianzén in the same building.")
    pairs = {tuple(sorted(m["participants"])) for m in events(text, "meeting")}
    assert pairs == {("Daniel Noboa", "Dina Boluarte"), ("Daniel Noboa", "Gustavo Adrianzén")}, pairs


def test_after_the_talks_with_someone_refers_back_to_those_talks_and_dates_the_signing():
    text = ("LIMA, June 17, 2024 - On Thursday, President Daniel Noboa met the President of Congress Alejandro "
            "Soto. On Friday, Noboa held talks with President Dina Boluarte at the Government Palace.\n\n"
            "After the talks with Boluarte, the two presidents looked on as ministers signed an agreement on "
            "border fisheries.")
    meetings = events(text, "meeting", dct="2024-06-17")
    assert not any(m["participants"] == ["Dina Boluarte"] for m in meetings), meetings
    assert [s["start"] for s in events(text, "signing", dct="2024-06-17")] == ["2024-06-14"]


def test_the_same_two_leaders_talks_told_by_both_sides_are_one_meeting(tmp_path):
    from support import build, export

    (tmp_path / "a.txt").write_text(
        "Boluarte holds talks with Noboa\n\nLIMA, June 14, 2024 - President Daniel Noboa of Ecuador began a state "
        "visit to Peru on Friday. President Dina Boluarte held talks with President Daniel Noboa at the Government "
        "Palace on Friday.\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text(
        "Noboa back from Lima\n\nQUITO, June 16, 2024 - President Daniel Noboa returned home on Saturday from his "
        "state visit to Peru. President of Congress Alejandro Soto received Noboa on Friday, shortly before the "
        "President of Ecuador held talks with President Dina Boluarte in the same palace.\n", encoding="utf-8")
    (tmp_path / "index.jsonl").write_text('{"file": "a.txt", "published": "2024-06-14"}\n'
                                          '{"file": "b.txt", "published": "2024-06-16"}\n', encoding="utf-8")
    records = export(build(tmp_path / "kb.db", [str(tmp_path)]))
    talks = [r for r in records if r["kind"] == "event" and r["event_type"] == "meeting"
             and sorted(r["participants"]) == ["Daniel Noboa", "Dina Boluarte"]]
    assert len(talks) == 1 and {s["doc"] for s in talks[0]["sources"]} == {"a.txt", "b.txt"}, talks


def test_documents_exchanged_in_the_presence_of_the_leaders_and_a_ceremony_where_agreements_were_signed():
    text = ("LIMA, June 14 - In the presence of the two Presidents, the following documents were exchanged: a "
            "memorandum on fisheries and an agreement on visas.")
    assert events(text, "signing"), facts(text, "event")
    text = ("After the talks, the two Presidents were present at a ceremony where agreements in the fields of "
            "fisheries, border management, disaster and emergency response, and culture, as well as a programme of "
            "cooperation in education, were signed.")
    assert events(text, "signing"), facts(text, "event")


def test_a_call_on_the_head_of_state_named_after_a_long_title_is_a_courtesy_call():
    text = ("LIMA, June 14 - Prime Minister Modi called on the President of the Republic of Peru, H.E. Ms. Dina "
            "Ercilia Boluarte Zegarra, at the Government Palace.")
    meetings = events(text, "meeting")
    assert any(m["title"].startswith("courtesy call") for m in meetings), meetings


def test_two_leaders_who_last_met_on_the_margins_of_a_summit_met_there():
    text = ("President Dina Boluarte will welcome President Daniel Noboa to Lima next week. The two leaders, who "
            "last met on the margins of the APEC summit in San Francisco in November, will discuss fisheries.")
    meetings = [m for m in events(text, "meeting") if m["status"] == "occurred"]
    assert [m["start"] for m in meetings] == ["2023-11"], events(text, "meeting")


def test_his_visit_recalled_by_a_pronoun_is_the_visit_of_the_other_side():
    text = ("LIMA, June 14 - The Speaker of the Congress of Peru, Alejandro Soto, received the President of the "
            "National Assembly of Ecuador, Henry Kronfle. Kronfle recalled his visit to Lima in October 2022.")
    visits = events(text, "visit")
    assert any(v["guest"] == "ECU" and v["host"] == "PER" and v["start"] == "2022-10" for v in visits), visits


def test_a_council_established_then_its_first_meeting_and_a_bodys_next_meeting_told_as_its():
    text = ("The two presidents decided to establish a High-Level Strategic Cooperation Council and to hold its "
            "first meeting in Quito next year.")
    sessions = events(text, "council_session")
    assert [(s["status"], s["start"], s["location"]) for s in sessions] == [("planned", "2025", "Quito")], sessions
    text = ("The work of the Intergovernmental Peruvian-Ecuadorian Commission on Trade was praised. Its next "
            "meeting is due to be held in Quito in the first half of next year.")
    sessions = events(text, "council_session")
    assert [(s["status"], s["location"]) for s in sessions] == [("planned", "Quito")], sessions


def test_a_joint_committee_named_in_lower_case_that_is_expected_to_meet_is_a_session_to_come():
    text = "The Peruvian-Ecuadorian joint committee is expected to meet in Quito early next year."
    sessions = events(text, "council_session")
    assert [(s["status"], s["start"]) for s in sessions] == [("planned", "2025")], sessions


def test_the_minister_told_by_country_and_office_was_received_by_the_president():
    text = ("TUNIS, Nov. 23 - Peruvian Minister of Foreign Affairs Javier González-Olaechea held talks with Minister "
            "of Foreign Affairs, Migration and Tunisians Abroad Nabil Ammar. On Thursday, the Peruvian minister was "
            "received at Carthage Palace by President of the Republic Kais Saied.")
    receptions = [m for m in events(text, "meeting", dct="2023-11-23") if "receives" in m["title"]]
    assert [sorted(m["participants"]) for m in receptions] == [["Javier González-Olaechea", "Kais Saied"]], \
        events(text, "meeting", dct="2023-11-23")
    names = {f["name"] for f in facts(text, "entity", dct="2023-11-23") if f["entity_type"] == "person"}
    assert "Nabil Ammar" in names and not any(n.startswith("Abroad") for n in names), names


def test_a_first_joint_session_of_governments_and_the_next_binational_cabinet_are_sessions_to_come():
    text = "The two governments will hold their first joint session of governments in Quito in the autumn."
    assert [s["status"] for s in events(text, "council_session")] == ["planned"]
    text = ("The presidents agreed on the next Binational Cabinet, to be held in Ecuador in 2025, and a fund for the "
            "border area.")
    sessions = events(text, "council_session")
    assert [(s["status"], s["start"]) for s in sessions] == [("planned", "2025")], sessions


def test_a_date_in_a_since_clause_before_the_meeting_is_not_its_date():
    text = ("QUITO, June 14 - Peru's President Dina Boluarte, on her first official visit to Ecuador since taking "
            "office in December, met her Ecuadorian counterpart Daniel Noboa at the Carondelet Palace.")
    meetings = events(text, "meeting")
    assert meetings and all(m["start"] != "2023-12" for m in meetings), meetings


def test_officials_of_the_two_countries_who_would_meet_in_a_capital_is_a_meeting_to_come():
    text = ("LIMA, June 14 - The trade secretaries of the two countries would meet in Quito in September, the "
            "Peruvian ambassador to Ecuador said.")
    meetings = events(text, "meeting")
    assert [(m["status"], m["start"], m["location"]) for m in meetings] == [("planned", "2024-09", "Quito")], meetings


def test_a_title_case_dateline_dates_the_talks_it_reports_and_a_generic_palace_names_no_country():
    text = ("Astana, 16 October 2024. Head of State Kassym-Jomart Tokayev held talks with President of Mongolia "
            "Ukhnaagiin Khurelsukh, who has arrived in Kazakhstan on a state visit. The two presidents later "
            "walked through the National Palace gardens.")
    visits = events(text, "visit", dct="2024-10-16")
    assert {v["start"] for v in visits} == {"2024-10-16"}, visits
    assert all(set(e["countries"]) <= {"KAZ", "MNG"} for e in facts(text, "event", dct="2024-10-16"))


def test_a_return_after_concluding_a_visit_paid_on_two_days_keeps_those_days():
    text = ("Ulaanbaatar, October 18. President of Mongolia Ukhnaagiin Khurelsukh returned home on Tuesday evening "
            "after concluding his state visit to Kazakhstan, paid on October 16-17.")
    visits = events(text, "visit", dct="2024-10-18")
    assert {(v["start"], v["end"]) for v in visits} == {("2024-10-16", "2024-10-17")}, visits


def test_talks_held_the_day_before_a_visit_told_from_its_second_day_begin_the_visit():
    text = ("Manama, Feb. 13 -- King Hamad bin Isa Al Khalifa received at Al-Sakhir Palace today Abdulaziz Kamilov, "
            "Minister of Foreign Affairs of Uzbekistan, who is on an official visit to the Kingdom. Shaikh Khalid "
            "bin Ahmed Al Khalifa and Mr Kamilov had held official talks yesterday at the Foreign Ministry, shortly "
            "after the Uzbek minister's arrival in Manama.")
    visits = events(text, "visit", dct="2019-02-13")
    assert {(v["start"], v["end"]) for v in visits} == {("2019-02-12", "2019-02-13")}, visits


def test_receptions_as_agencies_tell_them():
    text = ("Manama, Feb. 13 -- King Hamad bin Isa Al Khalifa received today Abdulaziz Kamilov, Minister of Foreign "
            "Affairs of the Republic of Uzbekistan. Prince Khalifa bin Salman Al Khalifa, the Prime Minister, also "
            "received the Uzbek Foreign Minister at the Gudaibiya Palace today.")
    hosts = {m["title"].split(" receives ")[0] for m in events(text, "meeting", dct="2019-02-13")
             if " receives " in m["title"]}
    assert hosts == {"Hamad bin Isa Al Khalifa", "Khalifa bin Salman Al Khalifa"}, hosts
    text = ("ABIDJAN, June 8 - The President of the Republic, Alassane Ouattara, received in audience on Wednesday "
            "8 June 2022, at the Presidential Palace in Plateau, Dr Morissanda Kouyaté, Minister of Foreign Affairs "
            "of Guinea. On Tuesday evening, Dr Kouyaté had been received by the Prime Minister, Patrick Achi.")
    got = {(m["title"], m["start"]) for m in events(text, "meeting", dct="2022-06-08")}
    assert got == {("Alassane Ouattara receives Morissanda Kouyaté", "2022-06-08"),
                   ("Patrick Achi receives Morissanda Kouyaté", "2022-06-07")}, got


def test_a_prime_minister_had_a_meeting_with_another_on_the_sidelines():
    text = ("Jakarta - Prime Minister Pham Minh Chinh had a meeting with Malaysian Prime Minister Anwar Ibrahim on "
            "September 6 on the sidelines of the 43rd ASEAN Summit in Jakarta.")
    meetings = events(text, "meeting", dct="2023-09-06")
    assert [(sorted(m["participants"]), m["start"]) for m in meetings] == [
        (["Anwar Ibrahim", "Phạm Minh Chính"], "2023-09-06")], meetings


def test_a_commissions_protocol_takes_the_fields_the_commission_is_named_for():
    text = ("BISHKEK, May 23 - Today the Government House hosted the 13th meeting of the Kyrgyz-Peruvian "
            "Intergovernmental Commission on Trade and Economic Cooperation. Following the meeting, the co-chairs "
            "signed the protocol of the 13th meeting of the commission.")
    protocols = [a for a in facts(text, "agreement", dct="2024-05-23") if a["instrument"] == "protocol"]
    assert protocols and "trade" in protocols[0]["sectors"], protocols


def test_bridges_on_the_border_are_transport():
    text = ("As the prime ministers watched, the two transport ministers signed an agreement on the construction "
            "and maintenance of bridges on the state border.")
    agreements = facts(text, "agreement")
    assert agreements and "transport" in agreements[0]["sectors"], agreements


def test_visits_told_by_their_end_their_length_and_a_city_state_dateline():
    text = ("LIMA, June 14 - A 12-member delegation of the Congress of Ecuador led by its President Henry Kronfle "
            "leaves Lima today at the end of a four-day official visit to Peru.")
    assert [(v["start"], v["end"]) for v in events(text, "visit")] == [("2024-06-11", "2024-06-14")]
    text = ("KUWAIT, Nov 19 (KUNA) -- Bahrain Crown Prince Salman bin Hamad Al Khalifa arrived in the country on "
            "Monday on an official visit lasting two days.")
    visits = events(text, "visit", dct="2024-11-19")
    assert [(v["host"], v["start"], v["end"]) for v in visits] == [("KWT", "2024-11-18", "2024-11-19")], visits


def test_a_pronoun_traveller_a_telephone_call_and_a_minister_hosting_his_counterpart():
    text = ("QUITO, June 14 - President Dina Boluarte of Peru arrived in Quito on Friday for talks with President "
            "Daniel Noboa. Noboa welcomed her at the palace. He last travelled to Lima last October. In July, "
            "President Noboa telephoned Boluarte. Foreign Minister Gabriela Sommerfeld hosted her Peruvian "
            "counterpart Javier González-Olaechea in Quito last month.")
    got = {(e["event_type"], e.get("guest"), e["start"]) for e in facts(text, "event")}
    assert ("visit", "ECU", "2023-10") in got, got
    calls = [m for m in events(text, "meeting") if m["title"].startswith("phone call")]
    assert [(sorted(c["participants"]), c["start"]) for c in calls] == [
        (["Daniel Noboa", "Dina Boluarte"], "2023-07")], calls
    assert any(m["title"] == "Gabriela Sommerfeld receives Javier González-Olaechea" and m["start"] == "2024-05"
               for m in events(text, "meeting")), events(text, "meeting")


def test_a_signing_before_the_guests_departure_is_on_the_visits_last_day():
    text = ("LIMA, June 14 - President Daniel Noboa arrived in Lima on Wednesday at the start of a three-day state "
            "visit to Peru. Before his departure, the two presidents looked on as three agreements were signed at "
            "the Government Palace.")
    assert [s["start"] for s in events(text, "signing")] == ["2024-06-14"]


def test_a_commission_that_has_not_met_since_a_year_and_its_next_session_before_the_end_of_the_year():
    text = ("KINGSTON, June 22 - The two prime ministers agreed that the Jamaica-Peru Joint Commission, which has "
            "not met since 2019, would hold its next session in Port of Spain before the end of the year.")
    got = {(s["title"].split(" of the ")[0], s["status"], s["start"], s["location"])
           for s in events(text, "council_session", dct="2023-06-22")}
    assert got == {("next session", "planned", "2023", "Port of Spain"),
                   ("previous session", "occurred", "2019", None)}, got


def test_sessions_told_by_their_body_named_before_in_lower_case_or_next():
    text = ("MAPUTO, Nov 16 - The fifth session of the Mozambique-Peru Joint Permanent Commission for Cooperation "
            "ended in Maputo on Tuesday. The sixth session of the Commission will take place in Lima in 2025.")
    got = {(s["title"], s["status"], s["start"]) for s in events(text, "council_session", dct="2024-11-16")}
    assert ("6th session of the Mozambique-Peru Joint Permanent Commission", "planned", "2025") in got, got
    text = ("The joint Peru-Ecuador steering committee that oversees the project is due to meet in Quito in "
            "November. Both sides look forward to the next session of the Peruvian-Ecuadorian intergovernmental "
            "commission, to be held in Lima next year.")
    got = {(s["status"], s["start"], s["location"]) for s in events(text, "council_session")}
    assert got == {("planned", "2024-11", "Quito"), ("planned", "2025", "Lima")}, got


def test_an_audience_granted_to_the_visiting_prime_minister_is_a_reception():
    text = ("THIMPHU, March 23 - Prime Minister Narendra Modi arrived in Paro on Friday on a two-day state visit to "
            "Bhutan. His Majesty King Jigme Khesar Namgyel Wangchuck granted an audience to the visiting Prime "
            "Minister at Tendrelthang.")
    receptions = [m for m in events(text, "meeting", dct="2024-03-23") if " receives " in m["title"]]
    assert [sorted(m["participants"]) for m in receptions] == [["Jigme Khesar Namgyel Wangchuck", "Narendra Modi"]]


def test_receptions_told_with_long_titles_and_long_adverbials():
    text = ("VIENTIANE, Feb. 18 - Prime Minister Sonexay Siphandone received Deputy Prime Minister and Minister for "
            "Trade and Industry of the Republic of Singapore Gan Kim Yong on Tuesday.")
    assert [m["title"] for m in events(text, "meeting", dct="2025-02-18")] == [
        "Sonexay Siphandone receives Gan Kim Yong"]
    text = ("NDJAMENA, Dec 10 - Niger Prime Minister Ali Mahaman Lamine Zeine was received at the presidential "
            "palace on Monday morning by President Mahamat Idriss Deby Itno.")
    assert [(m["title"], m["start"]) for m in events(text, "meeting", dct="2024-12-10")] == [
        ("Mahamat Idriss Deby Itno receives Ali Mahaman Lamine Zeine", "2024-12-09")]


def test_a_commission_that_last_met_in_a_year_and_its_numbered_session_in_lower_case():
    text = ("LILONGWE, Oct 4 - The two ministers wound up the 15th Session of the Malawi-Peru Joint Permanent "
            "Commission in Lilongwe yesterday. Lima will host the 16th Session of the commission in 2026.")
    got = {(s["title"], s["status"], s["start"]) for s in events(text, "council_session", dct="2024-10-04")}
    assert ("16th session of the Malawi-Peru Joint Permanent Commission", "planned", "2026") in got, got
    text = "A session of the Peru-Chad Joint Cooperation Commission, which last met in 2017, is planned for Lima."
    got = {(s["status"], s["start"]) for s in events(text, "council_session")}
    assert ("occurred", "2017") in got, got


def test_the_visitor_told_by_his_countrys_adjective_and_office_meets_his_counterpart():
    text = ("MUSCAT, Nov 12 - Kuwaiti Foreign Minister Abdullah Ali Al-Yahya arrived in Muscat on Tuesday on a "
            "working visit to Oman. Later, the Kuwaiti minister met with his Omani counterpart Sayyid Badr bin Hamad "
            "Albusaidi at the foreign ministry.")
    meetings = events(text, "meeting", dct="2024-11-12")
    assert [sorted(m["participants"]) for m in meetings] == [["Abdullah Ali Al-Yahya", "Badr bin Hamad Albusaidi"]]


def test_memoranda_covering_fields_told_before_their_passive_verb():
    text = ("LIMA, May 29 - Four memoranda of understanding, covering energy, economic cooperation, space and the "
            "environment, were signed on Sunday with both presidents looking on.")
    fields = {a.get("field") for a in facts(text, "agreement", dct="2023-05-29")}
    assert {"energy", "economic cooperation", "space", "environment"} <= fields, fields
