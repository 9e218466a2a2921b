"""Full-text search over records and documents.

One ``search_index`` table (migration 0003): an FTS5 virtual table on SQLite, a table with a
generated ``tsvector`` column and a GIN index on PostgreSQL. The same functions query both.

Only text *values* are indexed (a record's label, names, titles, quotes, place names and the
names of its countries), never JSON keys: ``q=status`` must not match every record.

Maintenance: ``reindex_records(session, kind, ids)`` after a resolution changed those records,
``rebuild_search_index(session)`` for everything.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import combinations
from typing import Any

import sqlalchemy as sa
from sqlalchemy import ColumnElement, Select, func, select
from sqlalchemy.orm import Session

from dyad.store.models import RECORD_MODELS, Document

SEARCH = sa.table("search_index", sa.column("kind"), sa.column("record_id"), sa.column("label"),
                  sa.column("body"), sa.column("pairs"), sa.column("year"))
# On SQLite the FTS5 table is found only by its rowid (a lookup by record_id would scan it all, a
# cost that grows with the base): each row's rowid is a hash of (kind, record_id).
SEARCH_ROWS = sa.table("search_index", sa.column("rowid"), sa.column("kind"), sa.column("record_id"),
                       sa.column("label"), sa.column("body"), sa.column("pairs"), sa.column("year"))
# Fields whose values are ids, offsets or our own bookkeeping, not text anyone would search for.
SKIP_FIELDS = {"sources", "event", "corrected", "ref", "event_ref", "link_key", "_tally"}
WORD = re.compile(r"\w+", re.UNICODE)
# bm25 weights per FTS5 column (kind, record_id, label, body, pairs, year): a hit in the label
# (a person's name, an agreement's title) outranks one in the body.
BM25_WEIGHTS = (0.0, 0.0, 10.0, 1.0, 0.0, 0.0)


@lru_cache(maxsize=512)
def _country_name(code: str) -> str:
    import pycountry

    c = pycountry.countries.get(alpha_3=code)
    return (getattr(c, "common_name", None) or getattr(c, "name", None) or "") if c else ""


def text_values(value: Any, key: str | None = None) -> Iterable[str]:
    """Every string (and number) value inside ``value``, skipping id-like fields; keys never."""
    if key in SKIP_FIELDS:
        return
    if isinstance(value, str):
        yield value
    elif isinstance(value, bool) or value is None:
        return
    elif isinstance(value, (int, float)):
        yield str(value)
    elif isinstance(value, dict):
        for k, v in value.items():
            yield from text_values(v, k)
    elif isinstance(value, list):
        for v in value:
            yield from text_values(v, key)


def record_pairs(countries: str | None, kind: str = "") -> list[str]:
    """'|AZE|KAZ|' -> ['AZE-KAZ']. A project of three or more countries is multilateral: it
    belongs to each member's page, not to every pair of them."""
    codes = sorted({c for c in (countries or "").split("|") if c})
    if len(codes) < 2 or (kind == "project" and len(codes) > 2):
        return []
    return [f"{a}-{b}" for a, b in combinations(codes, 2)]


def _row_for(kind: str, rid: str, label: str | None, data: dict, countries: str | None,
             date: str | None) -> dict:
    codes = [c for c in (countries or "").split("|") if c]
    body = " ".join(text_values(data))
    names = " ".join(n for n in (_country_name(c) for c in codes) if n)
    return {"kind": kind, "record_id": rid, "label": label or "", "body": f"{body} {names}".strip(),
            "pairs": " ".join(record_pairs(countries, kind)), "year": (date or "")[:4] or None}


def row_key(kind: str, record_id: str) -> int:
    """The FTS5 rowid of a record's index row: 63 bits of a hash of (kind, id). Two of a million
    rows share one with a probability of about 1e-7; the insert would then fail loudly."""
    digest = hashlib.sha1(f"{kind}\0{record_id}".encode()).digest()
    return int.from_bytes(digest[:8], "big") >> 1


