"""Projects told in forms the name-based rules miss: a price before a capitalised name ("the $8.5 billion X
Partnership"), a name founded by an undertaking ("the establishment of a X Platform", "work towards a joint X
Scheme"), a joint venture told by its purpose ("a joint venture to assemble tractors in X"), a supply by cable or
pipeline between two places ("the export of solar power from A to B through a subsea cable") and a programme named
only by its field ("the circular migration programme") that an agreement of the article covers or whose progress
the sentence tells. Also the named sites of described facilities ("the technology transfer hub in X") and the
simple present of a thing at work ("X, which processes seeds"). Word lists live in
``dyad/data/patterns/project_forms.json``."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import TYPE_CHECKING

from spacy.tokens import Doc, Span, Token

from dyad.nlp.components.project_patterns import DATA, PROJECT_CUE, in_heading
from dyad.nlp.components.util import patterns, span_text, word_alternation

_alt = word_alternation  # a short name for the many patterns below

if TYPE_CHECKING:
    from dyad.nlp.components.projects import ProjectExtractor

_CAPW = r"[A-Z][\w\-\u2013'\u2019]*"
_PRICE = (r"(?:[A-Z]{0,3}[$\u20ac\u00a3\u00a5]\s?|(?:US|EUR|USD)\s?)\d[\d.,]*(?:\s*(?:million|billion|trillion|bn|mn))?"
          r"(?:\s*\([^()]{1,30}\))?[\s\-]+")
_PRICED = re.compile(r"[$\u20ac\u00a3\u00a5]\s?\d|\d\s*(?:million|billion)\b")
_OBJ = r"(?!in\b|at\b)[a-z][\w\-]*"  # a word of a venture's object, up to its site
_STOP = {"of", "the", "a", "an", "to", "in", "on", "for", "with", "from", "at", "by", "and", "or", "its", "their"}


# "between A and B" keeps its "and" (ends of one or a few words, up to a preposition or a verb)
_END_WORD = r"(?!(?:at|in|on|to|for|with|and|which|that|is|was|are|were|will|would|has|have)\b)[\w\-'\u2019]+"
BETWEEN_RE = re.compile(r"\s+between\s+(?:the\s+)?(?:" + _END_WORD + r"\s+){1,4}?and\s+(?:the\s+)?" + _END_WORD
                        + r"(?:\s+" + _END_WORD + r"){0,3}")


@lru_cache(maxsize=1)
def _data() -> dict:
    return patterns("project_forms")


@lru_cache(maxsize=1)
def _regexes() -> dict[str, re.Pattern[str]]:
    d = _data()
    heads = _alt(list(d["undertaking_name_heads"]))
    name = r"(?P<name>(?:" + _CAPW + r"\s+(?:(?:and|for|of)\s+(?=[A-Z]))?){1,5}(?P<head>" + heads + r"))\b"
    supply_heads = _alt(list(d["supply_heads"]))
    place = r"(?:the\s+)?" + _CAPW + r"(?:\s+" + _CAPW + r"){0,3}"
    return {
        "priced": re.compile(r"\b(?:the|a|an|its|their)\s+" + _PRICE + name),
        "founded": re.compile(r"\b(?:" + _alt(d["founding_leads"]) + r")\s+(?:a|an|the)\s+(?:new\s+)?(?:joint\s+)?"
                              + name.replace("(?P<head>" + heads, "(?P<head>" + _alt(d["founding_heads"])), re.I),
        "venture": re.compile(r"\b(?:a|an|the)\s+(?:new\s+)?joint\s+venture\s+(?:to|that\s+will|which\s+will)\s+"
                              r"(?P<verb>" + _alt(list(d["venture_verbs"])) + r")\s+(?P<obj>(?:" + _OBJ + r"\s+){0,2}"
                              + _OBJ + r")(?P<site>\s+(?:in|at)\s+" + _CAPW + r"(?:\s+" + _CAPW + r"){0,2})?"),
        "supply": re.compile(r"\b(?P<noun>" + _alt(d["supply_nouns"]) + r")\s+of\s+(?P<what>(?:[a-z][\w\-]*\s+){0,3}"
                             r"[a-z][\w\-]*)\s+from\s+" + place + r"\s+to\s+" + place + r"\s+(?:through|via|by)\s+"
                             r"(?:a\s+|an\s+|the\s+)?(?:new\s+)?(?P<head>" + supply_heads + r")\b"),
        "programme": re.compile(r"\b(?:[Tt]he|[Ii]ts|[Tt]heir)\s+(?P<mods>(?:[\w\-]+\s+){1,4}?)(?P<head>"
                                + _alt(d["programme_heads"]) + r")\b"),
        "framework": re.compile(r"(?:\bunder\s+the\s+(?P<n1>(?:" + _CAPW + r"\s+){1,4}(?:" + _alt(d["framework_heads"])
                                + r"))\b|(?<![\w\-])(?P<n2>(?:" + _CAPW + r"\s+){1,4}(?:" + _alt(d["framework_heads"])
                                + r")),\s+(?:under\s+which|which\s+aims|through\s+which|which\s+funds|"
                                r"which\s+supports))"),
        "joint_facility": re.compile(r"\b(?:[Aa]n?|[Tt]he)\s+(?:new\s+)?(?P<name>joint\s+(?:[a-z][\w\-]*\s+){0,4}?"
                                     r"(?P<head>" + _alt(list(d["joint_facility_heads"])) + r")\s+(?:near|in|at)\s+"
                                     r"(?:the\s+)?" + _CAPW + r"(?:\s+" + _CAPW + r"){0,2})"),
        "progress": re.compile(r"(?<![\w-])(?:" + _alt(d["programme_progress"]) + r")(?![\w-])", re.I),
    }


def _free(found: list[dict], a: int, b: int) -> bool:
    return not any(s["start"] < b and a < s["end"] for p in found for s in p["sources"][:1])


def site_named(ex: ProjectExtractor, pp: str) -> bool:
    """' across the Strait of X', ' between A and B': a path phrase naming a place that is not only countries."""
    places = re.findall(r"[A-Z][\w\-'\u2019]+(?:\s+(?:of\s+)?[A-Z][\w\-'\u2019]+)*", pp)
    generic = set(DATA["generic_place_words"])
    return any(not ex._countries_only(p) and not set(p.split()) <= generic for p in places)


@lru_cache(maxsize=1)
def _undertaking_lead() -> re.Pattern[str]:
    nouns = patterns("project_sites")["undertaking_nouns"]
    return re.compile(r"\b(?:" + _alt(nouns) + r")\s+(?:of|on)\s+$", re.I)


def lowercase_facility_site(ex: ProjectExtractor, sent: Span, lead: str, mods: str, after: str) -> str:
    """'the mRNA technology transfer hub in X', 'a pharmaceutical plant being built in X State': a facility
    described in lower case at a named place (not a country), in a sentence about building or running it;
    returns the ' in <place>' to keep in its name, else ''."""
    words = mods.split()
    det = re.search(r"\b(?:an?|the)\s+(?:\S+\s+)?$", lead, re.I)  # the article, perhaps a price or an owner
    if _undertaking_lead().search(lead[:det.start()] if det else ""):
        return ""  # "construction of the new X post at A and B": the undertaking rules name it whole
    # "signed a loan to build a new regional hospital in X": an undertaking the sentence funds or builds
    built = bool(det) and re.search(r"\b(?:build|built|construct(?:ed)?|financ(?:e|ed|es|ing)|fund(?:s|ed|ing)?|"
                                    r"set\s+up|establish(?:ed)?)\s+$", lead[:det.start()])
    lead = lead[det.start():] if det else lead
    if not words or any(w[:1].isupper() or w[:1].isdigit() for w in words) or (
            re.match(r"an?\s", lead, re.I) and not re.search(r"\d", lead) and not built):
        return ""  # "a planned steel plant in X": one of a kind named in passing, not a known undertaking
    if not PROJECT_CUE.search(span_text(sent)) and not _PRICED.search(span_text(sent)):
        return ""  # neither built, run nor funded: a place named in passing
    return ex._named_site(after)


def more_projects(ex: ProjectExtractor, doc: Doc, sent: Span, found: list[dict]) -> None:
    """Adds the projects of one sentence told in the forms above."""
    text = span_text(sent)
    if in_heading(doc, sent.start_char):
        return
    _named_undertakings(ex, doc, sent, text, found)
    _ventures(ex, doc, sent, text, found)
    _supplies(ex, doc, sent, text, found)
    _programmes(ex, doc, sent, text, found)
    _frameworks(ex, doc, sent, text, found)
    _joint_facilities(ex, doc, sent, text, found)


def _frameworks(ex: ProjectExtractor, doc: Doc, sent: Span, text: str, found: list[dict]) -> None:
    levels = set(_data()["relation_level_words"])
    for m in _regexes()["framework"].finditer(text):
        group = "n1" if m.group("n1") else "n2"
        name = re.sub(r"^(?:The|A|An)\s+", "", m.group(group))
        words = name.split()
        if len(words) < 2 or set(words[:-1]) & levels or ex.gaz.organization(name) or ex.gaz.country_of(name):
            continue  # "under the Comprehensive Strategic Partnership": the relation, not a programme
        b = sent.start_char + m.end(group)
        _add(ex, doc, sent, found, b - len(name), b, "program")


def _joint_facilities(ex: ProjectExtractor, doc: Doc, sent: Span, text: str, found: list[dict]) -> None:
    heads = _data()["joint_facility_heads"]
    for m in _regexes()["joint_facility"].finditer(text):
        a, b = sent.start_char + m.start("name"), sent.start_char + m.end("name")
        place = text[m.end("head"):m.end("name")].split()[-1]
        if (c := ex.gaz.country_of(place)) and c[1] in ("name", "adjective"):
            continue  # "a joint centre in Kenya": no site named
        _add(ex, doc, sent, found, a, b, heads.get(m.group("head"), "facility"))


def _add(ex: ProjectExtractor, doc: Doc, sent: Span, found: list[dict], a: int, b: int, ptype: str,
         agreed: bool = False) -> dict | None:
    if not _free(found, a, b):
        return None
    rec = ex._record(doc, sent, doc.text[a:b], [], ptype, a, b, agreed=agreed)
    found.append(rec)
    return rec


def _named_undertakings(ex: ProjectExtractor, doc: Doc, sent: Span, text: str, found: list[dict]) -> None:
    heads = _data()["undertaking_name_heads"]
    for key in ("priced", "founded"):
        for m in _regexes()[key].finditer(text):
            name = m.group("name")
            if not name[:1].isupper() or ex.gaz.organization(name) or ex._countries_only(name.rsplit(" ", 1)[0]):
                continue
            if len(name.split()) < 2:
                continue
            a, b = sent.start_char + m.start("name"), sent.start_char + m.end("name")
            head = next(h for h in heads if h.lower() == m.group("head").lower())
            rec = _add(ex, doc, sent, found, a, b, heads[head], agreed=key == "founded" and "toward" not in m.group(0))
            if rec is not None and key == "priced":
                rec["_fallback"] = "agreed"  # money committed to it: agreed unless its sentences say more
            elif rec is not None and "toward" in m.group(0):
                rec["_fallback"] = "proposed"  # "work towards a joint X Scheme": not yet agreed


def _ventures(ex: ProjectExtractor, doc: Doc, sent: Span, text: str, found: list[dict]) -> None:
    verbs = _data()["venture_verbs"]
    for m in _regexes()["venture"].finditer(text):
        a = sent.start_char + m.start() + len(re.match(r"\S+\s+", m.group(0)).group(0))
        b = sent.start_char + m.end()
        _add(ex, doc, sent, found, a, b, verbs.get(m.group("verb"), "other"))


def _supplies(ex: ProjectExtractor, doc: Doc, sent: Span, text: str, found: list[dict]) -> None:
    heads = _data()["supply_heads"]
    for m in _regexes()["supply"].finditer(text):
        a, b = sent.start_char + m.start(), sent.start_char + m.end()
        head = re.sub(r"\s+", " ", m.group("head"))
        # the cable or pipeline named on its own is the same work: it gives way to the fuller description
        for p in [p for p in found if a <= p["sources"][0]["start"] and p["sources"][0]["end"] <= b]:
            found.remove(p)
        _add(ex, doc, sent, found, a, b, heads.get(head, "cable"))


def _agreement_words(doc: Doc) -> set[str]:
    words: set[str] = set()
    for f in doc._.facts or []:
        if f.get("kind") == "agreement":
            for field in ("title", "field"):
                words |= {w[:6] for w in re.findall(r"[a-z]{5,}", (f.get(field) or "").lower())}
    return words


def _programmes(ex: ProjectExtractor, doc: Doc, sent: Span, text: str, found: list[dict]) -> None:
    d = _data()
    for m in _regexes()["programme"].finditer(text):
        words = m.group("mods").split()
        content = [w for w in words if w.lower() not in _STOP]
        if not content or any(w.lower() in _STOP for w in words) or set(w.lower() for w in words) & set(
                d["programme_not"]):
            continue
        # capitalised words only as a country's ("India-funded", "Indonesian"); a proper name is the named rules'
        caps = [w for w in words if w[:1].isupper()]
        if any(not ex.gaz.country_of(re.split(r"[\-\u2013]", w)[0]) for w in caps) or content[-1][:1].isupper():
            continue
        stems = {w[:6] for w in re.findall(r"[a-z]{5,}", " ".join(content).lower())}
        covered = bool(stems & _agreement_words(doc))
        if not covered and not _regexes()["progress"].search(text):
            continue
        a, b = sent.start_char + m.start("mods"), sent.start_char + m.end("head")
        head = doc.char_span(b - len(m.group("head")), b, alignment_mode="expand")
        if head is not None and head[-1].dep_ == "compound":
            continue  # "the X university programme office": the programme names an office's field
        rec = _add(ex, doc, sent, found, a, b, "program")
        if rec is not None and covered:
            rec["_fallback"] = "agreed"  # an agreement covers it: agreed unless its sentences say more


def present_activity(np: Token) -> bool:
    """'X, which processes seeds into oil', 'the Fund, which contributes N a year': a relative clause in the
    simple present, with no auxiliary, on a verb that does more than describe a design."""
    design = set(_data()["design_verbs"])
    # the clause may hang on the thing's site ("the X hub in Y, which supplies ...")
    sites = [o for c in np.children if c.dep_ == "prep" and c.lower_ in ("in", "at") for o in c.children
             if o.dep_ == "pobj"]
    for rel in (c for t in [np, *sites] for c in t.children if c.dep_ == "relcl"):
        if rel.tag_ not in ("VBZ", "VBP") or rel.lemma_.lower() in design:
            continue
        if any(c.dep_ in ("aux", "auxpass", "neg") for c in rel.children):
            continue
        if any(c.dep_ == "nsubj" and c.lower_ in ("which", "that") for c in rel.children):
            return True
    return False


def lower_head_after(after: str) -> tuple[str, str] | None:
    """' expressway', ' gas pipeline': a lower-case project head (not the generic 'project') right after a
    name; returns the text to add to the name and the type it implies."""
    lower = {k: v for k, v in DATA["unnamed_heads"].items() if k.islower() and v != "other"}
    m = re.match(r"\s+([a-z][\w\-]*(?:\s+[a-z][\w\-]*)?)", after)
    if not m:
        return None
    words = m.group(1).split()
    for n in (2, 1):
        if len(words) >= n and " ".join(words[:n]) in lower:
            key = " ".join(words[:n])
            return after[:after.index(words[n - 1]) + len(words[n - 1])], lower[key]
    return None


_ENDPOINT = re.compile(r"\b(?:between|between\s+(?:the\s+)?[\w\-'\u2019]+(?:\s+[A-Z][\w\-'\u2019]+)*\s+and|from\s+"
                       r"(?:the\s+)?[A-Z][\w\-'\u2019]*(?:\s+[A-Z][\w\-'\u2019]+)*\s+to)\s+(?:the\s+)?$")


def route_end(before: str) -> bool:
    """'... the X Line between A and' / 'from A to': what follows is an end of a route named before."""
    if not _ENDPOINT.search(before):
        return False
    linear = {k for k, v in DATA["named_heads"].items() if v in ("corridor", "railway", "road", "pipeline", "cable")}
    linear |= {k for k, v in DATA["unnamed_heads"].items() if v in ("railway", "road", "pipeline", "cable")}
    low = before.lower()
    return any(re.search(r"\b" + re.escape(w.lower()) + r"\b", low) for w in linear | {"section", "line"})


_BUILD_LEMMAS = {"build", "construct", "develop", "operate", "run", "establish", "set"}


def builders(doc: Doc, found: list[dict]) -> list[dict]:
    """'X, a joint venture between A and B, is building a battery plant in Y': the subject of a building verb
    whose object is another project is that project's builder, not a project of its own; a capitalised
    builder's name becomes an alias of what it builds."""
    def root(p: dict) -> Token | None:
        s = p["sources"][0]
        span = doc.char_span(s["start"], s["end"], alignment_mode="expand")
        return span.root if span is not None and len(span) else None

    roots = [root(p) for p in found]
    drop: set[int] = set()
    for i, t in enumerate(roots):
        if t is None:
            continue
        subj = t.head if t.dep_ == "appos" else t
        if subj.dep_ != "nsubj" or subj.head.lemma_.lower() not in _BUILD_LEMMAS:
            continue
        objs = {c.i for c in subj.head.children if c.dep_ == "dobj"}
        built = [j for j, u in enumerate(roots) if j != i and u is not None and u.i in objs]
        if not built:
            continue
        drop.add(i)
        if found[i]["name"][:1].isupper():
            q = found[built[0]]
            q["aliases"] = sorted({*q["aliases"], found[i]["name"]})
    return [p for k, p in enumerate(found) if k not in drop]


