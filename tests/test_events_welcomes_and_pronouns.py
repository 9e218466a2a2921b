"""Meetings told by a welcome, by "He" after the sentence that names him, by a working session or a round
of consultations, and visits told as "was in <city> for talks" or "is in <country> this week on a visit".
Sentences written for these tests (other countries and wording than any set)."""

from __future__ import annotations

from support import event_mentions

DCT = "2024-06-14"  # a Friday


def events(text: str, event_type: str, dct: str = DCT) -> list[dict]:
    return event_mentions(text, event_type, dct)


def one_between(meetings: list[dict], *people: str) -> bool:
    """Is one of the meetings that of exactly these people?"""
    return any(set(m["participants"]) == set(people) for m in meetings)


def test_a_leader_welcomed_by_name_at_a_palace_is_a_meeting_of_the_two():
    text = ("RIGA - Latvian Prime Minister Evika Siliņa welcomed Estonian Prime Minister Kristen Michal at the "
            "Cabinet building on Thursday, where the two first spoke in private.")
    (m,) = events(text, "meeting")
    assert set(m["participants"]) == {"Evika Siliņa", "Kristen Michal"}
    assert (m["status"], m["start"]) == ("occurred", "2024-06-13")


def test_a_welcome_announced_with_the_guests_titles_first_is_a_planned_meeting():
    text = ("DUBLIN - The Taoiseach, Simon Harris, will welcome the Prime Minister of Portugal, Luís Montenegro, "
            "to Government Buildings on Tuesday 18 June.")
    (m,) = events(text, "meeting")
    assert (m["status"], m["start"]) == ("planned", "2024-06-18")
    assert set(m["participants"]) == {"Simon Harris", "Luís Montenegro"}


def test_welcoming_a_decision_or_a_visit_welcomes_no_one():
    for text in ("RIGA - Latvian Prime Minister Evika Siliņa welcomed the decision of Estonian Prime Minister "
                 "Kristen Michal to reopen the rail crossing.",
                 "RIGA - Latvian Prime Minister Evika Siliņa welcomed Prime Minister Michal's second visit to Riga "
                 "in a year."):
        assert events(text, "meeting") == [], text
    assert events("RIGA - Latvian Prime Minister Evika Siliņa welcomed the decision of Estonian Prime Minister "
                  "Kristen Michal to reopen the rail crossing.", "visit") == []


def test_a_welcome_at_the_airport_is_an_arrival_not_a_meeting():
    text = ("Latvian Prime Minister Evika Siliņa welcomed Estonian Prime Minister Kristen Michal at Riga airport "
            "on Monday. The two prime ministers then held talks at the Cabinet building.")
    meetings = events(text, "meeting")
    assert len(meetings) == 1 and "receives" not in meetings[0]["title"], meetings


def test_a_welcome_that_opens_talks_told_otherwise_is_no_second_meeting():
    text = ("TOKYO - Foreign Minister Kamikawa Yoko held a Japan-Estonia Foreign Ministers' Meeting with Foreign "
            "Minister Margus Tsahkna on June 12. At the outset, Minister Kamikawa warmly welcomed Minister Tsahkna "
            "to Japan.")
    meetings = events(text, "meeting")
    assert len({m["object_key"] for m in meetings}) == 1, meetings


def test_he_after_a_sentence_naming_its_subject_is_that_person():
    text = ("CAIRO - The new foreign minister of Egypt, Badr Abdelatty, who took over in July, chose Mauritania for "
            "one of his first African trips in March. He held talks with his counterpart Mohamed Salem Ould "
            "Merzoug and was received by President Mohamed Ould Ghazouani.")
    meetings = events(text, "meeting", "2024-06-14")
    by_people = {frozenset(m["participants"]): m for m in meetings}
    assert frozenset({"Badr Abdelatty", "Mohamed Salem Ould Merzoug"}) in by_people, meetings
    assert any("Badr Abdelatty" in k and "Mohamed Ould Ghazouani" in k for k in by_people), meetings
    assert all(m["start"] == "2024-03" for m in meetings), meetings


