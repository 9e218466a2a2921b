"""Entities: persons with their country and role, organisations, places and countries.

Persons come from spaCy's NER, kept only when the evidence says they are people
(a full name, a title, or a known leader), with the role read from the title before the
name ("Kazakh President X", "Kazakh Ambassador to Azerbaijan, X") or the apposition
after it ("X, Kazakhstan's Ambassador to Azerbaijan"; "X, the chief expert ... at ORG").
"""

from __future__ import annotations

import re

import spacy
from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from dyad.nlp.components.util import (
    ACRONYM_AFTER,
    Intervals,
    acronym_of,
    clean_name,
    dateline_place,
    dyad_of,
    in_quotes,
    patterns,
    span_source,
    text_of,
)
from dyad.nlp.gazetteer import Gazetteer, gazetteer
from dyad.text.names import plain

# Words that, right after a capitalised name, show it is part of a larger proper name
# ("Kurmangazy Children's Creativity Center") rather than a person.
NOT_PERSON_NEXT = re.compile(
    r"^(?:'s\s+)?(?:Children|Center|Centre|Corridor|Route|Institute|University|School|Foundation|Fund|"
    r"Airport|Station|Port|Palace|Square|Street|Avenue|Park|Stadium|Hall|Museum|Bridge|Plant|Project|Award|Prize)\b|"
    # "the Azad Pattan hydropower project", "the Al Boraq high-speed line": a name of a thing
    r"^(?:hydropower|hydroelectric|high-speed|power|project|plant|railway|line|dam|pipeline|corridor|port|"
    r"field|mine|refinery|terminal|bridge|airport|cable|deposit|highway|motorway|expressway|scheme|programme|"
    r"program|initiative|summit|forum|talks|agreement|treaty|declaration|accord|process|format|region|"
    r"province|river|sea|lake|basin)\b"
)
PORTFOLIO_BEFORE = re.compile(r"\b(?:Minister|Ministers|Secretary|Commissioner|Ministry)\s+(?:of|for)\s+(?:the\s+)?"
                              r"(?:[A-Z][\w\-]+,?\s+(?:(?:and|of|for|the|&)\s+)*)*$")


# Names ending like these are agreements or projects, handled by their own components.
NOT_ORG = re.compile(
    r"\b(?:Agreement|Treaty|Memorandum|Statement|Declaration|Decision|Charter|Protocol|Relations|Corridor|"
    r"Route|Railway|Pipeline|Cable|Highway|Days|Week|Year|Forum)s?$"
)
_ORG_FORMS = patterns("org_forms")
ORG_FORMS_SUFFIXES = set(_ORG_FORMS["corporate_suffixes"])
ORG_BODY_HEADS = set(_ORG_FORMS["body_heads"])
# "the joint commission of co-operation (JCC)": up to seven lower-case words, then an acronym.
LOWER_BODY_DEF = re.compile(r"(?P<name>\b[a-z][\w\-]*(?:\s+[a-z][\w\-]*){1,6})\s+\((?P<acr>[A-Z]{2,6})\)")
ORG_GLUE = {"of", "for", "and", "the", "on", "de", "in", "under", "to"}


