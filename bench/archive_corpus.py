"""Archive-like synthetic articles for the benchmarks, from the bundled examples (examples/*/).

An archive is many pairs of countries over many years, not one story told a thousand times. Each
synthetic article i is one of the examples with its main country pair swapped for another pair
(some pairs far busier than others, as in the news), the persons of that article renamed for the
pair (a suffix on each surname: a pair keeps its own people, and different pairs' people differ),
and its dates shifted back 0-8 years. Two forms of the same recipe:

- :func:`synthetic` (bench/scale.py) swaps the *extracted facts* of an example, so a base of
  20,000 articles can be written without 20,000 NLP runs;
- :func:`write_articles` (bench/parallel.py) swaps the *text* (country names, adjectives,
  demonyms, capitals and seats of government, persons' surnames, years) and writes article files
  with a manifest, so they go through extraction like any other input and yield facts of their own.

Both draw pair and shift from :func:`draw`, so article i gets the same pair and shift in both.
"""

from __future__ import annotations

import json
import random
import re
import tempfile
from functools import cache
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
EXAMPLES = sorted(p for p in (REPO / "examples").iterdir() if (p / "index.jsonl").exists())
CACHE = Path(tempfile.gettempdir()) / "dyad-bench-scale-facts.json"
DATE_FIELDS = {"start", "end", "signed", "as_of", "deadline", "date", "published"}
DATE_RE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
PERSON_FIELDS = ("name", "speaker", "stated_by", "leader", "participants", "aliases", "signatories")
# Countries the synthetic pairs are drawn from: an archive of many pairs, as a desk keeps.
CODES = ("AFG ALB DZA AGO ARG ARM AUS AUT AZE BHR BGD BLR BEL BEN BOL BIH BWA BRA BGR BFA KHM CMR CAN CHL CHN "
         "COL COD CRI HRV CUB CYP CZE DNK DOM ECU EGY SLV EST ETH FIN FRA GAB GEO DEU GHA GRC GTM GIN HTI HND "
         "HUN ISL IND IDN IRN IRQ IRL ISR ITA CIV JAM JPN JOR KAZ KEN KWT KGZ LAO LVA LBN LBY LTU LUX MDG MWI "
         "MYS MLI MLT MRT MEX MDA MNG MNE MAR MOZ MMR NAM NPL NLD NZL NIC NER NGA PRK MKD NOR OMN PAK PAN PRY "
         "PER PHL POL PRT QAT ROU RUS RWA SAU SEN SRB SGP SVK SVN SOM ZAF KOR ESP LKA SDN SWE CHE SYR TJK TZA "
         "THA TGO TUN TUR TKM UGA UKR ARE GBR USA URY UZB VEN VNM YEM ZMB ZWE").split()


def extract_examples() -> list[dict]:
    """The examples' documents with their extracted facts (cached between runs)."""
    if CACHE.exists():
        return json.loads(CACHE.read_text())
    from sqlalchemy import select

    from dyad.ingest.service import ingest
    from dyad.store.db import open_db
    from dyad.store.models import Document, Mention

    with tempfile.TemporaryDirectory() as tmp:
        factory = open_db(f"sqlite:///{tmp}/x.db")
        ingest([str(e) for e in EXAMPLES], factory)
        out = []
        with factory() as session:
            for doc in session.scalars(select(Document).order_by(Document.doc_id)):
                facts = [m.payload for m in session.scalars(select(Mention).where(Mention.document_id == doc.id)
                                                            .order_by(Mention.id))]
                out.append({"doc_id": doc.doc_id, "text": doc.text, "title": doc.title, "url": doc.url,
                            "published": doc.published, "source": doc.source, "facts": facts})
    CACHE.write_text(json.dumps(out))
    return out


def draw(i: int, rng: random.Random) -> tuple[str, str, int]:
    """Article i's country pair and how many years its dates go back."""
    a, b = rng.sample(CODES[: 40 + (i % 7) * 20], 2)  # some pairs far busier than others, as in the news
    return a, b, rng.randint(0, 8)


def pair_tag(a: str, b: str) -> str:
    """The suffix a pair's persons get: "Tokayev" -> "Tokayevkaba" for the pair KAZ-BAH, say."""
    return f"{a[:2].title()}{b[:2].lower()}".lower()


def main_pair(facts: list[dict]) -> list[str]:
    counts: dict[str, int] = {}
    for f in facts:
        for c in f.get("countries") or f.get("parties") or []:
            counts[c] = counts.get(c, 0) + 1
    return sorted(counts, key=lambda c: (-counts[c], c))[:2]


def shift_date(value: str, years: int) -> str:
    return f"{int(value[:4]) - years:04d}{value[4:]}".replace("-02-29", "-02-28")


# ------------------------------------------------------------------ facts (bench/scale.py)


