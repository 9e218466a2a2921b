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
from dataclasses import dataclass, field
from functools import lru_cache

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from dyad.nlp.components.context import before_dct
from dyad.nlp.components.util import Intervals, dyad_of, patterns, source, text_of
from dyad.nlp.timex import Timex
from dyad.nlp.told import told_event_date

KIND_UNIT = {"mass": "tons", "percent": "percent", "length": "km", "other": "other"}


# ------------------------------------------------------------------ lexicon and regex
def _alt(words) -> str:
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(set(words), key=len, reverse=True))


@dataclass(frozen=True)
class _Lex:
    p: dict
    rx: re.Pattern
    units: dict = field(default_factory=dict)  # lower-cased post-unit -> (kind, code or factor)
    people: frozenset = frozenset()
    counts: frozenset = frozenset()
    weak: frozenset = frozenset()


@lru_cache(maxsize=1)
def _lex() -> _Lex:
    p = patterns("metrics")
    words = p["number_words"]
    wn = _alt(words)
    word_num = rf"\b(?:{wn})(?:[\s-]+(?:{wn}))*\b"
    digits = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
    long_scales = [s for s in p["scales"] if s not in p["short_scales"]]
    scale = rf"(?:\s?-?\s?(?:{_alt(long_scales)})\b|(?<=\d)\s?(?:{_alt(p['short_scales'])})\b)"
    symbols = _alt(p["currency_symbols"])
    codes = "|".join(p["currency_codes"])
    pre = rf"(?:(?-i:\b(?:{codes})\b)\s?|(?<![\w$])(?:{symbols})\s?)"
    units: dict[str, tuple[str, object]] = {}
    for w, code in p["currency_words"].items():
        units[w] = ("money", code)
    for w, code in p["currency_adjectives"].items():
        units[w] = ("money", code)
    for w in p["currency_by_country"]:
        units.setdefault(w, ("money", None))  # resolved against the article's pair
    for w, f in p["mass_units"].items():
        units[w] = ("mass", f)
    for w, f in p["length_units"].items():
        units[w] = ("length", f)
    for w in p["percent_units"]:
        units[w] = ("percent", 1)
    for w in p["other_units"]:
        units[w] = ("other", 1)
    post_words = _alt(units)
    post = rf"(?:[\s-]?(?:(?-i:\b(?:{codes})\b)|%|(?:{post_words})(?![\w])))"
    rx = re.compile(
        rf"(?:(?P<pre>{pre})|(?<![\w.,:/#$€£¥])(?<![A-Za-z]-))"
        rf"(?P<num>{digits}|\ba\s+(?:hundred|dozen)\b|{word_num}|\ba(?=\s+(?:thousand|million|billion|trillion)\b))"
        rf"(?P<scale>{scale})?"
        rf"(?P<post>{post})?",
        re.I,
    )
    return _Lex(p, rx, units, frozenset(p["people_nouns"]), frozenset(p["count_nouns"]),
                frozenset(p["weak_count_nouns"]))


def _parse_number(s: str) -> float | None:
    s = s.strip().lower()
    if s == "a":
        return 1.0
    if re.match(r"^[\d.,]+$", s):
        try:
            return float(s.replace(",", ""))
        except ValueError:
            return None
    words = _lex().p["number_words"]
    total = 0.0
    for w in re.split(r"[\s-]+", s):
        v = 1 if w == "a" else words.get(w)
        if v is None:
            return None
        if w in ("hundred", "dozen"):
            total = (total or 1) * v
        else:
            total += v
    return total


def _clean_value(v: float) -> int | float:
    r = round(v, 6)
    return int(r) if float(r).is_integer() else r


# ------------------------------------------------------------------ candidates
@dataclass
class _Cand:
    start: int
    end: int
    num_start: int
    num_end: int
    value: float
    kind: str  # money | mass | length | percent | other | count | people
    unit: str
    digits: bool
    span: Span | None = None
    head: Token | None = None  # counted noun for count/people
    subject: str | None = None


_ORDINAL_AFTER = re.compile(
    r"^(?:st|nd|rd|th)\b|^-?(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth)\b", re.I)
_APPROX = ("up", "over", "about", "around", "nearly", "almost", "some", "approximately", "roughly", "least",
           "at", "more", "than")
_DEADLINE_STOP = ("by", "until", "till", "than", "before")
RANGE_TO_RE = re.compile(r"\b(between|from)\s+\d{4}\s+(?:and|to|until|through)\s+$", re.I)


