"""Projects: named corridors, routes, cables, facilities, funds and programmes, and
specific unnamed ones ("a railway route from Xi'an ... to Azerbaijan"), with aliases from
brackets and acronyms, a status from the cues around each mention and dated milestones."""

from __future__ import annotations

import bisect
import re

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from dyad.nlp.components.context import country_mentions
from dyad.nlp.components.util import Intervals, dyad_of, patterns, source, text_of
from dyad.nlp.gazetteer import gazetteer
from dyad.text.names import translit

DATA = patterns("projects")
HEADS: dict[str, str] = DATA["named_heads"]
UNNAMED: dict[str, str] = DATA["unnamed_heads"]
NOT_NAMES = {n.lower() for n in DATA["not_project_names"]}
CAP = r"(?:[\u201c\"]?[A-Z][\w'\u2019\-\u2013]*[\u201d\"]?)"
# inside a name, a capitalised word or its acronym in brackets ("Rapid Transit System (RTS) Link")
CAP_IN = r"(?:" + CAP + r"|\([A-Z]{2,8}\))"
NAMED_RE = re.compile(  # heads may stack ("Corridor Highway")
    r"(?P<name>(?:" + CAP_IN + r"\s+){0,6}?(?:" + CAP + r"\s+)?(?:(?:" + "|".join(HEADS) + r")\s+)*"
    r"(?P<head>" + "|".join(HEADS) + r")\b(?![\-\u2013]\d)"
    r"(?:\s+(?:for|of|on)\s+(?:the\s+)?(?:" + CAP + r"(?:\s+and)?\s*){1,6})?)")
ACRONYM_BEFORE = re.compile(r"\b(?P<acr>[A-Z]{3,8})\s+(?:project|initiative|route|corridor)?\s*\($")
UNNAMED_RE = re.compile(
    r"\b(?:a|an|the)\s+(?P<mods>(?:(?!(?:of|a|an|the|to|and|in|on|for|with|between|from|at|by|into|as|via|"
    r"through|across|along|under|over|or|that|which)\b)(?:\d{1,3}(?:,\d{3})+[\w\-]*|[\w\-'\u2013]+)\s+){0,4}?)"
    r"(?P<head>" +
    "|".join(sorted((re.escape(h) for h in UNNAMED), key=len, reverse=True)) +
    r")(?![\w\-])(?P<tail>\s+(?:scheme|arrangement|programme|program|project))?"
    r"(?P<pp>\s+(?:from|along|across|between|linking|connecting|through|under|via)\s+[^.;:()]{3,120})?", re.I)
MEASURE_RE = re.compile(r"(?:\d[\d,.]*(?:[\-\s][a-z]+)?\s+)+(?=[A-Z])")
PROPER_THEN_LOWER = re.compile(r"((?:[A-Z][\w'\u2019\-\u2013]*\s+)+)(?:[a-z][\w\-]*\s+){0,3}$")
INSTITUTION_WORDS = set(DATA["institution_words"])
AFFILIATION_RE = re.compile(r"\b(?:" + "|".join(DATA["affiliation_nouns"]) + r")\s+(?:at|of|with)\s+(?:the\s+)?$", re.I)
AGREEMENT_FOR_RE = re.compile(r"\b(?:" + "|".join(DATA["agreement_nouns"]) + r")s?\s+(?:on|for)\s+(?:the\s+)?$", re.I)
ALIAS_INTRO_RE = re.compile(r"\b(?:(?:also\s+|often\s+|commonly\s+|widely\s+)?(?:known|referred\s+to(?:\s+\w+ly)?)"
                            r"\s+as|dubbed|nicknamed)\s+(?:the\s+)?$", re.I)
LINEAR = ("corridor", "railway", "road", "pipeline", "cable")
TRANSPORT_MODES = set(DATA["transport_modes"])
# a sentence opening on a definite description: "The 1,200-km road and rail corridor, from A to B, ..."
DESCRIPTION_RE = re.compile(
    r"\s*(?:The|This|That|Its)\s+(?P<mods>(?:(?:\d[\d,.]*[\w\-]*|[\w\-\u2013]+)\s+){0,5}?)(?P<noun>[a-z]+)\b"
    r"(?=\s*(?:,|\(|\b(?:is|was|will|would|has|had|have|are|were|should|could|can|may|must|lies|runs|links|"
    r"connects|extends?|includes?|hosts?)\b))")
ENDPOINT_RE = re.compile(r"\b(?:between\s+[\w\-'\u2019]+(?:\s+[A-Z][\w\-'\u2019]+)*\s+and|from|to)\s+(?:the\s+)?$")
SCHEDULE_WORDS = set(DATA["schedule_words"])
ESTABLISHING = re.compile(r"\b(?:Establishment|Creation|Construction|Building)\s+of\s+(?:a|an|the)\s+$")
PROJECT_CUE = re.compile(
    r"\b(?:build\w*|built|construct\w*|open\w*|launch\w*|inaugurat\w*|commission\w*|develop\w*|financ\w*|"
    r"invest\w*|operational|operat\w+|project|joint|agreement|established|establish\w*|complet\w*|phase|"
    r"upgrade\w*|moderni[sz]\w*|expan\w+|capacity|funded|grant|planned|proposed|feasibility|donat\w*|symbol\w*|"
    r"ceremony)\b", re.I)
