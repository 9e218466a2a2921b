"""Quotes: direct speech in quotation marks, with its speaker.

Quotations are found by a scan of the text, paragraph by paragraph: curly “...” (the closer
may be a straight " or missing before the paragraph end in sloppy copy), straight "...", «...»
and single '...' / ‘...’ (only when closed in the paragraph, since the marks double as
apostrophes: "Ukraine's", "the countries' ties"); marks glued to words are fine. A quotation is
speech unless it looks like a quoted name or term: too short, Title Case, verbless and short, or
announced by a naming cue ("dubbed", "the slogan", "so-called").

The speaker is, in order:
  1. a person in the lead-in (the sentence before the opening mark) with a speech verb or
     a colon ("As President X emphasized: “...”", "X said: ...", "According to X, ...",
     "the agency quoted X as saying ...");
  2. a person in the attribution after the closing mark ("“...,” X stated.", "“...” said X");
     a new sentence that leads into the next quotation ("“...” Y was guarded, saying: “...”")
     is that quotation's lead-in, not this one's attribution;
  3. for a quotation opening a paragraph, a person in the previous paragraph's last
     sentence when it ends with a colon ("X noted:\n\n“...”");
  4. for he/she in those places, the latest person before who was a subject, a speaker or
     whose view a sentence gives ("According to X, ...", "For X, a specialist at ..., ...");
     a he/she subject of the speech verb wins over a person who is not its subject
     ("“...,” he told X", "he said after meeting X"). People the text marks as the other
     gender are skipped: by a title or apposition ("Ms", "Mr", "spokeswoman"), a his/her in
     their own clause, or an earlier he/she resolved to them (no lists of first names);
  5. the speaker of the quotation just before in the same stretch of speech (a second
     quotation in the paragraph, a quotation carried over to the next paragraph);
  6. for a quotation that is a sentence of its own with no attribution, the person subject of
     the sentence before in the paragraph ("X was keen to show momentum. “...”"), else the
     person subject of a speech verb in the sentence after ("“...” X added that ...");
  7. else None.
When no person speaks in the attribution but a body does ("the French foreign ministry said",
"the ministry added", "according to the foreign ministry"), the speaker is the body's name: its
noun phrase without the article, or for a bare "the ministry" the nearest fuller one before; a
person's office or staff ("his office", "X's spokesman") is nobody.
The person spoken to ("told X", "assured X") is never the speaker. People named by office
alone ("the minister told reporters", "the crown prince") are the nearest person named before
whose role or title matches. Word lists are in patterns/quotes.json.
Names are the longest form of the person in the article ("Tokayev" -> "Kassym-Jomart Tokayev").
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from spacy.language import Language
from spacy.tokens import Doc, Token

from dyad.nlp.components.entities import _ents
from dyad.nlp.components.util import Intervals, patterns, source, text_of
from dyad.nlp.gazetteer import gazetteer

CURLY_OPEN = "\u201c\u201e"
CURLY_CLOSE = "\u201d"
GUILLEMET_OPEN = "\u00ab"
GUILLEMET_CLOSE = "\u00bb"
SINGLE_OPEN = "'\u2018"
SINGLE_CLOSE = "'\u2019"
ELLIPSIS_EDGES = " \t\n.\u2026"
SENT_END = re.compile(r"[.!?](?=[\s\u201d\"\u00bb]|$)|\n")
NON_SPACE = re.compile(r"\S")
# "said the Kazakh Head of State": an office of one country standing for its holder
DESCRIBED_LEADER_RE = re.compile(r"\b[Tt]he\s+(?P<adj>[A-Z][\w\-]+)\s+(?P<office>[Hh]ead of [Ss]tate|[Pp]resident|"
                                 r"[Pp]rime [Mm]inister|[Ll]eader|King|Emir)\b")
WORD = re.compile(r"[^\W_][\w'\u2019\-]*")
SUBJECT_DEPS = ("nsubj", "nsubjpass")
# Lower-case words that may sit inside a Title Case name ("Treaty on Strategic Partnership").
NAME_GLUE = {"of", "on", "and", "the", "for", "in", "to", "a", "an", "at", "by", "with", "de", "from", "&"}


# The attribution that interrupts one quoted sentence: ", he said, " / " Ruto added, ".
INTERRUPTION = re.compile(r"\s*,?\s*(?:[\w.'\u2019\-]+\s+){1,4}(?:said|says|added|adds|noted|notes|continued|stressed|"
                          r"told\s+[\w\s]{1,30}?)\s*,\s*")


# Bounds that keep the work per quotation independent of the paragraph's length: a lead-in
# (the sentence before the opening mark) is at most LEAD_CHARS long, a naming cue is looked for
# in the last CUE_CHARS before the mark. Real lead-ins are far shorter.
LEAD_CHARS = 1000
CUE_CHARS = 200

APPOSED_SPEAKER = re.compile(r"\s*[,.]?\s*(?:[\w'\u2019\-]+\s+){1,6}?(?:[\w\-]+),\s+(?P<name>[A-Z][\w.'\u2019\-]*"
                             r"(?:\s+[A-Z][\w.'\u2019\-]*){1,3}),\s+(?:said|says|added|adds|told|noted|stressed)\b")


@dataclass
class Quote:
    open: int  # offset of the opening mark
    close: int  # offset after the closing mark (the paragraph end when it is missing)
    start: int  # first quoted character kept
    end: int  # after the last quoted character kept
    closed: bool
    speech: bool = True
    speaker: str | None = None
    cont: Quote | None = None  # the next paragraph's quotation that carries this unclosed one on
    carried: bool = False  # this quotation carries the previous paragraph's unclosed one on


# ---------------------------------------------------------------------------- finding marks
def find_quotes(text: str) -> list[Quote]:
    """Pairs of quotation marks, one Quote per pair, scanned paragraph by paragraph."""
    out: list[Quote] = []
    pos = 0
    for para in text.split("\n"):
        _scan_paragraph(text, pos, pos + len(para), out)
        pos += len(para) + 1
    _link_paragraphs(text, out)
    return out


def _link_paragraphs(text: str, quotes: list[Quote]) -> None:
    """A quotation running over paragraphs: the first paragraph ends with no closing mark and
    the next one opens with a (double) opening mark, the newsroom convention for carrying
    one speaker's words on. The two are one quotation."""
    for a, b in zip(quotes, quotes[1:], strict=False):
        if a.closed or a.carried or text[a.open] in SINGLE_OPEN or text[b.open] in SINGLE_OPEN:
            continue
        gap = text[a.close:b.open]
        if "\n" in gap and not gap.strip():
            a.cont, b.carried = b, True


