"""The archive at scale: what one more article, a full resolution and the API cost on big bases.

Builds bases of N articles from the bundled examples (examples/*/): each synthetic article is
one of them with its country pair swapped for another pair, its persons renamed for that pair,
its dates shifted back a few years and a line appended so it is a new text. The articles are
extracted once; the big base is then written from their mentions directly (so 20,000 articles
need no 20,000 NLP runs) and resolved from scratch with `dyad resolve`. Then, per base:

- full resolve     `dyad resolve` from scratch (subprocess; seconds and its peak RSS)
- ingest rate      200 more synthetic articles stored and resolved incrementally, 16 a batch
                   (the storage and resolution part of an ingest; extraction excluded)
- one more         `dyad ingest` of one new real article (subprocess, end to end), and the same
                   into an empty base: the difference is what the base's size adds
- API p99          /api/events at 100 req/s for 10 s (bench/api_load.py)
- pair page        GET /dyad/<busiest pair> (median of 10, server warm)

    python bench/scale.py [--sizes 1000 5000 20000] [--keep DIR]
"""

from __future__ import annotations

import argparse
import json
import random
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
EXAMPLES = sorted(p for p in (REPO / "examples").iterdir() if (p / "index.jsonl").exists())
NEW_ARTICLE = REPO / "examples" / "corpus" / "kaz-uzb-council.txt"
CACHE = Path(tempfile.gettempdir()) / "dyad-bench-scale-facts.json"
DATE_FIELDS = {"start", "end", "signed", "as_of", "deadline", "date", "published"}
DATE_RE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
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
                out.append({"doc_id": doc.doc_id, "text": doc.text, "title": doc.title,
                            "published": doc.published, "source": doc.source, "facts": facts})
    CACHE.write_text(json.dumps(out))
    return out


def _main_pair(facts: list[dict]) -> list[str]:
    counts: dict[str, int] = {}
    for f in facts:
        for c in f.get("countries") or f.get("parties") or []:
            counts[c] = counts.get(c, 0) + 1
    return sorted(counts, key=lambda c: (-counts[c], c))[:2]


def _swap(value, mapping: dict[str, str], years: int, key: str | None = None):  # type: ignore[no-untyped-def]
    if isinstance(value, dict):
        return {k: _swap(v, mapping, years, k) for k, v in value.items()}
    if isinstance(value, list):
        return [_swap(v, mapping, years, key) for v in value]
    if isinstance(value, str):
        if key in DATE_FIELDS and DATE_RE.match(value):
            return f"{int(value[:4]) - years:04d}{value[4:]}".replace("-02-29", "-02-28")
        if value in mapping:
            return mapping[value]
        if key in ("name", "speaker", "stated_by", "leader", "participants", "aliases", "signatories") and \
                value[:1].isupper() and " " in value:
            # this pair's own people: "Kassym-Jomart Tokayev" -> "Kassym-Jomart Tokayevabde"
            return f"{value}{mapping['@tag'].lower()}"
    return value


def synthetic(examples: list[dict], i: int, rng: random.Random) -> tuple[dict, list[dict]]:
    ex = examples[i % len(examples)]
    old = _main_pair(ex["facts"])
    a, b = rng.sample(CODES[: 40 + (i % 7) * 20], 2)  # some pairs far busier than others, as in the news
    mapping = dict(zip(old, [a, b], strict=False))
    mapping["@tag"] = f"{a[:2].title()}{b[:2].lower()}"
    years = rng.randint(0, 8)
    doc = {**ex, "doc_id": f"synthetic/{i:06d}-{ex['doc_id']}", "text": ex["text"] + f"\n\n[archive copy {i}]",
           "published": _swap(ex["published"], {}, years, "published") if ex["published"] else None}
    return doc, [_swap(f, mapping, years) for f in ex["facts"]]


def write_base(url: str, examples: list[dict], n: int, seed: int = 7) -> None:
    """Store n synthetic articles with their mentions and blocking keys (bulk), resolution deferred."""
    from sqlalchemy import insert

    from dyad.ingest.service import mention_rows, sha256_text
    from dyad.resolve.blocks import blocking_keys
    from dyad.store.db import open_db, session_scope
    from dyad.store.models import Document, Mention, MentionKey, PendingBlock

    factory = open_db(url)
    rng = random.Random(seed)
    next_mention = 1
    for start in range(0, n, 500):
        with session_scope(factory) as session:
            docs, mentions, keys = [], [], []
            for i in range(start, min(n, start + 500)):
                doc, facts = synthetic(examples, i, rng)
                sha = sha256_text(doc["text"])
                docs.append({"id": i + 1, "doc_id": doc["doc_id"], "title": doc["title"], "url": None,
                             "published": doc["published"], "source": doc["source"], "sha256": sha,
                             "chars": len(doc["text"]), "text": doc["text"], "origin": "bench"})
                for row in mention_rows(sha, facts, doc["text"]):
                    ks = blocking_keys(row.kind, row.payload, doc["published"], doc["doc_id"])
                    mentions.append({"id": next_mention, "document_id": i + 1, "kind": row.kind, "key": row.key,
                                     "start": row.start, "end": row.end, "text": row.text, "payload": row.payload,
                                     "block": ks[0]})
                    keys.extend({"mention_id": next_mention, "key": k} for k in ks)
                    next_mention += 1
            session.execute(insert(Document), docs)
            session.execute(insert(Mention), mentions)
            session.execute(insert(MentionKey), keys)
        print(f"  wrote {min(n, start + 500)} articles", end="\r", flush=True, file=sys.stderr)
    with session_scope(factory) as session:
        session.add(PendingBlock(block="*"))