# milestones after which a project is in use
OPENED = {"opening", "opened", "launch", "inauguration", "commissioning", "commissioned"}
STATUS_ORDER = ["operational", "under_construction", "agreed", "proposed"]
STATUS_RANK = ["unknown", "proposed", "agreed", "under_construction", "operational"]
LOWER_HEADS = {w.lower(): t for w, t in UNNAMED.items()}
NEED_NAME = set(DATA["unnamed_need_name"])
MOVEMENT = set(DATA["movement_words"])
PATH_PREPS = set(DATA["path_prepositions"])
PROJECT_NOUNS = set(DATA["project_nouns"])
APPOS_NOUNS: dict[str, str] = DATA["appositive_nouns"]
FACILITY_WORDS = set(DATA["facility_words"])
TRAILING_TYPES: dict[str, str] = DATA["trailing_type_nouns"]
# "an intergovernmental agreement on building X", "a protocol for the joint development of X"
AGREED_RE = re.compile(
    r"\b(?:" + "|".join(DATA["agreement_nouns"]) + r")s?\b(?:\s+[\w\-]+){0,4}?\s+(?:on|for|to|concerning)\s+"
    r"(?:the\s+)?(?:joint(?:ly)?\s+)?(?:" + "|".join(DATA["undertaking_words"]) + r")\b", re.I)
JOINT_RE = re.compile(
    r"\bjoint\s+(?:" + "|".join(DATA["joint_undertakings"]) + r")\s+of\s+the\s+"
    r"(?P<np>(?:[A-Z][\w\-]*\s+){1,4}(?P<noun>[a-z]{3,}))\b")
_LOWER_ALT = "|".join(sorted((re.escape(h) for h in UNNAMED), key=len, reverse=True))
APPOS_RE = re.compile(
    r"(?<![\w\-])(?P<name>[A-Z][\w\-]*(?:\s+[A-Z0-9][\w\-]*){1,3}(?:\s+(?:" + _LOWER_ALT + r"))?),\s+"
    r"(?:the|a|an)\s+(?P<mods>(?:(?:\d[\d,.]*[\w\-]*|[a-z][\w\-]*)\s+){0,4}?)"
    r"(?P<noun>" + "|".join([*APPOS_NOUNS, _LOWER_ALT]) + r")\b")
# clause boundaries in the dependency parse: a cue beyond one belongs to another predicate
BOUNDARY = {"relcl", "advcl", "ccomp", "parataxis", "csubj", "ROOT"}
FUTURE_RE = re.compile(r"\b(?:will|would|shall|should|could|may|might|expected|due|plan(?:s|ned)?|aim(?:s|ed)?|"
                       r"scheduled|set to|to be|is to|are to|on track|intends?|intended|targets?|targeted)\b", re.I)


def _cue_regex(cues: list[str]) -> re.Pattern[str]:
    return re.compile(r"(?<![\w-])(?:" + "|".join(re.escape(c) for c in sorted(cues, key=len, reverse=True))
                      + r")(?![\w-])", re.I)


STATUS_RE = {k: _cue_regex(v) for k, v in DATA["status_cues"].items()}
OVERRIDE_RE = [(k, _cue_regex(v)) for k, v in DATA["status_overrides"].items()]
GENERIC_HEADS = set(DATA["generic_named_heads"])
NAME_TYPE_RE = [(k, re.compile(r"\b(?:" + "|".join(re.escape(w) for w in v) + r")\b"))
                for k, v in DATA["name_type_words"].items()]
MILESTONE_RE = _cue_regex(DATA["milestone_verbs"])
ANAPHOR_RE = re.compile(r"\b(?:[Tt]he|[Tt]his|[Tt]hat)\s+(project|" + "|".join(
    sorted((re.escape(h) for h in UNNAMED if " " not in h), key=len, reverse=True)) + r")\b")


def _in_heading(doc: Doc, pos: int) -> bool:
    """Section headings ("A Cultural Bridge in Fuzuli") use project words as metaphors."""
    start = text_of(doc).rfind("\n", 0, pos) + 1
    end = text_of(doc).find("\n", pos)
    line = text_of(doc)[start:end if end >= 0 else len(text_of(doc))].strip()
    return bool(line) and line[-1] not in ".!?\"”:" and len(line.split()) <= 12


def status_from(text: str) -> str:
    """The strongest status cue in the text; a cue inside a longer cue of another status yields to it
    ("plan to build" is a proposal even though "to build" alone reads as agreed)."""
    for st, rx in OVERRIDE_RE:
        if rx.search(text):
            return st  # "the final investment decision is expected in 2026": not yet past that stage
    hits = [(m.start(), m.end(), st) for st in STATUS_ORDER for m in STATUS_RE[st].finditer(text)]
    hits += [(m.start(), m.end(), "agreed") for m in AGREED_RE.finditer(text)]
    hits = [h for h in hits if not any(o[2] != h[2] and o[0] <= h[0] and h[1] <= o[1] and o[1] - o[0] > h[1] - h[0]
                                       for o in hits)]
    found = {h[2] for h in hits}
    return next((st for st in STATUS_ORDER if st in found), "unknown")


def _is_boundary(t: Token) -> bool:
    return t.dep_ in BOUNDARY or (t.dep_ == "conj" and t.pos_ in ("VERB", "AUX")) or t.head is t


def _root(span: Span) -> Token:
    """The mention's head: the first token attached outside the span that is not a possessor ("Egypt's")."""
    outside = [t for t in span if t.head is t or not (span.start <= t.head.i < span.end)]
    return next((t for t in outside if t.dep_ not in ("poss", "case", "punct")), span.root)


def _np_head(span: Span) -> Token:
    t = _root(span)
    while t.dep_ in ("compound", "flat") and t.head is not t and t.head.i >= span.start:
        t = t.head
    return t


