"""Word lists of dyad/data/timex/lexicon.json and the regular-expression pieces built from them."""

from __future__ import annotations

import json
import re
from pathlib import Path

_LEX_PATH = Path(__file__).resolve().parents[2] / "data" / "timex" / "lexicon.json"
_LEX: dict = json.loads(_LEX_PATH.read_text(encoding="utf-8"))


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
