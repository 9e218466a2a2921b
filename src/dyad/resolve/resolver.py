"""Incremental resolution: rewrite only the records of the units a change touches.

NLP runs once per document at ingest. Resolution then re-clusters the *units* (resolve/
units.py) the new mentions fall in, and nothing else: the cost of one article does not
grow with the archive. A unit is clustered from its mentions alone, so the base is a
function of the stored documents, whatever the order or batches they came in, and
``resolve_all`` (every unit from scratch) gives the same records as any sequence of
increments. Records keep permanent identities: an id that disappears (an earlier report
joined the record, a merge, a split) becomes an alias of the record holding its mentions.

Everything here runs inside the caller's transaction, so documents and their resolution
commit together and readers see the base before or after a change, never between.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator
from concurrent.futures.process import BrokenProcessPool
from contextlib import nullcontext
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from types import SimpleNamespace

from sqlalchemy import Text, cast, delete, func, select, update
from sqlalchemy.orm import Session, sessionmaker

from dyad import jsontext
from dyad.memory import gc_paused
from dyad.resolve import links, tally
from dyad.resolve import units as un
from dyad.resolve.base import M, record_id_of
from dyad.resolve.build import KINDS, Built, build_units
from dyad.resolve.confidence import confidence_of
from dyad.resolve.corrections import apply_record_corrections
from dyad.resolve.workers import BuildPool, default_workers, plain_corrections, shareable_url
from dyad.store import search
from dyad.store.db import (
    bulk_insert,
    bulk_insert_values,
    driver_rows,
    indexes_suspended,
    lock_for_writing,
    session_scope,
)
from dyad.store.maintenance import refresh_derived
from dyad.store.models import (
    RECORD_MODELS,
    Correction,
    Document,
    Evidence,
    Mention,
    MentionKey,
    PendingBlock,
    RecordAlias,
    StatusHistory,
)
from dyad.store.relevance import PAIR_KINDS, PairsInHand

log = logging.getLogger(__name__)
KIND_OF_PREFIX = {"ent": "entity", "evt": "event", "agr": "agreement", "prj": "project", "met": "metric",
                  "quo": "quote"}
BATCH_MENTIONS = 20000  # a full resolution loads this many mentions at a time
# With workers, a batch is in memory twice (built in a worker, written by this process), and
# one more waits: smaller batches keep the two processes' memory together under the one's.
WORKER_BATCH_MENTIONS = BATCH_MENTIONS // 2


@dataclass
class Changes:
    """What a resolution pass changed, for the refresh of links and for reporting."""

    written: dict[str, set[str]] = field(default_factory=dict)  # kind -> record ids written
    removed: dict[str, set[str]] = field(default_factory=dict)  # kind -> record ids gone
    indexed: dict[str, set[str]] = field(default_factory=dict)  # kind -> ids whose search rows are done
    relinked: dict[str, set[str]] = field(default_factory=dict)  # kind -> ids whose links changed after
    person_keys: set[str] = field(default_factory=set)  # person link keys whose records changed
    fresh: set[str] = field(default_factory=set)  # kinds rebuilt into an empty table (no index rows)
    built: dict[str, set[str]] = field(default_factory=dict)  # kind -> every record id built (written or not)
    event_docs: set[str] = field(default_factory=set)  # documents whose event mentions changed record
    # A full resolution: what the records built so far say of each document, to place quotes.
    pairs: PairsInHand | None = None
    people: dict[str, list[dict]] | None = None  # and its person records by link key, for links

    def count(self) -> int:
        return sum(len(v) for v in self.written.values())

    def derived(self) -> dict[str, set[str]]:
        """Records whose quote pairs or search rows are still to refresh: written or removed and
        not indexed on the way, or relinked after."""
        out = {}
        for kind in KINDS:
            done = self.indexed.get(kind, set()) - self.relinked.get(kind, set())
            out[kind] = ((self.written.get(kind, set()) | self.removed.get(kind, set())) - done) \
                | self.relinked.get(kind, set())
        return out


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def _corrections(session: Session) -> list[Correction]:
    return list(session.scalars(select(Correction).order_by(Correction.id)))


def resolve_mentions(session: Session, seed_ids: Iterable[int]) -> Changes:
    """Re-resolve the units of ``seed_ids`` (new or changed mentions) in this transaction."""
    with gc_paused():
        return _resolve_mentions(session, seed_ids)


def _resolve_mentions(session: Session, seed_ids: Iterable[int]) -> Changes:
    changes = Changes()
    corrections = _corrections(session)
    seed_ids = set(seed_ids)
    if not any(c.kind == "entity" for c in corrections):
        seed_ids -= _add_to_single_key_records(session, seed_ids, changes)
    ids, edges = un.expand(session, seed_ids)
    mentions = un.load(session, ids)
    by_kind: dict[str, list[list[M]]] = {}
    for unit in un.components(mentions, edges):
        by_kind.setdefault(unit[0].kind, []).append(unit)
    for kind in KINDS:
        if by_kind.get(kind):
            _resolve_units(session, kind, by_kind[kind], corrections, changes)
    links.refresh(session, changes)
    # Records only: documents are indexed when stored (their text never changes with resolution).
    refresh_derived(session, changes.derived())  # quotes' pairs and the search index
    return changes


def _resolve_units(session: Session, kind: str, units: list[list[M]], corrections: list[Correction],
                   changes: Changes) -> None:
    _write_built(session, kind, build_units(kind, units, corrections), corrections, changes)


def _write_built(session: Session, kind: str, built: list[Built], corrections: list[Correction],
                 changes: Changes) -> None:
    """Link, correct and store records just built; rewrite only what changed."""
    model = RECORD_MODELS[kind]
    mids = [i for b in built for i in b.mention_ids]
    # The records these mentions support now: they are rebuilt, and their ids kept or aliased.
    old_members: dict[str, set[int]] = {}
    for batch in un.chunks(mids):
        for rid, mid in session.execute(select(Evidence.record_id, Evidence.mention_id)
                                        .where(Evidence.record_kind == kind, Evidence.mention_id.in_(batch))):
            old_members.setdefault(rid, set()).add(mid)
    # The stored JSON text, compared with the new record's: unchanged records keep `updated`.
    old_rows: dict[str, tuple[str, str | None, str | None]] = {}
    for batch in un.chunks(sorted(old_members)):
        for rid, text, updated, countries in session.execute(
                select(model.id, cast(model.data, Text), model.updated, model.countries).where(model.id.in_(batch))):
            old_rows[rid] = (text, updated, countries)
    links.resolve_many(session, kind, [b.data for b in built], changes.people)
    # The analyst's set/reject corrections (and the kept id of a merge) have the last word.
    built = _corrected(kind, built, corrections)
    placed = _in_hand(kind, built, changes.pairs, changes.people) \
        if changes.pairs is not None and changes.people is not None else None
    # Write the difference: records whose content and members are unchanged are left alone, and
    # a record that gained a report gains its evidence rows, so a big record (a country named in
    # thousands of articles) costs its new mentions, not all of them.
    old_ids = sorted(old_members)
    complete = _evidence_counts(session, kind, old_ids)
    now = _now()
    rows, evidence, history = [], [], []
    serial: dict[str, str] = {}
    unchanged: set[str] = set()  # records whose content is what is stored
    rewrite: set[str] = set()  # record rows (and status history) to replace
    evidence_gone: list[tuple[str, int]] = []
    evidence_whole: list[str] = []  # records whose evidence is replaced whole
    for b in built:
        rid, data = b.rid, b.data
        serial[rid] = jsontext.dumps(data)
        old = old_rows.get(rid)
        members = set(b.mention_ids)
        before = old_members.get(rid)
        # The same content stored by an older serializer is the same record too.
        same_text = old is not None and (old[0] == serial[rid] or jsontext.loads(old[0]) == jsontext.loads(serial[rid]))
        if same_text:
            unchanged.add(rid)
        if same_text and before == members and complete.get(rid) == len(members) \
                and (placed is None or old[2] == placed[rid]):
            continue
        rewrite.add(rid)
        rows.append({"id": rid, "label": _label(data), "subtype": _subtype(kind, data),
                     "countries": placed[rid] if placed is not None else _countries(data),
                     "date_start": _date(data), "date_end": data.get("end"), "confidence": b.confidence,
                     "data": data, "block": b.block, "link_key": links.link_key(kind, data), "first_seen": b.first_seen,
                     "updated": old[1] if same_text and old[1] else now})
        if before is not None and complete.get(rid) == len(before):
            evidence_gone.extend((rid, mid) for mid in sorted(before - members))
            added = [i for i in b.mention_ids if i not in before]
        else:
            if rid in old_rows or before is not None:
                evidence_whole.append(rid)
            added = b.mention_ids
        evidence.extend((kind, rid, i) for i in added)
        history.extend({"record_kind": kind, "record_id": rid, "status": step["status"],
                        "reported": step["reported"], "mention_id": step["mention"]} for step in b.history)
    built_ids = {b.rid for b in built}
    gone = [rid for rid in old_ids if rid not in built_ids]
    for batch in un.chunks(sorted(rewrite | set(gone))):
        session.execute(delete(model).where(model.id.in_(batch)))
        session.execute(delete(StatusHistory).where(StatusHistory.record_kind == kind,
                                                    StatusHistory.record_id.in_(batch)))
    for batch in un.chunks(sorted(set(gone) | set(evidence_whole))):
        session.execute(delete(Evidence).where(Evidence.record_kind == kind, Evidence.record_id.in_(batch)))
    by_record: dict[str, list[int]] = {}
    for rid, mid in evidence_gone:
        by_record.setdefault(rid, []).append(mid)
    for rid, mids_gone in sorted(by_record.items()):
        for batch in un.chunks(mids_gone):
            session.execute(delete(Evidence).where(Evidence.record_kind == kind, Evidence.record_id == rid,
                                                   Evidence.mention_id.in_(batch)))
    # Past the ORM: no bookkeeping for rows nobody holds; in key order, so B-tree pages fill in
    # turn rather than at random (ids are hashes).
    ordered = sorted(rows, key=lambda r: r["id"])
    if session.get_bind().dialect.name == "sqlite":  # the JSON is in hand: the driver takes it as it is
        ordered = [{**r, "data": serial[r["id"]]} for r in ordered]
    bulk_insert(session, model.__table__, ordered, 500)
    evidence.sort()
    bulk_insert_values(session, Evidence.__table__, ["record_kind", "record_id", "mention_id"], evidence)
    bulk_insert(session, StatusHistory.__table__, history)
    if kind != "quote" or placed is not None:  # else a quote's pair is known once every record is written
        search.index_written(session, kind, rows, gone, fresh=kind in changes.fresh)
        changes.indexed.setdefault(kind, set()).update(rewrite | set(gone))
    new_ids = built_ids
    changes.built.setdefault(kind, set()).update(new_ids)
    _alias(session, kind, old_members, [(b.rid, b.mention_ids) for b in built], new_ids)
    changed = {b.rid for b in built if b.rid not in unchanged}
    changes.written.setdefault(kind, set()).update(changed)
    changes.removed.setdefault(kind, set()).update(set(old_ids) - new_ids)
    if kind == "entity":
        for b in built:
            if b.rid in changed and b.data.get("entity_type") == "person":
                changes.person_keys.add(links.person_link(b.data["name"]))
        for rid in set(old_ids) - new_ids:
            data = jsontext.loads(old_rows[rid][0]) if rid in old_rows else {}
            if data.get("entity_type") == "person":
                changes.person_keys.add(links.person_link(data["name"]))
    if kind == "event":
        moved = changed | (set(old_ids) - new_ids)
        changes.event_docs.update(d for b in built if b.rid in moved for d in b.docs)
        changes.event_docs.update(s["doc"] for rid in set(old_ids) - new_ids if rid in old_rows
                                  for s in jsontext.loads(old_rows[rid][0]).get("sources") or [])


def _corrected(kind: str, built: list[Built], corrections: list[Correction]) -> list[Built]:
    """``built`` after the analyst's set/reject corrections (a rejected record is dropped)."""
    if not any(c.kind == kind for c in corrections):
        return built
    keyed = [(b.rid, b.data, [SimpleNamespace(key=k) for k in b.mention_keys]) for b in built]
    by_members = {id(members): b for (_, _, members), b in zip(keyed, built, strict=True)}
    return [replace(by_members[id(members)], rid=rid, data=data)
            for rid, data, members in apply_record_corrections(kind, keyed, corrections)]


