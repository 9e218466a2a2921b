"""Instruments listed by an abbreviation or a repeated noun ("MoC on A, MoC on B"), company deals told by
what they buy, and the dates of what a visit's lead tells. Sentences written for these tests (other
countries and wording than any set)."""

from __future__ import annotations

from dyad.nlp.pipeline import extract_facts

DCT = "2024-11-08"  # a Friday


def agreements(text: str, dct: str = DCT) -> list[dict]:
    return [f for f in extract_facts(text, dct) if f["kind"] == "agreement"]


def fields(text: str) -> dict[str, dict]:
    return {(a.get("field") or a.get("title")): a for a in agreements(text)}


def test_repeated_moc_list_gives_one_memorandum_per_item():
    text = ("Following the talks, the two sides signed four memorandums of cooperation (MoCs). The instruments "
            "signed are: MoC on fisheries, MoC on port development, MoC on ship recycling and MoC on customs "
            "matters.")
    got = fields(text)
    assert {"fisheries", "port development", "ship recycling", "customs matters"} <= set(got), got
    assert all(a["instrument"] == "memorandum" for a in got.values())
    assert got["ship recycling"]["sectors"] == ["industry"]
    assert not any("MoC" in s for a in got.values() for s in a.get("signatories") or []), got


def test_an_mou_and_an_mou_are_two_instruments():
    got = fields("At the palace, the two sides signed an MoU on fisheries and an MoU on port development.")
    assert {"fisheries", "port development"} <= set(got), got


def test_capitalised_memoranda_joined_by_and_are_two():
    text = ("The ministers signed a Memorandum of Understanding on fisheries and a Memorandum of Cooperation on "
            "port development.")
    titles = sorted(a.get("title") or "" for a in agreements(text))
    assert titles == ["Memorandum of Cooperation on port development", "Memorandum of Understanding on fisheries"]


def test_an_item_of_a_field_list_outside_the_vocabulary_is_kept_but_not_a_connective():
    text = ("The documents signed were memorandums on fisheries, on tourism, on beekeeping and on education, "
            "as well as a joint communique.")
    got = fields(text)
    assert "beekeeping" in got and got["beekeeping"]["sectors"] == ["other"], got
    assert not any(k and k.startswith("as well") for k in got), got


def test_company_memorandum_named_by_what_it_buys():
    text = ("At a business forum on Thursday, Garuda Indonesia signed a memorandum of understanding with Airbus "
            "to buy 30 wide-body jets in a deal worth about $4 billion.")
    got = agreements(text)
    assert len(got) == 1 and got[0]["instrument"] == "memorandum" and got[0]["sectors"] == ["transport"], got
    assert "worth" not in (got[0].get("title") or ""), got


def test_fighter_jets_are_defence_not_transport():
    got = agreements("The defence ministers signed a contract for the purchase of 12 fighter jets.")
    assert got and got[0]["sectors"] == ["security"], got


def test_a_relative_clause_date_is_not_the_main_verbs():
    text = ("President Cyril Ramaphosa, who arrived in Luanda on Wednesday from Windhoek, met President Joao "
            "Lourenco on Thursday.")
    meetings = [f for f in extract_facts(text, DCT) if f["kind"] == "event" and f["event_type"] == "meeting"]
    assert meetings and meetings[0]["start"] == "2024-11-07", meetings


def test_an_agreement_keeps_the_date_of_its_own_relative_clause():
    text = ("The Defence Cooperation Agreement, which was signed in Luanda in March last year, still awaits "
            "ratification.")
    got = agreements(text)
    assert got and got[0]["signed"] == "2023-03", got


def test_parts_of_a_visit_dated_by_an_arrival_take_the_lead_day():
    text = ("Turkey and Ghana on Thursday signed five agreements, as Turkish President Recep Tayyip Erdogan "
            "continued his West Africa tour.\n\n"
            "Erdogan, who arrived in Accra on Wednesday evening from Abuja, was welcomed by President Nana "
            "Akufo-Addo with an official ceremony.\n\n"
            "Following a tete-a-tete meeting and inter-delegation talks, the two leaders attended the signing "
            "ceremony of the agreements.\n\n"
            "The agreements cover the fields of energy, tourism and education.")
    got = fields(text)
    assert {"energy", "tourism", "education"} <= set(got), got
    assert {got[k]["signed"] for k in ("energy", "tourism", "education")} == {"2024-11-07"}, got


def test_an_abbreviation_in_brackets_and_a_framework_arrangement_in_one_signing():
    text = ("SEOUL, June 5 (Agency) -- President Yoon Suk Yeol held summit talks with Ghanaian President Nana "
            "Akufo-Addo on Wednesday.\n\n"
            "Yoon and Akufo-Addo witnessed the signing of a memorandum of understanding (MOU) on fisheries "
            "cooperation and a framework arrangement under which South Korea will provide up to US$500 million "
            "in concessional loans, according to the presidential office.")
    got = agreements(text, "2024-06-05")
    fisheries = [a for a in got if a.get("field") == "fisheries cooperation"]
    loans = [a for a in got if (a.get("title") or "").startswith("framework arrangement under which")]
    assert fisheries and fisheries[0]["instrument"] == "memorandum", got
    assert loans and loans[0]["status"] == "signed" and loans[0]["sectors"] == ["finance"], got
    signings = [f for f in extract_facts(text, "2024-06-05") if f["kind"] == "event"
                and f["event_type"] == "signing"]
    assert signings and signings[0]["status"] == "occurred", signings


