"""Agreements told as newsrooms tell them (issue 13): instruments in bulleted lists, a passive
signing, a declaration of another pair of countries, the parties a signing verb names, a joint
declaration of two parliaments, a programme with its period, an instrument told by its signing
participle, a session's final protocol, a shared vision and a bare "Joint Statement" beside its
full title. Every sentence is written for these tests."""

from __future__ import annotations

from dyad.nlp.components.agreements import instrument_of, sectors_of
from dyad.nlp.components.bullets import bullet_intro, bullet_lines
from dyad.nlp.pipeline import extract_facts

DCT = "2025-03-05"


def agreements(text: str, dct: str = DCT) -> list[dict]:
    return [f for f in extract_facts(text, dct) if f["kind"] == "agreement"]


def by_field(found: list[dict]) -> dict[str, dict]:
    return {f["field"]: f for f in found if f.get("field")}


# ---------------------------------------------------------------------------- bulleted lists

BULLETS = ("Kenyan Prime Cabinet Secretary Musalia Mudavadi arrived in Kigali on 3 March for the session of the "
           "Kenya-Rwanda Joint Permanent Commission. Nine legal instruments were then signed by the competent "
           "ministers, notably:\n\n"
           "- memoranda of understanding in the fields of civil aviation, solar energy and vocational training;\n"
           "- an agreement on the mutual recognition of academic degrees;\n"
           "- a programme of cultural exchanges for the period 2025-2027.\n")


def test_plural_memoranda_in_the_fields_of_a_b_and_c_give_one_record_per_field():
    fields = by_field(agreements(BULLETS))
    assert {"civil aviation", "solar energy", "vocational training"} <= set(fields)
    assert fields["solar energy"]["sectors"] == ["energy"]
    assert fields["vocational training"]["instrument"] == "memorandum"


def test_bullets_take_the_signing_verb_of_the_line_that_opens_the_list():
    found = agreements(BULLETS)
    assert found and all(f["status"] == "signed" for f in found), found
    assert all(f["parties"] == ["KEN", "RWA"] for f in found)


def test_a_programme_keeps_its_period_in_its_title():
    prog = next(f for f in agreements(BULLETS) if f["instrument"] == "program")
    assert prog["title"] == "programme of cultural exchanges for the period 2025-2027"
    assert prog["sectors"] == ["culture"]


def test_bullets_that_give_only_the_field_of_a_plural_noun():
    text = ("The two Prime Ministers witnessed the exchange of two Memoranda of Understanding:\n"
            "   - on cooperation in the field of the green economy;\n"
            "   - on cooperation in the digital economy.\n"
            "They also discussed Thai rice exports to Laos.")
    fields = by_field(agreements(text))
    assert set(fields) == {"green economy", "digital economy"}, fields
    assert fields["green economy"]["sectors"] == ["environment"]
    assert all(f["status"] == "signed" and f["instrument"] == "memorandum" for f in fields.values())


def test_bullet_helpers_find_the_opening_line_and_the_items():
    text = "Signed today:\n- a memorandum on trade;\n\n- a protocol on customs.\nNext paragraph."
    lines = bullet_lines(text, text.index(":") + 1)
    assert [text[a:b] for a, b in lines] == ["a memorandum on trade", "a protocol on customs"]
    assert bullet_intro(text, text.index("protocol")) == "Signed today:"
    assert bullet_intro(text, text.index("Next")) is None


def test_a_singular_memorandum_on_a_and_b_is_one_instrument_and_another_is_a_second():
    text = ("Among the documents Uganda and Burundi were finalising, the spokesman said, were a memorandum of "
            "understanding on coffee trade and another on fisheries and maritime cooperation.")
    fields = by_field(agreements(text))
    assert set(fields) == {"coffee trade", "fisheries and maritime cooperation"}, fields


# ---------------------------------------------------------------------------- passive voice, parties


def test_an_agreement_on_joint_management_signed_in_the_passive_voice():
    text = ("An agreement on the joint management of the Malaba border crossing was signed by the two countries' "
            "trade ministers after the talks in Nairobi on Monday between Kenya and Uganda.")
    a = next(f for f in agreements(text) if f.get("field"))
    assert a["field"] == "joint management of the Malaba border crossing"
    assert a["sectors"] == ["transport"]
    assert a["status"] == "signed"