def _in_hand(kind: str, built: list[Built], pairs: PairsInHand,
             people: dict[str, list[dict]]) -> dict[str, str] | None:
    """Keep what a full resolution's records tell later kinds (``pairs``: documents' pairs and
    events, persons' countries; ``people``: persons by link key); for quotes, return the pair
    each is about."""
    if kind == "entity":
        for b in built:
            if b.data.get("entity_type") == "person":
                pairs.add_person(b.rid, _label(b.data), b.data.get("country"))
                people.setdefault(links.link_key("entity", b.data) or "", []).append(links.person_card(b.data))
    if kind == "quote":
        return {b.rid: pairs.place(b.data, set(zip(b.published, b.docs, strict=True))) for b in built}
    if kind in PAIR_KINDS:
        for b in built:
            pairs.add_record(kind, _countries(b.data), _date(b.data), b.data.get("end"),
                             b.docs)
    return None


def _add_to_single_key_records(session: Session, seed_ids: set[int], changes: Changes) -> set[int]:
    """Add new mentions of countries, places and other one-key entities to their records from
    the records' summaries (resolve/tally.py), without reading the records' other mentions.
    Returns the mentions done; the others (a new record, a mention already in one, a document
    already in one) go through the unit's full resolution."""
    Entity = RECORD_MODELS["entity"]
    blocks: dict[str, list[int]] = {}
    for batch in un.chunks(sorted(seed_ids)):
        for mid, block in session.execute(select(Mention.id, Mention.block)
                                          .where(Mention.id.in_(batch), Mention.kind == "entity")):
            if tally.is_single_key_block(block):
                blocks.setdefault(block, []).append(mid)
    if not blocks:
        return set()
    records: dict[str, list] = {}
    for batch in un.chunks(sorted(blocks)):
        for row in session.execute(select(Entity.block, Entity.id, Entity.data, Entity.first_seen)
                                   .where(Entity.block.in_(batch))):
            records.setdefault(row.block, []).append(row)
    known: set[int] = set()  # seeds some record already holds (a re-resolution, not an addition)
    for batch in un.chunks([mid for mids in blocks.values() for mid in mids]):
        known.update(session.scalars(select(Evidence.mention_id).where(Evidence.record_kind == "entity",
                                                                       Evidence.mention_id.in_(batch))))
    todo = {b: mids for b, mids in blocks.items()
            if len(records.get(b, [])) == 1 and "_tally" in (records[b][0].data or {}) and not known & set(mids)}
    if not todo:
        return set()
    mentions = un.load(session, [mid for mids in todo.values() for mid in mids])

    def published_of(doc_id: str) -> str | None:
        return session.scalar(select(Document.published).where(Document.doc_id == doc_id))

    done: set[int] = set()
    now = _now()
    for block, mids in sorted(todo.items()):
        row = records[block][0]
        new = sorted((mentions[i] for i in mids if i in mentions), key=lambda m: m.order)
        old = dict(row.data)
        if not new or {m.doc_id for m in new} & {s["doc"] for s in old.get("sources") or []}:
            continue
        summary = tally.combine(old["_tally"], tally.tally_of(new))
        etype = old.get("entity_type")
        data = {**tally.entity_of(summary, etype), "_tally": summary,
                "sources": tally.insert_sources(old.get("sources") or [], new, published_of)}
        rid = record_id_of("entity", summary["first"][-1])
        seen = [x for x in [row.first_seen, *(m.seen for m in new)] if x]
        values = {"id": rid, "label": _label(data), "subtype": _subtype("entity", data),
                  "countries": _countries(data), "date_start": None, "date_end": None,
                  "confidence": confidence_of("entity", *tally.confidence_counts(summary)), "data": data,
                  "block": block, "link_key": links.link_key("entity", data),
                  "first_seen": min(seen) if seen else None, "updated": now}
        session.execute(delete(Entity).where(Entity.id == row.id))
        session.connection().execute(Entity.__table__.insert(), [values])
        if rid != row.id:  # an earlier report: the record is renamed, its old id an alias
            session.execute(update(Evidence).where(Evidence.record_kind == "entity", Evidence.record_id == row.id)
                            .values(record_id=rid))
            _alias(session, "entity", {row.id: {new[0].id}}, [(rid, [m.id for m in new])], {rid})
            changes.removed.setdefault("entity", set()).add(row.id)
        session.connection().execute(Evidence.__table__.insert(),
                                     [{"record_kind": "entity", "record_id": rid, "mention_id": m.id} for m in new])
        search.index_written(session, "entity", [values], [row.id] if rid != row.id else [])
        changes.written.setdefault("entity", set()).add(rid)
        changes.indexed.setdefault("entity", set()).update({rid, row.id})
        done.update(m.id for m in new)
    return done


