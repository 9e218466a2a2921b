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

import re
from functools import lru_cache

from spacy.language import Language
from spacy.tokens import Doc, Token

from dyad.nlp.components.quote_context import SUBJECT_DEPS, QuoteContext, _rstripped_end
from dyad.nlp.components.quote_marks import Quote, find_quotes
from dyad.nlp.components.util import patterns, source, text_of
from dyad.nlp.gazetteer import gazetteer

SENT_END = re.compile(r"[.!?](?=[\s\u201d\"\u00bb]|$)|\n")
NON_SPACE = re.compile(r"\S")
# "said the Kazakh Head of State": an office of one country standing for its holder
DESCRIBED_LEADER_RE = re.compile(r"\b[Tt]he\s+(?P<adj>[A-Z][\w\-]+)\s+(?P<office>[Hh]ead of [Ss]tate|[Pp]resident|"
                                 r"[Pp]rime [Mm]inister|[Ll]eader|King|Emir)\b")
WORD = re.compile(r"[^\W_][\w'\u2019\-]*")
# Lower-case words that may sit inside a Title Case name ("Treaty on Strategic Partnership").
NAME_GLUE = {"of", "on", "and", "the", "for", "in", "to", "a", "an", "at", "by", "with", "de", "from", "&"}


# The attribution that interrupts one quoted sentence: ", he said, " / " Ruto added, ".
INTERRUPTION = re.compile(r"\s*,?\s*(?:[\w.'\u2019\-]+\s+){1,4}(?:said|says|added|adds|noted|notes|continued|stressed|"
                          r"told\s+[\w\s]{1,30}?)\s*,\s*")


# Bounds that keep the work per quotation independent of the paragraph's length: a lead-in
# (the sentence before the opening mark) is at most LEAD_CHARS long (quote_context), a naming cue
# is looked for in the last CUE_CHARS before the mark. Real lead-ins are far shorter.
CUE_CHARS = 200

APPOSED_SPEAKER = re.compile(r"\s*[,.]?\s*(?:[\w'\u2019\-]+\s+){1,6}?(?:[\w\-]+),\s+(?P<name>[A-Z][\w.'\u2019\-]*"
                             r"(?:\s+[A-Z][\w.'\u2019\-]*){1,3}),\s+(?:said|says|added|adds|told|noted|stressed)\b")




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
        ctx = QuoteContext(doc, quotes, self.role_nouns, self)
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
    def is_speech(self, ctx: QuoteContext, q: Quote) -> bool:
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
        if self.determined_term(ctx, q):
            return False
        return True

    @staticmethod
    def determined_term(ctx: QuoteContext, q: Quote) -> bool:
        """A quotation right after a determiner or possessive, with no finite verb in it ("unveiled a
        'joint vision for river transport in the Mekong'", "their 'strategic partnership of a new
        kind'"): a noun phrase in quotes names a document or a slogan, nobody says it."""
        k = q.open
        while k > 0 and ctx.text[k - 1] in " \t":
            k -= 1
        before = ctx.token_at(k - 1) if k > 0 else None
        if before is None or before.idx + len(before) != k or before.tag_ not in ("DT", "PRP$", "WP$"):
            return False
        return not any(t.tag_ in ("VBD", "VBZ", "VBP", "MD") for t in ctx.tokens(q.start, q.end))

    # ------------------------------------------------------------------ attribution
    def speaker(self, ctx: QuoteContext, q: Quote, prev: Quote | None) -> str | None:
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

    def report_source(self, ctx: QuoteContext) -> str | None:
        if "dyad_report_source" not in ctx.doc.user_data:
            lead = ctx.text[:ctx.text.find("\n") if "\n" in ctx.text[:600] else 600]
            m = self.report_source_re.search(lead)
            ctx.doc.user_data["dyad_report_source"] = m.group("src") if m else None
        return ctx.doc.user_data["dyad_report_source"]

    def tail_cue(self, ctx: QuoteContext, start: int, end: int) -> bool:
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

    def previous_subject(self, ctx: QuoteContext, lead_start: int) -> str | None:
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

    def next_speaker(self, ctx: QuoteContext, q: Quote) -> str | None:
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

    def attributed(self, ctx: QuoteContext, start: int, end: int, need_cue: bool,
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

    def described_leader(self, ctx: QuoteContext, start: int, end: int) -> str | None:
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

    def institution(self, ctx: QuoteContext, toks: list[Token], verbs: list[Token], phrase) -> str | None:
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

    def pick(self, ctx: QuoteContext, people: list[tuple[int, int, str]], verbs: list[Token], phrase,
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

    def addressee(self, ctx: QuoteContext, m: tuple[int, int, str]) -> bool:
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

    def tail_end(self, ctx: QuoteContext, q: Quote) -> int | None:
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

    def continues(self, ctx: QuoteContext, prev: Quote, q: Quote, lead_start: int) -> bool:
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



@lru_cache(maxsize=1)
def _extractor() -> QuoteExtractor:
    return QuoteExtractor()


@Language.component("dyad_quotes")
def extract_quotes(doc: Doc) -> Doc:
    return _extractor()(doc)