def _currency_of(pre: str | None, post_word: str | None) -> str | None:
    lx = _lex().p
    if pre:
        pre = pre.strip()
        if pre.upper() in lx["currency_codes"]:
            return lx["currency_code_aliases"].get(pre.upper(), pre.upper())
        return lx["currency_symbols"].get(pre)
    if post_word:
        if post_word.upper() in lx["currency_codes"] and post_word.isupper():
            return lx["currency_code_aliases"].get(post_word, post_word)
    return None


def _candidates(doc: Doc) -> list[_Cand]:
    lx = _lex()
    p = lx.p
    text = text_of(doc)
    out: list[_Cand] = []
    pair = dyad_of(doc)
    for m in lx.rx.finditer(text):
        num = m.group("num")
        value = _parse_number(num)
        if value is None:
            continue
        is_digits = num[0].isdigit()
        pre, scale, post = m.group("pre"), m.group("scale"), m.group("post")
        end = m.end()
        after = text[m.end("num"):m.end("num") + 12]
        if not scale and not post and (_ORDINAL_AFTER.match(after) or re.match(r"^(?::\d|[^\W\d_])", after)):
            continue  # "20th", "10:30", "3D"
        if scale:
            mult_word = scale.strip(" -").lower()
            if mult_word in p["short_scales"] and not pre:
                continue  # "300 m" is metres; "$30m" is money
            value *= p["scales"][mult_word]
            if re.match(r"^[^\W\d_]", text[m.end("scale"):m.end("scale") + 1] or " ") and not post:
                continue
        kind, unit = "", ""
        post_word = post.strip(" -") if post else None
        code = _currency_of(pre, post_word)
        if code:
            kind, unit = "money", code
        elif post_word:
            pw = re.sub(r"\s+", " ", post_word.lower())
            k, info = lx.units.get(pw, (None, None))
            if k is None and post_word.isupper():
                k, info = "money", post_word
            if k == "money":
                if pw in p["ambiguous_currency_words"] and not (is_digits or scale):
                    k = None
                else:
                    kind, unit = "money", info
            elif k:
                kind = k
                unit = KIND_UNIT[k]
                if k in ("mass", "length"):
                    value *= info
        if kind == "money" and post_word:
            by_country = p["currency_by_country"].get(post_word.lower().strip(" -"))
            if by_country:
                # "14.2 billion shillings" in a Kenya-Ethiopia story: the pair's own shilling
                mine = {by_country[c] for c in pair if c in by_country}
                unit = mine.pop() if len(mine) == 1 else unit
            # adjective + currency word ("Turkmen manat") spans the unit itself
            tail = text[m.end("num"):m.end()].lower()
            for adj, c in p["currency_adjectives"].items():
                if tail.strip(" -").endswith(adj):
                    unit = c
        if kind == "money" and not unit:
            continue  # "pesos" in a story about neither peso country: which one is not said
        if not kind:
            if pre or not post_word:
                kind = "bare"
            else:
                continue
            end = m.end("scale") if scale else m.end("num")
        start = m.start("pre") if pre else m.start("num")
        out.append(_Cand(start, end, m.start("num"), m.end("num"), value, kind, unit, is_digits))
    return out


def _overlaps_timex(doc: Doc, start: int, end: int) -> bool:
    for t in doc._.timexes or []:
        if t.start < end and start < t.end and t.type in ("DATE", "TIME", "DURATION", "SET"):
            return True
    return False


def _word_before(text: str, pos: int) -> str:
    m = re.search(r"([^\s]+)\s*$", text[max(0, pos - 40):pos])
    return m.group(1).lower() if m else ""


def _noun_run(doc: Doc, span: Span) -> list[Token]:
    """Modifiers and nouns right after a bare number ("14 cooperation agreements", "100 AI-driven
    enterprises"), stopping at anything else."""
    run: list[Token] = []
    i = span.end
    sent_end = span.sent.end
    while i < sent_end and len(run) < 7:
        t = doc[i]
        nxt = doc[i + 1] if i + 1 < sent_end else None
        if t.pos_ in ("NOUN", "PROPN", "ADJ") or t.tag_ == "HYPH":
            run.append(t)
        elif t.pos_ in ("VERB", "ADV") and ((run and run[-1].tag_ == "HYPH") or (
                nxt is not None and nxt.pos_ in ("NOUN", "ADJ", "PROPN") and t.tag_ in ("VBN", "VBG", "RB"))):
            run.append(t)
        else:
            break
        i += 1
    while run and run[-1].pos_ not in ("NOUN", "PROPN"):
        run.pop()
    return run


