"""Mention-level confidence: how likely one extracted fact mention is right, from its evidence.

Each mention is described by a few cues: which rule found it (``cue``, set by the component
that emitted it, else inferred from its shape), whether its date, parties, speaker or title
are explicit. The cue -> weight table is data (``dyad/data/confidence.json``, fitted by
``bench/fit_confidence.py``); the score is a logistic function of the summed weights, so a
mention's score and a record's (``dyad.resolve.confidence``) live on one log-odds scale.
"""

from __future__ import annotations

import json
import math
from functools import lru_cache
from pathlib import Path

TABLE_PATH = Path(__file__).resolve().parent.parent / "data" / "confidence.json"


@lru_cache(maxsize=1)
def table() -> dict:
    with open(TABLE_PATH, encoding="utf-8") as fh:
        return json.load(fh)


def _precision(date: str | None) -> str:
    return {10: "day", 7: "month", 4: "year"}.get(len(date or ""), "none")


def features(fact: dict) -> list[str]:
    """The cues of one fact mention, as names of the weight table."""
    kind = fact.get("kind")
    out: list[str] = []
    cue = fact.get("cue")
    if kind == "event":
        et = fact.get("event_type") or "other"
        out.append(f"event:{et}")
        if cue:
            out.append(f"event:cue:{cue}")
        out.append(f"event:date:{_precision(fact.get('start'))}")
        n = len(fact.get("participants") or [])
        out.append(f"event:participants:{min(n, 2)}")
        if fact.get("location"):
            out.append("event:location")
        if fact.get("status") == "unknown":
            out.append("event:status_unknown")
        if et == "visit" and fact.get("level"):
            out.append("event:visit_level")
        if len(fact.get("countries") or []) < 2:
            out.append("event:one_country")
    elif kind == "agreement":
        title = fact.get("title") or ""
        if title and title[:1].isupper():
            out.append("agreement:titled")
        elif title:
            out.append("agreement:described")
        elif fact.get("plural"):
            out.append("agreement:field_list")
        else:
            out.append("agreement:field_one")
        if cue:
            out.append(f"agreement:cue:{cue}")
        if fact.get("instrument") == "other":
            out.append("agreement:instrument_other")
        if not fact.get("sectors"):
            out.append("agreement:no_sector")
        if fact.get("signed"):
            out.append("agreement:signed_date")
        if fact.get("status") in ("unknown", None):
            out.append("agreement:status_unknown")
        if len(fact.get("parties") or []) < 2:
            out.append("agreement:one_party")
    elif kind == "metric":
        out.append(f"metric:{fact.get('metric_type') or 'observation'}")
        subject = fact.get("subject") or ""
        if not subject[:1].isalpha() or len(subject) < 4:
            out.append("metric:odd_subject")
        if fact.get("unit") == "count":
            out.append("metric:count")
        if fact.get("stated_by"):
            out.append("metric:stated_by")
        if fact.get("period"):
            out.append("metric:period")
    elif kind == "quote":
        out.append("quote")
        out.append("quote:speaker" if fact.get("speaker") else "quote:no_speaker")
    elif kind == "project":
        out.append(f"project:{fact.get('project_type') or 'other'}")
        if fact.get("status") in ("unknown", None):
            out.append("project:status_unknown")
    elif kind == "entity":
        et = fact.get("entity_type") or "other"
        out.append(f"entity:{et}")
        if et == "person":
            if fact.get("leader"):
                out.append("person:leader")
            if fact.get("role"):
                out.append("person:role")
            if fact.get("country"):
                out.append("person:country")
            if fact.get("surname_only") or len((fact.get("name") or "").split()) < 2:
                out.append("person:one_word")
    return out


def logit(p: float) -> float:
    p = min(max(p, 1e-6), 1 - 1e-6)
    return math.log(p / (1 - p))


def sigmoid(x: float) -> float:
    return 1.0 / (1.0 + math.exp(-x))


def mention_logit(fact: dict) -> float:
    weights = table()["mention"]
    return weights.get("bias", 0.0) + sum(weights.get(f, 0.0) for f in features(fact))


def mention_confidence(fact: dict) -> float:
    """A probability in (0, 1) that the mention is right, rounded to three places."""
    return round(sigmoid(mention_logit(fact)), 3)


def annotate(facts: list[dict], doc_id: str | None) -> None:
    """Give every fact mention of a document its confidence and its document (which the
    record confidence counts as independent sources)."""
    for f in facts:
        f["confidence"] = mention_confidence(f)
        f["doc_id"] = doc_id
