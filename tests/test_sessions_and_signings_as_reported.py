"""Sessions, signings and meetings as agency and government releases tell them: a body named "Meeting",
a signing "chaired by Mr. A and Mr. B", fields "covering, in particular, A, B", a protocol at the end of a
long list, "on the eve of the meeting", "in the framework of the Cabinet", later meetings of one
sentence, a welcome at the airport, a retreat and its next round. Sentences written for these tests
(other countries and wording than any set)."""

from __future__ import annotations

from dyad.nlp.pipeline import extract_facts

DCT = "2024-03-15"  # a Friday


def facts(text: str, kind: str, dct: str = DCT) -> list[dict]:
    return [f for f in extract_facts(text, dct) if f["kind"] == kind]


def events(text: str, event_type: str, dct: str = DCT) -> list[dict]:
    return [f for f in facts(text, "event", dct) if f["event_type"] == event_type]


SESSION = ("ACCRA - The fourth session of the Ghana-Togo High-Level Meeting was held on Thursday in Accra, "
           "co-chaired by the two prime ministers.\n\n")


def test_a_body_named_meeting_holds_numbered_sessions_with_their_place():
    sessions = events(SESSION, "council_session")
    assert [(s["title"], s["start"], s["location"]) for s in sessions] == [
        ("4th session of the Ghana-Togo High-Level Meeting", "2024-03-14", "Accra")], sessions


def test_a_signing_chaired_by_mr_a_and_mr_b_lists_its_fields_and_the_protocol_after_them():
    text = SESSION + (
        "The session closed with the signing, chaired by Mr. Mensah and Mr. Dogbe, of nine memoranda of "
        "understanding and agreements covering, in particular, fisheries, road transport, social inclusion and "
        "the fight against desertification, as well as a financial protocol under which Ghana will provide 40 "
        "million dollars to joint projects.")
    signings = events(text, "signing")
    assert signings and all(s["start"] == "2024-03-14" and s["location"] == "Accra" for s in signings), signings
    got = {a.get("field") or a.get("title"): a for a in facts(text, "agreement")}
    assert {"fisheries", "road transport", "social inclusion", "fight against desertification"} <= set(got), got
    assert got["social inclusion"]["sectors"] == ["other"]
    assert got["fight against desertification"]["sectors"] == ["environment"]
    assert all(got[f]["status"] == "signed" and got[f]["signed"] == "2024-03-14" for f in ("fisheries",))
    protocols = [a for a in got.values() if a["instrument"] == "protocol"]
    assert protocols and protocols[0]["sectors"] == ["finance"], got


def test_documents_signed_in_front_of_the_presidents_covered_their_fields():
    text = ("Government documents signed in front of the two presidents covered water management, urban "
            "mobility and the training of nurses.")
    got = {a.get("field"): a for a in facts(text, "agreement")}
    assert {"water management", "urban mobility", "training of nurses"} <= set(got), got
    assert got["urban mobility"]["sectors"] == ["transport"]


def test_documents_signed_on_a_day_covering_everything_from_a_to_b_are_no_list():
    text = "The two countries signed 12 agreements on Friday covering everything from rice to rockets."
    assert not any((a.get("field") or "").startswith("everything") for a in facts(text, "agreement"))


def test_on_the_eve_of_the_meeting_is_the_day_before():
    text = SESSION + ("On the eve of the meeting, the Ghanaian President spoke by telephone with Togolese "
                      "President Faure Gnassingbe.")
    calls = [m for m in events(text, "meeting") if "phone" in m["title"]]
    assert calls and calls[0]["start"] == "2024-03-13", calls


def test_signed_in_the_framework_of_the_cabinet_takes_its_day():
    text = ("LIMA - The 9th Peru-Bolivia Binational Cabinet was held on Wednesday in Lima.\n\n"
            "In the framework of the Binational Cabinet, the two governments signed a memorandum of understanding "
            "on cooperation against illegal logging and an agreement under which each country will recognise "
            "the other's driving licences.")
    signings = events(text, "signing")
    assert signings and signings[0]["start"] == "2024-03-13", signings