_OPENED_LEMMAS = {"open", "inaugurate", "commission", "complete", "finish"}  # ("launched in 2012": works began)
_OPENED_AFTER = re.compile(r"\s*,\s+(?:which\s+was\s+)?(?:opened|inaugurated|commissioned)\s+(?:to\s+traffic\s+)?"
                           r"in\s+(?:[A-Z][a-z]+\s+)?(?P<year>(?:19|20)\d\d)\b")


def opened_participle(np: Token) -> bool:
    """'the new X bridge, opened in 2023': a past participle of opening hung on the project, with no
    auxiliary ('to be opened') and a date in the past, says it is in use."""
    dct = (np.doc._.dct or "")[:4]
    # the parser may hang the participle elsewhere ("welcomed progress on X, opened in 2023")
    after = _OPENED_AFTER.match(np.doc.text[np.idx + len(np.text):np.idx + len(np.text) + 60])
    if after and (not dct or int(after.group("year")) <= int(dct)):
        return True
    for c in np.children:
        if c.dep_ != "acl" or c.tag_ != "VBN" or c.lemma_.lower() not in _OPENED_LEMMAS:
            continue
        if any(k.dep_ in ("aux", "auxpass") or k.lower_ in ("to", "be") for k in c.children):
            continue
        years = [int(t.text) for t in c.subtree if t.like_num and re.fullmatch(r"(?:19|20)\d\d", t.text)]
        if years and (not dct or all(y <= int(dct) for y in years)):
            return True
    return False
