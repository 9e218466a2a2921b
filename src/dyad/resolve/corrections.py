"""Analyst corrections: merge two records or split one, stored by mention keys."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from dyad.store.db import session_scope
from dyad.store.models import RECORD_MODELS, Correction, Evidence, Mention


class CorrectionError(ValueError):
    pass


def _find(session: Session, rid: str) -> tuple[str, list[str]]:
    for kind, model in RECORD_MODELS.items():
        if session.get(model, rid) is not None:
            keys = list(session.scalars(
                select(Mention.key).join(Evidence, Evidence.mention_id == Mention.id)
                .where(Evidence.record_kind == kind, Evidence.record_id == rid)))
            return kind, keys
    raise CorrectionError(f"no record with id {rid!r}")


def merge_records(factory: sessionmaker[Session], a: str, b: str) -> str:
    from dyad.resolve.resolver import resolve_all

    with session_scope(factory) as session:
        kind_a, keys_a = _find(session, a)
        kind_b, keys_b = _find(session, b)
        if kind_a != kind_b:
            raise CorrectionError(f"{a} is a {kind_a} and {b} is a {kind_b}: only records of one kind merge")
        session.add(Correction(action="merge", kind=kind_a, keys_a=keys_a, keys_b=keys_b))
    resolve_all(factory)
    with factory() as session:
        key = keys_a[0]
        rid = session.scalar(select(Evidence.record_id).join(Mention, Evidence.mention_id == Mention.id)
                             .where(Mention.key == key))
    return rid or a


def split_record(factory: sessionmaker[Session], rid: str) -> list[str]:
    from dyad.resolve.resolver import resolve_all

    with session_scope(factory) as session:
        kind, keys = _find(session, rid)
        if len(keys) < 2:
            raise CorrectionError(f"{rid} rests on a single mention; nothing to split")
        session.add(Correction(action="split", kind=kind, keys_a=keys, keys_b=[]))
    resolve_all(factory)
    with factory() as session:
        ids = session.scalars(select(Evidence.record_id).join(Mention, Evidence.mention_id == Mention.id)
                              .where(Mention.key.in_(keys)).distinct())
        return sorted(set(ids))
