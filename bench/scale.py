"""The archive at scale: what one more article, a full resolution and the API cost on big bases.

Builds bases of N articles from the bundled examples (examples/*/): each synthetic article is
one of them with its country pair swapped for another pair, its persons renamed for that pair,
its dates shifted back a few years and a line appended so it is a new text. The articles are
extracted once; the big base is then written from their mentions directly (so 20,000 articles
need no 20,000 NLP runs) and resolved from scratch with `dyad resolve`. Then, per base:

- full resolve     `dyad resolve` from scratch (subprocess; seconds and the peak RSS of it and
                   its worker processes together)
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
import random
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from archive_corpus import extract_examples, synthetic  # bench/ is on sys.path

REPO = Path(__file__).resolve().parents[1]
NEW_ARTICLE = REPO / "examples" / "corpus" / "kaz-uzb-council.txt"


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


def _tree_rss_kb(pid: int) -> int:
    """Resident memory of a process and all its descendants (its worker processes), from /proc."""
    total, todo = 0, [pid]
    while todo:
        p = todo.pop()
        try:
            status = Path(f"/proc/{p}/status").read_text()
            total += int(re.search(r"VmRSS:\s+(\d+)", status).group(1))  # type: ignore[union-attr]
            for task in Path(f"/proc/{p}/task").iterdir():
                todo.extend(int(c) for c in (task / "children").read_text().split())
        except (OSError, AttributeError):
            continue
    return total


def timed(cmd: list[str]) -> tuple[float, float, str]:
    """Wall seconds and peak RSS (MB, the process and its workers together, sampled every
    0.1 s) of a subprocess."""
    began = time.monotonic()
    peak = 0
    with tempfile.TemporaryFile("w+") as out, tempfile.TemporaryFile("w+") as err:
        proc = subprocess.Popen(cmd, stdout=out, stderr=err, text=True)
        while proc.poll() is None:
            peak = max(peak, _tree_rss_kb(proc.pid))
            time.sleep(0.1)
        took = time.monotonic() - began
        out.seek(0)
        err.seek(0)
        stdout, stderr = out.read(), err.read()
    if proc.returncode != 0:
        raise SystemExit(f"{' '.join(cmd)} failed:\n{stderr[-2000:]}")
    return took, peak / 1024, stdout


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


def _documents(path: Path) -> int:
    import sqlite3

    with sqlite3.connect(path) as conn:
        return int(conn.execute("SELECT count(*) FROM documents").fetchone()[0])


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", type=int, nargs="+", default=[1000, 5000, 20000])
    ap.add_argument("--keep", type=Path, help="keep the bases in this folder")
    ap.add_argument("--written", type=Path, help="a base this script wrote before (kept with --keep, not yet "
                    "resolved): measure a copy of it instead of writing the bases of --sizes")
    args = ap.parse_args()
    examples = extract_examples()
    folder = args.keep or Path(tempfile.mkdtemp(prefix="dyad-scale-"))
    folder.mkdir(parents=True, exist_ok=True)
    empty = f"sqlite:///{folder / 'empty.db'}"
    base_one, _, _ = timed(dyad(empty, "ingest", str(NEW_ARTICLE)))
    rows = []
    sizes = [_documents(args.written)] if args.written else args.sizes
    for n in sizes:
        url = f"sqlite:///{folder / f'base{n}.db'}"
        print(f"base of {n} articles ...", file=sys.stderr, flush=True)
        if args.written:
            shutil.copy(args.written, folder / f"base{n}.db")
        else:
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
