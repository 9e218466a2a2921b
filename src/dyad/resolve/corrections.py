"""Analyst corrections, stored by mention keys so they survive re-ingestion and re-resolution:
merge two records, split one, set a field of one, reject one.

``apply_record_corrections`` is the pure step a resolver runs on the records it built."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from datetime import date
from typing import Any, Protocol

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from dyad.store.db import session_scope
from dyad.store.models import RECORD_MODELS, Correction, Evidence, Mention, RecordAlias
from dyad.store.records import FIELDS


class CorrectionError(ValueError):
    pass


class _Keyed(Protocol):
    key: str


class _CorrectionLike(Protocol):
    action: str
    kind: str
    keys_a: list[Any]
    record_id: str | None
    field: str | None
    value: Any


DATE_FIELDS = {"start", "end", "signed", "as_of", "deadline", "date"}
LIST_FIELDS = {"participants", "countries", "parties", "sectors", "signatories", "aliases"}
NUMBER_FIELDS = {"value"}
ISO = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


def apply_record_corrections(kind: str, records: Sequence[tuple[str, dict, list[_Keyed]]],
                             corrections: Iterable[_CorrectionLike]) -> list[tuple[str, dict, list[_Keyed]]]:
    """Apply the analyst's set/reject corrections (oldest first) to resolved records of ``kind``.

    A correction applies to a record that holds any of its mention keys. Rejected records are
    dropped; a set overwrites the field and lists it in ``data["corrected"]``. A merge made with
    a kept id (``record_id``) gives that id back to the record holding its first keys, so
    ``merge A B`` keeps A's id. Pure: the input dicts are copied, not changed."""
    mine = [c for c in corrections if c.kind == kind]
    out: list[tuple[str, dict, list[_Keyed]]] = []
    used = {rid for rid, _, _ in records}
    for rid, data, members in records:
        keys = {m.key for m in members}
        data = dict(data)
        rejected = False
        for c in mine:
            if not keys & set(c.keys_a or []):
                continue
            if c.action == "reject":
                rejected = True
            elif c.action == "set" and c.field:
                data[c.field] = c.value
                data["corrected"] = sorted({*(data.get("corrected") or []), c.field})
            elif c.action == "merge" and c.record_id and c.record_id != rid and c.record_id not in used:
                used.discard(rid)
                rid = c.record_id
                used.add(rid)
        if not rejected:
            out.append((rid, data, members))
    return out


# ---- storing corrections -----------------------------------------------------------------------------------

def find_record(session: Session, rid: str) -> tuple[str, list[str]]:
    """(kind, mention keys) of record ``rid``; CorrectionError when there is none."""
    for kind, model in RECORD_MODELS.items():
        if session.get(model, rid) is not None:
            keys = list(session.scalars(
                select(Mention.key).join(Evidence, Evidence.mention_id == Mention.id)
                .where(Evidence.record_kind == kind, Evidence.record_id == rid).order_by(Mention.key)))
            return kind, keys
    raise CorrectionError(f"no record with id {rid!r}")


_find = find_record


def parse_value(kind: str, fld: str, raw: str) -> Any:
    """The typed value of ``FIELD=VALUE`` for a field of ``kind``; CorrectionError when the field
    does not exist or the value does not fit it."""
    allowed = [f for f in FIELDS[kind] if f not in ("sources",)]
    if fld not in allowed:
        raise CorrectionError(f"{kind} records have no field {fld!r}; fields: {', '.join(allowed)}")
    raw = raw.strip()
    if raw == "" or raw.lower() in ("null", "none"):
        return None
    if fld in DATE_FIELDS:
        m = ISO.match(raw)
        ok = bool(m)
        if m:
            try:
                date(int(m.group(1)), int(m.group(2) or 1), int(m.group(3) or 1))
            except ValueError:
                ok = False
        if not ok:
            raise CorrectionError(f"{fld} must be an ISO date YYYY, YYYY-MM or YYYY-MM-DD, got {raw!r}")
        return raw
    if fld in NUMBER_FIELDS:
        try:
            num = float(raw.replace(",", ""))
        except ValueError as exc:
            raise CorrectionError(f"{fld} must be a number, got {raw!r}") from exc
        return int(num) if num.is_integer() else num
    if fld in LIST_FIELDS:
        return [x.strip() for x in raw.split(";") if x.strip()]
    return raw