def _is_sqlite(session: Session) -> bool:
    return session.get_bind().dialect.name == "sqlite"


def _delete(session: Session, kind: str, ids: list[str]) -> None:
    sqlite = _is_sqlite(session)
    for i in range(0, len(ids), 500):
        chunk = ids[i:i + 500]
        if sqlite:
            keys = [row_key(kind, rid) for rid in chunk]
            session.execute(sa.delete(SEARCH_ROWS).where(SEARCH_ROWS.c.rowid.in_(keys)))
        else:
            session.execute(sa.delete(SEARCH).where(SEARCH.c.kind == kind, SEARCH.c.record_id.in_(chunk)))


def has_rows(session: Session, kind: str) -> bool:
    """Whether the index holds any row of ``kind``."""
    return session.execute(select(SEARCH.c.record_id).where(SEARCH.c.kind == kind).limit(1)).first() is not None


def _insert(session: Session, rows: list[dict]) -> None:
    if not rows:
        return
    if _is_sqlite(session):
        # Straight to the driver: an FTS5 insert is cheap next to SQLAlchemy's per-row bookkeeping.
        cursor = session.connection().connection.driver_connection.cursor()  # type: ignore[union-attr]
        # In rowid order: FTS5 flushes its pending terms to a new segment whenever a rowid is lower
        # than the last one, so hashed rowids in any other order write a segment per row (3x slower).
        cursor.executemany("INSERT INTO search_index (rowid, kind, record_id, label, body, pairs, year) "
                           "VALUES (?, ?, ?, ?, ?, ?, ?)",
                           sorted((row_key(r["kind"], r["record_id"]), r["kind"], r["record_id"], r["label"],
                                   r["body"], r["pairs"], r["year"]) for r in rows))
    else:
        session.execute(sa.insert(SEARCH), rows)


def reindex_records(session: Session, kind: str, ids: Iterable[str], fresh: bool = False) -> int:
    """Refresh the index rows of records ``ids`` of ``kind`` (removed records lose theirs).
    Call after a resolution changed, created or deleted those records; returns rows written.
    ``fresh``: the index holds no row of these records (nothing to delete first)."""
    ids = sorted(set(ids))
    if not ids:
        return 0
    if not fresh:
        _delete(session, kind, ids)
    rows: list[dict] = []
    if kind == "document":
        for i in range(0, len(ids), 500):
            q = select(Document.doc_id, Document.title, Document.source, Document.text, Document.published) \
                .where(Document.doc_id.in_(ids[i:i + 500]))
            for doc_id, title, source, text, published in session.execute(q):
                rows.append({"kind": "document", "record_id": doc_id, "label": title or doc_id,
                             "body": " ".join(x for x in (source, text) if x),
                             "pairs": "", "year": (published or "")[:4] or None})
    else:
        model = RECORD_MODELS[kind]
        for i in range(0, len(ids), 500):
            q = select(model.id, model.label, model.data, model.countries, model.date_start) \
                .where(model.id.in_(ids[i:i + 500]))
            for rid, label, data, countries, date in session.execute(q):
                rows.append(_row_for(kind, rid, label, data or {}, countries, date))
    if rows:
        _insert(session, rows)
    return len(rows)


def index_written(session: Session, kind: str, records: Iterable[dict], gone: Iterable[str] = (),
                  fresh: bool = False) -> int:
    """Index records just written, from the rows in hand (id, label, data, countries, date_start),
    without reading them back; ``gone``: ids whose rows are removed; ``fresh``: the index holds
    no row of these records. Returns rows written."""
    rows = [_row_for(kind, r["id"], r["label"], r["data"] or {}, r["countries"], r["date_start"]) for r in records]
    if not fresh:
        _delete(session, kind, sorted({r["record_id"] for r in rows} | set(gone)))
    for i in range(0, len(rows), 20000):
        _insert(session, rows[i:i + 20000])
    return len(rows)


