"""Regression: the seeds and the sample corpus must score at least the last figures reached.

Raise the floors as extraction improves; never lower them to make a change pass.
"""

from __future__ import annotations

import pytest

from support import ROOT, SAMPLE, SCORER, SEEDS, build, score, write_export

DEVSET = ROOT / "examples" / "devset"

# Last measured figures (../shared/eval/score.py): seeds fact F1 1.000, attributes 0.985;
# sample corpus (examples/corpus, our own gold) 0.944, attributes 0.940; dev set (examples/devset,
# written blind to the rules, other regions and styles) 0.886, attributes 0.841.
SEED_F1_FLOOR = 1.000
SEED_ATTR_FLOOR = 0.98
SAMPLE_F1_FLOOR = 0.944
SAMPLE_ATTR_FLOOR = 0.94
DEVSET_F1_FLOOR = 0.886
DEVSET_ATTR_FLOOR = 0.84

needs_shared = pytest.mark.skipif(not SCORER.exists(), reason="../shared (scorer and seeds) not present")


@needs_shared
def test_seed_scores_do_not_regress(tmp_path):
    factory = build(tmp_path / "seeds.db", [str(SEEDS)])
    result = score(SEEDS.parent.parent / "gold" / "seeds.jsonl", write_export(factory, tmp_path / "s.jsonl"), SEEDS)
    assert result["f1"] >= SEED_F1_FLOOR, result["report"]
    assert result["attributes"] >= SEED_ATTR_FLOOR, result["report"]
    assert result["merges"] == result["merges_total"] and result["false_merges"] == 0, result["report"]
    assert "schema problems 0" in result["report"]


@needs_shared
def test_sample_corpus_scores_do_not_regress(tmp_path):
    factory = build(tmp_path / "sample.db", [str(SAMPLE)])
    result = score(SAMPLE / "gold.jsonl", write_export(factory, tmp_path / "x.jsonl"), SAMPLE)
    assert result["f1"] >= SAMPLE_F1_FLOOR, result["report"]
    assert result["attributes"] >= SAMPLE_ATTR_FLOOR, result["report"]
    assert "schema problems 0" in result["report"]


@needs_shared
def test_devset_scores_do_not_regress(tmp_path):
    factory = build(tmp_path / "dev.db", [str(DEVSET)])
    result = score(DEVSET / "gold.jsonl", write_export(factory, tmp_path / "d.jsonl"), DEVSET)
    assert result["f1"] >= DEVSET_F1_FLOOR, result["report"]
    assert result["attributes"] >= DEVSET_ATTR_FLOOR, result["report"]
    assert "schema problems 0" in result["report"]
