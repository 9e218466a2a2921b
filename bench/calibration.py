"""Calibration of the record confidences against a gold knowledge base.

    python bench/calibration.py [--corpus ../shared/corpus/real] [--gold ../shared/gold/real.jsonl]
                                [--bins 10]

Builds the corpus into a fresh SQLite base, exports it, matches the records to the gold ones
with the scorer's own logic (``../shared/eval/score.py``) and prints a reliability table:
per confidence bin the number of records, their mean confidence and the share that matched a
gold record, then the expected calibration error (target: <= 0.10 on the real set).
"""

from __future__ import annotations

import argparse
import importlib.util
import sys
import tempfile
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"


def load_scorer(path: Path = SHARED / "eval" / "score.py") -> ModuleType:
    if not path.exists():
        raise SystemExit(f"{path}: the scorer is not there (../shared is needed)")
    spec = importlib.util.spec_from_file_location("dyad_bench_score", path)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def build(corpus: Path, db_path: Path):  # type: ignore[no-untyped-def]
    from dyad.ingest.service import ingest
    from dyad.store.db import open_db

    factory = open_db(f"sqlite:///{db_path}")
    report = ingest([str(corpus)], factory)
    if report.errors:
        raise SystemExit(f"{corpus}: cannot ingest: {report.errors}")
    return factory


def export(factory) -> list[dict]:  # type: ignore[no-untyped-def]
    from dyad.export.facts import iter_facts

    with factory() as session:
        return list(iter_facts(session))


def matched_flags(scorer: ModuleType, gold: list[dict], pred: list[dict]) -> tuple[dict, dict[int, bool]]:
    """The scorer's result and, per scored prediction (by its position in ``pred``), whether it
    matched a gold record. The scorer reports matches only through its calibration pairs, so each
    prediction carries its position as a stand-in confidence while the pairs are captured."""
    captured: list[tuple[float, bool]] = []
    original = scorer.calibration

    def capture(pairs: list[tuple[float, bool]], n_pred: int, bins: int = 10) -> dict:
        captured.extend(pairs)
        return original(pairs, n_pred, bins)

    probe = [dict(p, confidence=float(i)) for i, p in enumerate(pred)]
    scorer.calibration = capture
    try:
        result = scorer.score(gold, probe)
    finally:
        scorer.calibration = original
    return result, {int(c): ok for c, ok in captured}


def reliability(pairs: list[tuple[float, bool]], bins: int = 10) -> tuple[list[dict], float]:
    rows, ece = [], 0.0
    for b in range(bins):
        lo, hi = b / bins, (b + 1) / bins
        inside = [(c, ok) for c, ok in pairs if lo <= c < hi or (b == bins - 1 and c == 1.0)]
        if not inside:
            continue
        conf = sum(c for c, _ in inside) / len(inside)
        acc = sum(ok for _, ok in inside) / len(inside)
        ece += len(inside) / len(pairs) * abs(conf - acc)
        rows.append({"from": lo, "to": hi, "n": len(inside), "confidence": conf, "accuracy": acc})
    return rows, ece


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--corpus", type=Path, default=SHARED / "corpus" / "real")
    ap.add_argument("--gold", type=Path, default=SHARED / "gold" / "real.jsonl")
    ap.add_argument("--bins", type=int, default=10)
    args = ap.parse_args()
    scorer = load_scorer()
    gold = scorer.read_jsonl(args.gold)
    with tempfile.TemporaryDirectory(prefix="dyad-calibration-") as tmp:
        pred = export(build(args.corpus, Path(tmp) / "kb.db"))
    result, flags = matched_flags(scorer, gold, pred)
    pairs = [(float(pred[i]["confidence"]), ok) for i, ok in flags.items()
             if isinstance(pred[i].get("confidence"), (int, float))]
    scored = len(flags)
    print(f"corpus {args.corpus}: fact F1 {result['f1']:.3f} (P {result['precision']:.3f} "
          f"R {result['recall']:.3f}); {len(pairs)}/{scored} scored records carry a confidence")
    if not pairs:
        print("no confidences to calibrate")
        return 1
    rows, ece = reliability(pairs, args.bins)
    print(f"{'bin':>11} {'count':>6} {'mean conf':>10} {'accuracy':>9}")
    for r in rows:
        print(f"{r['from']:.1f}-{r['to']:.1f}   {r['n']:>6} {r['confidence']:>10.3f} {r['accuracy']:>9.3f}")
    by_kind: dict[str, list[tuple[float, bool]]] = {}
    for i, ok in flags.items():
        kind = scorer.pred_kind(pred[i]) or "?"
        by_kind.setdefault(kind, []).append((float(pred[i].get("confidence") or 0.0), ok))
    for kind, ps in sorted(by_kind.items()):
        print(f"  {kind:<10} n={len(ps):>4} mean conf {sum(c for c, _ in ps) / len(ps):.3f} "
              f"accuracy {sum(ok for _, ok in ps) / len(ps):.3f}")
    print(f"expected calibration error (ECE, {args.bins} bins): {ece:.4f}  (target <= 0.10)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
