"""Record confidence: combine the confidences of the mentions a record was resolved from.

On the log-odds scale of the mention scores: the mean of the members' log-odds, raised for
every further independent source (another document telling the same fact) and, less, for
further mentions within one document. The weights are data (``dyad/data/confidence.json``,
section ``record``), fitted with the mention weights by ``bench/fit_confidence.py``.
"""

from __future__ import annotations

import json
import math
from collections import Counter
from functools import lru_cache
from itertools import chain, repeat
from pathlib import Path

TABLE_PATH = Path(__file__).resolve().parent.parent / "data" / "confidence.json"


@lru_cache(maxsize=1)
def _weights() -> dict:
    with open(TABLE_PATH, encoding="utf-8") as fh:
        return json.load(fh)["record"]


def _logit(p: float) -> float:
    p = min(max(p, 1e-6), 1 - 1e-6)
    return math.log(p / (1 - p))


def record_confidence(kind: str, members: list[dict]) -> float | None:
    """The probability that a record of ``kind`` built from ``members`` (the mention payloads,
    each with its ``confidence`` and ``doc_id``) is right; None when no member carries one."""
    scored = [m for m in members if is_scored(m.get("confidence"))]
    return confidence_of(kind, Counter(float(m["confidence"]) for m in scored),
                         len({m.get("doc_id") for m in scored}))


def is_scored(value: object) -> bool:
    """A mention confidence to count (a number; not a flag)."""
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def confidence_of(kind: str, counts: Counter[float], docs: int) -> float | None:
    """The record confidence from how many members carry each mention confidence and how many
    documents they come from. The sum is exactly rounded (``fsum``), so the result does not
    depend on the order members are counted in - a record updated from new reports gets the
    confidence a from-scratch resolution gives it."""
    n = sum(counts.values())
    if not n:
        return None
    w = _weights()
    base = math.fsum(chain.from_iterable(repeat(_logit(c), k) for c, k in counts.items())) / n
    extra_docs = math.log(docs) if docs > 1 else 0.0
    extra_mentions = math.log(n / docs) if n > docs else 0.0
    x = base + w.get("per_log_source", 0.0) * extra_docs + w.get("per_log_mention", 0.0) * extra_mentions \
        + w.get("kind", {}).get(kind, 0.0)
    return round(1.0 / (1.0 + math.exp(-x)), 3)