def _scan_paragraph(text: str, start: int, end: int, out: list[Quote]) -> None:
    opener: str | None = None
    o = -1
    i = start
    while i < end:
        ch = text[i]
        if opener is None:
            if ch in CURLY_OPEN or ch == GUILLEMET_OPEN or ch == '"':
                opener, o = ch, i
            elif ch == CURLY_CLOSE and _looks_like_opener(text, i, end):
                opener, o = CURLY_OPEN[0], i  # sloppy copy: ” used as the opening mark
            elif ch in SINGLE_OPEN and _single_opens(text, i, start, end):
                opener, o = ch, i
        elif opener in SINGLE_OPEN:
            # single marks double as apostrophes: only a mark after a word and before a
            # non-letter closes, and a quotation never closed is dropped (it was an apostrophe)
            if ch in SINGLE_CLOSE and _single_closes(text, i, end):
                _add(text, out, o, i, i + 1, True)
                opener = None
        else:
            closes = (
                (opener in CURLY_OPEN and ch in (CURLY_CLOSE, '"'))
                or (opener == GUILLEMET_OPEN and ch == GUILLEMET_CLOSE)
                or (opener == '"' and ch in ('"', CURLY_CLOSE))
            )
            if closes:
                _add(text, out, o, i, i + 1, True)
                opener = None
            elif opener in CURLY_OPEN and ch in CURLY_OPEN:
                # A new opening mark inside an open curly quote: the first one was never closed.
                _add(text, out, o, i, i, False)
                opener, o = ch, i
        i += 1
    if opener is not None and opener not in SINGLE_OPEN:
        _add(text, out, o, end, end, False)


def _single_opens(text: str, i: int, start: int, end: int) -> bool:
    """A ' or ‘ opening a quotation: at a paragraph start or after a space, dash, colon or
    bracket, before a letter ("'We", not "Ukraine's" or "'90s")."""
    before = text[i - 1] if i > start else " "
    after = text[i + 1] if i + 1 < end else " "
    return (before.isspace() or before in "(:[\u2014\u2013") and after.isalpha()


def _single_closes(text: str, i: int, end: int) -> bool:
    """A ' or ’ closing a quotation: after a word or punctuation, before a space, punctuation
    or the paragraph end. A mark that may be a plural possessive ("our countries' ties") closes
    only when no other closing mark follows in the paragraph."""
    before = text[i - 1]
    after = text[i + 1] if i + 1 < end else " "
    if before.isspace() or after.isalnum():
        return False
    if before in "sS" and after == " " and text[i + 2:i + 3].islower():
        return not any(text[k] in SINGLE_CLOSE and _single_closes(text, k, end) for k in range(i + 1, end))
    return True


def _looks_like_opener(text: str, i: int, end: int) -> bool:
    before = text[i - 1] if i > 0 else "\n"
    after = text[i + 1] if i + 1 < end else " "
    return (before.isspace() or before in ":(") and not after.isspace()


def _add(text: str, out: list[Quote], o: int, inner_end: int, close: int, closed: bool) -> None:
    s, e = o + 1, inner_end
    while s < e and text[s] in ELLIPSIS_EDGES:
        s += 1
    while e > s and text[e - 1] in ELLIPSIS_EDGES + ",;:":
        e -= 1
    # keep a closing full stop that belongs to the words ("... next year.")
    if e < inner_end and text[e] == "." and text[e:inner_end].strip() == "." and e > s:
        e += 1
    if e > s:
        out.append(Quote(o, close, s, e, closed))


