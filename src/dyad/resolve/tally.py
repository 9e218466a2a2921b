"""Records that are a whole resolution unit, updated from their new reports alone.

A country, a place or any named thing that is neither a person nor an organisation has one
blocking key, its name key (resolve/blocks.py), and its unit clusters into one record. Such a
record is named in thousands of articles: re-reading and re-merging all its mentions for every
new article would make one article cost more as the archive grows.

So its merge is a fold of a summary that combines exactly: counts of each name, country and
role with the order of their first report, the set of aliases, the counts of mention
confidences, the number of documents. The record keeps the summary (``_tally``, internal and
not exported); a new article adds its mentions' summary to it. The record built that way is
the one a from-scratch resolution of all the mentions builds - ids, sources, confidence and
all (tests/test_archive.py checks it) - because both go through ``entity_of`` and
``confidence_of``.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from dyad.resolve.base import M, sources_of
from dyad.resolve.confidence import is_scored

# Entity blocks that hold more than one name key, or whose clustering compares mentions.
MULTI_KEY_PREFIXES = ("ent:person:", "ent:person-first:", "ent:org:")
MULTI_KEY_TYPES = ("person", "organization")


def is_single_key_block(block: str | None) -> bool:
    return bool(block) and block.startswith("ent:") and not block.startswith(MULTI_KEY_PREFIXES)


def is_single_key_type(entity_type: str | None) -> bool:
    return (entity_type or "other") not in MULTI_KEY_TYPES


def _order(m: M) -> list:
    return list(m.order)


def _count(into: dict[str, list], value: str | None, order: list) -> None:
    """Count ``value`` and keep the order of its first report (ties go to the earliest)."""
    if value in (None, ""):
        return
    seen = into.get(value)
    if seen is None:
        into[value] = [1, order]
    else:
        seen[0] += 1
        if order < seen[1]:
            seen[1] = order


def tally_of(members: Iterable[M]) -> dict:
    """The summary of some mentions of one record."""
    names: dict[str, list] = {}
    countries: dict[str, list] = {}
    roles: dict[str, list] = {}
    aliases: set[str] = set()
    conf: Counter[str] = Counter()
    docs: set[str] = set()
    first: list | None = None
    for m in members:
        order = _order(m)
        first = order if first is None or order < first else first
        _count(names, m.data.get("name"), order)
        _count(countries, m.data.get("country"), order)
        _count(roles, m.data.get("role"), order)
        aliases.update(m.data.get("aliases") or [m.data.get("name") or ""])
        c = m.data.get("confidence")
        if is_scored(c):
            conf[repr(float(c))] += 1
            docs.add(m.doc_id)
    aliases.discard("")
    return {"first": first, "names": names, "countries": countries, "roles": roles,
            "aliases": sorted(aliases), "conf": dict(sorted(conf.items())), "docs": len(docs)}


def combine(a: dict, b: dict) -> dict:
    """The summary of two disjoint sets of mentions (no document in both)."""
    out: dict = {"first": min(a["first"], b["first"])}
    for field in ("names", "countries", "roles"):
        merged = {k: list(v) for k, v in a[field].items()}
        for k, (n, order) in b[field].items():
            if k in merged:
                merged[k] = [merged[k][0] + n, min(merged[k][1], order)]
            else:
                merged[k] = [n, order]
        out[field] = merged
    out["aliases"] = sorted(set(a["aliases"]) | set(b["aliases"]))
    conf = Counter(a["conf"])
    conf.update(b["conf"])
    out["conf"] = dict(sorted(conf.items()))
    out["docs"] = a["docs"] + b["docs"]
    return out


def _most_common(counts: dict[str, list]) -> str | None:
    """The value reported most often; among equals, the one reported first."""
    if not counts:
        return None
    return min(counts, key=lambda k: (-counts[k][0], counts[k][1]))


def role_rank(role: str) -> int:
    """How specific a role is: "Minister of Foreign Affairs of X" over "Minister"."""
    return (" of " in role) + (" to " in role) + ("," in role)


def entity_of(tally: dict, entity_type: str | None) -> dict:
    """The facts-v1 fields of the record a summary describes."""
    name = _most_common(tally["names"])
    roles = tally["roles"]
    # The most specific role, then the most reported, then the longest; then the first reported.
    role = min(roles, key=lambda r: (-role_rank(r), -roles[r][0], -len(r), roles[r][1])) if roles else None
    return {
        "entity_type": entity_type,
        "name": name,
        "aliases": sorted(set(tally["aliases"]) | ({name} if name else set())),
        "country": _most_common(tally["countries"]),
        "role": role,
    }


def confidence_counts(tally: dict) -> tuple[Counter[float], int]:
    return Counter({float(k): n for k, n in tally["conf"].items()}), tally["docs"]


def insert_sources(old: list[dict], new_members: list[M], published_of) -> list[dict]:  # type: ignore[no-untyped-def]
    """``old`` (sources in report order: publication date, then document) with the sources of
    ``new_members`` (documents not in ``old``) put in their places. ``published_of(doc_id)``
    gives a document's publication date; it is asked about O(log n) documents of ``old``."""
    out = list(old)
    by_doc: dict[str, list[M]] = {}
    for m in new_members:
        by_doc.setdefault(m.doc_id, []).append(m)
    cache: dict[str, str] = {}

    def key(doc_id: str) -> tuple[str, str]:
        if doc_id not in cache:
            cache[doc_id] = published_of(doc_id) or ""
        return cache[doc_id], doc_id

    for doc_id, ms in sorted(by_doc.items()):
        wanted = (ms[0].published or "", doc_id)
        lo, hi = 0, len(out)
        while lo < hi:  # the first source of a document that sorts after this one
            mid = (lo + hi) // 2
            if key(out[mid]["doc"]) <= wanted:
                lo = mid + 1
            else:
                hi = mid
        out[lo:lo] = sources_of(ms)
    return out


__all__ = ["combine", "confidence_counts", "entity_of", "insert_sources", "is_single_key_block",
           "is_single_key_type", "tally_of"]
