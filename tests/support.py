"""Helpers shared by the resolution and regression tests (no fixtures here)."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

from dyad.export.facts import iter_facts
from dyad.ingest.service import ingest
from dyad.store.db import open_db

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SEEDS = SHARED / "corpus" / "seeds"
SAMPLE = ROOT / "examples" / "corpus"
SCORER = SHARED / "eval" / "score.py"


def mentions(text: str, kind: str, dct: str | None) -> list[dict]:
    """The fact mentions of one kind the pipeline extracts from ``text`` published on ``dct``."""
    from dyad.nlp.pipeline import extract_facts

    return [f for f in extract_facts(text, dct) if f["kind"] == kind]


def event_mentions(text: str, event_type: str, dct: str | None) -> list[dict]:
    return [f for f in mentions(text, "event", dct) if f["event_type"] == event_type]


def visit_to(text: str, dct: str, host: str) -> dict:
    """The first visit mention to ``host`` in ``text`` (failing with every visit found when there is none)."""
    visits = [v for v in event_mentions(text, "visit", dct) if v["host"] == host]
    assert visits, event_mentions(text, "visit", dct)
    return visits[0]


def build(db: Path | str, inputs: list[str]) -> object:
    """Ingest ``inputs`` into ``db`` (a database URL, or the path of a SQLite file); returns its session factory."""
    factory = open_db(db if isinstance(db, str) else f"sqlite:///{db}")
    report = ingest(inputs, factory)
    assert not report.errors, report.errors
    return factory


def export(factory) -> list[dict]:  # type: ignore[no-untyped-def]
    with factory() as session:
        return list(iter_facts(session))


def write_export(factory, path: Path) -> Path:  # type: ignore[no-untyped-def]
    with open(path, "w", encoding="utf-8") as fh:
        for rec in export(factory):
            fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
    return path


def score(gold: Path, pred: Path, docs: Path) -> dict[str, float]:
    out = subprocess.run([sys.executable, str(SCORER), "--gold", str(gold), "--pred", str(pred), "--docs", str(docs)],
                         capture_output=True, text=True, check=True).stdout
    m = re.search(r"fact F1 ([\d.]+) \(P ([\d.]+) R ([\d.]+)\), attribute accuracy ([\d.]+)", out)
    assert m, out
    merges = re.search(r"merges (\d+)/(\d+), false merges (\d+)/(\d+)", out)
    # the attributes right, summed over the kinds' rows ("person 53 62 50 0.94 0.94 0.94 1 76/114")
    right = sum(int(r) for r in re.findall(r"^(?:event|agreement|project|metric|quote|person)\s.*\s(\d+)/\d+$", out,
                                          re.M))
    return {"f1": float(m.group(1)), "precision": float(m.group(2)), "recall": float(m.group(3)),
            "attributes": float(m.group(4)), "attributes_right": right, "merges": int(merges.group(1)),
            "merges_total": int(merges.group(2)), "false_merges": int(merges.group(3)),
            "report": out}  # type: ignore[dict-item]


def without_history(records: list[dict]) -> list[str]:
    """Records as canonical strings, ids included, without ``former_ids``: the ids a record had
    before are the history of one base (which reports came first), not a function of its content."""
    return sorted(json.dumps({k: v for k, v in r.items() if k != "former_ids"}, sort_keys=True, ensure_ascii=False)
                  for r in records)


def without_ids(records: list[dict]) -> list[str]:
    """Records as canonical strings with record ids (and references to them) blanked."""
    out = []
    for r in records:
        r = dict(r)
        if r["kind"] != "document":
            r["id"] = None
        if r.get("event"):
            r["event"] = "<event>"
        r.pop("former_ids", None)
        out.append(json.dumps(r, sort_keys=True, ensure_ascii=False))
    return sorted(out)
