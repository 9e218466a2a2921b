"""Projects: dated milestones (completion, opening, a feasibility study, an investment decision) from
the sentences that speak of each project, by name or by a description referring back to it."""

from __future__ import annotations

import bisect
import re

from spacy.tokens import Doc, Span, Token

from dyad.nlp.components.project_patterns import (
    ANAPHOR_RE,
    DESCRIPTION_RE,
    FACILITY_WORDS,
    FUTURE_RE,
    LINEAR,
    LOWER_HEADS,
    MILESTONE_RE,
    SCHEDULE_WORDS,
    TRANSPORT_MODES,
    clause_of,
    verb_above,
)
from dyad.nlp.components.util import Intervals, text_of


class _SpanIndex:
    """The projects' name spans and sentences, indexed once per document, so each sentence
    costs a bisection rather than a pass over every project's spans."""

    def __init__(self, found: list[dict]) -> None:
        self.spans = Intervals((a, b) for p in found for a, b in p["_spans"])
        self.span_starts = [sorted(a for a, _ in p["_spans"]) for p in found]
        self.sent_bounds = [(min(a for a, _ in p["_sents"]), max(a for a, _ in p["_sents"])) if p["_sents"]
                            else (float("inf"), -1) for p in found]

    def last_before(self, i: int, char: int) -> int:
        """The last start of project i's spans before char (one exists)."""
        starts = self.span_starts[i]
        return starts[bisect.bisect_left(starts, char) - 1]


def _fits(p: dict, noun: str, caps: set[str]) -> bool:
    """Can a description with this head noun and these capitalised words refer to the project?"""
    words = {w for n in (p["name"], *p["aliases"]) for w in re.split(r"[\s\-\u2013]+", n)}
    if not caps <= words:
        return False
    ptype = p["project_type"]
    return noun in ("project", "scheme", "venture", "undertaking") or p["name"].lower().endswith(noun) or \
        LOWER_HEADS.get(noun) == ptype or (ptype == "facility" and noun in FACILITY_WORDS | {"facility", "station"}) \
        or (ptype in LINEAR and noun in ("line", "link", "route", "corridor"))


def _dates_other_thing(t: Token, p: dict) -> bool:
    """Is the date on a participle modifying a noun phrase that names something else ('the X service,
    opened in 2018', where X is no word of the project's names)?"""
    v = verb_above(t)
    if v is None or v.dep_ != "acl" or v.head.pos_ not in ("NOUN", "PROPN"):
        return False
    words = {w for n in (p["name"], *p["aliases"]) for w in re.split(r"[\s\-\u2013]+", n)}
    caps = {x.text for x in v.head.subtree if x.i < v.head.i and x.text[:1].isupper() and x.dep_ != "det"}
    return bool(caps - words)


def _nearest(pattern: re.Pattern[str], clause: str, anchor: str) -> str | None:
    hits = [m for m in pattern.finditer(clause) if m.group(0)[:1].islower() or m.start() == 0]
    if not hits:
        return None
    at = clause.find(anchor)
    return min(hits, key=lambda m: abs(m.start() - at) if at >= 0 else 0).group(0)