def _hyphen_word(t: Token) -> str:
    doc = t.doc
    glued = t.i >= 2 and not (doc[t.i - 1].whitespace_ or doc[t.i - 2].whitespace_)
    if glued and doc[t.i - 1].tag_ == "HYPH":
        return f"{doc[t.i - 2].text}-{t.text}".lower()
    return t.text.lower()


def _noun_class(t: Token) -> str | None:
    lx = _lex()
    forms = {t.lemma_.lower(), t.text.lower(), _hyphen_word(t), _hyphen_word(t).rstrip("s")}
    if forms & lx.people:
        return "people"
    if forms & lx.counts:
        return "count"
    return None


def _is_weak(t: Token) -> bool:
    lx = _lex()
    return bool({t.lemma_.lower(), t.text.lower()} & lx.weak)


MODEL_NUMBER_RE = re.compile(r"(?<![.!?]\s)\b[A-Z][\w\-]+\s+$")
MONTH_NAMES = {"January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
               "November", "December", "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov",
               "Dec"}


def _classify_bare(doc: Doc, c: _Cand) -> bool:
    """Give a bare number a unit when it counts a relation-relevant noun; False drops it."""
    p = _lex().p
    text = text_of(doc)
    if c.value < 2 and not c.digits:
        return False
    num_text = text[c.num_start:c.num_end].lower()
    if num_text in ("hundred", "dozen", "thousand"):
        return False  # "several hundred", "a few dozen"
    if not c.digits and c.value <= 10:
        lead = re.sub(r"\s+", " ", text[max(0, c.start - 12):c.start].lower())
        if any(re.search(rf"(?:^|\W){re.escape(d)} $", lead) for d in p["reference_determiners"]):
            return False  # "the two central banks"
    if re.fullmatch(r"1[89]\d\d|2[01]\d\d", text[c.num_start:c.num_end]):
        return False  # a year
    before = _word_before(text, c.start)
    if before.rstrip(".") in {w.rstrip(".") for w in p["label_words"]} or before in ("#", "no.", "no"):
        return False
    rest = text[c.num_end:c.num_end + 16].lower()
    if any(rest.startswith(a) or rest.startswith(" " + a) for a in p["age_after"]):
        return False
    line_start = text.rfind("\n", 0, c.start) + 1
    if not text[line_start:c.start].strip() and re.match(r"^\s*[.)]", text[c.num_end:c.num_end + 2]):
        return False  # list numbering
    if re.match(r"^\s*(?:-|–|to)\s*\d", rest) or re.match(r"^\s*of\b", rest):
        return False  # "10-15 million", "14 of them"
    if c.digits and MODEL_NUMBER_RE.search(text[max(0, c.start - 25):c.start]) and \
            re.match(r"\s+[A-Z][\w\-]*", text[c.num_end:c.num_end + 20]) and \
            text[max(0, c.start - 25):c.start].split()[-1] not in MONTH_NAMES:
        return False  # "Boeing 737 MAX aircraft": a model's designation between two names, not a count
    if text[c.start - 1:c.start] == "(" and text[c.num_end:c.num_end + 1] == ")":
        return False
    run = _noun_run(doc, c.span)
    if not run:
        return _number_of(doc, c)
    head = None
    root = c.span.root
    if root.head in run and root.head.pos_ == "NOUN":
        head = root.head
    if head is None:
        nouns = [t for t in run if t.pos_ == "NOUN"] or run
        # the head of the compound: the last noun of the first contiguous noun block
        head = nouns[0]
        for t in nouns[1:]:
            if t.i == head.i + 1 or (t.i == head.i + 2 and doc[head.i + 1].tag_ == "HYPH"):
                head = t
            else:
                break
    cls = _noun_class(head)
    if cls is None:
        return False
    if _is_weak(head) and not c.digits:
        return False
    c.kind, c.unit, c.head = cls, ("people" if cls == "people" else "count"), head
    c.subject = _phrase_tokens(doc, [t for t in run if t.i <= head.i], head)
    return True


def _number_of(doc: Doc, c: _Cand) -> bool:
    """'raise the number of flights to 14 (per week)': the counted noun comes before the number."""
    span = c.span
    lo = max(span.sent.start, span.start - 9)
    for i in range(span.start - 2, lo - 1, -1):
        if doc[i].lower_ in ("number", "total") and doc[i + 1].lower_ == "of":
            run = _noun_run(doc, doc[i + 1:i + 2])
            between = doc[i + 2 + len(run):span.start]
            if not run or len(between) > 4 or any(t.pos_ == "PUNCT" for t in between):
                return False
            head = run[-1]
            cls = _noun_class(head)
            if cls is None:
                return False
            c.kind, c.unit, c.head = cls, ("people" if cls == "people" else "count"), head
            c.subject = _phrase_tokens(doc, run, head)
            return True
    return False


