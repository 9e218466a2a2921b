"""Small helpers shared by the components."""

from __future__ import annotations

import json
import re
from functools import cache
from pathlib import Path

from spacy.tokens import Doc, Span

PATTERNS = Path(__file__).resolve().parent.parent.parent / "data" / "patterns"

OPEN_QUOTES = "\"\u201c\u201e\u00ab"
CLOSE_QUOTES = "\"\u201d\u00bb"


def text_of(doc: Doc) -> str:
    """The document's text, built once: spaCy's ``Doc.text`` joins every token on each access,
    which made it the single largest cost of the components."""
    text = doc.user_data.get("dyad_text")
    if text is None:
        text = doc.user_data["dyad_text"] = doc.text
    return text


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
    text = text_of(doc)
    line_start = text.rfind("\n", 0, start) + 1
    before = text[line_start:start]
    opens = sum(before.count(q) for q in "\u201c\u00ab") - sum(before.count(q) for q in "\u201d\u00bb")
    straight = before.count('"')
    return opens > 0 or straight % 2 == 1


def countries_in(doc: Doc, start: int, end: int) -> list[str]:
    """Alpha-3 codes of country mentions between two character offsets, in order, unique."""
    out: list[str] = []
    for m in doc._.countries or []:
        if m["start"] >= start and m["end"] <= end and m["alpha3"] not in out:
            out.append(m["alpha3"])
    return out


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


DATELINE_RE = re.compile(r"^\s*([A-Z][A-Z .'\-]{2,30}?)\s*(?:,|\s[\u2014\u2013-]\s|[\u2014\u2013]|\()", re.M)


def dateline_place(doc: Doc) -> tuple[str, str] | None:
    """The city wire copy opens with ("ANKARA, May 13 (Agency) -", "NICOSIA - ..."), title-cased,
    with its country, when the gazetteer knows it as a capital or city."""
    if "dyad_dateline" not in doc.user_data:
        from dyad.nlp.gazetteer import gazetteer  # the gazetteer imports this module

        found = None
        m = DATELINE_RE.search(text_of(doc)[:400])
        if m:
            place = m.group(1).strip().title()
            hit = gazetteer().country_of(place)
            if hit and hit[1] in ("capital", "city"):
                found = (place, hit[0])
        doc.user_data["dyad_dateline"] = found
    return doc.user_data["dyad_dateline"]
