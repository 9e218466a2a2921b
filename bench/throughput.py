"""Throughput of the full dyad pipeline against bare spaCy on the same texts.

    python bench/throughput.py [--articles 600] [--corpus examples/corpus] [--chunk 48] [--sequential]

Prints articles per second for bare ``nlp.pipe`` (the English model alone) and for the full
pipeline (model plus the dyad components), and the ratio. The target is that the full pipeline
keeps at least 60% of bare spaCy's rate.

On a shared machine the speed of the CPU changes from one minute to the next, so timing one
pipeline after the other compares two different machines. By default the two run interleaved:
the articles go in chunks, each chunk through both pipelines (in alternating order), so both see
the same conditions; the per-chunk ratios are printed with their median. ``--sequential`` runs
the old way (all bare, then all full), which also gives each pipeline's own peak memory.
"""

from __future__ import annotations

import argparse
import json
import resource
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TARGET = 0.60


def load_articles(corpus: Path, n: int) -> list[tuple[str, str | None]]:
    meta = {}
    index = corpus / "index.jsonl"
    if index.exists():
        for line in index.read_text(encoding="utf-8").splitlines():
            if line.strip():
                rec = json.loads(line)
                meta[rec["file"]] = rec.get("published")
    base = [(p.read_text(encoding="utf-8"), meta.get(p.name)) for p in sorted(corpus.glob("*.txt"))]
    if not base:
        raise SystemExit(f"no .txt articles in {corpus}")
    return [base[i % len(base)] for i in range(n)]


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def run_bare(bare, texts: list[str], batch_size: int) -> tuple[float, float]:
    t0, c0 = time.perf_counter(), time.process_time()
    for _ in bare.pipe(texts, batch_size=batch_size):
        pass
    return time.perf_counter() - t0, time.process_time() - c0


def run_full(full, inputs: list, batch_size: int) -> tuple[float, float, int]:
    from dyad.nlp.pipeline import analyse

    t0, c0 = time.perf_counter(), time.process_time()
    facts = 0
    for doc in analyse(inputs, full, batch_size=batch_size):
        facts += len(doc._.facts or [])
    return time.perf_counter() - t0, time.process_time() - c0, facts


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, default=600)
    ap.add_argument("--corpus", type=Path, default=ROOT / "examples" / "corpus")
    ap.add_argument("--batch-size", type=int, default=16)
    ap.add_argument("--chunk", type=int, default=48, help="articles per interleaved chunk")
    ap.add_argument("--sequential", action="store_true", help="all bare first, then all full (peak memory of each)")
    args = ap.parse_args()

    from dyad.nlp.model import load_base_model
    from dyad.nlp.pipeline import ArticleInput, build_pipeline

    articles = load_articles(args.corpus, args.articles)
    chars = sum(len(t) for t, _ in articles)
    texts = [t for t, _ in articles]
    inputs = [ArticleInput(f"a{i}", t, d) for i, (t, d) in enumerate(articles)]

    bare = load_base_model()
    if args.sequential:
        bare_s, bare_cpu = run_bare(bare, texts, args.batch_size)
        bare_peak = peak_mb()
        full = build_pipeline()
        full_s, full_cpu, facts = run_full(full, inputs, args.batch_size)
        full_peak = peak_mb()
        chunk_ratios: list[float] = []
    else:
        full = build_pipeline()
        run_bare(bare, texts[:8], args.batch_size)  # warm both up (first-call allocations)
        run_full(full, inputs[:8], args.batch_size)
        bare_s = bare_cpu = full_s = full_cpu = 0.0
        facts = 0
        chunk_ratios = []
        for k, lo in enumerate(range(0, len(articles), args.chunk)):
            hi = lo + args.chunk
            order = ("bare", "full") if k % 2 == 0 else ("full", "bare")
            for which in order:
                if which == "bare":
                    bs, bc = run_bare(bare, texts[lo:hi], args.batch_size)
                else:
                    fs, fc, n = run_full(full, inputs[lo:hi], args.batch_size)
            bare_s, bare_cpu, full_s, full_cpu = bare_s + bs, bare_cpu + bc, full_s + fs, full_cpu + fc
            facts += n
            chunk_ratios.append(bs / fs)
        bare_peak = full_peak = peak_mb()

    bare_rate, full_rate = len(articles) / bare_s, len(articles) / full_s
    ratio = full_rate / bare_rate
    mode = "sequential" if args.sequential else f"interleaved in chunks of {args.chunk}"
    print(f"articles: {len(articles)} ({chars / len(articles):.0f} chars on average) from {args.corpus}; {mode}")
    print(f"{'pipeline':<24}{'seconds':>9}{'articles/s':>12}{'peak RSS MB':>13}")
    print(f"{'bare spaCy nlp.pipe':<24}{bare_s:>9.1f}{bare_rate:>12.1f}{bare_peak:>13.0f}")
    print(f"{'full dyad pipeline':<24}{full_s:>9.1f}{full_rate:>12.1f}{full_peak:>13.0f}")
    if not args.sequential:
        print("(one process holds both models: the peak is of the two together; --sequential gives each its own)")
        print("full/bare per chunk: " + " ".join(f"{r:.0%}" for r in chunk_ratios)
              + f"; median {statistics.median(chunk_ratios):.0%}")
    print(f"full/bare rate: {ratio:.0%} (target >= {TARGET:.0%}); fact mentions extracted: {facts}")
    # CPU seconds of this process: the same ratio without other load on a shared machine
    print(f"CPU seconds: bare {bare_cpu:.1f}, full {full_cpu:.1f}; full/bare rate by CPU time: "
          f"{bare_cpu / full_cpu:.0%}")
    return 0 if ratio >= TARGET else 1


if __name__ == "__main__":
    sys.exit(main())