# ------------------------------------------------------------------ subject
_PHRASE_DEPS = {"compound", "amod", "nmod", "poss", "npadvmod", "advmod", "punct", "nummod", "quantmod"}


def _render(tokens: list[Token]) -> str:
    out = ""
    for i, t in enumerate(tokens):
        w = t.text if (t.pos_ == "PROPN" or (t.text.isupper() and len(t.text) > 1)) else t.text.lower()
        out += w + (t.whitespace_ if i < len(tokens) - 1 else "")
    return re.sub(r"\s+", " ", out).strip(" -,")


def _phrase_tokens(doc: Doc, toks: list[Token], head: Token) -> str:
    """Render a noun phrase and add a short 'of ...' complement."""
    toks = [t for t in toks if t.pos_ not in ("DET", "NUM", "PRON", "SYM") or t.i == head.i]
    text = _render(toks)
    for ch in head.rights:
        if ch.dep_ == "prep" and ch.lower_ == "of" and ch.i == head.i + 1:
            objs = [g for g in ch.children if g.dep_ == "pobj" and g.pos_ in ("NOUN", "PROPN")]
            if objs and not any(t.like_num or t.tag_ == "$" for t in objs[0].subtree):
                text += " of " + _noun_phrase(objs[0], with_of=False)
    return text


def _noun_phrase(h: Token, with_of: bool = True, floor: int = 0) -> str:
    doc = h.doc
    p = _lex().p
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
        if t.head.i > i and t.head.i <= h.i and (t.dep_ in _PHRASE_DEPS or t.tag_ == "HYPH") \
                and t.pos_ not in ("DET", "NUM", "PRON", "SYM", "ADP", "CCONJ") and not t.like_num \
                and not (t.dep_ == "poss" and t.pos_ == "PRON"):
            left.insert(0, t)
            i -= 1
        else:
            break
    if with_of:
        return _phrase_tokens(doc, left + [h], h)
    return _render(left + [h])


def _bad_subject(t: Token, span: Span | None = None) -> bool:
    p = _lex().p
    if span is not None and span.start <= t.i < span.end:
        return True
    if len(t.text) < 2 or not any(ch.isalpha() for ch in t.text) or t.lower_ in p["scales"] or t.like_num \
            or t.lower_ in _lex().units or (t.text.isupper() and t.text in p["currency_codes"]):
        return True
    if t.pos_ == "PRON" or t.lower_ in p["subject_skip_heads"] or t.lemma_.lower() in p["subject_skip_heads"]:
        return True
    countries = t.doc._.countries or []
    return any(m["start"] <= t.idx < m["end"] for m in countries) or t.ent_type_ in ("PERSON", "GPE", "NORP")


def _good_head(t: Token, span: Span) -> bool:
    return t.lemma_.lower() not in _lex().p["generic_heads"] and not _bad_subject(t, span)


def _verb_subject(v: Token, span: Span) -> str | None:
    """The thing a verb moves to the amount: its object, else its (inherited) subject."""
    p = _lex().p
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
def _change_forms() -> frozenset[str]:
    forms = set()
    for v in _lex().p["change_verbs"]:
        stem = v[:-1] if v.endswith("e") else v
        forms |= {v, v + "s", stem + "ed", stem + "ing", v + "d"}
    return frozenset(forms)


def _change_object(doc: Doc, c: _Cand) -> str | None:
    """Lexical reading of "<double|raise|bring> <NP> to <amount>", robust to parse errors
    ("double" tagged as an adjective)."""
    span = c.span
    i = span.start - 1
    while i >= span.sent.start and doc[i].lower_ in _APPROX:
        i -= 1
    if i < span.sent.start or doc[i].lower_ not in ("to", "at"):
        return None
    forms = _change_forms()
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


def _amount_subject(doc: Doc, c: _Cand) -> str | None:
    p = _lex().p
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


# ------------------------------------------------------------------ metric type
@lru_cache(maxsize=1)
def _design_observed() -> re.Pattern[str]:
    """A word saying a designed thing exists, not after "to be", "will", "being" ("to be built")."""
    not_yet = r"(?<!\bto be )(?<!\bwill )(?<!\bwould )(?<!\bbeing )(?<!\bbe )"
    words = sorted(_lex().p["design_observation_words"], key=len, reverse=True)
    return re.compile(not_yet + r"\b(?:" + "|".join(re.escape(w) for w in words) + r")\b")