def _swap(value: Any, mapping: dict[str, str], years: int, key: str | None = None) -> Any:
    if isinstance(value, dict):
        return {k: _swap(v, mapping, years, k) for k, v in value.items()}
    if isinstance(value, list):
        return [_swap(v, mapping, years, key) for v in value]
    if isinstance(value, str):
        if key in DATE_FIELDS and DATE_RE.match(value):
            return shift_date(value, years)
        if value in mapping:
            return mapping[value]
        if key in PERSON_FIELDS and value[:1].isupper() and " " in value:
            # this pair's own people: "Kassym-Jomart Tokayev" -> "Kassym-Jomart Tokayevabde"
            return f"{value}{mapping['@tag']}"
    return value


def synthetic(examples: list[dict], i: int, rng: random.Random) -> tuple[dict, list[dict]]:
    """Article i as a document dict and its facts, swapped from an example's extracted facts."""
    ex = examples[i % len(examples)]
    old = main_pair(ex["facts"])
    a, b, years = draw(i, rng)
    mapping = dict(zip(old, [a, b], strict=False))
    mapping["@tag"] = pair_tag(a, b)
    doc = {**ex, "doc_id": f"synthetic/{i:06d}-{ex['doc_id']}", "text": ex["text"] + f"\n\n[archive copy {i}]",
           "published": _swap(ex["published"], {}, years, "published") if ex["published"] else None}
    return doc, [_swap(f, mapping, years) for f in ex["facts"]]


# ------------------------------------------------------------------ text (bench/parallel.py)

YEAR_RE = re.compile(r"\b(19[5-9]\d|20[0-4]\d)\b")
FORM_CLASSES = ("names", "adjectives", "demonyms", "capitals", "government_seats")


@cache
def _countries() -> dict[str, dict]:
    return json.loads((REPO / "src" / "dyad" / "data" / "countries.json").read_text(encoding="utf-8"))


def _replacement(code: str, form_class: str) -> str:
    c = _countries()[code]
    if form_class == "government_seats":
        form_class = "capitals"
    forms = c.get(form_class) or []
    return forms[0] if forms else c["name"]


def _person_surnames(facts: list[dict]) -> set[str]:
    """Surnames of the persons the pipeline found in an example (the last word of a two-word name)."""
    names: set[str] = set()

    def walk(value: Any, key: str | None = None) -> None:
        if isinstance(value, dict):
            for k, v in value.items():
                walk(v, k)
        elif isinstance(value, list):
            for v in value:
                walk(v, key)
        elif isinstance(value, str) and key in PERSON_FIELDS and value[:1].isupper() and " " in value:
            last = value.split()[-1]
            if last[:1].isupper() and last.isalpha() and len(last) > 2:
                names.add(last)

    for f in facts:
        if f.get("entity_type") == "person" or f.get("kind") in ("quote", "event"):
            walk(f)
    return names


def swap_text(text: str, old: list[str], new: list[str], surnames: set[str], tag: str, years: int) -> str:
    """The text with the countries ``old`` named as ``new`` (each form by the same kind of form),
    the given surnames suffixed with ``tag`` and years shifted back."""
    table: dict[str, str] = {}
    for src, dst in zip(old, new, strict=False):
        for form_class in FORM_CLASSES:
            for form in _countries()[src].get(form_class) or []:
                if len(form) > 2:  # not "US", "UK": too often another word's letters
                    table.setdefault(form, _replacement(dst, form_class))
                    table.setdefault(form.upper(), _replacement(dst, form_class).upper())  # datelines
    for name in surnames:
        table.setdefault(name, name + tag)
    if table:
        pattern = re.compile(r"(?<![\w-])(" + "|".join(re.escape(f) for f in sorted(table, key=len, reverse=True))
                             + r")(?![\w-])")
        text = pattern.sub(lambda m: table[m.group(1)], text)
    return YEAR_RE.sub(lambda m: str(int(m.group(1)) - years), text) if years else text


def write_articles(folder: Path, n: int, seed: int = 7) -> int:
    """``n`` archive-like article files in ``folder`` with an index.jsonl manifest (title, date,
    source, url); returns their total size in characters."""
    examples = extract_examples()
    rng = random.Random(seed)
    folder.mkdir(parents=True)
    lines, chars = [], 0
    for i in range(n):
        ex = examples[i % len(examples)]
        old = main_pair(ex["facts"])
        a, b, years = draw(i, rng)
        swap = {"old": old, "new": [a, b], "surnames": _person_surnames(ex["facts"]), "tag": pair_tag(a, b),
                "years": years}
        text = swap_text(ex["text"], **swap).rstrip("\n") + f"\n\nArchive copy {i + 1}.\n"
        name = f"{i:05d}-{Path(ex['doc_id']).name}"
        if not name.endswith(".txt"):
            name += ".txt"
        (folder / name).write_text(text, encoding="utf-8")
        chars += len(text)
        meta = {"file": name, "title": swap_text(ex["title"], **swap) if ex.get("title") else None,
                "published": shift_date(ex["published"], years) if ex.get("published") else None,
                "source": ex.get("source"), "url": f"{ex['url']}?copy={i + 1}" if ex.get("url") else None}
        lines.append(json.dumps({k: v for k, v in meta.items() if v is not None}) + "\n")
    (folder / "index.jsonl").write_text("".join(lines), encoding="utf-8")
    return chars