def _evidence_counts(session: Session, kind: str, ids: list[str]) -> dict[str, int]:
    """How many evidence rows each record has (all of them, not only this unit's)."""
    out: dict[str, int] = {}
    for batch in un.chunks(ids):
        out.update(session.execute(select(Evidence.record_id, func.count())
                                   .where(Evidence.record_kind == kind, Evidence.record_id.in_(batch))
                                   .group_by(Evidence.record_id)).all())
    return out


def _alias(session: Session, kind: str, old_members: dict[str, set[int]],
           built: list[tuple[str, list[int]]], new_ids: set[str]) -> None:
    """Every id that disappears answers for the record now holding most of its mentions
    (``built``: each record's id and its mention ids)."""
    holder = {mid: rid for rid, mids in built for mid in mids}
    now = datetime.now(UTC)
    # An id back in use is no longer an alias.
    for batch in un.chunks(sorted(new_ids)):
        session.execute(delete(RecordAlias).where(RecordAlias.old_id.in_(batch)))
    for old_id in sorted(set(old_members) - new_ids):
        votes: dict[str, int] = {}
        for mid in old_members[old_id]:
            if mid in holder:
                votes[holder[mid]] = votes.get(holder[mid], 0) + 1
        if not votes:
            continue
        target = max(sorted(votes), key=lambda r: votes[r])
        session.execute(delete(RecordAlias).where(RecordAlias.old_id == old_id))
        session.add(RecordAlias(old_id=old_id, kind=kind, record_id=target, created_at=now))
        # Aliases that pointed at the old id follow it.
        for alias in session.scalars(select(RecordAlias).where(RecordAlias.record_id == old_id)):
            alias.record_id = target
    session.flush()


