"""Links between records of different kinds, kept right as the records under them change.

- A quote's speaker and a figure's ``stated_by`` take the canonical name of the person
  record their surname points to (``link_key`` = that person key).
- An agreement's ``event`` is the signing (or, failing one, the visit) its own article
  reports it signed at: resolved per document, since an article's "the visit" means that
  article's visit, never another article's.

When person or event records change, ``refresh`` updates the records that link to them,
so a link is the same whichever order the records were built in.
"""

from __future__ import annotations

from collections import Counter
from datetime import UTC, datetime
from typing import TYPE_CHECKING

from sqlalchemy import select
from sqlalchemy.orm import Session

from dyad.resolve.base import M
from dyad.resolve.blocks import person_key
from dyad.store.models import Agreement, Document, Entity, Evidence, Mention, Metric, Quote
from dyad.text.names import plain

if TYPE_CHECKING:
    from dyad.resolve.resolver import Changes

SPEAKER_FIELD = {"quote": "speaker", "metric": "stated_by"}


def person_link(name: str | None) -> str:
    return person_key(name)


def link_key(kind: str, data: dict) -> str | None:
    if kind == "entity" and data.get("entity_type") == "person":
        return person_link(data.get("name"))
    raw = data.get("_" + SPEAKER_FIELD[kind]) if kind in SPEAKER_FIELD else None
    return person_link(raw) if raw else None


def prepare(kind: str, data: dict, members: list[M]) -> None:
    """Keep what the links are computed from inside the record (internal ``_`` fields are
    not exported)."""
    if kind in SPEAKER_FIELD:
        data["_" + SPEAKER_FIELD[kind]] = data.get(SPEAKER_FIELD[kind])
    if kind == "agreement":
        data.pop("event_ref", None)
        refs = sorted({(m.doc_id, m.data["event_ref"]) for m in members if m.data.get("event_ref")})
        data["_event_refs"] = [list(r) for r in refs]


def resolve_own(session: Session, kind: str, data: dict) -> None:
    resolve_many(session, kind, [data])


def resolve_many(session: Session, kind: str, records: list[dict],
                 people_in_hand: dict[str, list[dict]] | None = None) -> None:
    """Set the linked fields of freshly built records, with one query per kind of link.
    ``people_in_hand``: every person record by link key (a full resolution keeps them as it
    builds them), read instead of the base."""
    if kind in SPEAKER_FIELD:
        field = SPEAKER_FIELD[kind]
        keys = {person_link(d.get("_" + field)) for d in records if d.get("_" + field)}
        people = {k: people_in_hand[k] for k in keys if k in people_in_hand} if people_in_hand is not None \
            else people_by_key(session, keys)
        for d in records:
            d[field] = canonical_person(people, d.get("_" + field))
    elif kind == "agreement":
        events = events_by_doc(session, {doc for d in records for doc, _ in d.get("_event_refs") or []})
        for d in records:
            d["event"] = signing_event(events, d.get("_event_refs") or [])


def people_by_key(session: Session, keys: set[str]) -> dict[str, list[dict]]:
    out: dict[str, list[dict]] = {}
    for batch in _chunks(sorted(keys)):
        for key, data in session.execute(select(Entity.link_key, Entity.data)
                                         .where(Entity.link_key.in_(batch), Entity.subtype == "person")):
            out.setdefault(key, []).append(data)
    return out


def person_card(data: dict) -> dict:
    """What linking needs of a person record: its name and aliases."""
    return {"name": data.get("name"), "aliases": data.get("aliases") or []}


def canonical_person(people: dict[str, list[dict]], name: str | None) -> str | None:
    """The full name of the one person a (possibly surname-only) name denotes."""
    if not name:
        return name
    candidates = people.get(person_link(name), [])
    wanted = plain(name)
    by_alias = {p["name"] for p in candidates if wanted in {plain(a) for a in p.get("aliases") or []}}
    # (a full name no record carries points to one whose given name agrees with it, never to another
    # person who only shares the surname key)
    hits = by_alias or {p["name"] for p in candidates if _same_given(wanted, plain(p["name"]))}
    return next(iter(hits)) if len(hits) == 1 else name