def clause_of(tok: Token) -> tuple[Token, str]:
    """The predicate governing a token and the text of its clause, without embedded clauses
    (relative, adverbial, complement, coordinated) that do not contain the token."""
    pred = tok
    while not _is_boundary(pred):
        pred = pred.head
    skip = [(c.left_edge.i, c.right_edge.i) for c in pred.subtree
            if c is not pred and _is_boundary(c) and not (c.left_edge.i <= tok.i <= c.right_edge.i)]
    words = [t.text_with_ws for t in pred.subtree if not any(a <= t.i <= b for a, b in skip)]
    return pred, "".join(words)


def _ongoing(v: Token) -> bool:
    """'has been importing ... since 2022', 'have run together since 1988': in use since a past date."""
    kids = {c.lower_ for c in v.children}
    return "since" in kids and bool(kids & {"has", "have", "had"}) and v.pos_ in ("VERB", "AUX")


def _verb_above(t: Token) -> Token | None:
    while t.head.i != t.i and t.pos_ not in ("VERB", "AUX"):  # spaCy makes a new Token on each access: no `is`
        t = t.head
    return t if t.pos_ in ("VERB", "AUX") else None


def parse_status(np: Token) -> str:
    """Status from the parse when no cue word says it: a project used as the path of a movement
    ('cargo traffic via X', 'gas flows through X') or in use since a past date exists."""
    for rel in (c for c in np.children if c.dep_ in ("relcl", "acl")):
        if _ongoing(rel):
            return "operational"
    v = _verb_above(np)
    if v is not None and _ongoing(v):
        return "operational"
    prep = np.head
    if np.dep_ == "pobj" and prep.lower_ in PATH_PREPS and prep.head is not prep:
        mover = prep.head
        modal = any(c.dep_ == "aux" and c.lower_ in ("will", "would", "could", "shall", "may", "might")
                    for c in mover.children)
        window = {t.lower_ for t in prep.doc[max(prep.i - 4, prep.sent.start):prep.i]}
        if (mover.lower_ in MOVEMENT or window & MOVEMENT) and not modal and not any(
                c.lower_ in ("new", "planned", "proposed", "future") for c in np.children):
            return "operational"
    return "unknown"