def test_later_meetings_of_a_sentence_are_one_each():
    text = ("President Cyril Ramaphosa, who arrived in Hanoi on Wednesday, held talks with President Vo Van "
            "Thuong on Thursday morning and later met Prime Minister Pham Minh Chinh and National Assembly "
            "Chairman Vuong Dinh Hue.")
    pairs = sorted(tuple(sorted(m["participants"])) for m in events(text, "meeting"))
    assert len(pairs) == 3 and all(len(p) == 2 and "Cyril Ramaphosa" in p for p in pairs), pairs


def test_welcomed_at_the_airport_by_a_minister_is_the_subjects_visit_and_no_meeting():
    text = ("Bolivian President Luis Arce arrived in Arica on Thursday afternoon and was welcomed at the "
            "Chacalluta international airport by Chilean Foreign Minister Alberto van Klaveren.")
    visits = events(text, "visit")
    assert {(v["guest"], v["host"]) for v in visits} == {("BOL", "CHL")}, visits
    assert not events(text, "meeting")


def test_a_retreat_held_this_morning_and_its_next_round():
    text = ("Prime Minister Anwar Ibrahim is in Kuching, Malaysia, hosting Prime Minister Lawrence Wong at the "
            "invitation of the state government. The two leaders held the annual Leaders' Retreat this morning, "
            "the first to be held in Sarawak since 2015.\n\n"
            "They agreed that the next Leaders' Retreat would be held in Singapore in 2025.")
    retreats = sorted((m["status"], m["start"]) for m in events(text, "meeting") if "Retreat" in m["title"])
    assert retreats == [("occurred", "2024-03-15"), ("planned", "2025")], retreats


def test_talks_named_in_passing_after_a_signing_are_a_meeting_but_not_when_fronted():
    text = ("Prime Minister Christopher Luxon and his Japanese counterpart Shigeru Ishiba signed a declaration at "
            "a ceremony in Wellington after their annual leaders' talks on Friday.")
    talks = events(text, "meeting")
    assert talks and talks[0]["title"].startswith("annual leaders' talks"), talks
    fronted = ("Prime Minister Christopher Luxon visited Tokyo last May. After their talks in Tokyo, Luxon and "
               "Prime Minister Shigeru Ishiba rode a train together.")
    assert not [m for m in events(fronted, "meeting") if "talks" in m["title"]]


def test_a_feasibility_study_launched_is_no_opening():
    text = ("The leaders welcomed the launch of a joint feasibility study on exporting power from Sabah to "
            "Brunei through a subsea cable.")
    assert not events(text, "opening")


def test_landed_at_an_airport_without_a_city_dates_the_arrival():
    text = ("President Bola Tinubu yesterday received Indian Prime Minister Narendra Modi at the State House, "
            "Abuja.\n\nModi, who landed at the Nnamdi Azikiwe International Airport on Wednesday night, is the "
            "first Indian prime minister to come to Nigeria in 17 years.")
    visits = events(text, "visit")
    assert visits and {v["start"] for v in visits} == {"2024-03-13"}, visits


def test_a_reception_and_the_talks_of_that_day_are_one_meeting():
    text = ("President Bola Tinubu on Thursday received Indian Prime Minister Narendra Modi at the State House in "
            "Abuja. The two leaders held restricted talks followed by delegation-level talks.")
    keys = {m["object_key"] for m in events(text, "meeting")}
    assert len(keys) == 1, keys


def test_his_highness_received_the_kenyan_president_named_before():
    text = ("ABU DHABI, 14th March, 2024 (WAM) -- President Sheikh Mohamed bin Zayed Al Nahyan and President "
            "William Ruto of Kenya today witnessed the signing of a trade agreement.\n\nPresident Ruto is in the UAE "
            "on a working visit. Before the signing, His Highness received the Kenyan President and the two "
            "leaders discussed cooperation in energy.")
    meetings = events(text, "meeting", dct="2024-03-14")
    assert any({"William Ruto", "Mohamed bin Zayed Al Nahyan"} <= set(m["participants"]) for m in meetings), meetings


