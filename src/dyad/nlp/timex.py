"""Rule-based temporal expression tagger and normaliser (TIMEX3), in the spirit of HeidelTime/SUTime.

``find_timexes(text, dct)`` finds DATE / TIME / DURATION / SET expressions in English news text and
normalises them to TIMEX3 values following the TimeML annotation guidelines (e.g. "last week" ->
``2013-W11``, "the 1990s" -> ``199``, "the past three years" -> ``P3Y``, "now" -> ``PRESENT_REF``).
Relative expressions are resolved against the document creation time (DCT) *at its precision*: with a
DCT of ``2024-03`` "yesterday" can only be ``2024-03``.

Design: every rule is a regular expression compiled once at import plus a small handler that builds
the value.  All rules run over the text, then overlapping candidates are resolved longest-first, so a
specific rule ("the past three years") always beats the generic one inside it ("three years").
Word lists live in ``dyad/data/timex/lexicon.json`` so they can be extended without touching code.

``python -m dyad.nlp.timex --dct 2013-03-22 FILE`` prints one JSON object per expression.
"""

from __future__ import annotations

import argparse
import bisect
import datetime as dt
import json
import re
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from dateutil.easter import easter
from dateutil.relativedelta import relativedelta

__all__ = ["Timex", "find_timexes", "find_date_ranges", "main"]

_LEX_PATH = Path(__file__).resolve().parent.parent / "data" / "timex" / "lexicon.json"
_LEX: dict = json.loads(_LEX_PATH.read_text(encoding="utf-8"))


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


# --------------------------------------------------------------------------------------------------
# Lexicon-derived regex pieces
# --------------------------------------------------------------------------------------------------


def _alt(words) -> str:
    """Regex alternation, longest first so that "a couple of" wins over "a"."""
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True))


_MONTHS: dict[str, int] = {**_LEX["months"], **_LEX["month_abbrevs"]}
_MONTH_FULL = _alt(_LEX["months"])
_MONTH_ABBR = _alt(_LEX["month_abbrevs"])
# Abbreviations only count with a dot ("Sept.") or directly before a number ("Jan 5") so that
# words such as "Mar" or "Jun" in other uses do not become months.
_MON = rf"(?:{_MONTH_FULL}|(?:{_MONTH_ABBR})\.|(?:{_MONTH_ABBR})(?=\s+\d))"
_WEEKDAYS: dict[str, int] = _LEX["weekdays"]
_WD = _alt(_WEEKDAYS)
_NUM_WORDS: dict[str, float] = _LEX["number_words"]
_TENS = "twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety"
_UNITS_1_9 = "one|two|three|four|five|six|seven|eight|nine"
_NUMBER = (rf"(?:\d+(?:\.\d+)?|(?:{_TENS})[-\s](?:{_UNITS_1_9})|{_alt(_NUM_WORDS)})")
_VAGUE = _alt(_LEX["vague_quantities"])
_QUANT = rf"(?:{_NUMBER}(?:\s+and\s+a\s+half)?|{_VAGUE})"
_DUR_UNITS: dict[str, list] = _LEX["duration_units"]
_PLURAL_UNITS: dict[str, str] = _LEX["plural_units"]
_UNIT = _alt(list(_DUR_UNITS) + list(_PLURAL_UNITS))
_UNIT_PL = _alt(_PLURAL_UNITS)
_ORD: dict[str, int] = _LEX["ordinals"]
_ORD_RE = _alt(_ORD)
_SEASONS: dict[str, str] = _LEX["seasons"]
_SEASON = _alt(_SEASONS)
_POD: dict[str, str] = _LEX["parts_of_day"]
_TZ = _alt(_LEX["timezones"])
_YEAR = r"(?:1[0-9]{3}|20[0-9]{2})"
_YEAR_END = r"(?![\d])(?!,\d{3})(?!\.\d)(?!\s*%)"

# Modifier prefixes shared by the calendar anchors: "the end of", "early", "mid-", "the first half of".
_MODPFX = (r"(?:(?P<mpre>(?:the\s+)?(?:very\s+)?(?:start|beginning|end|middle|close|dawn|first\s+half|"
           r"second\s+half|latter\s+half|latter\s+part|early\s+part|first\s+part|last\s+part|"
           r"remainder|rest|balance)\s+of\s+)|(?P<madj>(?:early|late|mid|earlier|later)(?:\s+|-)))?")
_MOD_MAP = {"start": "START", "beginning": "START", "dawn": "START", "early": "START",
            "first part": "START", "early part": "START", "end": "END", "close": "END", "late": "END",
            "last part": "END", "latter part": "END", "middle": "MID", "mid": "MID",
            "first half": "START", "second half": "END", "latter half": "END"}


def _norm(s: str) -> str:
    return re.sub(r"\s+", " ", s.strip().lower())


def _parse_quant(q: str) -> float | str:
    """Number of units in a quantity phrase, or "X" for vague ones ("several", "a few")."""
    q = _norm(q)
    half = 0.0
    if q.endswith(" and a half"):
        q, half = q[: -len(" and a half")], 0.5
    if re.fullmatch(r"\d+(?:\.\d+)?", q):
        return float(q) + half
    if q in _NUM_WORDS:
        return float(_NUM_WORDS[q]) + half
    m = re.fullmatch(rf"({_TENS})[-\s]({_UNITS_1_9})", q)
    if m:
        return float(_NUM_WORDS[m.group(1)] + _NUM_WORDS[m.group(2)]) + half
    return "X"


def _duration_value(quant: float | str, unit: str) -> str:
    """ISO 8601 duration for ``quant`` units, e.g. (3, "years") -> P3Y, (1, "decade") -> P10Y."""
    unit = _norm(unit)
    unit = _PLURAL_UNITS.get(unit, unit)
    if quant == "X":
        return "P" + _LEX["vague_unit_codes"][unit]
    t, code, mult = _DUR_UNITS[unit]
    n = float(quant) * mult
    # Fractions go down one unit where that is exact: "a year and a half" -> P18M,
    # "half an hour" -> PT30M, "half a day" -> PT12H.
    smaller = {("", "Y"): ("", "M", 12), ("", "W"): ("", "D", 7), ("", "D"): ("T", "H", 24),
               ("T", "H"): ("T", "M", 60), ("T", "M"): ("T", "S", 60)}
    if n != int(n) and (t, code) in smaller:
        t2, code2, f = smaller[(t, code)]
        if n * f == int(n * f):
            n, t, code = n * f, t2, code2
    num = str(int(n)) if n == int(n) else f"{n:g}"
    return f"P{t}{num}{code}"


# --------------------------------------------------------------------------------------------------
# Tense detection (for resolving "Monday", "in November", "the fourth quarter" without a year)
# --------------------------------------------------------------------------------------------------

_FUTURE_RE = re.compile(rf"(?<![\w'])(?:{_alt(_LEX['future_markers'])})(?!\w)", re.I)
_NOT_PAST_ED = set(_LEX["not_past_ed_words"])
_PAST_WORDS = {w.lower() for w in _LEX["past_markers"]}
_PAST_RE = re.compile(rf"(?<![\w'])(?:{_alt(_LEX['past_markers'])}|[a-z]{{3,}}ed)(?!\w)", re.I)
# "the upcoming commission ... in a call on Tuesday": an adjective dates its own noun, not the
# expression, so it counts for less than a verb's tense.
_ADJECTIVE_MARKERS = {w.lower() for w in _LEX["adjective_tense_markers"]}
_PRESENT_RE = re.compile(r"(?<![\w'])(?:is|are|am)(?!\w)", re.I)
# "to run", "to meet": an infinitive of purpose/intention usually points to the future.
_INFINITIVE_RE = re.compile(r"(?<![\w'])to\s+(?!(?:the|a|an|his|her|its|their|our|my|your|this|that|these|"
                            r"those|be|death|power|office|court|prison|jail|date|war|school|work|life|"
                            r"light|mind|account|trial|bed|justice|safety|market|zero|about|around|"
                            r"nearly|some|more|less|over|under)\b)[a-z]+(?!\w)")
_INTENT_WORDS = {"meant", "intended", "aimed", "designed", "expected", "planned", "scheduled", "hoped", "due",
                 "poised", "supposed", "set", "sought", "wanted", "hoping", "aiming", "seeking", "planning"}
# "agreed to hold its first session in autumn": a commitment looks ahead, unless the date belongs to
# what led to it ("agreed to build a post after talks on June 3")
_COMMIT_WORDS = {"agreed", "decided", "pledged", "promised", "vowed", "resolved"}
_LED_TO_RE = re.compile(r"\b(?:after|following|during|since|when|at\s+(?:the|their|a)\s+\w+\s+(?:on|in))\b", re.I)
_AUX_BEFORE_PARTICIPLE = {"is", "are", "am", "be", "been", "being", "has", "have", "get", "gets", "to",
                          "will", "would", "'s", "can", "could", "may", "might", "must", "should"}
