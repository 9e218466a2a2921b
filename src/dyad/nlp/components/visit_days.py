"""The days of a visit: its last day told by how it ended ("wrapped up", "returned after", "leaves today after",
"that ended on Thursday"), its first by "on the second day of his visit", and both by the traveller's arrival and
departure ("arrived from X on Saturday night ... flew on to Y on Sunday evening"); and where a traveller who came
back had been ("returned home yesterday from Lima")."""

from __future__ import annotations

import re
from collections.abc import Iterator

from spacy.tokens import Doc, Span

from dyad.nlp.components.context import DAYS_RE, before_dct, country_mentions, dates_in, days_after, length_told
from dyad.nlp.components.util import span_text, text_of
from dyad.nlp.components.visit_story import days_apart

# a traveller coming home: "returned on Sunday after a three-day visit", "returned home yesterday from Lima"
# ("is scheduled to return home today after a three-day visit": the visit ends today)
_CAME_BACK = (r"returned|returns|returning|(?:to|will)\s+return|flew\s+back|arrived\s+back|came\s+back|is\s+back|"
              r"was\s+back|got\s+back")
RETURNED_AFTER_RE = re.compile(r"\b(?:" + _CAME_BACK + r")\b[^.;]{0,60}?\bafter\s+"
                               r"(?:his|her|their|a|an|the)\s+[^.;]{0,30}$")
# "on the second day of his official visit": the day told is that day of the visit
NTH_DAYS = {"second": 2, "third": 3, "fourth": 4, "fifth": 5, "2nd": 2, "3rd": 3, "4th": 4, "5th": 5,
            "two": 2, "three": 3, "four": 4, "five": 5, "2": 2, "3": 3, "4": 4, "5": 5}
_DAY_NUMBERS = ["two", "three", "four", "five", "2", "3", "4", "5"]
# ("on day two of a three-day working visit")
NTH_DAY_OF_RE = re.compile(r"\bon\s+(?:the\s+(" + "|".join(NTH_DAYS) + r")\s+(?P<last>and\s+(?:final|last)\s+)?day|"
                           r"day\s+(" + "|".join(_DAY_NUMBERS) + r"))\s+of\s+"
                           # ("on the second and final day of Modi's visit": the day told is its last too)
                           r"(?:his|her|their|the|an?|[A-Z][\w\-]+(?:'s|\u2019s))\s+(?:[\w\-]+\s+){0,3}$", re.I)
# "a four-day official visit to China that ended on Thursday": the day told is the last
# ("a two-day official visit, the first of his tenure, which ended on Wednesday": an apposition between)
ENDED_AFTER_RE = re.compile(r"(?:\s+to\s+(?:the\s+)?[A-Z][\w\-]*(?:\s+[A-Z][\w\-]*){0,3})?"
                            r"(?:,\s+(?:the|his|her|its|a|an)\s+[^,.;]{2,40},)?\s+(?:(?:that|which)\s+)?"
                            r"(?:ended|concluded|closed|wrapped\s+up|ends|concludes|closes|wraps\s+up|"
                            r"will\s+end|will\s+conclude|is\s+due\s+to\s+end)\b")
# "leaves Fiji today for New Zealand after a three-day state visit": the day of leaving is the visit's last
LEFT_AFTER_RE = re.compile(r"\b(?:leaves|left|leaving|departs|departed|departing|flies\s+out|flew\s+out)\b[^.;]{0,60}?"
                           r"\bafter\s+(?:his|her|their|a|an|the)\s+[^.;]{0,30}$")
# ("returned to Majuro on Tuesday from a two-week trip")
RETURNED_FROM_RE = re.compile(r"\b(?:" + _CAME_BACK + r")\s+(?:home\s+)?(?:[\w\-]+\s+){0,5}?from\s+(?:the\s+)?")
ENDED_RE = re.compile(r"\b(?:(?:wrapped|wraps|wrapping|rounded|rounds|wound|winds|winding)\s+up|concluded|concludes|"
                      r"concluding|ended|ends|ending|completed|completes|completing|"
                      # "leaves Lilongwe today at the end of a four-day official visit"
                      r"at\s+the\s+(?:end|close|conclusion)\s+of)\b"
                      r"(?:\s+(?:his|her|their|a|an|the))?", re.I)
