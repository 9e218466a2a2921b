"""Events as newsrooms and government releases tell them (issue 13), one test per form, on sentences written
for these tests (other countries and wording than any set): meetings told without "visit" or "talks",
calls from a third country, onward trips, sessions named by acronym or head noun, signings, and the
place and day of what happened."""

from __future__ import annotations

from dyad.nlp.pipeline import extract_facts

DCT = "2025-03-14"  # a Friday


def facts(text: str, dct: str = DCT) -> list[dict]:
    return extract_facts(text, dct)


def events(text: str, event_type: str, dct: str = DCT) -> list[dict]:
    return [f for f in facts(text, dct) if f["kind"] == "event" and f["event_type"] == event_type]


# ---------------------------------------------------------------- meetings
def test_leader_also_met_a_third_country_leader_in_town_for_a_summit():
    text = ("ACCRA, March 13 (Wire) -- Ghanaian President John Mahama met Nigerian President Bola Tinubu at the "
            "Jubilee House on Thursday. On the same day, Mahama also met with Kenyan President William Ruto, "
            "who is in Accra for the regional summit.")
    ms = events(text, "meeting")
    third = [m for m in ms if set(m["countries"]) == {"GHA", "KEN"}]
    assert len(third) == 1, ms
    assert third[0]["start"] == "2025-03-13" and third[0]["status"] == "occurred"


def test_surname_first_short_name_is_the_full_name_told_before():
    text = ("Chinese Premier Li Qiang held talks with Malaysian Prime Minister Anwar Ibrahim in Beijing on "
            "Wednesday. Later, Li also met with Ethiopian Prime Minister Abiy Ahmed.")
    ms = events(text, "meeting")
    assert any(set(m["countries"]) == {"CHN", "ETH"} and "Li Qiang" in m["participants"] for m in ms), ms


def test_the_two_prime_ministers_met_in_a_tete_a_tete():
    text = ("Prime Minister of Portugal Luis Montenegro and Prime Minister of Spain Pedro Sanchez opened the "
            "summit in Faro on Thursday. Before the plenary, the two prime ministers met in a tete-a-tete.")
    ms = events(text, "meeting")
    assert len(ms) == 1, ms
    assert set(ms[0]["countries"]) == {"PRT", "ESP"} and ms[0]["start"].startswith("2025-03")


def test_the_two_presidents_met_at_the_border_post_unnamed():
    text = ("The presidents of Chile and Argentina on Thursday opened a new customs complex at the Cristo Redentor "
            "pass. After the ceremony the two presidents met at the border post and signed a joint declaration "
            "on mountain rescue, agreeing to hold a ministerial meeting in Mendoza in June.")
    ms = events(text, "meeting")
    assert len(ms) == 1, ms
    assert set(ms[0]["countries"]) == {"CHL", "ARG"}
    assert ms[0]["start"] == "2025-03-13", ms  # the ceremony's day, not the June of a later clause
    sg = events(text, "signing")
    assert sg and sg[0]["start"] == "2025-03-13", sg


def test_phone_call_from_a_third_country_emir_pairs_him_with_the_home_leader():
    text = ("DOHA, March 13 (Agency) -- His Highness the Amir Sheikh Tamim bin Hamad Al Thani received at the "
            "Amiri Diwan on Thursday Turkish President Recep Tayyip Erdogan, who is on an official visit to the "
            "State. Earlier on Thursday, His Highness received a phone call from King Hamad bin Isa Al Khalifa, "
            "the King of Bahrain, during which they reviewed regional developments.")
    calls = [m for m in events(text, "meeting") if "phone" in m["title"]]
    assert len(calls) == 1, calls
    assert set(calls[0]["countries"]) == {"QAT", "BHR"}
    assert calls[0]["location"] is None  # a call has no place of its own


def test_welcome_at_the_airport_is_no_meeting():
    text = ("ABUJA, March 13 (Agency) -- Ghanaian President John Mahama arrived in Abuja on Thursday for a "
            "working visit and was met at Nnamdi Azikiwe International Airport by Nigerian Foreign Minister "
            "Yusuf Tuggar.")
    assert not events(text, "meeting")
    vs = events(text, "visit")
    assert vs and vs[0]["guest"] == "GHA" and vs[0]["host"] == "NGA"


def test_passive_reception_with_a_day_word_keeps_the_guest():
    text = ("Speaker of the Senate of Kazakhstan Maulen Ashimbayev, who is in Tashkent on a working visit, was "
            "received today by President of Uzbekistan Shavkat Mirziyoyev.")
    vs = events(text, "visit")
    assert vs and all(v["guest"] == "KAZ" and v["host"] == "UZB" for v in vs), vs


