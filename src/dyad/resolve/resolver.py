"""Re-resolve the knowledge base from every stored mention.

NLP runs once per document at ingest; resolution is cheap and runs over all mentions
each time, so the result depends only on which documents are stored, never on the order
they arrived. Analyst corrections (merge/split), keyed by mention keys, are applied last.
"""

from __future__ import annotations

from collections.abc import Callable

from sqlalchemy import delete, select
from sqlalchemy.orm import Session, sessionmaker

from dyad.resolve import entities as ent
from dyad.resolve import facts as fx
from dyad.resolve.base import M, UnionFind, record_id, sources_of
from dyad.resolve.confidence import record_confidence
from dyad.resolve.names import plain, surname
from dyad.store.db import session_scope
from dyad.store.models import RECORD_MODELS, Correction, Document, Evidence, Mention, StatusHistory

KINDS: dict[str, tuple[Callable[[list[M]], list[list[M]]], Callable[[list[M]], dict]]] = {
    "entity": (ent.cluster_entities, ent.merge_entity),
    "event": (fx.cluster_events, fx.merge_event),
    "agreement": (fx.cluster_agreements, fx.merge_agreement),
    "project": (fx.cluster_projects, fx.merge_project),
    "metric": (fx.cluster_metrics, fx.merge_metric),
    "quote": (fx.cluster_quotes, fx.merge_quote),
}


def load_mentions(session: Session) -> dict[str, list[M]]:
    rows = session.execute(
        select(Mention.id, Mention.key, Mention.kind, Mention.start, Mention.end, Mention.payload,
               Document.doc_id, Document.published).join(Document, Mention.document_id == Document.id)
    )
    out: dict[str, list[M]] = {k: [] for k in KINDS}
    for mid, key, kind, start, end, payload, doc_id, published in rows:
        if kind in out:
            out[kind].append(M(mid, key, kind, doc_id, published, start, end, payload))
    for ms in out.values():
        ms.sort(key=lambda m: m.order)
    return out


def apply_corrections(kind: str, clusters: list[list[M]], corrections: list[Correction]) -> list[list[M]]:
    """Apply an analyst's merges and splits, oldest first. A split undoes the earlier merges
    that built the record; if the automatic resolution alone joined its mentions, it
    separates them by source document."""
    corrections = [c for c in corrections if c.kind == kind]
    cancelled: set[int] = set()
    for i, c in enumerate(corrections):
        if c.action == "split":
            keys = set(c.keys_a)
            for j in range(i):
                earlier = corrections[j]
                if earlier.action == "merge" and keys & (set(earlier.keys_a) | set(earlier.keys_b)):
                    cancelled.add(j)
    for i, c in enumerate(corrections):
        if i in cancelled:
            continue
        if c.action == "merge":
            a, b = set(c.keys_a), set(c.keys_b)
            ia = [i for i, cl in enumerate(clusters) if any(m.key in a for m in cl)]
            ib = [i for i, cl in enumerate(clusters) if any(m.key in b for m in cl)]
            idx = sorted(set(ia + ib))
            if len(idx) > 1:
                merged = [m for i in idx for m in clusters[i]]
                clusters = [cl for i, cl in enumerate(clusters) if i not in idx] + [merged]
        elif c.action == "split":
            keys = set(c.keys_a)
            if sum(1 for cl in clusters if any(m.key in keys for m in cl)) > 1:
                continue  # undoing the merge was enough
            out = []
            for cl in clusters:
                inside = [m for m in cl if m.key in keys]
                if len(inside) <= 1:
                    out.append(cl)
                    continue
                # Split by document: each source's mentions become their own record.
                rest = [m for m in cl if m.key not in keys]
                by_doc: dict[str, list[M]] = {}
                for m in inside:
                    by_doc.setdefault(m.doc_id, []).append(m)
                groups = list(by_doc.values()) if len(by_doc) > 1 else [[m] for m in inside]
                groups[0].extend(rest)
                out.extend(groups)
            clusters = out
    return clusters