# "arrived from Buenos Aires on Saturday night", "flew on to Brazil on Sunday evening": the days of a trip
TRAVEL_DAY_RE = re.compile(r"\b(?:arrived|landed)(?:\s+(?:from|in|at)\s+(?:the\s+)?[A-Z][\w\-]*"
                           r"(?:\s+[A-Z][\w\-]*){0,3})?(?=\s+(?:on|late|early|last|this|in\s+the|yesterday|today))|"
                           r"(?P<leave>\b(?:flew\s+on|flew\s+(?:home|back)|left|departed|headed\s+on)\b(?:\s+(?:to|for)\s+"
                           r"[A-Z][\w\-]*(?:\s+[A-Z][\w\-]*){0,3})?(?=\s+(?:on|late|early|last|this|yesterday|today)))")


def traveller_moves(doc: Doc, name: str, move_re: re.Pattern, reach: int) -> Iterator[tuple[Span, re.Match, list]]:
    """The sentences where the traveller (by a word of the name, "he"/"she" or the office) arrives or leaves, told
    by ``move_re``: each with the move and the dates told within ``reach`` characters after it."""
    # (any word of the name: "Mr Wang" for Wang Yi; or the office: "The Senior General and party arrived")
    words = [w for w in name.split() if len(w) >= 3 and w[:1].isupper()] or [name]
    who = re.compile(r"\b(?:" + "|".join(re.escape(w) for w in words) + r"|[Hh]e|[Ss]he)\b|"
                     r"\b[Tt]he\s+(?:[A-Z][a-z]+\s+){0,2}(?:President|King|Queen|Prime\s+Minister|Minister|General|"
                     r"Emir|Sultan|Chancellor|Premier|Crown\s+Prince|leader|visitor|guest)\b")
    for sent in doc.sents:
        move = move_re.search(span_text(sent))
        if not move or not who.search(span_text(sent)[:move.start()]):
            continue
        after = sent.start_char + move.end()
        yield sent, move, [t.iso_date() for t in dates_in(doc, after, min(sent.end_char, after + reach))]


def days_of_travel(doc: Doc, visits: list[dict]) -> list[dict]:
    """A visit the article tells without its day: "X arrived from Buenos Aires on Saturday night ... flew on to
    Brazil on Sunday evening" give its first and last days, when the traveller (or "he"/"she" right after the
    traveller's sentence) arrives and leaves before the report."""
    if not doc._.dct or len(doc._.dct) < 7:
        return visits
    leaving_day(doc, visits)
    began_day(doc, visits)
    arrival_day(doc, visits)
    leaving_day(doc, visits)  # (a departure on the day of the talks ends a visit that now opens the day before)
    # (undated, or dated by the report's month or the one before: not a visit of years ago)
    undated = [v for v in visits if v["status"] == "occurred" and v.get("participants") and not v.get("end")
               and (not v.get("start") or (len(v["start"]) == 7 and 0 <= int(doc._.dct[:4]) * 12
                                           + int(doc._.dct[5:7]) - int(v["start"][:4]) * 12 - int(v["start"][5:7])
                                           <= 1))]
    if not undated:
        return visits
    for group_ref in dict.fromkeys(v["ref"] for v in undated):
        group = [v for v in visits if v["ref"] == group_ref]
        name = group[0]["participants"][0]
        days: dict[str, str] = {}
        for sent, move, when in traveller_moves(doc, name, TRAVEL_DAY_RE, 40):
            if elsewhere(doc, sent, move, group[0]):
                continue
            when = [d for d in when if d and len(d) == 10 and not before_dct(doc._.dct, d)
                    and (not group[0].get("start") or d.startswith(group[0]["start"][:7])
                         or days_apart(d, doc._.dct) <= 10)]
            kind = "end" if move.group("leave") else "start"
            if when and kind not in days:
                days[kind] = when[0]
        start, end = days.get("start"), days.get("end")
        if start and end and not (start <= end and days_apart(start, end) <= 14):
            end = None
        if start or end:
            for v in group:
                v["start"], v["end"] = start or end, end if start and end and end != start else None
    return visits


