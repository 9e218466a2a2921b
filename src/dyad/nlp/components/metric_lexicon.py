"""Metrics: the word lists and number regex of ``dyad/data/patterns/metrics.json``, number parsing
and the mention record every later step fills in."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from spacy.tokens import Span, Token

from dyad.nlp.components.util import patterns

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
def metric_lexicon() -> _Lex:
    p = patterns("metrics")
    words = p["number_words"]
    wn = _alt(words)
    word_num = rf"\b(?:{wn})(?:[\s-]+(?:{wn}))*\b"
    digits = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
    long_scales = [s for s in p["scales"] if s not in p["short_scales"]]
    scale = rf"(?:\s?-?\s?(?:{_alt(long_scales)})\b|(?<=\d)\s?(?:{_alt(p['short_scales'])})\b)"
    symbols = _alt(p["currency_symbols"])
    codes = "|".join(p["currency_codes"])
    # a code glued to its figure ("AED3 billion") as well as spaced ("AED 3 billion")
    pre = rf"(?:(?-i:\b(?:{codes})(?:\b|(?=\d)))\s?|(?<![\w$])(?:{symbols})\s?)"
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


def parse_number(s: str) -> float | None:
    s = s.strip().lower()
    if s == "a":
        return 1.0
    if re.match(r"^[\d.,]+$", s):
        try:
            return float(s.replace(",", ""))
        except ValueError:
            return None
    words = metric_lexicon().p["number_words"]
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


def clean_value(v: float) -> int | float:
    r = round(v, 6)
    return int(r) if float(r).is_integer() else r



@dataclass
class Mention:
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


ORDINAL_AFTER = re.compile(
    r"^(?:st|nd|rd|th)\b|^-?(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth)\b", re.I)
APPROX_WORDS = ("up", "over", "about", "around", "nearly", "almost", "some", "approximately", "roughly", "least",
           "at", "more", "than")
DEADLINE_STOP = ("by", "until", "till", "than", "before")
RANGE_TO_RE = re.compile(r"\b(between|from)\s+\d{4}\s+(?:and|to|until|through)\s+$", re.I)
