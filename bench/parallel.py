"""Ingest rate in one process, in N local worker processes and on a Dask LocalCluster, and the
cost of the steps every mode shares (storing and resolving, in the ingesting process).

    python bench/parallel.py [--articles 1000] [--workers 2] [--dask local:2] [--pg postgresql://...]

The articles are archive-like (bench/archive_corpus.py, as bench/scale.py builds): the bundled
examples with their country pair swapped for one of many pairs, their persons renamed for the
pair and their years shifted back 0-8 years, in the text itself, so every article is extracted
and yields facts of its own, spread over many records as in a real archive. Every mode ingests
the same folder into a fresh base through ``dyad.ingest.service.ingest`` as ``dyad ingest``
does: reading and deduplication, extraction, then each batch of 16 stored and resolved in one
transaction while the workers extract the next documents. Rates count the whole run, worker
start-up included. The exports must be identical to the single-process one.

Then, with the facts already extracted (read back from the single-process base), the steps that
stay in the ingesting process are timed alone: storing and resolving the same articles, 16 a
batch, into an empty base (their per-article cost is what caps the workers), and resolving the
whole base from scratch once (`dyad resolve`). ``--pg URL`` (a PostgreSQL server; databases
``dyad_bench_*`` are created and dropped there) runs all of it on PostgreSQL instead of SQLite.

CPU s is the CPU time of the run in all its processes (workers included): on a machine shared
with other work, a speed-up short of the target with CPU time close to the single process's
means the workers were waiting for a core, not that the split has a cost. The load average is
printed before each mode.

Targets (issue 14, on a 2-core machine): workers 2 >= 1.7x and dask local:2 >= 1.5x the
single-process rate. Exit status 1 when an export differs or a target is missed.
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from archive_corpus import write_articles  # bench/ is on sys.path

TARGETS = {"workers": 1.7, "dask": 1.5}


class Bases:
    """Fresh knowledge bases: SQLite files in a folder, or databases on a PostgreSQL server."""

    def __init__(self, folder: Path, pg: str | None) -> None:
        self.folder, self.pg, self.made = folder, pg, []

    def new(self, name: str) -> str:
        if not self.pg:
            return f"sqlite:///{self.folder / (name + '.db')}"
        from sqlalchemy.engine import make_url

        db = f"dyad_bench_{name}"
        self._admin(f'DROP DATABASE IF EXISTS "{db}" WITH (FORCE)')
        self._admin(f'CREATE DATABASE "{db}"')
        self.made.append(db)
        return make_url(self.pg).set(database=db).render_as_string(hide_password=False)

    def _admin(self, sql: str) -> None:
        import psycopg
        from sqlalchemy.engine import make_url

        u = make_url(self.pg)
        with psycopg.connect(host=u.host, port=u.port, user=u.username, password=u.password,
                             dbname=u.database or "postgres", autocommit=True) as conn:
            conn.execute(sql)  # type: ignore[arg-type]

    def close(self) -> None:
        from dyad.store import db

        for engine in db._ENGINES.values():
            engine.dispose()
        for name in self.made:
            self._admin(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def cpu_s() -> float:
    """CPU seconds of this process and of its children that have ended (the workers, once closed)."""
    me, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return me.ru_utime + me.ru_stime + kids.ru_utime + kids.ru_stime


def timed(fn: Callable[[], object]) -> tuple[float, object]:
    t0 = time.perf_counter()
    out = fn()
    return time.perf_counter() - t0, out


def load() -> str:
    return " ".join(f"{x:.2f}" for x in os.getloadavg())


def run_mode(label: str, corpus: Path, url: str, out: Path, **where: object) -> dict:
    from dyad.export.facts import write_jsonl
    from dyad.ingest import extract
    from dyad.ingest.service import ingest
    from dyad.store.db import open_db

    factory = open_db(url)
    cpu0 = cpu_s()
    try:
        total_s, report = timed(lambda: ingest([str(corpus)], factory, **where))  # type: ignore[arg-type]
    finally:
        extract.close()
    cpu = cpu_s() - cpu0
    if report.errors:  # type: ignore[attr-defined]
        raise SystemExit(f"{label}: {len(report.errors)} errors, first: {report.errors[0]}")  # type: ignore[attr-defined]
    with factory() as session:
        write_jsonl(session, out)
    return {"label": label, "url": url, "added": len(report.added), "total_s": total_s,  # type: ignore[attr-defined]
            "cpu_s": cpu, "export": out.read_bytes()}


def extracted(url: str) -> list[tuple[object, list[dict]]]:
    """The documents of a base with the facts stored for them, in the order they were stored."""
    from sqlalchemy import select

    from dyad.ingest.sources import RawDocument
    from dyad.store.db import open_db
    from dyad.store.models import Document, Mention

    out: list[tuple[object, list[dict]]] = []
    with open_db(url)() as session:
        for doc in session.scalars(select(Document).order_by(Document.id)):
            facts = list(session.scalars(select(Mention.payload).where(Mention.document_id == doc.id)
                                         .order_by(Mention.id)))
            out.append((RawDocument(doc.doc_id, doc.text, doc.title, doc.url, doc.published, doc.source,
                                    origin=doc.origin), facts))
    return out


def shared_steps(source_url: str, bases: Bases) -> dict:
    """Store and resolve already-extracted articles, 16 a batch, into an empty base (what the
    ingesting process does whatever the number of workers), then resolve that base from scratch."""
    from dyad.ingest.service import BATCH, IngestReport, store_batch
    from dyad.resolve.resolver import resolve_all
    from dyad.store.db import open_db

    items = extracted(source_url)
    factory = open_db(bases.new("shared"))
    report = IngestReport()
    t0, c0 = time.perf_counter(), time.process_time()
    for k in range(0, len(items), BATCH):
        store_batch(factory, items[k:k + BATCH], report)  # type: ignore[arg-type]
    store_s, store_cpu = time.perf_counter() - t0, time.process_time() - c0
    assert len(report.added) == len(items), report.errors
    c0 = time.process_time()
    resolve_s, _ = timed(lambda: resolve_all(factory))
    return {"n": len(items), "store_s": store_s, "store_cpu": store_cpu, "resolve_s": resolve_s,
            "resolve_cpu": time.process_time() - c0}


def report_shared(shared: dict, single: dict, n_articles: int) -> None:
    """Per-article costs, by the clock and in CPU time; the projection uses CPU time, which is what
    a core of its own would take (the clock counts the waits on a shared machine too)."""
    n = shared["n"]
    shared_ms, shared_cpu = 1000 * shared["store_s"] / n, 1000 * shared["store_cpu"] / n
    print(f"shared steps, per article: store and resolve (16 a batch, empty base to {n}) {shared_ms:.1f} ms "
          f"({shared_cpu:.1f} ms CPU); resolving the whole base from scratch once {shared['resolve_s']:.1f} s "
          f"({shared['resolve_cpu']:.1f} s CPU)")
    extract_ms = 1000 * single["total_s"] / n_articles - shared_ms
    extract_cpu = 1000 * single["cpu_s"] / n_articles - shared_cpu
    per_worker = 3600 * 1000 / extract_cpu
    ceiling = 3600 * 1000 / shared_cpu
    print(f"extraction in one process, per article: {extract_ms:.0f} ms ({extract_cpu:.0f} ms CPU, including "
          f"loading the model once)")
    print(f"projection on dedicated cores: k workers extract {per_worker:.0f}*k articles/hour; storing and "
          f"resolving in the one ingesting process cap the base at {ceiling:.0f} articles/hour "
          f"(reached at k = {ceiling / per_worker:.1f})")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, default=1000)
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--dask", default="local:2")
    ap.add_argument("--pg", default=None, help="PostgreSQL server URL; default: SQLite files")
    ap.add_argument("--shared-only", action="store_true", help="one --workers run, then storage and resolution alone")
    args = ap.parse_args()

    tmp = Path(tempfile.mkdtemp(prefix="dyad-bench-parallel-"))
    bases = Bases(tmp, args.pg)
    try:
        corpus = tmp / "corpus"
        chars = write_articles(corpus, args.articles)
        print(f"articles: {args.articles} archive-like ({chars / args.articles:.0f} chars on average); "
              f"base: {'PostgreSQL' if args.pg else 'SQLite'}")
        modes = [("single process", "single", None, {}),
                 (f"--workers {args.workers}", "workers", "workers", {"workers": args.workers}),
                 (f"--dask {args.dask}", "dask", "dask", {"dask": args.dask})]
        if args.shared_only:
            modes = [(f"--workers {args.workers}", "single", None, {"workers": args.workers})]
        print(f"{'mode':<20}{'total s':>9}{'CPU s':>8}{'articles/s':>12}{'speed-up':>10}{'export':>11}"
              f"{'load before':>18}", flush=True)
        ok, base = True, None
        for label, name, kind, where in modes:
            before = load()
            run = run_mode(label, corpus, bases.new(name), tmp / f"{name}.jsonl", **where)
            base = base or run
            rate = run["added"] / run["total_s"]
            speedup = base["total_s"] / run["total_s"]
            same = run["export"] == base["export"]
            ok &= same and run["added"] == args.articles
            target = f" (target {TARGETS[kind]}x)" if kind else ""
            if kind and speedup < TARGETS[kind]:
                ok = False
            print(f"{run['label']:<20}{run['total_s']:>9.1f}{run['cpu_s']:>8.1f}{rate:>12.2f}{speedup:>9.2f}x"
                  f"{'identical' if same else 'DIFFERS':>11}{before:>18}{target}", flush=True)
        print(f"load average after the modes: {load()}")
        report_shared(shared_steps(base["url"], bases), base, args.articles)  # type: ignore[index]
        return 0 if ok else 1
    finally:
        bases.close()
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
