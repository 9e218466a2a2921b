"""Ingest rate in one process, in N local worker processes and on a Dask LocalCluster, and the
cost of the steps every mode shares (storing and resolving, in the ingesting process).

    python bench/parallel.py [--articles 1000] [--workers 2] [--dask local:2] [--pg postgresql://...]

The articles are the sample corpus (examples/corpus) repeated, each copy given an archive line
of its own at the end so that no copy is deduplicated (the line yields no fact). Every mode
ingests the same folder into a fresh base, through ``dyad.ingest.service.ingest`` as the CLI
does: reading, deduplication, extraction, storage, then resolution. Rates count the whole run,
worker start-up included. The exports must be identical to the single-process one.

Then, with the facts already extracted, storing the articles alone (one transaction each, as
ingest does) and resolving the whole base alone give the per-article cost of the shared steps,
from which the README's projection for k workers is made. ``--pg URL`` (a PostgreSQL server;
databases ``dyad_bench_*`` are created and dropped there) runs all of it on PostgreSQL
instead of SQLite files.

CPU s is the CPU time of the run in all its processes (workers included): on a machine shared
with other work, a speed-up short of the target with CPU time close to the single process's
means the workers were waiting for a core, not that the split has a cost.

Targets (issue 14, on a 2-core machine): workers 2 >= 1.7x and dask local:2 >= 1.5x the
single-process rate. Exit status 1 when an export differs or a target is missed.
"""

from __future__ import annotations

import argparse
import json
import resource
import shutil
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TARGETS = {"workers": 1.7, "dask": 1.5}


def build_corpus(source: Path, n: int, folder: Path) -> int:
    """``n`` article files in ``folder`` (with an index.jsonl manifest); returns their total size in chars."""
    manifest = {}
    index = source / "index.jsonl"
    if index.exists():
        for line in index.read_text(encoding="utf-8").splitlines():
            if line.strip():
                rec = json.loads(line)
                manifest[rec["file"]] = rec
    base = sorted(source.glob("*.txt"))
    if not base:
        raise SystemExit(f"no .txt articles in {source}")
    folder.mkdir(parents=True)
    lines, chars = [], 0
    for i in range(n):
        src = base[i % len(base)]
        name = f"{i:05d}-{src.name}"
        text = src.read_text(encoding="utf-8").rstrip("\n") + f"\n\nArchive copy {i + 1}.\n"
        (folder / name).write_text(text, encoding="utf-8")
        chars += len(text)
        meta = dict(manifest.get(src.name, {}))
        meta["file"] = name
        lines.append(json.dumps(meta) + "\n")
    (folder / "index.jsonl").write_text("".join(lines), encoding="utf-8")
    return chars


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


def run_mode(label: str, corpus: Path, url: str, out: Path, **where: object) -> dict:
    from dyad.export.facts import write_jsonl
    from dyad.ingest import extract
    from dyad.ingest.service import ingest
    from dyad.resolve.resolver import resolve_all
    from dyad.store.db import open_db

    factory = open_db(url)
    cpu0 = cpu_s()
    try:
        ingest_s, report = timed(lambda: ingest([str(corpus)], factory, resolve=False, **where))  # type: ignore[arg-type]
    finally:
        extract.close()
    if report.errors:  # type: ignore[attr-defined]
        raise SystemExit(f"{label}: {len(report.errors)} errors, first: {report.errors[0]}")  # type: ignore[attr-defined]
    resolve_s, _ = timed(lambda: resolve_all(factory))
    cpu = cpu_s() - cpu0
    with factory() as session:
        write_jsonl(session, out)
    return {"label": label, "added": len(report.added), "ingest_s": ingest_s,  # type: ignore[attr-defined]
            "resolve_s": resolve_s, "total_s": ingest_s + resolve_s, "cpu_s": cpu, "export": out.read_bytes()}


def shared_steps(corpus: Path, bases: Bases) -> dict:
    """Store every article with facts extracted beforehand, then resolve the base: the steps
    that stay in the ingesting process whatever the number of workers."""
    from dyad.ingest.extract import extract
    from dyad.ingest.service import sha256_text, store_document
    from dyad.ingest.sources import RawDocument, read_inputs
    from dyad.resolve.resolver import resolve_all
    from dyad.store.db import open_db, session_scope

    raws = [r for r in read_inputs([str(corpus)]) if isinstance(r, RawDocument)]
    # Copies differ only in their archive line, which yields no fact: analyse each original once.
    originals: dict[str, list[dict]] = {}
    firsts = {}
    for raw in raws:
        firsts.setdefault(raw.doc_id.split("-", 1)[1], raw)
    for key, (_raw, facts) in zip(firsts, extract(list(firsts.values())), strict=True):
        assert not isinstance(facts, Exception), facts
        originals[key] = facts
    factory = open_db(bases.new("shared"))
    t0, c0 = time.perf_counter(), time.process_time()
    for raw in raws:
        with session_scope(factory) as session:  # one transaction per article, as ingest does
            sha256_text(raw.text)
            store_document(session, raw, originals[raw.doc_id.split("-", 1)[1]])
    store_s, store_cpu = time.perf_counter() - t0, time.process_time() - c0
    c0 = time.process_time()
    resolve_s, _ = timed(lambda: resolve_all(factory))
    return {"n": len(raws), "store_s": store_s, "resolve_s": resolve_s, "store_cpu": store_cpu,
            "resolve_cpu": time.process_time() - c0}


