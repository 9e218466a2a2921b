"""Projects: named corridors, routes, cables, facilities, funds and programmes, and
specific unnamed ones ("a railway route from Xi'an ... to Azerbaijan"), with aliases from
brackets and acronyms, a status from the cues around each mention and dated milestones."""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc

from dyad.nlp.components.context import country_mentions
from dyad.nlp.components.project_forms import (
    BETWEEN_RE,
    builders,
    lower_head_after,
    lowercase_facility_site,
    more_projects,
    opened_participle,
    present_activity,
    route_end,
    site_named,
)
from dyad.nlp.components.project_milestones import milestones, opening_milestones
from dyad.nlp.components.project_patterns import (
    ACRONYM_BEFORE,
    AFFILIATION_RE,
    AGREEMENT_FOR_RE,
    ALIAS_INTRO_RE,
    APPOS_NOUNS,
    APPOS_RE,
    COMPANY_AFTER_RE,
    DATA,
    ENDPOINT_RE,
    ESTABLISHING,
    FACILITY_WORDS,
    GENERIC_HEADS,
    HEADS,
    INSTITUTION_WORDS,
    JOINT_RE,
    LATER_STAGE_RE,
    LENDER_FUND_RE,
    LINEAR,
    LOWER_HEADS,
    MEASURE_RE,
    MEASURED_DEAL_RE,
    NAME_AFTER_HEAD_RE,
    NAME_TYPE_RE,
    NAMED_RE,
    NEED_NAME,
    NOT_NAMES,
    OPENED,
    PROJECT_CUE,
    PROJECT_NOUNS,
    PROPER_THEN_LOWER,
    SECTION_OF_RE,
    STATUS_RANK,
    TITLE_PP_RE,
    TRAILING_TYPES,
    UNNAMED_RE,
    clause_of,
    in_heading,
    mention_root,
    np_head,
    parse_status,
    status_from,
)
from dyad.nlp.components.project_sites import extra_projects, figures_of_speech, not_started, unfinished
from dyad.nlp.components.util import dyad_of, source, span_text, text_of
from dyad.nlp.gazetteer import gazetteer
from dyad.text.names import translit


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
            extra_projects(self, doc, sent, found)
            more_projects(self, doc, sent, found)
            for p in found[before:]:
                p["status"] = self._status(doc, sent, p)
        found = builders(doc, figures_of_speech(doc, found))
        self.bare_variants(doc, found)
        self.acronyms(doc, found)
        found = self.fold(found)
        milestones(doc, found)
        opening_milestones(doc, found)
        for p in found:
            # opened (a done opening milestone, or an opening event the article reports): in use from then on
            opened = p.get("_opened") or any(m.get("status") == "done" and m.get("description") in OPENED
                                             for m in p["milestones"])
            if opened and p.get("status") in (None, "unknown", "proposed", "agreed", "under_construction"):
                p["status"] = "operational"
        unfinished(doc, found)
        not_started(doc, found)
        for p in found:
            p.pop("_opened", None)
            p.pop("_fallback", None)
            p.pop("_in_use", None)
            p.pop("_sent", None)
            p.pop("_sents", None)
            p.pop("_spans", None)
        facts.extend(found)
        doc._.facts = facts
        return doc

    # ------------------------------------------------------------------ named
    def named(self, doc: Doc, sent, found: list[dict], agreements: list) -> None:  # type: ignore[no-untyped-def]
        for m in NAMED_RE.finditer(span_text(sent)):
            raw = m.group("name").rstrip()
            if HEADS.get(m.group("head")) == "other" and \
                    re.match(r"(?:The\s+)?" + re.escape(m.group("head")) + r"\s+(?:for|of)\s", raw):
                # "Project for the Improvement of Border Crossing Facilities at X": a name that opens with its
                # head runs on over the phrases that say what it is
                raw += TITLE_PP_RE.match(span_text(sent), m.start("name") + len(raw)).group(0)
            name = re.sub(r"[\u201c\u201d\"]", "", raw).strip()
            name = re.sub(r"^(?:The|A|An|This|That|Its|Their|Our)\s+", "", name)
            for part in re.finditer(r"(\S+)\s+and\s+(\S+)\s+", name):
                if self.gaz.country_of(part.group(1)) or self.gaz.country_of(part.group(2)):
                    name = name[part.start(2):]  # "China and Pakistan X Corridor": no one name runs over "and"
                    break
            words = name.split()
            bare = re.sub(r"^[A-Z][\w\-]+(?:'s|\u2019s)\s+", "", name)  # "Kazakhstan's X Fund" -> "X Fund"
            linear = HEADS.get(m.group("head")) in ("corridor", "railway", "road", "pipeline", "cable")
            known = self.gaz.organization(name)
            if len(words) < 2 or name.lower() in NOT_NAMES or self.gaz.country_of(name):
                continue
            if not linear and (known or self.gaz.organization(bare) or
                               self.gaz.organization(bare.rsplit(" ", 1)[0])):
                continue  # a company or agency named like a facility ("Samruk-Kazyna Fund")
            if in_heading(doc, sent.start_char + m.start("name")):
                continue
            if self._not_an_undertaking(doc, sent, m.start("name"), name):
                continue
            if not linear and (set(re.split(r"[\s\-]+", name)) & INSTITUTION_WORDS or AFFILIATION_RE.search(
                    span_text(sent)[:m.start("name")])):
                continue  # "a researcher at the X Studies Center of Y University": an academic body, not a project
            if all(w.lower() in ("new", "joint", "international", "national") or w in HEADS for w in words):
                continue
            a = sent.start_char + m.start("name") + (len(raw) - len(raw.lstrip()))
            b = sent.start_char + m.start("name") + len(raw)
            if " and " in raw and name != raw.strip():
                a = sent.start_char + m.start("name") + raw.rfind(name.split()[0], 0, len(raw) - len(name) + 1)
            offset = text_of(doc).find(name.split()[0], a)
            a = offset if 0 <= offset < b else a
            nxt = re.match(r"\s+([A-Z][a-z][\w\-]*)", text_of(doc)[b:b + 40])
            if nxt and nxt.group(1) not in HEADS:
                continue  # part of a longer proper name ("the X Corridor Power Company", "X Corridor Association")
            if COMPANY_AFTER_RE.match(text_of(doc)[b:b + 60]):
                continue  # "China Road and Bridge Corporation": the start of a company's name
            span = doc.char_span(a, b, alignment_mode="expand")
            head = mention_root(span) if span is not None else None
            tail_type = None
            if head is not None and head.dep_ == "compound" and head.head.lower_ not in PROJECT_NOUNS \
                    and head.head.i >= span.end:
                tail = lower_head_after(text_of(doc)[b:b + 40])
                if tail is None:
                    continue  # a modifier of another noun ("the X Canal revenues"), not the project talked about
                # "the X Corridor expressway": a lower-case project head after the name is part of it
                name, b, tail_type = name + tail[0], b + len(tail[0]), tail[1]
            aliases = self._aliases(doc, b, a)
            if linear and known:
                # A route known to the gazetteer under other names (an operator's association, say).
                aliases += [known["name"], *(x for x in known.get("aliases") or [] if " " in x or x.isupper())]
            in_agreement = next((f for s, e, f in agreements if s <= a < e), None)
            if in_agreement and in_agreement["title"][:1].isupper() and \
                    not ESTABLISHING.search(text_of(doc)[max(0, a - 40):a]):
                continue  # a name inside an agreement's title is the agreement's subject, not a project
            # (a described instrument, "an agreement on building the X Railway", is about an agreed project)
            ptype = tail_type or HEADS.get(m.group("head"), "other")
            trailing = re.match(r"\s*(?:\([^()]{1,40}\)\s*)?([a-z]+)\b", text_of(doc)[b:b + 60])
            if trailing and trailing.group(1) in TRAILING_TYPES:
                ptype = TRAILING_TYPES[trailing.group(1)]  # "the X Satellite (XS) program" is a programme
            if ptype == "facility" and not in_agreement and not PROJECT_CUE.search(span_text(sent)):
                continue  # "received at Cairo International Airport": a place, not a project
            if ptype == "facility" and route_end(span_text(sent)[:a - sent.start_char]):
                continue  # "the X Line between A and Y Railway Station": the route's end, not a project
            acr = re.search(r"\s*\(([A-Z]{2,8})\)\s*", name)
            if acr:
                # "Rapid Transit System (RTS) Link": the name without the bracket, the short form an alias
                aliases.append(acr.group(1) + " " + name[acr.end():] if acr.end() < len(name) else acr.group(1))
                name = (name[:acr.start()] + " " + name[acr.end():]).strip()
            # "a loan agreement for the third tranche of the X": a later stage financed, X itself under way
            later = LATER_STAGE_RE.search(text_of(doc)[max(0, a - 40):a])
            found.append(self._record(doc, sent, name, aliases, ptype, a, b,
                                      agreed=in_agreement is not None and not later))

    def _not_an_undertaking(self, doc: Doc, sent, rel: int, name: str) -> bool:  # type: ignore[no-untyped-def]
        """A named institution acting ("the X Export Center and Y signed", "loans through its X Fund"), an
        existing facility named as the site of a part being built ("the third terminal of X International
        Airport"), or a name of generic words only ("Economic Zone") is no project."""
        words = name.split()
        if all(w in DATA["generic_name_words"] for w in words):
            return True
        lead = span_text(sent)[:rel]
        if LENDER_FUND_RE.search(name) and not re.search(r"\b(?:Joint|Bilateral|Common)\b|[A-Z]\w+-[A-Z]\w+", name) \
                and not re.search(r"\b(?:establish\w*|set\s+up|launch\w*|creat\w*)\s+(?:the\s+|a\s+)?$", lead):
            # "a loan from the Saudi Fund for Development": one state's lender, not an undertaking (the
            # "Azerbaijan-Kyrgyzstan Development Fund", a "Joint Cooperation Fund" are the pair's own)
            return True
        if re.search(r"\b(?:" + "|".join(DATA["site_part_nouns"]) + r")\s+of\s+(?:the\s+)?$", lead, re.I):
            return True
        if words[-1] not in DATA["actor_heads"]:
            return False
        if re.search(r"\bthrough\s+(?:its|their)\s+$", lead):
            return True
        a = text_of(doc).find(name, sent.start_char + rel)
        span = doc.char_span(a, a + len(name), alignment_mode="expand") if a >= 0 else None
        if span is None:
            return False
        head = mention_root(span)
        subj = head if head.dep_ in ("nsubj", "nsubjpass") else (
            head.head if head.dep_ == "conj" and head.head.dep_ == "nsubj" else None)
        return subj is not None and subj.head.lemma_.lower() in DATA["actor_verbs"]

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
        pos = 0
        while (m := UNNAMED_RE.search(span_text(sent), pos)) is not None:
            # the next search starts after the head: a rejected mention's trailing phrase may hold another
            pos = m.end("tail") if m.group("tail") else m.end("head")
            head = m.group("head").lower()
            if head not in LOWER_HEADS:
                # "agri-hub" is a hub (heads are matched whatever their case: "the Congo LNG project")
                head = head.split("-", 1)[-1]
            if head not in LOWER_HEADS:
                continue
            mods = m.group("mods") or ""
            a = sent.start_char + m.start("mods") if mods else sent.start_char + m.start("head")
            measure = MEASURE_RE.match(mods)
            if measure:  # "the 700-megawatt X plant": the measure is not part of the name
                mods, a = mods[measure.end():], a + measure.end()
            planned = re.match(r"(?:planned|proposed|future)\s+(?=[A-Z])", mods)
            if planned:  # "X's planned North-South railway": a proposal, and the word no part of its name
                mods, a = mods[planned.end():], a + planned.end()
            # "the X Y hydropower project": a capitalised name, then lowercase words describing it
            ptype_of_head = LOWER_HEADS[head]
            proper = PROPER_THEN_LOWER.match(mods)
            proper_name = proper is not None and not self._countries_only(proper.group(1))
            pp = (m.group("pp") or "")
            sited = False
            # "between Georgia and Azerbaijan" keeps its "and"; elsewhere "and" starts a new clause
            between = BETWEEN_RE.match(pp)
            pp = between.group(0) if between else re.split(
                r",|\s+-\s+|\s+(?:and|which|that|who|to be|will|is|was|has|are|were)\s", pp)[0]
            if proper_name:
                pp = ""  # "the X line between A and B": the name is "X line"; the ends only describe it
            elif pp and head == "project" and site_named(self, pp):
                sited = True  # "the fixed link project across the Strait of X": a described project at a named site
            elif not pp and LOWER_HEADS[head] == "facility":
                pp = self._foreign_site(span_text(sent)[m.end("head"):], mods, span_text(sent)[:m.start("mods")]) or \
                    lowercase_facility_site(self, sent, span_text(sent)[:m.start("mods")], mods,
                                            span_text(sent)[m.end("head"):])
            elif not pp and head == "project" and mods.strip() and mods.strip()[:1].islower():
                pp = self._named_site(span_text(sent)[m.end("head"):])  # "the dioxin remediation project at Bien Hoa"
                sited = bool(pp)
            phrase = f"{mods}{m.group('head')}{m.group('tail') or ''}{pp}".strip()
            b = a + len(phrase)
            name_like = bool(mods) and all(w[:1].isupper() or w[:1].isdigit() for w in mods.split())
            if head in NEED_NAME and (not (name_like or proper_name or sited)
                                      or not m.group("head").split()[-1].islower()):
                continue  # "the shortest transport corridor from A to B" is a description, not a project
            if head in APPOS_NOUNS and any(mods.strip() in {p["name"], *p["aliases"]} for p in found):
                continue  # "the KART project (Kyrgyz-Altai ...)": a known name with a generic noun
            if self._predicate_class(doc, sent.start_char + m.start("head"), sent.start_char + m.end("head")):
                continue  # "It is a Johor-Riau project": what something is called, not a project told
            if self._modifies_other_noun(doc, sent.start_char + m.start("head"), sent.start_char + m.end("head")):
                continue  # "the national railway operator": the railway names the operator's field
            covered = [p for p in found if a <= p["sources"][0]["start"] and p["sources"][0]["end"] < b]
            if covered and name_like and not pp:
                # "the Lamu Port-... Transport corridor": a capitalised name with a lowercase head is one name
                for p in covered:
                    found.remove(p)
            elif any(p["sources"][0]["start"] <= a < p["sources"][0]["end"] for p in found) or in_heading(doc, a):
                continue
            has_proper = bool(re.search(r"\b[A-Z][\w'\u2019\-]+", phrase)) or bool(
                re.search(r"\b(?:fiber|fibre|subsea|submarine|electric|electricity|power|gas|oil)\b", phrase, re.I))
            # a name in the modifiers makes it specific; one country's adjective alone does not ("the Turkish
            # military base"), a pair does ("the Saudi-Egyptian electricity interconnection")
            caps = [w for w in re.split(r"[\s\-\u2013]+", mods) if w[:1].isupper()]
            lone_state = len(caps) == 1 and self._countries_only(caps[0])
            if lone_state and self._partner_after(span_text(sent)[m.end("head"):], caps[0]):
                lone_state = False  # "an Indonesian nickel joint venture involving a Vietnamese investor": both sides
            specific = has_proper and (pp or (re.search(r"\b[A-Z]", mods) and not lone_state))
            if re.match(r"(?:This|The|That)\s+project\b", span_text(sent).strip()) and found and not specific:
                continue
            before = span_text(sent)[:a - sent.start_char]
            if ptype_of_head == "facility" and ENDPOINT_RE.search(before) and any(
                    LOWER_HEADS.get(w.lower()) in LINEAR for w in re.findall(r"[\w\-]+", before)):
                continue  # "a pipeline between A and the X terminal": the route's end, not a project
            if found and ALIAS_INTRO_RE.search(before):
                # "The scheme, often referred to simply as the X project, ...": another name of the last project
                found[-1]["aliases"] = sorted({*found[-1]["aliases"], phrase})
                continue
            if re.match(r"\s*(?:This|The|That)\s+(?:project|initiative)\b", span_text(sent)) and found and has_proper \
                    and not proper_name:
                # "This project envisions the creation of a digital corridor ...": another name of the last project
                found[-1]["aliases"] = sorted({*found[-1]["aliases"], phrase})
                continue
            if not specific and ptype_of_head == "facility" and re.match(r"\d[\d,.]*[\-\s][a-z]+\s", mods) and \
                    MEASURED_DEAL_RE.search(before):
                specific = True  # "a power purchase agreement for a 1-gigawatt wind farm": one plant, contracted
            if not specific:
                continue
            ptype = LOWER_HEADS[head]
            if head in APPOS_NOUNS or ptype == "other":  # "the X hydropower project" is a facility
                words = set(mods.lower().split())
                ptype = next((LOWER_HEADS[w] for w in words if w in LOWER_HEADS), None) or (
                    "facility" if words & FACILITY_WORDS else ptype)
            # "a financing agreement for the X line": the project an agreement is for is agreed
            agreed = AGREEMENT_FOR_RE.search(text_of(doc)[max(0, a - 60):a]) is not None or \
                MEASURED_DEAL_RE.search(before) is not None
            acr = re.search(r"\s*\(([A-Z]{2,8})\)", phrase)
            aliases = [acr.group(1)] if acr else []  # "the X (XG) gas project": the short form an alias
            if acr:
                phrase = (phrase[:acr.start()] + phrase[acr.end():]).strip()
            found.append(self._record(doc, sent, phrase, aliases, ptype, a, b, agreed=agreed))
            if planned:
                found[-1]["_fallback"] = "proposed"
            pos = max(pos, b - sent.start_char)  # a kept mention's path phrase tells its ends, not more projects

    def _countries_only(self, words: str) -> bool:
        """'Hungary-Serbia', 'Turkish': a block made only of country names and adjectives is no project name."""
        parts = [w for w in re.split(r"[\s\-\u2013]+", words) if w]
        return all(self.gaz.country_of(w) for w in parts)

    def _foreign_site(self, after: str, mods: str, lead: str = "") -> str:
        """'the Turkish military base in Doha', 'France has kept a military base in Abu Dhabi': one country's
        facility in a place of another country is a bilateral undertaking; returns the ' in <place>' to keep in
        its name, else ''."""
        site = re.match(r"\s+(?:in|at)\s+(?:the\s+(?:port|city|town|island|region|province)\s+of\s+)?"
                        r"(?P<place>[A-Z][\w\-']+(?:\s+[A-Z][\w\-']+)?)", after)
        owners = {c[0] for w in re.split(r"[\s\-\u2013]+", mods) if w and (c := self.gaz.country_of(w))}
        subject = re.match(r"\s*(?P<who>[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?)\s+(?:has|have|had|will|would|is|was|keeps|kept|"
                           r"maintains|maintained|operates|operated|runs|ran|built|builds|opened)\b",
                           re.split(r"[,;]|\s[-\u2013\u2014]\s", lead)[-1])
        if subject and (c := self.gaz.country_of(subject.group("who"))) and c[1] == "name":
            owners.add(c[0])  # the country whose clause it is
        if not site or not owners:
            return ""
        place = site.group("place")
        where = self.gaz.country_of(place) or self.gaz.country_of(place.split()[0])
        return site.group(0) if where and where[0] not in owners else ""

    def _named_site(self, after: str) -> str:
        """' at Bien Hoa', ' in the X region': a described project at a named place other than a country is
        specific; returns the phrase to keep in its name, else ''."""
        site = re.match(r"\s+(?:in|at)\s+(?:the\s+)?(?:(?:[a-z]+ern\s+)?(?:province|region|state|district|city|town"
                        r"|port)\s+of\s+)?(?P<place>[A-Z][\w\-']+(?:\s+[A-Z][\w\-']+){0,2})", after) or \
            re.match(r"\s+on\s+(?P<place>[A-Z][\w\-']+(?:\s+[A-Z][\w\-']+)?\s+Island)\b", after)  # "on X Island"
        words = site.group("place").split() if site else []
        if not site or words[0] in DATA["generic_place_words"] or any(
                (c := self.gaz.country_of(w)) and c[1] in ("name", "adjective") for w in [site.group("place"), *words]):
            return ""  # "the largest renewable energy project in the Kingdom": the country, not a site
        return site.group(0)

    def _partner_after(self, after: str, own: str) -> bool:
        """Does the phrase right after the head bring in a party of another country ("involving a
        Vietnamese investor", "with a Kenyan partner")?"""
        m = re.match(r"\s+(?:involving|with|between|and)\s+(?:an?\s+|the\s+)?(?P<who>[A-Z][\w\-]+)", after)
        if not m:
            return False
        other, mine = self.gaz.country_of(m.group("who")), self.gaz.country_of(own)
        return bool(other and mine and other[0] != mine[0])

    @staticmethod
    def _predicate_class(doc: Doc, a: int, b: int) -> bool:
        """'It is a Johor-Riau project': an indefinite noun phrase after "be" says what kind of thing a
        subject is; it tells no project of its own."""
        span = doc.char_span(a, b, alignment_mode="expand")
        if span is None:
            return False
        head = span[-1]
        return head.dep_ == "attr" and head.head.lemma_ == "be" and any(
            c.dep_ == "det" and c.lower_ in ("a", "an") for c in head.children)

    @staticmethod
    def _modifies_other_noun(doc: Doc, a: int, b: int) -> bool:
        span = doc.char_span(a, b, alignment_mode="expand")
        if span is None or not len(span):
            return False
        t = span[-1]
        return t.dep_ == "compound" and t.head.i > t.i and t.head.pos_ in ("NOUN", "PROPN") and \
            t.head.lower_ not in PROJECT_NOUNS and not t.head.text[:1].isupper()

    def described(self, doc: Doc, sent, found: list[dict]) -> None:  # type: ignore[no-untyped-def]
        """'the joint development of the X field'; 'X One, the green hydrogen venture being developed ...';
        'Nepal's first satellite, NepaliSat-1, ...'."""
        taken = [(p["sources"][0]["start"], p["sources"][0]["end"]) for p in found]
        for m in NAME_AFTER_HEAD_RE.finditer(span_text(sent)):
            a, b = sent.start_char + m.start("name"), sent.start_char + m.end("name")
            name = m.group("name")
            if any(s < b and a < e for s, e in taken) or self.gaz.country_of(name) or self.gaz.organization(name) \
                    or any(name in (x.get("name") or "") for x in doc._.persons or [] if isinstance(x, dict)):
                continue
            found.append(self._record(doc, sent, name, [], LOWER_HEADS[m.group("noun").lower()], a, b, agreed=False))
            taken.append((a, b))
        for m in JOINT_RE.finditer(span_text(sent)):
            a, b = sent.start_char + m.start(), sent.start_char + m.end()
            np_a = sent.start_char + m.start("np")
            if any(s < b and np_a < e for s, e in taken) or m.group("noun") in ("and", "the", "with", "between"):
                continue
            if self.gaz.country_of(m.group("np").rsplit(" ", 1)[0]):
                continue
            ptype = LOWER_HEADS.get(m.group("noun"), "facility" if m.group("noun") in FACILITY_WORDS else "other")
            found.append(self._record(doc, sent, m.group(0), [], ptype, a, b, agreed=False))
        for m in APPOS_RE.finditer(span_text(sent)):
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
        generating = {w.lower() for w in re.split(r"[\s\-\u2013]+", name)} & FACILITY_WORDS
        if ptype == "other" and generating and {"project", "projects"} & {w.lower() for w in name.split()}:
            ptype = "facility"  # "the X Hydropower Project", "the Y Thermal Power Project": a plant
        elif ptype in ("road", "other") and re.search(r"\b(?:Electricity|Power|Energy|Grid|Electric)\b", name) \
                and not re.search(r"\b(?:station|plant|dam|park|complex|refinery)\b", name, re.I) \
                and name.split()[-1] not in ("Energy", "Power"):  # "X Energy" alone is a company's name
            ptype = "cable"  # "the Ethiopia-Kenya Electricity Highway" carries power, not cars
        elif ptype in ("cable", "other") and name.split()[-1:] \
                and re.sub(r"-\d+$", "", name.split()[-1]) in GENERIC_HEADS:  # "Line-6" is a Line
            # "Rapid Transit System Link" carries trains: a word of the name tells what a generic head does not
            # (the capitalised words right before a short form count: "Rapid Transit System (RTS) Link")
            lead = re.search(r"(?:[A-Z][\w\-]*\s+|\([A-Z]{2,}\)\s+)*$", text_of(doc)[max(sent.start_char, a - 60):a])
            full = (lead.group(0) if lead else "") + name
            ptype = next((k for k, rx in NAME_TYPE_RE if rx.search(full)), ptype)
        part = SECTION_OF_RE.search(text_of(doc)[max(sent.start_char, a - 80):a])
        if part:
            # "the Smokovac-Matesevac section of the Bar-Boljare highway": the section is the undertaking told,
            # named with its road, which stays an alias
            aliases = [*aliases, name]
            name, a = f"{part.group('part')} of the {name}", max(sent.start_char, a - 80) + part.start("part")
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
            np = np_head(span)
            if opened_participle(np):
                p["_in_use"] = True
                return "operational"  # "the new X bridge, opened in 2023": whatever the sentence says of others
            texts = [clause_of(np)[1]]
            texts += ["".join(t.text_with_ws for t in c.subtree) for c in np.children if c.dep_ in ("relcl", "acl")]
            known = [st for st in map(status_from, texts) if st != "unknown"]
            if known:
                return max(known, key=STATUS_RANK.index)
            status = parse_status(np)
            if status != "unknown":
                return status
            if present_activity(np):
                return "operational"
        status = status_from(span_text(sent))
        if status == "unknown":
            # The next sentence of the same paragraph often carries the status ("... will be completed").
            nxt = text_of(doc)[sent.end_char:sent.end_char + 300].split("\n")[0]
            nxt = re.split(r"(?<=[.!?])\s", nxt.strip())[0] if nxt.strip() else ""
            if nxt and not NAMED_RE.search(nxt):
                status = status_from(nxt)
        return p.get("_fallback") or "unknown" if status == "unknown" else status

    def bare_variants(self, doc: Doc, found: list[dict]) -> None:
        """A project's distinctive word used alone or spelled differently ("through Zangezur")."""
        for p in found:
            words = p["name"].split()
            if len(words) != 2 or words[1] not in HEADS:
                continue
            if HEADS.get(words[1]) == "facility" and self.gaz.country_of(words[0]):
                continue  # "Accra Arena": the city alone is a place, not the facility (a route keeps it)
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
        core = re.match(r"(.+?)\s+project$", p["name"])
        if core and any(n.startswith(core.group(1) + " ") for n in names_q):
            return True  # "the X III project" after "the X III nuclear power plant": one undertaking
        caps_p = {w for w in re.split(r"[\s\-\u2013]+", p["name"]) if w[:1].isupper()}
        caps_q = {w for n in names_q for w in re.split(r"[\s\-\u2013]+", n) if w[:1].isupper()}
        if not caps_p:
            return False
        if p["project_type"] == q["project_type"] and p["name"][:1].islower() and caps_p <= caps_q:
            return True  # "an electricity cable under the Black Sea" ... "the Black Sea Submarine Cable"
        # "X Port" named as the first part of "the X Port-Y-Z corridor"
        return q["project_type"] in ("corridor", "railway", "road") and p["project_type"] == "facility" and \
            re.match(re.escape(p["name"]) + r"[\-\u2013]", q["name"]) is not None


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
