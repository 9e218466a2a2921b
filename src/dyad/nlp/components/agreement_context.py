"""Agreements: what the text around an instrument says about it beyond its own words.

* ``named_parties``: the countries a signing verb names as its doers ("Chile and Bolivia adopted
  the X Declaration", "a memorandum signed by Kenya, Rwanda and India") are the instrument's
  parties, which may not be the article's pair;
* ``cut_trailing_date``: a title read up to a date that dates its signing ("the X Declaration
  last November") ends before that date.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Token

from dyad.nlp.components.agreement_patterns import DATA
from dyad.nlp.components.context import dates_in
from dyad.nlp.components.util import countries_in, text_of
from dyad.nlp.timex import Timex

SIGNING_LEMMAS = frozenset(DATA["signing_lemmas"])
# a date told right after a title that dates its signing, not part of its name
DATE_LEAD = re.compile(r"\b(?:last|next|this|in|on|at|during|since|from|until|by|earlier|over|within|throughout)\s+$",
                       re.I)
RELATIVE_DATE = re.compile(r"(?:last|next|this|earlier)\b", re.I)
YEAR_SPAN = re.compile(r"\d{4}\s*[\u2013\-/]\s*\d{2,4}")
YEAR_SPAN_END = re.compile(r"\d{4}\s*[\u2013\-/]\s*$")
# the line opening a list says its items were signed ("were then signed, notably:", "the exchange of:")
INTRO_SIGNED = re.compile(r"\b(?:signed|exchanged|concluded|inked|adopted|approved|(?:signing|exchange)\s+of)\b",
                          re.I)
# a plural instrument noun that opens a bulleted list ("the exchange of two Memoranda of Understanding:")
PLURAL_COLON = re.compile(r"\b(?P<noun>agreements|memoranda(?:\s+of\s+understanding)?|memorandums(?:\s+of\s+"
                          r"understanding)?|MoUs|MoCs|protocols|contracts|programmes|programs)\s*:[ \t]*(?=\n)", re.I)


def in_year_span(text: str, t: Timex) -> bool:
    """Is the timex a year span or one end of it ("for the period 2025-2028")?"""
    return bool(YEAR_SPAN.match(text, t.start) or YEAR_SPAN_END.search(text[max(0, t.start - 8):t.start]))


def _signing_verb(tok: Token) -> Token | None:
    """The signing verb an instrument is the object or passive subject of, or the participle that
    modifies it or a noun of its name ("a memorandum of understanding on X, signed by ...")."""
    t = tok
    for _ in range(6):
        if t.pos_ in ("VERB", "AUX"):
            return t if t.lemma_.lower() in SIGNING_LEMMAS else None
        for ch in t.children:
            if ch.dep_ == "acl" and ch.lemma_.lower() in SIGNING_LEMMAS:
                return ch
        if t.head is t or t.dep_ not in ("dobj", "nsubjpass", "pobj", "prep", "compound", "conj", "appos"):
            return None
        t = t.head
    return None


def named_parties(doc: Doc, start: int, end: int) -> list[str] | None:
    """Countries named as the doers of the verb that signs the instrument at [start, end): the
    subject of an active verb, the "by" agent of a passive one; None unless two or more."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return None
    verb = next((ch for t in span for ch in t.children
                 if ch.dep_ == "acl" and ch.lemma_.lower() in SIGNING_LEMMAS), None) or _signing_verb(span.root)
    if verb is None:
        return None
    doers = [c for c in verb.children if c.dep_ == "nsubj"]
    doers += [g for c in verb.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]
    found: list[str] = []
    for d in doers:
        lo, hi = d.left_edge.idx, d.right_edge.idx + len(d.right_edge)
        found += [c for c in countries_in(doc, lo, hi) if c not in found]
    return found if len(found) >= 2 else None


def cut_trailing_date(doc: Doc, a: int, title: str) -> str:
    """The title without a date that follows its name ("X Declaration last November" -> "X
    Declaration"); a year span that is the instrument's period ("for the period 2025-2028") stays."""
    text = text_of(doc)
    for t in doc._.timexes or []:
        if not (a < t.start < a + len(title)) or in_year_span(text, t):
            continue
        before = text[a:t.start]
        if DATE_LEAD.search(before) or RELATIVE_DATE.match(t.text):
            return DATE_LEAD.sub("", before.rstrip() + " ").rstrip()
    return title


# "X signed the agreement in Jakarta on 16 December 2018": a text told before, signed on the day told here
SIGNED_THE_RE = re.compile(r"\b(?:signed|inked|concluded)\s+the\s+(?P<noun>agreement|treaty|accord|deal|pact|"
                           r"memorandum|protocol|convention|compact|charter)\b(?!\s+(?:on|for|of|between)\b)", re.I)


def signed_told_later(doc: Doc, facts: list[dict]) -> None:
    """An instrument dated by a later step (approved by voters, ratified, in force) whose signing a later sentence
    tells by "signed the agreement ... on <date>": the earlier signing day is its date, when one instrument of that
    kind is told before."""
    text = text_of(doc)
    agreements = [f for f in facts if f.get("kind") == "agreement" and f.get("title")]
    for sent in doc.sents:
        m = SIGNED_THE_RE.search(text, sent.start_char, sent.end_char)
        if not m:
            continue
        noun = m.group("noun").lower()
        before = [f for f in agreements if f["sources"][0]["start"] < sent.start_char
                  and noun in (f.get("title") or "").lower()]
        days = [d.iso_date() for d in dates_in(doc, m.end(), sent.end_char) if d.iso_date()]
        if len(before) != 1 or not days:
            continue
        rec, day = before[0], days[0]
        if rec.get("signed") and day < rec["signed"] and doc._.dct and day <= doc._.dct:
            rec["signed"] = day


def name_signings(facts: list[dict]) -> None:
    """A signing told with the instruments it signed takes their name ("signing of the memorandum on X", "signing
    of the X Agreement and two other documents") instead of a bare "signing ceremony"."""
    agreements = [f for f in facts if f.get("kind") == "agreement"]
    for ev in facts:
        if ev.get("kind") != "event" or ev.get("event_type") != "signing" or \
                not (ev.get("title") or "").lower().startswith("signing ceremony"):
            continue
        a, b = ev["sources"][0]["start"], ev["sources"][0]["end"]
        signed = [f for f in agreements if a <= f["sources"][0]["start"] < b]
        if not signed:
            continue
        first = signed[0]
        what = first.get("title") or " ".join(w for w in (first.get("instrument") or "document",
                                                          "on " + first["field"] if first.get("field") else "") if w)
        more = f" and {len(signed) - 1} other document{'s' if len(signed) > 2 else ''}" if len(signed) > 1 else ""
        ev["title"] = f"signing of the {what}{more}"
