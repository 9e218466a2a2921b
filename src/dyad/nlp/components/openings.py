"""Openings: a facility, route or institution opened, inaugurated, commissioned or launched.

Told verb-first ("the two leaders opened the bridge"), as a noun ("the opening of the centre"),
or object-first, read from the parse: passive ("the centre was opened last year", "the bridge is
to be inaugurated next month") and relative or reduced clauses ("the market, which the presidents
commissioned by video link", "the plant, inaugurated jointly by ...").
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span, Token

from dyad.nlp.components.context import country_mentions, person_country, persons_in, status_of
from dyad.nlp.components.util import DAY_AND_MONTH_NAMES, dyad_of, patterns, source, span_text, text_of

DATA = patterns("events")
TIME_WORDS = (*DAY_AND_MONTH_NAMES, "week", "month", "year")
OPENING_RE = re.compile(
    r"\b(?:opening ceremony of|opening of|ceremony (?:was held |will be held )?to open|inaugurated|inauguration of|"
    r"opened|will open|to open|launch of|launched|commissioning of|commissioned|unveiled|inaugurate|"
    r"dedicated(?=\s+(?:the|a|an|on|by|in|at|yesterday|today|last)\b)|"
    # a facility handed over to its owners, or whose work begins with a ceremony
    r"handed\s+over(?:\s+to\s+(?:[\w\-]+\s+){1,4}?(?:government|authorities|state|people))?|"
    r"(?:turned|turning|turn)\s+the\s+(?:first\s+)?sod\s+(?:for|on|of)|"
    r"(?:broke|breaking|break)\s+ground\s+(?:on|for)|groundbreaking\s+(?:ceremony\s+)?(?:of|for)|"
    r"(?:opening|inaugurating|launching)(?=\s+the\s))\s+"
    r"(?P<obj>(?:[^.;:\u201c\u201d]|(?<=\d)\.(?=\d)){3,160})",  # "a 2.8-kilometre road link"
    re.I)
_HEADS = "|".join(re.escape(h) for h in sorted(DATA["opening_heads"], key=len, reverse=True))
# "the Chancay megaport": a head glued to a prefix is still that head
PROJECT_HEADS = re.compile(r"\b(?:" + "|".join(DATA["opening_head_prefixes"]) + r")?(?:" + _HEADS + r")s?\b", re.I)

OPENING_LEMMAS = frozenset(DATA["opening_verb_lemmas"])
# "the two leaders", "the presidents": the openers named by their office, not their names
TWO_LEADERS_RE = re.compile(r"\bthe\s+(?:two\s+)?(?:leaders|presidents|prime\s+ministers|heads\s+of\s+states?|"
                            r"heads\s+of\s+government)\b", re.I)
REMOTE_RE = re.compile(r"\b(?:by|via)\s+video\s*(?:link|conference)|\bvideo-?conference\b|\bvirtually\b|"
                       r"\bremotely\b", re.I)
JOINTLY_RE = re.compile(r"\b(?:jointly|together)\b", re.I)
# "open a 100-million-dollar credit line", "open the port further to Botswana's exports": money lent, a market
# opened to someone; no facility opened
NOT_A_FACILITY_RE = re.compile(r"\bcredit\s+lines?\b|\blines?\s+of\s+credit\b|\bswap\s+lines?\b|"
                               r"\b(?:up|further|wider|fully)\s+to\b|"
                               # "to open its market to pharmaceuticals": access granted, not a market place opened
                               r"^(?:its|their|our|his|her|the\s+\w+)\s+(?:domestic\s+|internal\s+)?markets?\s+to\b",
                               re.I)
# what may follow the head noun inside the name of what was opened
_NP_RIGHT = frozenset({"prep", "compound", "amod", "nummod", "pobj", "nmod", "poss", "case"})


def heading(doc: Doc, pos: int) -> bool:
    start = text_of(doc).rfind("\n", 0, pos) + 1
    end = text_of(doc).find("\n", pos)
    line = text_of(doc)[start:end if end >= 0 else len(text_of(doc))].strip()
    return bool(line) and line[-1] not in ".!?\"\u201d:" and len(line.split()) <= 12


def _noun_phrase(doc: Doc, head: Token) -> str:
    """The noun phrase of ``head`` without the clauses hung on it: its left edge to the right
    edge of its prepositional and compound dependents."""
    end = head.i
    for child in head.rights:
        if child.dep_ in _NP_RIGHT:
            end = max(end, child.right_edge.i)
        else:
            break
    # ("the complex of X, built under a line of credit, ...": the participle clause is no part of the name)
    return re.split(r",\s+(?:built|constructed|funded|financed|which|that|where)\b",
                    doc[head.left_edge.i:end + 1].text)[0]


def object_first(doc: Doc, verb: Token) -> str | None:
    """What an opening verb told object-first opened, from the parse: the passive subject ("the
    centre was opened"), the subject of "is to be inaugurated", or the noun a relative or reduced
    clause hangs on ("the market, which they commissioned"; "the plant, inaugurated by ...")."""
    if verb.lemma_.lower() not in OPENING_LEMMAS or verb.tag_ not in ("VBN", "VBD"):
        return None
    # a participle with a by-agent is passive even when the parser calls its noun the subject
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    agent = verb.tag_ == "VBN" and not objects and any(c.dep_ == "agent" for c in verb.children)
    # the subject nearest the verb: a dateline ("PRAIA - The campus ... was handed over") may be parsed as another
    subjects = [c for c in verb.children if c.dep_ == "nsubjpass" or (agent and c.dep_ == "nsubj")]
    if subjects:
        return _noun_phrase(doc, subjects[-1])
    passive = agent or any(c.dep_ == "auxpass" for c in verb.children)
    if verb.dep_ == "xcomp" and passive:  # "the bridge is to be inaugurated"
        for child in verb.head.children:
            if child.dep_ in ("nsubj", "nsubjpass"):
                return _noun_phrase(doc, child)
        return None
    if verb.dep_ in ("relcl", "acl") and verb.head.pos_ in ("NOUN", "PROPN"):
        if all(c.tag_ in ("WDT", "WP") for c in objects) and (objects or verb.dep_ == "acl" or passive):
            return _noun_phrase(doc, verb.head)
    return None


def _facility_headed(obj: str) -> bool:
    """What was handed over is itself a facility ("the campus of the University of X"), not something for one
    ("fuel assemblies for the X plant", "a contribution ... to an agency for the repair of schools")."""
    obj = re.sub(r"^(?:the\s+)?(?:[\w\-]+\s+)?(?:phase|section|stage|part|wing)\s+of\s+", "the ", obj, flags=re.I)
    head = re.split(r"\s+(?:of|for|to|in|at|on|from|with|by|under)\s", obj, maxsplit=1)[0]
    return re.match(r"(?:the|a|an|its|their)\s", head, re.I) is not None and PROJECT_HEADS.search(head) is not None


class OpeningExtractor:
    """The opening part of the event extractor (which provides ``gaz``, ``_context``, ``_is_city`` and
    ``_place_before``)."""

    def openings(self, doc: Doc, sent: Span, main: dict | None, taken: list) -> list[dict]:
        """One opening per facility: every opening cue of the sentence, and every item of a list
        ("opening the A, the B and the C")."""
        out: list[dict] = []
        seen: set[str] = set()
        for m in OPENING_RE.finditer(span_text(sent)):
            for fact in self._openings_at(doc, sent, main, taken, m):
                if fact["object_key"] not in seen:
                    seen.add(fact["object_key"])
                    out.append(fact)
        return out

    def _opening_objects(self, doc: Doc, sent: Span, m: re.Match) -> list[str]:
        """The objects opened: one, or each item of an enumeration whose items all name a facility."""
        obj = m.group("obj").split("\n")[0]
        # "inaugurated Wednesday a new 12-bed intensive care unit": the day told before the object is no part of it
        obj = re.sub(r"^(?:on\s+)?(?:today|yesterday|(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day)(?:\s+(?:morning|"
                     r"afternoon|evening|night))?,?\s+(?=(?:a|an|the|its|their)\s)", "", obj)
        obj = re.split(r"\s+(?:during|at the invitation|as part of|on the occasion|by video|by videoconference|"
                       r"via video|remotely|virtually|alongside|together|jointly|with the participation|once|"
                       r"as soon as)\b", obj)[0]
        # "opened branches of X and marked the arrival of Y": a second verb begins another clause
        for t in doc[sent.start:sent.end]:
            rel = t.idx - sent.start_char
            if rel > m.start("obj") and t.tag_ == "VBD" and t.i > sent.start and doc[t.i - 1].lower_ == "and" \
                    and rel - m.start("obj") < len(obj):
                obj = obj[:rel - m.start("obj")]
                obj = re.sub(r"\s+and\s*$", "", obj)
                break
        items = re.split(r",\s+(?:and\s+)?(?=the\s)|\s+and\s+(?=the\s)", obj)
        cut = r",\s+(?:which|where|who|and|a|an|the|along with|making|bringing|funded|financed|built)\b|\s+-\s+|" \
              r",\s+(?!including\b)[a-z]+ing\b|\s+to\s+the\s+(?:[\w\-]+\s+){0,3}(?:government|authorities|people)\b|" \
              r"\s+\u2013\s+|" \
              r"\s+(?:is|are|was|were|will|would|has|have)\s+(?:be\s+)?(?:expected|planned|scheduled|due|set)\b"
        # (a list ends with "and the ...": "the X section of the Y highway, the first motorway in C" is an apposition)
        if len(items) >= 2 and re.match(r"(?:the\s)", obj, re.I) is not None and re.search(r"\band\s+the\s", obj):
            listed = [items[0]]
            for it in items[1:]:
                listed.append(it)
            listed[-1] = re.split(cut, listed[-1])[0]
            listed = [x.strip() for x in listed]
            # every item a facility and short (a name, not a clause)
            if all(PROJECT_HEADS.search(x) and len(x.split()) <= 12 and "," not in x for x in listed):
                return listed
        return [re.split(cut, obj)[0].strip()]

    @staticmethod
    def _is_opened(obj: str) -> bool:
        """A facility, not "a new chapter" nor a time ("opened in 2012")."""
        return bool(PROJECT_HEADS.search(obj)) and not NOT_A_FACILITY_RE.search(obj) and not re.match(
            r"(?:the\s+|a\s+)?(?:new\s+)?(?:way|door|doors|chapter|page|era|opportunit\w+|horizons?|prospects?)\b|"
            r"(?:in|on|at|by|from|since|with|to|for)\b|\d|"  # "to open to traffic": no object
            # "the launch of a joint feasibility study on ... a subsea cable": a study, not the cable
            r"(?:the\s+|a\s+|an\s+)?(?:[\w\-]+\s+){0,2}?(?:study|studies|survey|assessment|negotiations|talks|"
            r"dialogue|consultations|tender|tenders|bidding|bids?)\b", obj, re.I)  # ("the tender for the bridge")

    @staticmethod
    def _trim_when(obj: str) -> str:
        """"the bridge at Pakse on Monday" -> "the bridge at Pakse": a trailing time is no part of the name."""
        return re.sub(r"\s+(?:on|last|this|next|earlier|later)\s+(?:" + "|".join(TIME_WORDS)
                      + r"|\d)[\w\s,]*$", "", obj).strip()

    def _openings_at(self, doc: Doc, sent: Span, main: dict | None, taken: list, m: re.Match) -> list[dict]:
        a = sent.start_char + m.start()
        if any(x <= a < y for x, y in taken):
            return []
        if heading(doc, a) or re.search(r"\b(?:provides?|provided|calls?|called|allows?|paves? the way|aims?)\s+"
                                          r"(?:for|at)\s+(?:the\s+)?$|\b(?:envisages?|envisions?)\s+(?:the\s+)?$",
                                          span_text(sent)[:m.start()]):
            return []  # an agreement that "provides for the opening of" something is not an opening
        if re.search(r"\b(?:including|such as|discussed|regarding|concerning)\b[^.;:]{0,60}$",
                     span_text(sent)[:m.start()]):
            return []  # "discussed ..., including the launch of new projects": a topic, not a ceremony
        handed = m.group(0).lower().startswith("handed")
        objs = [o for o in (self._trim_when(o) for o in self._opening_objects(doc, sent, m))
                if self._is_opened(o) and (not handed or _facility_headed(o))]
        if not objs and REMOTE_RE.search(span_text(sent)) and re.match(r"inaugurat", m.group(0), re.I):
            # "the ministers of A, B and C inaugurated the cross-border power trade by video link": a
            # ceremony told as such opens what it names, facility or not
            objs = [re.sub(r"\s+(?:by|via|through)\s+video\s*(?:link|conference)\b.*$|\s+(?:virtually|remotely)\b.*$",
                           "", self._trim_when(o)) for o in self._opening_objects(doc, sent, m)
                    if not re.match(r"(?:in|on|at|by|from|since|with|to|for)\b", o, re.I)][:1]
        if not objs:
            # "dedicated the rehabilitated X Drive, the 11-kilometre corridor linking ...": the apposition tells
            # what it is
            app = re.match(r"([^,]{3,80}?),\s+(?:the|a|an)\s+([^,]{3,80})", m.group("obj"))
            if app and self._is_opened("the " + app.group(2)):
                objs = [self._trim_when(app.group(1))]
        told_before = False
        if not objs:
            verb = doc.char_span(a, a + len(m.group(0).split()[0]))
            found = object_first(doc, verb[0]) if verb is not None and len(verb) == 1 else None
            if found and self._is_opened(found) and (not handed or _facility_headed(found)):
                objs, told_before = [self._trim_when(found)], True
        if not objs:
            return []  # "opening a new chapter", "opened in 2012, ..." are not openings
        # Opened during the visit: the sentence says so, or the openers are the visit's leaders. Told
        # object-first, the openers come after the verb ("was inaugurated by ...").
        upto = sent.end_char if told_before else a
        openers = {c for c in (person_country(doc, p) for p in persons_in(doc, sent.start_char, upto)) if c}
        two_leaders = bool(TWO_LEADERS_RE.search(text_of(doc)[sent.start_char:upto]))
        in_visit = main is not None and (bool(re.search(r"\bvisit\b", span_text(sent), re.I))
                                         or set(main["countries"]) <= openers or two_leaders)
        sent_countries = []
        for c in country_mentions(doc, sent.start_char, sent.end_char):
            if c["alpha3"] not in sent_countries:
                sent_countries.append(c["alpha3"])
        pair = dyad_of(doc)
        if len(openers) >= 2:  # "X and Y inaugurated ...": leaders of two countries open it together
            sent_countries = [*sorted(openers), *(c for c in sent_countries if c not in openers)]
        elif not in_visit and len(set(sent_countries) | openers) < 2 and len(pair) == 2 and \
                openers and openers <= set(pair) and set(sent_countries) <= set(pair):
            # "Prime Minister X today opened the A-B section of the C highway" in a story on the highway a
            # partner built: one side opens it, the article's pair are its parties
            sent_countries = list(pair)
        elif not in_visit and len(sent_countries) < 2 and not (told_before and two_leaders):
            return []
        # (a facility "handed over to the government today" is a ceremony, whoever is named at it)
        if told_before and not (openers or two_leaders or JOINTLY_RE.search(span_text(sent))
                                or handed):
            return []  # "the corridor, launched in 2019": background, no one told opening it
        start, end, own, countries, ref = self._context(doc, sent, main, a)
        # leaders of two countries open it together: their countries, not the article's pair
        countries = list(dict.fromkeys(sent_countries if len(openers) >= 2 else [*sent_countries, *countries]))
        # the cue and what it opened; a clause hung on the object ("..., which will be built by X") tells of later work
        told = m.end() if told_before else min(m.end(), m.start("obj") + len(objs[0]))
        status = status_of(span_text(sent), start, end, doc._.dct, span_text(sent)[max(0, m.start() - 60):told])
        if status == "unknown" and main:
            status = main["status"]
        out = []
        for obj in objs:
            loc = re.search(r"\b(?:in|at)\s+([A-Z][\w\-]+)(?P<last>$)?", obj)
            # "the bridge over the river at Ungheni": a one-word name ending the facility's name is its place
            place = loc and (self._is_city(loc.group(1)) or (
                loc.group("last") is not None and not self.gaz.country_of(loc.group(1))))
            location = loc.group(1) if place else self._place_before(span_text(sent), m.start())
            obj = re.sub(r"^(?:the|a|an)\s+", "", obj, flags=re.I)
            core = " ".join(w for w in re.findall(r"[A-Za-z']+", obj.lower())
                            if w not in ("the", "of", "a", "an", "in", "from", "to", "ceremony"))[:80]
            out.append({
                "kind": "event", "event_type": "opening", "title": f"opening of {obj}", "status": status,
                "start": start, "end": None, "location": location, "countries": countries,
                "guest": None, "host": None, "level": None, "participants": [],
                "object_key": f"opening:{core}", "parent": ref,
                "sources": [source(sent.start_char, sent.end_char)],
            })
        return out