# ------------------------------------------------------------------ whole base
def resolve_all(factory: sessionmaker[Session], workers: int | None = None) -> dict[str, int]:
    """Rebuild every record from the stored mentions (``dyad resolve``), unit by unit, in
    one transaction. Ids that change keep answering as aliases. ``workers``: processes that
    read and build while this one writes (0: none; None: as many as the base's size calls for).
    Workers are spawned: a script calling this with workers needs the usual
    ``if __name__ == "__main__":`` guard."""
    try:
        with session_scope(factory) as session:
            lock_for_writing(session)
            if workers is None:
                workers = default_workers(session.scalar(select(func.count()).select_from(Mention)) or 0)
            return rebuild(session, workers)
    except BrokenProcessPool:
        # A worker died (killed, out of memory): the transaction rolled back; do it in this process.
        if not workers:
            raise
        log.warning("a resolution worker process died; resolving in this process instead")
        return resolve_all(factory, workers=0)


def rebuild(session: Session, workers: int = 0) -> dict[str, int]:
    """Every record from the stored mentions. ``workers`` > 0 only when this transaction has
    written no mention (the workers read the committed base)."""
    url = shareable_url(session) if workers > 0 else None
    with BuildPool(url, workers) if url else nullcontext() as pool:
        return _rebuild(session, pool)


