"""Tense around an expression, for resolving "Monday", "in November" or "the fourth quarter" without a year."""

from __future__ import annotations

import re

from dyad.nlp.timex.anchor import _Anchor
from dyad.nlp.timex.lexicon import _LEX, _alt

# --------------------------------------------------------------------------------------------------
# Tense detection (for resolving "Monday", "in November", "the fourth quarter" without a year)
# --------------------------------------------------------------------------------------------------

_FUTURE_RE = re.compile(rf"(?<![\w'])(?:{_alt(_LEX['future_markers'])})(?!\w)", re.I)
_NOT_PAST_ED = set(_LEX["not_past_ed_words"])
_PAST_WORDS = {w.lower() for w in _LEX["past_markers"]}
_PAST_RE = re.compile(rf"(?<![\w'])(?:{_alt(_LEX['past_markers'])}|[a-z]{{3,}}ed)(?!\w)", re.I)
# "the upcoming commission ... in a call on Tuesday": an adjective dates its own noun, not the
# expression, so it counts for less than a verb's tense.
_ADJECTIVE_MARKERS = {w.lower() for w in _LEX["adjective_tense_markers"]}
_PRESENT_RE = re.compile(rf"(?<![\w'])(?:is|are|am|{_alt(_LEX['present_schedule_verbs'])})(?!\w)", re.I)
# "to run", "to meet": an infinitive of purpose/intention usually points to the future.
_INFINITIVE_RE = re.compile(r"(?<![\w'])to\s+(?!(?:the|a|an|his|her|its|their|our|my|your|this|that|these|"
                            r"those|be|death|power|office|court|prison|jail|date|war|school|work|life|"
                            r"light|mind|account|trial|bed|justice|safety|market|zero|about|around|"
                            r"nearly|some|more|less|over|under)\b)[a-z]+(?!\w)")
_INTENT_WORDS = {"meant", "intended", "aimed", "designed", "expected", "planned", "scheduled", "hoped", "due",
                 "poised", "supposed", "set", "sought", "wanted", "hoping", "aiming", "seeking", "planning"}
# "agreed to hold its first session in autumn": a commitment looks ahead, unless the date belongs to
# what led to it ("agreed to build a post after talks on June 3")
_COMMIT_WORDS = {"agreed", "decided", "pledged", "promised", "vowed", "resolved"}
_LED_TO_RE = re.compile(r"\b(?:after|following|during|since|when|at\s+(?:the|their|a)\s+\w+\s+(?:on|in))\b", re.I)
_AUX_BEFORE_PARTICIPLE = {"is", "are", "am", "be", "been", "being", "has", "have", "get", "gets", "to",
                          "will", "would", "'s", "can", "could", "may", "might", "must", "should"}
_ABBREV_END_RE = re.compile(r"(?:\b[ap]\.m|\b(?:Mr|Mrs|Ms|Dr|St|Gen|Col|Lt|Sgt|Rep|Sen|Gov|Jan|Feb|Mar|Apr|"
                            r"Jun|Jul|Aug|Sept?|Oct|Nov|Dec|No|vs|Inc|Corp|Co|Ltd|Jr|Sr)|\b[A-Z]|\.[A-Z])\.$")
_SENT_BOUNDARY_RE = re.compile(r"[.!?]\s+(?=[\"'A-Z(])|\n")


class _Ctx:
    """Per-call state: the text, the anchor and cached sentence boundaries for tense lookups."""

    def __init__(self, text: str, anchor: _Anchor) -> None:
        self.text = text
        self.anchor = anchor
        # Sentence starts, skipping periods of abbreviations ("2 p.m. Friday", "Mr. Smith").
        self.bounds = [0] + [m.end() for m in _SENT_BOUNDARY_RE.finditer(text)
                             if not _ABBREV_END_RE.search(text, max(0, m.start() - 6), m.start() + 1)
                             ] + [len(text) + 1]

    def sentence(self, pos: int) -> tuple[int, int]:
        lo = 0
        for b in self.bounds:
            if b <= pos:
                lo = b
            else:
                return lo, b
        return lo, len(self.text)

    @staticmethod
    def _is_participle(seg: str, m: re.Match) -> bool:
        """True for an -ed word that is a participle after an auxiliary ("is expected", "has said")."""
        w = m.group(0).lower()
        if w in _NOT_PAST_ED:
            return True
        prev = re.findall(r"[\w']+", seg[max(0, m.start() - 30):m.start()])
        if prev and prev[-1].lower() in ("be", "been", "being"):
            return True  # "will be held in December": an irregular participle too ("held", "made")
        if not w.endswith("ed") or w in _PAST_WORDS:
            return False
        return bool(prev) and prev[-1].lower() in _AUX_BEFORE_PARTICIPLE

    @staticmethod
    def _infinitive_tense(seg: str, m: re.Match) -> str:
        """'agreed to sell' takes the governing verb's past tense; 'a program to run' looks ahead."""
        prev = re.findall(r"[\w']+", seg[max(0, m.start() - 30):m.start()])
        w = prev[-1].lower() if prev else ""
        if w in _INTENT_WORDS:
            return "future"  # "was meant to lay the groundwork for a meeting in December": still ahead
        if w in _COMMIT_WORDS:
            return "past" if _LED_TO_RE.search(seg[m.end():]) else "future"
        if w in _PAST_WORDS or (w.endswith("ed") and w not in _NOT_PAST_ED):
            return "past"
        return "future"

    def tense(self, start: int, end: int) -> str | None:
        """'past', 'future', 'present' or None from the tense marker nearest to the expression.

        Only the expression's own sentence is inspected; markers before the expression weigh more
        than those after it.  A crude stand-in for a POS tagger, which is all that rule-based
        resolution of "Monday" or "in June" needs in practice.
        """
        s0, s1 = self.sentence(start)
        before = self.text[s0:start]
        after = self.text[end:s1]
        best: tuple[int, str] | None = None  # (distance, tense)
        pairs = ((_FUTURE_RE, "future"), (_PAST_RE, "past"), (_PRESENT_RE, "present"), (_INFINITIVE_RE, "future"))
        for rx, label in pairs:
            for m in rx.finditer(before):
                if label == "past" and self._is_participle(before, m):
                    continue
                dist = len(before) - m.end()
                if m.group(0).lower() in _ADJECTIVE_MARKERS and dist > 15:
                    dist = 2 * dist + 20
                if best is None or dist < best[0]:
                    best = (dist, self._infinitive_tense(before, m) if rx is _INFINITIVE_RE else label)
        # a marker before the expression in its own clause outweighs any after a comma ("X, who met Y in
        # February, is expected to travel": the relative clause's "met"; "will co-chair the meeting in
        # December, the call heard": a reporting tail)
        own_clause = best is not None
        for rx, label in pairs:
            for m in rx.finditer(after[:60]):
                if label == "past" and self._is_participle(after, m):
                    continue
                if own_clause and "," in after[:m.start()]:
                    break
                if rx is _INFINITIVE_RE:
                    break  # "met X on Thursday to review ...": a purpose clause, not the tense of the date
                # Markers after the expression count less than those before ("Monday, he said").
                dist = m.start() + 20
                if best is None or dist < best[0]:
                    best = (dist, label)
                break
        return best[1] if best else None

    def prev_words(self, pos: int, n: int = 1) -> list[str]:
        return re.findall(r"[\w$€£¥#.'-]+", self.text[max(0, pos - 40):pos])[-n:]

    def next_word(self, pos: int) -> str:
        m = re.match(r"\s*([\w%'-]+)", self.text[pos:pos + 40])
        return m.group(1) if m else ""
