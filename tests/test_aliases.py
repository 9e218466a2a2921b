"""Surface forms of one thing kept as aliases so that resolution can join them: acronyms defined
after a name, company names with or without their corporate suffix, bodies named in lower case.
Sentences written for these tests."""

from __future__ import annotations

from dyad.nlp.components.util import acronym_of
from dyad.nlp.pipeline import extract_facts
from test_resolution import kb_of

DCT = "2024-05-02"


def test_acronym_of_spells_the_last_words_small_words_optional():
    assert acronym_of("Reciprocal Access Agreement", "RAA")
    assert acronym_of("joint committee on economic cooperation", "JCEC")
    assert acronym_of("Comprehensive Economic Partnership Agreement", "CEPA")
    assert acronym_of("Bank of International Settlements", "BIS")
    assert not acronym_of("Access Agreement", "RAA")
    assert not acronym_of("Reciprocal Access Agreement", "RAD")


def test_agreement_title_keeps_the_acronym_defined_after_it():
    facts = extract_facts("The two ministers signed the Reciprocal Access Agreement (RAA) in Tokyo on Monday.", DCT)
    agr = [f for f in facts if f["kind"] == "agreement"]
    assert [a["aliases"] for a in agr] == [["RAA"]]


def test_company_suffix_and_lower_case_body_with_acronym():
    facts = extract_facts("Airbus Group signed a supply deal in Delhi. Trade is overseen by the joint committee on "
                          "economic cooperation (JCEC), set up in 2011.", DCT)
    orgs = {f["name"]: f["aliases"] for f in facts if f.get("entity_type") == "organization"}
    assert orgs["Airbus Group"] == ["Airbus", "Airbus Group"]
    assert orgs["joint committee on economic cooperation"] == ["JCEC", "joint committee on economic cooperation"]


def test_a_phrase_the_acronym_does_not_spell_is_no_body():
    facts = extract_facts("The two sides discussed the new tariff schedule (WTO) at length.", DCT)
    assert not [f for f in facts if f.get("entity_type") == "organization" and "tariff" in f["name"]]


def test_instrument_named_by_its_acronym_in_another_report_is_one_record(tmp_path):
    kb = kb_of(tmp_path, {
        "a.txt": ("2024-05-02", "Japanese Prime Minister Fumio Kishida and Philippine President Ferdinand Marcos Jr "
                               "agreed to sign the Reciprocal Access Agreement (RAA) between Japan and the "
                               "Philippines.\n"),
        "b.txt": ("2024-07-09", "Japan and the Philippines signed the RAA Agreement in Manila on Monday.\n"),
    }, f"sqlite:///{tmp_path / 'kb.db'}")
    agr = [r for r in kb if r["kind"] == "agreement"]
    assert len(agr) == 1, agr
    assert agr[0]["title"] == "Reciprocal Access Agreement" and "RAA" in agr[0]["aliases"]
    assert {s["doc"] for s in agr[0]["sources"]} == {"a.txt", "b.txt"}
