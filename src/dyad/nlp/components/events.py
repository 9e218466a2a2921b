"""Events: visits, meetings, signings, openings and council sessions.

Visits are found first; their guest, host, dates and status give the context that the
other events of the article inherit ("During the visit, ..."): an event without a date of
its own takes the visit's, and its identity is tied to that visit so that two articles on
one visit yield one signing, one meeting, one council session.
"""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc

from dyad.nlp.components.context import RELATIVE_CLAUSE, dates_in, days_after
from dyad.nlp.components.event_dates import EventDates, overlaps_dates
from dyad.nlp.components.event_places import PLACE_CUE_RE, EventPlaces
from dyad.nlp.components.meetings import MeetingFinder
from dyad.nlp.components.openings import OpeningExtractor, heading
from dyad.nlp.components.session_forms import SessionForms
from dyad.nlp.components.sessions import NAMED_BODY_RE, SessionFinder, bilateral_body
from dyad.nlp.components.signings import SigningFinder
from dyad.nlp.components.util import dateline_place, dateline_town, patterns, span_text, text_of
from dyad.nlp.components.visit_patterns import HOST_VERB_RE
from dyad.nlp.components.visit_story import main_visit, story_visit
from dyad.nlp.components.visits import VisitFinder
from dyad.nlp.gazetteer import gazetteer

__all__ = ["EventExtractor", "main_visit", "story_visit"]

DATA = patterns("events")
STATE_FORMS = patterns("titles")["state_forms"]


class EventExtractor(VisitFinder, SessionFinder, SessionForms, MeetingFinder, SigningFinder, OpeningExtractor,
                     EventDates, EventPlaces):
    def __init__(self) -> None:
        self.gaz = gazetteer()
        self.last_body: str | None = None
        self.ner_places: set[str] = set()

    def __call__(self, doc: Doc) -> Doc:
        facts = doc._.facts if doc._.facts is not None else []
        self.last_body = None
        self.summit: dict | None = None  # the numbered summit of the pair the article reports
        self.receptions: dict[frozenset, dict] = {}  # the receptions told so far, by their two participants
        self.last_session: tuple[int, dict] | None = None  # the last session told as held, and its sentence
        self.recent_session: tuple[int, dict] | None = None  # the last session named, and its sentence
        countries_seen = {c["text"] for c in doc._.countries or []}
        self.ner_places = {e.text for e in doc.ents if e.label_ in ("GPE", "LOC", "FAC")
                           and e.text not in countries_seen and e.text[:1].isupper()
                           and not self.gaz.country_of(e.text)}
        # "a working visit to the Kingdom": a state named by its form is no place name
        self.ner_places -= set(STATE_FORMS)
        filed = dateline_place(doc)
        self.filed_place = dateline_town(doc)  # what "this city" is
        if filed:
            self.ner_places.add(filed[0])  # "SIXAOLA, Costa Rica -": the town the report is filed from
        # places the text itself calls places: "the frontier town of Moyale", "flew to Moyale, where"
        self.ner_places |= {name for m in PLACE_CUE_RE.finditer(text_of(doc)) for name in m.groups()
                            if name and not self.gaz.country_of(name)}
        self.narrative: tuple[int, str] | None = None
        self.narrative_place: str | None = None  # where the day told last took place
        self.inherited_place: str | None = None
        self.sent_index = 0
        visits = self.visits(doc)
        doc._.visits = visits
        main = story_visit(doc, visits)
        facts.extend(visits)
        taken: list[tuple[int, int]] = []
        told = sorted((v["sources"][0]["start"], v["own_day"]) for v in visits if v.get("own_day"))
        for i, sent in enumerate(doc.sents):
            self.sent_index = i
            # The day the story has reached: a visit told with its own day ("welcomed ... on
            # Monday"), or a sentence opening on a day of the visit ("On Tuesday, ...").
            days = [d for pos, d in told if sent.start_char <= pos < sent.end_char]
            opening = [t for t in dates_in(doc, sent.start_char, min(sent.end_char, sent.start_char + 16))
                       if len(t.iso_date() or "") == 10]
            if opening:
                days.append(opening[0].iso_date())
            elif not days and HOST_VERB_RE.search(span_text(sent)):
                # "X welcomed his guest at the palace on Monday": the day the story has reached
                # (not the day of a relative clause: "X, who arrived on Monday evening, was welcomed by Y")
                clauses = [(r.start(), r.end()) for r in RELATIVE_CLAUSE.finditer(text_of(doc), sent.start_char,
                                                                                  sent.end_char)]
                own = {t.iso_date() for t in dates_in(doc, sent.start_char, sent.end_char)
                       if len(t.iso_date() or "") == 10 and not any(a <= t.start < b for a, b in clauses)}
                if len(own) == 1:
                    days.append(own.pop())
            if days and main and main.get("start") and (
                    main["start"] <= days[-1] <= main["end"] if main.get("end") else
                    # (a visit told without its last day: "arrives on Wednesday night ... will be received on
                    # Thursday"; not the dateline's day, the report's own)
                    main["start"] <= days[-1] <= days_after(main["start"], 6) and days[-1] != doc._.dct):
                self.narrative = (i, days[-1])
            first_named = [re.sub(r"^[Tt]he\s+", "", m.group("body")) for m in NAMED_BODY_RE.finditer(span_text(sent))]
            first_named = [b for b in first_named if bilateral_body(b)
                           and len(b.split()) >= 3]
            if first_named:
                self.last_body = first_named[0]  # "The X Council ... held its sixth session today"
            sessions = self.council_sessions(doc, sent, main, taken)
            sessions += self.session_forms(doc, sent, main, [f for f in facts if f.get("event_type") ==
                                                               "council_session"] + sessions)
            facts.extend(sessions)
            if sessions:
                self.recent_session = (i, sessions[0])
            else:
                self.session_told_back(doc, sent, i)
            held = [c for c in sessions if c["status"] == "occurred" and c["start"]]
            if held:
                self.last_session = (i, held[-1])
            named = [b for b in (re.sub(r"^the\s+", "", m.group("body"))
                                 for m in NAMED_BODY_RE.finditer(span_text(sent)))
                     if bilateral_body(b) and len(b.split()) >= 3]
            if named:
                self.last_body = named[-1]  # "forming the X Council. ... is to hold its first session"
            facts.extend(self.meetings(doc, sent, main))
            facts.extend(self.signings(doc, sent, main))
            facts.extend(self.openings(doc, sent, main, taken))
        for v in visits:
            v.pop("own_day", None)
            v.pop("recalled", None)
        _drop_welcomes_told_otherwise(facts)
        _date_undated_meetings(doc, facts)
        _one_session_per_number(facts)
        _stretch_visit_to_its_days(facts)
        doc._.facts = facts
        return doc