_ABBREV_END_RE = re.compile(r"(?:\b[ap]\.m|\b(?:Mr|Mrs|Ms|Dr|St|Gen|Col|Lt|Sgt|Rep|Sen|Gov|Jan|Feb|Mar|Apr|"
                            r"Jun|Jul|Aug|Sept?|Oct|Nov|Dec|No|vs|Inc|Corp|Co|Ltd|Jr|Sr)|\b[A-Z]|\.[A-Z])\.$")
_SENT_BOUNDARY_RE = re.compile(r"[.!?]\s+(?=[\"'A-Z(])|\n")


class _Ctx:
    """Per-call state: the text, the anchor and cached sentence boundaries for tense lookups."""

    def __init__(self, text: str, anchor: _Anchor) -> None:
        self.text = text
        self.anchor = anchor
        # Sentence starts, skipping periods of abbreviations ("2 p.m. Friday", "Mr. Smith").
        self.bounds = [0] + [m.end() for m in _SENT_BOUNDARY_RE.finditer(text)
                             if not _ABBREV_END_RE.search(text, max(0, m.start() - 6), m.start() + 1)
                             ] + [len(text) + 1]

    def sentence(self, pos: int) -> tuple[int, int]:
        lo = 0
        for b in self.bounds:
            if b <= pos:
                lo = b
            else:
                return lo, b
        return lo, len(self.text)

    @staticmethod
    def _is_participle(seg: str, m: re.Match) -> bool:
        """True for an -ed word that is a participle after an auxiliary ("is expected", "has said")."""
        w = m.group(0).lower()
        if w in _NOT_PAST_ED:
            return True
        prev = re.findall(r"[\w']+", seg[max(0, m.start() - 30):m.start()])
        if prev and prev[-1].lower() in ("be", "been", "being"):
            return True  # "will be held in December": an irregular participle too ("held", "made")
        if not w.endswith("ed") or w in _PAST_WORDS:
            return False
        return bool(prev) and prev[-1].lower() in _AUX_BEFORE_PARTICIPLE

    @staticmethod
    def _infinitive_tense(seg: str, m: re.Match) -> str:
        """'agreed to sell' takes the governing verb's past tense; 'a program to run' looks ahead."""
        prev = re.findall(r"[\w']+", seg[max(0, m.start() - 30):m.start()])
        w = prev[-1].lower() if prev else ""
        if w in _INTENT_WORDS:
            return "future"  # "was meant to lay the groundwork for a meeting in December": still ahead
        if w in _COMMIT_WORDS:
            return "past" if _LED_TO_RE.search(seg[m.end():]) else "future"
        if w in _PAST_WORDS or (w.endswith("ed") and w not in _NOT_PAST_ED):
            return "past"
        return "future"

    def tense(self, start: int, end: int) -> str | None:
        """'past', 'future', 'present' or None from the tense marker nearest to the expression.

        Only the expression's own sentence is inspected; markers before the expression weigh more
        than those after it.  A crude stand-in for a POS tagger, which is all that rule-based
        resolution of "Monday" or "in June" needs in practice.
        """
        s0, s1 = self.sentence(start)
        before = self.text[s0:start]
        after = self.text[end:s1]
        best: tuple[int, str] | None = None  # (distance, tense)
        for rx, label in ((_FUTURE_RE, "future"), (_PAST_RE, "past"), (_PRESENT_RE, "present"),
                          (_INFINITIVE_RE, "future")):
            for m in rx.finditer(before):
                if label == "past" and self._is_participle(before, m):
                    continue
                dist = len(before) - m.end()
                if m.group(0).lower() in _ADJECTIVE_MARKERS and dist > 15:
                    dist = 2 * dist + 20
                if best is None or dist < best[0]:
                    best = (dist, self._infinitive_tense(before, m) if rx is _INFINITIVE_RE else label)
            for m in rx.finditer(after[:60]):
                if label == "past" and self._is_participle(after, m):
                    continue
                if best is not None and "," in after[:m.start()]:
                    break  # "will co-chair the meeting in December, the call heard": a reporting tail
                if rx is _INFINITIVE_RE:
                    break  # "met X on Thursday to review ...": a purpose clause, not the tense of the date
                # Markers after the expression count less than those before ("Monday, he said").
                dist = m.start() + 20
                if best is None or dist < best[0]:
                    best = (dist, label)
                break
        return best[1] if best else None

    def prev_words(self, pos: int, n: int = 1) -> list[str]:
        return re.findall(r"[\w$€£¥#.'-]+", self.text[max(0, pos - 40):pos])[-n:]

    def next_word(self, pos: int) -> str:
        m = re.match(r"\s*([\w%'-]+)", self.text[pos:pos + 40])
        return m.group(1) if m else ""


# --------------------------------------------------------------------------------------------------
# Rules
# --------------------------------------------------------------------------------------------------

# A handler returns (type, value, mod) or None to reject the match.
_Result = tuple[str, str, str | None] | None
_Handler = Callable[[re.Match, _Ctx], _Result]
_RULES: list[tuple[re.Pattern, _Handler, int, re.Pattern | None]] = []


def _rule(pattern: str, priority: int = 5, flags: int = re.I, word_start: bool = True,
          needs: str | None = None) -> Callable[[_Handler], _Handler]:
    """Register a handler for a pattern; the span is group 't' when present, else the whole match.

    Patterns are anchored to a word start by default: besides being required anyway, the cheap
    lookbehind lets the regex engine skip mid-word positions quickly (a large speed-up).
    ``needs``: words every match contains; a text without any of them is not scanned by the
    pattern (a literal search is far cheaper than trying the pattern's optional prefixes at
    every word).
    """

    def deco(fn: _Handler) -> _Handler:
        required = re.compile(needs, re.I) if needs else None
        _RULES.append((re.compile(("(?<!\\w)" if word_start else "") + pattern, flags), fn, priority, required))
        return fn

    return deco


def _cap(s: str) -> bool:
    return s[:1].isupper()


def _month_num(s: str) -> int:
    return _MONTHS[s.lower().rstrip(".")]


def _mod_of(m: re.Match) -> tuple[str | None, str | None]:
    """(mod, half) from the shared modifier prefix; half is 'H1'/'H2' for "first/second half of"."""
    pre = m.groupdict().get("mpre")
    adj = m.groupdict().get("madj")
    if pre:
        key = re.sub(r"^(?:the\s+)?(?:very\s+)?", "", _norm(pre))[: -len(" of")]
        half = {"first half": "H1", "second half": "H2", "latter half": "H2"}.get(key)
        return _MOD_MAP.get(key), half
    if adj:
        return _MOD_MAP.get(_norm(adj).rstrip("-")), None
    return None, None


def _apply_half(value: str, mod: str | None, half: str | None) -> tuple[str, str | None]:
    """'the first half of 2025' -> 2025-H1 (value), not 2025 with mod START."""
    if half and re.fullmatch(r"\d{4}", value):
        return f"{value}-{half}", None
    return value, mod


def _valid_day(y: int | None, mo: int, d: int) -> bool:
    try:
        dt.date(y or 2000, mo, d)
    except ValueError:
        return False
    return True


# ---- numeric dates -------------------------------------------------------------------------------


@_rule(r"(?<![\w/.-])(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})"
       r"(?:T(?P<H>\d{2}):(?P<M>\d{2})(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?(?![\w/-])", 1)
def _iso_date(m: re.Match, c: _Ctx) -> _Result:
    y, mo, d = int(m["y"]), int(m["m"]), int(m["d"])
    if not _valid_day(y, mo, d):
        return None
    if m["H"]:
        return "TIME", f"{y:04d}-{mo:02d}-{d:02d}T{m['H']}:{m['M']}", None
    return "DATE", f"{y:04d}-{mo:02d}-{d:02d}", None


@_rule(r"(?<![\w/.-])(?P<a>\d{1,2})/(?P<b>\d{1,2})/(?P<y>\d{4}|\d{2})(?![\w/])", 1)
def _slash_date(m: re.Match, c: _Ctx) -> _Result:
    a, b = int(m["a"]), int(m["b"])
    y = int(m["y"]) if len(m["y"]) == 4 else 2000 + int(m["y"]) if int(m["y"]) < 50 else 1900 + int(m["y"])
    # US order (month/day) unless the first number cannot be a month.
    mo, d = (a, b) if a <= 12 else (b, a)
    if not _valid_day(y, mo, d):
        return None
    return "DATE", f"{y:04d}-{mo:02d}-{d:02d}", None