def test_he_after_a_sentence_whose_subject_is_a_title_stays_the_traveller():
    text = ("The Tánaiste, Micheál Martin, will travel to Madrid on Thursday for a two-day visit to Spain.\n\n"
            "In Madrid, the Tánaiste will hold talks with the Spanish Minister for Foreign Affairs, José Manuel "
            "Albares. He will also be received by Prime Minister Pedro Sánchez on Friday.")
    meetings = events(text, "meeting", "2024-06-12")
    assert one_between(meetings, "Micheál Martin", "Pedro Sánchez"), meetings


def test_a_working_session_and_a_round_of_consultations_are_meetings():
    (m,) = events("ACCRA - Ghanaian Foreign Minister Shirley Ayorkor Botchwey on Tuesday held a working session "
                  "with Togolese Foreign Minister Robert Dussey at the Ministry of Foreign Affairs.", "meeting")
    assert set(m["participants"]) == {"Shirley Ayorkor Botchwey", "Robert Dussey"}
    text = ("LOME - Last month Togolese Foreign Minister Robert Dussey was in Accra for a round of political "
            "consultations with Ghanaian officials.")
    (v,) = events(text, "visit")
    assert (v["status"], v["start"], v["location"]) == ("occurred", "2024-05", "Accra")
    assert len(events(text, "meeting")) == 1


def test_consultations_a_memorandum_is_about_are_no_meeting():
    text = ("The two ministers are expected to sign a memorandum of understanding on political consultations "
            "between Ghana and Togo.")
    assert events(text, "meeting") == []


def test_a_leader_in_the_country_this_week_on_a_visit_is_there_now():
    (v,) = events("SUVA - Samoan Prime Minister Fiamē Naomi Mataʻafa is in Fiji this week on an official visit at "
                  "the invitation of Prime Minister Sitiveni Rabuka.", "visit")
    assert v["status"] == "occurred"


def test_a_guest_to_be_received_by_the_host_is_the_guest():
    text = ("VIENNA - Slovak Prime Minister Robert Fico arrived in Vienna on Monday for a two-day official visit. "
            "On Tuesday, Fico is scheduled to be received by Federal President Alexander Van der Bellen at the "
            "Hofburg. Tomorrow morning, Fico will be received in audience by President Van der Bellen again.")
    meetings = events(text, "meeting", "2024-06-10")
    assert meetings and all(m["title"].startswith("Alexander Van der Bellen receives") for m in meetings), meetings
    assert all(v["guest"] == "SVK" for v in events(text, "visit", "2024-06-10"))


def test_a_host_receiving_at_a_place_today_a_minister_with_a_long_title():
    text = ("DOHA - His Highness Sheikh Mohammed bin Abdulrahman Al Thani, Minister of Foreign Affairs, received at "
            "the ministry's headquarters in Doha today the Minister of Foreign Affairs and Trade of Hungary, Péter "
            "Szijjártó.")
    (m,) = events(text, "meeting")
    assert set(m["participants"]) == {"Mohammed bin Abdulrahman Al Thani", "Péter Szijjártó"}, m


def test_a_host_of_the_reports_country_receiving_the_minister_told_before_by_nationality():
    text = ("RIYADH - The Minister of Foreign Affairs and Trade of Hungary, Péter Szijjártó, arrived in Riyadh "
            "on Tuesday for a working visit to Saudi Arabia. Later, His Royal Highness Prince Abdulaziz bin Salman, "
            "Minister of Energy, received the Hungarian minister.")
    meetings = events(text, "meeting")
    assert one_between(meetings, "Abdulaziz bin Salman", "Péter Szijjártó"), meetings


def test_a_commission_holding_its_third_meeting_is_a_session_not_a_meeting():
    text = ("Turkmen-Hungarian Intergovernmental Commission holds its third meeting in Ashgabat\n\n"
            "ASHGABAT, 16 April 2024 - The third meeting of the Turkmen-Hungarian Intergovernmental Commission on "
            "Economic Cooperation was held in Ashgabat today.")
    assert events(text, "meeting", "2024-04-16") == []
    assert events(text, "council_session", "2024-04-16")


def test_two_named_ministers_who_will_meet_are_a_planned_meeting():
    text = ("SANTIAGO - Chilean Foreign Minister Alberto van Klaveren and his Peruvian counterpart Javier "
            "González-Olaechea will meet on Wednesday afternoon to finish work on the texts.")
    (m,) = events(text, "meeting", "2024-06-10")
    assert (m["status"], m["start"], m["title"].split()[0]) == ("planned", "2024-06-12", "meeting"), m
    assert events("Chilean President Gabriel Boric and Peruvian President Dina Boluarte will meet the press on "
                  "Thursday.", "meeting", "2024-06-10") == []


