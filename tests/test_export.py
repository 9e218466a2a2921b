"""The facts-v1 export (spec: ../shared/spec/facts-v1.md) and its CSV flavour, on the
sample corpus and on the seed articles: shape, source offsets, validation by the shared
scorer, stable ids, and the people the seed articles name."""

from __future__ import annotations

import csv
import json
from collections import Counter
from pathlib import Path

import pytest

from conftest import (
    CORPUS,
    Databases,
    documents,
    ingest_and_export,
    persons,
    read_jsonl,
    run_cli,
    sqlite_url,
    validate_export,
)

KINDS = {"document", "entity", "event", "agreement", "project", "metric", "quote"}
# Fields per kind, from the spec.
SPEC_FIELDS = {
    "document": ["title", "url", "published", "source", "sha256", "chars"],
    "entity": ["entity_type", "name", "aliases", "country", "role"],
    "event": ["event_type", "title", "status", "start", "end", "location", "countries", "guest", "host",
              "level", "participants"],
    "agreement": ["title", "instrument", "sectors", "parties", "signed", "status", "event", "signatories"],
    "project": ["name", "aliases", "project_type", "countries", "status", "milestones"],
    "metric": ["metric_type", "subject", "value", "unit", "period", "as_of", "deadline", "stated_by",
               "countries"],
    "quote": ["speaker", "text", "date"],
}
CSV_FILES = {"document": "documents.csv", "entity": "entities.csv", "event": "events.csv",
             "agreement": "agreements.csv", "project": "projects.csv", "metric": "metrics.csv",
             "quote": "quotes.csv"}


def texts_of(folder: Path) -> dict[str, str]:
    """Document texts as ingested: UTF-8, universal newlines (what Path.read_text gives)."""
    return {p.name: p.read_text(encoding="utf-8") for p in folder.glob("*.txt")}


@pytest.fixture(scope="module")
def corpus_kb(module_kb_dbs: Databases) -> dict:
    """The sample corpus, once per database backend (SQLite; PostgreSQL when a server is given)."""
    tmp = module_kb_dbs.folder
    db = module_kb_dbs.new()
    res, records = ingest_and_export(db, tmp / "facts.jsonl", CORPUS)
    assert res.exit_code == 0, res
    return {"db": db, "tmp": tmp, "out": tmp / "facts.jsonl", "records": records, "dbs": module_kb_dbs}


@pytest.fixture(scope="module")
def seeds_kb(tmp_path_factory: pytest.TempPathFactory, seeds_dir: Path) -> dict:
    tmp = tmp_path_factory.mktemp("seeds")
    db = sqlite_url(tmp / "kb.db")
    res, records = ingest_and_export(db, tmp / "facts.jsonl", seeds_dir)
    assert res.exit_code == 0, res
    return {"db": db, "tmp": tmp, "out": tmp / "facts.jsonl", "records": records, "docs": seeds_dir}


# ---------------------------------------------------------------------------- record shape


def check_records(records: list[dict], texts: dict[str, str]) -> None:
    ids = [r["id"] for r in records]
    assert len(ids) == len(set(ids)), [i for i, n in Counter(ids).items() if n > 1]
    doc_ids = set(documents(records))
    assert doc_ids == set(texts)
    for r in records:
        assert r["kind"] in KINDS, r
        assert isinstance(r["id"], str) and r["id"], r
        assert "sources" in r and "confidence" in r, r
        assert r["confidence"] is None or 0 <= r["confidence"] <= 1, r
        for field in SPEC_FIELDS[r["kind"]]:
            assert field in r, (field, r)
        if r["kind"] == "document":
            assert r["sources"] == []
            text = texts[r["id"]]
            assert r["chars"] == len(text)
            continue
        assert r["sources"], f"no sources: {r}"
        for s in r["sources"]:
            assert s["doc"] in doc_ids, (s, r)
            assert isinstance(s["start"], int) and isinstance(s["end"], int)
            assert 0 <= s["start"] < s["end"] <= len(texts[s["doc"]]), (s, r)


