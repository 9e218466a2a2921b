"""Resolution units: the mentions a change can affect, found through blocking keys.

``index_mentions`` stores the blocking keys of new mentions; ``expand`` walks the
mention/key graph from some mentions to the whole units they belong to (an analyst's
merge joins the units of the records it merges); ``components`` splits a set of loaded
mentions into its units.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from sqlalchemy import bindparam, insert, select, update
from sqlalchemy.orm import Session

from dyad import jsontext
from dyad.iterate import batched
from dyad.resolve.base import M, UnionFind
from dyad.resolve.blocks import blocking_keys
from dyad.store.db import driver_rows
from dyad.store.models import Correction, Document, Mention, MentionKey

CHUNK = 900  # bound the size of IN (...) lists for every engine


def chunks(items: Iterable, size: int = CHUNK) -> Iterator[list]:
    return batched(items, size)


def index_mentions(session: Session, mention_ids: Iterable[int]) -> None:
    """Compute and store the blocking keys of mentions (idempotent)."""
    for batch in chunks(sorted(set(mention_ids))):
        rows = session.execute(select(Mention.id, Mention.kind, Mention.payload, Document.published, Document.doc_id)
                               .join(Document, Mention.document_id == Document.id)
                               .where(Mention.id.in_(batch))).all()
        session.execute(MentionKey.__table__.delete().where(MentionKey.mention_id.in_(batch)))
        key_rows, blocks = [], {}
        for mid, kind, payload, published, doc_id in rows:
            keys = blocking_keys(kind, payload, published, doc_id)
            blocks[mid] = keys[0]
            key_rows.extend({"mention_id": mid, "key": k} for k in keys)
        if key_rows:
            session.execute(insert(MentionKey), key_rows)
        if blocks:
            # One executemany on the table, outside the ORM: an ORM UPDATE per mention would check
            # every object the session holds (quadratic in a batch's mentions).
            table = Mention.__table__
            session.connection().execute(
                update(table).where(table.c.id == bindparam("mid")).values(block=bindparam("blk")),
                [{"mid": mid, "blk": block} for mid, block in blocks.items()])


def unindexed_mentions(session: Session) -> list[int]:
    """Mentions stored before blocking keys existed (a base from an older schema)."""
    return list(session.scalars(select(Mention.id).where(Mention.block.is_(None))))


class Merges:
    """The analyst's merges as extra edges of the key graph: "corr:<id>" joins the mentions
    of both records whatever their blocks."""

    def __init__(self, session: Session) -> None:
        self.by_key: dict[str, list[str]] = {}
        self.keys_of: dict[str, list[str]] = {}
        for c in session.scalars(select(Correction).where(Correction.action == "merge")):
            vkey = f"corr:{c.id}"
            members = [*c.keys_a, *c.keys_b]
            self.keys_of[vkey] = members
            for k in members:
                self.by_key.setdefault(k, []).append(vkey)


def expand(session: Session, seed_ids: Iterable[int]) -> tuple[set[int], list[tuple[int, str]]]:
    """All mentions in the units of ``seed_ids``, and the (mention, key) edges between them."""
    merges = Merges(session)
    ids: set[int] = set(seed_ids)
    frontier = set(ids)
    seen_keys: set[str] = set()
    edges: list[tuple[int, str]] = []
    while frontier:
        new_keys: set[str] = set()
        # Only keys not met yet: the edges to known keys came with the mentions (a country's
        # thousands of mentions have no other key, and need not be read twice).
        known = sorted(k for k in seen_keys if not k.startswith("corr:"))
        skip_known = 0 < len(known) <= CHUNK // 2
        for batch in chunks(sorted(frontier), CHUNK - len(known) if skip_known else CHUNK):
            q = select(MentionKey.mention_id, MentionKey.key).where(MentionKey.mention_id.in_(batch))
            if skip_known:
                q = q.where(MentionKey.key.not_in(known))
            for mid, key in session.execute(q):
                edges.append((mid, key))
                new_keys.add(key)
            if merges.by_key:
                for mid, mkey in session.execute(select(Mention.id, Mention.key).where(Mention.id.in_(batch))):
                    for vkey in merges.by_key.get(mkey, []):
                        edges.append((mid, vkey))
                        new_keys.add(vkey)
        new_keys -= seen_keys
        seen_keys |= new_keys
        found: set[int] = set()
        real = sorted(k for k in new_keys if not k.startswith("corr:"))
        for batch in chunks(real):
            for mid, key in session.execute(select(MentionKey.mention_id, MentionKey.key)
                                            .where(MentionKey.key.in_(batch))):
                edges.append((mid, key))
                found.add(mid)
        for vkey in sorted(k for k in new_keys if k.startswith("corr:")):
            for batch in chunks(merges.keys_of[vkey]):
                for mid in session.scalars(select(Mention.id).where(Mention.key.in_(batch))):
                    edges.append((mid, vkey))
                    found.add(mid)
        frontier = found - ids
        ids |= frontier
    return ids, edges


_LOAD_SQL = ("SELECT m.id, m.key, m.kind, m.start, m.end, m.payload, d.doc_id, d.published, d.ingested_at "
             "FROM mentions m JOIN documents d ON m.document_id = d.id WHERE m.id IN ({})")


def load(session: Session, ids: Iterable[int]) -> dict[int, M]:
    """The mentions ``ids`` with their documents' ids and dates."""
    out: dict[int, M] = {}
    wanted = sorted(set(ids))
    if session.get_bind().dialect.name == "sqlite":
        # Straight from the driver: a full resolution reads a million payloads, and SQLAlchemy's
        # per-row processing (JSON, dates) would cost more than SQLite's reading them.
        for batch in chunks(wanted):
            rows = driver_rows(session, _LOAD_SQL.format(",".join("?" * len(batch))), tuple(batch)) or []
            for mid, key, kind, start, end, payload, doc_id, published, ingested in rows:
                # "2026-01-31 12:00:00.123456" stored; the seconds in ISO form, as datetime.isoformat gives
                seen = f"{ingested[:10]}T{ingested[11:19]}" if ingested else None
                out[mid] = M(mid, key, kind, doc_id, published, start, end, jsontext.loads(payload), seen)
        return out
    for batch in chunks(wanted):
        rows = session.execute(
            select(Mention.id, Mention.key, Mention.kind, Mention.start, Mention.end, Mention.payload,
                   Document.doc_id, Document.published, Document.ingested_at)
            .join(Document, Mention.document_id == Document.id).where(Mention.id.in_(batch)))
        for mid, key, kind, start, end, payload, doc_id, published, ingested in rows:
            seen = ingested.isoformat(timespec="seconds") if ingested else None
            out[mid] = M(mid, key, kind, doc_id, published, start, end, payload, seen)
    return out


def components(mentions: dict[int, M], edges: Iterable[tuple[int, str]]) -> list[list[M]]:
    """Split mentions into units: connected through shared keys. Each unit is sorted by
    content, and the units are listed in a content order, so nothing depends on ids."""
    order = sorted(mentions.values(), key=lambda m: m.order)
    index = {m.id: i for i, m in enumerate(order)}
    uf = UnionFind(len(order))
    first: dict[str, int] = {}
    for mid, key in edges:
        i = index.get(mid)
        if i is None:
            continue
        if key in first:
            uf.union(first[key], i)
        else:
            first[key] = i
    return [[order[i] for i in sorted(g)] for g in sorted(uf.groups(), key=min)]