def test_talks_told_after_the_day_a_visit_without_an_end_has_reached_are_of_that_day():
    text = ("LIMA - Chilean President Gabriel Boric is expected to arrive in Lima on Wednesday night for a state "
            "visit. He will be received by President Dina Boluarte on Thursday morning at the Government Palace. "
            "The two leaders will then hold talks in a restricted format.")
    meetings = events(text, "meeting", "2024-06-10")
    assert meetings and all(m["start"] == "2024-06-13" for m in meetings), meetings


def test_a_visit_whose_phrase_gives_its_span_takes_it_over_a_nearer_day():
    text = ("DOHA - Prime Minister Pham Minh Chinh held talks with Qatari Prime Minister Sheikh Mohammed bin "
            "Abdulrahman Al Thani in Doha on November 1, as part of his official visit to Qatar from October 31 to "
            "November 1.")
    (v,) = events(text, "visit", "2023-11-02")
    assert (v["start"], v["end"]) == ("2023-10-31", "2023-11-01"), v
    (m,) = events(text, "meeting", "2023-11-02")
    assert m["start"] == "2023-11-01"


def test_a_host_the_gazetteer_does_not_place_is_of_the_country_the_report_is_filed_from():
    text = ("PORT MORESBY - Vanuatu Prime Minister Charlot Salwai was also received by Governor-General Sir Bob "
            "Dadae at Government House on Monday.")
    meetings = events(text, "meeting", "2024-06-11")
    assert any(set(m["countries"]) == {"PNG", "VUT"} for m in meetings), meetings


def test_a_formal_welcome_ceremony_is_no_reception_meeting():
    text = ("WELLINGTON - Vietnamese Prime Minister Pham Minh Chinh will be formally welcomed at Government House by "
            "Governor-General Dame Cindy Kiro on Tuesday.")
    assert events(text, "meeting", "2024-08-26") == []


def test_a_minister_named_after_a_portfolio_of_several_words_meets_his_counterpart():
    text = ("QUITO - Bolivia's Minister of Productive Development Néstor Huanca, who led a delegation of 63 "
            "Bolivian companies, met Ecuadorian minister Sonsoles García on Tuesday.")
    (m,) = events(text, "meeting", "2024-08-22")
    assert set(m["participants"]) == {"Néstor Huanca", "Sonsoles García"}, m


def test_the_visitor_told_by_office_will_meet_someone_named_after():
    text = ("OSLO - Finnish President Alexander Stubb will pay a state visit to Norway on Wednesday. The President "
            "will also meet the President of the Storting, Masud Gharahkhani.")
    (m,) = events(text, "meeting", "2024-05-13")
    assert (m["status"], set(m["participants"])) == ("planned", {"Alexander Stubb", "Masud Gharahkhani"}), m


def test_the_ministers_of_two_named_countries_who_met_are_a_meeting_of_those_countries():
    text = ("LIMA, June 27 - The foreign ministers of Chile and Bolivia met on Wednesday on the sidelines of the "
            "Organization of American States General Assembly in the Paraguayan capital.")
    (m,) = events(text, "meeting", "2024-06-27")
    assert (set(m["countries"]), m["start"], m["location"]) == ({"CHL", "BOL"}, "2024-06-26", "Asunción"), m
    assert m["title"] == "meeting of the foreign ministers of Chile and Bolivia"


def test_a_market_opened_to_goods_is_no_opening():
    text = ("KUALA LUMPUR - Bangladesh Commerce Minister Tofail Ahmed urged Malaysia to lower tariffs on "
            "Bangladeshi knitwear and to open its market to pharmaceuticals.")
    assert events(text, "opening", "2016-11-16") == []


def test_a_host_receiving_the_guest_told_as_the_monarch_of_his_country():
    text = ("TEHRAN - Sultan Haitham bin Tarik of Oman arrived in Tehran on Sunday on a two-day state visit. "
            "Leader of the Islamic Revolution Ayatollah Seyyed Ali Khamenei received the Omani monarch on Sunday "
            "evening.")
    meetings = events(text, "meeting", "2023-05-29")
    assert one_between(meetings, "Ali Khamenei", "Haitham bin Tarik"), meetings


