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
from dyad.nlp.components.person_spans import WEEKDAYS_AND_MONTHS, PersonSpans
from dyad.nlp.components.util import (
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
# "the Korean company X", "the state utility X": what a company noun names is a company
COMPANY_BEFORE = re.compile(r"\b(?:company|companies|firm|firms|group|operator|manufacturer|utility|conglomerate|"
                            r"contractor|developer|carrier|lender|insurer|bank|giant)\s+$", re.I)



class EntityExtractor(PersonRoles, PlaceAndOrgEntities, PersonSpans):
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
            signed_for = SIGNED_FOR_RE.match(text_of(doc), p["sources"][0]["end"])
            side = self.gaz.country_of(signed_for.group("c")) if signed_for else None
            if not p.get("country") and side and side[1] == "name":
                p["country"] = side[0]  # "X, Federal Minister of Energy, signed for Belgium"
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
            if not all(w[:1].isupper() or w in PARTICLE_WORDS for w in name.split()) or self.gaz.country_of(name):
                continue
            titled = self._stripped_title or self._title_precedes(doc, stripped)
            if titled or self.gaz.leader(name, doc._.dct) or _last_name_word(name) in person_surnames:
                out.append(stripped)
                continue
            # "Dina Sultanova, a senior fellow at ...": a role apposition shows a person.
            if 2 <= len(name.split()) <= 4 and not self.gaz.organization(name) and \
                    not NOT_PERSON_NEXT.match(name.split()[-1]):
                role, _c = self.apposition_after(doc, stripped)
                if role and self._role_headed(doc, stripped, 4):
                    out.append(stripped)
        out += self._untagged_apposed(doc, out)
        return out

    def _untagged_apposed(self, doc: Doc, found: list[Span]) -> list[Span]:
        """"Heine met Carmen Cantor, the US Assistant Secretary of the Interior": a name the tagger left
        untagged, shown a person by the role in apposition after it (proper nouns only, no place or body)."""
        out = []
        tagged = [(e.start_char, e.end_char) for e in _ents(doc) if e.label_ in ("PERSON", "ORG", "GPE", "FAC")]
        for m in APPOSED_NAME_RE.finditer(text_of(doc)):
            span = doc.char_span(m.start("name"), m.end("name"))
            if span is None or any(a < span.end_char and span.start_char < b for a, b in tagged) or any(
                    s.start_char < span.end_char and span.start_char < s.end_char for s in found):
                continue
            name = span.text
            if not all(t.pos_ == "PROPN" or t.lower_ in PARTICLE_WORDS for t in span) or self.gaz.country_of(name) \
                    or self.gaz.organization(name) \
                    or any(self.gaz.country_of(w) or w in self.title_words or w.lower() in self.title_words
                           for w in name.split()):
                continue
            role, _c = self.apposition_after(doc, span)
            if role and self._role_headed(doc, span, 6):
                out.append(span)
        return out

    @staticmethod
    def _apposed_words(doc: Doc, span: Span) -> list[str]:
        rest = text_of(doc)[span.end_char:span.end_char + 170]
        m = re.match(r"\s*,\s*(?:the\s+|a\s+|an\s+)?([^,.;:\n()]{3,160})", rest)
        return m.group(1).split() if m else []

    def _role_headed(self, doc: Doc, span: Span, reach: int) -> bool:
        """Does a role noun head the apposition's phrase within its first words ("the US Assistant Secretary of
        ...", "a senior fellow at ...")? Not as a modifier: "the official guest house of the government"."""
        words = self._apposed_words(doc, span)[:reach]
        # (not followed by a name: "the Mattei Plan, Prime Minister Giorgia Meloni's programme" is another's title)
        return any(w.lower() in self.role_nouns and (
            i + 1 == len(words) or words[i + 1] in ("of", "for", "to", "at", "in", "and", "on", "with"))
            for i, w in enumerate(words))

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
        if re.search(r"\b(?:Minist(?:er|ry)|Secretary|Department)\s+(?:of|for)\s+(?:[A-Z][\w\-]*\s+){1,4}and\s+$",
                     before_name) and re.match(r"\s*(?:[.,;:)]|$)", after_name) and \
                not self.gaz.leader(name, doc._.dct):
            return None  # "Minister of Foreign Affairs and Human Mobility": the rest of the office
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
            country = self.country_phrase(cp.group(1).split() if cp else [], ("name", "adjective"), at_end=True)
        of_country = re.match(r"\s+of\s+(?:the\s+)?([A-Z][\w\-]+(?:\s+[A-Z][\w\-]+){0,3})",
                              text[span.end_char:span.end_char + 60]) if country is None and titled else None
        if of_country:
            # "Foreign Minister X of Paraguay", "President X of the United States"
            country = self.country_phrase(of_country.group(1).split(), ("name",), at_end=False)
        leader = self.gaz.leader(name, doc._.dct)
        if leader is None and len(name.split()) >= 3:
            # "Gabriel Boric Font": a leader known by given name and first surname, written with the second
            leader = self.gaz.leader(name.rsplit(" ", 1)[0], doc._.dct)
            leader = leader if leader and len(leader.name.split()) >= 2 else None
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



HEADLINE_VERBS = ("Holds", "Meets", "Receives", "Visits", "Says", "Calls", "Signs", "Hosts", "Welcomes", "Attends",
                  "Talks", "Congratulates", "Arrives", "Urges", "Discusses", "Pledges", "Vows", "Thanks")


# two or three capitalised words set off by a comma and an article before a role: "Carmen Cantor, the US ..."
# ("Tinne Van der Straeten, Federal Minister of Energy": particles inside, a capitalised title without article)
_PARTICLES = r"(?:(?:van|von|der|den|de|da|di|du|dos|das|la|le|bin|binti|al|el)\s+)"
APPOSED_NAME_RE = re.compile(r"(?<![\w\-.'\u2019])(?P<name>[A-Z][a-z]+(?:-[A-Z][a-z]+)?"
                             r"(?:\s+" + _PARTICLES + r"*(?:[A-Z][a-z]+\s+)?" + _PARTICLES + r"*[A-Z][a-z]+"
                             r"(?:-[A-Z][a-z]+)?){1,2}),\s+(?:(?:the|a|an)\s+|(?=[A-Z][a-z]+\s+(?:[A-Z][a-z]+\s+)?"
                             r"(?:Minister|Secretary|Ambassador|President|Director|Governor|Commissioner|Chairman|"
                             r"Chair|Head|Chief|Deputy|Vice)\b))")


# ", Federal Minister of Energy, signed for Belgium": the side a signatory signs for is the signatory's
SIGNED_FOR_RE = re.compile(r"(?:,[^,.;]{3,80},)?\s+(?:signed|signs|will\s+sign)\s+(?:it\s+)?(?:for|on\s+behalf\s+of)\s+"
                           r"(?:the\s+)?(?P<c>[A-Z][\w\-]+(?:\s+[A-Z][\w\-]+){0,2})")
PARTICLE_WORDS = frozenset(re.findall(r"[a-z]+", _PARTICLES))


def heading_line(doc: Doc, span: Span) -> bool:
    """The mention stands in a line without a closing full stop (a headline or a caption)."""
    text = text_of(doc)
    start, end = text.rfind("\n", 0, span.start_char) + 1, text.find("\n", span.end_char)
    line = text[start:end if end >= 0 else len(text)].strip()
    return bool(line) and line[-1] not in ".!?\"\u201d" and len(line.split()) <= 16


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