class ProjectExtractor:
    def __init__(self) -> None:
        self.gaz = gazetteer()

    def __call__(self, doc: Doc) -> Doc:
        facts = doc._.facts if doc._.facts is not None else []
        found: list[dict] = []
        agreement_spans = [(f["sources"][0]["start"], f["sources"][0]["end"], f) for f in facts
                           if f["kind"] == "agreement" and f.get("title")]
        for sent in doc.sents:
            before = len(found)
            self.named(doc, sent, found, agreement_spans)
            self.unnamed(doc, sent, found)
            self.described(doc, sent, found)
            for p in found[before:]:
                p["status"] = self._status(doc, sent, p)
        self.bare_variants(doc, found)
        self.acronyms(doc, found)
        found = self.fold(found)
        self.milestones(doc, found)
        self.opening_milestones(doc, found)
        for p in found:
            # opened (a done opening milestone, or an opening event the article reports): in use from then on
            opened = p.get("_opened") or any(m.get("status") == "done" and m.get("description") in OPENED
                                             for m in p["milestones"])
            if opened and p.get("status") in (None, "unknown", "proposed", "agreed", "under_construction"):
                p["status"] = "operational"
        for p in found:
            p.pop("_opened", None)
            p.pop("_sent", None)
            p.pop("_sents", None)
            p.pop("_spans", None)
        facts.extend(found)
        doc._.facts = facts
        return doc

    # ------------------------------------------------------------------ named
    def named(self, doc: Doc, sent, found: list[dict], agreements: list) -> None:  # type: ignore[no-untyped-def]
        for m in NAMED_RE.finditer(sent.text):
            raw = m.group("name").rstrip()
            name = re.sub(r"[\u201c\u201d\"]", "", raw).strip()
            name = re.sub(r"^(?:The|A|An|This|That|Its|Their|Our)\s+", "", name)
            words = name.split()
            bare = re.sub(r"^[A-Z][\w\-]+(?:'s|\u2019s)\s+", "", name)  # "Kazakhstan's X Fund" -> "X Fund"
            linear = HEADS.get(m.group("head")) in ("corridor", "railway", "road", "pipeline", "cable")
            known = self.gaz.organization(name)
            if len(words) < 2 or name.lower() in NOT_NAMES or self.gaz.country_of(name):
                continue
            if not linear and (known or self.gaz.organization(bare) or
                               self.gaz.organization(bare.rsplit(" ", 1)[0])):
                continue  # a company or agency named like a facility ("Samruk-Kazyna Fund")
            if _in_heading(doc, sent.start_char + m.start("name")):
                continue
            if not linear and (set(re.split(r"[\s\-]+", name)) & INSTITUTION_WORDS or AFFILIATION_RE.search(
                    sent.text[:m.start("name")])):
                continue  # "a researcher at the X Studies Center of Y University": an academic body, not a project
            if all(w.lower() in ("new", "joint", "international", "national") or w in HEADS for w in words):
                continue
            a = sent.start_char + m.start("name") + (len(raw) - len(raw.lstrip()))
            b = sent.start_char + m.start("name") + len(raw)
            offset = text_of(doc).find(name.split()[0], a)
            a = offset if 0 <= offset < b else a
            nxt = re.match(r"\s+([A-Z][a-z][\w\-]*)", text_of(doc)[b:b + 40])
            if nxt and nxt.group(1) not in HEADS:
                continue  # part of a longer proper name ("the X Corridor Power Company", "X Corridor Association")
            span = doc.char_span(a, b, alignment_mode="expand")
            if span is not None and _root(span).dep_ == "compound" and _root(span).head.lower_ not in PROJECT_NOUNS \
                    and _root(span).head.i >= span.end:
                continue  # a modifier of another noun ("the X Canal revenues"), not the project talked about
            aliases = self._aliases(doc, b, a)
            if linear and known:
                # A route known to the gazetteer under other names (an operator's association, say).
                aliases += [known["name"], *(x for x in known.get("aliases") or [] if " " in x or x.isupper())]
            in_agreement = next((f for s, e, f in agreements if s <= a and b <= e), None)
            if in_agreement and in_agreement["title"][:1].isupper() and \
                    not ESTABLISHING.search(text_of(doc)[max(0, a - 40):a]):
                continue  # a name inside an agreement's title is the agreement's subject, not a project
            # (a described instrument, "an agreement on building the X Railway", is about an agreed project)
            ptype = HEADS.get(m.group("head"), "other")
            trailing = re.match(r"\s*(?:\([^()]{1,40}\)\s*)?([a-z]+)\b", text_of(doc)[b:b + 60])
            if trailing and trailing.group(1) in TRAILING_TYPES:
                ptype = TRAILING_TYPES[trailing.group(1)]  # "the X Satellite (XS) program" is a programme
            if ptype == "facility" and not in_agreement and not PROJECT_CUE.search(sent.text):
                continue  # "received at Cairo International Airport": a place, not a project
            acr = re.search(r"\s*\(([A-Z]{2,8})\)\s*", name)
            if acr:
                # "Rapid Transit System (RTS) Link": the name without the bracket, the short form an alias
                aliases.append(acr.group(1) + " " + name[acr.end():] if acr.end() < len(name) else acr.group(1))
                name = (name[:acr.start()] + " " + name[acr.end():]).strip()
            found.append(self._record(doc, sent, name, aliases, ptype, a, b,
                                      agreed=in_agreement is not None))

    def _aliases(self, doc: Doc, end: int, start: int) -> list[str]:
        """'the Middle Corridor (Trans-Caspian ...)', 'the TRIPP project (Trump Route ...)'."""
        out = []
        after = text_of(doc)[end:end + 120]
        br = re.match(r"\s*\((?P<alt>[^()]{2,100})\)", after)
        if br and br.group("alt")[:1].isupper():
            out.append(br.group("alt").strip())
        before = text_of(doc)[max(0, start - 40):start]
        acr = ACRONYM_BEFORE.search(before)
        if acr:
            out.append(acr.group("acr"))
        aka = re.match(r",?\s+(?:also\s+|often\s+|commonly\s+)?(?:known as|dubbed|called|referred to(?:\s+\w+ly)? as)"
                       r"\s+(?:the\s+)?(?P<alt>(?:[A-Z][\w\-\u2013]*\s*){1,6})", after)
        if aka:
            out.append(re.sub(r"\s+(?:project|initiative)$", "", aka.group("alt").strip(), flags=re.I))
        return out

    # ------------------------------------------------------------------ unnamed
    def unnamed(self, doc: Doc, sent, found: list[dict]) -> None:  # type: ignore[no-untyped-def]
        for m in UNNAMED_RE.finditer(sent.text):
            head = m.group("head").lower()
            mods = m.group("mods") or ""
            a = sent.start_char + m.start("mods") if mods else sent.start_char + m.start("head")
            measure = MEASURE_RE.match(mods)
            if measure:  # "the 700-megawatt X plant": the measure is not part of the name
                mods, a = mods[measure.end():], a + measure.end()
            # "the X Y hydropower project": a capitalised name, then lowercase words describing it
            ptype_of_head = UNNAMED[head]
            proper = PROPER_THEN_LOWER.match(mods)
            proper_name = proper is not None and not self._countries_only(proper.group(1))
            pp = (m.group("pp") or "")
            # "between Georgia and Azerbaijan" keeps its "and"; elsewhere "and" starts a new clause
            between = re.match(r"\s+between\s+\S+\s+and\s+\S+", pp)
            pp = between.group(0) if between else re.split(
                r",|\s+-\s+|\s+(?:and|which|that|who|to be|will|is|was|has|are|were)\s", pp)[0]
            if proper_name:
                pp = ""  # "the X line between A and B": the name is "X line"; the ends only describe it
            elif not pp and UNNAMED[head] == "facility":
                pp = self._foreign_site(sent.text[m.end("head"):], mods)
            phrase = f"{mods}{m.group('head')}{m.group('tail') or ''}{pp}".strip()
            b = a + len(phrase)
            name_like = bool(mods) and all(w[:1].isupper() or w[:1].isdigit() for w in mods.split())
            if head in NEED_NAME and (not (name_like or proper_name) or not m.group("head").split()[-1].islower()):
                continue  # "the shortest transport corridor from A to B" is a description, not a project
            if head in APPOS_NOUNS and any(mods.strip() in {p["name"], *p["aliases"]} for p in found):
                continue  # "the KART project (Kyrgyz-Altai ...)": a known name with a generic noun
            if self._modifies_other_noun(doc, sent.start_char + m.start("head"), sent.start_char + m.end("head")):
                continue  # "the national railway operator": the railway names the operator's field
            covered = [p for p in found if a <= p["sources"][0]["start"] and p["sources"][0]["end"] < b]
            if covered and name_like and not pp:
                # "the Lamu Port-... Transport corridor": a capitalised name with a lowercase head is one name
                for p in covered:
                    found.remove(p)
            elif any(p["sources"][0]["start"] <= a < p["sources"][0]["end"] for p in found) or _in_heading(doc, a):
                continue
            has_proper = bool(re.search(r"\b[A-Z][\w'\u2019\-]+", phrase)) or bool(
                re.search(r"\b(?:fiber|fibre|subsea|submarine|electric|gas|oil)\b", phrase, re.I))
            # a name in the modifiers makes it specific; one country's adjective alone does not ("the Turkish
            # military base"), a pair does ("the Saudi-Egyptian electricity interconnection")
            caps = [w for w in re.split(r"[\s\-\u2013]+", mods) if w[:1].isupper()]
            lone_state = len(caps) == 1 and self._countries_only(caps[0])
            specific = has_proper and (pp or (re.search(r"\b[A-Z]", mods) and not lone_state))
            if re.match(r"(?:This|The|That)\s+project\b", sent.text.strip()) and found and not specific:
                continue
            before = sent.text[:a - sent.start_char]
            if ptype_of_head == "facility" and ENDPOINT_RE.search(before) and any(
                    LOWER_HEADS.get(w.lower()) in LINEAR for w in re.findall(r"[\w\-]+", before)):
                continue  # "a pipeline between A and the X terminal": the route's end, not a project
            if found and ALIAS_INTRO_RE.search(before):
                # "The scheme, often referred to simply as the X project, ...": another name of the last project
                found[-1]["aliases"] = sorted({*found[-1]["aliases"], phrase})
                continue
            if re.match(r"\s*(?:This|The|That)\s+(?:project|initiative)\b", sent.text) and found and has_proper \
                    and not proper_name:
                # "This project envisions the creation of a digital corridor ...": another name of the last project
                found[-1]["aliases"] = sorted({*found[-1]["aliases"], phrase})
                continue
            if not specific:
                continue
            ptype = UNNAMED[head]
            if head in APPOS_NOUNS or ptype == "other":  # "the X hydropower project" is a facility
                words = set(mods.lower().split())
                ptype = next((LOWER_HEADS[w] for w in words if w in LOWER_HEADS), None) or (
                    "facility" if words & FACILITY_WORDS else ptype)
            # "a financing agreement for the X line": the project an agreement is for is agreed
            agreed = AGREEMENT_FOR_RE.search(text_of(doc)[max(0, a - 60):a]) is not None
            found.append(self._record(doc, sent, phrase, [], ptype, a, b, agreed=agreed))

    def _countries_only(self, words: str) -> bool:
        """'Hungary-Serbia', 'Turkish': a block made only of country names and adjectives is no project name."""
        parts = [w for w in re.split(r"[\s\-\u2013]+", words) if w]
        return all(self.gaz.country_of(w) for w in parts)

    def _foreign_site(self, after: str, mods: str) -> str:
        """'the Turkish military base in Doha': one country's facility in a place of another country is
        a bilateral undertaking; returns the ' in <place>' to keep in its name, else ''."""
        site = re.match(r"\s+in\s+(?P<place>[A-Z][\w\-']+(?:\s+[A-Z][\w\-']+)?)", after)
        owners = {c[0] for w in re.split(r"[\s\-\u2013]+", mods) if w and (c := self.gaz.country_of(w))}
        if not site or not owners:
            return ""
        place = site.group("place")
        where = self.gaz.country_of(place) or self.gaz.country_of(place.split()[0])
        return site.group(0) if where and where[0] not in owners else ""

    @staticmethod
    def _modifies_other_noun(doc: Doc, a: int, b: int) -> bool:
        span = doc.char_span(a, b, alignment_mode="expand")
        if span is None or not len(span):
            return False
        t = span[-1]
        return t.dep_ == "compound" and t.head.i > t.i and t.head.pos_ in ("NOUN", "PROPN") and \
            t.head.lower_ not in PROJECT_NOUNS and not t.head.text[:1].isupper()

    def described(self, doc: Doc, sent, found: list[dict]) -> None:  # type: ignore[no-untyped-def]
        """'the joint development of the X field'; 'X One, the green hydrogen venture being developed ...'."""
        taken = [(p["sources"][0]["start"], p["sources"][0]["end"]) for p in found]
        for m in JOINT_RE.finditer(sent.text):
            a, b = sent.start_char + m.start(), sent.start_char + m.end()
            np_a = sent.start_char + m.start("np")
            if any(s < b and np_a < e for s, e in taken) or m.group("noun") in ("and", "the", "with", "between"):
                continue
            if self.gaz.country_of(m.group("np").rsplit(" ", 1)[0]):
                continue
            ptype = LOWER_HEADS.get(m.group("noun"), "facility" if m.group("noun") in FACILITY_WORDS else "other")
            found.append(self._record(doc, sent, m.group(0), [], ptype, a, b, agreed=False))
        for m in APPOS_RE.finditer(sent.text):
            name, mods = m.group("name"), m.group("mods")
            a = sent.start_char + m.start("name")
            b = a + len(name)
            if re.match(r"(?:The|A|An|This|That)\s", name) or "joint" in mods.split():
                continue
            if any(s < b and a < e for s, e in taken) or self.gaz.country_of(name) or self.gaz.organization(name):
                continue
            if any(name in (x.get("name") or "") for x in doc._.persons or [] if isinstance(x, dict)):
                continue
            words = set(mods.split())
            noun = m.group("noun")
            ptype = next((LOWER_HEADS[w] for w in words if w in LOWER_HEADS), None) or LOWER_HEADS.get(noun) or (
                "facility" if words & FACILITY_WORDS else APPOS_NOUNS.get(noun, "other"))
            found.append(self._record(doc, sent, name, self._aliases(doc, b, a), ptype, a, b, agreed=False))

    # ------------------------------------------------------------------ shared
    def _record(self, doc: Doc, sent, name: str, aliases: list[str], ptype: str, a: int, b: int,  # type: ignore[no-untyped-def]
                agreed: bool) -> dict:
        countries: list[str] = []
        for c in country_mentions(doc, sent.start_char, sent.end_char):
            if c["alpha3"] not in countries and c["form"] in ("name", "adjective", "capital", "city"):
                countries.append(c["alpha3"])
        for c in dyad_of(doc):
            if c not in countries:
                countries.append(c)
        if ptype in ("road", "other") and re.search(r"\b(?:Electricity|Power|Energy|Grid|Electric)\b", name):
            ptype = "cable"  # "the Ethiopia-Kenya Electricity Highway" carries power, not cars
        elif ptype in ("cable", "other") and name.split()[-1:] and name.split()[-1] in GENERIC_HEADS:
            # "Rapid Transit System Link" carries trains: a word of the name tells what a generic head does not
            # (the capitalised words right before a short form count: "Rapid Transit System (RTS) Link")
            lead = re.search(r"(?:[A-Z][\w\-]*\s+|\([A-Z]{2,}\)\s+)*$", text_of(doc)[max(sent.start_char, a - 60):a])
            full = (lead.group(0) if lead else "") + name
            ptype = next((k for k, rx in NAME_TYPE_RE if rx.search(full)), ptype)
        return {"kind": "project", "name": name, "aliases": sorted(set(aliases)), "project_type": ptype,
                "countries": countries, "status": "agreed" if agreed else "unknown", "milestones": [],
                "sources": [source(a, b)], "_sent": (sent.start_char, sent.end_char),
                "_sents": [(sent.start_char, sent.end_char)], "_spans": [(a, b)]}

    def _status(self, doc: Doc, sent, p: dict) -> str:  # type: ignore[no-untyped-def]
        """Cues in the clause that governs the mention and in its relative clauses ('X, which is under
        construction'), the most advanced winning; the parse when no cue word speaks; else the sentence."""
        if p["status"] == "agreed":
            return "agreed"
        src = p["sources"][0]
        span = doc.char_span(src["start"], src["end"], alignment_mode="expand")
        if span is not None and len(span):
            np = _np_head(span)
            texts = [clause_of(np)[1]]
            texts += ["".join(t.text_with_ws for t in c.subtree) for c in np.children if c.dep_ in ("relcl", "acl")]
            known = [st for st in map(status_from, texts) if st != "unknown"]
            if known:
                return max(known, key=STATUS_RANK.index)
            status = parse_status(np)
            if status != "unknown":
                return status
        status = status_from(sent.text)
        if status == "unknown":
            # The next sentence of the same paragraph often carries the status ("... will be completed").
            nxt = text_of(doc)[sent.end_char:sent.end_char + 300].split("\n")[0]
            nxt = re.split(r"(?<=[.!?])\s", nxt.strip())[0] if nxt.strip() else ""
            if nxt and not NAMED_RE.search(nxt):
                status = status_from(nxt)
        return status

    def bare_variants(self, doc: Doc, found: list[dict]) -> None:
        """A project's distinctive word used alone or spelled differently ("through Zangezur")."""
        for p in found:
            words = p["name"].split()
            if len(words) != 2 or words[1] not in HEADS:
                continue
            core = translit(words[0])
            for m in re.finditer(r"\b[A-Z][\w\-]{3,}\b", text_of(doc)):
                w = m.group(0)
                if translit(w) == core and not text_of(doc)[m.end():m.end() + 12].strip().startswith(words[1]):
                    p["aliases"] = sorted({*p["aliases"], w})
                if translit(w) == core and w != words[0]:
                    # A spelling variant seen: both bare spellings name the project.
                    p["aliases"] = sorted({*p["aliases"], w, words[0], f"{w} {words[1]}"})

    def acronyms(self, doc: Doc, found: list[dict]) -> None:
        """'the China-Kyrgyzstan-Uzbekistan railway' ... 'the CKU railway': an acronym spelt by the initials
        of a project's name (its parts split at spaces and dashes) names the same project."""
        for p in found:
            parts = [w for w in re.split(r"[\s\-\u2013\u2014]+", p["name"]) if w[:1].isupper()]
            if len(parts) < 2:
                continue
            for acr in {m.group(0) for m in re.finditer(r"\b[A-Z]{3,8}\b", text_of(doc))}:
                if _spells(acr, parts) and acr != p["name"]:
                    head = p["name"].split()[-1]
                    forms = {acr} | ({f"{acr} {head}"} if head.lower() in LOWER_HEADS else set())
                    p["aliases"] = sorted({*p["aliases"], *forms})

    def fold(self, found: list[dict]) -> list[dict]:
        """Mentions of one project in one article become one record: an acronym or unnamed description of a
        named project, or a facility named as one end of a route ('X Port' in 'the X Port-Y corridor'),
        whose dated steps are the route's. The folded mention's sentences join the record's."""
        out: list[dict] = []
        for p in found:
            host = next((q for q in out if self._same(q, p)), None)
            earlier = next((q for q in out if self._same(p, q)), None) if host is None else None
            if earlier is not None:
                # an unnamed description first, its name later: the named mention hosts
                out[out.index(earlier)] = p
                host, p = p, earlier
            if host is None:
                out.append(p)
                continue
            host["_sents"] = host["_sents"] + [x for x in p["_sents"] if x not in host["_sents"]]
            host["_spans"] = host["_spans"] + p["_spans"]
            if p["name"] in host["aliases"] or p["project_type"] == host["project_type"]:
                if STATUS_RANK.index(p["status"]) > STATUS_RANK.index(host["status"]):
                    host["status"] = p["status"]
                host["aliases"] = sorted({*host["aliases"], *p["aliases"]} - {host["name"]})
        return out

    @staticmethod
    def _same(q: dict, p: dict) -> bool:
        names_q = {q["name"], *q["aliases"]}
        if p["name"] in names_q:
            return True
        caps_p = {w for w in re.split(r"[\s\-\u2013]+", p["name"]) if w[:1].isupper()}
        caps_q = {w for n in names_q for w in re.split(r"[\s\-\u2013]+", n) if w[:1].isupper()}
        if not caps_p:
            return False
        if p["project_type"] == q["project_type"] and p["name"][:1].islower() and caps_p <= caps_q:
            return True  # "an electricity cable under the Black Sea" ... "the Black Sea Submarine Cable"
        # "X Port" named as the first part of "the X Port-Y-Z corridor"
        return q["project_type"] in ("corridor", "railway", "road") and p["project_type"] == "facility" and \
            re.match(re.escape(p["name"]) + r"[\-\u2013]", q["name"]) is not None

    # ------------------------------------------------------------------ milestones
    def _regions(self, doc: Doc, found: list[dict]) -> dict[int, list[Span]]:
        """Sentences that speak of each project: its own and those that refer back to it ('the cable', 'the
        project', 'The 500-km road and rail corridor ...'), each with the following ones of the paragraph
        until another project is named."""
        sents = list(doc.sents)
        starts = [s.start_char for s in sents]
        names = [(i, n) for i, p in enumerate(found) for n in {p["name"], *p["aliases"]} if len(n) > 3]
        mentions: dict[int, set[int]] = {}
        for k, s in enumerate(sents):
            for i, n in names:
                if n in s.text:
                    mentions.setdefault(k, set()).add(i)
        # sentences the paragraph goes on from, and lone sentences ('the cable' in a later paragraph)
        anchors = {i: {max(0, bisect.bisect_right(starts, a) - 1) for a, _ in p["_sents"]} for i, p in enumerate(found)}
        lone: dict[int, set[int]] = {i: set() for i in anchors}
        index = _SpanIndex(found)
        for k, s in enumerate(sents):
            i, extend = self._anaphor(s, found, mentions.get(k, set()), index)
            if i is not None:
                (anchors if extend else lone)[i].add(k)
        out: dict[int, list[Span]] = {}
        for i in range(len(found)):
            idx: set[int] = set(lone[i])
            for k in anchors[i]:
                idx.add(k)
                for j in range(k + 1, min(k + 4, len(sents))):
                    if "\n" in text_of(doc)[sents[j - 1].end_char - 1:sents[j].start_char + 1] or \
                            mentions.get(j, set()) - {i}:
                        break
                    idx.add(j)
            out[i] = [sents[k] for k in sorted(idx)]
        return out

    def _anaphor(self, s: Span, found: list[dict], named: set[int],
                 index: _SpanIndex | None = None) -> tuple[int | None, bool]:
        """The project a sentence refers back to, and whether its paragraph goes on about it: a sentence
        opening on a definite description ('The 1,200-km road and rail corridor', 'The run-of-the-river
        plant', 'The A-B line') names the nearest earlier project it fits; elsewhere, in a sentence naming
        no project, 'the cable' or 'the project' names the nearest earlier one with that head noun."""
        index = index or _SpanIndex(found)
        m = DESCRIPTION_RE.match(s.text)
        if m and not index.spans.overlaps(s.start_char + m.start(), s.start_char + m.end()):
            noun, mods = m.group("noun").lower(), m.group("mods")
            caps = {w for w in re.split(r"[\s\-\u2013]+", mods) if w[:1].isupper()}
            cands = [(index.last_before(i, s.start_char), i) for i, p in enumerate(found)
                     if i not in named and index.span_starts[i][0] < s.start_char and
                     _fits(p, noun, caps)]
            if cands:
                i = max(cands)[1]
                modes = {w for w in re.split(r"[\s\-]+", mods.lower()) if w in TRANSPORT_MODES}
                if noun in ("corridor", "route") and len(modes) >= 2 and found[i]["project_type"] in LINEAR:
                    found[i]["project_type"] = "corridor"  # "the road and rail corridor": more than a road
                return i, True
        if named:
            return None, False
        for m in ANAPHOR_RE.finditer(s.text):
            noun = m.group(1).lower()
            before = [(index.sent_bounds[i][1], i) for i, p in enumerate(found)
                      if index.sent_bounds[i][0] < s.start_char and
                      (noun == "project" or p["name"].lower().endswith(noun))]
            if before:
                return max(before)[1], False
        return None, False

    def milestones(self, doc: Doc, found: list[dict]) -> None:
        """Dated steps (completion, opening, commissioning, a feasibility study, an investment decision) in
        the sentences that speak of the project, each with a short description."""
        dct = doc._.dct or ""
        regions = self._regions(doc, found)
        timexes = [t for t in doc._.timexes or [] if t.type == "DATE"]
        spans = [(a, b, i) for i, p in enumerate(found) for a, b in p["_spans"]]
        for i, p in enumerate(found):
            for sent in regions[i]:
                own = [(a, b) for a, b, j in spans if j == i and sent.start_char <= a < sent.end_char]
                crowded = any(j != i and sent.start_char <= a < sent.end_char for a, b, j in spans)
                for t in timexes:
                    if not (sent.start_char <= t.start and t.end <= sent.end_char):
                        continue
                    iso = t.iso_date()
                    tok = doc.char_span(t.start, t.end, alignment_mode="expand")
                    if not iso or tok is None:
                        continue
                    pred, clause = clause_of(tok.root)
                    lo, hi = pred.left_edge.idx, pred.right_edge.idx + len(pred.right_edge)
                    if crowded and own and not any(lo <= a and b <= hi for a, b in own):
                        continue  # another project's clause of a shared sentence
                    if _dates_other_thing(tok.root, p):
                        continue  # "extend the X service, opened in 2018": X's opening, not this project's
                    since = re.search(r"\bsince\s*$", text_of(doc)[max(0, t.start - 8):t.start], re.I)
                    cue = _nearest(MILESTONE_RE, clause, t.text)
                    if not cue and not since:
                        continue
                    if cue:
                        desc = _describe(pred, cue)
                        past = pred.tag_ == "VBD" or (pred.tag_ == "VBN" and any(
                            c.lower_ in ("was", "were", "has", "have", "had") for c in pred.children))
                        planned = True if FUTURE_RE.search(clause.replace(t.text, " ")) else False if past else (
                            iso[: len(dct)] > dct[: len(iso)] if dct else True)
                    else:
                        desc, planned = "in use since", False
                    if not any(x["date"] == iso for x in p["milestones"]):
                        p["milestones"].append({"description": desc, "date": iso,
                                                "status": "planned" if planned else "done"})


    @staticmethod
    def opening_milestones(doc: Doc, found: list[dict]) -> None:
        """An opening the events component dated ("On Thursday the two leaders flew to Moyale, where they
        opened the Moyale Integrated Logistics Hub") is a milestone of the project opened."""
        for f in doc._.facts or []:
            if f.get("kind") != "event" or f.get("event_type") != "opening" or not f.get("start") \
                    or f.get("status") not in ("occurred", "planned"):
                continue
            opened = f["title"].lower()
            for p in found:
                names = [n.lower() for n in (p["name"], *p["aliases"]) if len(n.split()) >= 2]
                if not any(n in opened for n in names):
                    continue
                if not any(x["date"] == f["start"] for x in p["milestones"]):
                    p["milestones"].append({"description": "opened", "date": f["start"],
                                            "status": "done" if f["status"] == "occurred" else "planned"})
                if f["status"] == "occurred":
                    p["_opened"] = True