def _metric_type(doc: Doc, c: _Cand, has_deadline: bool, subject: str | None = None) -> str:
    p = _lex().p
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
    forms = _change_forms()
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
            if (lem in target or t.lower_ in target) and not (lem == "project" and t.pos_ != "VERB"):
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
                if ch.dep_ in ("acl", "amod", "relcl") and {ch.lemma_.lower(), ch.lower_} & target:
                    return "target"
        nouns = []
        if t.head is t:
            break
        t = t.head
    # no decisive verb on the path: sentence-level cues
    if observed:
        return "observation"

    if any((tok.lemma_.lower() in target and not (tok.lemma_.lower() == "project" and tok.pos_ != "VERB"))
           or tok.lower_ in future for tok in sent):
        return "target"
    return "observation"


def _own_past_year(doc: Doc, c: _Cand) -> bool:
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
        if len(iso) == 4 and iso < dct[:4] and re.fullmatch(r"(?:\s+(?:a|per)\s+year)?\s*,?\s*(?:in|during)\s+",
                                                           text[c.end:t.start]):
            return True
    return False


# ------------------------------------------------------------------ period, deadline
def _nearest(cands: list[_Cand], pos: int) -> _Cand | None:
    best, bd = None, None
    for c in cands:
        d = c.start - pos if pos < c.start else (pos - c.end if pos >= c.end else 0)
        if bd is None or d < bd or (d == bd and c.end <= pos):
            best, bd = c, d
    return best


def _annotate_sentence(doc: Doc, cands: list[_Cand]) -> dict[int, dict]:
    """period and deadline of each candidate of one sentence (keyed by id())."""
    p = _lex().p
    sent = cands[0].span.sent
    out = {id(c): {"period": None, "deadline": None} for c in cands}
    low = text_of(doc)[sent.start_char:sent.end_char].lower()
    for ph in p["period_phrases"]:
        for m in re.finditer(rf"(?<![\w-]){re.escape(ph)}(?![\w-])", low):
            if ph == "a year" and re.match(r"\s+(?:ago|earlier|later|before|after|and)", low[m.end():]):
                continue
            if ph == "a year" and re.search(r"\b(?:once|twice|times)\s+$", low[:m.start()]):
                continue
            pos = sent.start_char + m.start()
            c = _nearest(cands, pos)
            if ph == "annual" and c is not None and abs(pos - c.start) > 40:
                continue
            if c is not None:
                out[id(c)]["period"] = "annual"
    preps = sorted(p["deadline_preps"], key=len, reverse=True)
    span_preps = sorted(p["deadline_span_preps"], key=len, reverse=True)
    for tx in doc._.timexes or []:
        if tx.type not in ("DATE", "DURATION") or not (sent.start_char <= tx.start < sent.end_char):
            continue
        before = re.sub(r"\s+", " ", text_of(doc)[max(sent.start_char, tx.start - 20):tx.start].lower())
        iso = _deadline_of(tx, before, preps, span_preps, doc._.dct)
        ranged = None
        if not iso:
            # "loans ... between 2024 and 2028": the end of a span running past the report is a deadline
            span_end = tx.iso_date()
            lead = max(sent.start_char, tx.start - 30)
            ranged = RANGE_TO_RE.search(text_of(doc)[lead:tx.start]) if span_end and len(span_end) == 4 and \
                (doc._.dct or "9999")[:4] < span_end else None
            iso = span_end if ranged else None
        if not iso:
            continue
        c = _nearest(cands, tx.start)
        if c is None:
            continue
        # the "by" must govern the number's clause: attach to the number or one of its ancestors
        by = doc.char_span(tx.start, tx.end, alignment_mode="expand")
        prep = None
        if ranged:
            word = doc.char_span(lead + ranged.start(), lead + ranged.end(1), alignment_mode="expand")
            prep = word[0] if word is not None else None
        elif by is not None:
            j = by.start - 1
            # "within its first five years": a span's own words before the preposition
            skip = ("DET", "NOUN", "ADP", "ADJ", "PRON") if tx.type == "DURATION" else ("DET", "NOUN", "ADP")
            while j >= sent.start and doc[j].pos_ in skip \
                    and doc[j].lower_ not in _DEADLINE_STOP:
                j -= 1
            prep = doc[j] if j >= sent.start else None
        if prep is not None:
            path = {t.i for t in c.span} | {t.i for t in c.span.root.ancestors}
            # "3,000 megawatts available by mid-2026": a modifier of the number's noun counts too
            path |= {t.i for t in c.span.root.children if t.dep_ in ("amod", "acl", "relcl")}
            if prep.head.i not in path:
                continue
        out[id(c)]["deadline"] = iso
    return out