def _canonical_person(persons: list[dict]) -> Callable[[str | None, str | None], str | None]:
    """Map a speaker/stated_by surface name to the canonical person name."""
    by_alias: dict[str, set[str]] = {}
    by_surname: dict[str, set[str]] = {}
    for p in persons:
        for a in p["aliases"]:
            by_alias.setdefault(plain(a), set()).add(p["name"])
        by_surname.setdefault(surname(p["name"]), set()).add(p["name"])

    def canon(name: str | None, _doc: str | None = None) -> str | None:
        if not name:
            return name
        hits = by_alias.get(plain(name)) or by_surname.get(surname(name)) or set()
        return next(iter(hits)) if len(hits) == 1 else name

    return canon


def _drop_ambiguous_surnames(persons: list[dict]) -> None:
    """A bare surname shared by two people in the base identifies neither; keep full names."""
    owners: dict[str, int] = {}
    for p in persons:
        owners[surname(p["name"])] = owners.get(surname(p["name"]), 0) + 1
    for p in persons:
        if owners[surname(p["name"])] > 1 and len(p["name"].split()) > 1:
            p["aliases"] = [a for a in p["aliases"] if len(a.split()) > 1 or a == p["name"]]


def resolve_all(factory: sessionmaker[Session]) -> dict[str, int]:
    counts: dict[str, int] = {}
    with session_scope(factory) as session:
        mentions = load_mentions(session)
        corrections = list(session.scalars(select(Correction).order_by(Correction.id)))
        for model in RECORD_MODELS.values():
            session.execute(delete(model))
        session.execute(delete(Evidence))
        session.execute(delete(StatusHistory))
        built: dict[str, list[tuple[str, dict, list[M]]]] = {}
        for kind, (cluster, merge) in KINDS.items():
            clusters = apply_corrections(kind, cluster(mentions[kind]), corrections)
            built[kind] = [(record_id(kind, cl), merge(cl), cl) for cl in clusters if cl]
        persons = [d for _, d, _ in built["entity"] if d["entity_type"] == "person"]
        _drop_ambiguous_surnames(persons)
        canon = _canonical_person(persons)
        for _, data, _ in built["quote"]:
            data["speaker"] = canon(data.get("speaker"))
        for _, data, _ in built["metric"]:
            data["stated_by"] = canon(data.get("stated_by"))
        event_by_ref = {ref: rid for rid, _, cl in built["event"] for m in cl
                        for ref in [m.data.get("ref")] if ref}
        for _, data, _ in built["agreement"]:
            data["event"] = event_by_ref.get(data.pop("event_ref", None) or "")
        for kind, records in built.items():
            model = RECORD_MODELS[kind]
            for rid, data, cl in records:
                data["sources"] = sources_of(cl)
                row = model(id=rid, label=_label(kind, data), subtype=_subtype(kind, data),
                            countries=_countries(kind, data), date_start=_date(kind, data),
                            date_end=data.get("end"),
                            confidence=record_confidence(kind, [m.data for m in cl]), data=data)
                session.add(row)
                for m in cl:
                    session.add(Evidence(record_kind=kind, record_id=rid, mention_id=m.id))
                if kind in ("event", "project", "agreement"):
                    for step in fx.history(cl):
                        session.add(StatusHistory(record_kind=kind, record_id=rid, status=step["status"],
                                                  reported=step["reported"], mention_id=step["mention"]))
            counts[kind] = len(records)
    return counts


def _label(kind: str, d: dict) -> str | None:
    return d.get("name") or d.get("title") or d.get("subject") or d.get("text") or d.get("field")


def _subtype(kind: str, d: dict) -> str | None:
    return {"entity": d.get("entity_type"), "event": d.get("event_type"), "agreement": d.get("instrument"),
            "project": d.get("project_type"), "metric": d.get("metric_type"), "quote": None}[kind]


def _countries(kind: str, d: dict) -> str:
    cs = d.get("countries") or d.get("parties") or ([d["country"]] if d.get("country") else [])
    return "|" + "|".join(sorted(cs)) + "|" if cs else ""


def _date(kind: str, d: dict) -> str | None:
    return d.get("start") or d.get("signed") or d.get("as_of") or d.get("date")


__all__ = ["resolve_all", "UnionFind"]