class _SpanIndex:
    """The projects' name spans and sentences, indexed once per document, so each sentence
    costs a bisection rather than a pass over every project's spans."""

    def __init__(self, found: list[dict]) -> None:
        self.spans = Intervals((a, b) for p in found for a, b in p["_spans"])
        self.span_starts = [sorted(a for a, _ in p["_spans"]) for p in found]
        self.sent_bounds = [(min(a for a, _ in p["_sents"]), max(a for a, _ in p["_sents"])) if p["_sents"]
                            else (float("inf"), -1) for p in found]

    def last_before(self, i: int, char: int) -> int:
        """The last start of project i's spans before char (one exists)."""
        starts = self.span_starts[i]
        return starts[bisect.bisect_left(starts, char) - 1]


def _fits(p: dict, noun: str, caps: set[str]) -> bool:
    """Can a description with this head noun and these capitalised words refer to the project?"""
    words = {w for n in (p["name"], *p["aliases"]) for w in re.split(r"[\s\-\u2013]+", n)}
    if not caps <= words:
        return False
    ptype = p["project_type"]
    return noun in ("project", "scheme", "venture", "undertaking") or p["name"].lower().endswith(noun) or \
        LOWER_HEADS.get(noun) == ptype or (ptype == "facility" and noun in FACILITY_WORDS | {"facility", "station"}) \
        or (ptype in LINEAR and noun in ("line", "link", "route", "corridor"))


