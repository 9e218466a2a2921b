"""Small helpers shared by the components."""

from __future__ import annotations

import bisect
import json
import re
from collections.abc import Callable, Iterable
from functools import cache
from pathlib import Path
from typing import Any

from spacy.tokens import Doc, Span

PATTERNS = Path(__file__).resolve().parent.parent.parent / "data" / "patterns"

OPEN_QUOTES = "\"\u201c\u201e\u00ab"
CLOSE_QUOTES = "\"\u201d\u00bb"


ACRONYM_AFTER = re.compile(r"\s*\((?P<acr>[A-Z][A-Za-z&]{1,7})\)")


def acronym_of(phrase: str, acr: str) -> bool:
    """Does ``acr`` abbreviate the last words of ``phrase`` ("Mutual Logistics Support Agreement" / MLSA,
    "joint commission of co-operation" / JCC)? Small words may be skipped or kept; the parts of a
    hyphenated word count as words ("Bi-National Commission" / BNC), and a trailing "for/of ..." of up to
    three words may lie outside it ("Joint Permanent Commission for Cooperation" / JPC)."""
    small = {"of", "and", "for", "on", "in", "the", "to", "&"}
    ws = [part for w in phrase.split() for part in (w.split("-") if w[:1].isupper() else [w]) if part]
    if not ws:
        return False
    letters = [c for c in acr.upper() if c.isalpha()]
    return any(_abbreviates(ws[:cut], letters, small) for cut in range(len(ws), max(len(ws) - 4, 0), -1)
               if cut == len(ws) or ws[cut].lower() in ("for", "of", "on"))


def _abbreviates(ws: list[str], letters: list[str], small: set[str]) -> bool:
    if not ws:
        return False

    def fits(i: int, k: int) -> bool:  # letters[:k] from words[:i]
        if k == 0:
            return True
        if i == 0:
            return False
        w = ws[i - 1]
        if w[:1].upper() == letters[k - 1] and fits(i - 1, k - 1):
            return True
        return w.lower() in small and fits(i - 1, k)

    return len(letters) >= 2 and ws[-1][:1].upper() == letters[-1] and fits(len(ws), len(letters))



DAY_AND_MONTH_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "January",
                       "February", "March", "April", "May", "June", "July", "August", "September", "October",
                       "November", "December")


def word_alternation(words: list[str]) -> str:
    """A regex alternation of words and phrases, longest first, spaces matching any run of whitespace."""
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True))


def nth_word(n: int) -> str:
    """The ordinal a title says: "first", "second", "third", then "4th", "21st", "41st", "112th"."""
    if n in (1, 2, 3):
        return ("first", "second", "third")[n - 1]
    suffix = "th" if n % 100 in (11, 12, 13) else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def text_of(doc: Doc) -> str:
    """The document's text, built once: spaCy's ``Doc.text`` joins every token on each access,
    which made it the single largest cost of the components."""
    text = doc.user_data.get("dyad_text")
    if text is None:
        text = doc.user_data["dyad_text"] = doc.text
    return text


def span_text(span: Span) -> str:
    """A span's text, sliced from the document's text built once: spaCy's ``Span.text`` joins the
    span's tokens on every access, and the components read each sentence's text many times."""
    return text_of(span.doc)[span.start_char:span.end_char]


@cache
def patterns(name: str) -> dict:
    with open(PATTERNS / f"{name}.json", encoding="utf-8") as fh:
        return json.load(fh)


def source(start: int, end: int) -> dict:
    return {"start": int(start), "end": int(end)}


def span_source(span: Span) -> dict:
    return source(span.start_char, span.end_char)


def sentence_of(doc: Doc, char: int) -> Span:
    tok = doc.char_span(char, char + 1, alignment_mode="expand")
    return tok.sent if tok is not None else doc[:]


def clean_name(s: str) -> str:
    s = s.replace("\u2019", "'").strip(" ,.;:-\u2013\u2014\"'\u201c\u201d")
    s = re.sub(r"'s$", "", s)
    return re.sub(r"\s+", " ", s).strip()


def in_quotes(doc: Doc, start: int, end: int) -> bool:
    """True when [start, end) lies inside a pair of quotation marks on its line."""
    marks = doc.user_data.get("dyad_quote_marks")
    if marks is None:  # positions of line breaks and of each kind of mark, counted by bisection
        text = text_of(doc)
        marks = doc.user_data["dyad_quote_marks"] = {
            kind: [m.start() for m in re.finditer(rx, text)]
            for kind, rx in (("nl", "\n"), ("open", "[\u201c\u00ab]"), ("close", "[\u201d\u00bb]"), ("straight", '"'))}
    nl = marks["nl"]
    k = bisect.bisect_left(nl, start)
    line_start = nl[k - 1] + 1 if k else 0

    def count(kind: str) -> int:
        pos = marks[kind]
        return bisect.bisect_left(pos, start) - bisect.bisect_left(pos, line_start)

    opens = count("open") - count("close")
    return opens > 0 or count("straight") % 2 == 1