# ---------------------------------------------------------------------------- the component
class QuoteExtractor:
    def __init__(self) -> None:
        data = patterns("quotes")
        self.verbs = {v.lower() for v in data["speech_verbs"]}
        phrases = sorted(data["speech_phrases"], key=len, reverse=True)
        self.phrases = re.compile(r"\b(?:" + "|".join(re.escape(p) for p in phrases) + r")\b")
        cues = sorted(data["name_cues"], key=len, reverse=True)
        self.name_cue = re.compile(r"\b(?:" + "|".join(re.escape(c) for c in cues) + r")\s*[,:]?\s*$", re.I)
        self.pronouns = {p.lower() for p in data["pronouns"]}
        self.addressee_verbs = {v.lower() for v in data.get("addressee_verbs", [])}
        self.source_verbs = {v.lower() for v in data.get("source_verbs", [])}
        self.role_nouns = {v.lower() for v in data.get("role_nouns", [])}
        self.viewpoint_preps = {v.lower() for v in data.get("viewpoint_preps", [])}
        self.viewpoint_nouns = {v.lower() for v in data.get("viewpoint_nouns", [])}
        self.gender_cues = {p.lower(): {w.lower() for w in words} for p, words in data.get("gender_cues", {}).items()}
        self.institution_nouns = {v.lower() for v in data.get("institution_nouns", [])}
        self.report_source_re = re.compile(
            r"(?:,\s+|\baccording\s+to\s+)(?:the\s+)?(?P<src>(?:[A-Z][\w\-]+\s+)?(?i:" + "|".join(
                re.escape(v) for v in data.get("report_sources", [])) + r")(?:\s+of\s+[^,.;\n]{3,60}?)?)"
            r"(?:\s+(?:said|says|reported|reports|announced|informs|informed)\b|\s*[.,]\s)")
        self.min_words = int(data.get("min_words", 4))
        self.min_words_without_verb = int(data.get("min_words_without_verb", 6))

    def __call__(self, doc: Doc) -> Doc:
        facts = doc._.facts if doc._.facts is not None else []
        text = text_of(doc)
        quotes = find_quotes(text)
        if not quotes:
            doc._.facts = facts
            return doc
        ctx = _Context(doc, quotes, self.role_nouns, self)
        for q in quotes:
            q.speech = self.is_speech(ctx, q)
        for q in quotes:
            if q.cont is not None and q.speech:
                q.cont.speech = False  # taken in with the paragraph before
        prev: Quote | None = None
        for q in quotes:
            if not q.speech:
                continue
            q.speaker = self.speaker(ctx, q, prev)
            if q.cont is not None:
                # one quotation over two paragraphs: its attribution usually follows its last part
                nxt = q.cont
                said = self.speaker(ctx, nxt, q)
                if said and (q.speaker is None or said != self.report_source(ctx)):
                    q.speaker = said
                nxt.speaker = q.speaker
                prev = nxt
                facts.append({"kind": "quote", "speaker": q.speaker,
                              "text": text[q.start:q.end] + " " + text[nxt.start:nxt.end],
                              "date": doc._.dct or None,
                              "sources": [source(q.start, q.end), source(nxt.start, nxt.end)]})
                continue
            last = facts[-1] if facts and facts[-1].get("kind") == "quote" and prev is not None else None
            if last is not None and prev is not None and q.speaker == last["speaker"] and \
                    text[q.start:q.start + 1].islower() and INTERRUPTION.fullmatch(text[prev.close:q.open]):
                # "A declaration is not a strategy," he said, "and the plan will only matter if ...": one
                # sentence of speech, interrupted by its attribution
                last["text"] = last["text"].rstrip(" ,") + ", " + text[q.start:q.end]
                last["sources"].append(source(q.start, q.end))
                prev = q
                continue
            prev = q
            facts.append({"kind": "quote", "speaker": q.speaker, "text": text[q.start:q.end],
                          "date": doc._.dct or None, "sources": [source(q.start, q.end)]})
        doc._.facts = facts
        return doc

    # ------------------------------------------------------------------ speech or name
    def is_speech(self, ctx: _Context, q: Quote) -> bool:
        inner = ctx.text[q.start:q.end]
        words = WORD.findall(inner)
        if len(words) < self.min_words:
            return False
        lead = ctx.text[max(ctx.para_start(q.open), q.open - CUE_CHARS):q.open]
        if self.name_cue.search(lead):
            return False
        content = [w for w in words if w.lower() not in NAME_GLUE]
        title_case = content and all(w[0].isupper() or w[0].isdigit() for w in content)
        if title_case and not re.search(r"[.!?]$", inner):
            return False  # Title Case: a name, a title, an event
        if len(words) < self.min_words_without_verb and not any(
                t.pos_ in ("VERB", "AUX") for t in ctx.tokens(q.start, q.end)):
            return False
        return True

    # ------------------------------------------------------------------ attribution
    def speaker(self, ctx: _Context, q: Quote, prev: Quote | None) -> str | None:
        pronoun_at: int | None = None  # where a he/she subject was found, to resolve from there
        pronoun: str | None = None  # which one ("he", "she"), to match a person of that gender
        # 1. the lead-in: same sentence, before the opening mark
        lead_start = ctx.lead_start(q.open)
        found = self.attributed(ctx, lead_start, q.open, need_cue=True)
        if found and found[0] == "name":
            return found[1]
        if found:
            pronoun_at, pronoun = q.open, found[1]
        # 2. the attribution after the closing mark
        tail_end = self.tail_end(ctx, q)
        found2 = None
        if tail_end is not None:
            appos = APPOSED_SPEAKER.match(ctx.text[q.close:tail_end])
            if appos:
                # "“...,” Nigeria's foreign minister, Ibrahim Danjuma Lawal, said": the name in apposition
                named = [p for p in ctx.doc._.persons or [] if p["name"] == appos.group("name")
                         or appos.group("name") in (p.get("aliases") or [])]
                if named:
                    return named[0]["name"]
            found2 = self.attributed(ctx, q.close, tail_end, need_cue=False, head=True)
            if found2 and found2[0] == "name":
                return found2[1]
            if found2 and pronoun_at is None:
                pronoun_at, pronoun = q.open, found2[1]
        # 3. a paragraph-opening quote after "X noted:"
        if ctx.opens_paragraph(q.open):
            prev_end = ctx.prev_paragraph_end(q.open)
            stripped = _rstripped_end(ctx.text, prev_end) if prev_end is not None else 0
            if prev_end is not None and ctx.text[stripped - 1:stripped] == ":":
                ps = ctx.lead_start(stripped - 1)
                found3 = self.attributed(ctx, ps, prev_end, need_cue=False)
                if found3 and found3[0] == "name":
                    return found3[1]
                if found3 and pronoun_at is None:
                    pronoun_at, pronoun = ps, found3[1]
        # 4. he / she
        if pronoun_at is not None:
            name = ctx.antecedent(pronoun_at, pronoun)
            if name:
                ctx.note_gender(name, pronoun)
                return name
        # 5. the same stretch of speech as the quotation before
        if prev is not None and prev.speaker and self.continues(ctx, prev, q, lead_start):
            return prev.speaker
        # 6. a quotation standing as its own sentence: the person the sentence before is about
        #    ("X was keen to show momentum. “...”"), else who speaks in the sentence after
        #    ("“...” X added that ...")
        if not ctx.text[lead_start:q.open].strip() and (tail_end is None or not self.tail_cue(ctx, q.close, tail_end)):
            name = self.previous_subject(ctx, lead_start)
            if name:
                return name
            name = self.next_speaker(ctx, q)
            if name:
                return name
        # 7. the source the report names in its lead ("..., the press service of the President said")
        return self.report_source(ctx)

    def report_source(self, ctx: _Context) -> str | None:
        if "dyad_report_source" not in ctx.doc.user_data:
            lead = ctx.text[:ctx.text.find("\n") if "\n" in ctx.text[:600] else 600]
            m = self.report_source_re.search(lead)
            ctx.doc.user_data["dyad_report_source"] = m.group("src") if m else None
        return ctx.doc.user_data["dyad_report_source"]

    def tail_cue(self, ctx: _Context, start: int, end: int) -> bool:
        """The attribution after a quotation has a speech verb or phrase, whoever its subject
        ("“...,” a spokesman said"): the speaker is then not someone from another sentence."""
        toks = [t for t in ctx.tokens(start, end) if not ctx.quoted(t.idx)]
        if any(self.is_speech_verb(t) and self.heads_tail(t, toks[0].i) for t in toks):
            return True
        phrase = self.phrases.search(ctx.masked(start, end).lower())
        return bool(phrase and phrase.start() < 40)

    @staticmethod
    def heads_tail(verb: Token, first: int) -> bool:
        """The speech verb opens the attribution after a quotation: within its first words, or
        its subject is (a name with a long apposition: "“...,” X, a senior adviser at ..., told Y")."""
        return verb.i - first <= 8 or any(c.dep_ in SUBJECT_DEPS and c.i - first <= 4 for c in verb.children)

    def previous_subject(self, ctx: _Context, lead_start: int) -> str | None:
        """The person (or he/she, resolved) who is the subject of the main clause of the
        sentence before lead_start in the same paragraph, when that sentence holds no quotation."""
        ps = ctx.para_start(lead_start)
        before = ctx.text[ps:lead_start].rstrip()
        if not before and ctx.opens_paragraph(lead_start):
            # a quotation opening its paragraph: the last sentence of the paragraph before ("He said
            # the trade grew. || “Despite the pandemic ...”")
            prev_end = ctx.prev_paragraph_end(lead_start)
            if prev_end is not None:
                ps = ctx.para_start(max(prev_end - 1, 0))
                before = ctx.text[ps:prev_end].rstrip()
                lead_start = ps + len(before)
        if not before or before[-1] not in ".!?":
            return None
        tok = ctx.token_at(ps + len(before) - 1)
        if tok is None:
            return None
        s0 = max(ps, tok.sent.start_char)
        if ctx.quotes_opening(s0, lead_start):
            return None
        people = ctx.mentions_in(s0, lead_start)
        for m in people:
            root = ctx.root(m)
            if root is not None and ((root.dep_ in SUBJECT_DEPS and root.head.dep_ == "ROOT") or ctx.viewpoint(root)):
                return ctx.canonical(m)
        for t in ctx.tokens(s0, lead_start):
            if t.lower_ in self.pronouns and t.dep_ in SUBJECT_DEPS and t.head.dep_ == "ROOT":
                return ctx.antecedent(t.idx, t.lower_)
        return None

    def next_speaker(self, ctx: _Context, q: Quote) -> str | None:
        """The person who is the subject of a speech verb in the sentence right after a
        quotation that ends its own sentence, on the same line."""
        if not q.closed or not re.search(r"[.!?]$", ctx.text[q.start:q.end]):
            return None
        text = ctx.text
        line_end = ctx.line_end(q.close)
        m = SENT_END.search(text, q.close, line_end)
        end = m.end() if m else line_end
        end = ctx.next_open(q.close, end)
        verbs = [t for t in ctx.tokens(q.close, end) if self.is_speech_verb(t)]
        for p in ctx.mentions_in(q.close, end):
            root = ctx.root(p)
            if root is not None and root.dep_ in SUBJECT_DEPS and root.head in verbs:
                return ctx.canonical(p)
        return None

    def attributed(self, ctx: _Context, start: int, end: int, need_cue: bool,
                   head: bool = False) -> tuple[str, str] | None:
        """("name", canonical) for a person who says something in [start, end), ("pronoun", "")
        for a he/she subject, None when the stretch attributes nothing."""
        if end <= start:
            return None
        toks = [t for t in ctx.tokens(start, end) if not ctx.quoted(t.idx)]
        if not toks:
            return None
        span_text = ctx.masked(start, end)
        verbs = [t for t in toks if self.is_speech_verb(t)]
        phrase = self.phrases.search(span_text.lower())
        colon = span_text.rstrip().endswith(":")
        if head:
            # after the quotation the attribution comes first: "“...,” X said", "“...” said X"
            verbs = [t for t in verbs if self.heads_tail(t, toks[0].i)]
            if not verbs and not (phrase and phrase.start() < 40):
                return None
        elif need_cue and not (verbs or phrase or colon):
            return None
        people = [m for m in ctx.mentions_in(start, end) if not ctx.quoted(m[0])]
        # the person spoken to is not the speaker ("he told X", "assured X that")
        people = [m for m in people if not self.addressee(ctx, m)]
        # nor whose spokesman or office speaks ("X's spokesman said")
        people = [m for m in people if not ((r := ctx.root(m)) is not None and r.dep_ == "poss"
                                            and r.head.dep_ in SUBJECT_DEPS and r.head.head in verbs)]
        if people:
            speaking = [m for m in people if (r := ctx.root(m)) is not None
                        and ((r.dep_ in SUBJECT_DEPS and r.head in verbs) or self.source_object(r))]
            pronoun = next((t.lower_ for t in toks if t.lower_ in self.pronouns and t.dep_ in SUBJECT_DEPS
                            and t.head in verbs), None)
            if pronoun and not speaking:
                return "pronoun", pronoun  # "“...,” he said after meeting X"
            body = None if speaking else self.institution(ctx, toks, verbs, phrase)
            if body:
                return "name", body  # "“...,” the ministry said after X met Y"
            return "name", self.pick(ctx, people, verbs, phrase, start)
        for t in toks:
            if t.lower_ in self.pronouns and (t.dep_ in SUBJECT_DEPS or not verbs or t.head in verbs
                                              or t.i - toks[0].i <= 2):
                return "pronoun", t.lower_
        body = self.institution(ctx, toks, verbs, phrase)
        if body:
            return "name", body
        if verbs or phrase:
            leader = self.described_leader(ctx, start, end)
            if leader:
                return "name", leader
        return None

    def described_leader(self, ctx: _Context, start: int, end: int) -> str | None:
        """"..., said the Kazakh Head of State": the one holder of that office at the report's date."""
        m = DESCRIBED_LEADER_RE.search(ctx.masked(start, end))
        if not m:
            return None
        gaz = gazetteer()
        hit = gaz.country_of(m.group("adj"))
        if not hit or hit[1] not in ("adjective", "name"):
            return None
        lead = gaz.office_holder(hit[0], m.group("office"), ctx.doc._.dct)
        if lead is None:
            return None
        named = [p["name"] for p in ctx.doc._.persons or [] if p.get("leader") == lead.name]
        return named[0] if named else lead.name

    def institution(self, ctx: _Context, toks: list[Token], verbs: list[Token], phrase) -> str | None:
        """A body that speaks when no person does: the subject of a speech verb ("the foreign
        ministry said") or the object of "according to", headed by an institution noun. Its name
        is the organisation it is part of, else the noun phrase without its article; a bare
        "the ministry" is the nearest fuller phrase with the same head before it, else nothing."""
        for t in toks:
            if t.tag_ in ("NNS", "NNPS") or not (t.lemma_.lower() in self.institution_nouns
                                                 or t.lower_ in self.institution_nouns):
                continue
            said = t.dep_ in SUBJECT_DEPS and t.head in verbs
            according = bool(phrase and "according" in phrase.group(0)) and t.dep_ == "pobj" \
                and t.head.lower_ == "to" and t.head.head.lower_ == "according"
            if said or according:
                name = ctx.body_name(t)
                if name:
                    ctx.bodies.add(name)
                return name
        return None

    def pick(self, ctx: _Context, people: list[tuple[int, int, str]], verbs: list[Token], phrase,
             start: int) -> str:
        # "“...,” the minister told Y, according to X": who spoke is the subject of the speech
        # verb; X only relays it
        if phrase and "according" in phrase.group(0) and verbs:
            for m in people:
                root = ctx.root(m)
                if root is not None and root.dep_ in SUBJECT_DEPS and root.head in verbs \
                        and m[0] < start + phrase.start():
                    return ctx.canonical(m)
        # "According to X": the person after the phrase
        if phrase and "according" in phrase.group(0):
            after = [m for m in people if m[0] >= start + phrase.end()]
            if after:
                return ctx.canonical(after[0])
        # "quoted X as saying": the object of the quoting verb
        for m in people:
            root = ctx.root(m)
            if root is not None and self.source_object(root):
                return ctx.canonical(m)
        # the subject of a speech verb, else any subject, else the first person
        for m in people:
            root = ctx.root(m)
            if root is not None and root.dep_ in SUBJECT_DEPS and (not verbs or root.head in verbs):
                return ctx.canonical(m)
        for m in people:
            root = ctx.root(m)
            if root is not None and root.dep_ in SUBJECT_DEPS:
                return ctx.canonical(m)
        # "“...” said X": the person right after the verb
        if verbs:
            after = [m for m in people if m[0] > verbs[0].idx]
            before = [m for m in people if m[0] < verbs[0].idx]
            if before:
                return ctx.canonical(before[-1])
            if after:
                return ctx.canonical(after[0])
        return ctx.canonical(people[0])

    def addressee(self, ctx: _Context, m: tuple[int, int, str]) -> bool:
        """The person is the one spoken to: object of "tell", "assure"..., or "said to X"."""
        r = ctx.root(m)
        if r is None:
            return False
        while r.dep_ == "conj" and r.head.i != r.i:
            r = r.head
        head = r.head
        if r.dep_ in ("dobj", "dative", "iobj") and (head.lemma_.lower() in self.addressee_verbs
                                                    or head.lower_ in self.addressee_verbs):
            return True
        return r.dep_ == "pobj" and head.lower_ == "to" and self.is_speech_verb(head.head)

    def source_object(self, r: Token) -> bool:
        return r.dep_ == "dobj" and (r.head.lemma_.lower() in self.source_verbs or r.head.lower_ in self.source_verbs)

    def is_speech_verb(self, t: Token) -> bool:
        if t.pos_ not in ("VERB", "AUX") and t.tag_ not in ("VBD", "VBZ", "VBP", "VBG", "VBN", "VB"):
            return False
        return t.lemma_.lower() in self.verbs or t.lower_ in self.verbs

    def tail_end(self, ctx: _Context, q: Quote) -> int | None:
        """End of the attribution after the closing mark: the end of its sentence. None when
        the quotation is not closed or nothing follows it on the line."""
        if not q.closed:
            return None
        text = ctx.text
        line_end = ctx.line_end(q.close)
        if q.close >= line_end or not NON_SPACE.search(text, q.close, line_end):
            return None
        m = SENT_END.search(text, q.close, line_end)
        end = m.end() if m else line_end
        end = ctx.next_open(q.close, end)
        inner_end = text[q.start:q.close].rstrip(" \u201d\"\u00bb'\u2019")
        if inner_end.endswith(".") and len(WORD.findall(text[q.close:end])) > 8:
            return None  # the quotation closed its sentence; what follows is new narrative
        led_in = bool(ctx.quotes_opening(end, end + 1))
        if inner_end[-1:] in (".", "!", "?") and led_in and not text[q.close:end].rstrip().endswith(","):
            return None  # a new sentence leading into the next quotation ("X was guarded, saying: “...”")
        return end

    def continues(self, ctx: _Context, prev: Quote, q: Quote, lead_start: int) -> bool:
        """q carries on prev's speech: nothing but attribution lies between them, no other
        person is named, and they share the paragraph (or prev ran on to it unclosed)."""
        text = ctx.text
        if any(not ctx.quoted(m[0]) and ctx.canonical(m) != prev.speaker
               for m in ctx.mentions_starting(prev.close, q.open)):
            return False
        if ctx.para_start(prev.open) == ctx.para_start(q.open):
            return lead_start >= prev.close or not text[lead_start:q.open].strip()
        if not ctx.opens_paragraph(q.open):
            return False
        prev_end = ctx.prev_paragraph_end(q.open)
        if not prev.closed:
            return prev_end == prev.close
        # A quotation that makes up the paragraph after one that quoted someone: the same speaker goes
        # on ("“...,” said X. || “There is more we can do.”"), the way newsrooms run a quote over paragraphs.
        return prev_end is not None and ctx.para_start(prev.open) == ctx.para_start(max(prev_end - 1, 0)) and \
            not text[prev.close:prev_end].count("\u201c") and not ctx.text[lead_start:q.open].strip()


