"""Where an event took place: a city in its own clause, the dateline, the visit's place."""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span

from dyad.nlp.components.util import dateline_place, span_text, text_of

_MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December"
PLACE_CUE_RE = re.compile(r"\b(?:town|city|port|village|resort|region|province) of ([A-Z][\w\-]+(?:\s+[A-Z][\w\-]+)?)|"
                          # "the previous cabinet, held in Cobija in 2018": where a meeting was held
                          r"\b(?:was\s+|were\s+|,\s+)held\s+in\s+(?!(?:" + _MONTHS + r")\b)([A-Z][a-z\-]+)"
                          r"(?=\s+(?:in|on|last|this|next)\s|[,.;])|"
                          r"\b(?:flew|travelled|traveled|went|headed|drove|continued) (?:on )?to "
                          r"([A-Z][\w\-]+(?:\s+[A-Z][\w\-]+)?)(?=,\s+where\b)")


class EventPlaces:
    """Places of events (a mixin of the event extractor)."""

    def _is_city(self, name: str) -> bool:
        """A capital or city of the gazetteer, or a place the tagger found in this article ("Foz do
        Iguaçu", "Moyale") that is not a country."""
        hit = self.gaz.country_of(name)
        if hit:
            return hit[1] in ("capital", "city")
        return name in self.ner_places

    def _place_near(self, text: str, pos: int) -> str | None:
        """The city named by "in <City>" in the clause after the trigger, else before it."""
        def city(m: re.Match) -> str | None:
            name = m.group(1)
            hit = self.gaz.country_of(name)
            return name if hit and hit[1] in ("capital", "city") else None

        # "in Ankara", "in the capital, Maputo", "in the Kenyan capital Nairobi"
        after = [c for m in re.finditer(r"\bin\s+(?:the\s+(?:[A-Z][\w\-]+\s+)?(?:capital|city)(?:\s+city)?,?\s+)?"
                                        r"([A-Z][\w\-]+(?:\s+[A-Z][\w\-]+)?)", text[pos:])
                 for c in [city(m)] if c]
        if after:
            return after[0]
        before = [c for m in re.finditer(r"\bin\s+([A-Z][\w\-]+)", text[:pos]) for c in [city(m)] if c]
        return before[-1] if before else None

    def _where(self, doc: Doc, sent: Span, m: re.Match, main: dict | None, countries: list[str]) -> str | None:
        """Where a meeting or signing took place: a city in its own clause ("talks in Ankara"), else
        a city just before it in the sentence, else the dateline's city (where the reporter saw it,
        which beats the first stop of a multi-city visit), else the visit's place."""
        dateline = self._dateline(doc, countries)
        if dateline and main and main.get("location") and self.gaz.country_of(dateline) and \
                self.gaz.country_of(dateline)[0] == main.get("guest") != main.get("host"):
            dateline = None  # filed from the guest's capital ("BEIJING, Nov. 16 -"): the visit is elsewhere
        if dateline and not self.gaz.country_of(dateline):
            # a town the report is filed from ("SIXAOLA, Costa Rica -") is the place of what happened there,
            # unless the sentence names a city before the event ("met in Quito on February 3, their first
            # bilateral meeting")
            named = [c.group(1) for c in re.finditer(r"\bin\s+([A-Z][\w\-]+(?:\s+[A-Z][\w\-]+)?)",
                                                     span_text(sent)[:m.start()]) if self._is_city(c.group(1))]
            dateline = named[-1] if named else dateline
        went = re.search(r"\b(?:travel+ed|travels?|flew|fly|went|go|came|come)\s+to\s+(?:the\s+)?"
                         r"(?P<c>[A-Z][\w\-]+(?:\s+[A-Z][\w\-]+)?)(?:\s+(?:for|to\s+attend)\s+(?:(?:the|a|an)\s+)?"
                         # ("will travel to Luxembourg [for consultations with X]": the cue holds the "for")
                         r"(?:[\w\-]+\s+){0,4}|\s+)$", span_text(sent)[:m.start()])
        went_to = self.gaz.country_of(went.group("c")) if went else None
        capital = self.gaz.capital_of(went_to[0], doc._.dct) if went_to and went_to[1] == "name" else None
        # "on the sidelines of the assembly in the Paraguayan capital": that country's capital then
        adj = re.search(r"\bin\s+the\s+([A-Z][a-z]+)\s+capital\b", span_text(sent)[m.end():])
        hit = self.gaz.country_of(adj.group(1)) if adj else None
        adj_capital = self.gaz.capital_of(hit[0], doc._.dct) if hit and hit[1] == "adjective" else None
        return self._place_after(span_text(sent), m.end(), clause_only=True) \
            or self._place_before(span_text(sent), m.start()) \
            or capital or adj_capital \
            or dateline or (main.get("location") if main else None) \
            or self._place_near(span_text(sent), m.start())

    def _place_before(self, text: str, pos: int) -> str | None:
        where = list(re.finditer(r"\b(?:in|to|from)\s+([A-Z][\w\-]+(?:\s+[A-Z][\w\-]+)?),\s+where\b", text[:pos]))
        if where and (self._is_city(where[-1].group(1)) or (self.gaz.country_of(where[-1].group(1)) or
                                                            ("", ""))[1] == "name"):
            # "in Baku, where the operators signed ...", "flew to Moyale, where", "arrived from Belize,
            # where he met ..."
            return where[-1].group(1)
        before = text[max(0, pos - 60):pos]
        cut = list(re.finditer(r"[,;]\s", before))
        before = before[cut[-1].end():] if cut else before
        for m in re.finditer(r"\bin\s+([A-Z][\w\-]+)", before):
            if self._is_city(m.group(1)):
                return m.group(1)
        return None

    def _place_after(self, text: str, pos: int, clause_only: bool = False) -> str | None:
        """The city of "... held in <City>" in the same clause after the trigger."""
        clause = text[pos:pos + 110]
        cut = re.search(r"[.;!?](?:\s|$)" + (r"|,\s(?!(?:the\s)?[A-Z][\w\-]+\b(?:[,.]|$))" if clause_only else ""),
                        clause)
        clause = clause[:cut.start()] if cut else clause
        # ("inspected the metering station near Komotini on Friday")
        for m in re.finditer(r"\b(?:in|near)\s+([A-Z][\w\-]+(?:\s+(?:[A-Z][\w\-]+|do|da|de|del|di|dos|das|of|es|"
                             r"au|la|le)){0,3})",  # ("Port of Spain", "Dar es Salaam", "Port au Prince")
                             clause):
            words = m.group(1).split()
            for k in range(len(words), 0, -1):
                name = " ".join(words[:k])
                if name.split()[-1][:1].isupper() and self._is_city(name):
                    return name
        if re.search(r"\bin\s+this\s+(?:[\w\-]+\s+){0,3}(?:city|capital|town|port)\b", clause):
            return getattr(self, "filed_place", None)  # "held in this northern border city": the dateline's
        return None

    def _dateline(self, doc: Doc, countries: list[str]) -> str | None:
        """Wire copy opens with its place: "ANKARA, May 13 (Agency) -"."""
        place = dateline_place(doc)
        return place[0] if place and place[1] in countries else None

    def _location(self, doc: Doc, host: str, after: int, sent: Span | None = None) -> str | None:
        if sent is not None:
            # "a working visit to the southern Thai province of Songkhla", "his visit to Gdansk": the place
            # the visit's own clause names beats the first capital of the article
            clause = text_of(doc)[after:min(sent.end_char, after + 90)]
            clause = re.split(r"[,;]\s|\s[\u2013\u2014-]\s", clause)[0]
            names = [m.group(1) for m in re.finditer(r"\b(?:province|city|town|port|region|state)\s+of\s+"
                                                     r"([A-Z][\w\-]+(?:\s+[A-Z][\w\-]+)?)", clause)]
            names += [m.group(1) for m in re.finditer(
                r"(?:^\s+|\b(?:to|in)\s+(?:the\s+)?)([A-Z][\w\-]+(?:\s+[A-Z][\w\-]+)?)", clause)]
            for name in names:
                hit = self.gaz.country_of(name)
                if (hit and hit[1] in ("capital", "city") and hit[0] == host) or (
                        not hit and name in self.ner_places and not self.gaz.is_world_region(name)):
                    return name
            # "is in Bintan, Indonesia, on a working visit": a town placed by its country
            for m in re.finditer(r"\bin\s+([A-Z][\w\-]+(?:\s+[A-Z][\w\-]+)?),\s+([A-Z][\w\-]+(?:\s+[A-Z][\w\-]+)?)\b",
                                 span_text(sent)):
                town, country = self.gaz.country_of(m.group(1)), self.gaz.country_of(m.group(2))
                if country and country == (host, "name") and (not town or town[0] == host and town[1] == "city"):
                    return m.group(1)
        filed = dateline_place(doc)
        if filed and filed[1] == host and sent is not None and re.search(r"\b(?:capital|city)\b", span_text(sent)):
            # "PERTH, Oct 22 - ... arrived in the Western Australian capital": the city filed from, not the
            # national capital the article names elsewhere
            return filed[0]
        capitals = [c for c in doc._.countries or [] if c["alpha3"] == host and c["form"] == "capital"]
        if capitals:
            return capitals[0]["text"]
        cities = [c for c in doc._.countries or [] if c["alpha3"] == host and c["form"] == "city"
                  and c["start"] >= after]
        if cities:
            return cities[0]["text"]
        # "arrived in the Kazakh capital", filed from there: the capital by its name at the time
        place = dateline_place(doc)
        if place and place[1] == host:
            return place[0]
        clause = text_of(doc)[after:sent.end_char] if sent is not None else ""
        if re.search(r"\b(?:capital|capital city)\b", clause) and \
                any(c["alpha3"] == host and c["form"] == "adjective" and
                    re.match(r"\s+capital\b", text_of(doc)[c["end"]:c["end"] + 9]) for c in doc._.countries or []):
            return self.gaz.capital_at(host, doc._.dct)
        return None