class EntityExtractor:
    def __init__(self, nlp: Language | None = None) -> None:
        self.claimed: set[tuple[int, int]] = set()
        self.gaz: Gazetteer = gazetteer()
        # Full names of known leaders (two words or more: single surnames are too ambiguous here).
        self.leader_matcher = PhraseMatcher((nlp or spacy.blank("en")).vocab, attr="ORTH")
        # Full names, and single-word aliases the gazetteer keeps only when they are unambiguous.
        names = sorted({a for lead in self.gaz.leaders for a in {lead.name, *lead.aliases}
                        if len(a.split()) >= 2 or (len(a) > 3 and a[:1].isupper() and not a.isupper())})
        make = (nlp or spacy.blank("en")).make_doc
        self.leader_matcher.add("LEADER", [make(n) for n in names])
        data = patterns("titles")
        self.titles = sorted(data["titles"], key=len, reverse=True)
        self.honorifics = set(data["honorifics"])
        self.role_nouns = set(data["role_nouns"])
        self.outlet_words = set(data["outlet_words"])
        self.particles = set(data["name_particles"])
        self.portfolio_words = set(data["portfolio_words"])
        self.not_person_words = set(data.get("not_person_words", []))
        self.title_re = re.compile(r"\b(" + "|".join(re.escape(t) for t in self.titles) + r")s?\s*$")
        self.title_words = {w.lower() for t in self.titles for w in t.split()}
        self.titles_lower = {t.lower() for t in self.titles}
        self.title_tokens = [t.split() for t in self.titles]  # longest first
        # Titles by first word, so checking a token costs one dict lookup.
        self.titles_by_first: dict[str, list[list[str]]] = {}
        for t in self.title_tokens:
            self.titles_by_first.setdefault(t[0], []).append(t)
        heads = "|".join(re.escape(t) for t in sorted({t.split()[-1] for t in self.titles if " of " not in t},
                                                      key=len, reverse=True))
        self.long_title_re = re.compile(
            r"\b(?:" + heads + r")\s+(?:of|for)\s+(?:the\s+)?(?:[A-Z][\w\-]+,?\s+(?:(?:and|of|for|the)\s+)*){1,6}?"
            r"(?P<name>[A-Z][a-z]+(?:-[A-Z][a-z]+)?\s+[A-Z][a-z]+(?:-[A-Z][a-z]+)?(?:yev|ov|ova|shvili|dze|yan|"
            r"enko|uk|ski|sky|i|a|o|u|e|y|n|r|s|z|h|d|k|t|l|m|v|g|b|p|f)?)"
            r"(?=\s*(?:,|said|says|told|noted|added|stated|stressed|announced|signed|met|held|visited|\.|and\s)|"
            r"\s+(?:also\s+)?[a-z]+ed\b|\s+(?:also\s+)?(?:led|met|held|took|gave|made|spoke|went|came)\b)")
        self.title_before_re = re.compile(
            r"(?:(?P<adj>[A-Z][\w\-]+(?:'s|\u2019s)?)\s+)?(?P<title>"
            r"(?i:" + "|".join(re.escape(t) for t in self.titles) + r"))s?"
            r"(?:\s+to\s+(?P<to>(?:the\s+)?[A-Z][\w\-]+(?:\s+[A-Z][\w\-]+)?))?$")
        self._stripped_title = False
        self._init_institutions(data)
        # "Greek Environment and Energy Minister X": a country adjective, portfolio words, a title.
        self.portfolio_title_re = re.compile(
            r"(?P<adj>[A-Z][\w\-]+(?:'s|\u2019s)?)\s+(?P<port>(?:[A-Z][\w\-]+,?\s+(?:(?:and|&)\s+)?){1,4})"
            r"(?P<title>(?i:" + "|".join(re.escape(t) for t in self.titles) + r"))$")

    def _init_institutions(self, data: dict) -> None:
        """Offices of state an official is titled by ("Presidency spokesperson X", "spokesman for the
        Kazakh Foreign Ministry, X", "Senior Special Assistant to the President on Media, X")."""
        self.institutions: dict[str, dict] = {}
        for inst in data["institutions"]:
            for form in inst["forms"]:
                self.institutions[form.lower()] = inst
        self.institution_heads = set(data["institution_heads"])
        title = r"(?P<title>(?i:" + "|".join(re.escape(t) for t in self.titles) + r"))"
        inst = "(?P<inst>" + "|".join(re.escape(f) for f in sorted(
            (f for i in data["institutions"] for f in i["forms"]), key=len, reverse=True)) + ")"
        adj = r"(?:(?P<adj>[A-Z][\w\-]+(?:\s+[A-Z][\w\-]+)??(?:'s|\u2019s)?)\s+)?"
        self.institution_title_res = [
            # "US State Department spokesperson X", "Presidency spokesperson X"
            re.compile(r"(?:^|\b)" + adj + inst + r"\s+" + title + r"\s*,?$"),
            # "the spokesman for the Kazakh Foreign Ministry, X", "Secretary (East) in the External Affairs Ministry X"
            re.compile(r"\b" + title + r"(?P<qual>\s+\([^()\n]{1,25}\))?\s+(?:in|of|for|at|from)\s+(?:the\s+)?"
                       + adj + inst + r"\s*,?$"),
        ]
        self.to_leader_re = re.compile(
            r"\b" + title + r"\s+to\s+the\s+(?P<head>President|Prime Minister)"
            r"(?P<on>\s+(?:on|for)\s+[A-Z][\w\-]+(?:\s+(?:(?:and|&|of)\s+)?[A-Z][\w\-]+)*)?\s*,?$")

    def _home_country(self, doc: Doc, head: str | None = None) -> str | None:
        """The country of the article's first-named head of state or government (with ``head``, the
        first whose office starts so): whose "Presidency" an untitled office is."""
        for s, e in self._leader_spans(doc):
            leader = self.gaz.leader(doc[s:e].text, doc._.dct)
            if leader and leader.country and (head is None or leader.role.lower().startswith(head.lower())) \
                    and _role_rank_of(leader.role) < 9:
                return leader.country
        return None

    def institution_title(self, doc: Doc, span: Span) -> tuple[str | None, str | None]:
        """Role and country of an official named by office: "<Title> of the <Institution> of <Country>"."""
        text = text_of(doc)
        line_start = text.rfind("\n", max(0, span.start_char - 120), span.start_char) + 1
        window = text[max(line_start, span.start_char - 120):span.start_char].rstrip()
        for rx in self.institution_title_res:
            m = rx.search(window)
            if not m:
                continue
            inst = self.institutions[m.group("inst").lower()]
            country = inst.get("country")
            if m.group("adj"):
                hit = self.gaz.country_of(m.group("adj"))
                if hit and hit[1] in ("name", "adjective"):
                    country = hit[0]
            country = country or self._home_country(doc)
            title = m.group("title")
            title = title[:1].upper() + title[1:] + (m.groupdict().get("qual") or "")
            role = f"{title} of the {inst['name']}" + (f" of {self.gaz.name_of(country)}" if country else "")
            return role, country
        m = self.to_leader_re.search(window)
        if m:
            country = self._home_country(doc, m.group("head"))
            title = m.group("title")
            title = title[:1].upper() + title[1:]
            of = f" of {self.gaz.name_of(country)}" if country else ""
            return f"{title} to the {m.group('head')}{of}{m.group('on') or ''}", country
        return None, None

    def _cut_institution(self, span: Span) -> Span | None:
        """"[External Affairs Ministry] Vijay Singh": an office's name run into a person's is cut off;
        a "name" that ends with an office's head word ("Foreign Ministry") is no person."""
        heads = [i for i, t in enumerate(span) if t.text in self.institution_heads]
        if not heads:
            return span
        if heads[-1] == len(span) - 1:
            return None
        return span[heads[-1] + 1:]

    # ------------------------------------------------------------------ persons
    def __call__(self, doc: Doc) -> Doc:
        facts = doc._.facts if doc._.facts is not None else []
        persons = []
        person_ents = self.person_candidates(doc)
        for ent in person_ents:
            p = self.person(doc, ent)
            if p:
                persons.append(p)
        # A name that the article also writes as the name of a thing ("the Azad Pattan hydropower
        # project") is that thing everywhere in the article, not a person.
        text = text_of(doc)
        things = {name for name, ends in _occurrence_ends(text, {p["name"] for p in persons}).items()
                  if any(NOT_PERSON_NEXT.match(text[e:e + 30].lstrip()) for e in ends)}
        persons = [p for p in persons if p["name"] not in things]
        self._home_officials(doc, persons)
        persons.extend(self.repeated_surnames(doc, persons))
        persons.sort(key=lambda p: p["sources"][0]["start"])
        self.claimed = {(e.start_char, e.end_char) for e in person_ents}
        doc._.persons = persons
        facts.extend(persons)
        facts.extend(self.organisation_aliases(doc, self.organisations_and_places(doc)))
        facts.extend(self.countries(doc))
        doc._.facts = facts
        return doc

    def _home_officials(self, doc: Doc, persons: list[dict]) -> None:
        """Officials titled without a country ("Transportation Secretary X", "Energy Cabinet Secretary
        Y said") in copy filed from a capital of the story's pair are that country's: a report names
        the foreign side's officials by their country and its own side's by title alone."""
        place = dateline_place(doc)
        if not place or place[1] not in dyad_of(doc):
            return
        for p in persons:
            role = p.get("role") or ""
            if not p.get("country") and re.search(r"\b(?:Minister|Secretary|[Ss]pokes\w+|Governor|Cabinet)\b", role) \
                    and not re.search(r"\b(?:Ambassador|Envoy|General|UN|United Nations)\b", role):
                p["country"] = place[1]

    def repeated_surnames(self, doc: Doc, persons: list[dict]) -> list[dict]:
        """Later bare mentions of a person already named in full ("Chinh arrived ...") that the
        tagger missed: the name's last word, standing alone as a proper noun."""
        taken = Intervals((p["sources"][0]["start"], p["sources"][0]["end"]) for p in persons)
        by_last: dict[str, dict] = {}
        for p in persons:
            words = p["name"].split()
            if len(words) >= 2 and not p.get("surname_only"):
                for alias in {p["name"], *p.get("aliases", [])}:
                    last = alias.split()[-1]
                    if len(last) >= 3 and last[0].isupper():
                        by_last.setdefault(last, p)
        out = []
        for tok in doc:
            p = by_last.get(tok.text)
            if p is None or tok.pos_ != "PROPN" or taken.overlaps(tok.idx, tok.idx + 1):
                continue
            nxt = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
            prv = doc[tok.i - 1] if tok.i > 0 else None
            if (nxt is not None and nxt.text[:1].isupper() and nxt.pos_ == "PROPN") or \
                    (prv is not None and prv.text[:1].isupper() and prv.pos_ == "PROPN" and not prv.is_sent_start):
                continue  # part of a longer name
            out.append({"kind": "entity", "entity_type": "person", "name": tok.text, "aliases": [tok.text],
                        "country": p.get("country"), "role": None,
                        "sources": [{"start": tok.idx, "end": tok.idx + len(tok.text)}], "surname_only": True})
        return out

    def titled_names(self, doc: Doc) -> list[Span]:
        """'Minister of Economy and Sustainable Development Levan Davitashvili said': a long
        title the model swallows into an ORG, then a two- or three-word name."""
        out = []
        for m in self.long_title_re.finditer(text_of(doc)):
            span = doc.char_span(m.start("name"), m.end("name"), alignment_mode="contract")
            if span is not None and len(span) >= 2 and not self.gaz.country_of(span.text) \
                    and not self.gaz.organization(span.text) \
                    and not any(w in self.portfolio_words or w in self.institution_heads for w in span.text.split()):
                out.append(span)
        return out

    def known_leaders(self, doc: Doc) -> list[Span]:
        """Names of heads of state and government and ministers from the gazetteer, which
        the small model sometimes misses ("Olaf Scholz's visit ...")."""
        out = []
        for _, s, e in self.leader_matcher(doc):
            span = doc[s:e]
            if span.text[:1].isupper():
                out.append(span)
        return filter_spans(out)

    def person_candidates(self, doc: Doc) -> list[Span]:
        """PERSON entities, plus ORG/GPE spans that are people by the evidence: a title
        right before them, a known leader's name, or a surname tagged PERSON elsewhere
        (the small English model often calls hyphenated Central Asian names ORG)."""
        person_surnames = {e.text.split()[-1].removesuffix("'s") for e in _ents(doc) if e.label_ == "PERSON"}
        out = list(self.titled_names(doc))
        seen = {(s.start_char, s.end_char) for s in out}
        # A known leader's name inside a non-person entity ("the Islamic Republic of Iran Masoud
        # Pezeshkian" tagged GPE) is the tagger running a title into the name: the name wins.
        leaders = [doc[a:b] for a, b in self._leader_spans(doc)]  # the matcher runs once per doc
        # ... and a PERSON entity cut short inside a known leader's name ("President [Yoon Suk] Yeol":
        # the tagger stops inside a name written family name first): the gazetteer's name wins.
        ner_people = [e for e in _ents(doc) if e.label_ in ("PERSON", "ORG", "GPE", "NORP", "FAC")
                      and not (e.label_ != "PERSON" and self._ends_with_leader(e))
                      and not (e.label_ == "PERSON" and any(
                          s.start_char <= e.start_char and e.end_char <= s.end_char and len(e) < len(s)
                          for s in leaders))]
        for span in leaders:
            if not any(e.start_char <= span.start_char < e.end_char or span.start_char <= e.start_char < span.end_char
                       for e in ner_people) and not any(a <= span.start_char < b for a, b in seen):
                out.append(span)
                seen.add((span.start_char, span.end_char))
        for ent in _ents(doc):
            if ent.label_ == "PERSON":
                if not any(a <= ent.start_char < b for a, b in seen):
                    out.append(ent)
                continue
            if ent.label_ not in ("ORG", "GPE", "NORP", "FAC") or any(
                    ent.start_char <= a < ent.end_char for a, b in seen):
                continue
            stripped = self._strip(ent)
            cut = self._cut_institution(stripped) if stripped is not None else None
            if cut is not None and cut is not stripped and 2 <= len(cut) <= 4 and \
                    self.institution_title(doc, cut)[0]:
                out.append(cut)  # "the External Affairs Ministry [Name Surname]" tagged as one ORG
                continue
            if stripped is None or not 1 <= len(stripped) <= 4:
                continue
            name = clean_name(stripped.text)
            if not all(w[:1].isupper() for w in name.split()) or self.gaz.country_of(name):
                continue
            titled = self._stripped_title or self._title_precedes(doc, stripped)
            if titled or self.gaz.leader(name, doc._.dct) or name.split()[-1] in person_surnames:
                out.append(stripped)
                continue
            # "Dina Sultanova, a senior fellow at ...": a role apposition shows a person.
            if 2 <= len(name.split()) <= 4 and not self.gaz.organization(name) and \
                    not NOT_PERSON_NEXT.match(name.split()[-1]):
                role, _c = self.apposition_after(doc, stripped)
                if role and any(w.lower() in self.role_nouns for w in role.split(",")[0].split()[:4]):
                    out.append(stripped)
        return out

    def _ends_with_leader(self, ent: Span) -> bool:
        def title_like(prefix: Span) -> bool:  # "the Islamic Republic of Iran", not "Sultan"
            return any(t.is_lower for t in prefix) or bool(self.gaz.country_of(prefix.text))

        return any((s > ent.start and e == ent.end and title_like(ent.doc[ent.start:s]))
                   or (s <= ent.start and ent.end <= e)  # ORG "Lam" inside "To Lam"
                   for s, e in self._leader_spans(ent.doc))

    def _leader_spans(self, doc: Doc) -> list[tuple[int, int]]:
        cached = doc.user_data.get("dyad_leader_spans")
        if cached is None:
            cached = [(s.start, s.end) for s in self.known_leaders(doc)]
            doc.user_data["dyad_leader_spans"] = cached
        return cached

    def _title_precedes(self, doc: Doc, span: Span) -> bool:
        return any(self._title_length(doc, span.start - k) == k for k in (1, 2, 3) if span.start - k >= 0)

    def _expand_left(self, span: Span) -> Span:
        """Recover given names the model left out ("According to Aliya [Musabekova]")."""
        doc, start = span.doc, span.start
        if start > 0 and doc[start].text in self.particles and doc[start - 1].text[:1].isupper() and \
                doc[start - 1].lower_ not in self.role_nouns:
            return doc[start - 1:span.end]  # "Sultan Al Jaber", "Mohammed bin Salman" (not "Minister Al-X")
        while start > 0 and start > span.start - 2:
            tok = doc[start - 1]
            if tok.text == "." and start >= 2 and not doc[start - 2].whitespace_ and \
                    re.fullmatch(r"[A-Z][a-z]{0,2}", doc[start - 2].text) and \
                    doc[start - 2].text not in self.honorifics and doc[start - 2].text + "." not in self.honorifics:
                start -= 2  # "Ma. Teresita Daza": an abbreviated given name
                break
            # a sentence-initial word joins only a name that opens a paragraph with its apposition
            # ("Bilal Azhar Chaudhry, a director at ..."): elsewhere it is too often not a name
            opens_para = (tok.i == 0 or "\n" in doc[tok.i - 1].text_with_ws) and \
                not re.search(r"(?:ing|ed|ly)$", tok.lower_)  # "Welcoming X, ...": a participle
            if not (tok.text[:1].isupper() and tok.pos_ == "PROPN" and tok.is_alpha) or (
                    tok.is_sent_start and not (opens_para and doc[span.end:span.end + 1].text == ",")):
                break
            if self._title_length(doc, start - 1) or tok.text.rstrip("s").lower() in self.title_words \
                    or tok.text in self.honorifics or self.gaz.country_of(tok.text):
                break
            if tok.text in self.portfolio_words and PORTFOLIO_BEFORE.search(text_of(doc)[max(0, tok.idx - 90):tok.idx]):
                break  # "Minister for Europe and Foreign Affairs Jean-Noel Barrot"
            if start >= 2 and doc[start - 2].lower_ in ("of", "for"):
                break  # "Minister of Electricity Mahmoud Esmat": the portfolio, not a given name
            start -= 1
        return doc[start:span.end]

    def _title_length(self, doc: Doc, i: int) -> int:
        """Number of tokens of a full title starting at token i ("Prime Minister"), else 0."""
        if i < 0 or i >= len(doc):
            return 0
        first = doc[i].text
        for title in self.titles_by_first.get(first, []) + self.titles_by_first.get(first[:-1], []):
            n = len(title)
            if i + n <= len(doc) and [t.text for t in doc[i:i + n]] == title:
                return n
            # plural head: "Presidents Tokayev and Aliyev"
            if i + n <= len(doc) and [t.text for t in doc[i:i + n - 1]] == title[:-1] and \
                    doc[i + n - 1].text == title[-1] + "s":
                return n
        return 0

    def _expand_right(self, span: Span) -> Span:
        """Include name particles and what follows ("Ursula von der Leyen", "Sultan Al Jaber")."""
        doc, end = span.doc, span.end
        while end + 1 < len(doc) and doc[end].text in self.particles:
            j = end
            while j < len(doc) and doc[j].text in self.particles:
                j += 1
            if j < len(doc) and doc[j].text[:1].isupper() and doc[j].is_alpha:
                end = j + 1
            else:
                break
        # "Han Duck-soo": a lower-case syllable after a hyphen belongs to the given name
        if end + 1 < len(doc) and doc[end].text == "-" and not doc[end - 1].whitespace_ and \
                not doc[end].whitespace_ and doc[end + 1].is_alpha and doc[end + 1].is_lower:
            end += 2
        return doc[span.start:end]

    def _strip(self, ent: Span) -> Span | None:
        """Drop titles, honorifics and country adjectives NER sometimes includes
        ("Kazakh President Kassym-Jomart Tokayev" -> "Kassym-Jomart Tokayev")."""
        doc, start, end = ent.doc, ent.start, ent.end
        self._stripped_title = False
        while start < end:
            n = self._title_length(doc, start)
            if n:
                start += n
                self._stripped_title = True
                continue
            hit = self.gaz.country_of(doc[start].text)
            if doc[start].text in self.honorifics or (
                    hit and hit[1] in ("adjective", "name") and (self._title_length(doc, start + 1)
                                                                  or end - start >= 3)):
                start += 1  # "Turkmenistan Gurbanguly Berdimuhamedov": a country is not a first name
                continue
            if end - start >= 3 and doc[start].text in self.portfolio_words and PORTFOLIO_BEFORE.search(
                    text_of(doc)[max(0, doc[start].idx - 90):doc[start].idx]):
                start += 1  # "Minister for Europe and Foreign [Affairs] Jean-Noel Barrot"
                continue
            if end - start >= 3 and start > 0 and doc[start - 1].lower_ in ("of", "for") and \
                    doc[start].is_title and \
                    any(self._title_length(doc, k) == start - 1 - k for k in range(max(0, start - 4), start - 1)):
                start += 1  # "Minister of Electricity [Mahmoud Esmat]": the ministry word is not the name
                continue
            break
        while end > start and ent.doc[end - 1].text in ("'s", "\u2019s", "'", ",", "."):
            end -= 1
        if start > ent.start and start < end and ent.doc[start].text in self.particles and \
                ent.doc[start - 1].lower_ not in self.role_nouns:
            start -= 1  # "Sultan Al Jaber": a title word that is part of the name ("Minister Al-X" is not)
        return ent.doc[start:end] if end > start else None

    def person(self, doc: Doc, ent: Span) -> dict | None:
        span = self._strip(ent)
        if span is None:
            return None
        span = self._cut_institution(self._expand_right(self._expand_left(span)))
        if span is None:
            return None
        name = clean_name(span.text)
        if name.split()[-1] in self.outlet_words:
            return None  # "Steppe Herald", "Gulf Ledger": news outlets, not people
        text = text_of(doc)
        if text[span.start_char - 1:span.start_char] == "(" and text[span.end_char:span.end_char + 1] == ")":
            return None  # "(Eurasia Newsline)" after a dateline
        if not name or not name[0].isupper() or any(ch.isdigit() for ch in name):
            return None
        if self.gaz.country_of(name) or self.gaz.organization(name):
            return None
        words = name.split()
        if any(w in self.not_person_words for w in words) or all(
                w in self.portfolio_words or w.lower() in ORG_GLUE for w in words):
            if not self.gaz.leader(name, doc._.dct):
                return None  # "Annex C", "Rail Baltica", "Foreign Affairs" cut from a ministry's name
        after = text_of(doc)[span.end_char:span.end_char + 40]
        if NOT_PERSON_NEXT.match(after.lstrip()) or NOT_PERSON_NEXT.match(name.split()[-1]):
            return None
        if in_quotes(doc, span.start_char, span.end_char) and _quoted_exactly(doc, span):
            return None  # a quoted name ("Alem") is a name of something, not a speaker
        before_name = text[max(0, span.start_char - 60):span.start_char]
        after_name = text[span.end_char:span.end_char + 30]
        if re.search(r"\b(?:near|via)\s+$", before_name) or (
                re.search(r"\bfrom\s+$", before_name) and re.match(r"\s+to\s+[A-Z]", after_name)) or (
                re.search(r"\bto\s+$", before_name) and re.search(r"\bfrom\s+[A-Z][\w\-]+(?:\s+[A-Z][\w\-]+)?\s+to\s+$",
                                                                before_name)) or (
                re.search(r"\b(?:River|Bridge|border|crossing)\s+between\s+$", before_name)) or (
                re.search(r"\bbetween\s+[A-Z][\w\-]+(?:\s+[A-Z][\w\-]+)?\s+and\s+$", before_name)
                and re.search(r"\b(?:River|Bridge|border|crossing|road|rail\w*|line)\s+between\b", before_name)):
            if not self.gaz.leader(name, doc._.dct):
                return None  # "from Padang Besar to Hat Yai", "a bridge between Sungai Kolok and Rantau Panjang"
        role, country = self.institution_title(doc, span)
        titled = role is not None
        if role is None:
            role, country, titled = self.title_before(doc, span)
        long_role = self.long_title_before(doc, span) if not titled or country is None else (None, None, False)
        if long_role[0] and (role is None or len(long_role[0]) > len(role)):
            role, country, titled = long_role[0], long_role[1] or country, True
        if role is None:
            role, country = self.apposition_after(doc, span)
            titled = role is not None
        if country is None:
            # "his Egyptian counterpart Hassan El-Khatib": the adjective gives the country.
            # ("his Ivory Coast counterpart President Alassane Ouattara": two words, and a title between)
            cp = COUNTERPART_RE.search(text_of(doc)[max(0, span.start_char - 70):span.start_char])
            words = cp.group(1).split() if cp else []
            for k in range(len(words)):
                hit = self.gaz.country_of(" ".join(words[k:]))
                if hit and hit[1] in ("name", "adjective"):
                    country = hit[0]
                    break
        leader = self.gaz.leader(name, doc._.dct)
        canonical = name
        if leader:
            # The article's own full spelling ("Chimed Saikhanbileg", "al-Sisi") over the gazetteer's;
            # the gazetteer's full name for a surname-only mention. Both stay as aliases.
            # (Where the two differ only in diacritics, the gazetteer's: "Erdogan" is "Erdoğan".)
            # A shorter article form ("Tayyip Erdogan", a name cut by the tagger) takes the gazetteer's.
            canonical = name if len(name.split()) >= max(2, len(leader.name.split())) and \
                plain(name) != plain(leader.name) else leader.name
            if country is None:
                country = leader.country
            if role is None or role.split()[0].lower() == leader.role.split()[0].lower():
                role = leader.role if (role is None or " of " not in role) else role
        tokens = name.split()
        if len(tokens) < 2 and not titled and not leader:
            # A lone capitalised word is too often a place or brand; keep it only as a
            # surname to be joined to a full name during resolution.
            return {"kind": "entity", "entity_type": "person", "name": name, "aliases": [name],
                    "country": None, "role": None, "sources": [span_source(span)], "surname_only": True}
        return {"kind": "entity", "entity_type": "person", "name": canonical,
                "aliases": sorted({name, canonical} | ({leader.name} if leader else set())),
                "country": country, "role": role, "leader": leader.name if leader else None,
                "sources": [span_source(span)], "surname_only": len(tokens) < 2 and not leader and not titled}

    def title_before(self, doc: Doc, span: Span) -> tuple[str | None, str | None, bool]:
        """Role from "Kazakh President X", "Kazakhstan's Ambassador to Azerbaijan, X", "President X"."""
        line_start = text_of(doc).rfind("\n", max(0, span.start_char - 90), span.start_char) + 1
        window = text_of(doc)[max(line_start, span.start_char - 90):span.start_char]
        window = window.rstrip()
        comma = window.endswith(",")
        window = window.rstrip(",").rstrip()
        pm = self.portfolio_title_re.search(window)
        hit = self.gaz.country_of(pm.group("adj").removesuffix("'s").removesuffix("\u2019s")) if pm else None
        if pm and hit and hit[1] in ("name", "adjective") and all(
                w in self.portfolio_words for w in re.findall(r"[A-Z][\w\-]+", pm.group("port"))):
            title = (pm.group("port") + pm.group("title")).strip()
            return self.role_string(title[:1].upper() + title[1:], hit[0], None), hit[0], True
        # "<Country-adj|Country's>? <Title> (of <X>)? (to <Country>)?"
        m = self.title_before_re.search(window)
        if not m:
            return None, None, False
        if comma and not m.group("to") and not m.group("adj"):
            return None, None, False
        title = m.group("title").strip()
        title = title[:1].upper() + title[1:]  # "ambassador to X, Name": the title, capitalised
        adj = m.group("adj")
        country = None
        if adj:
            hit = self.gaz.country_of(adj)
            if hit and hit[1] in ("name", "adjective"):
                country = hit[0]
            elif f"{adj} {title}".lower() in self.titles_lower or adj in self.portfolio_words:
                title = f"{adj} {title}"  # "Prime Minister", "Trade Secretary": not a country adjective
        # Plural titles ("Presidents X and Y") carry no single country.
        return self.role_string(title, country, m.group("to")), country, True

    def long_title_before(self, doc: Doc, span: Span) -> tuple[str | None, str | None, bool]:
        """"Georgia's Minister of Economy and Sustainable Development X" -> that role, GEO."""
        line_start = text_of(doc).rfind("\n", max(0, span.start_char - 120), span.start_char) + 1
        window = text_of(doc)[max(line_start, span.start_char - 120):span.start_char].rstrip()
        m = self._long_title_window_re().search(window)
        if not m:
            return None, None, False
        country = None
        if m.group("adj"):
            hit = self.gaz.country_of(m.group("adj"))
            if hit and hit[1] in ("name", "adjective"):
                country = hit[0]
        title = m.group("title").strip().rstrip(",")
        if country is None:
            # "Minister of Energy and Water Resources of the Republic of Tajikistan": the title's
            # last "of" phrase may be a country's (official) name.
            for of in reversed(list(re.finditer(r"\s+of\s+(?:the\s+)?", title))):
                hit = self.gaz.country_of(title[of.end():].strip())
                if hit and hit[1] == "name":
                    country, title = hit[0], title[:of.start()]
                    break
        return (f"{title} of {self.gaz.name_of(country)}" if country else title), country, True

    def _long_title_window_re(self) -> re.Pattern:
        if getattr(self, "_long_title_window", None) is None:
            self._long_title_window = re.compile(
                r"(?:(?P<adj>[A-Z][\w\-]+(?:'s|\u2019s)?)\s+)?(?P<title>(?:" + "|".join(
                    re.escape(t) for t in self.titles if " of " not in t) + r")\s+(?:of|for)\s+(?:the\s+)?"
                r"(?:[A-Z][\w\-]+,?(?:\s+(?:and|of|for|the))*\s*)+)$")
        return self._long_title_window

    def role_string(self, title: str, country: str | None, to: str | None) -> str:
        words = title.split()
        # "Foreign Minister" -> keep as written; "<Title> of <Country>" is the canonical shape.
        role = " ".join(words)
        if country:
            role += f" of {self.gaz.name_of(country)}"
        if to:
            hit = self.gaz.country_of(to)
            role += f" to {self.gaz.name_of(hit[0]) if hit else to}"
        return role

    def apposition_after(self, doc: Doc, span: Span) -> tuple[str | None, str | None]:
        """Role from ", Kazakhstan's Ambassador to Azerbaijan," or ", the chief expert of ... at ORG"."""
        rest = text_of(doc)[span.end_char:span.end_char + 220]
        m = re.match(r"\s*,\s*(?:the\s+|a\s+|an\s+)?(?P<app>[^,.;:\n()\u201c\"]{3,200})", rest)
        if not m:
            return None, None
        app = m.group("app").strip()
        if re.match(r"(?:and|or|but|while|who|which)\b", app):
            return None, None  # ", and the Head of Government of ...": the next item of a list, no apposition
        country = None
        # "<Country>'s <Title> (to <Country>)"
        pm = re.match(r"(?P<c>[A-Z][\w\- ]+?)(?:'s|\u2019s)\s+(?P<t>.+)$", app)
        if pm:
            hit = self.gaz.country_of(pm.group("c"))
            if hit:
                country = hit[0]
                title = pm.group("t")
                tm = re.match(r"(?P<t>.+?)\s+to\s+(?P<to>.+)$", title)
                if tm:
                    return self.role_string(tm.group("t"), country, tm.group("to")), country
                return self.role_string(title, country, None), country
        words = app.split()
        head = [w for w in words[:4] if w.lower().strip(",") in self.role_nouns or w[0].islower()]
        if not head or words[0].lower() not in self.role_nouns and not any(
                w.lower() in self.role_nouns for w in words[:3]):
            return None, None
        # Role head: the words up to the role noun ("chief expert").
        cut = next(i for i, w in enumerate(words) if w.lower() in self.role_nouns) + 1
        while cut < len(words) and words[cut].lower() in self.role_nouns:
            cut += 1  # "chief expert": the role is the whole run of role nouns
        role_head = " ".join(words[:cut])
        # The institution: the last ORG entity inside the apposition.
        app_start = span.end_char + m.start("app")
        app_end = span.end_char + m.end("app")
        orgs = [e for e in _ents(doc) if e.label_ == "ORG" and e.start_char >= app_start and e.end_char <= app_end]
        place = re.search(r"\bin\s+([A-Z][\w\-]+(?:\s+[A-Z][\w\-]+)?)\s*$", app)
        if place:  # "..., a Gulf specialist at the Center X in Ankara": the employer's city
            hit = self.gaz.country_of(place.group(1))
            country = hit[0] if hit and hit[1] in ("capital", "city", "name") else None
        based = re.search(r"\b([A-Z][\w]+(?:\s+[A-Z][\w]+)?)-based\b", app)
        if based and country is None:  # "a senior fellow at the Ottawa-based Institute for ..."
            hit = self.gaz.country_of(based.group(1))
            country = hit[0] if hit and hit[1] in ("capital", "city", "name") else None
        if orgs:
            org = orgs[-1]  # "... of the Department X at the Institute Y": Y is the employer
            org_name = re.sub(r"^the\s+", "", org.text)
            for hit in (self.gaz.country_of(w) for w in org_name.replace("'s", "").split()):
                if hit and hit[1] in ("name", "adjective"):
                    country = hit[0]
                    break
            if country is None:  # "a director at Pakistan's Board of Investment": the country owning the body
                country = self._named_country([w.replace("'s", "").replace("\u2019s", "") for w in words])
            if country is None:  # "an economist at the Islamabad Policy Forum": a body named after its city
                country = self._city_country(org_name.replace("'s", "").split()[:2])
            return f"{role_head}, {org_name}", country
        country = country or self._named_country([w.replace("'s", "").replace("\u2019s", "") for w in words])
        if country is None:  # "a researcher at a Riyadh think tank", "a grain trader in Encarnacion"
            country = self._city_country([w.strip(",") for w in words if w[:1].isupper()])
        return role_head, country

    def _named_country(self, words: list[str]) -> str | None:
        return self._country_by(words, ("name", "adjective"))

    def _city_country(self, words: list[str]) -> str | None:
        return self._country_by(words, ("capital", "city"))

    def _country_by(self, words: list[str], how: tuple[str, ...]) -> str | None:
        """The country of the first word the gazetteer knows as one of ``how`` (name, city ...)."""
        for word in words:
            hit = self.gaz.country_of(word)
            if hit and hit[1] in how:
                return hit[0]
        return None

    # ------------------------------------------------------------------ other entities
    def organisations_and_places(self, doc: Doc) -> list[dict]:
        out = []
        covered = {(m["start"], m["end"]) for m in doc._.countries or []}
        for ent in _ents(doc):
            if ent.label_ not in ("ORG", "GPE", "LOC", "FAC", "NORP"):
                continue
            text = re.sub(r"^(?:the|The)\s+", "", ent.text)
            text = clean_name(text)
            if not text or not text[0].isupper() or (ent.start_char, ent.end_char) in covered:
                continue
            if any(a < ent.end_char and ent.start_char < b for a, b in self.claimed):
                continue  # already a person
            if ent.label_ == "ORG" and not self._plausible_org(text):
                continue
            hit = self.gaz.country_of(text)
            if hit and hit[1] in ("name", "adjective", "demonym"):
                continue  # countries are emitted from the gazetteer tagger
            if ent.label_ == "NORP":
                continue
            if ent.label_ == "ORG":
                org = self.gaz.organization(text)
                country = org.get("country") if org else self._country_in_name(text)
                out.append({"kind": "entity", "entity_type": "organization",
                            "name": org["name"] if org else text,
                            "aliases": sorted({text, *(org.get("aliases") or [])} if org else {text}),
                            "country": country, "role": None, "sources": [span_source(ent)]})
            else:
                # A renamed city is one place under its current name, its former names aliases
                # ("Nur-Sultan" in 2021 and "Astana" in 2024).
                current = self.gaz.current_name(text) or text
                names = {text, current, *self.gaz.former_names.get(current, [])}
                out.append({"kind": "entity", "entity_type": "place", "name": current, "aliases": sorted(names),
                            "country": hit[0] if hit else None, "role": None, "sources": [span_source(ent)]})
        return out

    def organisation_aliases(self, doc: Doc, found: list[dict]) -> list[dict]:
        """A company's name without its corporate suffix ("Safran Group" -> "Safran") and an acronym
        defined right after a body's name are aliases; a body named in lower case and defined by an
        acronym ("the joint commission of co-operation (JCC)") is an organisation."""
        text = text_of(doc)
        ends = set()
        for rec in found:
            if rec["entity_type"] != "organization":
                continue
            end = rec["sources"][0]["end"]
            ends.add(end)
            extra = set()
            last = rec["name"].rsplit(None, 1)
            if len(last) == 2 and last[1] in ORG_FORMS_SUFFIXES and not self.gaz.country_of(last[0]):
                extra.add(last[0])
            m = ACRONYM_AFTER.match(text, end)
            if m and acronym_of(rec["name"], m.group("acr")):
                extra.add(m.group("acr"))
            if extra:
                rec["aliases"] = sorted(set(rec["aliases"]) | extra)
        for m in LOWER_BODY_DEF.finditer(text):
            if m.end("name") in ends or m.start("name") in ends:
                continue
            ws = m.group("name").split()
            acr = m.group("acr")
            for k in range(len(ws) - 1, -1, -1):  # the shortest run of words the acronym spells out
                phrase = " ".join(ws[k:])
                if ws[k].lower() in ("of", "and", "for", "the", "on", "in", "to"):
                    continue
                if acronym_of(phrase, acr) and ws[k][:1].upper() == acr[0]:
                    if any(w.lower().strip(",") in ORG_BODY_HEADS for w in ws[k:]):
                        a = m.start("name") + len(" ".join(ws[:k])) + (1 if k else 0)
                        found.append({"kind": "entity", "entity_type": "organization", "name": phrase,
                                      "aliases": sorted({phrase, acr}), "country": None, "role": None,
                                      "sources": [{"start": a, "end": m.end("name")}]})
                    break
        return found

    def _plausible_org(self, text: str) -> bool:
        """Keep names that look like bodies; agreements, projects and adjectives are not."""
        if self.gaz.organization(text):
            return True
        if NOT_ORG.search(text) or "-" in text and all(self.gaz.country_of(w) for w in text.split("-")):
            return False
        words = text.split()
        if len(words) == 1:
            return text.isupper() and len(text) >= 3 and text not in ("AI",)
        return all(w[:1].isupper() or w.lower() in ORG_GLUE for w in words)

    def _country_in_name(self, name: str) -> str | None:
        for word in re.findall(r"[A-Z][\w\-]+", name):
            hit = self.gaz.country_of(word)
            if hit and hit[1] in ("name", "adjective"):
                return hit[0]
        return None

    def countries(self, doc: Doc) -> list[dict]:
        out = []
        seen: set[str] = set()
        for m in doc._.countries or []:
            if m["form"] in ("capital", "city"):
                # Capitals and cities of the gazetteer are places, once per article, under their
                # current name with their former names ("Nur-Sultan" is Astana).
                current = self.gaz.current_name(m["text"]) or m["text"]
                if current.lower() in seen or not m["text"][:1].isupper():
                    continue
                seen.add(current.lower())
                out.append({"kind": "entity", "entity_type": "place", "name": current,
                            "aliases": sorted({m["text"], current, *self.gaz.former_names.get(current, [])}),
                            "country": m["alpha3"], "role": None, "sources": [{"start": m["start"], "end": m["end"]}]})
                continue
            if m["form"] not in ("name",):
                continue
            out.append({"kind": "entity", "entity_type": "country", "name": self.gaz.name_of(m["alpha3"]),
                        "aliases": [m["text"]], "country": m["alpha3"], "role": None,
                        "sources": [{"start": m["start"], "end": m["end"]}]})
        return out


