"""The date of an event the article has already told, when a sentence opens by referring back to it.

"The council met in Athens last month. At the council, the two leaders signed a declaration": the
signing is dated by the council, not by the report. The reference is a fronted adverbial ("At the
council,", "Following the meeting,", "During the talks,") whose head noun names the told event by its
kind or by a word of its title; the last such event told before the sentence gives the date, if it
is told as done and dated.
"""

from __future__ import annotations

import json
import re
from datetime import date, timedelta
from functools import cache
from pathlib import Path

REFER_BACK_RE = re.compile(
    r"^\s*(?:at|during|following|after|in\s+the\s+course\s+of|on\s+the\s+(?:sidelines|margins)\s+of|"
    r"(?:in|within)\s+the\s+framework\s+of)\s+"
    r"(?:the|this|that|these|their|its)\s+(?P<np>(?:[\w'-]+\s+){0,4}?(?P<head>[A-Za-z][\w-]*))"
    # ("After the talks with Li, ...": the one told with that person)
    r"(?:\s+(?:with|between)\s+(?P<with>[^,.;]{1,60}?))?\s*,", re.I)

# "The signing ceremony followed the official talks ...": the sentence's subject is the event told before
SUBJECT_BACK_RE = re.compile(r"^\s*The\s+(?P<np>(?:[\w'-]+\s+){0,2}?(?P<head>signing|ceremony|talks|meeting|session))"
                             r"\s+(?:followed|preceded|came\s+after|was\s+preceded\s+by|was\s+followed\s+by)\s+"
                             r"(?P<with>)")

EVE_OF_RE = re.compile(r"^\s*On\s+the\s+eve\s+of\s+(?:the|this|that|its|their|his|her)\s+"
                       r"(?P<np>(?:[\w'-]+\s+){0,3}?(?P<head>[A-Za-z][\w-]*))\s*,", re.I)

FUTURE_RE = re.compile(r"\b(?:will|shall|expected|scheduled|planned|due\s+to|(?:is|are)\s+to)\b", re.I)

# Head nouns and the event types they can name (data/timex/told.json).
_DATA_PATH = Path(__file__).resolve().parent.parent / "data" / "timex" / "told.json"


@cache
def head_types() -> dict[str, frozenset[str]]:
    data = json.loads(_DATA_PATH.read_text(encoding="utf-8"))
    return {head: frozenset(types) for head, types in data["head_types"].items()}


def told_event_date(text: str, sent_start: int, facts: list[dict]) -> str | None:
    """The start of the event the sentence at ``sent_start`` refers back to, or None.

    ``facts`` are the article's fact mentions so far (events carry ``event_type``, ``title``,
    ``status``, ``start`` and ``sources``)."""
    event = told_event(text, sent_start, facts)
    return event["start"] if event else None


def told_event(text: str, sent_start: int, facts: list[dict]) -> dict | None:
    """The event (done and dated) the sentence at ``sent_start`` refers back to, or None."""
    opening = text[sent_start:sent_start + 120]
    m = REFER_BACK_RE.match(opening) or SUBJECT_BACK_RE.match(opening)
    if not m:
        return None
    sentence = re.split(r"[.!?](?:\s|$)", text[sent_start:sent_start + 400], maxsplit=1)[0]
    # (the main clause's: "... signed an agreement under which each country will recognise ..." is done)
    sentence = re.split(r"\b(?:under\s+which|which|who|whose|where)\b", sentence, maxsplit=1)[0]
    if FUTURE_RE.search(sentence):
        return None  # "During the summit, the signing of agreements is expected": not yet done
    if re.search(r"\b(?:site|field|factory|plant|port|inspection|study|school|hospital)\s+visit$", m.group("np"), re.I):
        return None  # "After the site visit, ...": a stop on the trip, not the visit told before
    return _last_told(m.group("head").lower(), sent_start, facts, text, m.group("with"))


def refer_back_end(text: str, sent_start: int) -> int | None:
    """Where the fronted adverbial that refers back to an event told before ends ("After the talks with
    Li," -> the offset after the comma), or None."""
    m = REFER_BACK_RE.match(text[sent_start:sent_start + 120])
    return sent_start + m.end() if m and head_types().get(m.group("head").lower()) is not None else None


def eve_of_told(text: str, sent_start: int, facts: list[dict]) -> str | None:
    """"On the eve of the meeting, X spoke by telephone with Y": the day before the event told (done
    and dated to the day) whose kind the phrase names, or None."""
    m = EVE_OF_RE.match(text[sent_start:sent_start + 120])
    event = _last_told(m.group("head").lower(), sent_start, facts, text) if m else None
    if not event or not re.fullmatch(r"\d{4}-\d{2}-\d{2}", event["start"]):
        return None
    return (date.fromisoformat(event["start"]) - timedelta(days=1)).isoformat()


def _last_told(head: str, sent_start: int, facts: list[dict], text: str, with_whom: str | None = None) -> dict | None:
    """The last event told before ``sent_start`` that ``head`` can name, if done and dated; not one told
    as an earlier round ("the previous cabinet, held in Cobija in 2018"): "During the cabinet" is the
    story's."""
    types = head_types().get(head)
    if types is None:
        return None
    cands: list[tuple[int, dict]] = []
    for f in facts:
        if f.get("kind") != "event":
            continue
        pos = f["sources"][0]["start"] if f.get("sources") else None
        if pos is None or pos >= sent_start:
            continue
        title = (f.get("title") or "").lower()
        if f.get("event_type") not in types and not re.search(rf"\b{re.escape(head)}\b", title):
            continue
        earlier = r"(?:previous|preceding|former|last|earlier)"
        if re.search(rf"\b{earlier}\s+(?:[\w\-]+\s+){{0,2}}$", text[max(0, pos - 40):pos], re.I) or \
                re.match(rf"(?:the\s+)?{earlier}\b", text[pos:pos + 30], re.I):
            continue
        cands.append((pos, f))
    names = {w for w in re.findall(r"[A-Z][\w-]+", with_whom or "")}
    named = [c for c in cands if names & {w for p in c[1].get("participants") or [] for w in p.split()}]
    cands = named or cands
    # the event the story reports is told to the day; one of its kind dated by a year alone ("decisions of the 8th
    # session held in Windhoek in 2021") is background the sentence does not refer back to
    dated = [c for c in cands if c[1].get("status") == "occurred" and len(c[1].get("start") or "") == 10]
    best = max(dated or cands, key=lambda c: c[0], default=None)
    if best is None or best[1].get("status") != "occurred" or not best[1].get("start"):
        return None  # the event referred to is still to come, or undated: no date from it
    if best[1].get("end") and best[1]["end"] != best[1]["start"]:
        return None  # "During the visit," of a visit of several days: which day is not said
    return best[1]