def _flow_period(doc: Doc, c: _Cand, subject: str | None) -> str | None:
    """"annual" for a trade or traffic flow given as one figure ("trade reached $6 billion in 2024",
    "raise trade to $10 billion by 2030"), unless a part-year or cumulative span bounds it."""
    p = _lex().p
    heads = p["annual_flow_heads"]
    sent = c.span.sent
    text = text_of(doc)
    root = c.span.root
    # "Algeria delivered 21 bcm of gas to Italy last year": a quantity moved in one calendar year
    moved = root.dep_ == "dobj" and root.head.lemma_.lower() in p["annual_flow_verbs"] and c.kind != "percent" \
        and any(t.type == "DATE" and len(t.iso_date() or "") == 4 and sent.start_char <= t.start < sent.end_char
                for t in doc._.timexes or [])
    if not moved and c.kind not in p["annual_flow_units"] and c.unit not in p["annual_flow_units"]:
        return None
    # no subject found: a lower-case flow word shortly before the number ("Trade" of a ministry's name is not)
    where = subject.lower() if subject else text[max(sent.start_char, c.start - 60):c.start]
    if not moved and not any(re.search(rf"\b{re.escape(h)}\b", where) for h in heads):
        return None
    near = text[max(sent.start_char, c.start - 70):min(sent.end_char, c.end + 70)].lower()
    if any(re.search(rx, near) for rx in p["part_period_cues"]):
        return None
    return "annual"


def _deadline_of(tx: Timex, before: str, preps: list[str], span_preps: list[str], dct: str | None) -> str | None:
    """The date a "by"-phrase sets: "by 2030", "before the end of this year", "by the end of the decade"
    (the decade's last year, as the round year that closes it), "within five years" (counted from the report)."""
    if tx.type == "DURATION":
        years = re.fullmatch(r"P(\d{1,2})Y", tx.value or "")
        lead = before + (re.match(r"(?:the\s+)?(?:next\s+|coming\s+)?", tx.text.lower()) or [""])[0]
        if not years or not dct or not any(re.search(rf"\b{re.escape(pr)} $", lead) for pr in span_preps):
            return None
        return str(int(dct[:4]) + int(years.group(1)))
    if not any(re.search(rf"\b{re.escape(pr)} $", before) for pr in preps):
        return None
    iso = tx.iso_date()
    if not iso and re.fullmatch(r"\d{3}", tx.value or "") and tx.mod == "END":
        iso = str(int(tx.value) * 10 + 10)  # "by the end of the decade" (the 2020s) -> 2030
    if iso and before.endswith("before ") and dct and iso[:4] < dct[:4]:
        return None  # "before 2014": a past bound, not a goal
    return iso


def _measured_when(doc: Doc, c: _Cand) -> str | None:
    """The past period an observation measures ("trade reached $79 billion last year" -> 2023),
    from a year or month date next to the number in its sentence; None for the statement date."""
    sent = c.span.sent
    text = text_of(doc)
    best = None
    for t in doc._.timexes or []:
        if t.type != "DATE" or not (sent.start_char <= t.start < sent.end_char):
            continue
        iso = t.iso_date() or ""
        if len(iso) not in (4, 7) or not doc._.dct or not before_dct(iso, doc._.dct):
            continue
        if re.search(r"\b(?:since|until|till|by|before|after|from|to)\s+(?:the\s+)?(?:end\s+of\s+)?$",
                     text[max(sent.start_char, t.start - 20):t.start], re.I):
            continue  # a bound of a period, not the period measured
        gap = t.start - c.end if t.start >= c.end else c.start - t.end
        between = text[min(t.end, c.end):max(t.start, c.start)]
        # ("In 2022 trade between Chile and Peru reached ...": a pair of names is no second clause)
        plain_between = re.sub(r"\b[A-Z][\w\-]*\s+and\s+(?:the\s+)?[A-Z]", "X", between)
        if re.search(r"[;:]|\b(?:and|but|while|whereas|as|when)\s+(?:that\s+)?(?:the\s+|a\s+|more|over|about)?",
                     plain_between):
            continue  # "trade exceeded $4 billion last year and that 1,000 ventures operate": other clause
        if t.end <= c.start and re.fullmatch(r"[\s,]*to\s+", between):
            continue  # "from R1bn in 2020 to R3bn in 2023": 2020 dates the range's other end
        if t.end <= c.start:
            lead = text[max(sent.start_char, t.start - 40):t.start]
            comma = lead.rfind(",")
            if comma >= 0 and "," in text[t.end:c.start] and re.search(
                    r"\b(?:\w+ed|set up|built|founded|launched|established|created|signed|agreed|made)\b",
                    lead[comma:]):
                continue  # "The Fund, set up last March, has approved projects worth $140 million"
        fiscal = re.search(r"\b(\d{4})\s*[-\u2013/]\s*(\d{2}|\d{4})\b", text[t.start:t.end + 8])
        if fiscal and len(iso) == 4:
            end = fiscal.group(2)
            iso = end if len(end) == 4 else fiscal.group(1)[:2] + end  # "2022-23 financial year" ends in 2023
        # "In 2024, trade between the two countries grew 1.6 times, to $96 million": a year fronted
        # before its clause dates the whole clause
        fronted = t.end <= c.start and re.search(r"(?:^|\bthat\s+|[.;:]\s+)in\s+$",
                                                  text[sent.start_char:t.start], re.I)
        if 0 <= gap <= (120 if fronted else 60) and (best is None or gap < best[0]):
            best = (gap, iso)
    return best[1] if best else None