# "Minister X leaves Apia tomorrow to continue her visit to the Pacific": the day the traveller leaves the host;
# "before leaving for Fiji on Saturday afternoon", "will return to Nay Pyi Taw on 6 March": bound elsewhere
LEAVES_RE = re.compile(r"\b(?:leaves|will\s+leave|is\s+(?:due|scheduled|set)\s+to\s+leave|departs|will\s+depart|left|"
                       r"departed|leaving)(?:\s+(?:the\s+)?[A-Z][\w\-]*(?:\s+[A-Z][\w\-]*){0,2})?"
                       r"(?P<bound>\s+for\s+(?:the\s+)?[A-Z][\w\-]*(?:\s+[A-Z][\w\-]*){0,2})?"
                       r"(?=\s+(?:on|today|tomorrow|tonight|this|late|early|later))|"
                       r"\b(?:will\s+return|returns|is\s+(?:due|scheduled|set)\s+to\s+return|flies\s+(?:home|back))"
                       r"(?P<home>\s+(?:home|to\s+(?:the\s+)?[A-Z][\w\-]*(?:\s+[A-Z][\w\-]*){0,2}))?"
                       r"(?=\s+(?:on|today|tomorrow|tonight|this|late|early|later))")


def elsewhere(doc: Doc, sent: Span, move: re.Match, v: dict) -> bool:
    """Do the words around an arrival or departure place it outside the visit's host ("arrived on Monday evening
    and was received at the airport in Abuja" after the trip; "arrived in Hanoi on Sunday" on another leg)?"""
    at = sent.start_char + move.start()
    # (not where the traveller came from or goes on to: "arrived from Buenos Aires", "flew on to Brazil")
    places = {c["alpha3"] for c in country_mentions(doc, max(sent.start_char, at - 60), min(sent.end_char, at + 100),
                                                     ("name", "capital", "city"))
              if not re.search(r"\b(?:from|to|for)\s+(?:the\s+)?$", text_of(doc)[max(0, c["start"] - 12):c["start"]])}
    return bool(places) and v.get("host") not in places


def arrival_day(doc: Doc, visits: list[dict]) -> None:
    """A visit dated by one day of its programme ("held talks at the Kremlin yesterday") whose traveller arrived a
    day or two before ("arrived at Vnukovo International Airport on 3 March"): the visit runs from the arrival."""
    for v in visits:
        start = v.get("start") or ""
        if v["status"] != "occurred" or not v.get("participants") or len(start) != 10:
            continue
        name = v["participants"][0]
        for sent, move, when in traveller_moves(doc, name, TRAVEL_DAY_RE, 40):
            day = next((d for d in when if d and len(d) == 10), None)
            if move.group("leave") or not day or not (day < start and days_apart(day, start) <= 3):
                continue
            if elsewhere(doc, sent, move, v):
                continue
            # (its last day only when told: the parts of an arrival-dated visit take the day of the news, see
            # visit_part_date)
            v["start"], v["dated_by"], v["lead_day"] = day, "arrival", v.get("lead_day") or start
            break


# "The visit ended today.", "The state visit concludes on Friday": a sentence about the visit itself, its last day
# ("The mission runs until Thursday 12 October": a minister's trade mission)
VISIT_ENDS_RE = re.compile(r"^(?:The|This|His|Her|Their)\s+(?:[\w\-]+\s+){0,2}(?:visit|trip|mission)\s+(?:ended|ends|"
                           r"concluded|concludes|closed|closes|wrapped\s+up|wraps\s+up|will\s+end|will\s+conclude|"
                           r"is\s+due\s+to\s+(?:end|conclude)|(?:runs|lasts|will\s+run|will\s+last)\s+(?:until|till|through))\b")
# "Ng's mission, which started on Monday, continues to Abu Dhabi today": the first day, told apart
VISIT_BEGAN_RE = re.compile(r"^(?:The|This|His|Her|Their|[A-Z][\w\-]+['\u2019]s)\s+(?:[\w\-]+\s+){0,2}"
                            r"(?:visit|trip|mission),?\s+(?:which\s+|that\s+)?(?:started|began|opened|kicked\s+off|"
                            r"got\s+under\s*way)\b")
def _days_told_by(doc: Doc, told_re: re.Pattern) -> list[str]:
    """The days told right after a sentence-opening match of ``told_re`` ("The visit ended today", "Ng's mission,
    which started on Monday"), within 30 characters."""
    days = []
    for sent in doc.sents:
        m = told_re.match(span_text(sent).strip())
        if m:
            after = sent.start_char + (len(span_text(sent)) - len(span_text(sent).lstrip())) + m.end()
            days += [d for d in (t.iso_date() for t in dates_in(doc, after, min(sent.end_char, after + 30)))
                     if d and len(d) == 10]
    return days


