"""Metrics: the subject of a figure, the counted noun or the thing that reaches / doubles to /
amounts to the figure, read off the dependency parse."""

from __future__ import annotations

import re
from functools import lru_cache

from spacy.tokens import Doc, Span, Token

from dyad.nlp.components.metric_lexicon import APPROX_WORDS, Mention, metric_lexicon

_PHRASE_DEPS = {"compound", "amod", "nmod", "poss", "npadvmod", "advmod", "punct", "nummod", "quantmod"}


def _render(tokens: list[Token]) -> str:
    out = ""
    for i, t in enumerate(tokens):
        w = t.text if (t.pos_ == "PROPN" or (t.text.isupper() and len(t.text) > 1)) else t.text.lower()
        out += w + (t.whitespace_ if i < len(tokens) - 1 else "")
    return re.sub(r"\s+", " ", out).strip(" -,")


def _hyphen_number(t: Token) -> bool:
    """A number word glued by a hyphen to the next word: part of a compound modifier ("two-way trade",
    "three-year programme"), not a quantity."""
    doc = t.doc
    return t.i + 2 < len(doc) and not t.whitespace_ and doc[t.i + 1].tag_ == "HYPH" \
        and not doc[t.i + 1].whitespace_ and t.is_alpha


def phrase_tokens(doc: Doc, toks: list[Token], head: Token) -> str:
    """Render a noun phrase and add a short 'of ...' complement."""
    toks = [t for t in toks if t.pos_ not in ("DET", "NUM", "PRON", "SYM") or t.i == head.i or _hyphen_number(t)]
    text = _render(toks)
    for ch in head.rights:
        if ch.dep_ == "prep" and ch.lower_ == "of" and ch.i == head.i + 1:
            objs = [g for g in ch.children if g.dep_ == "pobj" and g.pos_ in ("NOUN", "PROPN")]
            if objs and not any(t.like_num or t.tag_ == "$" for t in objs[0].subtree):
                text += " of " + _noun_phrase(objs[0], with_of=False)
    return text


def _noun_phrase(h: Token, with_of: bool = True, floor: int = 0) -> str:
    doc = h.doc
    p = metric_lexicon().p
    if h.lemma_.lower() in p["generic_heads"]:
        # "the volume of mutual investments" -> "mutual investments"
        for ch in h.rights:
            if ch.dep_ == "prep" and ch.lower_ == "of":
                objs = [g for g in ch.children if g.dep_ == "pobj" and g.pos_ in ("NOUN", "PROPN")]
                if objs and not _bad_subject(objs[0]):
                    return _noun_phrase(objs[0], with_of=False, floor=floor)
    left: list[Token] = []
    i = h.i - 1
    while i >= max(h.sent.start, floor):
        t = doc[i]
        if _hyphen_number(t) and left and left[0].i == i + 1:
            left.insert(0, t)  # "two-way trade"
            i -= 1
        elif t.head.i > i and t.head.i <= h.i and (t.dep_ in _PHRASE_DEPS or t.tag_ == "HYPH") \
                and t.pos_ not in ("DET", "NUM", "PRON", "SYM", "ADP", "CCONJ") and not t.like_num \
                and not (t.dep_ == "poss" and t.pos_ == "PRON"):
            left.insert(0, t)
            i -= 1
        else:
            break
    if with_of:
        return phrase_tokens(doc, left + [h], h)
    return _render(left + [h])


def _bad_subject(t: Token, span: Span | None = None) -> bool:
    p = metric_lexicon().p
    if span is not None and span.start <= t.i < span.end:
        return True
    if len(t.text) < 2 or not any(ch.isalpha() for ch in t.text) or t.lower_ in p["scales"] or t.like_num \
            or t.lower_ in metric_lexicon().units or (t.text.isupper() and t.text in p["currency_codes"]):
        return True
    if t.pos_ == "PRON" or t.lower_ in p["subject_skip_heads"] or t.lemma_.lower() in p["subject_skip_heads"]:
        return True
    countries = t.doc._.countries or []
    return any(m["start"] <= t.idx < m["end"] for m in countries) or t.ent_type_ in ("PERSON", "GPE", "NORP")


def _good_head(t: Token, span: Span) -> bool:
    return t.lemma_.lower() not in metric_lexicon().p["generic_heads"] and not _bad_subject(t, span)


def _verb_subject(v: Token, span: Span) -> str | None:
    """The thing a verb moves to the amount: its object, else its (inherited) subject."""
    p = metric_lexicon().p
    seen = 0
    cur = v
    while cur is not None and seen < 5:
        seen += 1
        if cur.lemma_.lower() in p["speech_only_lemmas"]:
            break
        objs = [c for c in cur.children if c.dep_ in ("dobj",) and c.pos_ in ("NOUN", "PROPN")
                and not c.like_num and c.tag_ != "$"]
        for o in objs:
            if not _bad_subject(o, span) and o.lemma_.lower() not in p["generic_heads"]:
                return _noun_phrase(o)
        subs = [c for c in cur.children if c.dep_ in ("nsubj", "nsubjpass") and not c.like_num
                and c.tag_ != "$"]
        for s in subs:
            if not _bad_subject(s, span) and s.pos_ in ("NOUN", "PROPN"):
                return _noun_phrase(s)
        if cur.dep_ == "acl" and cur.head.pos_ in ("NOUN", "PROPN") and not _bad_subject(cur.head, span):
            return _noun_phrase(cur.head)
        if subs:
            break
        if cur.dep_ in ("xcomp", "ccomp", "conj", "advcl", "acl", "relcl", "pcomp") and cur.head is not cur:
            cur = cur.head
            if cur.pos_ not in ("VERB", "AUX"):
                break
        else:
            break
    noun = p["verb_nouns"].get(v.lemma_.lower())
    return noun