def within(doc: Doc, name: str, items: list, start: int, end: int, start_of: Callable[[Any], int],
           end_of: Callable[[Any], int]) -> list:
    """The items (in their order) with start_of(x) >= start and end_of(x) <= end: a bisection over
    their starts, indexed once per list (the list and its length are the key), so asking for each
    sentence of a long document does not pass over every item each time."""
    key = "dyad_within_" + name
    cached = doc.user_data.get(key)
    if cached is None or cached[0] is not items or cached[1] != len(items):
        starts = [start_of(x) for x in items]
        ordered = all(starts[i] <= starts[i + 1] for i in range(len(starts) - 1))
        cached = doc.user_data[key] = (items, len(items), starts if ordered else None)
    starts = cached[2]
    if starts is None:
        return [x for x in items if start_of(x) >= start and end_of(x) <= end]
    a, b = bisect.bisect_left(starts, start), bisect.bisect_right(starts, end)
    return [x for x in items[a:b] if end_of(x) <= end]


def countries_in(doc: Doc, start: int, end: int) -> list[str]:
    """Alpha-3 codes of country mentions between two character offsets, in order, unique."""
    out: list[str] = []
    for m in country_dicts_in(doc, start, end):
        if m["alpha3"] not in out:
            out.append(m["alpha3"])
    return out


def country_dicts_in(doc: Doc, start: int, end: int) -> list[dict]:
    """Country mentions (doc._.countries) between two character offsets, in order."""
    return within(doc, "countries", doc._.countries or [], start, end, _start_key, _end_key)


def _start_key(m: dict) -> int:
    return m["start"]


def _end_key(m: dict) -> int:
    return m["end"]


def doc_countries(doc: Doc) -> list[str]:
    """Countries of the article ranked by how often they are mentioned (ties: first seen)."""
    counts: dict[str, int] = {}
    first: dict[str, int] = {}
    for m in doc._.countries or []:
        if m["form"] in ("name", "adjective", "demonym", "capital", "seat"):
            counts[m["alpha3"]] = counts.get(m["alpha3"], 0) + 1
            first.setdefault(m["alpha3"], m["start"])
    return sorted(counts, key=lambda a: (-counts[a], first[a]))


LEAD_WEIGHT = 3  # a country the lead sentence names counts as this many extra mentions


def dyad_of(doc: Doc) -> list[str]:
    """The article's main pair of countries (or fewer when it has fewer): the most mentioned,
    where the lead sentence's countries weigh more (a report on two countries may name a
    third more often in its background paragraphs) and a named official counts for his
    country (an article that calls one side "SA" or only names its president)."""
    if "dyad_pair" in doc.user_data:
        return list(doc.user_data["dyad_pair"])
    counts: dict[str, int] = {}
    first: dict[str, int] = {}
    mentions = [m for m in doc._.countries or [] if m["form"] in ("name", "adjective", "demonym", "capital", "seat")]
    for m in mentions:
        counts[m["alpha3"]] = counts.get(m["alpha3"], 0) + 1
        first.setdefault(m["alpha3"], m["start"])
    if mentions:
        lead = sentence_of(doc, mentions[0]["start"])
        for a3 in {m["alpha3"] for m in mentions if lead.start_char <= m["start"] < lead.end_char}:
            counts[a3] += LEAD_WEIGHT
    for p in doc._.persons or []:
        c = p.get("country")
        if c and p.get("leader"):
            counts[c] = counts.get(c, 0) + 1
            first.setdefault(c, p["sources"][0]["start"])
    ranked = sorted(counts, key=lambda a: (-counts[a], first[a]))
    if doc._.persons is not None:
        doc.user_data["dyad_pair"] = ranked[:2]
    return ranked[:2]


# "ANKARA, May 13 (Agency) -", "NICOSIA - ...", "NUR-SULTAN. KAZINFORM - ..."
# (capitals with accents: "BOGOTÁ —", "BRASÍLIA,")
DATELINE_RE = re.compile(r"^\s*([A-Z\u00c0-\u00d6\u00d8-\u00de][A-Z\u00c0-\u00d6\u00d8-\u00de .'\-]{2,30}?)\s*"
                         r"(?:,|\s[\u2014\u2013-]\s|[\u2014\u2013]|\(|\.\s+(?=[A-Z]{3,}\b))", re.M)


