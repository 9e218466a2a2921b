"""Metrics: a project's progress ("construction of the border post is 70 percent complete", "the road has
reached a completion rate of 35%"), people counted by nationality ("205,000 New Zealanders visited
Fiji") and the base year of a comparison ("an increase of 12 percent over 2021"). Word lists live in
``dyad/data/patterns/metric_progress.json``."""

from __future__ import annotations

import re
from functools import lru_cache

from spacy.tokens import Doc, Token

from dyad.nlp.components.metric_lexicon import Mention
from dyad.nlp.components.util import patterns, text_of
from dyad.nlp.gazetteer import gazetteer


@lru_cache(maxsize=1)
def _data() -> dict:
    return patterns("metric_progress")


@lru_cache(maxsize=1)
def _after_re() -> re.Pattern[str]:
    words = "|".join(sorted(map(re.escape, _data()["completion_after"]), key=len, reverse=True))
    return re.compile(r"\s*(?:" + words + r")\b", re.I)


@lru_cache(maxsize=1)
def _before_re() -> re.Pattern[str]:
    words = "|".join(sorted((re.escape(w).replace(r"\ ", r"\s+") for w in _data()["completion_before"]),
                            key=len, reverse=True))
    return re.compile(r"\b(?:" + words + r")\s+(?:about|around|some|nearly|almost|over|more\s+than)?\s*$", re.I)


@lru_cache(maxsize=1)
def _base_re() -> re.Pattern[str]:
    words = "|".join(sorted((re.escape(w).replace(r"\ ", r"\s+") for w in _data()["base_year_before"]),
                            key=len, reverse=True))
    return re.compile(r"(?:^|\s)(?:" + words + r")\s+(?:the\s+(?:same\s+period\s+(?:of|in)\s+)?)?$", re.I)


def is_completion(doc: Doc, c: Mention) -> bool:
    """A percentage of a project done: 'N percent complete' or 'a completion rate of N%'."""
    if c.kind != "percent":
        return False
    text = text_of(doc)
    sent = c.span.sent
    after = text[c.end:min(sent.end_char, c.end + 20)]
    before = text[max(sent.start_char, c.start - 40):c.start]
    return bool(_after_re().match(after)) or bool(_before_re().search(before))


def _render(toks: list[Token]) -> str:
    return re.sub(r"\s+", " ", "".join(t.text_with_ws for t in toks)).strip(" ,")


def completion_subject(doc: Doc, c: Mention) -> str:
    """'completion of <what the clause is about>': the subject of the verb governing the figure (its
    relative clause's antecedent), else the noun that the 'completion rate of N%' belongs to."""
    t = c.span.root
    for _ in range(6):
        if t.pos_ in ("VERB", "AUX") or t.head is t:
            break
        t = t.head
    verb = t
    thing = None
    if verb.dep_ == "relcl" and verb.head.pos_ in ("NOUN", "PROPN"):
        thing = verb.head
    else:
        subj = [ch for ch in verb.children if ch.dep_ in ("nsubj", "nsubjpass")]
        if subj and subj[0].pos_ in ("NOUN", "PROPN"):
            thing = subj[0]
    if thing is None:
        return "completion"
    # the noun phrase up to its first comma or clause ("the road, 840 kilometres long, ...")
    toks = []
    for tok in thing.subtree:
        if tok.i > thing.i and (tok.is_punct and tok.text != "-" or tok.dep_ in ("relcl", "acl", "appos")):
            break
        toks.append(tok)
    toks = [x for x in toks if not (x.i == toks[0].i and x.pos_ == "DET")]
    name = _render(toks)
    name = re.sub(r"^(?:construction|building|work|works|modernization|modernisation)\s+(?:of|on)\s+(?:the\s+)?",
                  "", name, flags=re.I)
    return "completion of the " + name if name else "completion"


def demonym_people(doc: Doc, c: Mention) -> bool:
    """'about 205,000 New Zealanders visited Fiji': a bare number counting a country's people; the
    subject is named by what they did ('New Zealand visitors'). Fills in kind, unit and subject."""
    if not c.digits or c.span is None:
        return False
    m = re.match(r"\s+((?:[A-Z][a-z]+\s+)?[A-Z][a-z]+s)\b", text_of(doc)[c.end:c.end + 40])
    if not m:
        return False
    found = gazetteer().country_of(m.group(1))
    if not found or found[1] != "demonym":
        return False
    end = doc.char_span(c.end + m.start(1), c.end + m.end(1), alignment_mode="expand")
    if end is None:
        return False
    head = end[-1]
    verb = head.head if head.dep_ in ("nsubj", "nsubjpass") else None
    movers = _data()["demonym_movers"]
    if verb is None or verb.lemma_.lower() not in movers:
        return False
    name = gazetteer().name_of(found[0])
    c.kind, c.unit, c.head = "people", "people", head
    c.subject = f"{name or m.group(1)} {movers[verb.lemma_.lower()]}"
    return True


def base_year(text: str, sent_start: int, timex_start: int) -> bool:
    """Does a comparison word ('over', 'compared with') stand right before this year?"""
    return bool(_base_re().search(text[max(sent_start, timex_start - 40):timex_start]))


def same_subject_and(doc: Doc, a: int, b: int) -> bool:
    """'trade in 2017 grew by 24 percent and reached $32.4 billion': between a date and a figure, the only
    joint is 'and' before a verb coordinated with the first one (one subject, one clause), no comma."""
    text = text_of(doc)[a:b]
    # a fronted date's comma ("Last year, trade ...") and a pair of names ("between Chile and Peru") join
    # nothing (replaced in place: offsets into the text stay valid)
    text = re.sub(r"^\s*,", lambda m: " " * len(m.group(0)), text)
    text = re.sub(r"\b([A-Z][\w\-]*\s+)and(?=\s+(?:the\s+)?[A-Z])", r"\1&  ", text)
    joints = list(re.finditer(r"\b(?:and|but|while|whereas|as|when)\b|[;:,]", text))
    if len(joints) != 1 or joints[0].group(0) != "and":
        return False
    nxt = doc.char_span(a + joints[0].end(), b, alignment_mode="expand")
    if nxt is None or not len(nxt):
        return False
    verb = nxt[0]
    return verb.pos_ == "VERB" and verb.dep_ == "conj" and verb.head.pos_ == "VERB" and verb.head.i < verb.i \
        and not any(ch.dep_ in ("nsubj", "nsubjpass") for ch in verb.children)


def phrasal_other(t: Token) -> bool:
    """'set up', 'set out': a verb with a particle that means something else than the bare verb ('the
    fund, set up last year with capital of $25 million' was founded, not aimed at the figure)."""
    return t.pos_ == "VERB" and any(ch.dep_ == "prt" and ch.lower_ in _data()["other_sense_particles"]
                                    for ch in t.children)