def test_a_family_name_written_first_is_the_leader_even_when_tagged_a_place():
    text = ("SEOUL, June 5 (Agency) -- President Yoon Suk Yeol held summit talks with Ghanaian President Nana "
            "Akufo-Addo on Wednesday.\n\n"
            "Earlier Wednesday, Yoon held separate summit talks with Tanzanian President Samia Suluhu Hassan.")
    meetings = [f for f in extract_facts(text, "2024-06-05") if f["kind"] == "event"
                and f["event_type"] == "meeting"]
    assert any(set(m["countries"]) == {"KOR", "TZA"} for m in meetings), meetings


def test_a_contract_opening_its_sentence_as_the_subject_of_a_passive_signing():
    text = ("The contract for the Kribi II project, a 300-megawatt gas-fired power plant, was signed in Yaounde "
            "on Nov. 4 between the two state utilities.")
    got = agreements(text)
    assert got and got[0]["instrument"] == "contract" and got[0]["title"] == "contract for the Kribi II project", got
    assert got[0]["signed"] == "2024-11-04" and "energy" in got[0]["sectors"], got


def test_two_fields_joined_by_and_name_one_compound_instrument():
    got = agreements("In 2019, Chile and Vietnam signed a comprehensive partnership and strategic cooperation "
                     "agreement, which entered into force in 2021.")
    assert got and got[0]["field"] == "partnership and strategic cooperation" and got[0]["signed"] == "2019", got
    assert got[0]["sectors"] == ["diplomacy"], got


def test_a_century_in_a_name_does_not_cut_it_and_the_belt_and_road_is_investment():
    text = ("After the talks, the two presidents witnessed the signing of a memorandum of understanding on jointly "
            "promoting the construction of the Silk Road Economic Belt and the 21st Century Maritime Silk Road, "
            "and documents on cooperation in aerospace and agriculture.")
    got = fields(text)
    bri = [a for k, a in got.items() if k and k.endswith("21st Century Maritime Silk Road")]
    assert bri and bri[0]["sectors"] == ["investment"] and bri[0]["status"] == "signed", got
    assert got["aerospace"]["sectors"] == ["science"] and got["aerospace"]["status"] == "signed", got


def test_a_memorandum_named_by_its_parties_keeps_their_acronyms_legal_forms_and_field():
    text = ("The ministers also signed a Memorandum of Understanding between the National Oil Company of the "
            "Republic of Ghana (GNPC) and Eni S.p.A. on cooperation in the field of gas processing.")
    got = agreements(text)
    assert [a["title"] for a in got] == [
        "Memorandum of Understanding between the National Oil Company of the Republic of Ghana (GNPC) and Eni "
        "S.p.A. on cooperation in the field of gas processing"], got


def test_a_deal_named_by_what_it_does_a_named_roadmap_and_a_treaty_to_negotiate():
    got = agreements("Chile and Peru signed five agreements on Monday, including a deal for Chile to hire 200 "
                     "Peruvian nurses to work in rural clinics.")
    assert any(a["sectors"] == ["health"] and (a.get("title") or "").startswith("deal for Chile") for a in got), got
    got = agreements("The two prime ministers also adopted the Chile-Peru Vision 2040, a fifteen-year roadmap for "
                     "the partnership.")
    assert [(a["title"], a["instrument"]) for a in got] == [("Chile-Peru Vision 2040", "roadmap")], got
    got = agreements("The two countries agreed to negotiate a bilateral investment treaty.")
    assert [(a["instrument"], a["status"], a["sectors"]) for a in got] == [("treaty", "planned", ["investment"])], got


def test_a_joint_statement_cited_is_one_issued_but_remarks_to_the_press_are_not():
    got = agreements("The two leaders said in a joint statement that they would deepen ties.")
    assert [(a["instrument"], a["status"]) for a in got] == [("joint_statement", "signed")], got
    assert not agreements("\"We are back,\" the president said in a joint statement to the press.")


def test_namely_and_a_bracketed_acronym_inside_a_list_of_fields():
    text = ("After the talks, the two leaders witnessed the exchange of four memoranda of understanding (MoUs), "
            "namely on cooperation in higher education, on cooperation between the Ghana Investment Promotion "
            "Centre (GIPC) and its Kenyan counterpart, on tourism and on fisheries.")
    got = fields(text)
    assert {"higher education", "tourism", "fisheries"} <= set(got), got
    assert any(k and k.startswith("cooperation between the Ghana Investment Promotion Centre (GIPC)") for k in got), got
