"""Entities: persons with their country and role, organisations, places and countries.

This module finds the persons; their roles are read by person_roles, the other entities by
organisations.

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

from dyad.nlp.components.ner import ents as _ents
from dyad.nlp.components.organisations import ORG_GLUE, PlaceAndOrgEntities
from dyad.nlp.components.person_roles import COUNTERPART_RE, PersonRoles
from dyad.nlp.components.util import (
    DAY_AND_MONTH_NAMES,
    Intervals,
    clean_name,
    dateline_place,
    dyad_of,
    in_quotes,
    patterns,
    span_source,
    text_of,
)
from dyad.nlp.gazetteer import Gazetteer, gazetteer
from dyad.text.names import GENERATIONAL_SUFFIXES, plain

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
# a government office issuing a readout, named in its dateline line
ISSUER_RE = re.compile(r"\b(?:Government|Office|Ministry|Presidency|[Pp]ress [Ss]ervice|Press Wing|State House|"
                       r"Embassy|Secretariat)\b")
# "By X" at a line's start or after the dateline's full stop ("Courier, 14 March 2025. By X")
BYLINE_BEFORE = re.compile(r"(?:^|\n|\.\s)\s*By\s+$")
PORTFOLIO_BEFORE = re.compile(r"\b(?:Minister|Ministers|Secretary|Commissioner|Ministry)\s+(?:of|for)\s+(?:the\s+)?"
                              r"(?:[A-Z][\w\-]+,?\s+(?:(?:and|of|for|the|&)\s+)*)*$")




# "the Korean company X", "the state utility X": what a company noun names is a company
COMPANY_BEFORE = re.compile(r"\b(?:company|companies|firm|firms|group|operator|manufacturer|utility|conglomerate|"
                            r"contractor|developer|carrier|lender|insurer|bank|giant)\s+$", re.I)

# Honorifics also used for things ("Royal Navy", "Highness" alone): they show no person.
NOT_PERSONAL_HONORIFICS = {"Royal", "Majesty", "Highness", "Seri", "Utama", "Tun"}


class EntityExtractor(PersonRoles, PlaceAndOrgEntities):
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
        # ("Samdech Akka Moha Sena Padei Techo X", "Preah Bat Samdech Preah Boromneath X": styles of several words)
        self.honorific_phrases = sorted((h.split() for h in self.honorifics if " " in h), key=len, reverse=True)
        # their words (of four letters or more: "Tan" of "Tan Sri" is a family name too) are no given names
        self.honorific_words = {w for words in self.honorific_phrases for w in words if len(w) >= 4}
        self.stacked_honorifics = set(data.get("stacked_honorifics") or [])
        self.role_nouns = set(data["role_nouns"])
        self.outlet_words = set(data["outlet_words"])
        self.particles = set(data["name_particles"])
        self.state_forms = set(data["state_forms"])
        self.portfolio_words = set(data["portfolio_words"])
        self.not_person_words = set(data.get("not_person_words", []))
        self.occupation_verbs: dict[str, str] = dict(data.get("occupation_verbs", {}))
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
            r"\s+(?:also\s+)?[a-z]+ed\b|\s+(?:also\s+)?(?:led|met|held|took|gave|made|spoke|went|came)\b|"
            # "... met Minister of Commerce and Industry Piyush Goyal during his stay"
            r"\s+(?:during|at|in|on|for|from|with|after|before|while|who|when)\s)")
        self.title_before_re = re.compile(
            r"(?:(?P<adj>[A-Z][\w\-]+(?:'s|\u2019s)?)\s+)?"
            r"(?P<office>(?:(?:" + "|".join(re.escape(w) for w in data.get("office_words", [])) + r")\s+){1,2})?"
            r"(?P<title>(?i:" + "|".join(re.escape(t) for t in self.titles) + r"))s?"
            r"(?:\s+to\s+(?P<to>(?:the\s+)?[A-Z][\w\-]+(?:\s+[A-Z][\w\-]+)?))?$")
        self._stripped_title = False
        self._init_institutions(data)
        # "Greek Environment and Energy Minister X": a country adjective, portfolio words, a title.
        self.portfolio_title_re = re.compile(
            r"(?P<adj>[A-Z][\w\-]+(?:'s|\u2019s)?)\s+(?P<port>(?:[A-Z][\w\-]+,?\s+(?:(?:and|&)\s+)?){1,4})"
            r"(?P<title>(?i:" + "|".join(re.escape(t) for t in self.titles) + r"))$")


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
        doc.user_data["dyad_person_spans"] = [(e.start_char, e.end_char) for e in person_ents]
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
        place = dateline_place(doc) or self._filed_from(doc)
        if not place or place[1] not in dyad_of(doc):
            place = self._issued_by(doc)
        if not place or place[1] not in dyad_of(doc):
            return
        # a later mention of someone named with a country before ("Minister of State X" after "Y X, Minister
        # of State of Qatar") is that person, not an official of the home side
        named = {p["name"].split()[-1] for p in persons if p.get("country") and p["name"].split()}
        pair = dyad_of(doc)
        for p in persons:
            role = p.get("role") or ""
            if p["name"].split()[-1:] and p["name"].split()[-1] in named:
                continue
            if not p.get("country") and role == "Ambassador" and len(pair) == 2:
                # "Ambassador X" in copy filed from one side's capital: the other side's envoy there
                other = pair[1] if pair[0] == place[1] else pair[0]
                p["country"] = other
                p["role"] = f"Ambassador of {self.gaz.name_of(other)} to {self.gaz.name_of(place[1])}"
                continue
            if not p.get("country") and re.search(r"\b(?i:Minister|Secretary|Spokes\w+|Governor|Cabinet)\b", role) \
                    and not re.search(r"\b(?:Ambassador|Envoy|General|UN|United Nations)\b", role):
                p["country"] = place[1]

    def _filed_from(self, doc: Doc) -> tuple[str, str] | None:
        """The city of a dateline in a form the wire pattern does not take: title case or after an
        office ("Dhaka, January 15 - Press Wing", "STATE HOUSE, LUSAKA, 24 February", "Presidential
        Communications Office, Manila"): the first comma-separated part of a line, in the lines
        under the headline, that the gazetteer knows as a capital or city."""
        for line in text_of(doc)[:400].split("\n")[1:4]:
            for part in re.split(r",|\s[\u2014\u2013-]\s", line)[:3]:
                part = part.strip()
                if 2 < len(part) < 30 and part[:1].isupper():
                    hit = self.gaz.country_of(part.title())
                    if hit and hit[1] in ("capital", "city"):
                        return part.title(), hit[0]
        return None

    def _issued_by(self, doc: Doc) -> tuple[str, str] | None:
        """The country of a government office that issues the copy, named in the lines under the
        headline ("... - Office of the Government Spokesperson, Royal <Adj> Government", "Press service
        of the President of <Country>"): its readouts title their own officials alone."""
        for line in text_of(doc)[:400].split("\n")[1:4]:
            issuer = re.split(r"\s[\u2014\u2013-]+\s", line)[-1]  # "<City>, <date> - <issuer>"
            if not ISSUER_RE.search(issuer):
                continue
            for m in re.finditer(r"[A-Z][\w\-]+(?:\s+[A-Z][\w\-]+)?", issuer):
                for form in (m.group(0), m.group(0).split()[-1]):
                    hit = self.gaz.country_of(form)
                    if hit and hit[1] in ("name", "adjective"):
                        return form, hit[0]
        return None

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
            if span is not None and len(span) >= 3 and self._ends_country_name(doc, span.start):
                span = span[1:]  # "... of the Lao [PDR X Y]": the end of a country's name is no given name
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
        # "Yoon held talks" after "President Yoon Suk Yeol": a known leader's family name written first,
        # which the tagger may call a place
        person_surnames |= {s.text.split()[0] for s in leaders if len(s.text.split()) >= 3}
        # ... and a PERSON entity cut short inside a known leader's name ("President [Yoon Suk] Yeol":
        # the tagger stops inside a name written family name first): the gazetteer's name wins.
        ner_people = [e for e in _ents(doc) if e.label_ in ("PERSON", "ORG", "GPE", "NORP", "FAC")
                      and not (e.label_ != "PERSON" and self._ends_with_leader(e))
                      and not (e.label_ == "PERSON" and any(
                          s.start_char <= self._after_honorifics(e) and e.end_char <= s.end_char
                          and e.end_char - self._after_honorifics(e) < s.end_char - s.start_char
                          for s in leaders))]
        for span in leaders:
            if not any(e.start_char <= span.start_char < e.end_char or span.start_char <= e.start_char < span.end_char
                       for e in ner_people) and not any(a <= span.start_char < b for a, b in seen):
                out.append(span)
                seen.add((span.start_char, span.end_char))
        for ent in _ents(doc):
            if ent.label_ == "PERSON":
                if not any(a <= self._after_honorifics(ent) < b for a, b in seen):
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
            if titled or self.gaz.leader(name, doc._.dct) or _last_name_word(name) in person_surnames:
                out.append(stripped)
                continue
            # "Dina Sultanova, a senior fellow at ...": a role apposition shows a person.
            if 2 <= len(name.split()) <= 4 and not self.gaz.organization(name) and \
                    not NOT_PERSON_NEXT.match(name.split()[-1]):
                role, _c = self.apposition_after(doc, stripped)
                if role and any(w.lower() in self.role_nouns for w in role.split(",")[0].split()[:4]):
                    out.append(stripped)
        return out

    def _ends_country_name(self, doc: Doc, i: int) -> bool:
        """Does token ``i`` close a country's name begun by the token before ("Lao PDR", "Slovak Republic")?
        Then it is no given name."""
        if i < 1:
            return False
        prev, tok = doc[i - 1].text, doc[i].text
        return bool(self.gaz.country_of(f"{prev} {tok}") or (tok in self.state_forms and self.gaz.country_of(prev)))

    def _after_honorifics(self, ent: Span) -> int:
        """Where a name starts once its leading honorifics are left out ("[Shri] Ram Nath Kovind")."""
        i = ent.start
        while i < ent.end - 1 and (ent.doc[i].text in self.honorifics or self._honorific_phrase(ent.doc, i, ent.end)):
            i += self._honorific_phrase(ent.doc, i, ent.end) or 1
        return ent.doc[i].idx

    def _honorific_phrase(self, doc: Doc, i: int, end: int) -> int:
        """The number of tokens of a style of several words that starts at ``i`` and ends before ``end``."""
        return next((len(words) for words in self.honorific_phrases if i + len(words) < end
                     and all(doc[i + k].text == w for k, w in enumerate(words))), 0)

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
                doc[start - 1].lower_ not in self.role_nouns and \
                not (start >= 2 and doc[start - 2].lower_ in ("of", "for")):  # "Minister of State Al-X"
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
                    or tok.text in self.honorifics or tok.text in self.honorific_words \
                    or self.gaz.country_of(tok.text) or tok.text in self.state_forms \
                    or tok.text in WEEKDAYS_AND_MONTHS \
                    or self._ends_country_name(doc, start - 1):
                break  # ... or the end of a country's name ("the Lao PDR X Y", "the Slovak Republic X Y")
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
        # "Raul Quispe [Villanueva], an economist": a second family name the tagger left out, one
        # untagged proper noun closing the name before a comma or a verb
        if end == span.end and len(span) >= 2 and end + 1 < len(doc) and doc[span.end - 1].whitespace_:
            nxt, after = doc[end], doc[end + 1]
            if nxt.pos_ == "PROPN" and nxt.is_title and nxt.is_alpha and not nxt.ent_type_ \
                    and (after.text == "," or after.pos_ in ("VERB", "AUX")) \
                    and nxt.text not in self.honorifics and nxt.lower_ not in self.title_words \
                    and not self.gaz.country_of(nxt.text):
                end += 1
        return doc[span.start:end]

    def _titled_form(self, doc: Doc, span: Span) -> set[str]:
        """The mention with the title written just before it, as one more surface form of the person."""
        line = text_of(doc)[max(0, span.start_char - 40):span.start_char].split("\n")[-1]
        m = TITLED_FORM_RE.search(line)
        if not m:
            return set()
        start = span.start_char - len(line) + m.start()
        if m.group("adj") and not (self.gaz.country_of(m.group("adj")) or ("", ""))[1] == "adjective":
            start += len(m.group("adj")) + 1  # "Tuesday President X": only the title
        form = re.sub(r"\s+", " ", text_of(doc)[start:span.end_char]).strip()
        return {form} if form and form != span.text else set()

    def _strip(self, ent: Span) -> Span | None:
        """Drop titles, honorifics and country adjectives NER sometimes includes
        ("Kazakh President Kassym-Jomart Tokayev" -> "Kassym-Jomart Tokayev")."""
        doc, start, end = ent.doc, ent.start, ent.end
        self._stripped_title = False
        for k in (1, 2):  # "Chief [Adviser X]": a title begun before the tagger's span runs into it
            n = self._title_length(doc, start - k) if start - k >= 0 else 0
            if n > k and start - k + n < end and doc[start - k].text[:1].isupper():
                start, self._stripped_title = start - k + n, True
                break
        while start < end:
            n = self._title_length(doc, start)
            if n:
                start += n
                self._stripped_title = True
                continue
            if doc[start].lower_ == "the" and start + 1 < end and doc[start + 1].text in self.honorifics:
                start += 1  # "the Hon X Y"
                continue
            if self._honorific_phrase(doc, start, end):
                start += self._honorific_phrase(doc, start, end)
                continue
            if end - start >= 3 and self._ends_country_name(doc, start):
                start += 1  # "... of the Lao [PDR Saysomphone Phomvihane]": the end of a country's name
                continue
            hit = self.gaz.country_of(doc[start].text)
            if doc[start].text in self.honorifics and doc[start].text not in NOT_PERSONAL_HONORIFICS:
                # "the Hon X Y MP" tagged ORG: an honorific of persons shows a person as a title does
                self._stripped_title = self._stripped_title or end - start >= 3
            if doc[start].text in self.honorifics or (
                    hit and hit[1] in ("adjective", "name") and (self._title_length(doc, start + 1)
                                                                  or end - start >= 3)):
                start += 1  # "Turkmenistan Gurbanguly Berdimuhamedov": a country is not a first name
                continue
            if end - start >= 3 and start > 0 and doc[start].text in self.state_forms and \
                    self.gaz.country_of(doc[start - 1].text):
                start += 1  # "of the Slovak [Republic Peter Pellegrini]": the state's name, not the person's
                continue
            form = next((i for i in range(start, end - 2) if doc[i].text in self.state_forms), None)
            if form is not None and start > 0 and doc[start - 1].lower_ in ("the", "of", "'s", "\u2019s") and \
                    all(doc[i].is_title for i in range(start, form + 1)):
                # "President of the [Republic Santiago Pena]", "of the Lao People's [Democratic Republic
                # Thongloun Sisoulith]": the end of the state's name
                start = form + 1
                continue
            if end - start >= 3 and doc[start].text in self.portfolio_words and PORTFOLIO_BEFORE.search(
                    text_of(doc)[max(0, doc[start].idx - 90):doc[start].idx]):
                start += 1  # "Minister for Europe and Foreign [Affairs] Jean-Noel Barrot"
                self._stripped_title = True  # (the office's words: a title stands before the name)
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
        if all(t.text in self.honorific_words for t in ent.doc[start:end]):
            return None  # "[Samdech] Akka Moha Sena Padei" tagged apart from the name it styles
        return ent.doc[start:end] if end > start else None

    def person(self, doc: Doc, ent: Span) -> dict | None:
        span = self._strip(ent)
        if span is None:
            return None
        if "\n" in span.text:
            # a headline ending with a name, the dateline's town below it ("... Ukhnaagiin Khurelsukh\n\nAstana,"):
            # a name never runs across a line
            cut = next(t.i for t in span if "\n" in t.text_with_ws or "\n" in t.text)
            span = doc[span.start:cut + 1] if "\n" not in doc[cut].text else doc[span.start:cut]
            if len(span) == 0:
                return None
        while len(span) > 1 and span[0].text in WEEKDAYS_AND_MONTHS:
            span = span[1:]  # "On Wednesday Stubb met ...": the day is no given name
        span = self._cut_institution(self._expand_right(self._expand_left(span)))
        if span is None:
            return None
        name = clean_name(span.text)
        # post-nominal letters are no part of the name ("Micheal Martin TD", "X MP", "Y KC")
        name = re.sub(r"(?<=\w)\s+(?:TD|MP|MEP|MLA|MSP|MHK|QC|KC|OBE|CBE|MBE|KBE|GCMG|PhD)$", "", name)
        # a headline in title case runs its verb into the name ("Li Qiang Holds Talks with ...")
        name = re.sub(r"\s+(?:" + "|".join(HEADLINE_VERBS) + r")$", "", name) if heading_line(doc, span) else name
        written = name
        # a nickname in quotes inside the name is no part of it ('Joko "Jokowi" Widodo'); the written form stays
        name = re.sub(r"\s+[\"\u201c\u201d'\u2018\u2019][A-Z][\w\-]+[\"\u201c\u201d'\u2018\u2019]\s+", " ", name)
        name = given_name_first(name)
        initial = INITIAL_SURNAME_RE.fullmatch(name)
        if initial:
            name = initial.group("surname")  # "K.Tokayev", "U.Khurelsukh": a surname after an initial
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
        prev_word = re.search(r"([A-Z][\w\-]*)\s+$", text[max(0, span.start_char - 30):span.start_char])
        if prev_word and self.gaz.country_of(f"{prev_word.group(1)} {name}"):
            return None  # "Papua [New Guinea]": the end of a country's name
        if COMPANY_BEFORE.search(text[max(0, span.start_char - 40):span.start_char]):
            return None  # "the Korean company Daesong Engineering"
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
        if role is None:
            role, country = self.role_phrase_before(doc, span)
        if role is None and BYLINE_BEFORE.search(text[max(0, span.start_char - 40):span.start_char]):
            role = "author"  # "By X" under the headline: the article's author
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
        if leader is None and (span.text.endswith(".") or text[span.end_char:span.end_char + 1] == "."):
            leader = self.gaz.leader(name + ".", doc._.dct)  # "X Jr." with the full stop cut as a sentence end
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
            if (role is None or role.split()[0].lower() == leader.role.split()[0].lower()) and \
                    leader.began_by(doc._.dct):  # not an office they would only hold later
                role = leader.role if (role is None or " of " not in role) else role
        tokens = name.split()
        if len(tokens) < 2 and not titled and not leader:
            # A lone capitalised word is too often a place or brand; keep it only as a
            # surname to be joined to a full name during resolution.
            return {"kind": "entity", "entity_type": "person", "name": name, "aliases": [name],
                    "country": None, "role": None, "sources": [span_source(span)], "surname_only": True}
        return {"kind": "entity", "entity_type": "person", "name": canonical,
                "aliases": sorted({name, canonical, written} | ({leader.name} if leader else set())
                                  | self._titled_form(doc, span)),
                "country": country, "role": role, "leader": leader.name if leader else None,
                "sources": [span_source(span)], "surname_only": len(tokens) < 2 and not leader and not titled}



# the title a name is written with ("President Ruto", "Mr Luxon", "Italian Prime Minister Giorgia Meloni"):
# a surface form of the person too (facts-v1: aliases are every surface form seen)
# (honorifics stacked before it: "H.E. Mrs. X", "the Honourable X", "Shri X")
TITLED_FORM_RE = re.compile(r"(?:\b(?P<adj>(?!Prime\b|Foreign\b|Vice\b|The\b|His\b|Her\b)[A-Z][a-z]+)\s+)?"
                            r"(?:\b(?:[Tt]he\s+)?(?:H\.\s?E\.|(?:His|Her)\s+Excellency|(?:Rt\.?\s+)?Hon\.|"
                            r"(?:Rt\.?\s+)?Honou?rable)\s+)?"
                            r"(?:\b(?:[Tt]he\s+)?(?:Prime\s+Minister|Foreign\s+Minister|Vice\s+President|"
                            r"President|Premier|PM|Chancellor|Minister|Secretary|King|Queen|Emir|Sheikh|Mr|Mrs|Ms|Dr|"
                            r"Shri|Smt)\.?\s+|\b[Tt]he\s+(?:Rt\.?\s+)?Honou?rable\s+|\bH\.\s?E\.\s+)$")
HEADLINE_VERBS = ("Holds", "Meets", "Receives", "Visits", "Says", "Calls", "Signs", "Hosts", "Welcomes", "Attends",
                  "Talks", "Congratulates", "Arrives", "Urges", "Discusses", "Pledges", "Vows", "Thanks")


def heading_line(doc: Doc, span: Span) -> bool:
    """The mention stands in a line without a closing full stop (a headline or a caption)."""
    text = text_of(doc)
    start, end = text.rfind("\n", 0, span.start_char) + 1, text.find("\n", span.end_char)
    line = text[start:end if end >= 0 else len(text)].strip()
    return bool(line) and line[-1] not in ".!?\"\u201d" and len(line.split()) <= 16


# ("May" is also a name: "Theresa May")
WEEKDAYS_AND_MONTHS = frozenset(DAY_AND_MONTH_NAMES) - {"May"}
# "K.Tokayev", "B. Battsetseg": an initial glued to the surname (Mongolian, Kazakh and Russian agency style)
INITIAL_SURNAME_RE = re.compile(r"[A-Z][a-z]?\.\s?(?P<surname>[A-Z][\w'\-]{2,})")


def _last_name_word(name: str) -> str:
    """The name's last word before a generational suffix ("Gilberto C. Teodoro Jr." -> "Teodoro")."""
    words = name.split()
    while len(words) > 1 and words[-1].rstrip(".").lower() in GENERATIONAL_SUFFIXES:
        words.pop()
    return words[-1] if words else ""


def given_name_first(name: str) -> str:
    """"KAMIKAWA Yoko" -> "Yoko Kamikawa", "KISHIDA" -> "Kishida": a family name in capitals (East Asian
    official style, written first) in the usual order and case; the written form stays an alias."""
    m = re.fullmatch(r"(?P<fam>[A-Z][A-Z'\-]{2,})\s+(?P<given>[A-Z][a-z][\w'\-]*(?:\s+[A-Z][a-z][\w'\-]*)?)", name)
    if m:
        return f"{m.group('given')} {m.group('fam').title()}"
    if re.fullmatch(r"[A-Z][A-Z'\-]{3,}", name):
        return name.title()
    return name
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