def _rebuild(session: Session, pool: BuildPool | None) -> dict[str, int]:
    un.index_mentions(session, un.unindexed_mentions(session))
    corrections = _corrections(session)
    merges = un.Merges(session)
    in_hand = PairsInHand()
    changes = Changes(pairs=in_hand, people={})
    for kind in KINDS:
        if kind == "quote":
            in_hand.titles = dict(session.execute(select(Document.doc_id, Document.title)).all())
        prefix = next(p for p, k in KIND_OF_PREFIX.items() if k == kind)
        edges = driver_rows(session, "SELECT mention_id, key FROM mention_keys WHERE key LIKE ?", (prefix + ":%",))
        if edges is None:
            edges = list(session.execute(select(MentionKey.mention_id, MentionKey.key)
                                         .where(MentionKey.key.like(prefix + ":%"))))
        if merges.by_key:
            keyed = dict(session.execute(select(Mention.key, Mention.id).where(Mention.kind == kind)).all())
            for vkey, members in merges.keys_of.items():
                edges.extend((keyed[k], vkey) for k in members if k in keyed)
        units = _units_by_id(edges)
        del edges  # a million (mention, key) pairs for entities: not kept through the writing
        model = RECORD_MODELS[kind]
        if session.scalar(select(model.id).limit(1)) is None and not search.has_rows(session, kind):
            changes.fresh.add(kind)  # a new base: index rows are written without deleting first
        # An empty table is filled without its secondary indexes, built once at the end of the kind
        # (before the next kinds, whose links read it through them).
        with indexes_suspended(session, model.__tablename__) if kind in changes.fresh else nullcontext():
            if pool is None:
                for batch in _batches(units):
                    _rebuild_batch(session, kind, batch, corrections=corrections, changes=changes)
            else:
                # Paused throughout: the batches arrive (are unpickled) while the previous is written.
                with gc_paused():
                    for built in pool.built(kind, _batches(units, min(BATCH_MENTIONS, WORKER_BATCH_MENTIONS)),
                                                  plain_corrections(corrections)):
                        _write_built(session, kind, built, corrections, changes)
        # Records no mention supports any more (their documents are gone): every record was just
        # built from its mentions, so the others are stale (none in a table that started empty).
        built = changes.built.get(kind, set())
        stale = [] if kind in changes.fresh else \
            [rid for rid in session.scalars(select(model.id)) if rid not in built]
        for batch in un.chunks(stale):
            session.execute(delete(model).where(model.id.in_(batch)))
        changes.removed.setdefault(kind, set()).update(stale)
    session.execute(delete(PendingBlock))
    # No links.refresh: the kinds that link (metrics, quotes, agreements) were built after the
    # persons and events they link to, from those very records.
    session.flush()
    # Quotes' pairs and the search index of the records that changed (all of them on a new base);
    # documents keep their rows: their text does not change with resolution.
    refresh_derived(session, changes.derived())
    return {kind: session.scalar(select(func.count()).select_from(model)) or 0
            for kind, model in RECORD_MODELS.items()}


