"""One meeting told with three or more people split into the meetings it was: "X also met separately with A and
B", "X met with A, and with B"."""

from __future__ import annotations

import re
from collections import Counter

from spacy.tokens import Doc, Span

from dyad.nlp.components.context import full_name, person_country
from dyad.nlp.components.util import span_text, text_of


def separate_meetings(doc: Doc, sent: Span, meeting: dict, traveller: str | None = None) -> list[dict]:
    """"X also met separately with A and B", "X met with A, and with B": one meeting with each, not one of
    three."""
    names = meeting.get("participants") or []
    visitor = meeting.pop("visitor", None)
    # ("held talks with A on Monday and later met B and C": the later meetings are others, one with each)
    if len(names) < 3 or not re.search(r"\bseparately\b|\bwith\b[^.;]*,?\s+and\s+(?:also\s+)?with\b|"
                                       r"\band\s+(?:later|then|also|subsequently)\s+(?:met|held\s+talks|called\s+on)\b|"
                                       # "is scheduled to meet A and B later on Tuesday, and to call on C"
                                       r",\s+and\s+(?:to|will|would)\s+(?:later\s+|then\s+|also\s+)?(?:meet|call\s+on)\b|"
                                       # "had a tete-a-tete with A, before being received by B for talks"
                                       r",?\s+(?:before|after)\s+being\s+(?:received|welcomed|hosted)\s+by\b|"
                                       # "called on A, Deputy Prime Minister, and held a meeting with B"
                                       r",\s+and\s+(?:later\s+|then\s+|also\s+)?(?:held|had)\s+(?:a\s+|separate\s+)?"
                                       r"(?:meeting|talks)\s+with\b|"
                                       # "X also received him, while Y met with him"
                                       r",\s+while\s+[^.;]*\b(?:met|received|hosted)\b|"
                                       # "X received Y on Friday, shortly before the Prime Minister held talks
                                       # with Z"
                                       r"\b(?:shortly\s+|just\s+|soon\s+)?(?:before|after)\s+(?:the\s+[\w\-]+(?:\s+"
                                       r"[\w\-]+){0,3}|he|she)\s+(?:held|had|met)\b",
                                       span_text(sent)) \
            or meeting.get("event_type") != "meeting":
        return [meeting]
    order = {p: text_of(doc).find(p.split()[-1], sent.start_char) for p in names}
    first, *others = sorted(names, key=lambda p: order[p] if order[p] >= 0 else 10 ** 9)
    country = {full_name(doc, p): person_country(doc, p) for p in doc._.persons or []}
    sides = Counter(c for c in (country.get(n) for n in names) if c)
    lone = [n for n in names if country.get(n) and sides[country[n]] == 1]
    unknown = [n for n in names if not country.get(n)]
    if len(sides) == 1 and len(unknown) == 1:
        lone, sides[None] = unknown, 1  # the visitor added from the story, under another form of the name
    if visitor in names:
        first, others = visitor, [n for n in names if n != visitor]  # the visitor the sentence calls "him"
    elif len(lone) == 1 and len(sides) == 2:
        # the one on the other side meets each of the rest ("X also received him, while Y met with him")
        first, others = lone[0], [n for n in names if n != lone[0]]
    elif traveller in names:
        # the visitor the story follows meets each of the others ("Speaker X received him on Friday, shortly
        # before the President of C held talks with Y")
        first, others = traveller, [n for n in names if n != traveller]
    out = []
    for other in others:
        title = re.sub(r"\s+between\s+.*$", "", meeting["title"]) + f" between {first} and {other}"
        key = meeting["object_key"] + ":" + other
        out.append({**meeting, "participants": [first, other], "title": title, "object_key": key})
    return out