def report_shared(shared: dict, single: dict | None, n_articles: int) -> None:
    """Per-article costs, by the clock and in CPU time; the projection uses CPU time, which is what
    a core of its own would take (the clock counts the waits on a shared machine too)."""
    n = shared["n"]
    store_ms, resolve_ms = 1000 * shared["store_s"] / n, 1000 * shared["resolve_s"] / n
    store_cpu, resolve_cpu = 1000 * shared["store_cpu"] / n, 1000 * shared["resolve_cpu"] / n
    print(f"shared steps, per article: store {store_ms:.1f} ms ({store_cpu:.1f} ms CPU), resolve (whole base of {n}, "
          f"once) {resolve_ms:.1f} ms ({resolve_cpu:.1f} ms CPU)")
    if single is None:
        return
    extract_ms = 1000 * single["ingest_s"] / n_articles - store_ms
    extract_cpu = 1000 * single["cpu_s"] / n_articles - store_cpu - resolve_cpu
    per_worker = 3600 * 1000 / extract_cpu
    ceiling = 3600 * 1000 / (store_cpu + resolve_cpu)
    print(f"extraction in one process, per article: {extract_ms:.0f} ms ({extract_cpu:.0f} ms CPU, including "
          f"loading the model once)")
    print(f"projection on dedicated cores: k workers extract {per_worker:.0f}*k articles/hour; storing and "
          f"resolving in the one ingesting process cap the base at {ceiling:.0f} articles/hour "
          f"(reached at k = {ceiling / per_worker:.1f})")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, default=1000)
    ap.add_argument("--corpus", type=Path, default=ROOT / "examples" / "corpus")
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--dask", default="local:2")
    ap.add_argument("--pg", default=None, help="PostgreSQL server URL; default: SQLite files")
    ap.add_argument("--shared-only", action="store_true", help="measure only storage and resolution")
    args = ap.parse_args()

    tmp = Path(tempfile.mkdtemp(prefix="dyad-bench-parallel-"))
    bases = Bases(tmp, args.pg)
    try:
        corpus = tmp / "corpus"
        chars = build_corpus(args.corpus, args.articles, corpus)
        print(f"articles: {args.articles} ({chars / args.articles:.0f} chars on average), "
              f"from {args.corpus} with an archive line each; base: {'PostgreSQL' if args.pg else 'SQLite'}")
        if args.shared_only:
            report_shared(shared_steps(corpus, bases), None, args.articles)
            return 0
        modes = [("single process", "single", None, {}),
                 (f"--workers {args.workers}", "workers", "workers", {"workers": args.workers}),
                 (f"--dask {args.dask}", "dask", "dask", {"dask": args.dask})]
        print(f"{'mode':<20}{'ingest s':>10}{'resolve s':>11}{'total s':>9}{'CPU s':>8}{'articles/s':>12}"
              f"{'speed-up':>10}{'export':>11}", flush=True)
        ok, base = True, None
        for label, name, kind, where in modes:
            run = run_mode(label, corpus, bases.new(name), tmp / f"{name}.jsonl", **where)
            base = base or run
            rate = run["added"] / run["total_s"]
            speedup = base["total_s"] / run["total_s"]
            same = run["export"] == base["export"]
            ok &= same and run["added"] == args.articles
            target = f" (target {TARGETS[kind]}x)" if kind else ""
            if kind and speedup < TARGETS[kind]:
                ok = False
            print(f"{run['label']:<20}{run['ingest_s']:>10.1f}{run['resolve_s']:>11.1f}{run['total_s']:>9.1f}"
                  f"{run['cpu_s']:>8.1f}{rate:>12.2f}{speedup:>9.2f}x{'identical' if same else 'DIFFERS':>11}{target}",
                  flush=True)
        report_shared(shared_steps(corpus, bases), base, args.articles)
        return 0 if ok else 1
    finally:
        bases.close()
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
