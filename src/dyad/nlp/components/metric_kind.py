"""Metrics: target or observation, from goal cues and the tense of the verbs governing the figure."""

from __future__ import annotations

import re
from functools import lru_cache

from spacy.tokens import Doc

from dyad.nlp.components.metric_lexicon import Mention, metric_lexicon
from dyad.nlp.components.metric_phrases import change_forms
from dyad.nlp.components.metric_progress import phrasal_other
from dyad.nlp.components.util import text_of


@lru_cache(maxsize=1)
def _design_observed() -> re.Pattern[str]:
    """A word saying a designed thing exists, not after "to be", "will", "being" ("to be built")."""
    not_yet = r"(?<!\bto be )(?<!\bwill )(?<!\bwould )(?<!\bbeing )(?<!\bbe )"
    words = sorted(metric_lexicon().p["design_observation_words"], key=len, reverse=True)
    return re.compile(not_yet + r"\b(?:" + "|".join(re.escape(w) for w in words) + r")\b")


def classify_metric_type(doc: Doc, c: Mention, has_deadline: bool, subject: str | None = None) -> str:
    p = metric_lexicon().p
    text = text_of(doc)
    sent = c.span.sent
    before = re.sub(r"\s+", " ", text[max(sent.start_char, c.start - 30):c.start].lower()).rstrip()
    if not has_deadline and _own_past_year(doc, c):
        return "observation"  # "raise cargo to 3 Mt by 2027, from 1.4 Mt in 2024": the 2024 figure is measured
    if any(before.endswith(ph) for ph in p["target_phrases_before"]):
        return "target"
    if has_deadline:
        return "target"
    if any(re.search(rf"\b{re.escape(ph)}(?: (?:of|about|around|some|roughly|nearly|over|an estimated))*$", before)
           for ph in p["cost_phrases_before"]) and _design_observed().search(sent.text.lower()):
        return "observation"  # "built at a cost of US$38 million": what a thing that exists cost
    low = sent.text.lower()
    observed = any(re.search(rf"\b{re.escape(w)}\b", low) for w in p["observation_words"])
    if c.kind == "length" and subject and any(
            re.search(rf"\b{re.escape(w)}s?\b", subject.lower()) for w in p["natural_length_subjects"]):
        return "observation"
    # "Laos delivered 2 billion cubic metres": a past verb whose object is the figure itself
    root = c.span.root
    verb = root.head if root.dep_ in ("dobj", "nsubj", "nsubjpass") else None
    done_verb = verb is not None and verb.pos_ == "VERB" and verb.tag_ == "VBD" \
        and verb.lemma_.lower() not in p["target_lemmas"]
    if c.kind in p["design_kinds_default_target"] and not done_verb and not _design_observed().search(low):
        return "target"
    target = set(p["target_lemmas"])
    change = set(p["change_verbs"])
    future = set(p["future_aux"])
    speech = set(p["speech_only_lemmas"])
    done = set(p["done_commitment_lemmas"])
    forms = change_forms()
    window = [t for t in doc[max(sent.start, c.span.start - 9):c.span.start]]
    for k, tok in enumerate(window):
        if tok.lower_ in forms and k > 0 and window[k - 1].lower_ in future | {"to"} \
                and not any(x.tag_ == "VBD" for x in window[k + 1:]):
            return "target"
    t = c.span.root
    span_ids = range(c.span.start, c.span.end)
    nouns = [c.head] if c.head is not None else []
    for _ in range(12):
        if t.i not in span_ids:
            lem = t.lemma_.lower()
            if lem in done and t.pos_ == "VERB" and (t.tag_ == "VBD" or (
                    t.tag_ == "VBN" and any(a.lemma_ == "have" for a in t.children if a.dep_ == "aux"))) \
                    and not any(a.lower_ in future for a in t.children if a.dep_ == "aux"):
                return "observation"
            if (lem in target or t.lower_ in target) and not (lem == "project" and t.pos_ != "VERB") \
                    and not phrasal_other(t):
                return "target"  # "projected to reach", not "10,000 valid projects"
            if t.pos_ in ("VERB", "AUX") and lem not in speech:
                auxes = [a for a in t.children if a.dep_ in ("aux", "auxpass")]
                if any(a.lower_ in future for a in auxes):
                    return "target"
                if t.tag_ == "VB" and any(a.lower_ == "to" for a in auxes):
                    if lem in change:
                        return "target"
                elif t.tag_ == "VBD" or (t.tag_ == "VBN" and auxes):
                    return "observation"
                elif t.tag_ in ("VBZ", "VBP"):
                    return "observation"
            if t.pos_ in ("NOUN", "PROPN"):
                nouns.append(t)
        for n in nouns:
            for ch in n.children:
                if ch.dep_ in ("acl", "amod", "relcl") and {ch.lemma_.lower(), ch.lower_} & target \
                        and not phrasal_other(ch):
                    return "target"
        nouns = []
        if t.head is t:
            break
        t = t.head
    # no decisive verb on the path: sentence-level cues
    if observed:
        return "observation"

    if any((tok.lemma_.lower() in target and not (tok.lemma_.lower() == "project" and tok.pos_ != "VERB")
            and not phrasal_other(tok))
           or tok.lower_ in future for tok in sent):
        return "target"
    return "observation"


def _own_past_year(doc: Doc, c: Mention) -> bool:
    """The figure is followed by its own past year ("1.4 million tonnes in 2024"): measured, whatever
    target the rest of the sentence sets."""
    text = text_of(doc)
    dct = doc._.dct
    if not dct:
        return False
    for t in doc._.timexes or []:
        if t.type != "DATE" or t.start < c.end or t.start > c.end + 24:
            continue
        iso = t.iso_date() or ""
        if len(iso) == 4 and iso < dct[:4] and re.fullmatch(r"(?:\s+(?:a|per)\s+year)?\s*,?\s*(?:(?:in|during)\s+)?",
                                                           text[c.end:t.start]):
            return True
    return False