def test_a_declaration_adopted_by_two_other_countries_is_theirs_and_dated_by_its_own_date():
    text = ("Kenya and Ethiopia held talks in Nairobi on Tuesday. Chile and Bolivia, after talks brokered by "
            "Brazil, adopted the Santiago Declaration last November, easing a long dispute.")
    d = next(f for f in agreements(text) if f["instrument"] == "declaration")
    assert d["title"] == "Santiago Declaration"
    assert d["parties"] == ["BOL", "CHL"]
    assert d["signed"] == "2024-11"


def test_a_memorandum_signed_by_three_countries_has_three_parties():
    text = ("The port upgrade is carried out under a memorandum of understanding on the modernisation of "
            "the Mombasa port, signed by Kenya, Uganda and Japan in Tokyo last September.")
    m = next(f for f in agreements(text) if f["instrument"] == "memorandum")
    assert m["parties"] == ["JPN", "KEN", "UGA"]
    assert m["signed"] == "2024-09"


def test_a_sales_agreement_signed_by_state_utilities_is_a_contract_between_their_countries():
    text = ("Power trade between Ghana and Togo is governed by a tripartite power sales agreement signed in Accra "
            "in October by the Volta River Authority, Benin's electricity company and Togo's national utility, "
            "with Ghana as seller.")
    c = next(f for f in agreements(text) if f["instrument"] == "contract")
    assert c["title"] == "tripartite power sales agreement"
    assert c["sectors"] == ["energy"]
    assert c["signed"] == "2024-10"
    assert set(c["parties"]) >= {"BEN", "TGO"}


def test_a_plain_signing_verb_with_the_pair_as_subject_keeps_the_pair():
    a = agreements("Kenya and Uganda signed an agreement on the joint management of Lake Victoria fisheries "
                   "on Monday.")[0]
    assert a["parties"] == ["KEN", "UGA"]


# ---------------------------------------------------------------------------- titles


def test_a_joint_declaration_of_two_parliaments_with_its_topic():
    text = ("The two speakers signed a joint declaration of the Storting and the Riksdag on the security of the "
            "Baltic Sea, the strip of water between Norway's and Sweden's coasts.")
    d = next(f for f in agreements(text) if f["instrument"] == "declaration")
    assert d["title"] == "joint declaration of the Storting and the Riksdag on the security of the Baltic Sea"
    assert d["sectors"] == ["security"]


def test_a_bare_joint_statement_beside_its_full_title_is_the_same_text():
    text = ("Summary of the Joint Statement of the Fifth Ghana-Togo Leaders' Summit\n\n"
            "The key points of the Joint Statement issued by the two Leaders at the end of the Summit in Lome "
            "are summarised below.")
    statements = [f for f in agreements(text) if f["instrument"] == "joint_statement"]
    assert {f["title"] for f in statements} == {"Joint Statement of the Fifth Ghana-Togo Leaders' Summit"}


def test_a_final_protocol_on_the_work_of_a_joint_commission():
    text = ("The sides also signed the final protocol on the work carried out by the joint Ghanaian-Togolese "
            "demarcation commission, the ministry said.")
    p = next(f for f in agreements(text) if f["instrument"] == "protocol")
    assert p["title"].startswith("final protocol on the work carried out")
    assert p["sectors"] == ["diplomacy"]


def test_a_shared_vision_unveiled_by_two_countries():
    text = "Brazil and Argentina also unveiled a 'shared vision for energy cooperation in the Southern Cone'."
    v = next(f for f in agreements(text) if f["title"] and "vision" in f["title"])
    assert v["title"] == "shared vision for energy cooperation in the Southern Cone"
    assert v["instrument"] == "other"


def test_vocabulary_of_contracts_crossings_and_green_economy():
    assert instrument_of("electricity sales agreement") == "contract"
    assert instrument_of("gas supply contract") == "contract"
    assert sectors_of("the Busia border crossing") == ["transport"]
    assert sectors_of("border security") == ["security"]
    assert sectors_of("the Parana waterway") == ["transport"]
    assert sectors_of("green economy") == ["environment"]


def test_documents_being_finalised_are_planned_not_signed():
    text = ("Among the documents being finalised by Uganda and Burundi, the spokesman said, were a memorandum "
            "of understanding on coffee trade and another on fisheries.")
    found = agreements(text)
    assert found and all(f["status"] == "planned" and f["signed"] is None for f in found), found
