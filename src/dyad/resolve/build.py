"""Building records from resolution units: a pure function of the units' mentions.

Nothing here touches the database, so a full resolution can build the records of one batch of
units in worker processes (resolve/workers.py) while the main process writes the previous one.
What the writer needs of a record's mentions travels with it as plain lists (ids, keys,
documents), not the mentions themselves: their payloads are the bulk of a batch, and lists of
strings and numbers cross between processes at C speed.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from dyad.resolve import agreement_facts as ag
from dyad.resolve import entities as ent
from dyad.resolve import facts as fx
from dyad.resolve import links
from dyad.resolve.base import M, record_id, sources_of
from dyad.resolve.blocks import blocking_keys
from dyad.resolve.confidence import confidence_of, is_scored
from dyad.resolve.corrections_apply import apply_corrections

KINDS: dict[str, tuple[Callable[[list[M]], list[list[M]]], Callable[[list[M]], dict]]] = {
    "entity": (ent.cluster_entities, ent.merge_entity),
    "event": (fx.cluster_events, fx.merge_event),
    "agreement": (ag.cluster_agreements, ag.merge_agreement),
    "project": (fx.cluster_projects, fx.merge_project),
    "metric": (fx.cluster_metrics, fx.merge_metric),
    "quote": (fx.cluster_quotes, fx.merge_quote),
}


@dataclass
class Built:
    """A record built from its mentions, before links and the analyst's set/reject corrections."""

    rid: str
    data: dict[str, Any]
    mention_ids: list[int]  # its mentions, in content order
    mention_keys: list[str]  # the same mentions' keys (corrections name mentions by key)
    docs: list[str]  # the same mentions' documents (doc_id)
    published: list[str | None]  # and those documents' publication dates
    confidence: float | None
    block: str  # the blocking key of its first mention (the record's unit)
    first_seen: str | None  # when the base first stored one of its documents
    history: list[dict[str, Any]]  # status steps: status, reported, mention


def build_units(kind: str, units: Iterable[list[M]], corrections: list[Any]) -> list[Built]:
    """The records of ``units`` (each a list of mentions in content order)."""
    cluster, merge = KINDS[kind]
    clusters: list[list[M]] = []
    for unit in units:
        clusters.extend(cl for cl in apply_corrections(kind, cluster(unit), corrections) if cl)
    built = []
    for cl in clusters:
        data = merge(cl)
        data["sources"] = sources_of(cl)
        links.prepare(kind, data, cl)
        ordered = sorted(cl, key=lambda m: m.order)
        built.append(Built(
            rid=record_id(kind, cl), data=data,
            mention_ids=[m.id for m in ordered], mention_keys=[m.key for m in ordered],
            docs=[m.doc_id for m in ordered], published=[m.published for m in ordered],
            confidence=_confidence(kind, cl),
            block=blocking_keys(kind, cl[0].data, cl[0].published)[0],
            first_seen=min((m.seen for m in cl if m.seen), default=None),
            history=fx.history(cl) if kind in ("event", "project", "agreement") else []))
    if kind == "entity":
        ent.drop_ambiguous_surnames([b.data for b in built if b.data["entity_type"] == "person"])
    return built


def _confidence(kind: str, members: list[M]) -> float | None:
    confs = [m.data.get("confidence") for m in members]
    scored = [(float(c), m.doc_id) for c, m in zip(confs, members, strict=True) if is_scored(c)]
    return confidence_of(kind, Counter(c for c, _ in scored), len({d for _, d in scored}))


__all__ = ["KINDS", "Built", "build_units"]