def test_during_the_cabinet_is_the_storys_not_the_previous_one():
    text = ("LA PAZ, Jul. 12 (Agency). The presidents of Bolivia and Peru signed today the Declaration of La Paz at "
            "the close of the Fifth Binational Cabinet held in this city.\n\n"
            "President Luis Arce said the meeting had advanced the commitments of the previous cabinet, held in "
            "Tacna in 2022.\n\n"
            "During the cabinet, ministers of both countries signed an agreement for the mutual recognition of "
            "university degrees.")
    signed = [a["signed"] for a in facts(text, "agreement", dct="2024-07-12") if "degrees" in (a.get("title") or "")]
    assert signed == ["2024-07-12"], signed


def test_scheduled_to_meet_two_and_to_call_on_a_third_is_three_meetings():
    text = ("President Yoon Suk Yeol arrived in Hanoi on Thursday for a state visit. Yoon is scheduled to meet "
            "Prime Minister Pham Minh Chinh and National Assembly Chairman Vuong Dinh Hue later on Friday, and to "
            "call on General Secretary Nguyen Phu Trong before flying home.")
    pairs = sorted(tuple(sorted(m["participants"])) for m in events(text, "meeting"))
    assert len(pairs) == 3 and all("Yoon Suk Yeol" in p and len(p) == 2 for p in pairs), pairs


def test_two_hosts_each_meeting_him_are_two_meetings_with_the_visitor():
    text = ("Hanoi (Agency) - President Yoon Suk Yeol is on a state visit to Vietnam from March 14-15.\n\n"
            "Party General Secretary Nguyen Phu Trong also received the South Korean President on March 14, "
            "while National Assembly Chairman Vuong Dinh Hue met with him at the NA House.")
    pairs = sorted(tuple(sorted(m["participants"])) for m in events(text, "meeting"))
    assert pairs and all("Yoon Suk Yeol" in p for p in pairs), pairs
    assert not any({"Nguyen Phu Trong", "Vuong Dinh Hue"} <= set(p) for p in pairs), pairs


def test_earlier_the_same_day_takes_the_day_told():
    text = ("Hanoi (Agency) - Prime Minister Pham Minh Chinh received President Yoon Suk Yeol in Hanoi on March 14, "
            "as part of the Korean leader's state visit to Vietnam from March 13-15.\n\n"
            "Earlier the same day, President Vo Van Thuong held talks with President Yoon at the Presidential "
            "Palace.")
    talks = [m for m in events(text, "meeting") if "Vo Van Thuong" in " ".join(m["participants"])
             or any("Thuong" in p or "Thưởng" in p for p in m["participants"])]
    assert talks and talks[0]["start"] == "2024-03-14", talks


def test_sessions_told_by_acronym_by_number_alone_and_in_lower_case():
    text = ("Accra – President John Mahama and his Togolese counterpart, President Faure Gnassingbe, on Tuesday "
            "co-chaired the 7th session of the Ghana–Togo Permanent Joint Commission (PJC) at the Accra "
            "International Conference Centre.\n\n"
            "The previous session of the PJC was held in Lome in October 2019. The 8th session will be held in "
            "Lome in 2026.\n\n"
            "The ministers said they would hold the first meeting of a binational committee on trade and "
            "investment in Kumasi later this year.")
    got = {s["title"]: s for s in events(text, "council_session", dct="2024-03-15")}
    seventh = [s for t, s in got.items() if t.startswith("7th")]
    assert seventh and seventh[0]["location"] == "Accra", got
    assert any(t.startswith("previous") and s["start"] == "2019-10" for t, s in got.items()), got
    assert any(t.startswith("8th") and s["status"] == "planned" and s["location"] == "Lome" for t, s in got.items())
    assert any("committee" in t and s["location"] == "Kumasi" for t, s in got.items()), got
    assert not [a for a in facts(text, "agreement") if "Centre" in (a.get("title") or "")]