def rebuild_search_index(session: Session) -> int:
    """Drop and rebuild every index row (records of all kinds and documents)."""
    session.execute(sa.delete(SEARCH))
    n = reindex_records(session, "document", session.scalars(select(Document.doc_id)), fresh=True)
    for kind, model in RECORD_MODELS.items():
        n += reindex_records(session, kind, session.scalars(select(model.id)), fresh=True)
    return n


# ---- querying ---------------------------------------------------------------------------------------------

def query_terms(q: str) -> list[str]:
    """The words of a query, lower-cased; punctuation and FTS operators are dropped."""
    return [w.lower() for w in WORD.findall(q or "")][:16]


def _match(session: Session, terms: list[str]) -> tuple[ColumnElement[bool], ColumnElement[Any]]:
    """(WHERE clause, rank expression where smaller is better) for ``terms`` (all must occur;
    each as a word prefix so 'Tokay' finds 'Tokayev')."""
    if session.get_bind().dialect.name == "postgresql":
        tsq = func.to_tsquery("simple", " & ".join(f"{t}:*" for t in terms))
        tsv = sa.literal_column("search_index.tsv")
        return tsv.op("@@")(tsq), -func.ts_rank(tsv, tsq)
    fts = " ".join(f'"{t}"*' for t in terms)
    table = sa.literal_column("search_index")
    return table.op("MATCH")(fts), func.bm25(table, *BM25_WEIGHTS)


def ranked(session: Session, q: str, kind: str | None = None) -> Select | None:
    """SELECT kind, record_id, pairs, year, rank of the index rows matching ``q``; None for an
    empty query. Use as a subquery: join on record_id and order by rank."""
    terms = query_terms(q)
    if not terms:
        return None
    where, rank = _match(session, terms)
    stmt = select(SEARCH.c.kind, SEARCH.c.record_id, SEARCH.c.pairs, SEARCH.c.year,
                  rank.label("rank")).select_from(SEARCH).where(where)
    if kind:
        stmt = stmt.where(SEARCH.c.kind == kind)
    return stmt


@dataclass
class SearchResult:
    total: int = 0
    hits: list[tuple[str, str, float]] = field(default_factory=list)  # (kind, id, rank)
    facets: dict[str, dict[str, int]] = field(default_factory=dict)


def search(session: Session, q: str, kind: str | None = None, pair: str | None = None,
           year: str | None = None, limit: int = 50, offset: int = 0) -> SearchResult:
    """Ranked hits of ``q`` with facets by kind, pair and year (facets ignore their own filter
    only for kind, so the kind counts still show where else the query matches)."""
    stmt = ranked(session, q)
    if stmt is None:
        return SearchResult()
    sub = stmt.subquery()
    rows = session.execute(select(sub.c.kind, sub.c.record_id, sub.c.pairs, sub.c.year, sub.c.rank)
                           .order_by(sub.c.rank, sub.c.kind, sub.c.record_id).limit(20000)).all()
    facets: dict[str, dict[str, int]] = {"kind": {}, "pair": {}, "year": {}}
    hits: list[tuple[str, str, float]] = []
    for k, rid, pairs, yr, rank in rows:
        in_pair = not pair or pair in (pairs or "").split()
        in_year = not year or yr == year
        if in_pair and in_year:
            facets["kind"][k] = facets["kind"].get(k, 0) + 1
        if kind and k != kind:
            continue
        if in_year:
            for p in (pairs or "").split():
                facets["pair"][p] = facets["pair"].get(p, 0) + 1
        if in_pair and yr:
            facets["year"][yr] = facets["year"].get(yr, 0) + 1
        if in_pair and in_year:
            hits.append((k, rid, float(rank)))
    facets["pair"] = dict(sorted(facets["pair"].items(), key=lambda kv: (-kv[1], kv[0]))[:20])
    facets["year"] = dict(sorted(facets["year"].items(), reverse=True))
    return SearchResult(total=len(hits), hits=hits[offset:offset + limit], facets=facets)