def _set_when(doc: Doc, c: _Cand, cands: list[_Cand]) -> str | None:
    """The past month or day a target was set, told earlier in its sentence ("At the commission in
    Lusaka last October, the two countries set a target of $2 billion by 2027" -> 2024-10)."""
    sent = c.span.sent
    text = text_of(doc)
    dct = doc._.dct
    if not dct:
        return None
    for t in doc._.timexes or []:
        if t.type != "DATE" or not (sent.start_char <= t.start and t.end <= c.start):
            continue
        iso = t.iso_date() or ""
        if len(iso) < 7 or not before_dct(iso, dct) or iso[:7] == dct[:7]:
            continue
        if re.search(r"\b(?:since|until|till|by|before|after|from|to)\s+(?:the\s+)?(?:end\s+of\s+)?$",
                     text[max(sent.start_char, t.start - 20):t.start], re.I):
            continue
        if any(t.end <= o.start < c.start for o in cands if o is not c):
            continue  # another figure lies between: the date is that one's
        return iso
    return None


def _story_day(doc: Doc, c: _Cand) -> str | None:
    """The day of the event the article has just told (talks, a session, a signing in the days before
    the report): a target set or a count given there is as of that day, not of the report."""
    import datetime as dt

    dct = doc._.dct
    if not dct or len(dct) != 10:
        return None
    told = [f for f in doc._.facts or [] if f.get("kind") == "event" and f.get("status") == "occurred"
            and len(f.get("start") or "") == 10 and f["sources"][0]["start"] <= c.start
            and f.get("event_type") != "visit"]
    if not told:
        return None
    day = max(told, key=lambda f: f["sources"][0]["start"])["start"]
    gap = (dt.date.fromisoformat(dct) - dt.date.fromisoformat(day)).days
    return day if 0 <= gap <= 14 else None


# ------------------------------------------------------------------ speaker
def _person_mentions(doc: Doc) -> list[tuple[int, int, str]]:
    """Person mentions of the entities component, plus bare surnames of those persons that it
    left untagged ("..., Modi told reporters")."""
    out = set()
    surnames: dict[str, str] = {}
    for p in doc._.persons or []:
        for s in p.get("sources") or []:
            out.add((s["start"], s["end"], p["name"]))
        parts = p["name"].split()
        if parts and len(parts[-1]) > 2 and parts[-1][:1].isupper():
            surnames.setdefault(parts[-1], p["name"])
    if surnames:
        covered = Intervals((a, b) for a, b, _ in out)
        for t in doc:
            name = surnames.get(t.text)
            if name and t.pos_ == "PROPN" and not covered.overlaps(t.idx, t.idx + 1):
                out.add((t.idx, t.idx + len(t), name))
    return sorted(out)


def _full_name(doc: Doc, name: str) -> str:
    last = name.split()[-1].lower()
    best = name
    for p in doc._.persons or []:
        n = p["name"]
        if n.split() and n.split()[-1].lower() == last and len(n) > len(best):
            best = n
    return best


