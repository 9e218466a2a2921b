"""Bounds on one document (dyad.nlp.limits, dyad.nlp.pipeline): chunks for long texts with
offsets mapped back, a sentence cap before the parser, a per-document time budget, and quotes
that survive a paragraph of unbalanced quotation marks. Texts are written here."""

from __future__ import annotations

import pytest

from dyad.nlp.limits import Limits, LimitsError, load_limits
from dyad.nlp.pipeline import ArticleInput, analyse, build_pipeline, pipeline, split_chunks

DCT = "2025-05-14"

PARA_A = ("President Halvor Brenne of Norway arrived in Nairobi on Tuesday for a three-day state visit, "
          "the first by a Norwegian head of state in a decade.")
PARA_B = ("\u201cOur two countries will double their trade in renewable energy by 2030,\u201d "
          "Halvor Brenne told reporters after the talks.")
PARA_C = ("Kenya and Norway signed an agreement on fisheries research in Nairobi on Wednesday, the "
          "foreign ministry said.")
PARA_D = ("Foreign Minister Amara Wekesa said: \u201cWe expect the first joint survey vessel to sail from "
          "Mombasa before the end of next year.\u201d")


def run(text: str, limits: Limits | None = None) -> object:
    return next(analyse([ArticleInput("t", text, DCT)], limits=limits))


def check_sources(text: str, facts: list[dict]) -> None:
    """Every source lies in the text, and quotes and persons read what the text says there."""
    for f in facts:
        for s in f["sources"]:
            assert 0 <= s["start"] < s["end"] <= len(text), f
        src = f["sources"][0]
        if f["kind"] == "quote":
            assert text[src["start"]:src["end"]] == f["text"], f
        if f["kind"] == "entity" and f["entity_type"] == "person":
            assert text[src["start"]:src["end"]] in f["aliases"] + [f["name"]], f


# ---------------------------------------------------------------------------- limits


def test_limits_defaults_and_environment_overrides():
    base = load_limits({})
    assert base.chunk_chars >= 10_000 and base.max_sentence_tokens >= 50 and base.time_budget_seconds > 0
    got = load_limits({"DYAD_CHUNK_CHARS": "5000", "DYAD_MAX_SENTENCE_TOKENS": "80", "DYAD_TIME_BUDGET": "2.5"})
    assert got == Limits(chunk_chars=5000, max_sentence_tokens=80, time_budget_seconds=2.5)
    with pytest.raises(LimitsError, match="DYAD_CHUNK_CHARS"):
        load_limits({"DYAD_CHUNK_CHARS": "lots"})
    with pytest.raises(LimitsError, match="time_budget"):
        Limits(time_budget_seconds=0)


def test_split_chunks_prefers_paragraphs_then_sentences_then_spaces():
    text = "\n\n".join([PARA_A, PARA_B, PARA_C, PARA_D] * 5)
    pieces = split_chunks(text, 600)
    assert pieces[0][0] == 0 and pieces[-1][1] == len(text)
    assert all(b - a <= 600 for a, b in pieces)
    assert all(pieces[k][1] == pieces[k + 1][0] for k in range(len(pieces) - 1))  # contiguous
    assert all(text[b - 2:b] == "\n\n" for a, b in pieces[:-1])  # cut after a blank line
    one_para = " ".join([PARA_A] * 20)
    pieces = split_chunks(one_para, 1000)
    assert all(one_para[b - 2:b] == ". " for a, b in pieces[:-1])
    words = " ".join(["word"] * 1000)
    pieces = split_chunks(words, 1000)
    assert all(words[b - 1] == " " for a, b in pieces[:-1]) and "".join(words[a:b] for a, b in pieces) == words
    assert split_chunks("x" * 2500, 1000) == [(0, 1000), (1000, 2000), (2000, 2500)]


# ---------------------------------------------------------------------------- chunks


def test_text_over_the_model_limit_is_chunked_not_refused():
    """spaCy refuses a text over nlp.max_length (E088); the pipeline splits it instead."""
    nlp = pipeline()
    text = "\n\n".join([PARA_A, PARA_B, PARA_C, PARA_D] * 6)
    saved = nlp.max_length
    nlp.max_length = 2_000
    try:
        with pytest.raises(ValueError, match="E088"):
            nlp(text)
        doc = next(analyse([ArticleInput("t", text, DCT)], nlp, limits=Limits(chunk_chars=1_500)))
    finally:
        nlp.max_length = saved
    assert doc.text == text and doc._.chunks > 1 and not doc._.truncated
    check_sources(text, doc._.facts)
    quotes = [f for f in doc._.facts if f["kind"] == "quote"]
    assert len(quotes) == 12  # PARA_B and PARA_D, six times each


def test_text_over_a_million_characters():
    """A real text over spaCy's 1,000,000 characters: article paragraphs around 500 lines of
    one long letter-string each (cheap to analyse), found at their true offsets."""
    head = "\n\n".join([PARA_A, PARA_B])
    tail = "\n\n".join([PARA_C, PARA_D])
    text = head + "\n\n" + ("x" * 1999 + "\n") * 500 + "\n" + tail
    doc = run(text)
    assert len(doc.text) == len(text) > 1_000_000 and doc._.chunks > 10
    check_sources(text, doc._.facts)
    quotes = sorted((f["sources"][0]["start"], f["speaker"]) for f in doc._.facts if f["kind"] == "quote")
    assert [s for _, s in quotes] == ["Halvor Brenne", "Amara Wekesa"]
    assert quotes[1][0] > 1_000_000  # the tail's quote, mapped back past the blank lines


