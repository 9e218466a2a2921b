"""How a person's name is cut out of the text: titles, honorifics and country adjectives stripped from the
tagger's span, the span widened to the whole name, and the form written with its title (a mixin of the entity
extractor, which provides ``gaz``, ``honorifics``, ``honorific_phrases``, ``state_forms`` and the title lists)."""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span

from dyad.nlp.components.util import DAY_AND_MONTH_NAMES, text_of

# "Minister for Foreign Affairs [and Trade] X": portfolio words before a name are the title's, not the name's
# ("Head of the Federal Department of Foreign Affairs Ignazio Cassis")
PORTFOLIO_BEFORE = re.compile(r"\b(?:Minister|Ministers|Secretary|Commissioner|Ministry|Department)\s+(?:of|for)\s+"
                              r"(?:the\s+)?"
                              r"(?:[A-Z][\w\-]+,?\s+(?:(?:and|of|for|the|&)\s+)*)*$")
# Honorifics also used for things ("Royal Navy", "Highness" alone): they show no person.
NOT_PERSONAL_HONORIFICS = {"Royal", "Majesty", "Highness", "Seri", "Utama", "Tun"}
# ("May" is also a name: "Theresa May")
WEEKDAYS_AND_MONTHS = frozenset(DAY_AND_MONTH_NAMES) - {"May"}

# the title a name is written with ("President Ruto", "Mr Luxon", "Italian Prime Minister Giorgia Meloni"):
# a surface form of the person too (facts-v1: aliases are every surface form seen)
# (honorifics stacked before it: "H.E. Mrs. X", "the Honourable X", "Shri X")
TITLED_FORM_RE = re.compile(r"(?:\b(?P<adj>(?!Prime\b|Foreign\b|Vice\b|The\b|His\b|Her\b)[A-Z][a-z]+)\s+)?"
                            r"(?:\b(?:[Tt]he\s+)?(?:H\.\s?E\.|(?:His|Her)\s+Excellency|(?:Rt\.?\s+)?Hon\.|"
                            r"(?:Rt\.?\s+)?Honou?rable)\s+)?"
                            r"(?:\b(?:[Tt]he\s+)?(?:Prime\s+Minister|Foreign\s+Minister|Vice\s+President|"
                            r"President|Premier|PM|Chancellor|Minister|Secretary|King|Queen|Emir|Sheikh|Mr|Mrs|Ms|Dr|"
                            r"Shri|Smt)\.?\s+|\b[Tt]he\s+(?:Rt\.?\s+)?Honou?rable\s+|\bH\.\s?E\.\s+)$")


class PersonSpans:
    """Cutting a person's name out of the tagger's span."""

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
                   # ORG "Taoiseach Leo Varadkar at": a leader's name with a title before, a preposition after
                   or (ent.start <= s and e < ent.end and all(t.is_lower or t.is_punct for t in ent.doc[e:ent.end]))
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
        while start >= 2 and doc[start - 1].text in ("bin", "bint", "ibn") and doc[start - 2].text[:1].isupper() \
                and doc[start - 2].is_alpha and doc[start - 2].lower_ not in self.role_nouns \
                and doc[start - 2].text not in self.honorifics and not self.gaz.country_of(doc[start - 2].text):
            start -= 2  # "Buthaina bint [Ali Al Jabr Al Nuaimi]": the given name before the father's
        if start != span.start:
            return doc[start:span.end]
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