def test_an_accented_dateline_places_an_arrival_at_a_military_air_terminal():
    text = ("BOGOTÁ — Presidents Gustavo Petro and Luiz Inácio Lula da Silva signed yesterday a joint declaration "
            "on the first day of a state visit.\n\n"
            "Lula landed at the CATAM military air terminal on Wednesday night and was received by the acting "
            "foreign minister, Luis Gilberto Murillo.")
    visits = events(text, "visit")
    assert visits and {v["start"] for v in visits} == {"2024-03-13"}, visits
    assert not events(text, "meeting")


def test_ministers_meeting_and_a_call_told_by_discussed_by_telephone():
    text = ("The summit was preceded on Wednesday by a meeting of ministers co-chaired by Ghana's Foreign Minister "
            "Samuel Okudzeto Ablakwa and Togo's Foreign Minister Robert Dussey.\n\n"
            "Prime Ministers Anthony Albanese and Christopher Luxon discussed the project by telephone last week.")
    meetings = events(text, "meeting")
    assert any({"Samuel Okudzeto Ablakwa", "Robert Dussey"} <= set(m["participants"]) for m in meetings), meetings
    calls = [m for m in meetings if "Anthony Albanese" in m["participants"]]
    assert calls and calls[0]["location"] is None and "phone" in calls[0]["object_key"], calls


def test_two_ministers_inspecting_a_site_near_a_town_met_there():
    text = ("Bulgaria's Energy Minister Alexander Nikolov and his Greek counterpart Kostas Skrekas inspected the "
            "metering station near Komotini on Friday and agreed to form a working group.")
    meetings = events(text, "meeting")
    assert meetings and meetings[0]["start"] == "2024-03-15" and meetings[0]["location"] == "Komotini", meetings


def test_exchanged_in_the_presence_of_ministers_is_no_list_of_fields():
    text = ("The agreements were exchanged in the presence of Commerce and Industry Minister Piyush Goyal and "
            "Qatar's Minister of Commerce and Industry Investment Promotion.")
    assert not [a for a in facts(text, "agreement") if "presence" in (a.get("field") or "")
                or "Minister" in (a.get("field") or "")]


def test_a_text_named_by_its_quoted_title_after_its_kind():
    text = ("Emir Tamim bin Hamad Al Thani held talks with Prime Minister Narendra Modi on Friday. The two leaders "
            "adopted a joint vision document, \"Partners in Prosperity\", and asked officials to finish the trade "
            "talks.")
    got = [a for a in facts(text, "agreement") if a.get("title") == "Partners in Prosperity"]
    assert got and got[0]["instrument"] == "other" and got[0]["status"] == "signed", got


def test_arrived_on_one_day_and_held_talks_on_the_next_and_the_visitor_by_title():
    text = ("New Delhi: Qatar's Emir Tamim bin Hamad Al Thani is on a state visit to India.\n\n"
            "The Emir, on his first state visit to India since 2015, arrived in New Delhi on Wednesday and held "
            "talks with Prime Minister Narendra Modi at Hyderabad House on Thursday.")
    talks = events(text, "meeting", dct="2024-03-15")
    assert talks and talks[0]["start"] == "2024-03-14", talks
    assert "Tamim bin Hamad Al Thani" in talks[0]["participants"], talks


def test_returned_on_a_day_after_a_visit_ends_it_and_what_was_signed_during_it():
    text = ("BANGKOK, March 15 - Prime Minister Srettha Thavisin returned to Bangkok on Wednesday evening after a "
            "three-day official visit to Vietnam during which the two countries signed a trade agreement.\n\n"
            "During talks with Prime Minister Pham Minh Chinh in Hanoi on Tuesday, the two leaders agreed to lift "
            "trade.")
    visits = events(text, "visit")
    assert visits and (visits[0]["start"], visits[0]["end"]) == ("2024-03-11", "2024-03-13"), visits
    assert not [s for s in events(text, "signing") if s["start"] == "2024-03-13"]


