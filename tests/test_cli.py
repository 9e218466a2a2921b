"""End-to-end tests of the ``dyad`` command line on the sample corpus: ingest, stats,
export, idempotent re-ingestion, and the errors the CLI reports for bad options."""

from __future__ import annotations

import json
import re
import shutil
from collections import Counter
from pathlib import Path

import pytest
from typer.testing import CliRunner

from conftest import CORPUS, Databases, read_jsonl, run_cli, sqlite_url
from dyad.cli import app

CORPUS_FILES = sorted(p.name for p in CORPUS.glob("*.txt"))


def read_jsonl_from(text: str) -> list[dict]:
    return [json.loads(line) for line in text.splitlines() if line.strip()]


@pytest.fixture(scope="module")
def kb(module_kb_dbs: Databases) -> dict:
    """The sample corpus ingested once through the CLI, and exported (per database backend)."""
    tmp = module_kb_dbs.folder
    db = module_kb_dbs.new()
    ingest = run_cli("ingest", CORPUS, db=db)
    out = tmp / "facts.jsonl"
    export = run_cli("export", "--format", "facts", "-o", out, db=db)
    return {"db": db, "tmp": tmp, "ingest": ingest, "export": export, "out": out}


def test_ingest_sample_corpus_exits_0_and_reports_counts(kb):
    res = kb["ingest"]
    assert res.exit_code == 0, res
    assert res.exception is None
    assert len(CORPUS_FILES) == 6
    assert "added 6, already stored 0, failed 0" in res.stderr
    assert "error" not in res.output.lower()


def test_export_reports_the_number_of_records_written(kb):
    res = kb["export"]
    assert res.exit_code == 0, res
    n = len(read_jsonl(kb["out"]))
    assert f"wrote {n} records to {kb['out']}" in res.stderr
    assert n > 6  # documents plus facts


def test_stats_counts_match_the_export(kb):
    res = run_cli("stats", db=kb["db"])
    assert res.exit_code == 0, res
    counts = Counter(r["kind"] for r in read_jsonl(kb["out"]))
    assert counts["document"] == 6
    for kind in ("document", "entity", "event", "agreement", "project", "metric", "quote"):
        m = re.search(rf"\b{kind}\b\W+(\d+)\b", res.stdout)
        assert m, f"no row for {kind} in stats:\n{res.stdout}"
        assert int(m.group(1)) == counts[kind], kind
    for kind in ("entity", "event", "agreement", "metric"):
        assert counts[kind] > 0, kind


def test_stats_lists_country_pairs_of_the_corpus(kb):
    out = run_cli("stats", db=kb["db"]).stdout
    # The Kazakhstan-Uzbekistan council article and the Uzbekistan-Turkey visit articles.
    for pair in ("KAZ-UZB", "TUR-UZB", "CHN-KGZ", "AZE-GEO", "ARE-IND"):
        assert re.search(rf"\b{pair}\b", out), f"{pair} missing from stats:\n{out}"
    # Pairs are sorted, alpha-3 codes in alphabetical order: never "UZB-KAZ".
    assert "UZB-KAZ" not in out


def test_stats_on_an_empty_database_prints_zero_counts(db_url):
    res = run_cli("stats", db=db_url)
    assert res.exit_code == 0, res
    m = re.search(r"\bdocument\b\W+(\d+)\b", res.stdout)
    assert m and m.group(1) == "0", res.stdout


def test_export_to_stdout_equals_export_to_file(kb):
    res = run_cli("export", "--format", "facts", db=kb["db"])
    assert res.exit_code == 0, res
    assert res.stdout == kb["out"].read_text(encoding="utf-8")


def test_reingest_reports_everything_already_stored_and_keeps_export(tmp_path, kb_url):
    db = kb_url
    first = run_cli("ingest", CORPUS, db=db)
    assert first.exit_code == 0, first
    before = tmp_path / "before.jsonl"
    assert run_cli("export", "-o", before, db=db).exit_code == 0

    again = run_cli("ingest", CORPUS, db=db)
    assert again.exit_code == 0, again
    assert "added 0, already stored 6, failed 0" in again.stderr
    after = tmp_path / "after.jsonl"
    assert run_cli("export", "-o", after, db=db).exit_code == 0
    assert after.read_text(encoding="utf-8") == before.read_text(encoding="utf-8")

    # The same text under another name is recognised by content, not by file name.
    copy = tmp_path / "copy"
    copy.mkdir()
    shutil.copy(CORPUS / "kaz-uzb-council.txt", copy / "renamed.txt")
    third = run_cli("ingest", copy, db=db)
    assert third.exit_code == 0, third
    assert "added 0, already stored 1, failed 0" in third.stderr
    assert run_cli("export", "-o", after, db=db).exit_code == 0
    assert after.read_text(encoding="utf-8") == before.read_text(encoding="utf-8")


def test_db_from_environment_variable(tmp_path):
    db = sqlite_url(tmp_path / "env.db")
    text = tmp_path / "note.txt"
    text.write_text("Kazakhstan and Azerbaijan agreed on Monday to expand ferry traffic across the "
                    "Caspian Sea.\n", encoding="utf-8")
    res = CliRunner().invoke(app, ["ingest", str(text)], env={"DYAD_DB": db, "COLUMNS": "2000"})
    assert res.exit_code == 0, res.output
    assert (tmp_path / "env.db").is_file()
    records = read_jsonl_from(run_cli("export", db=db).stdout)
    assert [r["id"] for r in records if r["kind"] == "document"] == ["note.txt"]


def test_unknown_export_format_is_an_error(kb):
    res = run_cli("export", "--format", "xml", db=kb["db"])
    assert res.exit_code == 2
    assert "unknown --format 'xml'" in res.stderr


def test_csv_export_needs_an_output_folder(kb):
    res = run_cli("export", "--format", "csv", db=kb["db"])
    assert res.exit_code == 2
    assert "needs -o FOLDER" in res.stderr


def test_bad_database_url_is_a_clean_error(tmp_path):
    res = run_cli("stats", db="nosuchdb://x/y")
    assert res.exit_code == 2, res
    assert res.exception is None
    assert "cannot open database" in res.stderr


def test_ingest_exit_code_1_when_an_input_fails_but_others_are_stored(tmp_path):
    db = sqlite_url(tmp_path / "kb.db")
    good = tmp_path / "good.txt"
    good.write_text("Georgia and Armenia signed a memorandum on border crossings in Tbilisi on Monday.\n",
                    encoding="utf-8")
    missing = tmp_path / "nowhere.txt"
    res = run_cli("ingest", good, missing, db=db)
    assert res.exit_code == 1, res
    assert "added 1, already stored 0, failed 1" in res.stderr
    assert f"{missing}: no such file, folder or URL" in res.stderr
    ids = [r["id"] for r in read_jsonl_from(run_cli("export", db=db).stdout) if r["kind"] == "document"]
    assert ids == ["good.txt"]


def test_timex_command_prints_json_lines(tmp_path):
    f = tmp_path / "t.txt"
    f.write_text("The accord was signed on March 11, 2024, in Baku.", encoding="utf-8")
    res = run_cli("timex", f, "--dct", "2024-03-12")
    assert res.exit_code == 0, res
    found = read_jsonl_from(res.stdout)
    assert any(t.get("value") == "2024-03-11" for t in found), found


def test_export_is_stable_across_runs(kb, tmp_path):
    again = tmp_path / "again.jsonl"
    assert run_cli("export", "-o", again, db=kb["db"]).exit_code == 0
    assert again.read_bytes() == Path(kb["out"]).read_bytes()
