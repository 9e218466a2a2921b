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
    if kind in SPEAKER_FIELD:
        raw = data.get("_" + SPEAKER_FIELD[kind])
        data[SPEAKER_FIELD[kind]] = canonical_person(session, raw)
    elif kind == "agreement":
        data["event"] = signing_event(session, data.get("_event_refs") or [])


def canonical_person(session: Session, name: str | None) -> str | None:
    """The full name of the one person a (possibly surname-only) name denotes."""
    if not name:
        return name
    people = session.execute(select(Entity.data).where(Entity.link_key == person_link(name),
                                                       Entity.subtype == "person")).scalars().all()
    wanted = plain(name)
    by_alias = {p["name"] for p in people if wanted in {plain(a) for a in p.get("aliases") or []}}
    hits = by_alias or {p["name"] for p in people}
    return next(iter(hits)) if len(hits) == 1 else name


def signing_event(session: Session, refs: list[list[str]]) -> str | None:
    """The record of the event each report says the agreement was signed at; the most
    reported one when reports differ."""
    votes: Counter[str] = Counter()
    for doc_id, ref in refs:
        visit_ref = ref.split(":", 1)[1].rsplit(":", 1)[0] if ref.startswith("signing:") else None
        rows = session.execute(
            select(Mention.id, Mention.payload).join(Document, Mention.document_id == Document.id)
            .where(Document.doc_id == doc_id, Mention.kind == "event")).all()
        signing = [mid for mid, p in rows if p.get("object_key") == ref]
        visits = [mid for mid, p in rows if visit_ref and p.get("event_type") == "visit" and p.get("ref") == visit_ref]
        for mid in signing or visits:
            rid = session.scalar(select(Evidence.record_id).where(Evidence.record_kind == "event",
                                                                  Evidence.mention_id == mid))
            if rid:
                votes[rid] += 1
                break
    if not votes:
        return None
    return max(sorted(votes), key=lambda r: votes[r])


def refresh(session: Session, changes: Changes) -> None:
    """Update the links of records this pass did not rebuild but whose targets changed."""
    now = datetime.now(UTC).isoformat(timespec="seconds")
    for kind, model in (("quote", Quote), ("metric", Metric)):
        if not changes.person_keys:
            break
        done = changes.written.get(kind, set())
        for row in session.scalars(select(model).where(model.link_key.in_(sorted(changes.person_keys)))):
            if row.id in done:
                continue
            data = dict(row.data)
            resolve_own(session, kind, data)
            if data != row.data:
                row.data, row.updated = data, now
    if changes.event_docs:
        done = changes.written.get("agreement", set())
        docs = sorted(changes.event_docs)
        ids = set(session.scalars(
            select(Evidence.record_id).join(Mention, Evidence.mention_id == Mention.id)
            .join(Document, Mention.document_id == Document.id)
            .where(Evidence.record_kind == "agreement", Document.doc_id.in_(docs))))
        for row in session.scalars(select(Agreement).where(Agreement.id.in_(sorted(ids - done)))):
            data = dict(row.data)
            resolve_own(session, "agreement", data)
            if data != row.data:
                row.data, row.updated = data, now
    session.flush()
