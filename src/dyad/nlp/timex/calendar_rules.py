"""Rules for calendar expressions: numeric dates, months and days, years, relative units,
quarters and seasons, deictic days and weekdays."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable

from dyad.nlp.timex.anchor import (
    _SEASON_ORDER,
    _Anchor,
    _fmt_date,
    _rel_century,
    _rel_day,
    _rel_decade,
    _rel_month,
    _rel_quarter,
    _rel_week,
    _rel_year,
    _season_of,
    _year_for,
)
from dyad.nlp.timex.lexicon import (
    _LEX,
    _MOD_MAP,
    _MODPFX,
    _MON,
    _ORD,
    _ORD_RE,
    _POD,
    _SEASON,
    _SEASONS,
    _WD,
    _WEEKDAYS,
    _YEAR,
    _YEAR_END,
    _duration_value,
    _norm,
)
from dyad.nlp.timex.registry import _apply_half, _cap, _mod_of, _month_num, _Result, _rule, _valid_day
from dyad.nlp.timex.tense import _Ctx

# ---- numeric dates -------------------------------------------------------------------------------


@_rule(r"(?<![\w/.-])(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})"
       r"(?:T(?P<H>\d{2}):(?P<M>\d{2})(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?(?![\w/-])", 1)
def _iso_date(m: re.Match, c: _Ctx) -> _Result:
    y, mo, d = int(m["y"]), int(m["m"]), int(m["d"])
    if m["H"] and _valid_day(y, mo, d):
        return "TIME", f"{y:04d}-{mo:02d}-{d:02d}T{m['H']}:{m['M']}", None
    return _day(y, mo, d)


def _day(y: int, mo: int, d: int) -> _Result:
    """A calendar day given by numbers, or None when there is no such day."""
    return ("DATE", f"{y:04d}-{mo:02d}-{d:02d}", None) if _valid_day(y, mo, d) else None


# "fiscal year 2020/21", "in 2019/20", "FY2022-23": a split (fiscal) year, named by the year it ends in
@_rule(r"(?<![\w/.-])(?P<t>(?:(?:the\s+)?(?:fiscal|financial)\s+year\s+|FY\s?)?(?P<y1>(?:19|20)\d\d)"
       r"(?P<sep>/|-|\u2013)(?P<y2>\d\d))(?![\w/%-])", 2)
def _split_year(m: re.Match, c: _Ctx) -> _Result:
    y1, y2 = int(m["y1"]), int(m["y2"])
    if y2 != (y1 + 1) % 100 or (m["sep"] != "/" and not re.match(r"(?:the\s+)?(?:fiscal|financial|FY)", m["t"], re.I)):
        return None  # "2019-20" alone is a range of years (another rule's); with a slash or a fiscal word, one year
    return "DATE", f"FY{y1 + 1:04d}", None


@_rule(r"(?<![\w/.-])(?P<a>\d{1,2})/(?P<b>\d{1,2})/(?P<y>\d{4}|\d{2})(?![\w/])", 1)
def _slash_date(m: re.Match, c: _Ctx) -> _Result:
    a, b = int(m["a"]), int(m["b"])
    y = int(m["y"]) if len(m["y"]) == 4 else 2000 + int(m["y"]) if int(m["y"]) < 50 else 1900 + int(m["y"])
    # US order (month/day) unless the first number cannot be a month, or the day-first reading falls near the
    # report and the month-first one does not ("12/03/2024" in a report of 14 March 2024 is 12 March)
    mo, d = (a, b) if a <= 12 else (b, a)
    if a <= 12 and b <= 12 and a != b and c.anchor.date is not None and _valid_day(y, b, a) and _valid_day(y, a, b):
        near = abs((dt.date(y, b, a) - c.anchor.date).days)
        if near <= 31 < abs((dt.date(y, a, b) - c.anchor.date).days):
            mo, d = b, a
    return _day(y, mo, d)


# "14.03.2024", "24.9.2024", "1. 6. 2025": day, month and year with dots, as much of Europe writes them; "from 10.03. to
# 12.03.2024": the first day of a dotted span, its year told with the last
@_rule(r"(?<![\w/.-])(?P<d>\d{1,2})\.\s?(?P<m>\d{1,2})\.\s?(?P<y>(?:19|20)\d{2})(?![\w.]?\d)", 1)
@_rule(r"(?<![\w/.-])(?P<d>\d{1,2})\.(?P<m>\d{1,2})\.(?=\s*(?:to|until|till|and|-|\u2013)\s*\d{1,2}\.\d{1,2}\.\s?"
       r"(?P<y>(?:19|20)\d{2}))", 1)
def _dotted_date(m: re.Match, c: _Ctx) -> _Result:
    return _day(int(m["y"]), int(m["m"]), int(m["d"]))


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


_YEAR_WHEN_RE = re.compile(r"\b(?:in|of|during|since)\s+((?:19|20)\d{2}),?\s+when\b")


def _resolve_month_day(m: re.Match, c: _Ctx, mon: int, day: int | None, year: str | None,
                       rel: str | None = None) -> str | None:
    a = c.anchor
    if not year and not rel:
        # "in 2018, when X made an official visit in September and Y paid a state visit in November": the
        # year the when-clause hangs on
        s0, _s1 = c.sentence(m.start())
        told = list(_YEAR_WHEN_RE.finditer(c.text, s0, m.start()))
        if told:
            year = told[-1].group(1)
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