def began_day(doc: Doc, visits: list[dict]) -> None:
    """A visit dated by the day it is told from, whose first day a sentence about the visit itself gives
    ("which started on Monday"), up to six days before: the visit opens then; its last day, unknown or told
    by the visit's length ("a four-day trade mission"), is counted from it."""
    told = _days_told_by(doc, VISIT_BEGAN_RE)
    for v in visits:
        start = v.get("start") or ""
        day = next((d for d in told if len(start) == 10 and d < start and days_apart(d, start) <= 6), None)
        if not day:
            continue
        src = v["sources"][0]
        length = DAYS_RE.search(text_of(doc)[src["start"]:src["end"]])
        n = length_told(length) if length else 0
        if n and (not v.get("end") or days_apart(start, v["end"]) == n - 1):
            v["end"] = days_after(day, n - 1)
        v["start"] = day


def leaving_day(doc: Doc, visits: list[dict]) -> None:
    """A visit told from its first day, its last not told: the day its traveller leaves the host, in a sentence
    about the traveller, or the day "the visit ended", within two weeks of the first."""
    ends = _days_told_by(doc, VISIT_ENDS_RE)
    for v in visits:
        start = v.get("start") or ""
        if v["status"] != "occurred" or len(start) != 10 or v.get("end"):
            continue
        day = next((d for d in ends if start < d and days_apart(start, d) <= 14), None)
        if day:
            v["end"] = day
            continue
        if not v.get("participants"):
            continue
        name = v["participants"][0]
        for sent, move, when in traveller_moves(doc, name, LEAVES_RE, 30):
            places = country_mentions(doc, sent.start_char + move.start(), sent.start_char + move.end(),
                                      ("name", "capital", "city"))
            if move.group("bound") or move.group("home"):
                if v.get("host") in {c["alpha3"] for c in places}:
                    continue  # "leaving for Fiji", "will return to X": bound for a place other than the host
            elif places and v.get("host") not in {c["alpha3"] for c in places}:
                continue  # leaving another country on the way
            if when and len(when[0]) == 10 and start < when[0] and days_apart(start, when[0]) <= 14:
                v["end"] = when[0]
                break


def runs_through(doc: Doc, sent: Span, after: int, start: str | None) -> str | None:
    """"a state visit to C running through Saturday", "which will last until 15 June", "began on 29 May and
    will end on 31 May": the last day."""
    if not start or len(start) != 10:
        return None
    import datetime as dt

    for t in dates_in(doc, after, sent.end_char):
        day = t.iso_date() or ""
        if len(day) == 10 and day < start and re.fullmatch(
                r"(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day", t.text):
            day = (dt.date.fromisoformat(day) + dt.timedelta(days=7)).isoformat()  # the weekday after the start
        if len(day) == 10 and day > start and re.search(
                r"\b(?:running|lasting|continuing|last|run|runs|lasts|continues)\s+(?:through|until|till|to)\s+$|"
                # "began on May 29 and will end on May 31"
                r"\band\s+(?:will\s+|is\s+to\s+|is\s+due\s+to\s+)?(?:end|ends|ended|conclude|concludes|"
                r"concluded)\s+on\s+$",
                text_of(doc)[max(0, t.start - 30):t.start]):
            return day
    return None


def returned_from(doc: Doc, sent: Span, trig_start: int) -> str | None:
    """"X returned home yesterday from Bandar Seri Begawan, saying his official visit had ...": the visit
    was to where the traveller came back from (not to the country the report is filed in)."""
    m = RETURNED_FROM_RE.search(text_of(doc), sent.start_char, trig_start + 1)
    if not m:
        return None
    # ("returned home from Lima", "returned on Saturday from his first official visit to China")
    hits = [c for c in country_mentions(doc, m.end(), m.end() + 60, ("name", "capital", "city", "seat"))
            if c["start"] - m.end() <= 4 or re.search(r"\b(?:to|in)\s+(?:the\s+)?$",
                                                      text_of(doc)[max(0, c["start"] - 8):c["start"]])]
    return hits[0]["alpha3"] if hits else None
