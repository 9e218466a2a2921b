"""The facts-v1 export (JSON Lines) and its CSV flavour (one file per kind)."""

from __future__ import annotations

import csv
import json
from collections.abc import Iterator
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from dyad.store.models import RECORD_MODELS, Document

# Field order per kind, as in the spec; internal helper fields are left out.
FIELDS: dict[str, list[str]] = {
    "document": ["title", "url", "published", "source", "sha256", "chars"],
    "entity": ["entity_type", "name", "aliases", "country", "role"],
    "event": ["event_type", "title", "status", "start", "end", "location", "countries", "guest", "host", "level",
              "participants"],
    "agreement": ["title", "instrument", "sectors", "parties", "signed", "status", "event", "signatories", "field",
                  "aliases"],
    "project": ["name", "aliases", "project_type", "countries", "status", "milestones"],
    "metric": ["metric_type", "subject", "value", "unit", "period", "as_of", "deadline", "stated_by", "countries"],
    "quote": ["speaker", "text", "date"],
}
KIND_ORDER = ["entity", "event", "agreement", "project", "metric", "quote"]


def document_record(doc: Document) -> dict:
    return {"kind": "document", "id": doc.doc_id, "title": doc.title, "url": doc.url, "published": doc.published,
            "source": doc.source, "sha256": doc.sha256, "chars": doc.chars, "sources": [], "confidence": None}


def record_json(kind: str, rid: str, data: dict, confidence: float | None = None) -> dict:
    out: dict = {"kind": kind, "id": rid}
    for f in FIELDS[kind]:
        if f in data:
            out[f] = data[f]
        elif f not in ("field", "aliases"):
            out[f] = None
    out["sources"] = data.get("sources") or []
    out["confidence"] = confidence
    return out


def iter_facts(session: Session, kinds: list[str] | None = None) -> Iterator[dict]:
    """Every record of the knowledge base in a stable order (documents first)."""
    kinds = kinds or ["document", *KIND_ORDER]
    if "document" in kinds:
        for doc in session.scalars(select(Document).order_by(Document.doc_id)):
            yield document_record(doc)
    for kind in KIND_ORDER:
        if kind not in kinds:
            continue
        model = RECORD_MODELS[kind]
        for row in session.scalars(select(model).order_by(model.id)):
            yield record_json(kind, row.id, row.data, row.confidence)


def write_jsonl(session: Session, out: Path | None) -> int:
    n = 0
    fh = open(out, "w", encoding="utf-8") if out else None
    try:
        for rec in iter_facts(session):
            line = json.dumps(rec, ensure_ascii=False)
            if fh:
                fh.write(line + "\n")
            else:
                print(line)
            n += 1
    finally:
        if fh:
            fh.close()
    return n


def write_csv(session: Session, folder: Path) -> dict[str, int]:
    """One CSV per kind; lists and objects are JSON-encoded in their cells."""
    folder.mkdir(parents=True, exist_ok=True)
    counts: dict[str, int] = {}
    for kind in ["document", *KIND_ORDER]:
        cols = ["id", *FIELDS[kind], "sources"]
        path = folder / f"{kind}s.csv" if kind != "entity" else folder / "entities.csv"
        with open(path, "w", newline="", encoding="utf-8") as fh:
            w = csv.writer(fh)
            w.writerow(cols)
            n = 0
            for rec in iter_facts(session, [kind]):
                w.writerow([_cell(rec.get(c)) for c in cols])
                n += 1
        counts[kind] = n
    return counts


def _cell(v: object) -> str:
    if v is None:
        return ""
    if isinstance(v, (list, dict)):
        return json.dumps(v, ensure_ascii=False)
    return str(v)
