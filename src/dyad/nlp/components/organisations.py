"""Organisations, places and countries named in an article, as entity records.

Bodies from the tagger's ORG spans (agreements, projects and adjectives are not bodies), with
their corporate-suffix and acronym aliases; places from its GPE/LOC/FAC spans and the gazetteer's
capitals and cities under their current names; countries from the gazetteer tagger. Mixed into
the EntityExtractor.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc

from dyad.nlp.components.ner import ents as _ents
from dyad.nlp.components.util import ACRONYM_AFTER, acronym_of, clean_name, patterns, span_source, text_of
from dyad.nlp.gazetteer import Gazetteer

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
# "the Ghana-Togo Permanent Joint Commission for Cooperation (PJCC)": a capitalised body's name the tagger
# may miss, then its acronym.
CAP_BODY_DEF = re.compile(r"(?P<name>\b[A-Z][\w\-]*(?:\s+(?:(?:of|for|on|and|the)\s+)*[A-Z][\w\-]*){1,9})"
                          r"\s+\((?P<acr>[A-Z]{2,6})\)")
ORG_GLUE = {"of", "for", "and", "the", "on", "de", "in", "under", "to"}


class PlaceAndOrgEntities:
    """Records of organisations, places and countries; ``claimed`` holds the spans taken by persons."""

    gaz: Gazetteer
    claimed: set[tuple[int, int]]
    honorifics: set[str]
    honorific_words: set[str]

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
            if ent.label_ == "ORG" or (len(text.split()) > 1 and text.split()[-1].lower() in ORG_BODY_HEADS):
                # "the Zimbabwe-Botswana Bi-National Commission" tagged as a place is a body all the same.
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
            if rec["entity_type"] not in ("organization", "place"):
                continue
            end = rec["sources"][0]["end"]
            ends.add(end)
            extra = set()
            last = rec["name"].rsplit(None, 1)
            if rec["entity_type"] == "organization" and len(last) == 2 and last[1] in ORG_FORMS_SUFFIXES \
                    and not self.gaz.country_of(last[0]):
                extra.add(last[0])
            m = ACRONYM_AFTER.match(text, end)
            if m and acronym_of(rec["name"], m.group("acr")):
                extra.add(m.group("acr"))
            if extra:
                rec["aliases"] = sorted(set(rec["aliases"]) | extra)
        starts = {rec["sources"][0]["start"] for rec in found}
        for m in CAP_BODY_DEF.finditer(text):
            name = re.sub(r"^The\s+", "", m.group("name"))
            while (cut := re.match(r"[A-Z][\w\-]*\s+of\s+(?:the\s+)?", name)) and \
                    acronym_of(name[cut.end():], m.group("acr")):
                name = name[cut.end():]  # "Session of the X Commission (XC)": the body is what follows
            a = m.end("name") - len(name)
            if m.end("name") in ends or a in starts or not acronym_of(name, m.group("acr")) \
                    or not any(w.lower() in ORG_BODY_HEADS for w in name.split()):
                continue
            found.append({"kind": "entity", "entity_type": "organization", "name": name,
                          "aliases": sorted({name, m.group("acr")}), "country": self._country_in_name(name),
                          "role": None, "sources": [{"start": a, "end": m.end("name")}]})
            ends.add(m.end("name"))
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
        if all(w in self.honorifics or w in self.honorific_words for w in words):
            return False  # "Samdech Akka Moha Sena Padei": the style of a person, tagged as a body
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
