"""Country mentions: names, adjectives, demonyms, capitals, cities and seats of
government matched against the gazetteer, each tagged with its ISO alpha-3 code."""

from __future__ import annotations

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc
from spacy.util import filter_spans

from dyad.nlp.gazetteer import gazetteer


class CountryTagger:
    def __init__(self, nlp: Language) -> None:
        self.gaz = gazetteer()
        self.matcher = PhraseMatcher(nlp.vocab, attr="ORTH")
        self.forms: dict[str, tuple[str, str]] = {}
        surfaces: set[str] = set()
        countries = __import__("dyad.nlp.gazetteer", fromlist=["load_json"]).load_json("countries.json")
        for rec in countries.values():
            for key in ("names", "adjectives", "demonyms", "capitals", "former_capitals", "cities", "government_seats"):
                surfaces.update(rec.get(key) or [])
            surfaces.add(rec["name"])
        for s in sorted(surfaces):
            hit = self.gaz.country_of(s)
            if hit and s[:1].isupper():
                self.forms[s] = hit
                self.matcher.add(s, [nlp.make_doc(s)])

    def __call__(self, doc: Doc) -> Doc:
        spans = [doc[s:e] for _, s, e in self.matcher(doc)]
        found = []
        for span in filter_spans(spans):
            alpha3, form = self.forms.get(span.text) or self.gaz.country_of(span.text) or (None, None)
            if alpha3 is None:
                continue
            found.append({"start": span.start_char, "end": span.end_char, "text": span.text,
                          "alpha3": alpha3, "form": form, "token_start": span.start, "token_end": span.end})
        doc._.countries = found
        return doc


@Language.factory("dyad_countries")
def make_country_tagger(nlp: Language, name: str) -> CountryTagger:
    return CountryTagger(nlp)