# ---------------------------------------------------------------- visits and places
def test_arrived_here_for_a_working_visit_takes_the_town_of_the_byline():
    text = ("Leaders agree on border market\n\nFrom our correspondent in MWANZA, Tanzania\n\nPresident Yoweri "
            "Museveni of Uganda arrived here on Thursday for a two-day working visit, his office said.")
    vs = events(text, "visit")
    assert vs and vs[0]["guest"] == "UGA" and vs[0]["host"] == "TZA", vs
    assert vs[0]["location"] == "Mwanza"


def test_town_dateline_places_what_happened_there():
    text = ("KASUMBALESA, Zambia (Wire) - President Hakainde Hichilema of Zambia and President Felix Tshisekedi "
            "of the Democratic Republic of the Congo on Thursday opened a one-stop border post. After the "
            "ceremony the two presidents met at the border post and signed a joint declaration on trade.")
    sg = events(text, "signing")
    assert sg and sg[0]["location"] == "Kasumbalesa", sg


def test_town_named_before_the_meeting_beats_a_feature_dateline():
    text = ("KASUMBALESA, Zambia - Trucks queue for days at this crossing.\n\nPresidents Hakainde Hichilema and "
            "Felix Tshisekedi met in Lusaka on March 3, their first bilateral meeting this year.")
    ms = events(text, "meeting")
    assert ms and ms[0]["location"] == "Lusaka", ms


def test_visit_to_the_kingdom_is_placed_in_its_capital_not_in_the_kingdom():
    text = ("RABAT, March 13 (Agency) -- King Mohammed VI received on Thursday Mauritanian President Mohamed "
            "Ould Ghazouani, who is on a working visit to the Kingdom.")
    vs = events(text, "visit")
    assert vs and all(v["location"] != "Kingdom" for v in vs), vs


# ---------------------------------------------------------------- sessions
def test_session_named_by_the_acronym_defined_before():
    text = ("Namibia and Botswana signed four agreements at the end of the 4th Session of the Namibia-Botswana "
            "Bi-National Commission (BNC) in Gaborone on Thursday. The 5th Session of the BNC will be held in "
            "Namibia next year.")
    cs = events(text, "council_session")
    nxt = [c for c in cs if c["title"].startswith("5th")]
    assert len(nxt) == 1, cs
    assert nxt[0]["status"] == "planned" and nxt[0]["start"] == "2026"
    assert "Bi-National Commission" in nxt[0]["title"]


def test_previous_session_recalled_by_its_head_noun_with_a_town():
    text = ("The presidents of Argentina and Chile closed the Third Binational Cabinet in Santiago on Thursday. "
            "They reviewed the commitments of the previous cabinet, held in Salta in 2019.")
    cs = events(text, "council_session")
    prev = [c for c in cs if c["title"].startswith("previous")]
    assert len(prev) == 1, cs
    assert prev[0]["status"] == "occurred" and prev[0]["start"] == "2019" and prev[0]["location"] == "Salta"


def test_next_joint_meeting_of_the_governments():
    text = ("The governments of Poland and Lithuania held their joint meeting in Vilnius today. The next joint "
            "meeting of the governments will take place in Poland in 2026.")
    cs = events(text, "council_session")
    nxt = [c for c in cs if c["title"].startswith("next")]
    assert len(nxt) == 1, cs
    assert nxt[0]["status"] == "planned" and nxt[0]["start"] == "2026"


def test_session_agreed_for_a_body_named_in_the_sentence():
    text = ("The two presidents agreed to revive the Chile-Peru Binational Commission, which has not met since "
            "2016, with a session in Lima in October.")
    cs = events(text, "council_session")
    planned = [c for c in cs if c["status"] == "planned"]
    assert len(planned) == 1, cs
    assert planned[0]["start"] == "2025-10" and planned[0]["location"] == "Lima"
    # and the session it has not met since: the last one, in 2016
    assert [(c["status"], c["start"]) for c in cs if c is not planned[0]] == [("occurred", "2016")], cs


# ---------------------------------------------------------------- signings and dates
def test_relative_clause_date_is_not_the_signing_date():
    text = ("President William Ruto of Kenya paid an official visit to Ethiopia from 11 to 12 March 2025. "
            "Prime Minister Abiy Ahmed received him on 12 March. The leaders witnessed the signing of a "
            "Memorandum of Understanding on Labour Mobility, and of an arrangement on the Moyale water project, "
            "which is 30 per cent complete and due to be finished in 2027.")
    sg = events(text, "signing")
    assert sg and all(s["status"] == "occurred" and not (s["start"] or "").startswith("2027") for s in sg), sg


def test_hosting_relative_clause_still_dates_the_session():
    text = ("The leaders discussed preparations for the 9th meeting of the Kenya-Uganda Joint Permanent "
            "Commission, which Uganda is due to host in May.")
    cs = events(text, "council_session")
    assert cs and cs[0]["start"] == "2025-05" and cs[0]["status"] == "planned", cs


