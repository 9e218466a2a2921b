"""The document as quote attribution reads it: mentions of people (named, by surname, by office),
their canonical names, he/she antecedents, speaking bodies, and offsets indexed for bisection."""

from __future__ import annotations

import bisect
import re
import unicodedata
from functools import lru_cache
from typing import TYPE_CHECKING

from spacy.tokens import Doc, Token

from dyad.nlp.components.ner import ents as _ents
from dyad.nlp.components.quote_marks import Quote
from dyad.nlp.components.util import Intervals, patterns, source, text_of
from dyad.nlp.gazetteer import gazetteer

if TYPE_CHECKING:
    from dyad.nlp.components.quotes import QuoteExtractor

SUBJECT_DEPS = ("nsubj", "nsubjpass")
# A lead-in (the sentence before the opening mark) is at most LEAD_CHARS long.
LEAD_CHARS = 1000


# ---------------------------------------------------------------------------- doc helpers
class QuoteContext:
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
            if t.lower_ in HONORIFIC_OFFICES and any(c.lower_ in ("his", "her") for c in left):
                det = True  # "His Majesty affirmed": the one the article styles so
            elif t.text[:1].isupper() and t.dep_ in ("nsubj", "nsubjpass") and all(
                    c.text[:1].isupper() for c in left if c.dep_ in ("compound", "amod")):
                det = True  # "Prime Minister said:" (release style, no article): the office's holder
            if not det:
                continue
            start = min([t.idx] + [c.idx for c in left])
            end = t.right_edge.idx + len(t.right_edge) if alternatives else t.idx + len(t)
            name = self._person_with_role(alternatives or [[t.lower_, *words]], country, start, out)
            if name:
                out.append((start, end, name))
        return out

    def _person_with_role(self, alternatives: list[list[str]], country: str | None, at: int,
                          resolved: list[tuple[int, int, str]] | None = None) -> str | None:
        """The person an office names: the nearest earlier one whose role or title has every word of
        one alternative. A bare office ("the Prime Minister said") with two holders named before goes
        to the one never named with a country ("Prime Minister X met Y, Prime Minister of Japan"):
        a readout calls its own leader by title alone."""
        found: list[str] = []
        # offices named before and already resolved count as mentions of their holder ("the President
        # noted ... the head of state said": the same person, not a leader named in between)
        before = self.mentions_starting(0, at)
        if resolved:
            before = sorted(before + [r for r in resolved if r[1] <= at])
        for m in reversed(before):
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
            if country or (resolved and m in resolved and not found):
                return name  # the nearest bare office before is this one's holder too
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


# Styles that stand for a person ("His Majesty", "Her Highness"): who they are is who the article styled so.
HONORIFIC_OFFICES = {"majesty", "highness", "excellency"}


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