# ---- month + day (+ year) -------------------------------------------------------------------------

_DAYNUM = r"(?:[0-3]?\d)(?:st|nd|rd|th)?"
# "April last year", "18 February of next year", "in May this year": the year given relative to the DCT.
_YEAR_REL = r"(?:,?\s+(?:of\s+)?(?P<yrel>last|next|this)\s+year(?![\w-]|['’]s))"
_YEAR_REL_K = {"last": -1, "next": 1, "this": 0}


def _year_of(m: re.Match, c: _Ctx) -> str | None:
    """The year written with a month: a number, or one relative to the DCT ("last year")."""
    if m["year"]:
        return m["year"]
    if m.groupdict().get("yrel") and c.anchor.year is not None:
        return f"{c.anchor.year + _YEAR_REL_K[m['yrel'].lower()]:04d}"
    return None


def _resolve_month_day(m: re.Match, c: _Ctx, mon: int, day: int | None, year: str | None,
                       rel: str | None = None) -> str | None:
    a = c.anchor
    if year:
        y: int | None = int(year)
    else:
        now: tuple[int, ...] = ()
        if a.month:
            # a month-precision DCT says nothing about the day: compare months only
            now = (a.month, a.day) if day and a.day else (a.month,)
        pos = (mon, day) if day else (mon,)
        y = _year_for(a, pos, now, rel, None if rel else c.tense(m.start(), m.end()))
    if day is not None and not _valid_day(y, mon, day):
        return None
    ys = f"{y:04d}" if y is not None else "XXXX"
    return f"{ys}-{mon:02d}" + (f"-{day:02d}" if day is not None else "")


@_rule(rf"(?:(?P<wd>{_WD}),?\s+)?(?P<mon>{_MON})\s+(?P<day>{_DAYNUM})(?!\d|[:.,]\d|\s*%)"
       rf"(?:\s*(?:-|–|—|to|through|and)\s*(?P<day2>{_DAYNUM})(?![\d:]))?"
       rf"(?:,?\s+(?P<year>{_YEAR}){_YEAR_END}|{_YEAR_REL})?", 2)
def _month_day(m: re.Match, c: _Ctx) -> _Result:
    if not _cap(m["mon"]):
        return None
    day = int(re.match(r"\d+", m["day"]).group(0))
    v = _resolve_month_day(m, c, _month_num(m["mon"]), day, _year_of(m, c))
    return ("DATE", v, None) if v else None


@_rule(rf"(?:(?P<wd>{_WD}),?\s+)?(?:the\s+)?(?P<day>{_DAYNUM})"
       rf"(?:\s*(?:-|–|—|to|and)\s*(?P<day2>{_DAYNUM}))?(?:\s+of)?\s+(?P<mon>{_MON})"
       rf"(?:,?\s+(?P<year>{_YEAR}){_YEAR_END}|{_YEAR_REL})?(?<![.\s])", 2)
def _day_month(m: re.Match, c: _Ctx) -> _Result:
    if not _cap(m["mon"]):
        return None
    # "the 3 May" must have a real day number; reject "15 March" when it's "2,015 March..." etc.
    if c.text[max(0, m.start() - 1):m.start()] in (",", "$"):
        return None
    day = int(re.match(r"\d+", m["day"]).group(0))
    if day == 0 or day > 31:
        return None
    v = _resolve_month_day(m, c, _month_num(m["mon"]), day, _year_of(m, c))
    return ("DATE", v, None) if v else None


_MONTH_CUES = set(_LEX["month_cue_words"])
# Words that may follow a month name with no preposition before it ("January and February",
# "November was the wettest month", "June saw ...").
_BARE_MONTH_NEXT_OK = {"and", "or", "to", "through", "was", "is", "will", "has", "had", "saw", "sees",
                       "marked", "marks", "brought", "brings", "would", "could", "also", "alone", "day",
                       "days", "morning", "night", "evening", "afternoon", "weekend"}
_MONTH_BLOCK_BEFORE = set(_LEX["month_name_blockers_before"])


@_rule(rf"{_MODPFX}(?:(?P<rel>this|last|next|past|coming|previous)\s+)?(?P<mon>{_MON})"
       rf"(?:(?:\s+of|,)?\s+(?P<year>{_YEAR}){_YEAR_END}|{_YEAR_REL})?(?![\w-])", 3)
def _month(m: re.Match, c: _Ctx) -> _Result:
    mon_s = m["mon"]
    if not _cap(mon_s):
        return None
    has_ctx = bool(m["year"] or m["yrel"] or m["rel"] or m["mpre"] or m["madj"])
    if not has_ctx:
        prev = [w.lower() for w in c.prev_words(m.start("mon"), 1)]
        prev_w = prev[0] if prev else ""
        nxt = c.next_word(m.end())
        cue = prev_w in _MONTH_CUES
        if mon_s.lower() == "may" and not cue:
            return None  # "May" is far more often the modal verb.
        if not cue:
            if prev_w in _MONTH_BLOCK_BEFORE:
                return None  # "a protest March", "the March ..."
            if nxt[:1].isupper() and nxt.lower() not in _WEEKDAYS:
                return None  # a person's name ("April Ryan") or a title
            if nxt[:1].islower() and nxt not in _BARE_MONTH_NEXT_OK:
                return None  # adjective/noun use: "august institutions", "March madness"
            if nxt.lower() in ("on", "against", "through", "for", "to", "from", "march", "marches"):
                return None  # "March on Washington" style nouns/verbs
        if m.start("mon") == 0 or c.text[m.start("mon") - 1] in "\n\"'":
            if not cue and mon_s.lower() in ("march", "may"):
                return None
    rel = _norm(m["rel"]) if m["rel"] else None
    rel = {"past": "last", "previous": "last", "coming": "next"}.get(rel or "", rel)
    v = _resolve_month_day(m, c, _month_num(mon_s), None, _year_of(m, c), rel)
    mod, _half = _mod_of(m)
    return ("DATE", v, mod) if v else None


# ---- years, decades, centuries, fiscal years -------------------------------------------------------

_NUM_BLOCK_BEFORE = set(_LEX["number_blockers_before"])
_COUNT_NOUNS = set(_LEX["count_nouns_after_number"])
_YEAR_CUES = {"in", "since", "by", "of", "from", "until", "till", "before", "after", "to", "between",
              "during", "circa", "year", "and", "through", "early", "late", "mid", "summer", "spring",
              "fall", "autumn", "winter", "fiscal"}


_YEAR_HYPHEN_OK_RE = re.compile(r"(?:\d{4}|\bmid|\bearly|\blate|\bpre|\bpost|\bend)[-–]$", re.I)


def _year_ok(c: _Ctx, start: int, end: int, year: int) -> bool:
    """Filter out numbers that are not years: amounts, counts, identifiers."""
    text = c.text
    before = text[max(0, start - 2):start]
    if re.search(r"[$€£¥#]\s*$|\d[ ,.]$|[-–]\s*$", before) and not _YEAR_HYPHEN_OK_RE.search(
            text, max(0, start - 6), start):
        return False  # "$2013", "1 2013", "Route-2013"; but "2009-2010" and "mid-2013" are years
    prev = [w.lower() for w in c.prev_words(start, 2)]
    if prev and prev[-1] in _NUM_BLOCK_BEFORE:
        return False
    nxt = c.next_word(end).lower()
    if nxt in _COUNT_NOUNS or text[end:end + 1] == "%":
        return False  # "2000 people", "2013 tons", "2010%"
    if year < 1900 and not (prev and prev[-1] in _YEAR_CUES):
        return False
    return 1000 <= year <= 2099


@_rule(rf"{_MODPFX}(?P<pre>the\s+year\s+|(?:the\s+)?(?:fiscal|financial)(?:\s+year)?\s+|FY\s?)?"
       rf"(?<![\w$€£¥#.,'/])(?P<year>{_YEAR}){_YEAR_END}(?!\s*(?:-|–)\s*(?:year|old))"
       rf"(?![\w'/]|-\d{{2}}-)", 4)
def _year(m: re.Match, c: _Ctx) -> _Result:
    y = int(m["year"])
    if not _year_ok(c, m.start("year"), m.end("year"), y):
        return None
    mod, half = _mod_of(m)
    if m["pre"] and re.search(r"fiscal|financial|FY", m["pre"], re.I):
        return "DATE", f"FY{y:04d}", mod
    value, mod = _apply_half(f"{y:04d}", mod, half)
    return "DATE", value, mod