def test_chunk_offsets_map_back_to_the_same_spans():
    """Facts from the third chunk point at the same characters as when that paragraph is the
    start of its own text."""
    filler = " ".join(["The weather in the capital was mild and the markets were calm."] * 12)
    text = "\n\n".join([filler, filler, filler, PARA_C + " " + PARA_D])
    doc = run(text, Limits(chunk_chars=1_000))
    assert doc._.chunks >= 3
    check_sources(text, doc._.facts)
    offset = text.index(PARA_C)
    alone = run(PARA_C + " " + PARA_D)

    def spans(facts: list[dict], kind: str, shift: int = 0) -> list[tuple[int, int]]:
        return sorted((s["start"] + shift, s["end"] + shift) for f in facts if f["kind"] == kind
                      for s in f["sources"])

    for kind in ("quote", "agreement"):
        assert spans(alone._.facts, kind, offset) == spans(doc._.facts, kind) != []
    [quote] = [f for f in doc._.facts if f["kind"] == "quote"]
    assert quote["speaker"] == "Amara Wekesa"
    assert all(c["start"] >= offset for c in doc._.countries if c["text"] == "Kenya")
    assert all(text[c["start"]:c["end"]] == c["text"] for c in doc._.countries)
    assert all(text[t.start:t.end] == t.text for t in doc._.timexes)


# ---------------------------------------------------------------------------- sentences


def test_a_sentence_without_full_stops_is_cut_before_the_parser():
    text = "Officials said " + " ".join(["the ministers of Kenya and Norway discussed trade and"] * 60) + " more"
    nlp = build_pipeline(components=(), limits=Limits(max_sentence_tokens=50))
    doc = nlp(text)
    assert len(doc) > 500
    assert max(len(s) for s in doc.sents) <= 50


# ---------------------------------------------------------------------------- time budget


def test_a_tiny_time_budget_flags_the_document_and_keeps_what_was_extracted():
    text = "\n\n".join([PARA_A, PARA_B, PARA_C])
    doc = run(text, Limits(time_budget_seconds=1e-9))
    assert doc._.truncated is True
    [warning] = doc._.warnings
    assert "time budget" in warning and "dyad_quotes" in warning and "dyad_countries" not in warning
    assert doc._.countries  # the first component ran before the budget was found spent
    assert not any(f["kind"] == "quote" for f in doc._.facts)
    normal = run(text)
    assert normal._.truncated is False and not normal._.warnings
    assert any(f["kind"] == "quote" for f in normal._.facts)


def test_time_budget_on_a_chunked_text_skips_later_chunks():
    text = "\n\n".join([PARA_A, PARA_B, PARA_C, PARA_D] * 8)
    doc = run(text, Limits(chunk_chars=1_000, time_budget_seconds=1e-9))
    assert doc.text == text and doc._.truncated is True and doc._.chunks > 2
    assert any("not analysed" in w for w in doc._.warnings)
    check_sources(text, doc._.facts)


# ---------------------------------------------------------------------------- hostile quotes


def test_unbalanced_quotation_marks_leave_the_normal_paragraphs_quotes_intact():
    noise = "The leaflet read: " + "".join(
        f"\u201cWe will {verb} more deals so " for verb in ["build", "open", "sign", "seal"] * 100) + "."
    text = "\n\n".join([PARA_A, PARA_B, noise, PARA_C, PARA_D])
    facts = run(text)._.facts
    check_sources(text, facts)
    normal = [(f["speaker"], f["text"]) for f in facts if f["kind"] == "quote"
              and not f["text"].startswith("We will ")]
    assert normal == [
        ("Halvor Brenne", "Our two countries will double their trade in renewable energy by 2030"),
        ("Amara Wekesa", "We expect the first joint survey vessel to sail from Mombasa before the end of next year."),
    ]


def test_ingest_reports_a_spent_time_budget_and_keeps_the_document(tmp_path):
    """A document whose extraction budget runs out is stored with what was extracted, and the
    ingest says so, naming the file."""
    import os
    import subprocess
    import sys

    article = tmp_path / "budget.txt"
    article.write_text("Turkey and Uzbekistan signed a memorandum on energy cooperation in Ankara on Monday, "
                       "officials said.\n", encoding="utf-8")
    db = tmp_path / "kb.db"
    env = {**os.environ, "DYAD_TIME_BUDGET": "0.000001", "COLUMNS": "1000"}
    res = subprocess.run([sys.executable, "-m", "dyad.cli", "--db", f"sqlite:///{db}", "ingest", str(article)],
                         env=env, capture_output=True, text=True)
    assert res.returncode == 0, res.stderr
    assert "added 1" in res.stderr
    assert "budget.txt" in res.stderr and "time budget" in res.stderr


def test_full_stop_after_an_abbreviation_ends_no_sentence():
    from dyad.nlp.pipeline import pipeline

    doc = pipeline()("On 4 May 2025, at 10.30 hrs. (local time), in Lima, the two ministers met. They then left.")
    assert [s.text for s in doc.sents] == [
        "On 4 May 2025, at 10.30 hrs. (local time), in Lima, the two ministers met.", "They then left."]
