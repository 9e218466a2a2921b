"""Read queries shared by the CLI, the API and the web pages."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import date
from itertools import combinations

from sqlalchemy import ColumnElement, Select, Text, and_, cast, func, literal_column, or_, select, union
from sqlalchemy.orm import Session

from dyad.store.models import RECORD_MODELS, Document, Entity, Evidence, Mention
from dyad.store.records import document_record, record_json
from dyad.store.search import ranked


def kb_stats(session: Session, country: str | None = None) -> dict:
    """Counts per kind, per country pair, and the multilateral projects per member country
    (a project of three or more countries is not exploded into pairs). With ``country``, only
    the pairs of that country."""
    kinds = {"document": session.scalar(select(func.count(Document.id))) or 0}
    for kind, model in RECORD_MODELS.items():
        kinds[kind] = session.scalar(select(func.count()).select_from(model)) or 0
    pairs: dict[str, dict[str, int]] = {}
    multilateral: dict[str, int] = {}
    for kind, model in RECORD_MODELS.items():
        if kind == "entity":
            continue
        # Grouped in SQL: there are far fewer distinct country sets than records.
        q = select(model.countries, func.count()).group_by(model.countries)
        if country:
            q = q.where(_like_country(model.countries, country))
        for countries, n in session.execute(q):
            codes = sorted({c for c in (countries or "").split("|") if c})
            if kind == "project" and len(codes) > 2:
                for c in codes:
                    multilateral[c] = multilateral.get(c, 0) + n
                continue
            for a, b in combinations(codes, 2):
                if country and country not in (a, b):
                    continue
                pairs.setdefault(f"{a}-{b}", {}).setdefault(kind, 0)
                pairs[f"{a}-{b}"][kind] += n
    ordered = dict(sorted(pairs.items(), key=lambda kv: (-sum(kv[1].values()), kv[0])))
    return {"kinds": kinds, "pairs": ordered, "multilateral_projects": dict(sorted(multilateral.items()))}


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
    min_confidence: float | None = None  # records dyad is less sure of are left out (documents: ignored)


def _like_country(column: ColumnElement[str], code: str) -> ColumnElement[bool]:
    # Countries are stored as "|AZE|KAZ|" precisely so this works on SQLite and PostgreSQL alike.
    return column.like(f"%|{code}|%")


def _with_countries(session: Session, model: type, codes: list[str]) -> ColumnElement[bool]:
    """Records whose countries include every one of ``codes``. On SQLite the match runs over the
    countries index alone (rowids out of a covering-index scan), not over rows carrying their
    JSON: three times faster on a big base."""
    both = and_(*(_like_country(model.countries, c) for c in codes))
    if session.get_bind().dialect.name != "sqlite":
        return both
    rowid = literal_column(f"{model.__tablename__}.rowid")
    return rowid.in_(select(rowid).select_from(model.__table__).where(both))


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
    # One country matches many records: the walk down the date index finds a page at once. Two or
    # more match few: their rowids come faster out of the countries index.
    where: list[ColumnElement[bool]] = [_with_countries(session, model, list(f.countries))] \
        if len(f.countries) > 1 else [_like_country(model.countries, c) for c in f.countries]
    where += _date_clauses(model.date_start, f)
    if f.type:
        where.append(model.subtype == f.type)
    if f.min_confidence is not None:
        where.append(model.confidence >= f.min_confidence)
    if f.q:
        # Full-text search (store/search.py): ranked, best first; text values only, never keys.
        hits = ranked(session, f.q, kind)
        if hits is None:
            return 0, []
        sub = hits.subquery()
        stmt = select(model.id, func.count().over()).join(sub, sub.c.record_id == model.id)
        page = session.execute(stmt.where(*where).order_by(sub.c.rank, model.id)
                               .limit(f.limit).offset(f.offset)).all()
        if page:
            total = page[0][1]
        else:  # an offset past the end returns no row to carry the total
            total = session.scalar(select(func.count()).select_from(stmt.where(*where).subquery())) or 0
        ids = [rid for rid, _ in page]
    else:
        total, ids = _page_by_date(session, model, where, f.limit, f.offset)
    found = {rid: (data, conf) for rid, data, conf in
             session.execute(select(model.id, model.data, model.confidence).where(model.id.in_(ids)))} if ids else {}
    return total, [record_json(kind, rid, *found[rid]) for rid in ids if rid in found]


def _page_by_date(session: Session, model: type, where: list[ColumnElement[bool]], limit: int,
                  offset: int) -> tuple[int, list[str]]:
    """(total, the page's ids) in date order, undated records last. This is the API's hot path, so
    each step walks the (date_start, id) index: the dated records in index order, then as many
    undated ones as the page still has room for; never a sort of every record."""
    total = session.scalar(select(func.count()).select_from(model).where(*where)) or 0
    dated = session.scalars(select(model.id).where(*where, model.date_start.is_not(None))
                            .order_by(model.date_start, model.id).limit(limit).offset(offset)).all()
    ids = list(dated)
    if len(ids) < limit:
        n_dated = len(ids) + offset if ids else session.scalar(
            select(func.count()).select_from(model).where(*where, model.date_start.is_not(None))) or 0
        undated = session.scalars(select(model.id).where(*where, model.date_start.is_(None)).order_by(model.id)
                                  .limit(limit - len(ids)).offset(max(0, offset - n_dated))).all()
        ids.extend(undated)
    return total, ids


def _list_documents(session: Session, f: Filters) -> tuple[int, list[dict]]:
    where: list[ColumnElement[bool]] = [Document.id.in_(_documents_with_country(c)) for c in f.countries]
    where += _date_clauses(Document.published, f)
    order: list[ColumnElement] = [Document.published.is_(None), Document.published, Document.doc_id]
    stmt = select(Document)
    count = select(func.count(Document.id))
    if f.q:
        hits = ranked(session, f.q, "document")
        if hits is None:
            return 0, []
        sub = hits.subquery()
        stmt = stmt.join(sub, sub.c.record_id == Document.doc_id)
        count = count.join(sub, sub.c.record_id == Document.doc_id)
        order = [sub.c.rank, Document.doc_id]
    total = session.scalar(count.where(*where)) or 0
    rows = session.scalars(stmt.where(*where).order_by(*order).limit(f.limit).offset(f.offset))
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

@dataclass
class PairFilters:
    """The pair page's filters (all optional; already validated by the caller)."""

    date_from: str | None = None
    date_to: str | None = None
    kinds: list[str] = field(default_factory=list)  # empty: every kind
    type: str | None = None  # event_type / instrument / project_type / metric_type
    status: str | None = None
    source: str | None = None  # a document's source (publisher), exact
    min_confidence: float | None = None

    def active(self) -> bool:
        return any([self.date_from, self.date_to, self.kinds, self.type, self.status, self.source,
                    self.min_confidence is not None])


TYPE_KEYS = {"event": "event_type", "agreement": "instrument", "project": "project_type",
             "metric": "metric_type"}
PAIR_KINDS = ["event", "agreement", "project", "metric", "quote"]


def _record_dates(kind: str, rec: dict) -> tuple[str | None, str | None]:
    if kind == "event":
        return rec.get("start"), rec.get("end")
    if kind == "project":
        dates = sorted(m["date"] for m in rec.get("milestones") or [] if m.get("date"))
        return (dates[0], dates[-1]) if dates else (None, None)
    d = rec.get({"agreement": "signed", "metric": "as_of", "quote": "date"}[kind])
    return d, None


def _passes(kind: str, rec: dict, f: PairFilters, doc_source: dict[str, str | None]) -> bool:
    if f.kinds and kind not in f.kinds:
        return False
    if f.type and rec.get(TYPE_KEYS.get(kind, "")) != f.type:
        return False
    if f.status and rec.get("status") != f.status:
        return False
    if f.source and not any(doc_source.get(s["doc"]) == f.source for s in rec["sources"]):
        return False
    # Records without a confidence score (the current resolver gives none) are kept.
    if f.min_confidence is not None and rec.get("confidence") is not None and rec["confidence"] < f.min_confidence:
        return False
    if f.date_from or f.date_to:
        lo, hi = _record_dates(kind, rec)
        if lo is None:
            return False
        hi = hi or lo
        if f.date_from and hi + HIGH < f.date_from:
            return False
        if f.date_to and lo > f.date_to + HIGH:
            return False
    return True


def _pair_rows(session: Session, kind: str, a: str, b: str) -> list[dict]:
    model = RECORD_MODELS[kind]
    both = _with_countries(session, model, [a, b])
    rows = session.execute(select(model.id, model.data, model.confidence, model.countries).where(both)
                           .order_by(model.date_start.is_(None), model.date_start, model.id))
    out = []
    for rid, data, conf, countries in rows:
        if kind == "project" and len({c for c in countries.split("|") if c}) > 2:
            continue  # multilateral: listed apart, see dyad_view
        out.append(record_json(kind, rid, data, conf))
    return out


def multilateral_projects(session: Session, codes: list[str]) -> list[dict]:
    """Projects of three or more countries that include every one of ``codes``."""
    model = RECORD_MODELS["project"]
    rows = session.execute(select(model.id, model.data, model.confidence, model.countries)
                           .where(_with_countries(session, model, codes))
                           .order_by(model.label, model.id))
    return [record_json("project", rid, data, conf) for rid, data, conf, countries in rows
            if len({c for c in countries.split("|") if c}) > 2]


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


def is_past_planned(event: dict, today: str) -> bool:
    """A planned event whose whole date period is past: it happened unreported, slipped or was dropped."""
    last = event.get("end") or event.get("start")
    return event.get("status") == "planned" and bool(last) and last + HIGH < today


def pair_quotes(session: Session, a: str, b: str, pair_docs: set[str] | None = None) -> list[dict]:
    """Quotes about the pair: those whose article and event are about it (store/relevance.py
    stores that pair in the quote's countries when resolution runs)."""
    return _pair_rows(session, "quote", a, b)


def dyad_view(session: Session, a: str, b: str, today: str | None = None,
              filters: PairFilters | None = None) -> dict:
    """Everything the dyad page and the brief show about countries ``a`` and ``b``."""
    today = today or date.today().isoformat()
    f = filters or PairFilters()
    raw = {kind: _pair_rows(session, kind, a, b) for kind in PAIR_KINDS}
    all_docs = {s["doc"] for recs in raw.values() for r in recs for s in r["sources"]}
    docs = documents_by_id(session, all_docs)
    doc_source = {d: rec.get("source") for d, rec in docs.items()}
    sources = sorted({s for s in doc_source.values() if s})
    years = sorted({(_record_dates(k, r)[0] or "")[:4] for k, recs in raw.items() for r in recs} - {""})
    picked = {kind: [r for r in recs if _passes(kind, r, f, doc_source)] for kind, recs in raw.items()}
    events, agreements, projects = picked["event"], picked["agreement"], picked["project"]
    metrics, quotes = picked["metric"], picked["quote"]
    for e in events:
        e["past_planned"] = is_past_planned(e, today)
    observations = [m for m in metrics if m.get("metric_type") == "observation"]
    all_obs = [m for m in raw["metric"] if m.get("metric_type") == "observation"]
    targets = []
    for m in metrics:
        if m.get("metric_type") == "target":
            targets.append({**m, "overdue": is_overdue(m, all_obs, today)})
    by_sector: dict[str, list[dict]] = {}
    for ag in agreements:
        for sector in ag.get("sectors") or ["other"]:
            by_sector.setdefault(sector, []).append(ag)
    by_sector = dict(sorted(by_sector.items(), key=lambda kv: (-len(kv[1]), kv[0])))
    shown_docs = {s["doc"] for recs in picked.values() for r in recs for s in r["sources"]}
    documents = sorted((docs[d] for d in shown_docs if d in docs and (not f.source or doc_source[d] == f.source)),
                       key=lambda d: (d.get("published") or "", d["id"]))
    multilateral = multilateral_projects(session, [a, b]) if not f.kinds or "project" in f.kinds else []
    return {"a": a, "b": b, "today": today, "events": events, "agreements": agreements,
            "agreements_by_sector": by_sector, "projects": projects, "targets": targets,
            "observations": observations, "quotes": quotes, "documents": documents,
            "multilateral_projects": multilateral,
            "facets": {"sources": sources, "years": years},
            "counts": {"event": len(events), "agreement": len(agreements), "project": len(projects),
                       "metric": len(metrics), "quote": len(quotes), "document": len(documents)},
            "total_counts": {k: len(v) for k, v in raw.items()}}


RELATED_MAX = 100


def entity_view(session: Session, rid: str) -> dict | None:
    """An entity and the records that name it (as participant, signatory, speaker or source of a figure)."""
    row = session.get(Entity, rid)
    if row is None:
        return None
    ent = record_json("entity", row.id, row.data, row.confidence)
    names = set(ent.get("aliases") or []) | {ent.get("name")}
    related: dict[str, list[dict]] = {}
    totals: dict[str, int] = {}
    if ent.get("entity_type") == "person":
        checks = {"event": "participants", "agreement": "signatories", "quote": "speaker",
                  "metric": "stated_by"}
        for kind, fld in checks.items():
            model = RECORD_MODELS[kind]
            # Narrow with the full-text index first (a name's words), then check the field exactly.
            cand: set[str] = set()
            for n in names:
                hits = ranked(session, n, kind) if n else None
                if hits is not None:
                    cand.update(session.scalars(select(hits.subquery().c.record_id)))
            if not cand:
                continue
            found: list[dict] = []
            for rid, rdata, conf in session.execute(
                    select(model.id, model.data, model.confidence).where(model.id.in_(sorted(cand)))
                    .order_by(model.date_start.is_(None), model.date_start.desc(), model.id)):
                val = rdata.get(fld)
                vals = val if isinstance(val, list) else [val]
                if names & set(vals):
                    found.append(record_json(kind, rid, rdata, conf))
            if found:
                # The latest RELATED_MAX per kind, shown oldest first; the total is kept.
                related[kind] = found[:RELATED_MAX][::-1]
                totals[kind] = len(found)
    elif ent.get("entity_type") == "country" and ent.get("country"):
        pairs = list(kb_stats(session, ent["country"])["pairs"])
        ent["pairs"] = pairs
    return {"entity": ent, "related": related, "related_totals": totals}


def search_all(session: Session, q: str, limit: int = 20) -> dict[str, dict]:
    """Per kind: total hits and the first ``limit`` records matching ``q``."""
    out: dict[str, dict] = {}
    for kind in KINDS:
        total, items = list_records(session, kind, Filters(q=q, limit=limit))
        out[kind] = {"total": total, "items": items}
    return out


def search_view(session: Session, q: str, kind: str | None = None, pair: str | None = None,
                year: str | None = None, limit: int = 50, offset: int = 0) -> dict:
    """Ranked full-text hits (records and documents) with facets by kind, pair and year."""
    from dyad.store.search import search

    res = search(session, q, kind=kind, pair=pair, year=year, limit=limit, offset=offset)
    items: list[dict] = []
    for k, rid, rank in res.hits:
        rec = get_record(session, k, rid)
        if rec is not None:
            rec["rank"] = round(-rank, 4)
            items.append(rec)
    return {"q": q, "kind": kind, "pair": pair, "year": year, "total": res.total, "limit": limit,
            "offset": offset, "items": items, "facets": res.facets}


def country_view(session: Session, code: str) -> dict | None:
    """A country's page: its pairs, its multilateral projects and its latest events."""
    pairs = kb_stats(session, code)["pairs"]
    multilateral = multilateral_projects(session, [code])
    if not pairs and not multilateral:
        return None
    model = RECORD_MODELS["event"]
    rows = session.execute(select(model.id, model.data, model.confidence).where(_like_country(model.countries, code))
                           .order_by(model.date_start.is_(None), model.date_start.desc(), model.id).limit(30))
    entity = session.scalar(select(Entity.id).where(Entity.subtype == "country", _like_country(Entity.countries, code)))
    return {"code": code, "pairs": pairs, "multilateral_projects": multilateral, "entity": entity,
            "events": [record_json("event", r, d, c) for r, d, c in rows]}
