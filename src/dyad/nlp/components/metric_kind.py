"""Metrics: target or observation, from goal cues and the tense of the verbs governing the figure."""

from __future__ import annotations

import re
from functools import lru_cache

from spacy.tokens import Doc, Token

from dyad.nlp.components.metric_lexicon import Mention, metric_lexicon
from dyad.nlp.components.metric_phrases import change_forms
from dyad.nlp.components.metric_progress import phrasal_other
from dyad.nlp.components.util import span_text, text_of


@lru_cache(maxsize=1)
def _design_observed() -> re.Pattern[str]:
    """A word saying a designed thing exists, not after "to be", "will", "being" ("to be built")."""
    not_yet = r"(?<!\bto be )(?<!\bwill )(?<!\bwould )(?<!\bbeing )(?<!\bbe )"
    words = sorted(metric_lexicon().p["design_observation_words"], key=len, reverse=True)
    return re.compile(not_yet + r"\b(?:" + "|".join(re.escape(w) for w in words) + r")\b")


def classify_metric_type(doc: Doc, c: Mention, has_deadline: bool, subject: str | None = None,
                         ranged: bool = False) -> str:
    p = metric_lexicon().p
    text = text_of(doc)
    sent = c.span.sent
    before = re.sub(r"\s+", " ", text[max(sent.start_char, c.start - 30):c.start].lower()).rstrip()
    if not has_deadline and _own_past_year(doc, c):
        return "observation"  # "raise cargo to 3 Mt by 2027, from 1.4 Mt in 2024": the 2024 figure is measured
    if (not has_deadline or ranged) and committed_by_instrument(doc, c):
        return "observation"  # "an arrangement under which Korea will provide up to $1 billion in loans"
    if not has_deadline and stated_size(doc, c, before):
        return "observation"  # "an estimated cost of $350 million", "a market of 680 million people"
    if any(before.endswith(ph) for ph in p["target_phrases_before"]):
        return "target"
    if has_deadline:
        return "target"
    if any(re.search(rf"\b{re.escape(ph)}(?: (?:of|about|around|some|roughly|nearly|over|an estimated))*$", before)
           for ph in p["cost_phrases_before"]) and _design_observed().search(span_text(sent).lower()):
        return "observation"  # "built at a cost of US$38 million": what a thing that exists cost
    low = span_text(sent).lower()
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


def _moved_to(doc: Doc, c: Mention, before: str) -> bool:
    """The figure is where a change verb moves something ("raise investment to $5 billion")."""
    if not re.search(r"\b(?:to|at|beyond|above)(?: (?:about|around|some|nearly|over|more than|roughly))?$", before):
        return False
    forms = change_forms()
    sent = c.span.sent
    return any(t.lower_ in forms for t in doc[max(sent.start, c.span.start - 9):c.span.start]
               if t.lemma_.lower() not in metric_lexicon().p["transfer_lemmas"])


