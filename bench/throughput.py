"""Throughput of the full dyad pipeline against bare spaCy on the same texts.

    python bench/throughput.py [--articles 1000] [--corpus examples/corpus]

Prints articles per second and peak resident memory for bare ``nlp.pipe`` (the English
model alone) and for the full pipeline (model plus the dyad components), and the ratio.
The target is that the full pipeline keeps at least 50% of bare spaCy's rate.
"""

from __future__ import annotations

import argparse
import json
import resource
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


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


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, default=1000)
    ap.add_argument("--corpus", type=Path, default=ROOT / "examples" / "corpus")
    ap.add_argument("--batch-size", type=int, default=16)
    args = ap.parse_args()

    from dyad.nlp.model import load_base_model
    from dyad.nlp.pipeline import ArticleInput, analyse, build_pipeline

    articles = load_articles(args.corpus, args.articles)
    chars = sum(len(t) for t, _ in articles)

    bare = load_base_model()
    t0, c0 = time.perf_counter(), time.process_time()
    for _ in bare.pipe((t for t, _ in articles), batch_size=args.batch_size):
        pass
    bare_s, bare_cpu = time.perf_counter() - t0, time.process_time() - c0
    bare_peak = peak_mb()

    full = build_pipeline()
    inputs = [ArticleInput(f"a{i}", t, d) for i, (t, d) in enumerate(articles)]
    t0, c0 = time.perf_counter(), time.process_time()
    facts = 0
    for doc in analyse(inputs, full, batch_size=args.batch_size):
        facts += len(doc._.facts or [])
    full_s, full_cpu = time.perf_counter() - t0, time.process_time() - c0
    full_peak = peak_mb()

    bare_rate, full_rate = len(articles) / bare_s, len(articles) / full_s
    print(f"articles: {len(articles)} ({chars / len(articles):.0f} chars on average) from {args.corpus}")
    print(f"{'pipeline':<24}{'seconds':>9}{'articles/s':>12}{'peak RSS MB':>13}")
    print(f"{'bare spaCy nlp.pipe':<24}{bare_s:>9.1f}{bare_rate:>12.1f}{bare_peak:>13.0f}")
    print(f"{'full dyad pipeline':<24}{full_s:>9.1f}{full_rate:>12.1f}{full_peak:>13.0f}")
    ratio = full_rate / bare_rate
    print(f"full/bare rate: {ratio:.0%} (target >= 50%); fact mentions extracted: {facts}")
    # CPU seconds of this process: the same ratio without other load on a shared machine
    print(f"CPU seconds: bare {bare_cpu:.1f}, full {full_cpu:.1f}; full/bare rate by CPU time: "
          f"{bare_cpu / full_cpu:.0%}")
    return 0 if ratio >= 0.5 else 1


if __name__ == "__main__":
    sys.exit(main())