def test_a_relative_clause_about_the_first_text_does_not_make_the_others_planned():
    text = ("After the talks, the leaders witnessed the exchange of the Peru-Thailand Free Trade Agreement, which "
            "officials said would remove duties on most goods over the coming years, together with three memoranda "
            "of understanding covering tourism, investment promotion and the gem and jewellery industry.")
    got = {a.get("field"): a for a in facts(text, "agreement") if a.get("field")}
    assert {"tourism", "investment promotion", "gem and jewellery industry"} <= set(got), got
    assert all(got[f]["status"] == "signed" for f in ("tourism", "investment promotion")), got
    assert got["gem and jewellery industry"]["sectors"] == ["industry"]


def test_brothers_who_share_a_patronymic_and_family_name_stay_apart():
    text = ("ABU DHABI, 14th March, 2024 (Agency) -- His Highness Sheikh Mohamed bin Zayed Al Nahyan, President of "
            "the UAE and Supreme Commander of the Armed Forces, today received Aleksandar Vucic, President of the "
            "Republic of Serbia, who is on a working visit to the UAE.\n\n"
            "Present at the meeting was His Highness Sheikh Abdullah bin Zayed Al Nahyan, Minister of Foreign "
            "Affairs.")
    meetings = events(text, "meeting", dct="2024-03-14")
    pairs = [set(m["participants"]) for m in meetings]
    assert any("Mohamed bin Zayed Al Nahyan" in p and "Abdullah bin Zayed Al Nahyan" not in p for p in pairs), pairs
    people = {p["name"] for p in facts(text, "entity", dct="2024-03-14") if p.get("entity_type") == "person"}
    assert "Armed Forces" not in people


def test_a_memorandum_between_two_ministries_keeps_its_field_and_a_first_meeting_held_today_occurred():
    text = ("Foreign Minister Espen Barth Eide and External Affairs Minister S. Jaishankar today held the first "
            "meeting of the Norway-India Strategic Dialogue in New Delhi.\n\n"
            "The ministers welcomed the signing today of a memorandum of understanding on green shipping between "
            "the Norwegian Ministry of Trade, Industry and Fisheries and India's Ministry of Ports, Shipping and "
            "Waterways.\n\n"
            "Foreign Minister Eide also met Minister of Commerce and Industry Piyush Goyal during his stay.")
    fields = [a.get("field") for a in facts(text, "agreement")]
    assert "green shipping" in fields and not any("Ministry" in (f or "") for f in fields), fields
    meetings = events(text, "meeting")
    assert any(m["status"] == "occurred" and m["start"] == "2024-03-15" for m in meetings), meetings
    people = {p["name"] for p in facts(text, "entity") if p.get("entity_type") == "person"}
    assert "Piyush Goyal" in people, people


def test_a_name_written_with_its_title_is_one_more_surface_form():
    text = ("Kenyan President William Ruto met Italian Prime Minister Giorgia Meloni in Rome on Thursday. "
            "President Ruto said the talks were useful. On Friday President Ruto left for Paris.")
    forms = {a for p in facts(text, "entity") if p.get("entity_type") == "person" for a in p["aliases"]}
    assert {"President Ruto", "Italian Prime Minister Giorgia Meloni"} <= forms, forms
    assert not any(f.startswith("Friday") for f in forms), forms


def test_talks_today_after_arriving_yesterday_and_signatures_put_to_texts():
    text = ("Ulaanbaatar, March 15, 2024 /Agency/ Minister of Foreign Affairs of Hungary Peter Szijjarto, who "
            "arrived in Ulaanbaatar yesterday on an official visit, held talks today with Minister of Foreign Affairs "
            "of Mongolia Batmunkh Battsetseg.\n\n"
            "Following the talks, the ministers put their signatures to a water management memorandum of "
            "understanding.\n\n"
            "The same day, Minister Szijjarto was received by Prime Minister of Mongolia Luvsannamsrain Oyun-Erdene, "
            "who proposed that the next session of the Mongolia-Hungary Intergovernmental Commission be held in "
            "Budapest in February.")
    meetings = events(text, "meeting")
    assert meetings and {m["start"] for m in meetings} == {"2024-03-15"}, meetings
    assert any(a.get("field") == "water management" for a in facts(text, "agreement"))
    nxt = [s for s in events(text, "council_session") if s["title"].startswith("next")]
    assert nxt and nxt[0]["status"] == "planned" and nxt[0]["start"] == "2025-02", nxt


