"""An analyst's merges and splits, applied to the clusters automatic resolution built.

Corrections are stored by mention keys, so they survive re-ingestion and re-resolution.
"""

from __future__ import annotations

from dyad.resolve.base import M
from dyad.store.models import Correction


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
