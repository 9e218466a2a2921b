"""Meetings an envoy has with a head of state or government: "the Ambassador of C to K, X, presented her letters of
credence to the President of K, Y, on Tuesday", "the letter was handed to Y on Tuesday by C's High Commissioner, X".
The two sides are the envoy's country and the host's."""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span

from dyad.nlp.components.context import (
    before_dct,
    clause_tense,
    dateline_day,
    full_name,
    nearest_date,
    person_country,
    persons_in,
    role_antecedent,
)
from dyad.nlp.components.util import source, span_text

# "presented her letters of credence to", "presents his credentials to"
CREDENCE_RE = re.compile(r"\bpresent(?:ed|s|ing)?\s+(?:his|her|their)\s+(?:letters?\s+of\s+credence|credentials|"
                         r"copies\s+of\s+(?:his|her|their)\s+credentials)\s+to\b", re.I)
# "was handed to the Prime Minister on Monday by the Ambassador ...": a message or letter delivered in person
HANDED_RE = re.compile(r"\b(?:was|were|has\s+been|had\s+been)\s+(?:handed|delivered|presented)(?:\s+over)?\s+to\s+"
                       r"(?P<to>(?:the\s+)?[^,;.]{2,60}?)(?=\s+(?:on|at|in|during|this|last|yesterday|today|by)\b)",
                       re.I)
BY_RE = re.compile(r"\bby\s+", re.I)


def envoy_meeting(doc: Doc, sent: Span, main: dict | None) -> list[dict]:
    """The meeting of an envoy and a host the sentence tells by credentials presented or a letter handed over."""
    text = span_text(sent)
    found = CREDENCE_RE.search(text)
    if found:
        envoy = persons_in(doc, sent.start_char, sent.start_char + found.start())[-1:]
        host = [p for p in persons_in(doc, sent.start_char + found.end(), sent.end_char)
                if p["sources"][0]["start"] - sent.start_char - found.end() <= 120][:1]
        what = "presents credentials to"
    else:
        found = HANDED_RE.search(text)
        if not found:
            return []
        by = BY_RE.search(text, found.end())
        envoy = [p for p in persons_in(doc, sent.start_char + by.end(), sent.end_char)
                 if p["sources"][0]["start"] - sent.start_char - by.end() <= 90][:1] if by else []
        host = [p for p in persons_in(doc, sent.start_char + found.start("to"), sent.start_char + found.end("to"))][:1]
        if not host and envoy:
            # "handed to the Prime Minister": the one of that office named before, of the other side
            other = person_country(doc, envoy[0])
            named = role_antecedent(doc, found.group("to"), sent.start_char)
            host = [named] if named and person_country(doc, named) != other else []
        what = "receives a message from"
    if not envoy or not host:
        return []
    sides = [person_country(doc, envoy[0]), person_country(doc, host[0])]
    if None in sides or sides[0] == sides[1]:
        return []
    start, _end, _t = nearest_date(doc, sent, sent.start_char + found.start())
    past = clause_tense(doc, sent.start_char + found.start()) == "past" or re.match(r"(?:presented|was|were|has|had)\b",
                                                                                    found.group(0), re.I)
    if not start and past and doc._.dct:
        start = dateline_day(doc, sent.start_char) or doc._.dct[:7]
    status = "occurred" if past and (not start or before_dct(start, doc._.dct) or start == doc._.dct) else "planned"
    names = [full_name(doc, envoy[0]), full_name(doc, host[0])]
    title = f"{names[0]} {what} {names[1]}" if what.startswith("presents") else f"{names[1]} {what} {names[0]}"
    ref = (main or {}).get("ref") or "doc:" + (doc._.doc_id or "")
    return [{
        "cue": "envoy", "kind": "event", "event_type": "meeting", "title": title, "status": status,
        "start": start, "end": None, "location": None, "countries": [sides[1], sides[0]],
        "guest": None, "host": None, "level": None, "participants": sorted(set(names)),
        "object_key": f"meeting:envoy:{ref}:{start or ''}:{':'.join(sorted(names))}",
        "parent": ref, "sources": [source(sent.start_char, sent.end_char)],
    }]