def _describe(pred: Token, cue: str) -> str:
    """'first phase of the zone completed', 'feasibility study completed', 'final investment decision'."""
    subj = next((c for c in pred.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subj is None or subj.pos_ in ("PRON", "PROPN") or cue.lower() not in pred.text.lower():
        return cue
    keep = [t for t in subj.subtree if t.i <= subj.i]
    of = next((c for c in subj.children if c.dep_ == "prep" and c.lower_ in ("of", "for")), None)
    if of is not None and len(list(of.subtree)) <= 4:
        keep += list(of.subtree)
    text = " ".join(t.text for t in keep if t.dep_ not in ("det", "poss") and not t.is_punct)
    if text and len(text.split()) <= 8 and cue.lower() in SCHEDULE_WORDS:
        return text  # "river diversion is scheduled for 2026": the step is the subject
    return f"{text} {cue}" if text and len(text.split()) <= 8 else cue


def _regions(doc: Doc, found: list[dict]) -> dict[int, list[Span]]:
    """Sentences that speak of each project: its own and those that refer back to it ('the cable', 'the
    project', 'The 500-km road and rail corridor ...'), each with the following ones of the paragraph
    until another project is named."""
    sents = list(doc.sents)
    starts = [s.start_char for s in sents]
    names = [(i, n) for i, p in enumerate(found) for n in {p["name"], *p["aliases"]} if len(n) > 3]
    mentions: dict[int, set[int]] = {}
    for k, s in enumerate(sents):
        for i, n in names:
            if n in s.text:
                mentions.setdefault(k, set()).add(i)
    # sentences the paragraph goes on from, and lone sentences ('the cable' in a later paragraph)
    anchors = {i: {max(0, bisect.bisect_right(starts, a) - 1) for a, _ in p["_sents"]} for i, p in enumerate(found)}
    lone: dict[int, set[int]] = {i: set() for i in anchors}
    index = _SpanIndex(found)
    for k, s in enumerate(sents):
        i, extend = _anaphor(s, found, mentions.get(k, set()), index)
        if i is not None:
            (anchors if extend else lone)[i].add(k)
    out: dict[int, list[Span]] = {}
    for i in range(len(found)):
        idx: set[int] = set(lone[i])
        for k in anchors[i]:
            idx.add(k)
            for j in range(k + 1, min(k + 4, len(sents))):
                if "\n" in text_of(doc)[sents[j - 1].end_char - 1:sents[j].start_char + 1] or \
                        mentions.get(j, set()) - {i}:
                    break
                idx.add(j)
        out[i] = [sents[k] for k in sorted(idx)]
    return out

def _anaphor(s: Span, found: list[dict], named: set[int],
             index: _SpanIndex | None = None) -> tuple[int | None, bool]:
    """The project a sentence refers back to, and whether its paragraph goes on about it: a sentence
    opening on a definite description ('The 1,200-km road and rail corridor', 'The run-of-the-river
    plant', 'The A-B line') names the nearest earlier project it fits; elsewhere, in a sentence naming
    no project, 'the cable' or 'the project' names the nearest earlier one with that head noun."""
    index = index or _SpanIndex(found)
    m = DESCRIPTION_RE.match(s.text)
    if m and not index.spans.overlaps(s.start_char + m.start(), s.start_char + m.end()):
        noun, mods = m.group("noun").lower(), m.group("mods")
        caps = {w for w in re.split(r"[\s\-\u2013]+", mods) if w[:1].isupper()}
        cands = [(index.last_before(i, s.start_char), i) for i, p in enumerate(found)
                 if i not in named and index.span_starts[i][0] < s.start_char and
                 _fits(p, noun, caps)]
        if cands:
            i = max(cands)[1]
            modes = {w for w in re.split(r"[\s\-]+", mods.lower()) if w in TRANSPORT_MODES}
            if noun in ("corridor", "route") and len(modes) >= 2 and found[i]["project_type"] in LINEAR:
                found[i]["project_type"] = "corridor"  # "the road and rail corridor": more than a road
            return i, True
    if named:
        return None, False
    for m in ANAPHOR_RE.finditer(s.text):
        noun = m.group(1).lower()
        before = [(index.sent_bounds[i][1], i) for i, p in enumerate(found)
                  if index.sent_bounds[i][0] < s.start_char and
                  (noun == "project" or p["name"].lower().endswith(noun))]
        if before:
            return max(before)[1], False
    return None, False

def _relative_to(pred: Token, own: list[tuple[int, int]]) -> bool:
    """'the X post, which has been in operation since 2016, and a market in Y, for which a study will be
    conducted next year': a relative clause speaks of the noun it hangs on, even in a shared sentence."""
    while pred.dep_ == "conj" and pred.head is not pred:
        pred = pred.head  # "which is 85 percent complete and should open in December": the same clause's verbs
    if pred.dep_ in ("relcl", "acl") and any(a <= pred.head.idx < b for a, b in own):
        return True
    site = pred.head
    if pred.dep_ == "relcl" and site.dep_ == "pobj" and site.head.lower_ in ("in", "at") and \
            any(a <= site.head.head.idx < b for a, b in own):
        return True  # "the X Park in Y, which opened in 2018": the clause hangs on the park's site
    # the parser may hang "for which ..." on the verb whose object is the project ("build a market in Y")
    return pred.dep_ == "advcl" and any(c.dep_ in ("dobj", "nsubjpass") and a <= c.idx < b
                                        for c in pred.head.children for a, b in own)


def milestones(doc: Doc, found: list[dict]) -> None:
    """Dated steps (completion, opening, commissioning, a feasibility study, an investment decision) in
    the sentences that speak of the project, each with a short description."""
    dct = doc._.dct or ""
    regions = _regions(doc, found)
    timexes = [t for t in doc._.timexes or [] if t.type == "DATE"]
    spans = [(a, b, i) for i, p in enumerate(found) for a, b in p["_spans"]]
    for i, p in enumerate(found):
        for sent in regions[i]:
            own = [(a, b) for a, b, j in spans if j == i and sent.start_char <= a < sent.end_char]
            crowded = any(j != i and sent.start_char <= a < sent.end_char for a, b, j in spans)
            for t in timexes:
                if not (sent.start_char <= t.start and t.end <= sent.end_char):
                    continue
                iso = t.iso_date()
                tok = doc.char_span(t.start, t.end, alignment_mode="expand")
                if not iso or tok is None:
                    continue
                pred, clause = clause_of(tok.root)
                lo, hi = pred.left_edge.idx, pred.right_edge.idx + len(pred.right_edge)
                if crowded and own and not any(lo <= a and b <= hi for a, b in own) and not _relative_to(pred, own):
                    continue  # another project's clause of a shared sentence
                if _dates_other_thing(tok.root, p):
                    continue  # "extend the X service, opened in 2018": X's opening, not this project's
                since = re.search(r"\bsince\s*$", text_of(doc)[max(0, t.start - 8):t.start], re.I)
                cue = _nearest(MILESTONE_RE, clause, t.text)
                if not cue and not since:
                    continue
                if cue:
                    desc = _describe(pred, cue)
                    past = pred.tag_ == "VBD" or (pred.tag_ == "VBN" and any(
                        c.lower_ in ("was", "were", "has", "have", "had") for c in pred.children))
                    planned = True if FUTURE_RE.search(clause.replace(t.text, " ")) else False if past else (
                        iso[: len(dct)] > dct[: len(iso)] if dct else True)
                else:
                    desc, planned = "in use since", False
                if not any(x["date"] == iso for x in p["milestones"]):
                    p["milestones"].append({"description": desc, "date": iso,
                                            "status": "planned" if planned else "done"})


def opening_milestones(doc: Doc, found: list[dict]) -> None:
    """An opening the events component dated ("On Thursday the two leaders flew to Moyale, where they
    opened the Moyale Integrated Logistics Hub") is a milestone of the project opened."""
    for f in doc._.facts or []:
        if f.get("kind") != "event" or f.get("event_type") != "opening" or not f.get("start") \
                or f.get("status") not in ("occurred", "planned"):
            continue
        opened = f["title"].lower()
        for p in found:
            names = [n.lower() for n in (p["name"], *p["aliases"]) if len(n.split()) >= 2]
            if not any(n in opened for n in names):
                continue
            if any(re.search(r"\b(?:study|studies|talks|negotiations)\b", opened[:opened.find(n)])
                   for n in names if n in opened):
                continue  # "the launch of a feasibility study on X": a study began, X did not open
            if not any(x["date"] == f["start"] for x in p["milestones"]):
                p["milestones"].append({"description": "opened", "date": f["start"],
                                        "status": "done" if f["status"] == "occurred" else "planned"})
            if f["status"] == "occurred":
                p["_opened"] = True