def _dates_other_thing(t: Token, p: dict) -> bool:
    """Is the date on a participle modifying a noun phrase that names something else ('the X service,
    opened in 2018', where X is no word of the project's names)?"""
    v = _verb_above(t)
    if v is None or v.dep_ != "acl" or v.head.pos_ not in ("NOUN", "PROPN"):
        return False
    words = {w for n in (p["name"], *p["aliases"]) for w in re.split(r"[\s\-\u2013]+", n)}
    caps = {x.text for x in v.head.subtree if x.i < v.head.i and x.text[:1].isupper() and x.dep_ != "det"}
    return bool(caps - words)


def _nearest(pattern: re.Pattern[str], clause: str, anchor: str) -> str | None:
    hits = [m for m in pattern.finditer(clause) if m.group(0)[:1].islower() or m.start() == 0]
    if not hits:
        return None
    at = clause.find(anchor)
    return min(hits, key=lambda m: abs(m.start() - at) if at >= 0 else 0).group(0)


def _describe(pred: Token, cue: str) -> str:
    """'first phase of the zone completed', 'feasibility study completed', 'final investment decision'."""
    subj = next((c for c in pred.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subj is None or subj.pos_ in ("PRON", "PROPN") or cue.lower() not in pred.text.lower():
        return cue
    keep = [t for t in subj.subtree if t.i <= subj.i]
    of = next((c for c in subj.children if c.dep_ == "prep" and c.lower_ in ("of", "for")), None)
    if of is not None and len(list(of.subtree)) <= 4:
        keep += list(of.subtree)
    text = " ".join(t.text for t in keep if t.dep_ not in ("det", "poss") and not t.is_punct)
    if text and len(text.split()) <= 8 and cue.lower() in SCHEDULE_WORDS:
        return text  # "river diversion is scheduled for 2026": the step is the subject
    return f"{text} {cue}" if text and len(text.split()) <= 8 else cue


def _spells(acr: str, parts: list[str]) -> bool:
    """Does the acronym take, in order, one or two leading letters of each part of a name? ('LAPSSET')"""
    def go(i: int, j: int) -> bool:
        if j == len(parts):
            return i == len(acr)
        w = parts[j].upper()
        return any(acr[i:i + n] == w[:n] and go(i + n, j + 1) for n in (1, 2) if i + n <= len(acr))
    return len(acr) >= 2 and go(0, 0)


@Language.factory("dyad_projects")
def make_project_extractor(nlp: Language, name: str) -> ProjectExtractor:
    return ProjectExtractor()
