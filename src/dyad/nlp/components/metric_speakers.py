"""Metrics: who stated a figure, the speaker of the quotation holding it or the subject of a speech verb."""

from __future__ import annotations

import re

from spacy.tokens import Doc

from dyad.nlp.components.metric_lexicon import Mention, metric_lexicon
from dyad.nlp.components.util import Intervals, span_text, text_of


def person_mentions(doc: Doc) -> list[tuple[int, int, str]]:
    """Person mentions of the entities component, plus bare surnames of those persons that it
    left untagged ("..., Modi told reporters")."""
    out = set()
    surnames: dict[str, str] = {}
    for p in doc._.persons or []:
        for s in p.get("sources") or []:
            out.add((s["start"], s["end"], p["name"]))
        parts = p["name"].split()
        if parts and len(parts[-1]) > 2 and parts[-1][:1].isupper():
            surnames.setdefault(parts[-1], p["name"])
    if surnames:
        covered = Intervals((a, b) for a, b, _ in out)
        for t in doc:
            name = surnames.get(t.text)
            if name and t.pos_ == "PROPN" and not covered.overlaps(t.idx, t.idx + 1):
                out.add((t.idx, t.idx + len(t), name))
    return sorted(out)


def _full_name(doc: Doc, name: str) -> str:
    last = name.split()[-1].lower()
    best = name
    for p in doc._.persons or []:
        n = p["name"]
        if n.split() and n.split()[-1].lower() == last and len(n) > len(best):
            best = n
    return best


def _quote_bounds(text: str, pos: int) -> tuple[int, int] | None:
    line_start = text.rfind("\n", 0, pos) + 1
    line_end = text.find("\n", pos)
    line_end = len(text) if line_end < 0 else line_end
    open_at, straight_open = None, None
    for i in range(line_start, pos):
        ch = text[i]
        if ch in "\u201c\u00ab":
            open_at = i
        elif ch in "\u201d\u00bb":
            open_at = None
        elif ch == '"':
            straight_open = None if straight_open is not None else i
    start = open_at if open_at is not None else straight_open
    if start is None:
        return None
    closers = "\u201d\u00bb" if open_at is not None else '"'
    end = next((i for i in range(pos, line_end) if text[i] in closers), line_end)
    return start, end


def speaker_of(doc: Doc, c: Mention, mentions: list[tuple[int, int, str]]) -> str | None:
    if not mentions:
        return None
    text = text_of(doc)
    # The quotes component has resolved who said each quotation; trust it first.
    for f in doc._.facts or []:
        if f.get("kind") == "quote" and f.get("speaker"):
            src = f["sources"][0]
            if src["start"] <= c.start < src["end"]:
                return f["speaker"]
    q = _quote_bounds(text, c.start)
    if q is not None:
        qs, qe = q
        sent = c.span.sent
        tok = doc.char_span(qs, qs + 1, alignment_mode="expand")
        qsent = tok.sent if tok is not None else sent
        lo = qsent.start_char
        if qsent.start > 0:
            lo = doc[qsent.start - 1].sent.start_char
        before = [m for m in mentions if lo <= m[0] and m[1] <= qs]
        if before:
            return _full_name(doc, before[-1][2])
        after = [m for m in mentions if qe < m[0] <= qe + 60]
        if after:
            return _full_name(doc, after[0][2])
        return None
    speech = set(metric_lexicon().p["speech_lemmas"])
    t = c.span.root
    for _ in range(10):
        if t.pos_ in ("VERB", "AUX") and t.lemma_.lower() in speech:
            for s in t.children:
                if s.dep_ in ("nsubj", "nsubjpass"):
                    lo, hi = s.left_edge.idx, s.right_edge.idx + len(s.right_edge)
                    hits = [m for m in mentions if m[0] < hi and lo < m[1]]
                    if hits:
                        return _full_name(doc, hits[0][2])
        if t.head is t:
            break
        t = t.head
    sent = c.span.sent
    m = re.search(r"\baccording to\s+", span_text(sent))
    if m:
        at = sent.start_char + m.end()
        hits = [x for x in mentions if at <= x[0] <= at + 60 and x[0] < c.start]
        if hits:
            return _full_name(doc, hits[0][2])
    return None
