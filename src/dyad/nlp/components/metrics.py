"""Metrics: quantities stated about the relationship or one of its projects.

A regular expression finds number expressions in the text (``$1.5bn``, ``USD 500 million``,
``15 million tons``, ``20%``, ``1,000-km``, ``2,000 students``, ``ten projects``) and classifies
them by unit. Bare numbers count only when they quantify a relation-relevant noun (agreements,
projects, students...). The dependency parse then supplies the rest:

* ``subject``: the counted noun, or for amounts the thing that reaches / doubles to / amounts to
  the figure (climbing ``to $5bn`` -> ``raise`` -> its object ``trade``);
* ``metric_type``: the nearest goal/plan/capacity cue or future/infinitive verb on the path from
  the number to the sentence root makes it a ``target``; a past or present finite verb an
  ``observation``;
* ``period`` / ``deadline``: ``annually``-like phrases and ``by <DATE>`` timexes of the sentence,
  each given to the nearest number expression;
* ``stated_by``: the subject of a speech verb governing the number, or the speaker of the
  quotation the number is inside.

Word lists live in ``dyad/data/patterns/metrics.json``.
"""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc

from dyad.nlp.components.bullets import bullet_lines
from dyad.nlp.components.metric_dates import (
    annotate_sentence,
    flow_period,
    fronted_day,
    measured_when,
    sentence_day,
    set_when,
    story_day,
)
from dyad.nlp.components.metric_kind import classify_metric_type
from dyad.nlp.components.metric_lexicon import Mention, clean_value, metric_lexicon
from dyad.nlp.components.metric_mentions import classify_bare, number_mentions, overlaps_timex
from dyad.nlp.components.metric_phrases import amount_subject
from dyad.nlp.components.metric_progress import completion_subject, demonym_people, is_completion
from dyad.nlp.components.metric_speakers import person_mentions, speaker_of
from dyad.nlp.components.util import dyad_of, source, text_of
from dyad.nlp.told import told_event_date


def percent_relevant(c: Mention) -> bool:
    cues = set(metric_lexicon().p["percent_relation_cues"])
    return any(t.lower_ in cues or t.lemma_.lower() in cues for t in c.span.sent)


def enumerated(doc: Doc, c: Mention) -> bool:
    """"the exchange of two Memoranda of Understanding:" over two bullets: the count of a list the text
    goes on to give item by item, not a figure ("Eleven instruments were signed, notably:" over three
    bullets stays)."""
    text = text_of(doc)
    line_end = text.find("\n", c.end)
    line_end = len(text) if line_end < 0 else line_end
    if not text[c.end:line_end].rstrip().endswith(":"):
        return False
    return len(bullet_lines(text, line_end - 1)) == c.value


def terrain(subject: str | None) -> bool:
    """Is the length that of a stretch of terrain ("strip of land")? Geography, not a relation's figure."""
    head = (subject or "").lower().split(" of ")[0].split()
    return bool(head) and head[-1] in metric_lexicon().p["terrain_length_subjects"]


# "about 100 kilometres from the border", "1,100 km north of Port Louis", "twelve days to cover 1,800 kilometres":
# how far one place is from another, or a trip is, not a figure of the relation or a project's length
DISTANCE_AFTER = re.compile(r"\s*(?:(?:due|further|farther)\s+)?(?:north|south|east|west|north-?east|north-?west|"
                            r"south-?east|south-?west|away|from|off\s+the)\b", re.I)
DISTANCE_BEFORE = re.compile(r"\b(?:cover|covers|covering|covered|travel|travels|travelling|traveling|travelled|drive|"
                             r"driving|fly|flying|flew|walk|walked|sail|sailed)\s+(?:(?:about|some|nearly|almost|over|"
                             r"more\s+than|roughly|around)\s+)?$", re.I)


def distance(doc: Doc, c: Mention) -> bool:
    text = text_of(doc)
    after = DISTANCE_AFTER.match(text[c.end:c.end + 30])
    if after and after.group(0).strip().lower() == "from" and \
            re.match(r"[^.;]{0,60}?\bto\s+[A-Z]", text[c.end + after.end():]):
        after = None  # "runs about 1,350 kilometres from Badr, east of Cairo, to Medina": the route's length
    return bool(after or DISTANCE_BEFORE.search(text[max(0, c.start - 40):c.start]))


_IT_OBJECT = re.compile(r"\b(?:raise|raised|raising|increase|increased|increasing|bring|bringing|boost|boosting|"
                        r"double|doubling|triple|tripling|take|taking|lift|lifting|grow|growing|expand|expanding)"
                        r"\s+(?:it|this(?:\s+figure)?|that(?:\s+figure)?|the\s+figure)\s+(?:to|beyond|above)\b",
                        re.I)


_FROM_BEFORE = re.compile(r"\b(?:up|down|rising|falling|increasing|decreasing|growing|compared)?\s*(?:from|with)\s+$",
                          re.I)