@lru_cache(maxsize=1)
def change_forms() -> frozenset[str]:
    forms = set()
    for v in metric_lexicon().p["change_verbs"]:
        stem = v[:-1] if v.endswith("e") else v
        forms |= {v, v + "s", stem + "ed", stem + "ing", v + "d"}
    return frozenset(forms)


def _change_object(doc: Doc, c: Mention) -> str | None:
    """Lexical reading of "<double|raise|bring> <NP> to <amount>", robust to parse errors
    ("double" tagged as an adjective)."""
    span = c.span
    i = span.start - 1
    while i >= span.sent.start and doc[i].lower_ in APPROX_WORDS:
        i -= 1
    if i < span.sent.start or doc[i].lower_ not in ("to", "at"):
        return None
    forms = change_forms()
    for j in range(i - 1, max(span.sent.start, i - 7) - 1, -1):
        if doc[j].lower_ in forms and j < i - 1:
            np = []
            for t in doc[j + 1:i]:
                if t.pos_ == "ADP" and np:
                    break  # "trade with Turkey to $10 billion" -> "trade"
                if t.pos_ not in ("DET", "PRON") and t.dep_ != "poss":
                    np.append(t)
            nouns = [t for t in np if t.pos_ in ("NOUN", "PROPN")]
            if nouns and not any(t.pos_ in ("VERB", "ADP", "PUNCT") and t.tag_ != "HYPH" for t in np) \
                    and not any(_bad_subject(t) for t in nouns[-1:]):
                return _render(np)
            return None
        if doc[j].pos_ in ("PUNCT",) and doc[j].tag_ != "HYPH":
            return None
    return None


def _worth_of_deal(doc: Doc, c: Mention) -> str | None:
    """"a swap agreement between the two central banks worth AED3 billion": "worth" hung on the last noun
    of the parties' phrase prices the agreement that phrase belongs to."""
    i = c.span.start - 1
    while i > c.span.sent.start and doc[i].lower_ in APPROX_WORDS:
        i -= 1
    if doc[i].lower_ != "worth":
        return None
    deals = set(metric_lexicon().p["worth_deal_nouns"])
    if doc[i].head.lemma_.lower() in deals:
        return None  # "an agreement worth ...": the plain reading is right
    # the nearest agreement-like noun before "worth", across the parties' phrase but no verb or comma
    for k in range(i - 1, max(c.span.sent.start, i - 16) - 1, -1):
        t = doc[k]
        if t.pos_ in ("VERB", "AUX") or t.text in (",", ";", ":"):
            return None
        if t.pos_ == "NOUN" and t.lemma_.lower() in deals and k < i - 1:
            return _noun_phrase(t, with_of=False)
    return None


def amount_subject(doc: Doc, c: Mention) -> str | None:
    p = metric_lexicon().p
    span = c.span
    end_tok = span.end
    # "15 million tons of oil", "$2 billion of investment"
    if end_tok + 1 < span.sent.end and doc[end_tok].lower_ in ("of", "in") \
            and doc[end_tok + 1].pos_ in ("NOUN", "ADJ", "PROPN"):
        objs = [g for g in doc[end_tok].children if g.dep_ == "pobj"]
        if objs and objs[0].pos_ in ("NOUN", "PROPN") and not _bad_subject(objs[0]):
            return _noun_phrase(objs[0])
    lexical = _change_object(doc, c)
    if lexical:
        return lexical
    dealt = _worth_of_deal(doc, c)
    if dealt:
        return dealt
    root = span.root
    h = root.head
    # "a $1 billion deal", "a 1,000-km railway", "20% growth"
    if h.i >= span.end and h.pos_ == "NOUN" and h.i - span.end <= 3:
        if h.lemma_.lower() not in p["generic_heads"]:
            return _noun_phrase(h, floor=span.end)
        mods = [t for t in doc[span.end:h.i]
                if t.dep_ in ("compound", "amod") and t.pos_ in ("NOUN", "ADJ", "PROPN")]
        if mods:
            return _render(mods)  # "a $10 bln trade goal" -> "trade"
    t = root
    for _ in range(6):
        h = t.head
        if h is t:
            break
        if t.dep_ == "pobj" and h.pos_ == "ADP":
            g = h.head
            if g is h:
                break
            if g.pos_ in ("NOUN", "PROPN") and _good_head(g, span):
                return _noun_phrase(g, with_of=False)
            if g.pos_ in ("VERB", "AUX"):
                return _verb_subject(g, span)
            t = g
            continue
        if t.dep_ in ("dobj", "attr", "oprd", "npadvmod", "appos", "nsubjpass", "nsubj", "advmod", "acomp") \
                and h.pos_ in ("VERB", "AUX"):
            if t.dep_ in ("nsubj", "nsubjpass"):
                break
            return _verb_subject(h, span)
        if h.pos_ in ("NOUN", "ADJ", "ADV", "PROPN", "NUM", "SYM") or t.dep_ in ("conj", "appos"):
            if h.pos_ in ("NOUN", "PROPN") and _good_head(h, span):
                return _noun_phrase(h, with_of=False)
            t = h
            continue
        break
    # fallback: the nearest plain noun before the number in the sentence
    for i in range(span.start - 1, max(span.sent.start, span.start - 8) - 1, -1):
        tok = doc[i]
        if tok.pos_ == "NOUN" and _good_head(tok, span):
            return _noun_phrase(tok, with_of=False)
    return None
