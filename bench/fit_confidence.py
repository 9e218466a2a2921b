"""Fit the confidence weights (``src/dyad/data/confidence.json``) on development sets.

    python bench/fit_confidence.py [--sets real heldout heldout2 ...] [--l2 1.0] [--write]

Builds each set, matches its records to the gold with the scorer (as bench/calibration.py
does), and fits one logistic regression on the records: the mean of the member mentions' cue
indicators (dyad.nlp.confidence.features), the log of the number of source documents and of
mentions per document. The mention weights and the record weights come out on one log-odds
scale, so a mention's score is the record score of a one-mention record. Prints the table;
``--write`` stores it.
"""

from __future__ import annotations

import argparse
import json
import math
import sys
import tempfile
from pathlib import Path

import numpy as np
from calibration import ROOT, SHARED, build, export, load_scorer, matched_flags, reliability

SETS = {
    "real": (SHARED / "corpus" / "real", SHARED / "gold" / "real.jsonl"),
    **{name: (ROOT / "examples" / name, ROOT / "examples" / name / "gold.jsonl")
       for name in ("devset", "heldout", "heldout2", "heldout3", "heldout4")},
}


def members_of(factory) -> dict[tuple[str, str], list[dict]]:  # type: ignore[no-untyped-def]
    from sqlalchemy import select

    from dyad.store.models import Evidence, Mention

    out: dict[tuple[str, str], list[dict]] = {}
    with factory() as session:
        rows = session.execute(select(Evidence.record_kind, Evidence.record_id, Mention.payload)
                               .join(Mention, Evidence.mention_id == Mention.id))
        for kind, rid, payload in rows:
            out.setdefault((kind, rid), []).append(payload)
    return out


def samples(names: list[str]) -> list[tuple[str, list[dict], bool]]:
    scorer = load_scorer()
    out = []
    for name in names:
        corpus, gold_path = SETS[name]
        if not gold_path.exists():
            print(f"skip {name}: {gold_path} not found", file=sys.stderr)
            continue
        with tempfile.TemporaryDirectory(prefix="dyad-fit-") as tmp:
            factory = build(corpus, Path(tmp) / "kb.db")
            pred = export(factory)
            members = members_of(factory)
        _result, flags = matched_flags(scorer, scorer.read_jsonl(gold_path), pred)
        for i, ok in flags.items():
            out.append((pred[i]["kind"], members.get((pred[i]["kind"], pred[i]["id"]), []), ok))
        print(f"{name}: {len(flags)} scored records, {sum(flags.values())} matched", file=sys.stderr)
    return out


def design(data: list[tuple[str, list[dict], bool]]) -> tuple[list[str], np.ndarray, np.ndarray]:
    from dyad.nlp.confidence import features

    names = sorted({f for _, ms, _ in data for m in ms for f in features(m)})
    cols = {f: i for i, f in enumerate(names)}
    n = len(names)
    x = np.zeros((len(data), n + 3))
    y = np.array([1.0 if ok else 0.0 for _, _, ok in data])
    for r, (_kind, ms, _ok) in enumerate(data):
        for m in ms:
            for f in features(m):
                x[r, cols[f]] += 1.0 / max(len(ms), 1)
        docs = len({m.get("doc_id") for m in ms}) or 1
        x[r, n] = math.log(docs)
        x[r, n + 1] = math.log(max(len(ms), 1) / docs) if len(ms) > docs else 0.0
        x[r, n + 2] = 1.0  # bias
    return names, x, y


def fit(x: np.ndarray, y: np.ndarray, l2: float, steps: int = 4000, lr: float = 0.5) -> np.ndarray:
    w = np.zeros(x.shape[1])
    for _ in range(steps):
        p = 1.0 / (1.0 + np.exp(-(x @ w)))
        grad = x.T @ (p - y) / len(y)
        reg = l2 * w / len(y)
        reg[-1] = 0.0  # no penalty on the bias
        w -= lr * (grad + reg)
    return w


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--sets", nargs="+", default=list(SETS))
    ap.add_argument("--l2", type=float, default=1.0)
    ap.add_argument("--write", action="store_true")
    args = ap.parse_args()
    data = samples(args.sets)
    names, x, y = design(data)
    w = fit(x, y, args.l2)
    p = 1.0 / (1.0 + np.exp(-(x @ w)))
    _rows, ece = reliability([(float(a), bool(b)) for a, b in zip(p, y, strict=True)])
    print(f"fitted on {len(y)} records ({int(y.sum())} matched); in-sample ECE {ece:.4f}", file=sys.stderr)
    path = ROOT / "src" / "dyad" / "data" / "confidence.json"
    table = json.loads(path.read_text(encoding="utf-8"))
    weights = {f: round(float(v), 3) for f, v in zip(names, w, strict=False)}
    table["mention"] = {"bias": round(float(w[-1]), 3), **weights}
    table["record"] = {"per_log_source": round(float(w[len(names)]), 3),
                       "per_log_mention": round(float(w[len(names) + 1]), 3), "kind": {}}
    text = json.dumps(table, indent=2, ensure_ascii=False) + "\n"
    if args.write:
        path.write_text(text, encoding="utf-8")
        print(f"written to {path}", file=sys.stderr)
    else:
        print(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
