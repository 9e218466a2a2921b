"""Read queries shared by the CLI, the API and the web pages."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import date
from itertools import combinations

from sqlalchemy import ColumnElement, Select, Text, and_, cast, func, or_, select, union
from sqlalchemy.orm import Session

from dyad.store.models import RECORD_MODELS, Document, Entity, Evidence, Mention, Quote
from dyad.store.records import document_record, record_json


def kb_stats(session: Session) -> dict:
    kinds = {"document": session.scalar(select(func.count(Document.id))) or 0}
    for kind, model in RECORD_MODELS.items():
        kinds[kind] = session.scalar(select(func.count()).select_from(model)) or 0
    pairs: dict[str, dict[str, int]] = {}
    for kind, model in RECORD_MODELS.items():
        if kind == "entity":
            continue
        for (countries,) in session.execute(select(model.countries)):
            codes = [c for c in (countries or "").split("|") if c]
            for a, b in combinations(sorted(codes), 2):
                pairs.setdefault(f"{a}-{b}", {}).setdefault(kind, 0)
                pairs[f"{a}-{b}"][kind] += 1
    ordered = dict(sorted(pairs.items(), key=lambda kv: -sum(kv[1].values())))
    return {"kinds": kinds, "pairs": ordered}


# ---- listing and lookup for the API and the web pages ---------------------------------------------------

# URL segment (plural, as in /api/events) -> record kind (facts-v1 `kind`).
PLURALS: dict[str, str] = {"documents": "document", "entities": "entity", "events": "event",
                           "agreements": "agreement", "projects": "project", "metrics": "metric",
                           "quotes": "quote"}
KINDS = list(PLURALS.values())
# Sorts after every digit and "-", so "2024-03" + HIGH is the last instant of March 2024 in string order.
HIGH = "~"


@dataclass
class Filters:
    """The filters shared by every list endpoint; already validated by the caller."""

    countries: list[str] = field(default_factory=list)
    date_from: str | None = None
    date_to: str | None = None
    type: str | None = None
    q: str | None = None
    limit: int = 100
    offset: int = 0


def _like_country(column: ColumnElement[str], code: str) -> ColumnElement[bool]:
    # Countries are stored as "|AZE|KAZ|" precisely so this works on SQLite and PostgreSQL alike.
    return column.like(f"%|{code}|%")


def _date_clauses(column: ColumnElement[str | None], f: Filters) -> list[ColumnElement[bool]]:
    """Partial dates are periods: a record dated "2024" overlaps from=2024-03, and to=2024-03 keeps
    "2024-03-31". Comparing strings works because ISO dates sort like the times they name."""
    out: list[ColumnElement[bool]] = []
    if f.date_from:
        out.append(column.is_not(None))
        out.append(func.coalesce(column, "") + HIGH >= f.date_from)
    if f.date_to:
        out.append(column.is_not(None))
        out.append(column <= f.date_to + HIGH)
    return out


def _json_escaped(s: str) -> str:
    """``s`` as it appears inside the stored JSON text (json.dumps escapes non-ASCII as \\uXXXX)."""
    return json.dumps(s)[1:-1]


def _text_clause(columns: list[ColumnElement], q: str) -> ColumnElement[bool]:
    # lower() on both sides: case-insensitive on SQLite and PostgreSQL; autoescape makes % and _ literal.
    # The JSON-escaped needle finds non-ASCII words inside the data column too.
    needles = {q.lower(), _json_escaped(q).lower()}
    return or_(*(func.lower(cast(c, Text)).contains(n, autoescape=True) for c in columns for n in needles))


def _documents_with_country(code: str) -> Select:
    """Ids of documents that are the source of at least one record involving ``code``."""
    parts = []
    for kind, model in RECORD_MODELS.items():
        parts.append(select(Mention.document_id)
                     .join(Evidence, Evidence.mention_id == Mention.id)
                     .join(model, and_(Evidence.record_kind == kind, Evidence.record_id == model.id))
                     .where(_like_country(model.countries, code)))
    sub = union(*parts).subquery()
    return select(sub.c[0])


def list_records(session: Session, kind: str, f: Filters) -> tuple[int, list[dict]]:
    """(total matching, one page of facts-v1 records) for ``kind`` under filters ``f``."""
    if kind == "document":
        return _list_documents(session, f)
    model = RECORD_MODELS[kind]
    where: list[ColumnElement[bool]] = [_like_country(model.countries, c) for c in f.countries]
    where += _date_clauses(model.date_start, f)
    if f.type:
        where.append(model.subtype == f.type)
    if f.q:
        where.append(_text_clause([model.label, model.data], f.q))
    # Plain columns rather than ORM objects, and the total as a window count on the same rows: one
    # query instead of two and no identity-map bookkeeping (this is the API's hot path).
    rows = session.execute(select(model.id, model.data, model.confidence, func.count().over())
                           .where(*where)
                           .order_by(model.date_start.is_(None), model.date_start, model.id)
                           .limit(f.limit).offset(f.offset)).all()
    if rows:
        total = rows[0][3]
    else:  # an offset past the end returns no row to carry the total
        total = session.scalar(select(func.count()).select_from(model).where(*where)) or 0
    return total, [record_json(kind, rid, data, conf) for rid, data, conf, _ in rows]


def _list_documents(session: Session, f: Filters) -> tuple[int, list[dict]]:
    where: list[ColumnElement[bool]] = [Document.id.in_(_documents_with_country(c)) for c in f.countries]
    where += _date_clauses(Document.published, f)
    if f.q:
        where.append(_text_clause([Document.doc_id, Document.title, Document.source, Document.url,
                                   Document.text], f.q))
    total = session.scalar(select(func.count(Document.id)).where(*where)) or 0
    rows = session.scalars(select(Document).where(*where)
                           .order_by(Document.published.is_(None), Document.published, Document.doc_id)
                           .limit(f.limit).offset(f.offset))
    return total, [document_record(d) for d in rows]


def get_record(session: Session, kind: str, rid: str) -> dict | None:
    """One facts-v1 record by id (a document by its doc_id), or None."""
    if kind == "document":
        doc = session.scalar(select(Document).where(Document.doc_id == rid))
        return document_record(doc) if doc else None
    row = session.get(RECORD_MODELS[kind], rid)
    return record_json(kind, row.id, row.data, row.confidence) if row else None


def get_document(session: Session, doc_id: str) -> Document | None:
    return session.scalar(select(Document).where(Document.doc_id == doc_id))


def facts_in_document(session: Session, doc: Document) -> list[dict]:
    """Every resolved record with evidence in ``doc``, each with only the sources inside it."""
    out: list[dict] = []
    for kind, model in RECORD_MODELS.items():
        ids = (select(Evidence.record_id).join(Mention, Evidence.mention_id == Mention.id)
               .where(Evidence.record_kind == kind, Mention.document_id == doc.id))
        for row in session.scalars(select(model).where(model.id.in_(ids)).order_by(model.id)):
            rec = record_json(kind, row.id, row.data, row.confidence)
            rec["sources"] = [s for s in rec["sources"] if s.get("doc") == doc.doc_id]
            if rec["sources"]:
                out.append(rec)
    return out


def documents_by_id(session: Session, doc_ids: set[str]) -> dict[str, dict]:
    if not doc_ids:
        return {}
    rows = session.scalars(select(Document).where(Document.doc_id.in_(sorted(doc_ids))))
    return {d.doc_id: document_record(d) for d in rows}


# ---- the dyad (country pair) view ---------------------------------------------------------------------

def _pair_rows(session: Session, kind: str, a: str, b: str) -> list[dict]:
    model = RECORD_MODELS[kind]
    both = and_(_like_country(model.countries, a), _like_country(model.countries, b))
    rows = session.scalars(select(model).where(both)
                           .order_by(model.date_start.is_(None), model.date_start, model.id))
    return [record_json(kind, r.id, r.data, r.confidence) for r in rows]


def _norm_subject(s: str | None) -> str:
    return " ".join((s or "").lower().split())


def is_overdue(target: dict, observations: list[dict], today: str) -> bool:
    """A target is overdue when its whole deadline period is past and no observation of the same
    subject and unit has reached its value. Subjects match loosely ("trade" ~ "bilateral trade")
    because articles rarely name a quantity the same way twice."""
    deadline = target.get("deadline")
    if not deadline or deadline + HIGH >= today:
        return False
    subject, unit, value = _norm_subject(target.get("subject")), target.get("unit"), target.get("value")
    for obs in observations:
        other = _norm_subject(obs.get("subject"))
        same = subject and other and (subject in other or other in subject)
        if same and obs.get("unit") == unit and value is not None and (obs.get("value") or 0) >= value:
            return False
    return True


def pair_quotes(session: Session, a: str, b: str, pair_docs: set[str]) -> list[dict]:
    """Quotes about the pair. Quote records often carry no countries, so a quote also counts when it
    comes from an article about the pair and its speaker belongs to one of the two countries."""
    quotes = _pair_rows(session, "quote", a, b)
    seen = {q["id"] for q in quotes}
    people = {row.label: row.data.get("country") for row in
              session.scalars(select(Entity).where(Entity.subtype == "person"))}
    for row in session.scalars(select(Quote).order_by(Quote.date_start, Quote.id)):
        if row.id in seen:
            continue
        docs = {s.get("doc") for s in row.data.get("sources") or []}
        if docs & pair_docs and people.get(row.data.get("speaker")) in (a, b):
            quotes.append(record_json("quote", row.id, row.data, row.confidence))
    return quotes


def dyad_view(session: Session, a: str, b: str, today: str | None = None) -> dict:
    """Everything the dyad page and the brief show about countries ``a`` and ``b``."""
    today = today or date.today().isoformat()
    events = _pair_rows(session, "event", a, b)
    agreements = _pair_rows(session, "agreement", a, b)
    projects = _pair_rows(session, "project", a, b)
    metrics = _pair_rows(session, "metric", a, b)
    pair_docs = {s["doc"] for recs in (events, agreements, projects, metrics) for r in recs
                 for s in r["sources"]}
    quotes = pair_quotes(session, a, b, pair_docs)
    observations = [m for m in metrics if m.get("metric_type") == "observation"]
    targets = []
    for m in metrics:
        if m.get("metric_type") == "target":
            targets.append({**m, "overdue": is_overdue(m, observations, today)})
    by_sector: dict[str, list[dict]] = {}
    for ag in agreements:
        for sector in ag.get("sectors") or ["other"]:
            by_sector.setdefault(sector, []).append(ag)
    by_sector = dict(sorted(by_sector.items(), key=lambda kv: (-len(kv[1]), kv[0])))
    all_docs = pair_docs | {s["doc"] for q in quotes for s in q["sources"]}
    documents = sorted(documents_by_id(session, all_docs).values(),
                       key=lambda d: (d.get("published") or "", d["id"]))
    return {"a": a, "b": b, "today": today, "events": events, "agreements": agreements,
            "agreements_by_sector": by_sector, "projects": projects, "targets": targets,
            "observations": observations, "quotes": quotes, "documents": documents,
            "counts": {"event": len(events), "agreement": len(agreements), "project": len(projects),
                       "metric": len(metrics), "quote": len(quotes), "document": len(documents)}}


def entity_view(session: Session, rid: str) -> dict | None:
    """An entity and the records that name it (as participant, signatory, speaker or source of a figure)."""
    row = session.get(Entity, rid)
    if row is None:
        return None
    ent = record_json("entity", row.id, row.data, row.confidence)
    names = set(ent.get("aliases") or []) | {ent.get("name")}
    related: dict[str, list[dict]] = {}
    if ent.get("entity_type") == "person":
        checks = {"event": "participants", "agreement": "signatories", "quote": "speaker",
                  "metric": "stated_by"}
        for kind, fld in checks.items():
            model = RECORD_MODELS[kind]
            # Narrow with LIKE on the JSON text first, then check the field exactly in Python.
            data = cast(model.data, Text)
            like = or_(*(data.contains(_json_escaped(n), autoescape=True) for n in names if n))
            for r in session.scalars(select(model).where(like).order_by(model.date_start, model.id)):
                val = r.data.get(fld)
                vals = val if isinstance(val, list) else [val]
                if names & set(vals):
                    related.setdefault(kind, []).append(record_json(kind, r.id, r.data, r.confidence))
    elif ent.get("entity_type") == "country" and ent.get("country"):
        pairs = [p for p in kb_stats(session)["pairs"] if ent["country"] in p.split("-")]
        ent["pairs"] = pairs
    return {"entity": ent, "related": related}


def search_all(session: Session, q: str, limit: int = 20) -> dict[str, dict]:
    """Per kind: total hits and the first ``limit`` records matching ``q``."""
    out: dict[str, dict] = {}
    for kind in KINDS:
        total, items = list_records(session, kind, Filters(q=q, limit=limit))
        out[kind] = {"total": total, "items": items}
    return out