@_rule(r"(?<![\w$])FY\s?(?P<yy>\d{2})(?!\d)", 3, 0)
def _fy_short(m: re.Match, c: _Ctx) -> _Result:
    yy = int(m["yy"])
    return "DATE", f"FY{2000 + yy if yy < 50 else 1900 + yy:04d}", None


@_rule(r"(?:the\s+)?(?:(?P<madj>early|mid|late)(?:\s+|-))?"
       r"(?:(?P<dec>(?:1[0-9]|20)\d0)'?s|'(?P<dec2>\d0)s|(?<=the )(?P<dec3>[2-9]0)s)(?!\w)")
def _decade(m: re.Match, c: _Ctx) -> _Result:
    if m["dec"]:
        y = int(m["dec"])
        # "the 1800s" means the 19th century; "the 2000s"/"the 1990s" are decades.
        value = f"{y // 100:02d}" if y % 100 == 0 and y % 1000 != 0 else f"{y // 10:03d}"
    else:
        d = int(m["dec2"] or m["dec3"])
        if m["dec3"]:
            prev = [w.lower() for w in c.prev_words(m.start(), 2)]
            if prev and prev[0] in ("their", "his", "her", "my", "our", "your", "in", "mid"):
                return None  # ages: "in their 60s"
        value = f"19{d // 10}"
    mod = _MOD_MAP.get(_norm(m["madj"])) if m["madj"] else None
    return "DATE", value, mod


@_rule(rf"{_MODPFX}(?:the\s+)?(?P<ord>{_ORD_RE})[\s-]+century(?!\w)", needs="century")
def _century(m: re.Match, c: _Ctx) -> _Result:
    n = _ORD[_norm(m["ord"])]
    if n <= 0:
        return None
    mod, _ = _mod_of(m)
    return "DATE", f"{n - 1:02d}", mod


# ---- relative calendar units: "last year", "this week", "the end of next month" ---------------------

_REL_WORDS = {"this": 0, "the current": 0, "current": 0, "the present": 0, "last": -1, "previous": -1,
              "the previous": -1, "past": -1, "the past": -1, "the last": -1, "next": 1, "the next": 1,
              "coming": 1, "the coming": 1, "following": 1, "the following": 1, "the": 0}
_REL_FUNCS: dict[str, Callable[[_Anchor, int], str]] = {
    "year": _rel_year, "month": _rel_month, "week": _rel_week, "quarter": _rel_quarter,
    "decade": _rel_decade, "century": _rel_century, "day": _rel_day,
}
_DURATION_CUES = {"over", "for", "during", "within", "throughout", "in", "across"}


@_rule(rf"{_MODPFX}(?P<rel>this|the\s+current|current|last|previous|the\s+previous|past|the\s+past|"
       r"the\s+last|next|the\s+next|the\s+coming|coming|the\s+following|following|the|(?<=of\s))\s*"
       r"(?P<fiscal>fiscal\s+|financial\s+)?(?P<unit>year|month|week|weekend|quarter|decade|century|day)"
       r"(?![\w-])", 4)
def _rel_unit(m: re.Match, c: _Ctx) -> _Result:
    rel = _norm(m["rel"]) or "the"  # "the end of year" == "the end of the year"
    unit = _norm(m["unit"])
    mod, half = _mod_of(m)
    a = c.anchor
    has_mod = bool(m["mpre"] or m["madj"])
    if rel == "the" and not has_mod:
        return None  # bare "the year" is too often generic/anaphoric to resolve
    if rel in ("the past", "the last", "past") and not has_mod:
        # TimeML: "the past year" is a DURATION of one year, not last year's date.
        if unit in ("day", "weekend") and rel != "the past":
            return None
        return "DURATION", _duration_value(1, unit if unit != "weekend" else "week"), None
    if rel in ("the next", "the following", "the coming") and not has_mod and unit != "day":
        prev = [w.lower() for w in c.prev_words(m.start(), 1)]
        if prev and prev[0] in _DURATION_CUES:
            return "DURATION", _duration_value(1, unit if unit != "weekend" else "week"), None
    k = _REL_WORDS[rel]
    if unit == "day" and rel not in ("the previous", "previous", "the following", "following",
                                     "the next", "next"):
        return None  # "this day", "the day": not a resolvable date
    if m["fiscal"]:
        if unit != "year":
            return None
        return "DATE", f"FY{_rel_year(a, k)}", mod
    if unit == "weekend":
        return "DATE", _rel_week(a, k, "-WE"), mod
    value = _REL_FUNCS[unit](a, k)
    if unit == "week" and half:
        half = None
    value, mod = _apply_half(value, mod, half)
    return "DATE", value, mod


@_rule(r"(?:(?P<mod>early|earlier|late|later)\s+)?(?:the\s+)?(?P<rel>this|last|next|that)?\s{0,20}"
       r"(?P<unit>weekend)(?![\w-])", 6, needs="weekend")  # \s{0,20}, not \s*: linear on long runs of blanks
def _weekend(m: re.Match, c: _Ctx) -> _Result:
    rel = (m["rel"] or "").lower()
    if rel == "that":
        return None
    a = c.anchor
    if rel in ("last", "next"):
        return "DATE", _rel_week(a, -1 if rel == "last" else 1, "-WE"), None
    d = a.date
    if d is not None and not rel and d.isoweekday() < 5 and c.tense(m.start(), m.end()) == "past":
        return "DATE", _rel_week(a, -1, "-WE"), None
    return "DATE", _rel_week(a, 0, "-WE"), None


@_rule(r"the\s+(?P<unit>year|month|week|day)\s+(?P<dir>before|earlier|after|later)(?![\w-])"
       r"(?!\s+(?:(?:the|a|an|his|her|its|their|last|next|this|that)\b|(?-i:[A-Z0-9])))", 4)
def _unit_before(m: re.Match, c: _Ctx) -> _Result:
    # "the year before" (= the previous year), "the day after": resolved against the DCT, the
    # usual reference point of a news story.  "the day before the vote" is anchored elsewhere.
    k = -1 if m["dir"].lower() in ("before", "earlier") else 1
    return "DATE", _REL_FUNCS[m["unit"].lower()](c.anchor, k), None


# ---- quarters, halves, seasons -----------------------------------------------------------------------


@_rule(rf"{_MODPFX}(?:the\s+)?(?P<ord>first|second|third|fourth|final|last|1st|2nd|3rd|4th)"
       r"(?:\s+|-)(?:fiscal\s+|financial\s+|calendar\s+)?(?P<kind>quarter|half)(?![\w])"
       rf"(?:\s+(?:of\s+)?(?:(?P<fy>fiscal\s+|financial\s+|FY\s?)?(?P<year>{_YEAR}){_YEAR_END}|"
       r"(?P<rel>this|last|next|the\s+current|the|the\s+previous|the\s+following)\s+"
       r"(?:fiscal\s+|financial\s+)?year(?!\w)))?", 3, needs="quarter|half")