# ---------------------------------------------------------------------------- doc helpers
class _Context:
    def __init__(self, doc: Doc, quotes: list[Quote], role_nouns: set[str] | frozenset[str] = frozenset(),
                 cues: QuoteExtractor | None = None) -> None:
        self.doc = doc
        self.text = text_of(doc)
        self.quotes = quotes
        self.spans = [(q.open, q.close) for q in quotes]  # sorted and disjoint, as scanned
        self.open_starts = [q.open for q in quotes]
        self.tok_starts = [t.idx for t in doc]
        self.newlines = [m.start() for m in re.finditer("\n", self.text)]
        self._indexed: dict[str, tuple[object, object]] = {}  # name -> (the list indexed, its index)
        persons = doc._.persons or []
        self.people = persons
        self.mentions: list[tuple[int, int, str]] = sorted(
            (s["start"], s["end"], p["name"]) for p in persons for s in p.get("sources") or [])
        self.mentions = sorted(self.mentions + self._name_mentions())
        self.mentions = sorted(self.mentions + self._surname_mentions())
        self._canon: dict[tuple[str, int], str] = {}
        if role_nouns:
            self.mentions = sorted(self.mentions + self._role_mentions(role_nouns))
        self.viewpoint_preps = cues.viewpoint_preps if cues else set()
        self.viewpoint_nouns = cues.viewpoint_nouns if cues else set()
        self.gender: dict[str, str] = self._genders(cues.gender_cues) if cues else {}
        self.bodies: set[str] = set()  # speakers that are institutions, never a he/she

    # gender and viewpoint, for he / she
    def _genders(self, cues: dict[str, set[str]]) -> dict[str, str]:
        """'he' or 'she' for people the text itself marks: a title or apposition word ("Ms",
        "Mr", "the spokeswoman", "Queen") or a his/her in the clause the person is the subject of
        with no other person named in between ("X spoke with her counterpart"). A person marked
        both ways is left unknown."""
        votes: dict[str, set[str]] = {}
        for m in self.mentions:
            if self.quoted(m[0]):
                continue
            name = self.canonical(m)
            said = set(re.findall(r"[a-z]+", _norm(self.text[m[0]:m[1]] + " " + self._title_context(m))))
            for pronoun, words in cues.items():
                if said & words:
                    votes.setdefault(name, set()).add(pronoun)
            r = self.root(m)
            if r is None or r.dep_ != "nsubj":
                continue
            for t in r.head.subtree:
                if t.i > r.i and t.dep_ == "poss" and t.lower_ in ("his", "her") and not self.quoted(t.idx) \
                        and not self.mentions_starting(m[1], t.idx):
                    votes.setdefault(name, set()).add("he" if t.lower_ == "his" else "she")
                    break
        return {n: next(iter(v)) for n, v in votes.items() if len(v) == 1}

    def note_gender(self, name: str, pronoun: str | None) -> None:
        """A person a he/she was resolved to is that gender for later pronouns."""
        if pronoun in ("he", "she"):
            self.gender.setdefault(name, pronoun)

    def fits(self, name: str, pronoun: str | None) -> bool:
        return pronoun not in ("he", "she") or self.gender.get(name, pronoun) == pronoun

    def viewpoint(self, r: Token) -> bool:
        """The person whose view a sentence gives without being its subject: "According to X,
        ...", "For X, ..." fronting the main clause, "in the view of X"."""
        if r.dep_ != "pobj":
            return False
        prep = r.head
        if prep.lower_ == "to" and prep.head.lower_ == "according":
            return True
        if prep.lower_ in self.viewpoint_preps and prep.head.i == prep.sent.root.i and prep.i < prep.head.i:
            return True
        return prep.lower_ == "of" and prep.head.lower_ in self.viewpoint_nouns

    # bodies that speak
    def body_name(self, t: Token) -> str | None:
        """The name of the body headed by t: the noun phrase without its article ("French foreign
        ministry", "Ministry of Foreign Affairs of Kazakhstan"), else a named organisation covering
        it, else, for a bare "the ministry", the nearest fuller such phrase before."""
        phrase = self._body_phrase(t)
        if phrase:
            return phrase
        for f in self.doc._.facts or []:
            if f.get("kind") == "entity" and f.get("entity_type") == "organization":
                if any(s["start"] <= t.idx < s["end"] for s in f.get("sources") or []):
                    return f["name"]
        lemma = t.lemma_.lower()
        positions = self._lemma_positions().get(lemma, [])
        for k in reversed(positions[:bisect.bisect_left(positions, t.i)]):
            u = self.doc[k]
            if u.tag_ not in ("NNS", "NNPS") and not self.quoted(u.idx):
                phrase = self._body_phrase(u)
                if phrase:
                    return phrase
        return None

    def _body_phrase(self, t: Token) -> str | None:
        """t with its modifiers (compounds, adjectives, a possessor, an 'of' phrase naming
        something); None when t has none."""
        left = [c for c in t.lefts if c.dep_ in ("compound", "amod", "nmod", "poss")]
        if any(c.dep_ == "poss" and (c.pos_ == "PRON" or any(a <= c.idx < b for a, b, _ in self.mentions))
               for c in left):
            return None  # "his office", "X's office": a person's staff, like "X's spokesman"
        right = [c for c in t.rights if c.dep_ == "prep" and c.lower_ == "of"
                 and any(o.dep_ == "pobj" and o.pos_ == "PROPN" for o in c.children)]
        if not left and not right:
            return t.text if t.pos_ == "PROPN" and t.text[:1].isupper() else None  # "the Kremlin"
        a = min(x.i for c in left for x in c.subtree) if left else t.i
        b = max(x.i for c in right for x in c.subtree) + 1 if right else t.i + 1
        span = self.doc[a:b]
        if any(x.is_punct and x.text not in ("'", "’", "-") for x in span) or self.quoted(span.start_char):
            return None
        return span.text

    def _role_mentions(self, role_nouns: set[str] | frozenset[str]) -> list[tuple[int, int, str]]:
        """People named by office alone ("the minister", "the crown prince", "Poland's foreign
        minister"): the nearest person named before whose role or title matches the noun, its
        title words ("foreign", "crown") and its country."""
        doc, gaz = self.doc, gazetteer()
        titles = {w.lower() for w in _title_words()}
        starts = {m[0] for m in self.mentions}
        named = Intervals((m[0], m[1]) for m in self.mentions)
        out: list[tuple[int, int, str]] = []
        phrases = _role_phrases()
        phrase_heads = {k.split()[0] for k in phrases}
        for t in doc:
            if (t.lower_ not in role_nouns and t.lower_ not in phrase_heads) or t.tag_ in ("NNS", "NNPS") \
                    or self.quoted(t.idx):
                continue
            if named.overlaps(t.idx, t.idx + 1):
                continue
            # "the head of state": an office named by a phrase, held by a president, king, emir ...
            alternatives = None
            if t.lower_ not in role_nouns:
                of = [o for prep in t.rights if prep.dep_ == "prep" and prep.lower_ == "of"
                      for o in prep.children if o.dep_ == "pobj"]
                alternatives = phrases.get(f"{t.lower_} of {of[0].lower_}") if of else None
                if not alternatives:
                    continue
            # a title naming the person who follows ("the minister, Jan Kowalski,") is not a mention
            k = t.i + 1
            while k < len(doc) and k <= t.i + 2 and (doc[k].is_space or doc[k].text == ","):
                k += 1
            if k < len(doc) and doc[k].idx in starts:
                continue
            left = list(t.lefts)
            det = any(c.dep_ == "det" and c.lower_ in ("the", "this") for c in left)
            country = None
            words = []
            for c in left:
                found = gaz.country_of(c.text)
                code = found[0] if found else None
                if c.dep_ == "poss" and code:
                    det, country = True, code
                elif c.dep_ in ("compound", "amod", "nmod"):
                    if code:
                        country = code
                    elif c.lower_ in titles:
                        words.append(c.lower_)
            for prep in t.rights:
                if prep.dep_ == "prep" and prep.lower_ == "of":
                    for obj in prep.children:
                        found = gaz.country_of(obj.text) if obj.dep_ == "pobj" else None
                        country = found[0] if found else country
            if not det:
                continue
            start = min([t.idx] + [c.idx for c in left])
            end = t.right_edge.idx + len(t.right_edge) if alternatives else t.idx + len(t)
            name = self._person_with_role(alternatives or [[t.lower_, *words]], country, start)
            if name:
                out.append((start, end, name))
        return out

    def _person_with_role(self, alternatives: list[list[str]], country: str | None, at: int) -> str | None:
        """The person an office names: the nearest earlier one whose role or title has every word of
        one alternative. A bare office ("the Prime Minister said") with two holders named before goes
        to the one never named with a country ("Prime Minister X met Y, Prime Minister of Japan"):
        a readout calls its own leader by title alone."""
        found: list[str] = []
        for m in reversed(self.mentions_starting(0, at)):
            if m[1] > at or self.quoted(m[0]):
                continue
            name = self.canonical(m)
            if name in found:
                continue
            records = self._records_by_name().get(name, [])
            described = " ".join([(p.get("role") or "") for p in records] + [self._title_context(m)]).lower()
            said = set(re.findall(r"[a-z\-]+", described))
            if not any(all(w in said for w in alt) for alt in alternatives):
                continue
            known = {p.get("country") for p in records if p.get("country")}
            if country and known and country not in known:
                continue
            if country:
                return name
            found.append(name)
        if len(found) >= 2:
            unmarked = [n for n in found if not self._named_with_country(n)]
            if len(unmarked) == 1:
                return unmarked[0]
        return found[0] if found else None

    def _named_with_country(self, name: str) -> bool:
        """Is ``name`` ever given a country in its title or apposition ("Japanese Prime Minister X",
        "X, Prime Minister of Japan")?"""
        gaz = gazetteer()
        for m in self.mentions:
            if m[2] == name or self.canonical(m) == name:
                if any(gaz.country_of(w) for w in re.findall(r"[A-Z][\w\-]+", self._title_context(m))):
                    return True
        return False

    def _title_context(self, m: tuple[int, int, str]) -> str:
        """The words before a name mention that describe it ("Saudi Crown Prince ...") and its
        apposition (", the foreign minister,")."""
        toks = self.tokens(m[0], m[1])
        if not toks:
            return ""
        words = []
        k = toks[0].i - 1
        while k >= 0 and len(words) < 5:
            w = self.doc[k]
            if w.is_punct or w.is_space or w.pos_ in ("VERB", "AUX", "ADP", "CCONJ", "SCONJ", "PRON"):
                break
            words.append(w.text)
            k -= 1
        root = self.root(m)
        if root is not None:
            words += [x.text for c in root.children if c.dep_ == "appos" for x in c.subtree]
        return " ".join(words)

    def _name_mentions(self) -> list[tuple[int, int, str]]:
        """People the entity tagger missed (the small model often skips a name opening a
        sentence): runs of capitalised proper nouns, titles dropped, that are a known leader,
        or a name of two or more words acting as a subject outside any named organisation
        or place."""
        doc, gaz = self.doc, gazetteer()
        taken = [(m[0], m[1]) for m in self.mentions]
        taken += [(c["start"], c["end"]) for c in self.doc._.countries or []]
        other = Intervals((e.start_char, e.end_char) for e in _ents(doc)
                           if e.label_ in ("ORG", "GPE", "LOC", "FAC", "NORP"))
        taken_cover = Intervals(taken)
        titles = _title_words()
        out: list[tuple[int, int, str]] = []
        i = 0
        while i < len(doc):
            if not _name_token(doc[i]):
                i += 1
                continue
            j = i
            while j < len(doc) and _name_token(doc[j]) and j - i < 5:
                j += 1
            k = i
            while k < j and (doc[k].text in titles or gaz.country_of(doc[k].text)):
                k += 1
            if k < j:
                span = doc[k:j]
                a, b = span.start_char, span.end_char
                free = not self.quoted(a) and not taken_cover.overlaps(a, b)
                if free:
                    leader = gaz.leader(span.text, doc._.dct)
                    subject = any(t.dep_ in SUBJECT_DEPS for t in span)
                    if leader:
                        out.append((a, b, leader.name))
                    elif subject and len(span) >= 2 and not other.overlaps(a, b) \
                            and not gaz.country_of(span.text) and not gaz.organization(span.text):
                        out.append((a, b, span.text))
            i = j
        if out:
            names: dict[str, dict] = {}
            for a, b, n in out:
                entry = names.setdefault(n, {"name": n, "aliases": [n], "sources": []})
                entry["sources"].append(source(a, b))
            self.people = list(self.people) + list(names.values())
        return out

    def _surname_mentions(self) -> list[tuple[int, int, str]]:
        """Bare surnames of people named in full elsewhere that the entity tagger left out
        ("Modi told ..." when "Narendra Modi" is a person of the article)."""
        surnames = {p["name"].split()[-1] for p in self.people
                    if len(p["name"].split()) > 1 and p["name"].split()[-1][:1].isupper()}
        surnames = {s for s in surnames if len(s) > 2}
        if not surnames:
            return []
        taken = Intervals((m[0], m[1]) for m in self.mentions)
        out = []
        rx = re.compile(r"(?<![\w\-])(?:" + "|".join(re.escape(s) for s in sorted(surnames)) + r")(?![\w\-])")
        for m in rx.finditer(self.text):
            if not taken.overlaps(m.start(), m.end()):
                out.append((m.start(), m.end(), m.group(0)))
        return out

    # positions
    def quoted(self, char: int) -> bool:
        k = bisect.bisect_right(self.open_starts, char) - 1
        return k >= 0 and self.spans[k][0] < char < self.spans[k][1]

    def tokens(self, start: int, end: int) -> list[Token]:
        a = bisect.bisect_left(self.tok_starts, start)
        b = bisect.bisect_left(self.tok_starts, end)
        return [t for t in self.doc[a:b] if not t.is_space]

    def token_at(self, char: int) -> Token | None:
        k = bisect.bisect_right(self.tok_starts, char) - 1
        return self.doc[k] if k >= 0 else None

    def root(self, m: tuple[int, int, str]) -> Token | None:
        toks = self.tokens(m[0], m[1])
        if not toks:
            return None
        inside = {t.i for t in toks}
        for t in toks:
            if t.head.i not in inside or t.head.i == t.i:
                return t
        return toks[-1]

    def masked(self, start: int, end: int) -> str:
        """The text with quoted stretches blanked out, so words in quotes attribute nothing."""
        chars = list(self.text[start:end])
        k = max(0, bisect.bisect_right(self.open_starts, start) - 1)
        while k < len(self.spans) and self.spans[k][0] < end:
            a, b = self.spans[k]
            for i in range(max(a, start), min(b, end)):
                chars[i - start] = " "
            k += 1
        return "".join(chars)

    def para_start(self, char: int) -> int:
        k = bisect.bisect_left(self.newlines, char)
        return self.newlines[k - 1] + 1 if k else 0

    # indexes: what lies between two offsets, found without a scan of the document
    def _index(self, name: str, of: object, build) -> object:
        got = self._indexed.get(name)
        if got is None or got[0] is not of:
            got = self._indexed[name] = (of, build())
        return got[1]

    def mentions_starting(self, start: int, end: int) -> list[tuple[int, int, str]]:
        """Mentions (in order) that start in [start, end)."""
        starts = self._index("mentions", self.mentions, lambda: [m[0] for m in self.mentions])
        return self.mentions[bisect.bisect_left(starts, start):bisect.bisect_left(starts, end)]

    def mentions_in(self, start: int, end: int) -> list[tuple[int, int, str]]:
        """Mentions (in order) that lie within [start, end)."""
        return [m for m in self.mentions_starting(start, end) if m[1] <= end]

    def next_open(self, start: int, end: int) -> int:
        """The first opening mark in [start, end), else end."""
        k = bisect.bisect_left(self.open_starts, start)
        return self.open_starts[k] if k < len(self.open_starts) and self.open_starts[k] < end else end

    def line_end(self, char: int) -> int:
        """Offset of the first line break at or after char, else the text's length."""
        k = bisect.bisect_left(self.newlines, char)
        return self.newlines[k] if k < len(self.newlines) else len(self.text)

    def quotes_opening(self, start: int, end: int) -> list[Quote]:
        """Quotations whose opening mark is in [start, end)."""
        return self.quotes[bisect.bisect_left(self.open_starts, start):bisect.bisect_left(self.open_starts, end)]

    def _records_by_name(self) -> dict[str, list[dict]]:
        def build() -> dict[str, list[dict]]:
            out: dict[str, list[dict]] = {}
            for p in self.people:
                out.setdefault(p["name"], []).append(p)
            return out
        return self._index("records", self.people, build)

    def _lemma_positions(self) -> dict[str, list[int]]:
        def build() -> dict[str, list[int]]:
            out: dict[str, list[int]] = {}
            for u in self.doc:
                out.setdefault(u.lemma_.lower(), []).append(u.i)
            return out
        return self._index("lemmas", self.doc, build)

    def opens_paragraph(self, char: int) -> bool:
        return not self.text[self.para_start(char):char].strip()

    def prev_paragraph_end(self, char: int) -> int | None:
        """End of the last non-blank line before the paragraph of char."""
        k = self.para_start(char) - 1
        while k > 0 and self.text[k - 1].isspace():
            k -= 1
        return k if k > 0 else None

    def lead_start(self, char: int) -> int:
        """Start of the sentence holding the token at char (the opening mark), never before
        the paragraph start. Parser splits that do not follow a sentence end (a colon, a
        glued mark) are undone by stepping back to the previous sentence."""
        ps = self.para_start(char)
        tok = self.token_at(char)
        if char <= ps or tok is None:
            return ps
        floor = max(ps, char - LEAD_CHARS)
        text = self.text
        start = max(floor, tok.sent.start_char)
        while start > floor:
            k = _rstripped_end(text, start, ps)  # text[ps:start].rstrip() ends at k
            if k == ps:
                break
            if text[k - 1] in ".!?" or (text[k - 1] in "\u201d\"\u00bb" and k - 2 >= ps and text[k - 2] in ".!?"):
                break
            prev = self.token_at(k - 1)
            new = max(floor, prev.sent.start_char) if prev is not None else floor
            if new >= start:
                break
            start = new
        return start

    # names
    def canonical(self, m: tuple[int, int, str]) -> str:
        key = (m[2], m[0])
        if key not in self._canon:
            self._canon[key] = self._canonical(m[2], m[0])
        return self._canon[key]

    def _people_words(self) -> tuple[dict[str, int], list[list[set[str]]], dict[str, list[int]]]:
        """Counts of each name, each person's forms as word sets, and the people by word."""
        def build() -> tuple[dict[str, int], list[list[set[str]]], dict[str, list[int]]]:
            counts: dict[str, int] = {}
            forms: list[list[set[str]]] = []
            by_word: dict[str, list[int]] = {}
            for k, p in enumerate(self.people):
                counts[p["name"]] = counts.get(p["name"], 0) + 1
                forms.append([set(_norm(f).split()) for f in {p["name"], *(p.get("aliases") or [])}])
                for w in set().union(*forms[-1]):
                    by_word.setdefault(w, []).append(k)
            return counts, forms, by_word
        return self._index("people", self.people, build)

    def _canonical(self, name: str, at: int) -> str:
        want = set(_norm(name).split())
        best: tuple[int, int, int, str] | None = None
        counts, forms_of, by_word = self._people_words()
        # only people with one of the wanted words can have all of them
        candidates = min((by_word.get(w, []) for w in want), key=len) if want else range(len(self.people))
        for k in candidates:
            p = self.people[k]
            if not any(want <= f for f in forms_of[k]):
                continue
            starts = [s["start"] for s in p.get("sources") or []]
            last_before = max((s for s in starts if s <= at), default=-1)
            cand = (len(p["name"].split()), last_before, counts[p["name"]], p["name"])
            if best is None or cand[:3] > best[:3]:
                best = cand
        return best[3] if best else name

    def antecedent(self, char: int, pronoun: str | None = None) -> str | None:
        """The latest person before char who was a subject, a speaker or whose view a sentence
        gives ("According to X", "For X,"), searched sentence by sentence backwards (a few
        sentences at most), else the latest person mentioned. A person the text marks as the
        other gender is skipped ("she" is not a "Mr X", nor someone a "he" referred to)."""
        def earlier(m: tuple[int, int, str]) -> bool:
            return m[1] <= char and not self.quoted(m[0]) and self.fits(self.canonical(m), pronoun)

        tok = self.token_at(max(0, char - 1))
        sent = tok.sent if tok is not None else None
        seen = 0
        while sent is not None and seen < 4:
            s0, s1 = sent.start_char, min(sent.end_char, char)
            subj = [m for m in self.mentions_starting(s0, s1) if earlier(m) and (r := self.root(m)) is not None
                    and (r.dep_ in SUBJECT_DEPS or self.viewpoint(r))]
            spk = [(q.open, q.speaker) for q in self.quotes_opening(s0, s1) if q.speaker and q.close <= char
                   and q.speaker not in self.bodies and self.fits(q.speaker, pronoun)]
            if subj:
                return self.canonical(subj[-1])
            if spk:
                return spk[-1][1]
            if sent.start == 0:
                break
            sent = self.doc[sent.start - 1].sent
            seen += 1
        # else the latest person mentioned, when close: looked for backwards, never further than
        # any name could reach
        for m in reversed(self.mentions_starting(max(0, char - 600 - ANTECEDENT_REACH), char)):
            if earlier(m):
                return self.canonical(m) if char - m[1] < 600 else None
        return None


