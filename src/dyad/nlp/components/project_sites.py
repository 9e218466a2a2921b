"""Projects told by what is done to them or where they stand, not by a capitalised name: "the modernization
of the A-B international crossing", "construction of the new one-stop border post at A and B", "plans to
build a cross-border market in A", "to develop a 1,000-megawatt wind and solar project in southern X",
"a second bridge over the X River", "the extension of the A and B programmes to <country> communities",
"the X Partnership for Y, launched by A, B and C ... through an investment fund". Word lists live in
``dyad/data/patterns/project_sites.json``."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import TYPE_CHECKING

from spacy.tokens import Doc, Span

from dyad.nlp.components.project_forms import route_end
from dyad.nlp.components.project_patterns import DATA, OVERRIDE_RE, PROJECT_CUE, in_heading
from dyad.nlp.components.util import patterns, span_text, word_alternation

_alt = word_alternation  # a short name for the many patterns below

if TYPE_CHECKING:
    from dyad.nlp.components.projects import ProjectExtractor

_WORD = r"[\w\-\u2013'\u2019]+"
_PLACE = r"[A-Z]" + _WORD + r"(?:\s+[A-Z]" + _WORD + r")*"
_STOP = r"(?:of|the|a|an|to|in|on|for|with|from|at|by|into|as|over|across|or|that|which|its|their|this)"


@lru_cache(maxsize=1)
def _data() -> dict:
    return patterns("project_sites")


@lru_cache(maxsize=1)
def _regexes() -> dict[str, re.Pattern[str]]:
    d = _data()
    dirs = _alt(d["direction_words"])
    word = r"(?!" + _STOP + r"\b)[a-z][\w\-]*"
    site = (r"(?P<purpose>\s+for\s+(?:the\s+)?(?:" + _alt(d["purpose_nouns"]) + r")\s+of\s+(?:" + word + r"\s+){0,2}"
            + word + r")?"
            r"(?P<site>\s+(?P<prep>at|in|on|over|across)\s+(?:the\s+)?(?P<place>(?:(?:" + dirs + r")\s+)?"
            + _PLACE + r"(?:\s+and\s+" + _PLACE + r")?)(?:\s+(?:" + _alt(d["site_admin_words"]) + r")\b)?)?")
    mods = r"(?P<mods>(?:(?!" + _STOP + r"\b)(?:\d[\d,.]*[\w\-]*|" + _WORD + r")\s+){0,6}?)"
    # "the construction of (a) ...", "to build a ...", "its $1.6 billion factory in ...": a thing built or priced
    lead = (r"\b(?:(?:" + _alt(d["undertaking_nouns"]) + r")\s+(?:of|on|for)\s+(?:the\s+|an?\s+)?|(?:"
            + _alt(d["undertaking_verbs"]) + r")\s+(?:a|an|the)\s+|(?:its|their)\s+(?:US)?\$\s?\d[\d.,]*\s+"
            r"(?:million|billion|bn|mln|bln)\s+)")
    nouns = _alt(list(d["site_nouns"]))
    return {
        "undertaking": re.compile(lead + mods + r"(?P<noun>(?:[a-z]{2,6}-)?(?:" + nouns + r"))(?![\w\-])" + site),
        "water": re.compile(r"\b(?:[Aa]n?|[Tt]he)\s+(?P<mods>(?:[a-z][\w\-]*\s+){0,2})(?P<noun>"
                            + _alt(d["water_crossings"]) + r")\s+(?:over|across|on)\s+the\s+(?P<water>(?:[A-Z]"
                            + _WORD + r"\s+)+(?:" + _alt(d["water_words"]) + r"))\b"),
        "programmes": re.compile(r"\b(?:" + _alt(d["extension_words"]) + r")\s+(?:of\s+)?the\s+(?P<names>[A-Z]"
                                 r"[^,;:()]{2,120}?)\s+(?:" + _alt(d["programme_nouns"]) + r")\s+(?:to|into)\s+"
                                 r"(?P<to>[^,;:.]{2,60})"),
        "partnership": re.compile(r"(?<![\w\-])(?P<name>(?:[A-Z]" + _WORD + r"\s+){1,4}(?:"
                                  + _alt(d["partnership_heads"]) + r")\s+for\s+(?:[A-Z]" + _WORD
                                  + r"\s+(?:and\s+)?){0,5}[A-Z]" + _WORD + r")"),
        "capacity": re.compile(r"\d[\d,.]*[\s\-](?:" + _alt(d["capacity_units"]) + r")s?\b", re.I),
        "direction": re.compile(r"^(?:(?:" + dirs + r")\s+)", re.I),
    }


_SIGNED_FOR = re.compile(r"\b(?:signed|concluded|awarded|won)\s+(?:a|an|the)\s+(?:[\w\-]+\s+){0,2}?(?:"
                         + "|".join(DATA["agreement_nouns"]) + r")\b[^.;]{0,80}\bto\s+$")


def _free(found: list[dict], a: int, b: int) -> bool:
    return not any(s["start"] < b and a < s["end"] for p in found for s in p["sources"][:1])


def extra_projects(ex: ProjectExtractor, doc: Doc, sent: Span, found: list[dict]) -> None:
    """Adds the projects of one sentence that the name-based rules do not see."""
    _undertakings(ex, doc, sent, found)
    _water_crossings(ex, doc, sent, found)
    _extended_programmes(ex, doc, sent, found)
    _partnerships(ex, doc, sent, found)
    _works_in_progress(ex, doc, sent, found)
    _acronym_programmes(ex, doc, sent, found)


def _country_only(ex: ProjectExtractor, words: str) -> bool:
    """The place names countries only ("Kenya", "Chad and Niger"); a capital or a city is a site like any town
    ("a desalination plant in Funafuti")."""
    if (whole := ex.gaz.country_of(words)) is not None:
        return whole[1] in ("name", "adjective", "demonym")
    parts = [w for w in re.split(r"[\s\-\u2013]+", words) if w and w != "and"]
    return bool(parts) and all((c := ex.gaz.country_of(w)) is not None and c[1] in ("name", "adjective", "demonym")
                               for w in parts)


def _undertakings(ex: ProjectExtractor, doc: Doc, sent: Span, found: list[dict]) -> None:
    rx = _regexes()
    for m in rx["undertaking"].finditer(span_text(sent)):
        mods = m.group("mods")
        owner = re.match(r"(?:[A-Z][\w\-]*\s+){0,3}[A-Z][\w\-]*(?:'s|\u2019s)\s+", mods)
        mods_at = m.start("mods") + (owner.end() if owner else 0)  # "Eni's agri-hub": the owner is no name
        mods = mods[owner.end():] if owner else mods
        caps = [w for w in re.split(r"[\s\-\u2013]+", mods) if w[:1].isupper()]
        # a city in the description names the thing ("the X water supply system"); a country does not
        named = any(not (c := ex.gaz.country_of(w)) or c[1] not in ("name", "adjective") for w in caps)
        place = m.group("place") or ""
        bare_place = rx["direction"].sub("", place)
        place_country = bool(place) and _country_only(ex, bare_place)
        if place and ex.gaz.organization(bare_place):
            continue
        measured = rx["capacity"].match(mods) is not None
        # a city or region of a country is specific enough for a plant described by its size or its purpose
        if not (named or (place and not place_country) or (place and (measured or m.group("purpose")))):
            continue
        noun = re.sub(r"\s+", " ", m.group("noun"))
        if noun not in _data()["site_nouns"] and "-" in noun:
            noun = noun.split("-", 1)[1]  # "agri-hub" is a hub
        if noun in _data()["site_only_nouns"] and not place:
            continue  # "the foreign exchange market": an economic market, not a marketplace at a site
        definite = re.search(r"\bthe\s+$", span_text(sent)[:m.start("mods")]) is not None
        if definite and not named and any(p["name"].lower().endswith(noun)
                                          and p["sources"][0]["start"] < sent.start_char for p in found):
            continue  # "the joint construction of the 1,860-megawatt plant in X": the plant named before
        if named:
            # "the rehabilitated X pump station on the Y River": the name runs from its first capital word
            first = re.search(r"(?:^|\s)(?=[A-Z])", mods)
            start = mods_at + (first.end() if first else 0)
            end = m.end("noun")
        else:
            lead = re.match(r"(?:new|planned|proposed|future|second|first)\s+", mods)
            start = mods_at + (lead.end() if lead else 0)
            end = m.end("site")
        a, b = sent.start_char + start, sent.start_char + end
        if not _free(found, a, b) or in_heading(doc, a):
            continue
        ptype = _data()["site_nouns"].get(noun, "facility")
        # "signed a contract with X to develop a ... project": the contract's object is agreed
        agreed = _SIGNED_FOR.search(span_text(sent)[:m.start()]) is not None
        found.append(ex._record(doc, sent, doc.text[a:b], [], ptype, a, b, agreed=agreed))


def _water_crossings(ex: ProjectExtractor, doc: Doc, sent: Span, found: list[dict]) -> None:
    if not PROJECT_CUE.search(span_text(sent)):
        return
    for m in _regexes()["water"].finditer(span_text(sent)):
        lead = re.match(r"(?:new|planned|proposed|future)\s+", m.group("mods"))
        a = sent.start_char + m.start("mods") + (lead.end() if lead else 0)
        b = sent.start_char + m.end("water")
        if not _free(found, a, b) or in_heading(doc, a):
            continue
        ptype = _data()["site_nouns"].get(m.group("noun"), "facility")
        found.append(ex._record(doc, sent, doc.text[a:b], [], ptype, a, b, agreed=False))


def _extended_programmes(ex: ProjectExtractor, doc: Doc, sent: Span, found: list[dict]) -> None:
    for m in _regexes()["programmes"].finditer(span_text(sent)):
        to = m.group("to")
        if not any(ex.gaz.country_of(w) for w in re.findall(r"[A-Z][\w\-]+(?:\s+[A-Z][\w\-]+)?", to)):
            continue  # extended to another country's people, not to more regions at home
        names = m.group("names")
        pos = 0
        for part in re.split(r"\s+and\s+(?=[A-Z])", names):
            off = names.find(part, pos)
            pos = off + len(part)
            if len(part.split()) > 6 or ex.gaz.country_of(part) or ex.gaz.organization(part):
                continue
            a = sent.start_char + m.start("names") + off
            b = a + len(part)
            if _free(found, a, b):
                found.append(ex._record(doc, sent, part, [], "program", a, b, agreed=False))


# "the National Capital Integrated Coastal Development (NCICD) program": a name with its acronym, then the kind
ACRONYM_PROGRAMME_RE = re.compile(r"\b(?P<name>(?:[A-Z][\w\-]*\s+(?:(?:and|of|for|the)\s+)*){1,6}[A-Z][\w\-]*)"
                                  r"\s+\((?P<acr>[A-Z][A-Za-z]{1,7})\)\s+(?P<head>programme|program|project|initiative)\b")


def _acronym_programmes(ex: ProjectExtractor, doc: Doc, sent: Span, found: list[dict]) -> None:
    for m in ACRONYM_PROGRAMME_RE.finditer(span_text(sent)):
        name = re.sub(r"^(?:The|A|An)\s+", "", m.group("name"))
        if ex.gaz.organization(name) or ex.gaz.country_of(name) or len(name.split()) < 2:
            continue
        a = sent.start_char + m.end("name") - len(name)
        b = sent.start_char + m.end("name")
        if _free(found, a, b):
            ptype = "other" if m.group("head") == "project" else "program"
            found.append(ex._record(doc, sent, name, [m.group("acr")], ptype, a, b, agreed=False))


def _partnerships(ex: ProjectExtractor, doc: Doc, sent: Span, found: list[dict]) -> None:
    d = _data()
    low = set(re.findall(r"[a-z]+", span_text(sent).lower()))
    if not low & set(d["launch_words"]) or not low & set(d["partnership_cues"]):
        return
    for m in _regexes()["partnership"].finditer(span_text(sent)):
        name = re.sub(r"^(?:The|A|An)\s+", "", m.group("name"))
        a = sent.start_char + m.end("name") - len(name)
        b = sent.start_char + m.end("name")
        if ex.gaz.organization(name) or not _free(found, a, b):
            continue
        found.append(ex._record(doc, sent, name, [], "program", a, b, agreed=False))


def figures_of_speech(doc: Doc, found: list[dict]) -> list[dict]:
    """Drops an unnamed route described only by its ends whose sentence neither builds nor uses it and
    whose description runs into the verb of its clause ('The road from A to B runs through C')."""
    out = []
    for p in found:
        src = p["sources"][0]
        span = doc.char_span(src["start"], src["end"], alignment_mode="expand")
        sent_text = doc.text[p["_sent"][0]:p["_sent"][1]]
        if span is not None and p["name"][:1].islower() and any(
                t.tag_ in ("VBZ", "VBD", "VBP", "MD") for t in span) and not PROJECT_CUE.search(sent_text):
            continue
        if _arrival_place(p, sent_text):
            continue
        if _figurative_route(p, doc.text):
            continue
        out.append(p)
    return out


def _figurative_route(p: dict, text: str) -> bool:
    """'the 21st Century Maritime Silk Road' (a sea word before a land route's head), 'the Silk Road Economic
    Belt' (the route's name inside a longer proper name, at every mention): no route to build."""
    if p["project_type"] not in ("road", "railway"):
        return False
    words = p["name"].split()
    if set(words[:-1]) & set(DATA["figurative_route_words"]):
        return True
    spans = p.get("_spans") or [(s["start"], s["end"]) for s in p["sources"]]
    return bool(spans) and all(re.match(r"\s+[A-Z][a-z]+\s+[A-Z]", text[b:b + 40]) for _, b in spans)


def unfinished(doc: Doc, found: list[dict]) -> None:
    """A project its own sentence says is partly complete ('has reached a completion rate of 35%', '70
    percent complete') is under construction, even if it was 'launched' (its works) before."""
    for p in found:
        if p.get("status") != "operational" or p.get("_in_use"):
            continue  # ("the X bridge, opened in 2023": the percentage is another project's)
        own = p["_sent"]
        if any(st == "under_construction" and rx.search(doc.text[own[0]:own[1]])
                               for st, rx in OVERRIDE_RE):
            p["status"] = "under_construction"


def _arrival_place(p: dict, sent_text: str) -> bool:
    """'was received at the X International airport': where a visitor arrived, not a project."""
    d = _data()
    last = p["name"].lower().split()[-1:] or [""]
    if p["project_type"] != "facility" or last[0] not in d["arrival_places"] or PROJECT_CUE.search(sent_text):
        return False
    low = sent_text.lower()
    return any(re.search(r"\b" + re.escape(v) + r"\b", low) for v in d["arrival_verbs"])


_PERCENT_DONE = re.compile(r"^(?:complete|completed|finished|built|done|ready)$", re.I)
# "construction of X", "the expansion of X": the undertaking is X's; "work(s)" alone names nothing
_ACTIVITY_NOUNS = {"construction", "building", "expansion", "modernisation", "modernization", "upgrade",
                   "upgrading", "rehabilitation", "redevelopment", "reconstruction", "extension", "work", "works",
                   "implementation", "project"}


def _works_in_progress(ex: ProjectExtractor, doc: Doc, sent: Span, found: list[dict]) -> None:
    """"the X Power Station expansion project, now 95 percent complete", "the electricity interconnection
    project, which is 60 percent complete": a thing said to be N percent complete is works under way,
    whatever its head noun; the noun it is said of comes from the parse."""
    for tok in sent:
        before = doc[max(sent.start, tok.i - 4):tok.i]
        if not _PERCENT_DONE.match(tok.text) or not any(c.like_num for c in before) or not any(
                c.text in ("%", "percent") or c.lower_ == "cent" for c in before):
            continue
        noun = _said_of(tok)
        if noun is None or noun.lower_ in _WHERE_NOUNS:
            continue
        if noun.lower_ in _ACTIVITY_NOUNS:
            of = next((c for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"), None)
            pobj = next((c for c in of.children if c.dep_ == "pobj"), None) if of else None
            if pobj is not None and noun.lower_ != "project":
                noun = pobj
        left = [c for c in noun.lefts if c.dep_ in ("compound", "amod", "nmod", "nummod") and c.i >= noun.i - 6]
        first = min([noun.i, *(c.left_edge.i for c in left)])
        span = doc[first:noun.i + 1]
        words = span.text.split()
        named = any(w[:1].isupper() and not ex.gaz.country_of(w.removesuffix("'s")) for w in words)
        known_head = any(h in span.text.lower() for h in LOWER_PROJECT_HEADS)
        if not (named or known_head) or len(words) < 2 or not _free(found, span.start_char, span.end_char):
            continue
        if route_end(doc.text[sent.start_char:span.start_char]):
            continue  # "the X Line between A and Y Station, which is N percent complete": the line, not its end
        if not named and (words[0][:1].isdigit() or any(noun.lower_ in p["name"].lower() for p in found)):
            continue  # "The 1.4-kilometre bridge ... is 70 percent complete": the bridge named before
        ptype = next((t for h, t in sorted(DATA["unnamed_heads"].items(), key=lambda x: -len(x[0]))
                      if re.search(r"\b" + re.escape(h) + r"\b", span.text.lower())), None) \
            or next((t for h, t in DATA["named_heads"].items() if h in words), None) or "facility"
        if ptype == "other":
            ptype = "facility"
        found.append(ex._record(doc, sent, span.text, [], ptype, span.start_char, span.end_char, agreed=False))


LOWER_PROJECT_HEADS = tuple(h for h in DATA["unnamed_heads"] if h != "project")


def _said_of(done):  # type: ignore[no-untyped-def]
    """The noun "N percent complete" is said of: a relative clause's head ("X, which is ... complete"), the
    subject of "is", or the noun it is in apposition to ("X, now ... complete")."""
    if done.head.lower_ in ("cent", "percent", "%") and done.dep_ == "amod":
        done = done.head  # "which is 40 per cent complete": the parse hangs "complete" on "cent"
    head = done.head
    if done.dep_ in ("amod", "appos") and head.pos_ in ("NOUN", "PROPN") and head.lower_ not in ("cent", "percent"):
        return head
    if done.dep_ in ("acomp", "attr", "oprd", "ROOT", "ccomp") or head.lemma_ == "be":
        verb = head if done.dep_ != "ROOT" else done
        subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subj is not None and subj.lower_ in ("which", "that"):
            if verb.dep_ == "ccomp" and verb.head.dep_ == "relcl":
                verb = verb.head  # "which officials said is 30% complete"
            return _owner(verb.head) if verb.dep_ == "relcl" and verb.head.pos_ in ("NOUN", "PROPN") else None
        if subj is not None and subj.pos_ in ("NOUN", "PROPN"):
            return subj
    return None


# nouns of where something is, not what it is ("the X centre at A, on the Pacific side, which ...")
_WHERE_NOUNS = {"countries", "sides", "nations", "states", "side", "part", "end", "bank", "shore", "border"}


def _owner(noun):  # type: ignore[no-untyped-def]
    """"the interconnection project between the two countries, which is ...": the relative clause hangs on
    the last noun; the thing described is the noun that phrase belongs to."""
    while noun.dep_ == "pobj" and (noun.lower_ in _WHERE_NOUNS or noun.ent_type_ in ("GPE", "LOC")) \
            and noun.head.head.pos_ in ("NOUN", "PROPN"):
        noun = noun.head.head
    return noun


@lru_cache(maxsize=1)
def _not_started_res() -> tuple[list[re.Pattern[str]], list[re.Pattern[str]], list[re.Pattern[str]]]:
    d = DATA
    return ([re.compile(r, re.I) for r in d["not_started_cues"]],
            [re.compile(r, re.I) for r in d["not_started_stage_cues"]],
            [re.compile(r, re.I) for r in d["agreed_words"]])


def _about(p: dict, doc: Doc) -> list[str]:
    """The project's own sentences and the next two after each that name its head word or 'the project'."""
    text = doc.text
    head = p["name"].split()[-1].lower() if p["name"].split() else ""
    out: list[str] = []
    for a, b in p.get("_sents") or [p["_sent"]]:
        out.append(text[a:b])
        rest = [sn.text for sn in doc.sents if b <= sn.start_char < b + 500][:2]
        out += [s for s in rest if re.search(rf"\b(?:project|{re.escape(head)})\b", s, re.I)]
    return out


def not_started(doc: Doc, found: list[dict]) -> None:
    """A project read as under construction ('speed up the construction of X') whose sentences say its
    works have not begun ('construction is expected to begin next year', 'now in the survey stage') is
    only agreed or proposed."""
    starts, stages, agreed = _not_started_res()
    for p in found:
        if p.get("status") not in ("under_construction", "agreed"):
            continue
        sents = _about(p, doc)
        joined = " ".join(sents)
        if any(st == "under_construction" and rx.search(joined) for st, rx in OVERRIDE_RE):
            continue  # "80 percent complete": under way whatever else is said
        if any(rx.search(joined) for rx in stages):
            p["status"] = "proposed"
        elif p["status"] == "under_construction" and any(rx.search(joined) for rx in starts):
            p["status"] = "agreed" if any(rx.search(joined) for rx in agreed) else "proposed"
