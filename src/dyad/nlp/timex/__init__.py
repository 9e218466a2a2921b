"""Rule-based temporal expression tagger and normaliser (TIMEX3), in the spirit of HeidelTime/SUTime.

``find_timexes(text, dct)`` finds DATE / TIME / DURATION / SET expressions in English news text and
normalises them to TIMEX3 values following the TimeML annotation guidelines (e.g. "last week" ->
``2013-W11``, "the 1990s" -> ``199``, "the past three years" -> ``P3Y``, "now" -> ``PRESENT_REF``).
Relative expressions are resolved against the document creation time (DCT) *at its precision*: with a
DCT of ``2024-03`` "yesterday" can only be ``2024-03``.

Design: every rule is a regular expression compiled once at import plus a small handler that builds
the value.  All rules run over the text, then overlapping candidates are resolved longest-first, so a
specific rule ("the past three years") always beats the generic one inside it ("three years").
Modules: anchor (value type, DCT arithmetic), lexicon, tense, registry, calendar_rules and
span_rules (the rules), this driver. Word lists live in ``dyad/data/timex/lexicon.json`` so they
can be extended without touching code.

``python -m dyad.nlp.timex --dct 2013-03-22 FILE`` prints one JSON object per expression.
"""


from __future__ import annotations

import argparse
import bisect
import json
import re
import sys
from pathlib import Path

from dyad.nlp.timex import calendar_rules, span_rules  # noqa: F401  (registers the rules, in this order)
from dyad.nlp.timex.anchor import Timex, _Anchor, _rel_day, _rel_month, _rel_year
from dyad.nlp.timex.calendar_rules import _resolve_month_day
from dyad.nlp.timex.lexicon import _MON, _NUMBER, _YEAR, _YEAR_END, _parse_quant
from dyad.nlp.timex.registry import _RULES, _cap, _month_num
from dyad.nlp.timex.tense import _Ctx

__all__ = ["Timex", "find_timexes", "find_date_ranges", "main"]


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
    return _counted_back(ctx, _anaphoric_days(text, _weekday_pairs(text, _anchor_times(text, out))))


_WEEKDAY_RE = re.compile(r"(?:on\s+)?(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day", re.I)
_PAIR_LINK_RE = re.compile(r"\s*(?:and|to|through|until|-|\u2013)\s*(?:on\s+)?")


def _weekday_pairs(text: str, timexes: list[Timex]) -> list[Timex]:
    """Two weekdays joined as one span ("on Thursday and Friday", "Monday to Wednesday") are days in a row: when the
    first resolved after the second (the report's own weekday read as today, the next as last week's), the first
    is the one before the second."""
    import datetime as dt

    out = list(timexes)
    for i in range(len(out) - 1):
        t1, t2 = out[i], out[i + 1]
        if not (t1.type == t2.type == "DATE" and _WEEKDAY_RE.fullmatch(t1.text) and _WEEKDAY_RE.fullmatch(t2.text)
                and _PAIR_LINK_RE.fullmatch(text[t1.end:t2.start]) and _DAY_RE.fullmatch(t1.value)
                and _DAY_RE.fullmatch(t2.value) and t1.value > t2.value):
            continue
        earlier = dt.date.fromisoformat(t1.value) - dt.timedelta(days=7)
        out[i] = Timex(t1.start, t1.end, t1.text, t1.type, earlier.isoformat(), t1.mod)
    return out


# "the following day", "the day before", "two days later": counted from the day the text told last, not from
# the publication date ("arrived on Tuesday and was received the following day by the President")
_ANAPHORIC_DAY_RE = re.compile(rf"(?:the\s+)?(?:(?P<next>following|next|subsequent)|(?P<prev>previous|preceding))\s+day"
                               rf"|the\s+day\s+(?:(?P<after>after)|(?P<before>before))"
                               rf"|(?P<n>{_NUMBER})\s+days?\s+(?:(?P<later>later)|(?P<earlier>earlier))", re.I)
_ANAPHOR_REACH = 600  # characters back to the day told last (about three sentences)
_DAY_RE = re.compile(r"\d{4}-\d{2}-\d{2}")


def _anaphoric_days(text: str, timexes: list[Timex]) -> list[Timex]:
    out: list[Timex] = []
    for t in timexes:
        m = _ANAPHORIC_DAY_RE.fullmatch(t.text) if t.type == "DATE" else None
        told = next((o for o in reversed(out) if o.type == "DATE" and _DAY_RE.fullmatch(o.value)
                     and t.start - o.end <= _ANAPHOR_REACH), None) if m else None
        n = _parse_quant(m["n"]) if m and m["n"] else 1
        if told and isinstance(n, float | int) and n == int(n):
            sign = -1 if m["prev"] or m["before"] or m["earlier"] else 1
            t = Timex(t.start, t.end, t.text, t.type, _rel_day(_Anchor.parse(told.value), sign * int(n)), t.mod)
        out.append(t)
    return out


# "began production on Tuesday, nineteen months after the project was announced": what follows "after" was that
# long before the date its sentence told first (not after a gerund: "three months after taking office")
_COUNTED_BACK_RE = re.compile(rf"(?<=,\s)(?P<n>{_NUMBER})\s+(?P<unit>months?|years?)\s+after\b(?!\s+\w+ing\b)", re.I)


def _counted_back(ctx: _Ctx, timexes: list[Timex]) -> list[Timex]:
    out = list(timexes)
    for m in _COUNTED_BACK_RE.finditer(ctx.text):
        inside = [t for t in out if t.start < m.end() and m.start() < t.end]
        if any(t.type != "DURATION" or t.start < m.start() for t in inside):
            continue  # (the duration "nineteen months" becomes the date it counts back to)
        sent_start = ctx.sentence(m.start())[0]
        told = next((t for t in out if sent_start <= t.start < m.start() and t.type == "DATE"
                     and re.fullmatch(r"\d{4}(?:-\d{2}){0,2}", t.value)), None)
        n = _parse_quant(m["n"])
        if told is None or not isinstance(n, float) or n != int(n):
            continue
        anchor = _Anchor.parse(told.value)
        if m["unit"].lower().startswith("year"):
            value = _rel_year(anchor, -int(n))
        elif len(told.value) >= 7:
            value = _rel_month(anchor, -int(n))
        else:
            continue  # months counted back from a year: no month to name
        out = [t for t in out if t not in inside] + [Timex(m.start(), m.end(), m.group(0), "DATE", value, None)]
    return sorted(out, key=lambda t: t.start)


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