def _same_given(wanted: str, name: str) -> bool:
    """Could the two names be one person's: a bare surname, or the same first initial?"""
    a, b = wanted.split(), name.split()
    return len(a) == 1 or (bool(b) and a[0][:1] == b[0][:1]) or a[0] in b


def events_by_doc(session: Session, docs: set[str]) -> dict[str, list[tuple[dict, str | None]]]:
    """Each document's event mentions with the record that holds each."""
    out: dict[str, list[tuple[dict, str | None]]] = {}
    for batch in _chunks(sorted(docs)):
        rows = session.execute(
            select(Document.doc_id, Mention.payload, Evidence.record_id)
            .join(Document, Mention.document_id == Document.id)
            .outerjoin(Evidence, (Evidence.mention_id == Mention.id) & (Evidence.record_kind == "event"))
            .where(Document.doc_id.in_(batch), Mention.kind == "event").order_by(Mention.id))
        for doc_id, payload, rid in rows:
            out.setdefault(doc_id, []).append((payload, rid))
    return out


def signing_event(events: dict[str, list[tuple[dict, str | None]]], refs: list[list[str]]) -> str | None:
    """The record of the event each report says the agreement was signed at; the most
    reported one when reports differ."""
    votes: Counter[str] = Counter()
    for doc_id, ref in refs:
        visit_ref = ref.split(":", 1)[1].rsplit(":", 1)[0] if ref.startswith("signing:") else None
        rows = events.get(doc_id, [])
        signing = [rid for p, rid in rows if p.get("object_key") == ref and rid]
        visits = [rid for p, rid in rows if visit_ref and p.get("event_type") == "visit" and p.get("ref") == visit_ref
                  and rid]
        found = signing or visits
        if found:
            votes[found[0]] += 1
    if not votes:
        return None
    return max(sorted(votes), key=lambda r: votes[r])


def _chunks(items: list, size: int = 900) -> list[list]:
    return [items[i:i + size] for i in range(0, len(items), size)]


def refresh(session: Session, changes: Changes) -> None:
    """Update the links of records this pass did not rebuild but whose targets changed."""
    now = datetime.now(UTC).isoformat(timespec="seconds")
    for kind, model in (("quote", Quote), ("metric", Metric)):
        if not changes.person_keys:
            break
        done = changes.written.get(kind, set())
        # Ids first: after a full resolution every linked record was just written and none is read.
        ids = sorted(rid for batch in _chunks(sorted(changes.person_keys))
                     for rid in session.scalars(select(model.id).where(model.link_key.in_(batch))) if rid not in done)
        rows = [row for batch in _chunks(ids) for row in session.scalars(select(model).where(model.id.in_(batch)))]
        changes.relinked.setdefault(kind, set()).update(_relink(session, kind, rows, now))
    if changes.event_docs:
        done = changes.written.get("agreement", set())
        docs = sorted(changes.event_docs)
        ids = {rid for batch in _chunks(docs) for rid in session.scalars(
            select(Evidence.record_id).join(Mention, Evidence.mention_id == Mention.id)
            .join(Document, Mention.document_id == Document.id)
            .where(Evidence.record_kind == "agreement", Document.doc_id.in_(batch)))}
        rows = [row for batch in _chunks(sorted(ids - done))
                for row in session.scalars(select(Agreement).where(Agreement.id.in_(batch)))]
        changes.relinked.setdefault("agreement", set()).update(_relink(session, "agreement", rows, now))
    session.flush()


def _relink(session: Session, kind: str, rows: list, now: str) -> set[str]:
    """Recompute the links of ``rows``; returns the ids whose data changed."""
    datas = [dict(row.data) for row in rows]
    resolve_many(session, kind, datas)
    changed = set()
    for row, data in zip(rows, datas, strict=True):
        if data != row.data:
            row.data, row.updated = data, now
            changed.add(row.id)
    return changed