def test_delegations_joining_for_talks_are_the_reception_of_that_day():
    text = ("NAIROBI, Thursday, March 14, 2024 -- President William Ruto today received Zambian President Hakainde "
            "Hichilema at State House, Nairobi. They were later joined by their delegations for bilateral talks.")
    keys = {m["object_key"] for m in events(text, "meeting", dct="2024-03-14")}
    assert len(keys) == 1, keys


def test_a_headline_meeting_takes_the_day_the_lead_gives_it_and_a_possessor_is_not_met():
    text = ("Albanese to hold talks with Marape during Forum week\n\n"
            "PORT MORESBY, 12 March 2024 - Australian Prime Minister Anthony Albanese will arrive in Port Moresby on "
            "Sunday and will hold bilateral talks with Prime Minister James Marape on Monday, his office said.\n\n"
            "Mr Marape visited Canberra in June last year, when he met Mr Albanese's predecessor, Scott Morrison.")
    talks = [m for m in events(text, "meeting", dct="2024-03-12") if "Anthony Albanese" in m["participants"]]
    assert talks and {m["start"] for m in talks} == {"2024-03-18"}, talks
    assert len({m["object_key"] for m in talks}) == 1, talks
    past = [m for m in events(text, "meeting", dct="2024-03-12") if "Scott Morrison" in m["participants"]]
    assert past and "Anthony Albanese" not in past[0]["participants"], past


def test_convening_a_commission_and_a_joint_session_of_two_governments_are_sessions_to_come():
    text = ("COLOMBO, March 15 - The ministers agreed to convene the Sri Lanka-Maldives Joint Commission in Male "
            "later this year.\n\n"
            "Golob also invited Plenkovic to a joint session of the two governments, which the Slovenian side "
            "proposes to hold in Brdo in the autumn.")
    got = events(text, "council_session")
    commission = [s for s in got if "Joint Commission" in s["title"]]
    assert commission and commission[0]["status"] == "planned" and commission[0]["location"] == "Male", got
    assert any("governments" in s["title"] and s["status"] == "planned" for s in got), got


def test_a_session_held_on_two_days_and_named_twice_is_one():
    text = ("KIGALI, 15 March 2024 (Agency) - Rwanda and Burundi on Friday closed the 4th session of their Joint "
            "Permanent Commission in Kigali.\n\n"
            "The session, held on Thursday and Friday at the Convention Centre, was co-chaired by the two foreign "
            "ministers.\n\n"
            "The co-chairs signed the Protocol of the Fourth Session of the Rwanda-Burundi Joint Permanent "
            "Commission.")
    fourth = [s for s in events(text, "council_session") if s["title"].startswith("4th")]
    assert fourth and len({s["object_key"] for s in fourth}) == 1, fourth
    assert (fourth[0]["start"], fourth[0]["end"]) == ("2024-03-14", "2024-03-15"), fourth


def test_post_nominal_letters_and_a_reception_to_come():
    text = ("Dublin, 2 March 2024\n\n"
            "The Minister for Foreign Affairs, Micheál Martin TD, will travel to Lisbon on Thursday, 7 March, for a "
            "two-day visit to Portugal. He will also be received by Prime Minister António Costa on Friday.")
    people = {p["name"]: p for p in facts(text, "entity", dct="2024-03-02") if p.get("entity_type") == "person"}
    assert "Micheál Martin" in people and people["Micheál Martin"]["country"] == "IRL", people
    assert "Prime Minister António Costa" in people["António Costa"]["aliases"], people["António Costa"]
    assert not any(a.startswith("Minister António") for a in people["António Costa"]["aliases"])
    receptions = [m for m in events(text, "meeting", dct="2024-03-02") if "receives" in m["title"]]
    assert receptions and receptions[0]["start"] == "2024-03-08" and receptions[0]["status"] == "planned", receptions