def _resolve(factory: sessionmaker[Session], keys: list[str]) -> None:
    """Re-resolve the units holding these mentions (not the whole base)."""
    from dyad.resolve.resolver import resolve_mentions
    from dyad.store.db import lock_for_writing
    from dyad.store.models import Mention

    with session_scope(factory) as session:
        lock_for_writing(session)
        ids = [i for n in range(0, len(keys), 900)
               for i in session.scalars(select(Mention.id).where(Mention.key.in_(keys[n:n + 900])))]
        resolve_mentions(session, ids)


def set_field(factory: sessionmaker[Session], rid: str, fld: str, raw: str, note: str | None = None,
              resolve: bool = True) -> Any:
    """Store ``set rid fld=raw`` and re-resolve; returns the typed value."""
    with session_scope(factory) as session:
        kind, keys = find_record(session, rid)
        value = parse_value(kind, fld, raw)
        session.add(Correction(action="set", kind=kind, keys_a=keys, keys_b=[], record_id=rid,
                               field=fld, value=value, note=note))
    if resolve:
        _resolve(factory, keys)
    return value


def reject_record(factory: sessionmaker[Session], rid: str, note: str | None = None,
                  resolve: bool = True) -> str:
    """Store ``reject rid`` and re-resolve; returns the record's kind."""
    with session_scope(factory) as session:
        kind, keys = find_record(session, rid)
        session.add(Correction(action="reject", kind=kind, keys_a=keys, keys_b=[], record_id=rid, note=note))
    if resolve:
        _resolve(factory, keys)
    return kind


def list_corrections(session: Session) -> list[dict]:
    """The audit list, oldest first."""
    out = []
    for c in session.scalars(select(Correction).order_by(Correction.id)):
        out.append({"id": c.id, "created_at": c.created_at.isoformat() if c.created_at else None,
                    "action": c.action, "kind": c.kind, "record_id": c.record_id, "field": c.field,
                    "value": c.value, "note": c.note, "mentions": len(c.keys_a or []) + len(c.keys_b or [])})
    return out


def merge_records(factory: sessionmaker[Session], a: str, b: str) -> str:
    """Merge record B into record A (same kind); A keeps its id and B's id becomes an alias."""
    if a == b:
        raise CorrectionError(f"cannot merge {a} with itself")
    with session_scope(factory) as session:
        kind_a, keys_a = find_record(session, a)
        kind_b, keys_b = find_record(session, b)
        if kind_a != kind_b:
            raise CorrectionError(f"{a} is a {kind_a} and {b} is a {kind_b}: only records of one kind merge")
        session.add(Correction(action="merge", kind=kind_a, keys_a=keys_a, keys_b=keys_b, record_id=a))
        session.merge(RecordAlias(old_id=b, kind=kind_a, record_id=a))
    _resolve(factory, keys_a + keys_b)
    with factory() as session:
        key = keys_a[0] if keys_a else None
        rid = session.scalar(select(Evidence.record_id).join(Mention, Evidence.mention_id == Mention.id)
                             .where(Mention.key == key)) if key else None
    return rid or a


def split_record(factory: sessionmaker[Session], rid: str) -> list[str]:
    with session_scope(factory) as session:
        kind, keys = find_record(session, rid)
        if len(keys) < 2:
            raise CorrectionError(f"{rid} rests on a single mention; nothing to split")
        session.add(Correction(action="split", kind=kind, keys_a=keys, keys_b=[], record_id=rid))
    _resolve(factory, keys)
    with factory() as session:
        ids = session.scalars(select(Evidence.record_id).join(Mention, Evidence.mention_id == Mention.id)
                              .where(Mention.key.in_(keys)).distinct())
        return sorted(set(ids))