def _sized_noun(doc: Doc, c: Mention) -> tuple[Token | None, bool]:
    """The noun whose size the figure states, and whether the figure stands before it as a modifier:
    "its $1.6 billion factory" (modifier), "a cost of $X", "$X in loans", "a package worth $X", "the
    investment is estimated at $X", "would cost $X" (the verb), "a market of N people", "the community,
    estimated at N people"."""
    span = c.span
    anchor = c.head if c.head is not None else span.root
    if c.head is None and anchor.head.i >= span.end and anchor.head.pos_ == "NOUN" and anchor.head.i - span.end <= 3 \
            and anchor.dep_ in ("nummod", "compound", "nmod", "amod", "quantmod"):
        return anchor.head, True
    if c.head is None and span.end + 1 < span.sent.end and doc[span.end].lower_ in ("in", "of") \
            and any(g.dep_ == "pobj" and g.pos_ == "NOUN" for g in doc[span.end].children):
        return next(g for g in doc[span.end].children if g.dep_ == "pobj"), False
    h = anchor.head
    if anchor.dep_ in ("pobj", "npadvmod") and h.lower_ == "worth" and h.head.pos_ in ("NOUN", "PROPN"):
        return h.head, False
    if anchor.dep_ in ("dobj", "npadvmod", "attr") and h.lemma_.lower() == "cost" and h.pos_ == "VERB":
        return h, False
    if anchor.dep_ == "pobj" and h.pos_ == "ADP":
        g = h.head
        if h.lower_ == "of" and g.pos_ == "NOUN":
            return g, False
        if h.lower_ == "at" and g.tag_ == "VBN" and g.lemma_.lower() in ("estimate", "value", "put", "price"):
            if g.i >= 2 and doc[g.i - 1].text == ",":
                n = doc[g.i - 2]  # "..., the community (in Peru), estimated at 300,000 people"
                while n.pos_ == "PROPN" and n.dep_ == "pobj" and n.head.dep_ == "prep" and n.head.i >= 1 \
                        and doc[n.head.i - 1].pos_ == "NOUN":
                    n = doc[n.head.i - 1]
                if n.pos_ == "NOUN":
                    return n, False
            if g.dep_ == "acl" and g.head.pos_ == "NOUN":
                return g.head, False
            subj = [ch for ch in g.children if ch.dep_ in ("nsubjpass", "nsubj") and ch.pos_ == "NOUN"]
            if subj:
                return subj[0], False
    return None, False


def _pledged(doc: Doc, c: Mention) -> bool:
    """"Korea would extend $1 billion in loans": the figure is what a future verb of giving or moving will
    hand over, a pledge (a target) rather than the size of an existing loan."""
    p = metric_lexicon().p
    root = c.span.root
    verb = root.head
    if root.dep_ != "dobj" or verb.pos_ != "VERB":
        return False
    if verb.lemma_.lower() not in set(p["transfer_lemmas"]) | set(p["change_verbs"]):
        return False
    auxes = [a.lower_ for a in verb.children if a.dep_ in ("aux", "auxpass")]
    return any(a in p["future_aux"] or a == "to" for a in auxes)


def stated_size(doc: Doc, c: Mention, before: str) -> bool:
    """Is the figure the size of a thing (its cost, a loan, a package, a market's population) rather than a
    goal set for it? Observed, however future the thing itself."""
    p = metric_lexicon().p
    if any(before.endswith(ph) for ph in p["size_goal_phrases"]) or _moved_to(doc, c, before):
        return False
    noun, modifier = _sized_noun(doc, c)
    if noun is None or _pledged(doc, c):
        return False
    lem = {noun.lemma_.lower(), noun.lower_}
    if c.kind == "people":
        return bool(lem & set(p["population_heads"]))
    if c.kind != "money":
        return False
    if modifier:
        return bool(lem & (set(p["priced_things"]) | set(p["priced_heads"])))
    return bool(lem & set(p["priced_heads"]))


def committed_by_instrument(doc: Doc, c: Mention) -> bool:
    """Money a signed instrument provides ("an arrangement under which Korea will provide up to $1 billion",
    "a memorandum under which the U.S. will provide an initial $2 million") or a commitment already made
    provides ("Japan has agreed to provide ..."): an observed commitment, not a goal."""
    if c.kind != "money":
        return False
    p = metric_lexicon().p
    t = c.span.root
    for _ in range(3):
        if t.head is t:
            return False
        t = t.head
        if t.pos_ == "VERB":
            break
    if t.pos_ != "VERB" or t.lemma_.lower() not in p["transfer_lemmas"]:
        return False
    if any(ch.dep_ == "prep" and ch.lower_ == "under" and any(w.lower_ in ("which", "whom") for w in ch.children)
           for ch in t.children):
        return True  # "an arrangement under which ...": the terms of the instrument ("Under the deal, X will
        # contribute ..." stays a pledge)
    head = t.head
    return t.dep_ == "xcomp" and head.lemma_.lower() in p["commitment_done_lemmas"] and (
        head.tag_ == "VBD" or (head.tag_ == "VBN" and any(a.lemma_ == "have" for a in head.children
                                                          if a.dep_ == "aux")))