def _quote_bounds(text: str, pos: int) -> tuple[int, int] | None:
    line_start = text.rfind("\n", 0, pos) + 1
    line_end = text.find("\n", pos)
    line_end = len(text) if line_end < 0 else line_end
    open_at, straight_open = None, None
    for i in range(line_start, pos):
        ch = text[i]
        if ch in "\u201c\u00ab":
            open_at = i
        elif ch in "\u201d\u00bb":
            open_at = None
        elif ch == '"':
            straight_open = None if straight_open is not None else i
    start = open_at if open_at is not None else straight_open
    if start is None:
        return None
    closers = "\u201d\u00bb" if open_at is not None else '"'
    end = next((i for i in range(pos, line_end) if text[i] in closers), line_end)
    return start, end


def _speaker(doc: Doc, c: _Cand, mentions: list[tuple[int, int, str]]) -> str | None:
    if not mentions:
        return None
    text = text_of(doc)
    # The quotes component has resolved who said each quotation; trust it first.
    for f in doc._.facts or []:
        if f.get("kind") == "quote" and f.get("speaker"):
            src = f["sources"][0]
            if src["start"] <= c.start < src["end"]:
                return f["speaker"]
    q = _quote_bounds(text, c.start)
    if q is not None:
        qs, qe = q
        sent = c.span.sent
        tok = doc.char_span(qs, qs + 1, alignment_mode="expand")
        qsent = tok.sent if tok is not None else sent
        lo = qsent.start_char
        if qsent.start > 0:
            lo = doc[qsent.start - 1].sent.start_char
        before = [m for m in mentions if lo <= m[0] and m[1] <= qs]
        if before:
            return _full_name(doc, before[-1][2])
        after = [m for m in mentions if qe < m[0] <= qe + 60]
        if after:
            return _full_name(doc, after[0][2])
        return None
    speech = set(_lex().p["speech_lemmas"])
    t = c.span.root
    for _ in range(10):
        if t.pos_ in ("VERB", "AUX") and t.lemma_.lower() in speech:
            for s in t.children:
                if s.dep_ in ("nsubj", "nsubjpass"):
                    lo, hi = s.left_edge.idx, s.right_edge.idx + len(s.right_edge)
                    hits = [m for m in mentions if m[0] < hi and lo < m[1]]
                    if hits:
                        return _full_name(doc, hits[0][2])
        if t.head is t:
            break
        t = t.head
    sent = c.span.sent
    m = re.search(r"\baccording to\s+", sent.text)
    if m:
        at = sent.start_char + m.end()
        hits = [x for x in mentions if at <= x[0] <= at + 60 and x[0] < c.start]
        if hits:
            return _full_name(doc, hits[0][2])
    return None


# ------------------------------------------------------------------ component
def _percent_relevant(c: _Cand) -> bool:
    cues = set(_lex().p["percent_relation_cues"])
    return any(t.lower_ in cues or t.lemma_.lower() in cues for t in c.span.sent)


@Language.component("dyad_metrics")
def extract_metrics(doc: Doc) -> Doc:
    if doc._.facts is None:
        doc._.facts = []
    cands: list[_Cand] = []
    for c in _candidates(doc):
        span = doc.char_span(c.start, c.end, alignment_mode="expand")
        if span is None or len(span) == 0:
            continue
        c.span = span
        if _overlaps_timex(doc, c.num_start, c.num_end):
            continue
        if c.kind == "bare":
            if not _classify_bare(doc, c):
                continue
        elif c.kind == "percent" and not _percent_relevant(c):
            continue
        cands.append(c)
    if not cands:
        return doc
    by_sent: dict[int, list[_Cand]] = {}
    for c in cands:
        by_sent.setdefault(c.span.sent.start, []).append(c)
    extra: dict[int, dict] = {}
    for group in by_sent.values():
        extra.update(_annotate_sentence(doc, group))
    countries = dyad_of(doc)
    mentions = _person_mentions(doc)
    for c in cands:
        info = extra[id(c)]
        subject = c.subject if c.kind in ("count", "people") else _amount_subject(doc, c)
        sent = c.span.sent
        metric_type = _metric_type(doc, c, info["deadline"] is not None, subject)
        doc._.facts.append({
            "kind": "metric",
            "metric_type": metric_type,
            "subject": subject,
            "value": _clean_value(c.value),
            "unit": c.unit,
            "period": info["period"] or _flow_period(doc, c, subject),
            "as_of": (_measured_when(doc, c) if metric_type == "observation" else _set_when(doc, c, cands))
            or told_event_date(text_of(doc), sent.start_char, doc._.facts or []) or _story_day(doc, c)
            or doc._.dct,
            "deadline": info["deadline"],
            "stated_by": _speaker(doc, c, mentions),
            "countries": list(countries),
            "sources": [source(c.start, c.end), source(sent.start_char, sent.end_char)],
        })
    return doc