def test_corpus_export_records_are_well_formed(corpus_kb):
    check_records(corpus_kb["records"], texts_of(CORPUS))


def test_corpus_documents_carry_manifest_metadata(corpus_kb):
    docs = documents(corpus_kb["records"])
    lines = (CORPUS / "index.jsonl").read_text(encoding="utf-8").splitlines()
    manifest = [json.loads(line) for line in lines]
    assert len(manifest) == len(docs) == 6
    for entry in manifest:
        d = docs[entry["file"]]
        assert (d["title"], d["url"], d["published"], d["source"]) == \
            (entry["title"], entry["url"], entry["published"], entry["source"])
        assert len(d["sha256"]) == 64


def test_corpus_records_come_first_documents_then_facts(corpus_kb):
    kinds = [r["kind"] for r in corpus_kb["records"]]
    first_fact = next(i for i, k in enumerate(kinds) if k != "document")
    assert set(kinds[:first_fact]) == {"document"}
    assert "document" not in kinds[first_fact:]


def test_person_sources_point_at_their_names(corpus_kb):
    texts = texts_of(CORPUS)
    people = persons(corpus_kb["records"])
    assert people
    for p in people:
        assert p["name"] in p["aliases"], p
        for s in p["sources"]:
            surface = texts[s["doc"]][s["start"]:s["end"]]
            # A bare surname two people share ("Japarov") is withheld from aliases by design.
            assert surface in p["aliases"] or surface == p["name"].split()[-1], (surface, s, p)


def test_corpus_people_are_resolved_across_articles(corpus_kb):
    by_name = {p["name"]: p for p in persons(corpus_kb["records"])}
    mirziyoyev = by_name["Shavkat Mirziyoyev"]
    assert mirziyoyev["country"] == "UZB"
    assert "President" in (mirziyoyev["role"] or "")
    assert "Mirziyoyev" in mirziyoyev["aliases"]
    # He is in the council article and both Turkey visit articles: one record, many sources.
    assert {s["doc"] for s in mirziyoyev["sources"]} >= {
        "kaz-uzb-council.txt", "uzb-tur-visit-announced.txt", "uzb-tur-visit-report.txt"}
    assert sum(1 for p in persons(corpus_kb["records"]) if "Mirziyoyev" in p["name"]) == 1


def test_corpus_export_validates_with_the_shared_scorer(corpus_kb, score_script):
    proc = validate_export(score_script, corpus_kb["out"], CORPUS)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert proc.stdout.strip().splitlines()[-1] == "valid", proc.stdout


def test_scorer_catches_a_broken_export(corpus_kb, score_script, tmp_path):
    """The validation step above can fail: a record without sources is a problem."""
    records = corpus_kb["records"]
    broken = [dict(r, sources=[]) if r["kind"] == "event" else r for r in records]
    path = tmp_path / "broken.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in broken), encoding="utf-8")
    proc = validate_export(score_script, path, CORPUS)
    n_events = sum(r["kind"] == "event" for r in records)
    assert proc.returncode == 1
    assert f"{n_events} problems" in proc.stdout


# ---------------------------------------------------------------------------- stable ids


def test_export_twice_gives_identical_output(corpus_kb, tmp_path):
    again = tmp_path / "again.jsonl"
    assert run_cli("export", "--format", "facts", "-o", again, db=corpus_kb["db"]).exit_code == 0
    assert again.read_bytes() == corpus_kb["out"].read_bytes()


def test_two_fresh_databases_give_identical_exports(corpus_kb, kb_url, tmp_path):
    """Across backends too: SQLite and PostgreSQL bases of the same articles export byte for byte alike."""
    res, records = ingest_and_export(kb_url, tmp_path / "other.jsonl", CORPUS)
    assert res.exit_code == 0, res
    assert (tmp_path / "other.jsonl").read_bytes() == corpus_kb["out"].read_bytes()


