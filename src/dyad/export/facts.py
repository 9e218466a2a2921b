"""The facts-v1 export (JSON Lines) and its CSV flavour (one file per kind)."""

from __future__ import annotations

import csv
import json
from collections.abc import Iterator
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from dyad.store.models import RECORD_MODELS, Document, RecordAlias
from dyad.store.records import FIELDS, KIND_ORDER, document_record, record_json


def iter_facts(session: Session, kinds: list[str] | None = None,
               countries: list[str] | None = None) -> Iterator[dict]:
    """Every record of the knowledge base in a stable order (documents first); with
    ``countries``, only records involving all of them and the documents they come from."""
    kinds = kinds or ["document", *KIND_ORDER]
    if "document" in kinds:
        q = select(Document).order_by(Document.doc_id)
        if countries:
            from dyad.store.queries import _documents_with_country

            q = q.where(*(Document.id.in_(_documents_with_country(c)) for c in countries))
        for doc in session.scalars(q):
            yield document_record(doc)
    former: dict[str, list[str]] = {}
    for old_id, rid in session.execute(select(RecordAlias.old_id, RecordAlias.record_id)):
        former.setdefault(rid, []).append(old_id)
    for kind in KIND_ORDER:
        if kind not in kinds:
            continue
        model = RECORD_MODELS[kind]
        q = select(model.id, model.data, model.confidence).order_by(model.id)
        if countries:
            q = q.where(*(model.countries.like(f"%|{c}|%") for c in countries))
        for rid, data, conf in session.execute(q):
            yield record_json(kind, rid, data, conf, former.get(rid))


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