ANTECEDENT_REACH = 2000  # longer than any name mention


def _rstripped_end(text: str, end: int, floor: int = 0) -> int:
    """len(text[:end].rstrip()), looking no further back than floor."""
    while end > floor and text[end - 1].isspace():
        end -= 1
    return end


def _name_token(t: Token) -> bool:
    """A capitalised word that is a proper noun, or the tagger's noun/adjective guess for a
    foreign given name glued to one ("Sadyr Japarov")."""
    if not (t.text[:1].isupper() and t.text.replace("-", "").isalpha()) or t.is_stop:
        return False
    if t.pos_ == "PROPN":
        return True
    nxt = t.nbor(1) if t.i + 1 < len(t.doc) else None
    return t.pos_ in ("NOUN", "ADJ") and nxt is not None and nxt.pos_ == "PROPN" and nxt.text[:1].isupper() \
        and t.dep_ in ("compound", "amod", "nmod")


@lru_cache(maxsize=1)
@lru_cache(maxsize=1)
def _role_phrases() -> dict[str, list[list[str]]]:
    """Offices named by a phrase ("the head of state") and the role words of those who hold them."""
    return {k.lower(): v for k, v in patterns("quotes").get("role_phrases", {}).items()}


def _title_words() -> frozenset[str]:
    data = patterns("titles")
    words = {w for t in data["titles"] for w in t.split()} | set(data["honorifics"])
    return frozenset(words | {w + "s" for w in words})


def _norm(s: str) -> str:
    s = unicodedata.normalize("NFKD", s)
    s = "".join(ch for ch in s if not unicodedata.combining(ch))
    return s.lower().replace("\u2019", "'")


@lru_cache(maxsize=1)
def _extractor() -> QuoteExtractor:
    return QuoteExtractor()


@Language.component("dyad_quotes")
def extract_quotes(doc: Doc) -> Doc:
    return _extractor()(doc)