def test_ids_do_not_depend_on_ingestion_order(corpus_kb, tmp_path):
    """Ingesting the files one by one, in reverse order, gives the same records and ids."""
    db = corpus_kb["dbs"].new("reverse")
    for name in sorted((p.name for p in CORPUS.glob("*.txt")), reverse=True):
        assert run_cli("ingest", CORPUS / name, db=db).exit_code == 0
    out = tmp_path / "reverse.jsonl"
    assert run_cli("export", "-o", out, db=db).exit_code == 0
    assert sorted(r["id"] for r in read_jsonl(out)) == sorted(r["id"] for r in corpus_kb["records"])


# ---------------------------------------------------------------------------- CSV


def test_csv_export_writes_one_file_per_kind_with_headers(corpus_kb, tmp_path):
    folder = tmp_path / "csv"
    res = run_cli("export", "--format", "csv", "-o", folder, db=corpus_kb["db"])
    assert res.exit_code == 0, res
    assert sorted(p.name for p in folder.iterdir()) == sorted(CSV_FILES.values())
    counts = Counter(r["kind"] for r in corpus_kb["records"])
    by_id = {r["id"]: r for r in corpus_kb["records"]}
    for kind, name in CSV_FILES.items():
        with open(folder / name, newline="", encoding="utf-8") as fh:
            rows = list(csv.reader(fh))
        header, body = rows[0], rows[1:]
        assert header[0] == "id" and header[-1] == "sources", header
        for field in SPEC_FIELDS[kind]:
            assert field in header, (kind, field)
        assert len(body) == counts[kind], kind
        for row in body:
            assert len(row) == len(header)
            rec = by_id[row[0]]
            assert rec["kind"] == kind
            assert json.loads(row[-1] or "[]") == rec["sources"]
    assert f"wrote {sum(counts.values())} rows" in res.stderr


def test_csv_cells_encode_lists_as_json(corpus_kb, tmp_path):
    folder = tmp_path / "csv"
    assert run_cli("export", "--format", "csv", "-o", folder, db=corpus_kb["db"]).exit_code == 0
    with open(folder / "entities.csv", newline="", encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    mirziyoyev = next(r for r in rows if r["name"] == "Shavkat Mirziyoyev")
    assert "Mirziyoyev" in json.loads(mirziyoyev["aliases"])
    assert mirziyoyev["country"] == "UZB"
    unknown_country = next(r for r in rows if r["entity_type"] == "place" and r["country"] == "")
    assert unknown_country["role"] == ""  # None is an empty cell, not "None"


# ---------------------------------------------------------------------------- seeds


def test_seed_export_records_are_well_formed(seeds_kb):
    check_records(seeds_kb["records"], texts_of(seeds_kb["docs"]))


def test_seed_export_validates_with_the_shared_scorer(seeds_kb, score_script):
    proc = validate_export(score_script, seeds_kb["out"], seeds_kb["docs"])
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert proc.stdout.strip().splitlines()[-1] == "valid", proc.stdout


def test_seed_documents_have_partial_and_full_dates(seeds_kb):
    docs = documents(seeds_kb["records"])
    assert docs["000_361913b51f793527.txt"]["published"] == "2024-03"
    assert docs["002_cab6d836a093aee8.txt"]["published"] == "2025-10-22"
    assert docs["001_1dc334685350b7fb.txt"]["title"] is None


def test_seed_people_tokayev_and_bayel(seeds_kb):
    by_name = {p["name"]: p for p in persons(seeds_kb["records"])}
    tokayev = by_name.get("Kassym-Jomart Tokayev")
    assert tokayev, sorted(by_name)
    assert tokayev["country"] == "KAZ"
    assert "President" in (tokayev["role"] or "")
    assert "Tokayev" in tokayev["aliases"]
    bayel = by_name.get("Alim Bayel")
    assert bayel, sorted(by_name)
    assert bayel["country"] == "KAZ"
    assert "Ambassador" in (bayel["role"] or "")
    # One record per person, however many articles and surface forms.
    assert sum("Tokayev" in p["name"] for p in persons(seeds_kb["records"])) == 1
    assert len({s["doc"] for s in tokayev["sources"]}) >= 2
