"""The TIMEX3 value type and arithmetic on the document creation time at its precision."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from dateutil.relativedelta import relativedelta

# --------------------------------------------------------------------------------------------------
# Public data type
# --------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Timex:
    start: int
    end: int
    text: str
    type: str  # "DATE" | "TIME" | "DURATION" | "SET"
    value: str  # TIMEX3 value
    mod: str | None = None  # TIMEX3 mod: START, MID, END, APPROX, MORE_THAN, LESS_THAN ...

    def to_json(self) -> dict:
        out: dict = {"start": self.start, "end": self.end, "text": self.text, "type": self.type,
                     "value": self.value}
        if self.mod:
            out["mod"] = self.mod
        return out

    def iso_date(self) -> str | None:
        """Best-effort partial ISO calendar date ("YYYY", "YYYY-MM", "YYYY-MM-DD") or None."""
        if self.type not in ("DATE", "TIME"):
            return None
        return _value_to_iso(self.value)


_ISO_DAY_RE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})")
_ISO_MONTH_RE = re.compile(r"^(\d{4})-(\d{2})(?![\d-])")
_ISO_WEEK_RE = re.compile(r"^(\d{4})-W(\d{2})")
_ISO_YEARISH_RE = re.compile(r"^(?:FY)?(\d{4})(?:$|-(?:Q\d|H\d|SP|SU|FA|WI))")


def _value_to_iso(value: str) -> str | None:
    """Map a TIMEX3 value onto a partial ISO date; coarser units (quarter, season) fall back to YYYY."""
    if m := _ISO_DAY_RE.match(value):
        return m.group(0)
    if m := _ISO_MONTH_RE.match(value):
        return m.group(0)
    if m := _ISO_WEEK_RE.match(value):
        # A week is as precise as the month (or year) that holds all of it: claiming the month of
        # its Thursday would put half of a week spanning two months in the wrong one.
        try:
            mon = dt.date.fromisocalendar(int(m.group(1)), int(m.group(2)), 1)
            sun = mon + dt.timedelta(days=6)
        except ValueError:
            return m.group(1)
        if (mon.year, mon.month) == (sun.year, sun.month):
            return f"{mon.year:04d}-{mon.month:02d}"
        return f"{mon.year:04d}" if mon.year == sun.year else m.group(1)  # across New Year: the ISO year
    if m := _ISO_YEARISH_RE.match(value):
        return m.group(1)
    return None


# --------------------------------------------------------------------------------------------------
# Anchor (DCT) arithmetic at partial precision
# --------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Anchor:
    year: int | None = None
    month: int | None = None
    day: int | None = None

    @classmethod
    def parse(cls, dct: str | None) -> _Anchor:
        if not dct:
            return cls()
        m = re.match(r"^\s*(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?", dct)
        if not m:
            return cls()
        y, mo, d = (int(g) if g else None for g in m.groups())
        return cls(y, mo, d)

    @property
    def date(self) -> dt.date | None:
        if self.year and self.month and self.day:
            try:
                return dt.date(self.year, self.month, self.day)
            except ValueError:
                return None
        return None

    def best(self) -> str:
        """The anchor itself at its own precision (used when a finer unit cannot be resolved)."""
        if self.year is None:
            return "XXXX-XX-XX"
        if self.month is None:
            return f"{self.year:04d}"
        if self.day is None:
            return f"{self.year:04d}-{self.month:02d}"
        return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"


def _fmt_date(d: dt.date) -> str:
    return f"{d.year:04d}-{d.month:02d}-{d.day:02d}"


def _rel_day(a: _Anchor, k: int) -> str:
    d = a.date
    if d is None:
        return a.best()
    return _fmt_date(d + dt.timedelta(days=k))


def _rel_week(a: _Anchor, k: int, suffix: str = "") -> str:
    d = a.date
    if d is None:
        if a.year is None:
            return "XXXX-WXX" + suffix
        return f"{a.year:04d}" if a.month is None else f"{a.year:04d}-{a.month:02d}"
    iso = (d + dt.timedelta(weeks=k)).isocalendar()
    return f"{iso[0]:04d}-W{iso[1]:02d}{suffix}"


def _rel_month(a: _Anchor, k: int) -> str:
    if a.year is None:
        return "XXXX-XX"
    if a.month is None:
        return f"{a.year:04d}"
    d = dt.date(a.year, a.month, 1) + relativedelta(months=k)
    return f"{d.year:04d}-{d.month:02d}"


def _rel_year(a: _Anchor, k: int) -> str:
    return "XXXX" if a.year is None else f"{a.year + k:04d}"


def _rel_quarter(a: _Anchor, k: int) -> str:
    if a.year is None:
        return "XXXX-QX"
    if a.month is None:
        return f"{a.year:04d}"
    q = (a.month - 1) // 3 + k
    y = a.year + q // 4
    return f"{y:04d}-Q{q % 4 + 1}"


def _rel_decade(a: _Anchor, k: int) -> str:
    return "XXX" if a.year is None else f"{a.year // 10 + k:03d}"


def _rel_century(a: _Anchor, k: int) -> str:
    return "XX" if a.year is None else f"{a.year // 100 + k:02d}"


def _season_of(month: int) -> int:
    """Index of the season (0 winter, 1 spring, 2 summer, 3 fall) containing a month."""
    return {12: 0, 1: 0, 2: 0, 3: 1, 4: 1, 5: 1, 6: 2, 7: 2, 8: 2}.get(month, 3)


_SEASON_ORDER = {"WI": 0, "SP": 1, "SU": 2, "FA": 3}


def _year_for(a: _Anchor, pos: tuple[int, ...], now: tuple[int, ...], rel: str | None,
              tense: str | None) -> int | None:
    """Year of a yearless calendar position (month, (month, day), quarter ...) relative to the DCT.

    ``pos`` and ``now`` are comparable tuples (e.g. (month, day)).  "last X" is the most recent X
    strictly before the DCT, "next X" the first one after it; a bare X stays in the DCT year unless
    the sentence tense clearly points the other way (past tense + later in the year -> previous
    year, future tense + earlier in the year -> next year), as HeidelTime does.
    """
    if a.year is None:
        return None
    if not now:
        return a.year + {"last": -1, "next": 1}.get(rel or "", 0)
    # Compare only at the precision both sides have: with a DCT of "2024-09", "16 September"
    # is neither before nor after it.
    n = min(len(pos), len(now))
    pos, now = pos[:n], now[:n]
    if rel == "last":
        return a.year if pos < now else a.year - 1
    if rel == "next":
        return a.year if pos > now else a.year + 1
    if rel == "this":
        return a.year
    if tense == "past" and pos > now:  # ('present' deliberately keeps the DCT year)
        return a.year - 1
    if tense == "future" and pos < now:
        return a.year + 1
    return a.year
