"""Projects: named corridors, routes, cables, facilities, funds and programmes, and
specific unnamed ones ("a railway route from Xi'an ... to Azerbaijan"), with aliases from
brackets and acronyms, a status from the cues around each mention and dated milestones."""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc

from dyad.nlp.components.context import country_mentions
from dyad.nlp.components.util import dyad_of, patterns, source
from dyad.nlp.gazetteer import gazetteer
from dyad.resolve.names import translit

DATA = patterns("projects")
HEADS: dict[str, str] = DATA["named_heads"]
UNNAMED: dict[str, str] = DATA["unnamed_heads"]
NOT_NAMES = {n.lower() for n in DATA["not_project_names"]}
CAP = r"(?:[\u201c\"]?[A-Z][\w'\u2019\-\u2013]*[\u201d\"]?)"
NAMED_RE = re.compile(
    r"(?P<name>(?:" + CAP + r"\s+){0,6}?(?:" + CAP + r"\s+)?(?P<head>" + "|".join(HEADS) + r")\b"
    r"(?:\s+(?:for|of|on)\s+(?:the\s+)?(?:" + CAP + r"(?:\s+and)?\s*){1,6})?)")
ACRONYM_BEFORE = re.compile(r"\b(?P<acr>[A-Z]{3,8})\s+(?:project|initiative|route|corridor)?\s*\($")
UNNAMED_RE = re.compile(
    r"\b(?:a|an|the)\s+(?P<mods>(?:(?!(?:of|a|an|the|to|and|in|on|for|with)\b)[\w\-'\u2013]+\s+){0,4}?)(?P<head>" +
    "|".join(sorted((re.escape(h) for h in UNNAMED), key=len, reverse=True)) +
    r")(?P<pp>\s+(?:from|along|across|between|linking|connecting|through|under|via)\s+[^.;:()]{3,120})?", re.I)
ESTABLISHING = re.compile(r"\b(?:Establishment|Creation|Construction|Building)\s+of\s+(?:a|an|the)\s+$")
PROJECT_CUE = re.compile(
    r"\b(?:build\w*|built|construct\w*|open\w*|launch\w*|inaugurat\w*|commission\w*|develop\w*|financ\w*|"
    r"invest\w*|operational|operat\w+|project|joint|agreement|established|establish\w*|complet\w*|phase|"
    r"upgrade\w*|moderni[sz]\w*|expan\w+|capacity|funded|grant|planned|proposed|feasibility|donat\w*|symbol\w*|"
    r"ceremony)\b", re.I)
STATUS_ORDER = ["operational", "under_construction", "agreed", "proposed"]


def _cue_regex(cues: list[str]) -> re.Pattern[str]:
    return re.compile(r"(?<![\w-])(?:" + "|".join(re.escape(c) for c in sorted(cues, key=len, reverse=True))
                      + r")(?![\w-])", re.I)


STATUS_RE = {k: _cue_regex(v) for k, v in DATA["status_cues"].items()}
MILESTONE_RE = _cue_regex(DATA["milestone_verbs"])


def _in_heading(doc: Doc, pos: int) -> bool:
    """Section headings ("A Cultural Bridge in Fuzuli") use project words as metaphors."""
    start = doc.text.rfind("\n", 0, pos) + 1
    end = doc.text.find("\n", pos)
    line = doc.text[start:end if end >= 0 else len(doc.text)].strip()
    return bool(line) and line[-1] not in ".!?\"”:" and len(line.split()) <= 12


