"""Signings: ceremonies where agreements and documents were signed or exchanged."""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span

from dyad.nlp.components.agreement_patterns import SIGNED_IDIOM
from dyad.nlp.components.context import (
    clause_tense,
    nearest_date,
    status_of,
)
from dyad.nlp.components.util import patterns, source, span_text

DATA = patterns("events")
EXCHANGED = "|".join(DATA["exchanged_nouns"])
SIGNING_RE = re.compile(
    r"\b(?:signing ceremony|ceremony for the exchange of [\w\s]{0,30}?(?:" + EXCHANGED + r")|"
    r"exchange of (?:the\s+)?(?:[\w-]+\s+){0,2}?(?:" + EXCHANGED + r")|"
    r"(?:signed|inked|exchanged|concluded|will sign|to sign|signing(?: of)?|"
    + SIGNED_IDIOM + r")\b"
    # (the dot of an honorific does not end the clause: "the signing, chaired by Mr. A and Mr. B, of 19 memoranda")
    r"(?=(?:[^.]|(?:(?<=\bMr)|(?<=\bMrs)|(?<=\bMs)|(?<=\bDr)|(?<=\bSt)|(?<=\bJr))\.){0,80}\b(?:agreements?|documents?|memorand\w*|"
    r"treat\w*|accords?|deals?|statements?|declarations?|contracts?|protocols?|roadmaps?|instruments?|minutes|"
    r"(?:work\s+)?plans?\s+(?:of|for)|programmes?\s+(?:of|for)|letters?\s+of\s+intent)))",
    re.I)
PREPARED_FOR_RE = re.compile(r"\b(?:prepared|preparing|prepare|ready|readied|cleared|approved)\s+(?:\w+\s+)?for\s+$"
                             r"|\b(?:draft\w*|preparation)\s+(?:\w+\s+){0,2}for\s+$", re.I)
INTENDED_RE = re.compile(r"\b(?:expected|due|set|scheduled|going|plan|plans|planned|planning|intend|intends|"
                         r"intended|hope|hopes|aim|aims|will|would)\s+(?:to\s+)?(?:be\s+)?sign(?:ed)?\b|"
                         r"\bto\s+be\s+signed\b", re.I)
WITNESS_BEFORE_RE = re.compile(r"\bwitness(?:es|ed|ing)?\s+(?:the\s+)?$")
# "the Protocol of the session was signed": the instrument before a passive verb.
HOPED_FOR_RE = re.compile(r"\b(?:" + "|".join(DATA["hoped_for_cues"]) + r")\s+(?:the\s+)?$", re.I)
PASSIVE_SIGNED_RE = re.compile(
    r"\b(?:agreements?|documents?|memorand\w*|treat\w*|accords?|protocols?|declarations?|statements?|contracts?|"
    r"roadmaps?|instruments)\b[^.;]{0,200}?\b(?:was|were|has been|have been|had been|will be|would be|to be)"
    r"\s+(?:signed|exchanged)\b", re.I)
# "the memorandum on ..., signed in Asuncion last month by the foreign ministers": a reduced relative with
# its signers named
REDUCED_SIGNED_RE = re.compile(
    r"\b(?:agreements?|memorand\w*|treat\w*|accords?|protocols?|declarations?|contracts?|roadmaps?)\b"
    r"[^.;]{0,120}?,\s+signed\b(?=[^.;,]{0,60}\bby\s+(?:[A-Z]|the\s+(?:two\s+)?[a-z]+\s+ministers\b))", re.I)
# "Following the meeting, the parties signed ...", "At the council, the leaders signed ...": a signing
# of the session told just before
# ("The session closed with the signing of ...": the same, the session its subject)
_SESSION_WORDS = "|".join(DATA["session_nouns"] + [h.lower() for h in DATA["council_heads"]])
SESSION_BACK_RE = re.compile(r"\s*(?:(?:After|Following|At the end of|At the close of|At|During|In the framework of|"
                             r"Within the framework of)\s+the\s+(?:"
                             + _SESSION_WORDS + r")\b[^.;]*|(?:The|This)\s+(?:" + _SESSION_WORDS
                             + r")\s+(?:closed|ended|concluded|culminated|wound\s+up)\s+with\s+(?:the\s+)?)$")


