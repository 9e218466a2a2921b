"""Date strings at their precision ("2024", "2024-03", "2024-03-11") as closed intervals of days."""

from __future__ import annotations

import re


def interval(d: str | None) -> tuple[tuple, tuple] | None:
    if not d or not re.match(r"^\d{4}(-\d{2}(-\d{2})?)?$", d):
        return None
    parts = [int(x) for x in d.split("-")]
    lo = tuple(parts + [1] * (3 - len(parts)))
    hi = tuple(parts + [12, 31][len(parts) - 1:]) if len(parts) < 3 else tuple(parts)
    return lo, hi


def overlaps(a: str | None, b: str | None) -> bool | None:
    ia, ib = interval(a), interval(b)
    if not ia or not ib:
        return None
    return ia[0] <= ib[1] and ib[0] <= ia[1]


def span_overlaps(s1: str | None, e1: str | None, s2: str | None, e2: str | None) -> bool | None:
    """Do two [start, end] periods overlap? None when either is undated."""
    a, b = interval(s1), interval(s2)
    if not a or not b:
        return None
    a_end = interval(e1)[1] if interval(e1) else a[1]
    b_end = interval(e2)[1] if interval(e2) else b[1]
    return a[0] <= b_end and b[0] <= a_end