def test_host_received_a_parliamentary_delegation_of_another_country():
    text = ("HANOI, March 13 (Agency) -- Earlier this month, the Chairman of the National Assembly received a "
            "delegation of the Foreign Affairs Committee of the Parliament of Cambodia, which visited Hanoi to "
            "prepare the meeting of the two legislatures.")
    ms = events(text, "meeting")
    assert len(ms) == 1, ms
    assert set(ms[0]["countries"]) == {"VNM", "KHM"} and ms[0]["start"] == "2025-03"
    assert ms[0]["location"] == "Hanoi"


def test_a_day_told_inside_a_multi_day_visit_dates_the_talks():
    text = ("President of the Senate of Cambodia Hun Sen held talks yesterday with Speaker of the House of "
            "Representatives of Thailand Wan Muhamad Noor Matha, who is on an official visit to Cambodia from "
            "March 11 to 15.")
    ms = events(text, "meeting")
    assert ms and ms[0]["start"] == "2025-03-13", ms


def test_short_state_form_after_a_country_is_not_a_given_name():
    text = ("President of the National Assembly of the Lao PDR Saysomphone Phomvihane held talks with Speaker "
            "of the House of Representatives of Thailand Wan Muhamad Noor Matha in Vientiane on Thursday.")
    ms = events(text, "meeting")
    assert ms and "Saysomphone Phomvihane" in ms[0]["participants"], ms


def test_host_told_by_his_style_receives_a_third_country_leader():
    text = ("DOHA, March 13 (Agency) -- Emir Sheikh Tamim bin Hamad Al Thani received President Recep Tayyip "
            "Erdogan of Turkey, who is on a working visit to the country, at the Amiri Diwan on Thursday. Earlier, His "
            "Highness received President Abdel Fattah El Sisi of Egypt, who was in Doha for a forum.")
    ms = [m for m in events(text, "meeting") if "receives" in m["title"]]
    assert {frozenset(m["countries"]) for m in ms} == {frozenset({"QAT", "TUR"}), frozenset({"QAT", "EGY"})}, ms


def test_king_named_with_his_patronym_is_the_known_leader():
    text = ("ABU DHABI, March 13 (Agency) -- President Sheikh Mohamed bin Zayed Al Nahyan today received King "
            "Abdullah II bin Al Hussein of the Hashemite Kingdom of Jordan, who is on a working visit to the country.")
    ms = events(text, "meeting")
    assert ms and set(ms[0]["countries"]) == {"ARE", "JOR"}, ms


def test_he_was_received_by_the_president_after_a_counterpart_named_with_mr():
    text = ("The session was co-chaired by the Prime Minister of Tunisia, Mr. Kamel Madouri, and his Libyan "
            "counterpart, Mr. Abdul Hamid Dbeibah. The Libyan Prime Minister had arrived on Tuesday in Tunis "
            "for a three-day official visit to Tunisia. He was received on Wednesday by the President of the "
            "Republic, Mr. Kais Saied, at Carthage Palace.")
    ms = [m for m in events(text, "meeting") if "receives" in m["title"]]
    assert len(ms) == 1, events(text, "meeting")
    assert set(ms[0]["countries"]) == {"TUN", "LBY"} and ms[0]["start"] == "2025-03-12"


def test_called_on_a_named_leader_is_a_courtesy_call_and_called_on_to_act_is_not():
    text = ("President Bola Tinubu of Nigeria arrived in Accra on Wednesday for a two-day state visit to Ghana. "
            "On Thursday he called on President John Mahama at Jubilee House.")
    calls = [m for m in events(text, "meeting") if m["title"].startswith("courtesy call")]
    assert len(calls) == 1 and set(calls[0]["countries"]) == {"NGA", "GHA"}, events(text, "meeting")
    urged = "President John Mahama of Ghana called on President Bola Tinubu of Nigeria to reopen the border."
    assert not [m for m in events(urged, "meeting") if m["title"].startswith("courtesy call")]


def test_exchange_of_agreements_is_a_signing_named_by_what_was_exchanged():
    text = ("Prime Minister Mark Carney of Canada and President Claudia Sheinbaum of Mexico held talks in Mexico "
            "City on Thursday and witnessed the exchange of four agreements covering energy and trade.")
    sg = events(text, "signing")
    assert sg and sg[0]["title"].startswith("exchange of four agreements"), sg


def test_onward_state_visit_running_through_a_day_ends_that_day():
    text = ("President William Ruto will fly to Addis Ababa on Thursday for the last leg of his tour, a state "
            "visit to Ethiopia running through Saturday.")
    vs = events(text, "visit", "2025-03-11")
    assert vs and vs[0]["status"] == "planned", vs
    assert (vs[0]["start"], vs[0]["end"]) == ("2025-03-13", "2025-03-15")