def test_a_visit_of_an_office_of_a_country_that_began_and_will_end_on_days():
    text = ("DUSHANBE - Prime Minister of Pakistan Shehbaz Sharif, who is in Tajikistan on an official visit, met "
            "President Emomali Rahmon on May 30. The official visit of the Prime Minister of Pakistan began on May "
            "29 and will end on May 31.")
    visits = events(text, "visit", "2025-05-30")
    assert visits and all((v["start"], v["end"]) == ("2025-05-29", "2025-05-31") for v in visits), visits
    (alone,) = events("The official visit of the Prime Minister of Pakistan to Tajikistan began on May 29.", "visit",
                      "2025-05-30")
    assert (alone["guest"], alone["host"]) == ("PAK", "TJK")


def test_visits_told_in_a_when_clause_after_since_a_year_are_of_that_year():
    text = ("LISBON - The political relationship has been warm since 2018, when Prime Minister António Costa made an "
            "official visit to Luanda in September and President João Lourenço paid a state visit to Portugal in "
            "November.")
    assert sorted(v["start"] for v in events(text, "visit", "2025-05-21")) == ["2018-09", "2018-11"]


def test_a_guest_whose_country_came_with_her_delegation_is_of_the_other_side():
    text = ("LILONGWE, Thursday 10 August 2023 - A delegation of the Parliament of Tanzania led by Speaker Dr Tulia "
            "Ackson leaves Lilongwe today at the end of a four-day official visit to Malawi.\n\n"
            "Later the same day President Dr Lazarus Chakwera received Dr Ackson and her delegation at Kamuzu "
            "Palace.")
    meetings = events(text, "meeting", "2023-08-10")
    assert any(set(m["participants"]) == {"Lazarus Chakwera", "Tulia Ackson"} and set(m["countries"]) ==
               {"MWI", "TZA"} for m in meetings), meetings


def test_travel_for_consultations_with_someone_is_a_visit_and_a_meeting_there():
    text = ("BRUSSELS - Belgian Foreign Minister Hadja Lahbib said she will travel to Luxembourg for consultations "
            "with Foreign Minister Xavier Bettel later this month.")
    (m,) = events(text, "meeting", "2024-05-06")
    assert (m["status"], m["title"]) == ("planned", "consultations between Hadja Lahbib and Xavier Bettel"), m
    assert m["location"] != "Brussels"
    assert events(text, "visit", "2024-05-06")


def test_would_travel_to_and_came_to_a_capital_are_visits_not_came_to_an_agreement():
    assert events("PRAGUE - Czech Foreign Minister Jan Lipavský would travel to Tokyo in the autumn, the ministry "
                  "said.", "visit", "2024-05-06")
    (v,) = events("RIGA - Swedish Prime Minister Ulf Kristersson came to Riga in January last year.", "visit",
                  "2024-05-06")
    assert (v["start"], v["location"]) == ("2023-01", "Riga")
    assert events("RIGA - The leaders of Sweden and Latvia came to an agreement on Monday.", "visit",
                  "2024-05-06") == []


def test_the_two_countries_ministers_who_met_are_a_meeting_of_the_pair():
    (m,) = events("ACCRA - Last year the two countries' trade ministers met in Accra to prepare the agreement "
                  "between Ghana and South Africa.", "meeting", "2024-05-06")
    assert (set(m["countries"]), m["location"]) == ({"GHA", "ZAF"}, "Accra"), m


def test_leaders_who_had_spoken_by_telephone_held_a_phone_call():
    (m,) = events("DAKAR - Spanish Prime Minister Pedro Sánchez and Senegalese President Bassirou Diomaye Faye had "
                  "spoken by telephone in April.", "meeting", "2024-08-29")
    assert (m["title"].split(" between")[0], m["start"], m["location"]) == ("phone call", "2024-04", None), m


def test_a_visit_to_a_capital_on_a_date_by_an_office_and_name():
    (v,) = events("DHAKA - The agreement follows a visit to Dhaka last October by Saudi Minister of Investment "
                  "Khalid Al-Falih.", "visit", "2024-06-10")
    assert (v["guest"], v["host"], v["start"], v["participants"]) == ("SAU", "BGD", "2023-10", ["Khalid Al-Falih"])