DATELINE_HEAD_RE = re.compile(r"\s*[A-Z][A-Za-z .'\-]{2,30}(?:,\s+[A-Z][\w .'\-]{2,30})?,\s+")


def in_dateline(text: str, pos: int) -> bool:
    """Does the date at ``pos`` open its line after a place ("ADDIS ABABA, May 3 (Agency) -")? It is the
    day of the report, not news of that day."""
    line_start = text.rfind("\n", 0, pos) + 1
    head = DATELINE_HEAD_RE.match(text, line_start)
    if head and pos <= head.end() + 2:
        return True
    # ("Press Service of the President | 17.04.2024": a masthead line of fields the date closes)
    line_end = text.find("\n", pos)
    line = text[line_start:line_end if line_end >= 0 else len(text)]
    return " | " in line and not line.rstrip().endswith((".", "!", "?", '"', "\u201d"))


def dateline_place(doc: Doc) -> tuple[str, str] | None:
    """The city wire copy opens with ("ANKARA, May 13 (Agency) -", "NICOSIA - ..."), title-cased,
    with its country, when the gazetteer knows it as a capital or city."""
    if "dyad_dateline" not in doc.user_data:
        from dyad.nlp.gazetteer import gazetteer  # the gazetteer imports this module

        found = None
        head = text_of(doc)[:400]
        m = DATELINE_RE.search(head)
        if m:
            place = m.group(1).strip().title()
            hit = gazetteer().country_of(place)
            if hit and hit[1] in ("capital", "city"):
                found = (place, hit[0])
            elif hit and hit[1] == "name" and (gazetteer().capital_of(hit[0], None) or "").startswith(place):
                found = (place, hit[0])  # "KUWAIT, Nov 19 (KUNA) --", "SINGAPORE -": a city state's capital
        # "SIXAOLA, Costa Rica (Wire) -", "From our correspondent in KASANE, Botswana": a town the
        # gazetteer need not know, placed by the country named after it
        town = re.search(r"(?:^[ \t]*|^(?:From|By)\b[^\n]{0,60}?\bin\s+)"
                         r"([A-Z][A-Z'\-]{2,}(?:\s[A-Z][A-Z'\-]{2,}){0,2}),"
                         r"\s+([A-Z][a-z]+(?:\s[A-Z][a-z]+){0,2})(?=\s*(?:\(|[\u2014\u2013-]|$|\n|,\s+[A-Z][a-z]+\.?\s+\d))",
                         head, re.M) if found is None else None
        if town:
            country = gazetteer().country_of(town.group(2))
            known = gazetteer().country_of(town.group(1).title())
            if country and country[1] == "name" and (not known or (known[0] == country[0]
                                                                   and known[1] in ("capital", "city"))):
                found = (town.group(1).title(), country[0])
        doc.user_data["dyad_dateline"] = found
    return doc.user_data["dyad_dateline"]


# "Tumbes, Jun. 28 (ANA).", "Rabat, 2 February -": a dateline in title case, a date right after the place
# ("Cape Town – President X ...": the same with a dash)
TITLE_DATELINE_RE = re.compile(r"^[ \t]*([A-Z][a-z\u00e0-\u00ff]+(?:[ \-][A-Z][a-z\u00e0-\u00ff]+){0,2})(?:,\s+"
                               r"(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2}\b|\d{1,2}\s+[A-Z][a-z]{2,8}\b)|"
                               r"\s+[\u2013\u2014-]\s+(?=[A-Z]))", re.M)


def dateline_town(doc: Doc) -> str | None:
    """The place a report is filed from, even one the gazetteer does not know: what "this city" refers to."""
    known = dateline_place(doc)
    if known:
        return known[0]
    head = text_of(doc)[:400]
    m = DATELINE_RE.search(head) or TITLE_DATELINE_RE.search(head)
    return m.group(1).strip().title() if m else None


class Intervals:
    """A union of [a, b) intervals, merged and sorted, for overlap tests by bisection."""

    def __init__(self, spans: Iterable[tuple[int, int]]) -> None:
        merged: list[list[int]] = []
        for a, b in sorted(spans):
            if merged and a <= merged[-1][1]:
                merged[-1][1] = max(merged[-1][1], b)
            else:
                merged.append([a, b])
        self.starts = [m[0] for m in merged]
        self.ends = [m[1] for m in merged]

    def overlaps(self, a: int, b: int) -> bool:
        """Some interval shares a character with [a, b)."""
        k = bisect.bisect_right(self.ends, a)  # the first interval ending after a
        return k < len(self.starts) and self.starts[k] < b
