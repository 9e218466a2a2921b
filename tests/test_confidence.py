"""Confidence: every fact mention carries one in (0, 1) from its cues, records combine their
mentions' (more independent sources -> higher), and the export carries the record's."""

from __future__ import annotations

import json

from conftest import sqlite_url
from dyad.nlp.confidence import TABLE_PATH, features, mention_confidence
from dyad.nlp.pipeline import extract_facts
from dyad.resolve.confidence import record_confidence

TEXT = ("Kenyan President William Ruto arrived in Addis Ababa on Monday for a two-day state visit. "
        "Ruto held talks with Ethiopian Prime Minister Abiy Ahmed, and the two leaders signed an Agreement on "
        "Road Transport. \"We are neighbours and partners,\" Ruto said.")


def test_every_mention_carries_a_confidence_and_its_document():
    facts = extract_facts(TEXT, "2025-06-10", doc_id="a1")
    assert {f["kind"] for f in facts} >= {"event", "agreement", "quote", "entity"}
    for f in facts:
        assert 0.0 < f["confidence"] < 1.0, f
        assert f["doc_id"] == "a1"


def test_the_cue_table_is_data():
    table = json.loads(TABLE_PATH.read_text(encoding="utf-8"))
    assert "bias" in table["mention"] and "per_log_source" in table["record"]


def test_explicit_parts_raise_a_mention_and_missing_ones_lower_it():
    speaker = {"kind": "quote", "speaker": "William Ruto", "text": "We are partners."}
    anonymous = {"kind": "quote", "speaker": None, "text": "We are partners."}
    assert "quote:speaker" in features(speaker) and "quote:no_speaker" in features(anonymous)
    assert mention_confidence(speaker) > mention_confidence(anonymous)
    full = {"kind": "person", "entity_type": "person", "name": "William Ruto", "country": "KEN",
            "role": "President of Kenya", "leader": "William Ruto"}
    bare = {"kind": "person", "entity_type": "person", "name": "Ruto", "surname_only": True}
    full["kind"] = bare["kind"] = "entity"
    assert mention_confidence(full) > mention_confidence(bare)


def test_a_rule_that_fired_is_named_among_the_cues():
    facts = extract_facts("ACCRA, June 9. President of Ghana John Mahama and Togo's President Faure Gnassingbe "
                          "discussed ways to deepen trade between the two countries.", "2025-06-10")
    meeting = next(f for f in facts if f.get("event_type") == "meeting")
    assert "event:cue:discussion" in features(meeting)


def test_more_independent_sources_raise_a_record():
    m = {"kind": "event", "confidence": 0.7, "doc_id": "a"}
    one = record_confidence("event", [m])
    two_docs = record_confidence("event", [m, dict(m, doc_id="b")])
    three_docs = record_confidence("event", [m, dict(m, doc_id="b"), dict(m, doc_id="c")])
    assert one == 0.7
    assert one < two_docs < three_docs < 1.0


def test_a_weak_mention_pulls_a_record_down():
    strong = {"confidence": 0.9, "doc_id": "a"}
    weak = {"confidence": 0.3, "doc_id": "a"}
    assert record_confidence("agreement", [strong, weak]) < record_confidence("agreement", [strong, strong])


def test_members_without_confidence_give_none():
    assert record_confidence("event", [{"doc_id": "a"}]) is None


def test_the_export_carries_each_records_confidence(tmp_path):
    from dyad.export.facts import iter_facts
    from dyad.ingest.service import ingest
    from dyad.store.db import open_db

    (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")
    factory = open_db(sqlite_url(tmp_path / "kb.db"))
    assert not ingest([str(tmp_path / "a.txt")], factory).errors
    with factory() as session:
        records = [r for r in iter_facts(session) if r["kind"] != "document"]
    assert records and all(0.0 < r["confidence"] < 1.0 for r in records)