def _subject_told_before(doc: Doc, c: Mention, pronoun: bool) -> str | None:
    """What an amount measures when its own words do not say but point back: "Trade reached X in 2022.
    The presidents agreed to raise it to Y" (the last amount of an earlier sentence), "lift trade to
    $18 billion, up from $14.1 billion last year" (the amount before it in the same sentence)."""
    sent = c.span.sent
    text = text_of(doc)
    if _FROM_BEFORE.search(text[max(sent.start_char, c.start - 20):c.start]):
        lo, hi = sent.start_char, c.start
    elif pronoun and _IT_OBJECT.search(text[sent.start_char:c.start]):
        lo, hi = 0, sent.start_char
    else:
        return None
    before = [f for f in doc._.facts or [] if f["kind"] == "metric" and f.get("subject") and f["unit"] == c.unit
              and lo <= f["sources"][0]["start"] < hi]
    return before[-1]["subject"] if before else None


def market_size(doc: Doc, c: Mention) -> bool:
    """"a market of 170 million people", "a region of six hundred million consumers": the size of a market or
    a population, told to sell the relationship; no figure of the relationship itself."""
    before = text_of(doc)[max(0, c.start - 40):c.start]
    return bool(re.search(r"\b(?:market|region|bloc|economy|country|nation|population)\s+of\s+(?:some\s+|about\s+|"
                          r"around\s+|nearly\s+|almost\s+|over\s+|more\s+than\s+)?$", before, re.I))


@Language.component("dyad_metrics")
def extract_metrics(doc: Doc) -> Doc:
    if doc._.facts is None:
        doc._.facts = []
    cands: list[Mention] = []
    for c in number_mentions(doc):
        span = doc.char_span(c.start, c.end, alignment_mode="expand")
        if span is None or len(span) == 0:
            continue
        c.span = span
        if overlaps_timex(doc, c.num_start, c.num_end):
            continue
        if c.kind == "bare":
            if not classify_bare(doc, c) and not demonym_people(doc, c):
                continue
        elif c.kind == "percent" and not percent_relevant(c) and not is_completion(doc, c):
            continue
        if c.kind == "count" and enumerated(doc, c):
            continue
        if c.kind == "people" and market_size(doc, c):
            continue
        cands.append(c)
    if not cands:
        return doc
    by_sent: dict[int, list[Mention]] = {}
    for c in cands:
        by_sent.setdefault(c.span.sent.start, []).append(c)
    extra: dict[int, dict] = {}
    for group in by_sent.values():
        extra.update(annotate_sentence(doc, group))
    countries = dyad_of(doc)
    mentions = person_mentions(doc)
    for c in cands:
        info = extra[id(c)]
        done = is_completion(doc, c)
        subject = c.subject if c.kind in ("count", "people") else (
            completion_subject(doc, c) if done else amount_subject(doc, c))
        # an amount compared with another, or one "it" is raised to, measures what that one measured
        subject = _subject_told_before(doc, c, pronoun=subject is None and c.kind == "money") or subject
        if c.kind == "length" and (terrain(subject) or distance(doc, c)):
            continue
        sent = c.span.sent
        # a share of a project already built is measured, whatever is planned for the rest
        metric_type = "observation" if done else classify_metric_type(doc, c, info["deadline"] is not None, subject,
                                                                      ranged=info["ranged"])
        if metric_type == "observation" and info["ranged"]:
            info["deadline"] = None  # loans a signed arrangement provides over 2024-2028: a term, not a goal
        doc._.facts.append({
            "kind": "metric",
            "metric_type": metric_type,
            "subject": subject,
            "value": clean_value(c.value),
            "unit": c.unit,
            "period": info["period"] or flow_period(doc, c, subject),
            "as_of": (measured_when(doc, c) if metric_type == "observation" else set_when(doc, c, cands))
            or fronted_day(doc, c) or sentence_day(doc, c, cands)
            or told_event_date(text_of(doc), sent.start_char, doc._.facts or []) or story_day(doc, c) or doc._.dct,
            "deadline": info["deadline"],
            "stated_by": speaker_of(doc, c, mentions),
            "countries": list(countries),
            "sources": [source(c.start, c.end), source(sent.start_char, sent.end_char)],
        })
    _drop_headline_repeats(doc)
    return doc


def _drop_headline_repeats(doc: Doc) -> None:
    """"Malaysia, Kazakhstan ... sign five MoUs" over a body that tells the five memoranda: the headline's
    figure is the body's, told again; the body's record (with its context) stands alone."""
    text = text_of(doc)
    first = text.find("\n")
    if first <= 0 or not text[first:].strip():
        return
    mets = [f for f in doc._.facts or [] if f["kind"] == "metric"]
    body = {(f["value"], f["unit"]) for f in mets if f["sources"][0]["start"] > first}
    doc._.facts = [f for f in doc._.facts if not (f["kind"] == "metric" and f["sources"][0]["start"] < first
                                                  and (f["value"], f["unit"]) in body)]