class SigningFinder:
    """Signing ceremonies (a mixin of the event extractor)."""

    def signings(self, doc: Doc, sent: Span, main: dict | None) -> list[dict]:
        m = SIGNING_RE.search(span_text(sent)) or self._passive_signing(doc, sent)
        if not m:
            return []
        a = sent.start_char + m.start()
        if PREPARED_FOR_RE.search(span_text(sent)[max(0, m.start() - 40):m.start()]):
            return []  # "the sides have prepared for signing a draft agreement": a preparation
        if HOPED_FOR_RE.search(span_text(sent)[max(0, m.start() - 40):m.start()]):
            return []  # "looked forward to the signing of a memorandum": a wish, not a ceremony set
        start, end, own, countries, ref = self._context(doc, sent, main, a)
        if own and start and main and (main.get("start") or "")[:4] > start[:4] and \
                (doc._.dct or "")[:4] > start[:4]:
            return []  # "the two signed a treaty last year", told during a later visit: background
        status = status_of(span_text(sent), start, end, doc._.dct, span_text(sent)[max(0, m.start() - 40):m.end() + 10])
        if status == "unknown" and clause_tense(doc, a) == "past":
            status = "occurred"  # "X and Y witnessed the signing of ...", undated: done
        if status == "unknown" and main:
            status = main["status"] if main["status"] != "planned" or not own else "unknown"
        to_come = status == "planned" and clause_tense(doc, a) != "past"
        if (to_come or INTENDED_RE.search(span_text(sent)[max(0, m.start() - 40):m.end()])) and \
                not WITNESS_BEFORE_RE.search(span_text(sent)[max(0, m.start() - 30):m.start()]):
            # "the two leaders are expected to sign a statement", "a memorandum ... to be signed at the next
            # meeting": a signing to come is told by the agreement it will bring (planned), not as an event;
            # a ceremony on a visit's programme is one ("are expected to ... witness the signing of agreements")
            return []
        location = self._where(doc, sent, m, main, countries) or self.inherited_place
        placed = location and re.search(r"\b(?:in|at)\s+(?:the\s+)?" + re.escape(location), span_text(sent))
        if own and start and not main and not placed and start[:4] < (doc._.dct or "")[:4] and \
                not SESSION_BACK_RE.match(span_text(sent)[:m.start()]):
            # "five years after the two signed the X Agreement in August 2020": background, unless the
            # sentence tells where ("signed ... in Bucharest in December 2022")
            return []
        if status == "occurred" and not start and doc._.dct and not main:
            start = doc._.dct[:7]  # reported as done, undated: the month of the report
        if self.last_session and self.sent_index - self.last_session[0] <= 3 and \
                SESSION_BACK_RE.match(span_text(sent)[:m.start()]):
            # "The Commission met on 18 February. Following the meeting, the parties signed six
            # documents": the signing of that session, on its day and at its place
            session = self.last_session[1]
            start, status = session["start"], "occurred"
            location = session.get("location") or location
            if not main:  # during a visit it stays the visit's one signing
                own, ref = True, f"council:{session['object_key']}"
        title = "signing ceremony" if "ceremony" not in m.group(0).lower() else m.group(0)
        if re.match(r"exchange\s+of\b", m.group(0), re.I):
            title = m.group(0)  # "the exchange of four agreements": what the ceremony was
        if main and not own:
            title = f"{title} during the {main['title']}"
        key = f"signing:{ref}:{start if own else ''}"
        return [{
            "kind": "event", "event_type": "signing", "title": title, "status": status,
            "start": start, "end": None, "location": location, "countries": countries,
            "guest": None, "host": None, "level": None, "participants": [],
            "object_key": key, "parent": ref, "sources": [source(sent.start_char, sent.end_char)],
        }]

    def _passive_signing(self, doc: Doc, sent: Span) -> re.Match | None:
        """"Following the session, the Protocol was signed": a signing told in the passive, unless it
        describes an instrument of the past ("the Agreement, which was signed in 2019, ...")."""
        m = PASSIVE_SIGNED_RE.search(span_text(sent)) or REDUCED_SIGNED_RE.search(span_text(sent))
        if m is None or re.search(r"\b(?:which|that)\s+(?:was|were|has been|have been|had been)\s+"
                                  r"(?:signed|exchanged)\b",
                                  m.group(0)):
            return None
        start, _e, _t = nearest_date(doc, sent, sent.start_char + m.end())
        if start and doc._.dct and start[:4] < str(int(doc._.dct[:4]) - 1):
            return None  # "was signed in July 2022" in a 2025 story: background
        return m

