"""Adversarial input shapes: the full dyad pipeline against bare spaCy on the same text.

    python bench/adversarial.py [--shapes normal,quotes_unbalanced,...] [--timeout 900]

Each shape is generated here (no shared text): a normal article for reference, a text over
1,000,000 characters, 2,000 unbalanced quotation marks in a ~79 KB article, 2,000 complete
quotes, 1,600 titled names ("President X Y of Country said ..."), one 990,000-character
sentence, 25,000 repeated sentences, and 20 runs of 1,000 symbols without a space. Each
shape runs in its own subprocess, once with bare spaCy (the same English model, ``nlp.pipe``
without dyad's components, its ``max_length`` raised to the text's length) and once with the
full dyad pipeline (``analyse``), so the peak resident memory printed is that of one input
(the model included). Model loading and one warm-up
run on the normal article (word lists and gazetteers load lazily) are not timed.

Targets: every shape at most 3x bare spaCy's seconds; peak RSS at most 1 GB on any input.
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

COUNTRIES = ["Kenya", "Turkey", "Kazakhstan", "Brazil", "Poland", "Vietnam", "Egypt", "Chile", "Norway",
             "Indonesia", "Morocco", "Peru", "Ghana", "Azerbaijan", "Mongolia", "Portugal"]
CAPITALS = ["Nairobi", "Ankara", "Astana", "Brasilia", "Warsaw", "Hanoi", "Cairo", "Santiago", "Oslo",
            "Jakarta", "Rabat", "Lima", "Accra", "Baku", "Ulaanbaatar", "Lisbon"]
SYLLABLES = ["ka", "ro", "mi", "tel", "van", "sor", "lu", "den", "ba", "rik", "os", "na", "tam", "el",
             "dor", "zu", "fen", "gal", "ir", "ma"]
TOPICS = ["trade", "energy", "transport", "water management", "digital services", "agriculture", "tourism"]
TITLES = ["President", "Prime Minister", "Foreign Minister", "Trade Minister"]


def _name(rng: random.Random) -> str:
    def word() -> str:
        return "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 3))).capitalize()
    return f"{word()} {word()}"


def normal(rng: random.Random) -> str:
    """About 1,400 characters in the style of a wire report: headline, dateline, visit, meeting,
    agreement, project, numbers, two quotes."""
    a, b = 1, 3  # Turkey and Kazakhstan
    host, guest = _name(rng), _name(rng)
    paras = [
        f"{COUNTRIES[a]} and {COUNTRIES[b]} sign transport pact during state visit",
        f"{CAPITALS[a].upper()}, March 4 (Wire) - President {host} of {COUNTRIES[a]} hosted President {guest} "
        f"of {COUNTRIES[b]} in {CAPITALS[a]} on Tuesday for a two-day state visit, the first by a "
        f"{COUNTRIES[b]} leader in six years.",
        "The two presidents held talks behind closed doors and then signed an agreement on international "
        "road transport and a memorandum on cooperation in renewable energy. Ministers also approved a "
        "plan to raise bilateral trade to $5 billion by 2030, up from about $2.1 billion last year.",
        f"\u201cOur countries are bound by history, and today we have opened a new chapter in our partnership,\u201d "
        f"{host} told reporters after the talks.",
        f"{guest} said the new railway line between the two countries would be completed next year. "
        f"\u201cWe expect the first freight trains to run before the end of 2026, and passenger services will "
        f"follow,\u201d he said.",
        f"The sides also agreed to open a joint industrial park near {CAPITALS[b]}, where 40 companies are "
        f"expected to employ some 3,000 people. Construction of the park started in January.",
        f"The intergovernmental commission on economic cooperation will meet in {CAPITALS[b]} in October, "
        f"the foreign ministry of {COUNTRIES[a]} said in a statement.",
        f"{host} accepted an invitation to visit {COUNTRIES[b]} next year. Officials said the date would be "
        f"agreed through diplomatic channels.",
    ]
    return "\n\n".join(paras) + "\n"


def _report_paragraph(rng: random.Random) -> str:
    i, j = rng.sample(range(len(COUNTRIES)), 2)
    who, other = _name(rng), _name(rng)
    topic = rng.choice(TOPICS)
    return (f"{rng.choice(TITLES)} {who} of {COUNTRIES[i]} met {other} in {CAPITALS[j]} on Monday to discuss "
            f"{topic}. The ministers signed a memorandum on {topic} and agreed to meet again in "
            f"{rng.choice(['May', 'June', 'September'])} {rng.choice([2025, 2026])}. Trade between "
            f"{COUNTRIES[i]} and {COUNTRIES[j]} reached ${rng.randint(2, 90) / 10:.1f} billion last year.")


def huge(rng: random.Random) -> str:
    """A text over 1,000,000 characters: a long run of ordinary report paragraphs."""
    head = normal(rng)
    paras = [head]
    size = len(head)
    while size <= 1_050_000:
        p = _report_paragraph(rng)
        paras.append(p)
        size += len(p) + 2
    return "\n\n".join(paras)


def quotes_unbalanced(rng: random.Random) -> str:
    """2,000 opening quotation marks that never close, in one paragraph of a ~79 KB article."""
    head = normal(rng)
    parts = []
    for k in range(2000):
        mark = "\u201c" if k % 3 else '"'
        parts.append(f"{mark}We will {rng.choice(['build', 'open', 'sign'])} more {rng.choice(TOPICS)} deals so ")
    return head + "\n\nThe statement read: " + "".join(parts).rstrip() + ".\n"


def quotes_complete(rng: random.Random) -> str:
    """2,000 complete quotations, each with a named or pronoun speaker, four to a paragraph."""
    head = normal(rng)
    paras = []
    speakers = [_name(rng) for _ in range(40)]
    for _ in range(500):
        sents = []
        for _ in range(4):
            who = rng.choice(speakers)
            topic = rng.choice(TOPICS)
            if rng.random() < 0.5:
                sents.append(f"\u201cWe will deepen cooperation in {topic} this year,\u201d {who} said.")
            else:
                sents.append(f"Minister {who} said: \u201cOur {topic} ties are growing every month.\u201d")
        paras.append(" ".join(sents))
    return head + "\n\n" + "\n\n".join(paras) + "\n"


def titled_names(rng: random.Random) -> str:
    """1,600 sentences 'Title X Y of Country said ...', ten to a paragraph."""
    head = normal(rng)
    sents = []
    for _ in range(1600):
        sents.append(f"{rng.choice(TITLES)} {_name(rng)} of {rng.choice(COUNTRIES)} said the talks on "
                     f"{rng.choice(TOPICS)} would continue in {rng.choice(CAPITALS)}.")
    paras = [" ".join(sents[k:k + 10]) for k in range(0, len(sents), 10)]
    return head + "\n\n" + "\n\n".join(paras) + "\n"


def long_sentence(rng: random.Random) -> str:
    """One sentence of about 990,000 characters: no full stop, no line break."""
    parts = []
    size = 0
    while size < 990_000:
        i, j = rng.sample(range(len(COUNTRIES)), 2)
        p = (f"the delegation of {COUNTRIES[i]} and the ministers of {COUNTRIES[j]} discussed "
             f"{rng.choice(TOPICS)} in {CAPITALS[i]} and ")
        parts.append(p)
        size += len(p)
    return "Officials said " + "".join(parts) + "so on"


def repeated_sentences(rng: random.Random) -> str:
    """25,000 copies of one short sentence in a single paragraph."""
    return " ".join(["Kenya and Turkey met in Nairobi."] * 25_000) + "\n"


def symbol_runs(rng: random.Random) -> str:
    """A normal article with 20 runs of 1,000 '*' or '=' (rules, separators gone wrong): spaCy's
    tokenizer takes time in the square of such a run's length."""
    runs = [rng.choice("*=") * 1000 for _ in range(20)]
    return normal(rng) + "\n" + "\n\n".join(runs) + "\n"