def _units_by_id(edges: list[tuple[int, str]]) -> list[list[int]]:
    """Connected components of (mention, key) edges, as lists of mention ids."""
    parent: dict[int, int] = {}

    def find(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    first: dict[str, int] = {}
    for mid, key in edges:
        parent.setdefault(mid, mid)
        if key in first:
            a, b = find(first[key]), find(mid)
            if a != b:
                parent[max(a, b)] = min(a, b)
        else:
            first[key] = mid
    groups: dict[int, list[int]] = {}
    for mid in parent:
        groups.setdefault(find(mid), []).append(mid)
    return [sorted(g) for _, g in sorted(groups.items())]


def _batches(units: list[list[int]], size_limit: int | None = None) -> Iterator[list[list[int]]]:
    """Whole units, about ``size_limit`` (BATCH_MENTIONS) mentions at a time."""
    limit = size_limit or BATCH_MENTIONS
    batch: list[list[int]] = []
    size = 0
    for unit_ids in units:
        batch.append(unit_ids)
        size += len(unit_ids)
        if size >= limit:
            yield batch
            batch, size = [], 0
    if batch:
        yield batch


def _rebuild_batch(session: Session, kind: str, unit_ids: list[list[int]],
                   corrections: list[Correction], changes: Changes) -> None:
    with gc_paused():
        mentions = un.load(session, [i for u in unit_ids for i in u])
        units = [sorted((mentions[i] for i in u if i in mentions), key=lambda m: m.order) for u in unit_ids]
        _resolve_units(session, kind, [u for u in units if u], corrections, changes)


# ------------------------------------------------------------------ pending work
def pending(session: Session) -> list[str]:
    return list(session.scalars(select(PendingBlock.block)))


def finish_pending(session: Session) -> int:
    """Do the resolution work recorded but not done; returns how many blocks it covered."""
    blocks = pending(session)
    if not blocks:
        return 0
    if "*" in blocks:
        rebuild(session)
        return len(blocks)
    seeds: set[int] = set()
    for batch in un.chunks(blocks):
        seeds.update(session.scalars(select(MentionKey.mention_id).where(MentionKey.key.in_(batch))))
    resolve_mentions(session, seeds)
    session.execute(delete(PendingBlock))
    return len(blocks)


def defer(session: Session, mention_ids: Iterable[int]) -> None:
    """Record that these mentions' units need resolution (done by the next ingest or resolve)."""
    known = set(pending(session))
    for batch in un.chunks(sorted(set(mention_ids))):
        for key in session.scalars(select(MentionKey.key).where(MentionKey.mention_id.in_(batch)).distinct()):
            if key not in known:
                known.add(key)
                session.add(PendingBlock(block=key))
    session.flush()


# ------------------------------------------------------------------ record columns
def _label(d: dict) -> str | None:
    return d.get("name") or d.get("title") or d.get("subject") or d.get("text") or d.get("field")


def _subtype(kind: str, d: dict) -> str | None:
    return {"entity": d.get("entity_type"), "event": d.get("event_type"), "agreement": d.get("instrument"),
            "project": d.get("project_type"), "metric": d.get("metric_type"), "quote": None}[kind]


def _countries(d: dict) -> str:
    cs = d.get("countries") or d.get("parties") or ([d["country"]] if d.get("country") else [])
    return "|" + "|".join(sorted(cs)) + "|" if cs else ""


def _date(d: dict) -> str | None:
    return d.get("start") or d.get("signed") or d.get("as_of") or d.get("date")


__all__ = ["resolve_all", "resolve_mentions", "rebuild", "finish_pending", "defer", "pending"]