def _quarter(m: re.Match, c: _Ctx) -> _Result:
    ordw = _norm(m["ord"])
    n = _ORD.get(ordw, 0)
    kind = m["kind"].lower()
    if n == -1:
        if not (m["year"] or m["rel"]):
            return None  # "last quarter" is handled as relative; "the last quarter" is ambiguous
        n = 4 if kind == "quarter" else 2
    if (kind == "quarter" and not 1 <= n <= 4) or (kind == "half" and not 1 <= n <= 2):
        return None
    a = c.anchor
    letter = "Q" if kind == "quarter" else "H"
    if m["year"]:
        y: int | None = int(m["year"])
    elif m["rel"]:
        k = _REL_WORDS.get(_norm(m["rel"]), 0)
        y = a.year + k if a.year else None
    else:
        now = ((a.month - 1) // (3 if kind == "quarter" else 6) + 1,) if a.month else ()
        y = _year_for(a, (n,), now, None, c.tense(m.start(), m.end()))
    mod, _half = _mod_of(m)
    ys = f"{y:04d}" if y is not None else "XXXX"
    return "DATE", f"{'FY' if m['fy'] else ''}{ys}-{letter}{n}", mod


@_rule(r"(?<![\w])(?:Q(?P<q>[1-4])|(?P<q2>[1-4])Q)(?:\s*(?P<year>\d{4}|'?\d{2}))?(?![\w])", 3, 0)
def _quarter_code(m: re.Match, c: _Ctx) -> _Result:
    n = int(m["q"] or m["q2"])
    a = c.anchor
    if m["year"]:
        ys = m["year"].lstrip("'")
        y: int | None = int(ys) if len(ys) == 4 else 2000 + int(ys)
    else:
        now = ((a.month - 1) // 3 + 1,) if a.month else ()
        y = _year_for(a, (n,), now, None, c.tense(m.start(), m.end()))
    return "DATE", f"{y:04d}-Q{n}" if y is not None else f"XXXX-Q{n}", None


@_rule(rf"{_MODPFX}(?:(?P<rel>this|last|next|past|coming|the\s+coming|the\s+past|the)\s+)?"
       rf"(?P<season>{_SEASON})(?:(?:\s+of)?,?\s+(?P<year>{_YEAR}){_YEAR_END})?(?![\w-])", 4, needs=_SEASON)
def _season(m: re.Match, c: _Ctx) -> _Result:
    code = _SEASONS[m["season"].lower()]
    if not (m["rel"] or m["year"] or m["mpre"] or m["madj"]):
        prev = [w.lower() for w in c.prev_words(m.start(), 1)]
        if not prev or prev[0] not in ("in", "during", "this", "by", "until", "since", "over", "through"):
            return None  # "prices fall", "spring into action"
        if m["season"].lower() == "fall" and prev[0] != "in":
            return None
    if m["rel"] and _norm(m["rel"]) == "the" and not m["year"]:
        nxt = c.next_word(m.end()).lower()
        if nxt == "of":
            return None  # "the fall of the Berlin Wall"
        if m["season"].lower() == "fall" and not (m["mpre"] or m["madj"]):
            prev = [w.lower() for w in c.prev_words(m.start(), 1)]
            if not prev or prev[0] not in ("in", "during", "by", "until", "since", "this", "over"):
                return None  # "the fall in prices"
    a = c.anchor
    mod, _half = _mod_of(m)
    if m["year"]:
        return "DATE", f"{int(m['year']):04d}-{code}", mod
    if a.year is None:
        return "DATE", f"XXXX-{code}", mod
    rel = _norm(m["rel"]) if m["rel"] else None
    rel = {"past": "last", "the past": "last", "coming": "next", "the coming": "next", "the": None}.get(
        rel or "", rel)
    now = (_season_of(a.month),) if a.month else ()
    y = _year_for(a, (_SEASON_ORDER[code],), now, rel, None if rel else c.tense(m.start(), m.end()))
    # Winter belongs to the year in which it starts (TimeML: 2012-WI covers Dec 2012 - Feb 2013).
    if code == "WI" and a.month in (1, 2) and rel is None and y == a.year:
        y = a.year - 1
    return "DATE", f"{y:04d}-{code}", mod


# ---- deictic days: today, yesterday, tonight, this morning ------------------------------------------

_DEICTIC = {"today": 0, "yesterday": -1, "tomorrow": 1, "the day before yesterday": -2,
            "the day after tomorrow": 2}


@_rule(r"(?:(?P<adv>earlier|later)\s+)?(?P<w>the\s+day\s+before\s+yesterday|the\s+day\s+after\s+tomorrow|"
       r"today|yesterday|tomorrow)(?:\s+(?P<pod>morning|afternoon|evening|night))?(?![\w-])", 3)
def _deictic(m: re.Match, c: _Ctx) -> _Result:
    w = _norm(m["w"])
    if w == "today" and c.next_word(m.end()).lower() in ("show",) and _cap(m["w"]):
        return None  # the "Today" TV programme
    value = _rel_day(c.anchor, _DEICTIC[w])
    if m["pod"]:
        return "TIME", value + "T" + _POD[m["pod"].lower()], None
    return "DATE", value, None


@_rule(r"(?P<w>tonight|this\s+(?:morning|afternoon|evening)|last\s+night|overnight)(?![\w-])", 3)
def _part_of_day(m: re.Match, c: _Ctx) -> _Result:
    w = _norm(m["w"])
    if w == "overnight":
        return None
    if w == "tonight":
        return "TIME", _rel_day(c.anchor, 0) + "TNI", None
    if w == "last night":
        return "TIME", _rel_day(c.anchor, -1) + "TNI", None
    return "TIME", _rel_day(c.anchor, 0) + "T" + _POD[w.split()[1]], None


# ---- weekdays --------------------------------------------------------------------------------------

_WD_BLOCK = set(_LEX["weekday_blockers"])


_DEADLINE_BEFORE_RE = re.compile(r"\b(?:until|till|by)\s+(?:[\d:.]+\s*(?:[ap]\.?m\.?)?\s*[A-Z]{0,4}\s*)?$",
                                 re.I)


def _weekday_value(c: _Ctx, wd: int, rel: str | None, start: int, end: int) -> str:
    a = c.anchor
    d = a.date
    if d is None:
        return a.best() if a.year is not None else f"XXXX-WXX-{wd}"
    cur = d.isoweekday()
    if rel == "last":
        delta = wd - cur - 7 if wd >= cur else wd - cur
    elif rel == "next":
        delta = wd - cur + 7 if wd <= cur else wd - cur
    elif rel == "this":
        delta = wd - cur
    else:
        tense = c.tense(start, end)
        if tense is None and _DEADLINE_BEFORE_RE.search(c.text, max(0, start - 25), start):
            tense = "future"  # "postponed until (15:00 GMT) Saturday" with no tensed verb nearby
        if wd == cur:
            delta = 0  # a news report's "Friday" written on a Friday is that day
        elif tense in ("future", "present"):
            # "The vote is on Tuesday" / "will meet Tuesday": the coming one.
            delta = (wd - cur) % 7
        else:
            delta = -((cur - wd) % 7)
    return _fmt_date(d + dt.timedelta(days=delta))


@_rule(rf"(?:(?P<on>on)\s+)?(?P<t>(?:(?P<rel>last|next|this|coming|past|every|each)\s+)?(?P<wd>{_WD})(?P<pl>s)?"
       r"(?:\s+(?P<pod>morning|afternoon|evening|night))?)(?![\w-])", 3)
def _weekday(m: re.Match, c: _Ctx) -> _Result:
    if not _cap(m["wd"]):
        return None
    prev = [w.lower() for w in c.prev_words(m.start(), 1)]
    if prev and prev[0] in _WD_BLOCK and c.text[m.start() - 2:m.start()].strip():
        return None  # "Black Friday", "Super Tuesday": names, not dates
    wd = _WEEKDAYS[m["wd"].lower()]
    rel = (m["rel"] or "").lower() or None
    if rel in ("every", "each") or (m["pl"] and (rel is None or m["on"])):
        return "SET", f"XXXX-WXX-{wd}", None
    if m["pl"]:
        return None
    rel = {"coming": "next", "past": "last"}.get(rel or "", rel)
    value = _weekday_value(c, wd, rel, m.start(), m.end())
    if m["pod"]:
        return "TIME", value + "T" + _POD[m["pod"].lower()], None
    return "DATE", value, None


@_rule(rf"(?:(?P<on>on)\s+)?(?P<t>(?P<wd>{_WD})\s+(?:of\s+)?(?P<rel>next|last|this|the\s+following|the\s+previous)"
       r"\s+week)(?![\w-])", 2)
def _weekday_of_week(m: re.Match, c: _Ctx) -> _Result:
    """"Tuesday next week", "Friday of last week": the weekday inside the week named."""
    if not _cap(m["wd"]) or c.anchor.date is None:
        return None
    wd = _WEEKDAYS[m["wd"].lower()]
    shift = {"next": 1, "the following": 1, "last": -1, "the previous": -1, "this": 0}[_norm(m["rel"])]
    d = c.anchor.date
    monday = d - dt.timedelta(days=d.isoweekday() - 1) + dt.timedelta(weeks=shift)
    return "DATE", _fmt_date(monday + dt.timedelta(days=wd - 1)), None


# ---- clock times -------------------------------------------------------------------------------------


def _time_value(c: _Ctx, h: int, mi: int) -> str:
    a = c.anchor
    date = _fmt_date(a.date) if a.date else "XXXX-XX-XX"
    return f"{date}T{h:02d}:{mi:02d}"


@_rule(rf"(?<![\w.:])(?P<h>\d{{1,2}})(?:[:.](?P<mi>\d{{2}}))?\s*(?P<ap>a\.m\.?|p\.m\.?|am|pm)(?![\w])"
       rf"(?:\s+(?P<tz>{_TZ})(?![\w]))?", 2)
def _clock_ampm(m: re.Match, c: _Ctx) -> _Result:
    h, mi = int(m["h"]), int(m["mi"] or 0)
    if not (1 <= h <= 12 and mi < 60):
        return None
    pm = m["ap"].lower().startswith("p")
    h = (h % 12) + (12 if pm else 0)
    return "TIME", _time_value(c, h, mi), None


@_rule(rf"(?<![\w.:$])(?P<h>[01]?\d|2[0-3]):(?P<mi>[0-5]\d)(?![\d:])(?:\s+(?P<tz>{_TZ})(?![\w]))?", 3)
def _clock_24(m: re.Match, c: _Ctx) -> _Result:
    # Without am/pm, require a time zone or a preceding "at"/"by"/"until"/"from" to avoid scores/ratios.
    prev = [w.lower() for w in c.prev_words(m.start(), 1)]
    if not m["tz"] and not (prev and prev[0] in ("at", "by", "until", "from", "till", "around", "after",
                                                 "before", "since")):
        return None
    return "TIME", _time_value(c, int(m["h"]), int(m["mi"])), None


@_rule(r"(?<![\w.])(?P<h>[01]\d|2[0-3])(?P<mi>[0-5]\d)\s+(?:(?P<tz>GMT|UTC)|hours|hrs)(?![\w])", 3, 0)
def _clock_military(m: re.Match, c: _Ctx) -> _Result:
    return "TIME", _time_value(c, int(m["h"]), int(m["mi"])), None


@_rule(rf"(?P<w>noon|midday|midnight|(?P<h>\d{{1,2}}|{_UNITS_1_9}|ten|eleven|twelve)\s+o'clock)"
       rf"(?:\s+(?P<tz>{_TZ})(?![\w]))?(?![\w-])", 3)
def _clock_words(m: re.Match, c: _Ctx) -> _Result:
    w = _norm(m["w"])
    if w in ("noon", "midday"):
        return "TIME", _time_value(c, 12, 0), None
    if w == "midnight":
        return "TIME", _time_value(c, 24, 0), None
    h = m["h"].lower()
    hour = int(h) if h.isdigit() else int(_NUM_WORDS[h])
    return "TIME", _time_value(c, hour, 0), None


# ---- durations ----------------------------------------------------------------------------------------

_APPROX = (r"(?P<approx>about|around|approximately|roughly|nearly|almost|some|more\s+than|less\s+than|"
           r"fewer\s+than|at\s+least|over|under|up\s+to|just\s+over|just\s+under|close\s+to)")
_APPROX_MOD = {"about": "APPROX", "around": "APPROX", "approximately": "APPROX", "roughly": "APPROX",
               "some": "APPROX", "close to": "APPROX", "nearly": "LESS_THAN", "almost": "LESS_THAN",
               "just under": "LESS_THAN", "under": "LESS_THAN", "less than": "LESS_THAN",
               "fewer than": "LESS_THAN", "up to": "EQUAL_OR_LESS", "more than": "MORE_THAN",
               "over": "MORE_THAN", "just over": "MORE_THAN", "at least": "EQUAL_OR_MORE"}


_AGE_AFTER_RE = re.compile(r"\s*(?:and\s+(?:older|up|over|younger)|of\s+age)\b", re.I)


def _quant_ok(q: str, unit: str) -> bool:
    """Guard the generic duration rule against ordinals and non-temporal senses of unit words."""
    ql, ul = _norm(q), _norm(unit)
    if ul in ("second", "seconds", "sec", "min", "hr", "hrs", "mins") and ql in ("a", "an", "single"):
        return False  # "a second round"
    if ul in ("sec", "min", "hr", "hrs", "mins") and not re.match(r"\d", ql):
        return False
    if ul in ("night", "nights") and ql in ("a", "an", "single"):
        return False  # "a night of violence"
    if ul == "quarter" and ql in ("a", "an"):
        return False  # "a quarter of the population"
    return True


@_rule(rf"(?:{_APPROX}\s+)?(?P<q>{_QUANT})(?:\s+|-)(?P<unit>{_UNIT})(?:-long)?"
       r"(?P<half>\s+and\s+a\s+half)?(?![\w])(?![-\s]+old\b)", 6)
def _duration(m: re.Match, c: _Ctx) -> _Result:
    if not _quant_ok(m["q"], m["unit"]):
        return None
    q = _parse_quant(m["q"])
    if q != "X" and m["half"]:
        q = float(q) + 0.5
    prev = c.text[max(0, m.start() - 4):m.start()]
    if prev[-1:] in ("$", "#") or prev.lower() == "sub-" or (q != "X" and float(q) == 0):
        return None
    # Ages are not time expressions: "ages 6 months and older", "aged 30 years", "40 years of age".
    pw = [w.lower() for w in c.prev_words(m.start(), 1)]
    if (pw and pw[0] in ("age", "ages", "aged")) or _AGE_AFTER_RE.match(c.text, m.end()):
        return None
    ql = _norm(m["q"])
    if ql in ("some", "more") and _norm(m["unit"]) in _DUR_UNITS:
        return None  # "some day", "more year"
    if ql in ("a", "an", "one") and _norm(m["unit"]) in ("day",) and not m["approx"]:
        pw = [w.lower() for w in c.prev_words(m.start(), 1)]
        if not pw or pw[0] not in ("for", "in", "within", "than", "about", "after", "over", "only",
                                   "just", "nearly", "almost", "of", "the", "than", "once", "twice"):
            return None  # "one day he will ..." / "a day after"
    mod = _APPROX_MOD.get(_norm(m["approx"])) if m["approx"] else None
    return "DURATION", _duration_value(q, m["unit"]), mod


_BARE_PLURAL_BEFORE = {"for", "in", "over", "within", "take", "takes", "took", "taking", "taken", "last",
                       "lasts", "lasted", "spend", "spent", "spends", "wait", "waited"}
_BARE_PLURAL_AFTER = {"before", "after", "into", "later", "earlier", "afterwards", "afterward", "beforehand"}


@_rule(rf"(?P<unit>{_UNIT_PL})(?![\w-])", 7)
def _bare_plural_duration(m: re.Match, c: _Ctx) -> _Result:
    # "for years", "the first time in decades", "minutes before ...": vague durations (PXY, PXDE ...).
    # Only with a governing verb/preposition, since a bare plural is otherwise often not temporal.
    prev = [w.lower() for w in c.prev_words(m.start(), 1)]
    nxt = c.next_word(m.end()).lower()
    if nxt in ("ago", "old", "of"):
        return None
    if (prev and prev[0] in _BARE_PLURAL_BEFORE) or nxt in _BARE_PLURAL_AFTER:
        return "DURATION", _duration_value("X", m["unit"]), None
    return None


@_rule(rf"(?<![\w.,])(?P<t>{_NUMBER})"
       rf"(?=\s*(?:and|to|or|-|–)\s*{_NUMBER}[\s-]+(?P<unit>{_UNIT_PL})(?![\w-]))", 6)
def _range_first(m: re.Match, c: _Ctx) -> _Result:
    # "between 12 and 18 months": the first bound is a duration of its own (TimeML tags "12").
    q = _parse_quant(m["t"])
    if q == "X" or not _quant_ok(m["t"], m["unit"]):
        return None
    return "DURATION", _duration_value(q, m["unit"]), None


@_rule(r"(?<![\w:.])(?P<h>\d{1,2}):(?P<mi>[0-5]\d):(?P<s>[0-5]\d)(?![\w:])", 2)
def _clock_duration(m: re.Match, c: _Ctx) -> _Result:
    # "finished in 3:07:35": an elapsed time (race results), not a time of day.
    prev = [w.lower() for w in c.prev_words(m.start(), 1)]
    if prev and prev[0] in ("at", "until", "by", "from", "since"):
        return "TIME", _time_value(c, int(m["h"]), int(m["mi"])) + f":{m['s']}", None
    h, mi, sec = int(m["h"]), int(m["mi"]), int(m["s"])
    value = "PT" + (f"{h}H" if h else "") + (f"{mi}M" if mi else "") + (f"{sec}S" if sec else "")
    return "DURATION", value, None


@_rule(r"(?:at|in)\s+(?P<t>(?:the|that)\s+time)(?![\w-])(?!\s+(?:of|when|being|it|that)\b)", 5)
def _at_the_time(m: re.Match, c: _Ctx) -> _Result:
    # "at the time"/"at that time" refers back to a past reference time (TimeML PAST_REF).
    return "DATE", "PAST_REF", None


@_rule(rf"(?P<the>the\s+)?(?P<rel>past|last|next|previous|first|coming|following|final|initial|"
       rf"remaining|latest)\s+(?:(?P<q>{_QUANT})\s+)?(?P<unit>{_UNIT_PL}|{_UNIT})(?![\w-])", 5)
def _span_duration(m: re.Match, c: _Ctx) -> _Result:
    rel = m["rel"].lower()
    unit = _norm(m["unit"])
    plural = unit in _PLURAL_UNITS
    if not plural:
        return None  # singular forms ("the past year") are handled by the relative-unit rule
    if rel in ("coming",) and not m["q"]:
        return "DATE", "FUTURE_REF", None
    if not m["q"] and rel in ("first", "final", "initial", "remaining", "latest", "following"):
        return None
    if not m["the"]:
        pw = [w.lower() for w in c.prev_words(m.start(), 1)]
        if not pw or pw[0] not in ("in", "over", "for", "during", "within", "throughout", "these", "those"):
            return None  # "will last several weeks": "last" is the verb
    q: float | str = _parse_quant(m["q"]) if m["q"] else "X"
    if m["q"] and not _quant_ok(m["q"], unit):
        return None
    return "DURATION", _duration_value(q, unit), None


@_rule(rf"(?:{_APPROX}\s+)?(?:(?P<q>{_QUANT})\s+)?(?P<unit>{_UNIT_PL}|{_UNIT})\s+"
       r"(?P<dir>ago|earlier|before|later|after|hence|on)(?![\w])(?!\s+than)", 4)
def _ago(m: re.Match, c: _Ctx) -> _Result:
    d = _norm(m["dir"])
    unit = _norm(m["unit"])
    base = _PLURAL_UNITS.get(unit, unit)
    if m["q"] and not _quant_ok(m["q"], unit):
        return None
    q = _parse_quant(m["q"]) if m["q"] else ("X" if unit in _PLURAL_UNITS else 1.0)
    if d in ("before", "after", "on"):
        # "two days after the attack": a duration anchored elsewhere, only tag the duration part.
        return None
    sign = -1 if d in ("ago", "earlier") else 1
    if q == "X":
        if d in ("earlier", "later"):
            return None  # "years later": too vague to tag as a date
        return "DATE", "PAST_REF" if sign < 0 else "FUTURE_REF", None
    n = float(q)
    a = c.anchor
    _t, code, mult = _DUR_UNITS[base]
    n_units = n * mult
    if n_units != int(n_units):
        return None
    k = int(n_units) * sign
    if base in ("second", "minute", "hour"):
        return "DATE", "PAST_REF" if sign < 0 else "FUTURE_REF", None
    if code == "D":
        return "DATE", _rel_day(a, k), None
    if code == "W":
        return "DATE", _rel_week(a, k), None
    if code == "M":
        return "DATE", _rel_month(a, k), None
    return "DATE", _rel_year(a, k), None


# ---- vague references: now, the past, the future, recent years ----------------------------------


@_rule(r"(?P<w>right\s+now|now|currently|nowadays|these\s+days|at\s+present|presently|"
       r"the\s+present(?:\s+day)?|the\s+moment|present\s+day)(?![\w-])", 5)
def _present(m: re.Match, c: _Ctx) -> _Result:
    w = _norm(m["w"])
    if w == "now":
        nxt = c.next_word(m.end()).lower()
        prev = [x.lower() for x in c.prev_words(m.start(), 1)]
        if nxt in ("that",) or (prev and prev[0] in ("until", "till", "by", "up")):
            # Conjunction "now that", and "until now"-style phrases.  "eight years from now" is
            # annotated in TimeML as a DURATION ("eight years") plus "now" (PRESENT_REF).
            return None
    if w == "the moment":
        prev = [x.lower() for x in c.prev_words(m.start(), 1)]
        if not prev or prev[0] not in ("at", "for"):
            return None
    if w == "at present":
        return None  # handled via "present" below to keep the TimeML span
    if w in ("the present",) and c.next_word(m.end()).lower() not in ("", ",", "."):
        nxt = c.next_word(m.end()).lower()
        if re.match(r"[a-z]", nxt) and nxt not in ("and", "or", "day", "time"):
            return None  # "the present government": adjective
    return "DATE", "PRESENT_REF", None


@_rule(r"(?<=\bat\s)(?P<w>present)(?![\w-])", 5)
def _at_present(m: re.Match, c: _Ctx) -> _Result:
    return "DATE", "PRESENT_REF", None


@_rule(r"(?:the\s+)?(?:(?P<adj>recent|distant|not\s+too\s+distant|not-so-distant|near|foreseeable|"
       r"immediate)\s+)?(?P<w>past|future)(?![\w-])", 6)
def _past_future(m: re.Match, c: _Ctx) -> _Result:
    text = m.group(0).lower()
    if not text.startswith("the"):
        return None  # "past" / "future" as adjectives ("past performance", "future plans")
    nxt = c.next_word(m.end()).lower()
    if re.match(r"[a-z0-9]", nxt) and nxt not in ("and", "or", "but", "as", "when", "is", "was", "will"):
        return None
    return "DATE", "PAST_REF" if m["w"].lower() == "past" else "FUTURE_REF", None


@_rule(r"(?:the\s+)?(?P<rel>recent|coming|upcoming|previous|past|next)\s+(?P<unit>years|months|weeks|days|"
       r"decades)(?![\w-])", 5)
def _vague_ref(m: re.Match, c: _Ctx) -> _Result:
    rel = m["rel"].lower()
    if rel in ("recent", "previous"):
        return "DATE", "PAST_REF", None
    if rel in ("coming", "upcoming"):
        return "DATE", "FUTURE_REF", None
    # "the past/next years" without a number: vague duration.
    return "DURATION", _duration_value("X", m["unit"]), None


@_rule(r"(?:the\s+)?(?P<unit>years|months|weeks|days|decades)\s+to\s+come(?![\w-])", 5)
def _to_come(m: re.Match, c: _Ctx) -> _Result:
    return "DATE", "FUTURE_REF", None


# ---- sets: every year, annually, twice a week ------------------------------------------------------


@_rule(rf"(?:every|each|per)\s+(?:(?P<q>{_NUMBER}|other)\s+)?(?P<unit>{_UNIT_PL}|{_UNIT})(?![\w-])", 3)
def _every(m: re.Match, c: _Ctx) -> _Result:
    unit = _norm(m["unit"])
    q: float | str = 1.0
    if m["q"]:
        q = 2.0 if m["q"].lower() == "other" else _parse_quant(m["q"])
    elif unit in _PLURAL_UNITS:
        return None
    return "SET", _duration_value(q, unit), None


@_rule(r"(?:every|each)\s+(?P<pod>morning|afternoon|evening|night)(?![\w-])", 3)
def _every_pod(m: re.Match, c: _Ctx) -> _Result:
    return "SET", "XXXX-XX-XXT" + _POD[m["pod"].lower()], None


@_rule(rf"(?P<freq>once|twice|thrice|(?:{_NUMBER})\s+times)\s+(?:a|an|per|each|every)\s+"
       rf"(?P<unit>{_UNIT})(?![\w-])", 2, needs="once|twice|thrice|times")
def _freq(m: re.Match, c: _Ctx) -> _Result:
    return "SET", _duration_value(1, m["unit"]), None


@_rule(r"(?:(?<=\d)|(?<=%)|(?<=illion)|(?<=thousand)|(?<=dollars)|(?<=euros)|(?<=pounds)|(?<=people)|"
       r"(?<=tons)|(?<=tonnes)|(?<=barrels)|(?<=units)|(?<=visitors))\s+(?P<t>(?:a|an|per)\s+"
       r"(?P<unit>year|month|week|day|hour))(?![\w-])", 2, word_start=False)
def _rate(m: re.Match, c: _Ctx) -> _Result:
    # "$5 million a year": a rate, TimeML SET P1Y.
    if c.next_word(m.end()).lower() in ("ago", "earlier", "later", "before", "after"):
        return None
    return "SET", _duration_value(1, m["unit"]), None


_SET_ADV: dict[str, str] = _LEX["set_adverbs"]


@_rule(rf"(?P<w>{_alt(k for k in _SET_ADV if k != 'annual')})(?![\w-])", 5, 0)
def _set_adverb(m: re.Match, c: _Ctx) -> _Result:
    # Case-sensitive: "Daily" in "China Daily" is a newspaper name.
    return "SET", _SET_ADV[m["w"]], None


# ---- holidays --------------------------------------------------------------------------------------

_HOLIDAYS: dict[str, str] = _LEX["holidays"]


def _holiday_date(key: str, y: int) -> dt.date:
    spec = _HOLIDAYS[key]
    if spec.startswith("EASTER"):
        return easter(y) + dt.timedelta(days=int(spec[6:] or 0))
    if spec == "THANKSGIVING":
        nov1 = dt.date(y, 11, 1)
        return nov1 + dt.timedelta(days=(3 - nov1.weekday()) % 7 + 21)
    mo, d = map(int, spec.split("-"))
    return dt.date(y, mo, d)


@_rule(rf"(?:(?P<rel>this|last|next)\s+)?(?P<h>{_alt(_HOLIDAYS)})(?:,?\s+(?P<year>{_YEAR}){_YEAR_END})?"
       r"(?![\w-])", 3)
def _holiday(m: re.Match, c: _Ctx) -> _Result:
    if not _cap(m["h"]):
        return None
    key = _norm(m["h"]).replace("’", "'")
    if key == "independence day" and not (m["year"] or m["rel"]):
        return None  # which country's? ambiguous without a year
    a = c.anchor
    if m["year"]:
        y = int(m["year"])
    elif a.year is None:
        return None
    else:
        hd = _holiday_date(key, a.year)
        now = (a.month, a.day or 0) if a.month else ()
        rel = m["rel"].lower() if m["rel"] else None
        y = _year_for(a, (hd.month, hd.day), now, rel, None if rel else c.tense(m.start(), m.end())) or a.year
    return "DATE", _fmt_date(_holiday_date(key, y)), None


# --------------------------------------------------------------------------------------------------
# Driver
# --------------------------------------------------------------------------------------------------


def find_timexes(text: str, dct: str | None) -> list[Timex]:
    """Find and normalise time expressions in ``text``; ``dct`` is a partial ISO date or None."""
    ctx = _Ctx(text, _Anchor.parse(dct))
    cands: list[tuple[int, int, int, str, str, str | None]] = []
    for rx, fn, prio, required in _RULES:
        if required is not None and required.search(text) is None:
            continue
        for m in rx.finditer(text):
            if m.group(0).strip() == "":
                continue
            res = fn(m, ctx)
            if res is None:
                continue
            s, e = (m.start("t"), m.end("t")) if "t" in rx.groupindex else (m.start(), m.end())
            # Trim whitespace the optional groups may have left at the edges.
            while s < e and text[s].isspace():
                s += 1
            while e > s and text[e - 1].isspace():
                e -= 1
            # Every expression must start and end on a word boundary ("snow" is not "now").
            if e > s and not (s > 0 and text[s - 1].isalnum() and text[s].isalnum()) and not (
                    e < len(text) and text[e].isalnum() and text[e - 1].isalnum()):
                cands.append((s, e, prio, *res))
    # Longest match first, then rule priority: specific multi-word rules beat their sub-parts.
    cands.sort(key=lambda x: (-(x[1] - x[0]), x[2], x[0]))
    # Chosen spans are disjoint: kept sorted, an overlap is found by bisection.
    starts: list[int] = []
    ends: list[int] = []
    chosen = []
    for s, e, _p, typ, val, mod in cands:
        k = bisect.bisect_right(ends, s)  # the first chosen span ending after s
        if k < len(starts) and starts[k] < e:
            continue
        starts.insert(k, s)
        ends.insert(k, e)
        chosen.append((s, e, typ, val, mod))
    chosen.sort()
    out = [Timex(s, e, text[s:e], typ, val, mod) for s, e, typ, val, mod in chosen]
    return _anchor_times(text, out)


_TIME_LINK_RE = re.compile(r"^\s*(?:,|at|on|,\s*at|,\s*on)?\s*$", re.I)


def _anchor_times(text: str, timexes: list[Timex]) -> list[Timex]:
    """Give clock times the date of an adjacent day expression ("Friday at 2 p.m.", "2 p.m. Friday").

    A clock time directly followed by its day ("15:00 GMT Saturday") is one TIMEX3 in TimeML, so
    that pair is merged; looser links ("Friday at 2 p.m.") stay two expressions sharing the date.
    """
    out: list[Timex] = []
    for t in timexes:
        prev = out[-1] if out else None
        if (prev is not None and prev.type == "TIME" and t.type == "DATE"
                and re.fullmatch(r"\d{4}-\d{2}-\d{2}", t.value) and re.search(r"T\d{2}:\d{2}$", prev.value)
                and re.fullmatch(r",?\s{1,2}", text[prev.end:t.start])):
            clock = prev.value.split("T", 1)[1]
            out[-1] = Timex(prev.start, t.end, text[prev.start:t.end], "TIME", f"{t.value}T{clock}", prev.mod)
            continue
        out.append(t)
    for i, t in enumerate(out):
        if t.type != "TIME" or "T" not in t.value or not re.search(r"T\d{2}:\d{2}$", t.value):
            continue
        clock = t.value.split("T", 1)[1]
        for j in (i - 1, i + 1):
            if not 0 <= j < len(out):
                continue
            o = out[j]
            if o.type != "DATE" or not re.fullmatch(r"\d{4}-\d{2}-\d{2}", o.value):
                continue
            gap = (o.end, t.start) if j < i else (t.end, o.start)
            if gap[1] - gap[0] > 8:
                continue
            out[i] = Timex(t.start, t.end, t.text, t.type, f"{o.value}T{clock}", t.mod)
            break
    return out


_RANGE_CONNECT_RE = re.compile(r"^\s*(?:to|until|till|through|thru|and|-|–|—)\s*$", re.I)
_MD_RANGE_RE = re.compile(rf"(?P<mon>{_MON})\s+(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?\s*(?:-|–|—|to|through)\s*"
                          rf"(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?(?![\d:])(?:,?\s+(?P<year>{_YEAR}){_YEAR_END})?",
                          re.I)
_DM_RANGE_RE = re.compile(rf"(?<![\d,])(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?\s*(?:-|–|—|to)\s*(?P<d2>\d{{1,2}})"
                          rf"(?:st|nd|rd|th)?\s+(?P<mon>{_MON})(?:,?\s+(?P<year>{_YEAR}){_YEAR_END})?", re.I)
_YEAR_RANGE_RE = re.compile(rf"(?<![\w$.,])(?P<y1>{_YEAR})\s*(?:-|–|—)\s*(?P<y2>\d{{4}}|\d{{2}})(?![\w%])")


def find_date_ranges(text: str, dct: str | None) -> list[tuple[int, int, str, str, str]]:
    """Date ranges as (start, end, text, start_iso, end_iso).

    Covers day ranges within a month ("March 11-12", "20-21 October 2025"), year ranges
    ("2012-2014", "2012-14") and pairs of dates joined by from/between ... to/and/until
    ("from 2024 to 2026", "between March and May").
    """
    ctx = _Ctx(text, _Anchor.parse(dct))
    out: list[tuple[int, int, str, str, str]] = []
    for rx in (_MD_RANGE_RE, _DM_RANGE_RE):
        for m in rx.finditer(text):
            if not _cap(m["mon"]):
                continue
            mon, d1, d2 = _month_num(m["mon"]), int(m["d1"]), int(m["d2"])
            if not d1 < d2 <= 31:
                continue
            v1 = _resolve_month_day(m, ctx, mon, d1, m["year"])
            v2 = _resolve_month_day(m, ctx, mon, d2, m["year"])
            if v1 and v2:
                out.append((m.start(), m.end(), m.group(0), v1, v2))
    for m in _YEAR_RANGE_RE.finditer(text):
        y1 = int(m["y1"])
        y2s = m["y2"]
        y2 = int(y2s) if len(y2s) == 4 else (y1 // 100) * 100 + int(y2s)
        if y1 < y2 <= 2099 and not any(s <= m.start() < e for s, e, *_ in out):
            out.append((m.start(), m.end(), m.group(0), f"{y1:04d}", f"{y2:04d}"))
    # Pairs of tagged dates: "from X to Y", "between X and Y", "X through Y".
    dates = [t for t in find_timexes(text, dct) if t.type == "DATE" and t.iso_date()]
    for t1, t2 in zip(dates, dates[1:], strict=False):
        if not _RANGE_CONNECT_RE.match(text[t1.end:t2.start]):
            continue
        pre = re.search(r"(?:from|between)\s+$", text[max(0, t1.start - 9):t1.start], re.I)
        conn = text[t1.end:t2.start].strip().lower()
        if pre is None and conn not in ("to", "until", "through", "-", "–", "—"):
            continue
        if conn == "and" and (pre is None or pre.group(0).lower().startswith("from")):
            continue
        s = t1.start - len(pre.group(0)) if pre else t1.start
        if any(s < e and os < t2.end for os, e, *_ in out):
            continue
        out.append((s, t2.end, text[s:t2.end], t1.iso_date() or "", t2.iso_date() or ""))
    out.sort()
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m dyad.nlp.timex",
                                 description="Tag TIMEX3 time expressions; prints one JSON object per line.")
    ap.add_argument("--dct", default=None, help="document creation date (partial ISO: YYYY[-MM[-DD]])")
    ap.add_argument("file", help="UTF-8 text file, or - for stdin")
    args = ap.parse_args(argv)
    text = sys.stdin.read() if args.file == "-" else Path(args.file).read_text(encoding="utf-8")
    for t in find_timexes(text, args.dct):
        print(json.dumps(t.to_json(), ensure_ascii=False))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