SHAPES: dict[str, Callable[[random.Random], str]] = {
    "normal": normal,
    "huge_1M": huge,
    "quotes_unbalanced": quotes_unbalanced,
    "quotes_complete": quotes_complete,
    "titled_names": titled_names,
    "long_sentence": long_sentence,
    "repeated_sentences": repeated_sentences,
    "symbol_runs": symbol_runs,
}


def make_text(shape: str) -> str:
    return SHAPES[shape](random.Random(12))


def child(shape: str, mode: str) -> None:
    """Run one shape through one pipeline and print a JSON line with the figures."""
    text = make_text(shape)
    result: dict = {"shape": shape, "mode": mode, "chars": len(text)}
    if mode == "bare":
        from dyad.nlp.model import load_base_model

        nlp = load_base_model()
        nlp.max_length = max(nlp.max_length, len(text) + 1)
        for _ in nlp.pipe([make_text("normal")]):  # warm up, as for the full pipeline
            pass
        t0 = time.perf_counter()
        for _ in nlp.pipe([text]):
            pass
        result["seconds"] = time.perf_counter() - t0
    else:
        from dyad.nlp.pipeline import ArticleInput, analyse, build_pipeline

        nlp = build_pipeline()
        for _ in analyse([ArticleInput("warm", make_text("normal"), "2025-03-04")], nlp):
            pass  # lazy loading of word lists and gazetteers is not the input's cost
        t0 = time.perf_counter()
        try:
            for doc in analyse([ArticleInput("adv", text, "2025-03-04")], nlp):
                result["facts"] = len(doc._.facts or [])
                result["truncated"] = bool(getattr(doc._, "truncated", False))
                result["warnings"] = list(getattr(doc._, "warnings", None) or [])
        except Exception as exc:  # the figure for a crash is the crash
            result["error"] = f"{type(exc).__name__}: {str(exc)[:80]}"
        result["seconds"] = time.perf_counter() - t0
    result["peak_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps(result))


def run(shape: str, mode: str, timeout: float) -> dict:
    cmd = [sys.executable, __file__, "--child", shape, mode]
    try:
        out = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout, check=False)
    except subprocess.TimeoutExpired:
        return {"shape": shape, "mode": mode, "error": f"timeout after {timeout:.0f} s", "seconds": timeout,
                "peak_mb": float("nan")}
    for line in reversed(out.stdout.splitlines()):
        if line.startswith("{"):
            return json.loads(line)
    return {"shape": shape, "mode": mode, "error": (out.stderr.strip().splitlines() or ["no output"])[-1][:80],
            "seconds": float("nan"), "peak_mb": float("nan")}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shapes", default=",".join(SHAPES), help="comma-separated, from: " + ", ".join(SHAPES))
    ap.add_argument("--timeout", type=float, default=900, help="seconds per shape and pipeline")
    ap.add_argument("--child", nargs=2, metavar=("SHAPE", "MODE"), help=argparse.SUPPRESS)
    ap.add_argument("--json", type=Path, help="also write the figures as JSON lines here")
    args = ap.parse_args()
    if args.child:
        child(*args.child)
        return 0

    shapes = [s for s in args.shapes.split(",") if s]
    unknown = [s for s in shapes if s not in SHAPES]
    if unknown:
        raise SystemExit(f"unknown shape(s): {', '.join(unknown)}")
    print(f"{'shape':<20}{'chars':>10}{'bare s':>9}{'dyad s':>9}{'ratio':>7}{'bare MB':>9}{'dyad MB':>9}"
          f"{'facts':>7}  notes", flush=True)
    ok = True
    rows = []
    for shape in shapes:
        bare = run(shape, "bare", args.timeout)
        full = run(shape, "full", args.timeout)
        rows += [bare, full]
        ratio = full["seconds"] / bare["seconds"] if bare.get("seconds") else float("nan")
        notes = []
        for r in (bare, full):
            if r.get("error"):
                notes.append(f"{r['mode']}: {r['error']}")
        if full.get("truncated"):
            notes.append("truncated")
        notes += full.get("warnings") or []
        good = not full.get("error") and ratio <= 3 and full["peak_mb"] <= 1024
        ok = ok and good
        chars = bare.get("chars") or full.get("chars") or 0
        print(f"{shape:<20}{chars:>10,}{bare['seconds']:>9.2f}{full['seconds']:>9.2f}{ratio:>6.1f}x"
              f"{bare['peak_mb']:>9.0f}{full['peak_mb']:>9.0f}{full.get('facts', 0):>7}  "
              f"{'ok' if good else 'OVER'} {'; '.join(notes)[:160]}", flush=True)
    if args.json:
        args.json.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    print("targets: dyad <= 3x bare spaCy's seconds, peak RSS <= 1024 MB: " + ("met" if ok else "NOT met"))
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