COUNTERPART_RE = re.compile(r"\b((?:[A-Z][\w\-]+\s+){0,2}[A-Z][\w\-]+)(?:'s|\u2019s)?\s+counterparts?,?\s*"
                            r"(?:(?:President|Prime Minister|Premier|Foreign Minister|Minister|King|Chancellor|Emir|"
                            r"Vice President|Secretary)\s+)?$")


def _role_rank_of(role: str) -> int:
    r = role.lower()
    for i, word in enumerate(("president", "prime minister", "chancellor", "king", "emir", "premier")):
        if r.startswith(word):
            return i
    return 9


def _ents(doc: Doc) -> tuple[Span, ...]:
    """doc.ents rebuilds its tuple on every access; the components read it many times."""
    cached = doc.user_data.get("dyad_ents")
    if cached is None:
        cached = doc.user_data["dyad_ents"] = tuple(doc.ents)
    return cached


WORD_RUN = re.compile(r"[\w-]*")


def _occurrence_ends(text: str, names: set[str]) -> dict[str, list[int]]:
    """Where each name ends in the text, as a whole word (not inside a longer word or a
    hyphenated one), found in one pass: a name can only start where the text's run of word
    characters equals the name's first run ("Bafenna" for "Bafenna Tamka")."""
    by_first: dict[str, list[str]] = {}
    for name in names:
        if name:
            by_first.setdefault(WORD_RUN.match(name).group(0), []).append(name)
    out: dict[str, list[int]] = {}
    if not by_first:
        return out
    for m in re.finditer(r"(?<![\w-])[\w-]+", text):
        for name in by_first.get(m.group(0), ()):
            end = m.start() + len(name)
            if text.startswith(name, m.start()) and not (end < len(text) and (text[end].isalnum() or
                                                                             text[end] in "_-")):
                out.setdefault(name, []).append(end)
    return out


def _quoted_exactly(doc: Doc, span: Span) -> bool:
    before = text_of(doc)[max(0, span.start_char - 1):span.start_char]
    after = text_of(doc)[span.end_char:span.end_char + 1]
    return before in ("\u201c", '"', "\u00ab") and after in ("\u201d", '"', "\u00bb")


@Language.factory("dyad_entities")
def make_entity_extractor(nlp: Language, name: str) -> EntityExtractor:
    return EntityExtractor(nlp)
