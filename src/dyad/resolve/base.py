"""Shared types for resolution: a mention as the resolver sees it, and clusters."""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any


@dataclass
class M:
    """A stored fact mention with the metadata of its document."""

    id: int
    key: str
    kind: str
    doc_id: str
    published: str | None
    start: int
    end: int
    data: dict[str, Any]
    seen: str | None = None  # when the base first stored the mention's document (ISO)

    @property
    def order(self) -> tuple:
        # Order-free processing: sort by content-derived keys, never by insertion order.
        return (self.published or "", self.doc_id, self.start, self.end, self.key)


def record_id(kind: str, members: Iterable[M]) -> str:
    """Named after the record's first report (publication date, then document, then place):
    an archive grows forward in time, so later reports join a record without renaming it.
    Only an earlier report, a merge or a split changes an id, and the old one becomes an alias."""
    return record_id_of(kind, min(members, key=lambda m: m.order).key)


def record_id_of(kind: str, first_key: str) -> str:
    """The id of a record of ``kind`` whose first report is the mention keyed ``first_key``."""
    return f"{kind[:3]}-{hashlib.sha1(first_key.encode()).hexdigest()[:10]}"


def most_common(values: Iterable[Any], prefer: Any = None) -> Any:
    vals = [v for v in values if v not in (None, "", [])]
    if not vals:
        return None
    counts = Counter(map(repr, vals))
    best = max(vals, key=lambda v: (counts[repr(v)], prefer(v) if prefer else 0))
    return best


def sources_of(members: Iterable[M]) -> list[dict]:
    out, seen = [], set()
    for m in sorted(members, key=lambda m: m.order):
        for s in m.data.get("sources") or [{"start": m.start, "end": m.end}]:
            sig = (m.doc_id, s["start"], s["end"])
            if sig not in seen:
                seen.add(sig)
                out.append({"doc": m.doc_id, "start": s["start"], "end": s["end"]})
    return out


class UnionFind:
    def __init__(self, n: int) -> None:
        self.parent = list(range(n))

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def union(self, a: int, b: int) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            # Smaller index wins so results do not depend on call order.
            self.parent[max(ra, rb)] = min(ra, rb)

    def groups(self) -> list[list[int]]:
        out: dict[int, list[int]] = {}
        for i in range(len(self.parent)):
            out.setdefault(self.find(i), []).append(i)
        return list(out.values())
