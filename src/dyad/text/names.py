"""Name keys for matching variant names of one thing.

Variants we treat as the same name: case, punctuation and diacritics; a leading
article; synonymous words of an official title ("High"/"Supreme" Interstate Council);
transliteration variants of one word ("Zangazur"/"Zangezur"); word order ("Energy
Strategic Partnership Agreement" vs "Strategic Partnership Agreement in the Field of
Energy"). Each is a separate key so callers can ask for the strictness they need.
"""

from __future__ import annotations

import json
import re
import unicodedata
from functools import lru_cache
from pathlib import Path

from unidecode import unidecode

DATA = Path(__file__).resolve().parent.parent / "data" / "patterns" / "name_synonyms.json"
STOP = {"the", "of", "a", "an", "on", "in", "and", "to", "for", "field", "between", "with", "at"}


@lru_cache(maxsize=1)
def _synonyms() -> tuple[dict[str, str], list[tuple[str, str]]]:
    data = json.loads(DATA.read_text(encoding="utf-8"))
    canon: dict[str, str] = {}
    for group in data["synonym_sets"]:
        for word in group:
            canon[word] = group[0]
    folds = [(a, b) for a, b in data["transliteration_folds"]]
    return canon, folds


@lru_cache(maxsize=262144)  # names repeat across an archive: key each once
def plain(s: str | None) -> str:
    """Lower-case ASCII with single spaces; apostrophes and hyphens kept as word glue."""
    # (the Polynesian okina, "Mataʻafa", comes out of unidecode as a backtick: an apostrophe like the others)
    s = unidecode(unicodedata.normalize("NFKC", s or "")).lower().replace("`", "'")
    s = re.sub(r"[^\w'\- ]", " ", s).replace("'s ", " ")
    return re.sub(r"\s+", " ", s).strip()


def words(s: str | None) -> list[str]:
    return list(_words(s))


@lru_cache(maxsize=262144)
def _words(s: str | None) -> tuple[str, ...]:
    return tuple(w for w in re.findall(r"[a-z0-9]+", plain(s).replace("'", "")) if w not in STOP)


def singular(w: str) -> str:
    """Crude plural folding, enough for keys ("companies" == "company")."""
    if len(w) > 4 and w.endswith("ies"):
        return w[:-3] + "y"
    if len(w) > 4 and w.endswith("s") and not w.endswith(("ss", "us", "is")):
        return w[:-1]
    return w


@lru_cache(maxsize=262144)
def synonym_key(s: str | None) -> str:
    """Order-sensitive key with title synonyms folded ("high" == "supreme")."""
    canon, _ = _synonyms()
    return " ".join(canon.get(w, w) for w in words(s))


@lru_cache(maxsize=262144)
def bag_key(s: str | None) -> frozenset[str]:
    """Order-free key: the set of content words, synonyms folded."""
    canon, _ = _synonyms()
    return frozenset(canon.get(singular(w), singular(w)) for w in words(s))


@lru_cache(maxsize=262144)
def translit(word: str) -> str:
    """A rough phonetic skeleton so transliteration variants collide."""
    _, folds = _synonyms()
    w = word.lower()
    for a, b in folds:
        w = w.replace(a, b)
    w = re.sub(r"[aeiou]+", "a", w)  # vowels vary most between transliterations
    return re.sub(r"(.)\1+", r"\1", w)


@lru_cache(maxsize=262144)
def translit_key(s: str | None) -> str:
    return " ".join(translit(w) for w in synonym_key(s).split())


GENERATIONAL_SUFFIXES = frozenset({"jr", "sr"})  # (not a regnal number: "Abdullah II" is no Abdullah)


@lru_cache(maxsize=262144)
def surname(name: str) -> str:
    """The last word of a name, past a generational suffix ("Gilberto C. Teodoro Jr." -> "teodoro")."""
    parts = plain(name).split()
    while len(parts) > 1 and parts[-1].rstrip(".") in GENERATIONAL_SUFFIXES:
        parts.pop()
    return parts[-1] if parts else ""


GENERIC_PROJECT_WORDS = {"corridor", "route", "railway", "rail", "road", "highway", "cable", "pipeline", "project",
                         "line", "link", "initiative", "center", "centre", "plant", "port", "fund", "program",
                         "programme", "new", "international", "transport", "power", "electric", "subsea",
                         "submarine", "gas", "oil", "communication", "fiber", "fibre", "optic"}


COUNTRIES = Path(__file__).resolve().parent.parent / "data" / "countries.json"


@lru_cache(maxsize=1)
def _country_words() -> dict[tuple[str, ...], str]:
    """Every country's names, adjectives and demonyms as word tuples, to its alpha-3 code."""
    out: dict[tuple[str, ...], str] = {}
    for code, c in json.loads(COUNTRIES.read_text(encoding="utf-8")).items():
        for form in [c.get("name"), *c.get("names", []), *c.get("adjectives", []), *c.get("demonyms", [])]:
            ws = tuple(re.findall(r"[a-z0-9]+", plain(form).replace("'", "")))
            if ws:
                out.setdefault(ws, code)
    return out


def _countries_folded(ws: list[str]) -> tuple[list[str], list[str]]:
    """(alpha-3 codes of the country words, the other words): "Kyrgyz-Azerbaijani" and
    "Azerbaijan-Kyrgyzstan" both give AZE and KGZ."""
    table = _country_words()
    codes: list[str] = []
    rest: list[str] = []
    i = 0
    while i < len(ws):
        for n in (4, 3, 2, 1):
            code = table.get(tuple(ws[i:i + n])) if i + n <= len(ws) else None
            if code:
                codes.append(code.lower())
                i += n
                break
        else:
            rest.append(ws[i])
            i += 1
    return codes, rest


@lru_cache(maxsize=262144)
def project_core(name: str) -> str:
    """Distinctive words of a project name, transliteration-folded ("Zangezur Corridor" -> zangazur);
    the countries it names in any form and order come first as codes ("Kyrgyz-Azerbaijani
    Development Fund" and "Azerbaijan-Kyrgyzstan Development Fund" share one core)."""
    # "the high-speed line from A to B" and "the A-B high-speed rail line" share their distinctive words
    core = [w for w in words(name) if w not in GENERIC_PROJECT_WORDS and w not in ("high", "speed", "from", "via")]
    codes, rest = _countries_folded(core)
    if codes and rest:
        return " ".join(sorted(set(codes))) + " " + translit_key(" ".join(rest))
    return translit_key(" ".join(core)) if core else translit_key(name)


NAME_PARTICLES = {"al", "el", "bin", "ibn", "bint", "abu", "ben", "van", "von", "der", "den", "de", "da", "di", "du",
                  "del", "della", "dos", "das", "le", "la"}


@lru_cache(maxsize=262144)
def surname_key(name: str) -> str:
    """A person's surname, transliteration-folded: the key persons are found by."""
    return translit(surname(name))