def _drop_welcomes_told_otherwise(facts: list[dict]) -> None:
    """"X welcomed Y at the palace" tells a meeting of the two only when the article tells no other meeting
    of theirs (or of their countries, unnamed) on that day: "... The two leaders then held a tete-a-tete",
    "At the outset, X warmly welcomed Y" in a readout of their talks are the courtesies of a meeting told in
    its own words."""
    for w in [f for f in facts if f.get("welcomed")]:
        pair = set(w["countries"])
        if any(f is not w and f.get("event_type") == "meeting" and not f.get("welcomed")
               and set(f.get("countries") or []) == pair
               and (not f.get("participants") or set(w["participants"]) <= set(f["participants"]))
               and (not w.get("start") or not f.get("start") or overlaps_dates(w["start"], f)) for f in facts):
            facts.remove(w)
    for f in facts:
        f.pop("welcomed", None)


def _stretch_visit_to_its_days(facts: list[dict]) -> None:
    """"X received the visiting minister today ... The two ministers had held talks yesterday, shortly after his
    arrival": a visit told from its second day began with the talks of the day before; its meetings and signings
    cannot precede it (one or two days before its first day, no end told)."""
    import datetime as dt

    visits = [f for f in facts if f.get("kind") == "event" and f.get("event_type") == "visit"
              and f.get("status") == "occurred" and len(f.get("start") or "") == 10 and not f.get("end")]
    for ref in {v["ref"] for v in visits}:
        first = min(v["start"] for v in visits if v["ref"] == ref)
        earlier = sorted(f["start"] for f in facts if f.get("kind") == "event" and f.get("parent") == ref
                         and f.get("event_type") in ("meeting", "signing") and f.get("status") == "occurred"
                         and len(f.get("start") or "") == 10 and f["start"] < first
                         and (dt.date.fromisoformat(first) - dt.date.fromisoformat(f["start"])).days <= 2)
        if earlier:
            for v in visits:
                if v["ref"] == ref:
                    v["start"], v["end"] = earlier[0], v["start"]


def _one_session_per_number(facts: list[dict]) -> None:
    """"the 4th session of their Joint Permanent Commission" and "the Protocol of the Fourth Session of the
    Rwanda-Congo Joint Permanent Commission": one numbered session of the same pair's body, named longer or
    shorter; the longer name's key, and the day and place whichever tells them."""
    sessions = [f for f in facts if f.get("kind") == "event" and f.get("event_type") == "council_session"
                and re.match(r"council:\d+:", f.get("object_key") or "")]
    for f in sessions:
        for g in sessions:
            if f is g or f["object_key"] == g["object_key"] or set(f["countries"]) != set(g["countries"]):
                continue
            nf, bf = f["object_key"].split(":", 2)[1:]
            ng, bg = g["object_key"].split(":", 2)[1:]
            if nf == ng and len(bg) > len(bf) and bg.endswith(" " + bf):
                f["object_key"] = g["object_key"]
                for k in ("start", "end", "location"):
                    if f.get(k) and not g.get(k):
                        g[k] = f[k]
                    elif g.get(k) and not f.get(k):
                        f[k] = g[k]


def _date_undated_meetings(doc: Doc, facts: list[dict]) -> None:
    """"Luxon to hold talks with X" (a headline, undated) and "... will hold bilateral talks with X on Monday":
    a meeting a headline tells without its day is the one meeting of the same two the article dates, if only one
    (in the body an undated meeting may be another one: "the two spoke on his arrival")."""
    meetings = [f for f in facts if f.get("kind") == "event" and f.get("event_type") == "meeting"
                and len(f.get("participants") or []) >= 2]
    for f in meetings:
        if not f["object_key"].endswith(":") or not heading(doc, f["sources"][0]["start"]):
            continue
        dated = {m["object_key"]: m for m in meetings if m is not f and not m["object_key"].endswith(":")
                 and set(m["participants"]) == set(f["participants"]) and m.get("status") == f.get("status")
                 and len(m.get("start") or "") == 10}
        if len(dated) == 1:
            (m,) = dated.values()
            f["object_key"], f["start"] = m["object_key"], m["start"]
            f["location"] = m.get("location") or f.get("location")


@Language.factory("dyad_events")
def make_event_extractor(nlp: Language, name: str) -> EventExtractor:
    return EventExtractor()
