"""Page latency of the analyst's workbench on a large base.

Builds (or reuses) a base of ~N articles by cloning a small ingested base: every clone copies the
documents, mentions, records and evidence with new ids and maps the country codes to another set of
real countries, so the large base has many pairs rather than one pair N times over (the pairs of the
source base keep their records, so their pages are as full as in the source). The search index is
then rebuilt. Each page is fetched in-process (FastAPI TestClient, no network) --repeat times;
median and p95 per page are printed.

    python bench/web_pages.py --source sqlite:////tmp/real.db --articles 5000 [--db /tmp/big.db] [--repeat 20]

Without --source the base is built from examples/corpus. Exit status 1 when any page's p95 is at
or above --budget-ms (default 300).
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import time
import warnings
from pathlib import Path

import sqlalchemy as sa

REPO = Path(__file__).resolve().parents[1]
RECORD_TABLES = ["entities", "events", "agreements", "projects", "metrics", "quotes"]
CODE_FIELDS = {"countries", "parties", "guest", "host", "country"}


def country_pool() -> list[str]:
    import pycountry

    return sorted(c.alpha_3 for c in pycountry.countries)


def remap(value, mapping: dict[str, str], key: str | None = None):  # type: ignore[no-untyped-def]
    if isinstance(value, dict):
        return {k: remap(v, mapping, k) for k, v in value.items()}
    if isinstance(value, list):
        return [remap(v, mapping, key) for v in value]
    if isinstance(value, str) and key in CODE_FIELDS:
        return mapping.get(value, value)
    return value


def clone(url: str, target_docs: int) -> None:
    """Grow the base at ``url`` to about ``target_docs`` documents by relabelled copies."""
    from dyad.store.db import make_engine, migrate

    engine = make_engine(url)
    migrate(engine)
    pool = country_pool()
    with engine.begin() as conn:
        docs = [dict(r._mapping) for r in conn.execute(sa.text("SELECT * FROM documents"))]
        mentions = [dict(r._mapping) for r in conn.execute(sa.text("SELECT * FROM mentions"))]
        evidence = [dict(r._mapping) for r in conn.execute(sa.text("SELECT * FROM evidence"))]
        records = {t: [dict(r._mapping) for r in conn.execute(sa.text(f"SELECT * FROM {t}"))] for t in RECORD_TABLES}
        used = sorted({c for t in RECORD_TABLES for r in records[t] for c in (r["countries"] or "").split("|") if c})
        copies = max(0, -(-target_docs // max(len(docs), 1)) - 1)
        next_doc = max(d["id"] for d in docs) + 1
        next_mention = max(m["id"] for m in mentions) + 1
        for i in range(1, copies + 1):
            mapping = {c: pool[(pool.index(c) + 7 * i) % len(pool)] for c in used}
            doc_ids, mention_ids = {}, {}
            new_docs = []
            for d in docs:
                doc_ids[d["id"]] = next_doc
                new_docs.append({**d, "id": next_doc, "doc_id": f"{d['doc_id']}~{i}",
                                 "sha256": f"{d['sha256'][:56]}{i:08d}"})
                next_doc += 1
            conn.execute(sa.text("INSERT INTO documents (" + ",".join(new_docs[0]) + ") VALUES (" +
                                 ",".join(":" + k for k in new_docs[0]) + ")"), new_docs)
            new_mentions = []
            for m in mentions:
                mention_ids[m["id"]] = next_mention
                new_mentions.append({**m, "id": next_mention, "document_id": doc_ids[m["document_id"]],
                                     "key": f"{m['key']}~{i}"})
                next_mention += 1
            conn.execute(sa.text("INSERT INTO mentions (" + ",".join(new_mentions[0]) + ") VALUES (" +
                                 ",".join(":" + k for k in new_mentions[0]) + ")"), new_mentions)
            for t in RECORD_TABLES:
                rows = []
                for r in records[t]:
                    data = remap(json.loads(r["data"]), mapping)
                    for s in data.get("sources") or []:
                        s["doc"] = f"{s['doc']}~{i}"
                    codes = [mapping.get(c, c) for c in (r["countries"] or "").split("|") if c]
                    rows.append({**r, "id": f"{r['id']}~{i}", "data": json.dumps(data),
                                 "countries": "|" + "|".join(sorted(codes)) + "|" if codes else ""})
                if rows:
                    conn.execute(sa.text(f"INSERT INTO {t} (" + ",".join(rows[0]) + ") VALUES (" +
                                         ",".join(":" + k for k in rows[0]) + ")"), rows)
            ev = [{"record_kind": e["record_kind"], "record_id": f"{e['record_id']}~{i}",
                   "mention_id": mention_ids[e["mention_id"]]} for e in evidence]
            conn.execute(sa.text("INSERT INTO evidence (record_kind, record_id, mention_id) "
                                 "VALUES (:record_kind, :record_id, :mention_id)"), ev)
    from dyad.store.db import open_db, session_scope
    from dyad.store.search import rebuild_search_index

    with session_scope(open_db(url)) as session:
        rebuild_search_index(session)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--source", help="an ingested base to clone (default: built from examples/corpus)")
    ap.add_argument("--db", help="SQLite file for the large base (reused when it exists)")
    ap.add_argument("--articles", type=int, default=5000)
    ap.add_argument("--repeat", type=int, default=20)
    ap.add_argument("--budget-ms", type=float, default=300.0)
    args = ap.parse_args()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        from fastapi.testclient import TestClient

    from dyad.api.app import create_app
    from dyad.store.db import open_db

    path = Path(args.db or Path(tempfile.mkdtemp(prefix="dyad-web-bench-")) / "big.db")
    url = f"sqlite:///{path}"
    if not path.exists():
        import shutil
        import sqlite3

        if args.source:
            src = sqlite3.connect(args.source.removeprefix("sqlite:///"))
        else:
            from dyad.ingest.service import ingest

            small = path.with_name("small.db")
            ingest([str(REPO / "examples" / "corpus")], open_db(f"sqlite:///{small}"))
            src = sqlite3.connect(small)
        dst = sqlite3.connect(path)
        with dst:
            src.backup(dst)
        src.close()
        dst.close()
        t0 = time.perf_counter()
        clone(url, args.articles)
        print(f"built {path} in {time.perf_counter() - t0:.1f} s")
        del shutil
    client = TestClient(create_app(url))
    stats = client.get("/?format=json").json()
    top_pair = next(iter(stats["pairs"]))
    a, b = top_pair.split("-")
    view = client.get(f"/dyad/{top_pair}?format=json").json()
    visit = next((e for e in view["events"] if e["event_type"] == "visit"), view["events"][0])
    agreement = view["agreements"][0]
    person = client.get("/api/entities", params={"type": "person", "limit": 1}).json()["items"][0]
    word = person["name"].split()[-1]
    pages = {
        "index": "/",
        "pair": f"/dyad/{top_pair}",
        "pair filtered": f"/dyad/{top_pair}?from=2025&kind=event&kind=agreement",
        "pair csv": f"/dyad/{top_pair}?format=csv",
        "pair feed": f"/dyad/{top_pair}/feed.atom",
        "visit": f"/event/{visit['id']}",
        "agreement": f"/agreement/{agreement['id']}",
        "country": f"/country/{a}",
        "search": f"/search?q={word}",
        "api entities q": f"/api/entities?q={word}",
        "api changes": "/api/changes?since=2000-01-01&limit=100",
        "entity": f"/entity/{person['id']}",
    }
    print(f"base: {stats['kinds']['document']} documents, "
          + ", ".join(f"{n} {k}" for k, n in stats["kinds"].items() if k != "document")
          + f", {len(stats['pairs'])} pairs; pair page {top_pair} with {view['counts']}")
    worst = 0.0
    for name, path_q in pages.items():
        client.get(path_q)  # warm
        times = []
        for _ in range(args.repeat):
            t0 = time.perf_counter()
            r = client.get(path_q)
            times.append((time.perf_counter() - t0) * 1000)
            if r.status_code != 200:
                print(f"{name}: HTTP {r.status_code}")
                return 1
        times.sort()
        p95 = times[min(len(times) - 1, int(0.95 * len(times)))]
        worst = max(worst, p95)
        print(f"{name:16} median {statistics.median(times):7.1f} ms   p95 {p95:7.1f} ms   {path_q}")
    print(f"worst p95 {worst:.1f} ms (budget {args.budget_ms:.0f} ms)")
    return 0 if worst < args.budget_ms else 1


if __name__ == "__main__":
    sys.exit(main())