def status_from(text: str) -> str:
    for status in STATUS_ORDER:
        if STATUS_RE[status].search(text):
            return status
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
            new = found[before:]
            for p in new:
                p["status"] = self._status(doc, sent, p)
        self.bare_variants(doc, found)
        self.milestones(doc, found)
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
            if all(w.lower() in ("new", "joint", "international", "national") or w in HEADS for w in words):
                continue
            if any(self.gaz.country_of(name.rsplit(" ", 1)[0]) and w == words[-1] and len(words) == 2 for w in words):
                # "Kazakhstan Railway" style names are fine; "Azerbaijan Center" alone is too vague
                pass
            a = sent.start_char + m.start("name") + (len(raw) - len(raw.lstrip()))
            b = sent.start_char + m.start("name") + len(raw)
            offset = doc.text.find(name.split()[0], a)
            a = offset if 0 <= offset < b else a
            aliases = self._aliases(doc, b, a)
            if linear and known:
                # A route known to the gazetteer under other names (an operator's association, say).
                aliases += [known["name"], *(x for x in known.get("aliases") or [] if " " in x or x.isupper())]
            in_agreement = next((f for s, e, f in agreements if s <= a and b <= e), None)
            if in_agreement and not ESTABLISHING.search(doc.text[max(0, a - 40):a]):
                continue  # a name inside an agreement's title is the agreement's subject, not a project
            ptype = HEADS.get(m.group("head"), "other")
            if ptype == "facility" and not in_agreement and not PROJECT_CUE.search(sent.text):
                continue  # "received at Cairo International Airport": a place, not a project
            found.append(self._record(doc, sent, name, aliases, ptype, a, b,
                                      agreed=in_agreement is not None))

    def _aliases(self, doc: Doc, end: int, start: int) -> list[str]:
        """'the Middle Corridor (Trans-Caspian ...)', 'the TRIPP project (Trump Route ...)'."""
        out = []
        after = doc.text[end:end + 120]
        br = re.match(r"\s*\((?P<alt>[^()]{2,100})\)", after)
        if br and br.group("alt")[:1].isupper():
            out.append(br.group("alt").strip())
        before = doc.text[max(0, start - 40):start]
        acr = ACRONYM_BEFORE.search(before)
        if acr:
            out.append(acr.group("acr"))
        aka = re.match(r",?\s+(?:also\s+)?(?:known as|dubbed|called|referred to as)\s+(?:the\s+)?"
                       r"(?P<alt>(?:[A-Z][\w\-\u2013]*\s*){1,6})", after)
        if aka:
            out.append(re.sub(r"\s+(?:project|initiative)$", "", aka.group("alt").strip(), flags=re.I))
        return out

    # ------------------------------------------------------------------ unnamed
    def unnamed(self, doc: Doc, sent, found: list[dict]) -> None:  # type: ignore[no-untyped-def]
        for m in UNNAMED_RE.finditer(sent.text):
            head = m.group("head").lower()
            mods = m.group("mods") or ""
            pp = (m.group("pp") or "")
            # "between Georgia and Azerbaijan" keeps its "and"; elsewhere "and" starts a new clause
            between = re.match(r"\s+between\s+\S+\s+and\s+\S+", pp)
            pp = between.group(0) if between else re.split(
                r",|\s+-\s+|\s+(?:and|which|that|who|to be|will|is|was|has|are|were)\s", pp)[0]
            phrase = f"{mods}{m.group('head')}{pp}".strip()
            a = sent.start_char + m.start("mods") if mods else sent.start_char + m.start("head")
            b = a + len(phrase)
            if any(p["sources"][0]["start"] <= a < p["sources"][0]["end"] for p in found) or _in_heading(doc, a):
                continue
            has_proper = bool(re.search(r"\b[A-Z][\w'\u2019\-]+", phrase)) or bool(
                re.search(r"\b(?:fiber|fibre|subsea|submarine|electric|gas|oil)\b", phrase, re.I))
            specific = has_proper and (pp or re.search(r"\b[A-Z]", mods))
            if re.match(r"(?:This|The|That)\s+project\b", sent.text.strip()) and found and not specific:
                continue
            if re.match(r"\s*(?:This|The|That)\s+(?:project|initiative)\b", sent.text) and found and has_proper:
                # "This project envisions the creation of a digital corridor ...": another name of the last project
                found[-1]["aliases"] = sorted({*found[-1]["aliases"], phrase})
                continue
            if not specific:
                continue
            found.append(self._record(doc, sent, phrase, [], UNNAMED[head], a, b, agreed=False))

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
        return {"kind": "project", "name": name, "aliases": sorted(set(aliases)), "project_type": ptype,
                "countries": countries, "status": "agreed" if agreed else "unknown", "milestones": [],
                "sources": [source(a, b)], "_sent": (sent.start_char, sent.end_char)}

    def _status(self, doc: Doc, sent, p: dict) -> str:  # type: ignore[no-untyped-def]
        if p["status"] == "agreed":
            return "agreed"
        status = status_from(sent.text)
        if status == "unknown":
            # The next sentence of the same paragraph often carries the status ("... will be completed").
            nxt = doc.text[sent.end_char:sent.end_char + 300].split("\n")[0]
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
            for m in re.finditer(r"\b[A-Z][\w\-]{3,}\b", doc.text):
                w = m.group(0)
                if translit(w) == core and not doc.text[m.end():m.end() + 12].strip().startswith(words[1]):
                    p["aliases"] = sorted({*p["aliases"], w})
                if translit(w) == core and w != words[0]:
                    # A spelling variant seen: both bare spellings name the project.
                    p["aliases"] = sorted({*p["aliases"], w, words[0], f"{w} {words[1]}"})

    def milestones(self, doc: Doc, found: list[dict]) -> None:
        """Dated future steps in the project's sentence or the next one of its paragraph."""
        dct = doc._.dct or ""
        for p in found:
            s, e = p.pop("_sent")
            nxt_end = doc.text.find("\n", e)
            nxt_end = len(doc.text) if nxt_end < 0 else nxt_end
            region_end = min(nxt_end, e + 300)
            for t in doc._.timexes or []:
                if not (s <= t.start and t.end <= region_end) or t.type != "DATE":
                    continue
                iso = t.iso_date()
                if not iso:
                    continue
                prev_stop = doc.text.rfind(". ", 0, t.start)
                sent_start = max(prev_stop + 2 if prev_stop >= 0 else 0, s)
                sent_end = doc.text.find(".", t.end)
                clause = doc.text[sent_start:sent_end if sent_end > 0 else t.end].strip()
                if t.start >= e and NAMED_RE.search(clause) and p["name"] not in clause:
                    continue
                if not MILESTONE_RE.search(clause):
                    continue
                planned = iso[: len(dct)] > dct[: len(iso)] if dct else True
                p["milestones"].append({"description": clause[:160], "date": iso,
                                        "status": "planned" if planned else "done"})


@Language.factory("dyad_projects")
def make_project_extractor(nlp: Language, name: str) -> ProjectExtractor:
    return ProjectExtractor()