def timed(cmd: list[str]) -> tuple[float, float, str]:
    """Wall seconds and peak RSS (MB) of a subprocess."""
    began = time.monotonic()
    proc = subprocess.run(["/usr/bin/time", "-f", "%M", *cmd], capture_output=True, text=True)
    took = time.monotonic() - began
    if proc.returncode != 0:
        raise SystemExit(f"{' '.join(cmd)} failed:\n{proc.stderr[-2000:]}")
    rss_kb = float(proc.stderr.strip().splitlines()[-1])
    return took, rss_kb / 1024, proc.stdout


def dyad(url: str, *args: str) -> list[str]:
    return [sys.executable, "-m", "dyad.cli", "--db", url, *args]


def incremental_rate(url: str, examples: list[dict], n: int, more: int = 200) -> float:
    from dyad.ingest.service import IngestReport, store_batch
    from dyad.ingest.sources import RawDocument
    from dyad.store.db import open_db

    factory = open_db(url)
    rng = random.Random(99)
    items = []
    for i in range(n, n + more):
        doc, facts = synthetic(examples, i, rng)
        items.append((RawDocument(doc["doc_id"], doc["text"], doc["title"], None, doc["published"], doc["source"]),
                      facts))
    began = time.monotonic()
    report = IngestReport()
    for k in range(0, more, 16):
        store_batch(factory, items[k:k + 16], report)
    return more / (time.monotonic() - began)


def api_p99(url: str) -> str:
    out = subprocess.run([sys.executable, str(REPO / "bench" / "api_load.py"), "--db", url, "--rate", "100",
                          "--duration", "10"], capture_output=True, text=True).stdout
    m = re.search(r"p99 ([\d.]+) ms", out)
    return m.group(1) if m else "?"


def pair_page_ms(url: str) -> tuple[str, float]:
    from fastapi.testclient import TestClient
    from sqlalchemy import func, select

    from dyad.api.app import create_app
    from dyad.store.db import open_db
    from dyad.store.models import Event

    with open_db(url)() as session:
        busiest = session.execute(select(Event.countries, func.count()).where(Event.countries.like("|%|%|"))
                                  .group_by(Event.countries).order_by(func.count().desc()).limit(1)).first()
    codes = busiest[0].strip("|").split("|")[:2] if busiest else ["KAZ", "UZB"]
    path = f"/dyad/{'-'.join(sorted(codes))}"
    client = TestClient(create_app(url))
    client.get(path)
    times = []
    for _ in range(10):
        began = time.perf_counter()
        r = client.get(path, follow_redirects=True)
        times.append((time.perf_counter() - began) * 1000)
        assert r.status_code == 200, r.status_code
    return path, statistics.median(times)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", type=int, nargs="+", default=[1000, 5000, 20000])
    ap.add_argument("--keep", type=Path, help="keep the bases in this folder")
    args = ap.parse_args()
    examples = extract_examples()
    folder = args.keep or Path(tempfile.mkdtemp(prefix="dyad-scale-"))
    folder.mkdir(parents=True, exist_ok=True)
    empty = f"sqlite:///{folder / 'empty.db'}"
    base_one, _, _ = timed(dyad(empty, "ingest", str(NEW_ARTICLE)))
    rows = []
    for n in args.sizes:
        url = f"sqlite:///{folder / f'base{n}.db'}"
        print(f"base of {n} articles ...", file=sys.stderr, flush=True)
        write_base(url, examples, n)
        resolve_s, resolve_rss, _ = timed(dyad(url, "resolve"))
        rate = incremental_rate(url, examples, n)
        one, one_rss, _ = timed(dyad(url, "ingest", str(NEW_ARTICLE)))
        p99 = api_p99(url)
        path, page = pair_page_ms(url)
        rows.append((n, rate, one, one - base_one, resolve_s, resolve_rss, p99, path, page))
        if not args.keep:
            for f in folder.glob(f"base{n}.db*"):
                f.unlink()
    print(f"one article into an empty base: {base_one:.2f} s (dyad ingest, end to end)")
    print("| articles | ingest rate (art/s, store+resolve) | one more article (s) | added by the base (s) "
          "| full resolve (s) | resolve peak RSS (MB) | /api/events p99 at 100 req/s (ms) | pair page (ms) |")
    print("|---:|---:|---:|---:|---:|---:|---:|---:|")
    for n, rate, one, added, resolve_s, rss, p99, path, page in rows:
        print(f"| {n:,} | {rate:.1f} | {one:.2f} | {added:+.2f} | {resolve_s:.1f} | {rss:.0f} | {p99} | "
              f"{page:.0f} ({path}) |")
    if not args.keep:
        shutil.rmtree(folder, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
