"""Events: visits, meetings, signings, openings and council sessions.

Visits are found first; their guest, host, dates and status give the context that the
other events of the article inherit ("During the visit, ..."): an event without a date of
its own takes the visit's, and its identity is tied to that visit so that two articles on
one visit yield one signing, one meeting, one council session.
"""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc, Span

from dyad.nlp.components.context import (
    DAYS_RE,
    before_dct,
    clause_tense,
    country_mentions,
    dates_in,
    days_before,
    full_name,
    has_cue,
    nearest_date,
    person_country,
    persons_in,
    prepared_for,
    prospective,
    span_end,
    status_of,
    weekday_in_window,
)
from dyad.nlp.components.openings import OpeningExtractor
from dyad.nlp.components.util import dateline_place, dyad_of, patterns, source, text_of
from dyad.nlp.gazetteer import gazetteer
from dyad.nlp.told import told_event
from dyad.text.names import synonym_key

DATA = patterns("events")
LEVELS = DATA["visit_levels"]
ORDINALS = DATA["ordinals"]
VISIT_RE = re.compile(
    r"\b(?:(?P<level>" + "|".join(LEVELS) + r")\s+)?(?P<noun>visit|trip)s?\b(?!or)|"
    r"\b(?P<verb>visited|visiting|visits|will visit|to visit|arrived in|arrives in|will arrive in|landed in|lands in|"
    r"travell?ed to|travels to|to travel to|will travel to|flew to)\b",
    re.I)
BODY = (r"(?P<body>(?:[A-Z][\w\-\u2013]*\s+(?:(?:and|on|for)\s+)?){1,7}?(?:" + "|".join(DATA["council_heads"])
        + r"))")
NAMED_BODY_RE = re.compile(r"\b[Tt]he\s+" + BODY + r"\b")
ORD = r"(?P<ord>" + "|".join(sorted(ORDINALS, key=len, reverse=True)) + r")"
# "the Sixth Session of the A-B Joint Commission": ordinal and noun in either case
SESSION_RE = re.compile(r"\b(?i:(?:" + ORD + r"\s+)?(?:" + "|".join(DATA["session_nouns"])
                        + r"))\s+of\s+(?:the|their|its)\s+" + BODY)
_ORD_WORDS = "|".join(sorted(ORDINALS, key=len, reverse=True))
LOWER_SESSION_RE = re.compile(
    r"\b(?P<ord>next|previous|last|" + _ORD_WORDS + r")\s+(?:meeting|session)\s+of\s+"
    r"the\s+(?P<body>council|commission|committee)\b|"
    r"\b(?:hold|holds|held|holding)\s+its\s+(?P<ord2>next|" + _ORD_WORDS + r")\s+(?:meeting|session)\b|"
    r"\b[Tt]he\s+(?:council|commission|committee)['\u2019]s\s+(?P<ord3>next|" + _ORD_WORDS
    + r")\s+(?:meeting|session)\b")
COMMITTED_RE = re.compile(r"\b(?:" + "|".join(DATA["commitment_verbs"]) + r")\s+to\b[^.;]*$", re.I)
# "the Council of heads of regions": a body's capitalised head with a lower-case "of" phrase
LOWER_OF_BODY_RE = re.compile(r"\b[Tt]he\s+(?P<body>(?:[A-Z][\w\-]*\s+){0,3}(?:" + "|".join(DATA["council_heads"])
                              + r")\s+of\s+[a-z][\w\-]*(?:\s+(?:of\s+)?[a-z][\w\-]*){0,3}?)"
                              r"(?=\s+(?:and|to|in|on|at|that|which|will|would|is|was)\b|[,.;]|$)")
BODY_MEETS_RE = re.compile(r"\b[Tt]he\s+" + BODY + r"\s+(?:will|would|is to|is due to|is set to|is expected to|"
                           r"plans to|met|meets|convened|will convene|would convene|(?:which\s+|that\s+)?took place|"
                           r"(?:which\s+|that\s+)?was held|(?:which\s+|that\s+)?takes place)\s*(?:meet|convene)?\b")
# "the first Supreme Interstate Council meeting"; "the 100th meeting of the joint commission for demarcating
# the border" (a body named in lower case)
ORD_BODY_RE = re.compile(r"\b[Tt]he\s+" + ORD + r"\s+" + BODY + r"\s+(?:meeting|session|sitting)\b")
_NTH = r"(?P<ord>" + "|".join(sorted(ORDINALS, key=len, reverse=True)) + r"|\d+(?:st|nd|rd|th))"
LOWER_BODY_RE = re.compile(r"\b" + _NTH + r"\s+(?:meeting|session|sitting)\s+of\s+the\s+(?P<body>(?:[A-Z][\w\-]*\s+)?"
                           r"(?:joint|intergovernmental|inter-governmental|interstate|inter-state|bilateral|mixed|"
                           r"permanent|high-level|high level)\s+(?:[a-z][\w\-]*\s+)?(?:council|commission|committee)"
                           r"(?:\s+(?:for|on)\s+[a-z][\w\- ]{2,50}?)?)(?=[,.;]|\s+(?:in|on|at|was|were|held|took|"
                           r"which|that|and|during)\b)")
LAUNCH_RE = re.compile(r"\b(?:launched|inaugurated|established|set up)\s+(?:the\s+work\s+of\s+)?the\s+" + BODY)
MEETING_RE = re.compile(r"(?<![\w-])(?:" + "|".join(re.escape(c) for c in sorted(DATA["meeting_cues"], key=len,
                                                                                       reverse=True)) + r")(?![\w-])",
                        re.I)
# Meetings named by their format rather than by "talks": "would hold their next "2+2" meeting in
# Canberra", "the next meeting of the two countries' foreign and defence ministers".
FORMAT_MEETING_RE = re.compile(
    r"\b(?:hold|holds|held|holding|to hold|will hold|would hold)\s+(?:their|its|a|an|the)\s+"
    r"(?P<what>(?:(?:next|first|annual|regular|inaugural)\s+)?(?:[\"\u201c\u201d\w+\-]+\s+){0,3}?"
    r"(?:meeting|consultations?|summit|dialogue))\b|"
    # "to hold the sixth A-B Foreign Ministers' Meeting": a format named in title case
    r"\b(?:hold|holds|held|holding|to hold|will hold|would hold)\s+(?:their|its|a|an|the)\s+"
    r"(?P<what3>(?:(?:next|annual|regular|inaugural|\w+(?:st|nd|rd|th))\s+)?(?:[A-Z][\w\-]*[\u2019']?\s+){1,5}?"
    r"(?:Meeting|Consultations?|Summit|Dialogue))\b|"
    r"\b(?P<what2>(?:(?:next|first|annual|regular|inaugural)\s+)?meeting\s+of\s+(?:the\s+two\s+(?:countries|sides|nations)"
    r"[\u2019']\s+|both\s+(?:countries|sides)[\u2019']\s+|their\s+)"
    r"(?:[\w'\u2019\-]+\s+){0,5}?(?:ministers|leaders|heads of government|heads of state))\b|"
    # "the next A-B Strategic Dialogue ... will be held in Tokyo", "the next joint meeting will be hosted by ...":
    # a format announced by its next round (not "the next meeting of <a body>", a session)
    r"\b[Tt]he\s+next\s+(?P<what4>(?:[\w\-\u2013'\u2019]+\s+){0,5}?(?:meeting|summit|dialogue|consultations|"
    r"Meeting|Summit|Dialogue|Consultations))\b(?!\s+of\b)(?=[^.;]{0,60}?\b(?:will|would|is to|is due to|"
    r"is expected to|is scheduled to|is set to)\s+(?:be\s+)?(?:held|hosted|take\s+place|convened?)\b)|"
    # "the tenth trilateral summit of Egypt, Greece and Cyprus": a summit of three or more, the pair among them
    r"\b(?P<what5>(?:(?:" + "|".join(ORDINALS) + r"|\d+(?:st|nd|rd|th))\s+)?(?:"
    + "|".join(DATA["multilateral_formats"]) + r")\s+(?:summit|meeting|talks))\b")
PAIR_SUMMIT_RE = re.compile(r"\b(?P<a>[A-Z][\w]+)[-\u2013](?P<b>[A-Z][\w]+)\s+"
                            r"(?P<noun>(?:(?:intergovernmental|inter-governmental|bilateral|annual|high-level)\s+)?"
                            r"(?:summit|talks|summit talks))\b")
DISCUSS_RE = re.compile(r"\b(?:" + "|".join(re.escape(v) for v in DATA["discussion_verbs"]) + r")\b")
RECALLED_RE = re.compile(r"\b(?:last|previous|earlier|former|once again|again|past|since|prior|ago)\b", re.I)
ONGOING_RE = re.compile(r"\b(?:is|are)\s+(?:currently\s+|now\s+)?"
                        r"(?:in\s+(?:the\s+)?[A-Z][\w\-]+(?:\s+[A-Z][\w\-]+)?\s+)?"
                        r"(?:on|for)\s+(?:a|an|his|her|their)\s+(?:\w+\s+){0,2}(?:visit|trip)|"
                        r"\bcurrently\s+(?:on|paying)\s+(?:a|an|his|her|their)\s+(?:\w+\s+){0,2}(?:visit|trip)|"
                        r"\bis\s+(?:currently\s+)?visiting\b", re.I)
PASSIVE_HOST_RE = re.compile(r"\b(?:was|were|is|are|being|been)\s+(?:\w+ly\s+)?$")
RECEIVED_BY_RE = re.compile(r"\b(?:was|were)\s+(?:\w+ly\s+)?(?:received|welcomed|hosted)\s+by\b")
# "President X received Y": the host meets the guest (a reception, told without "talks" or "met")
RECEIVES_RE = re.compile(r"\b(?:" + "|".join(DATA["reception_verbs"]) + r")\b")
TWO_MET_RE = re.compile(r"\b(?:[Tt]he\s+two\s+(?:leaders|presidents|prime\s+ministers|heads\s+of\s+state)|[Tt]hey)\s+"
                        r"(?:(?:last|first|previously|also|had|have|briefly)\s+)*met\b")
# "witnessed the exchange of two instruments": what is exchanged at a signing
EXCHANGED = "|".join(DATA["exchanged_nouns"])
SIGNING_RE = re.compile(
    r"\b(?:signing ceremony|ceremony for the exchange of [\w\s]{0,30}?(?:" + EXCHANGED + r")|"
    r"exchange of (?:the\s+)?(?:[\w-]+\s+){0,2}?(?:" + EXCHANGED + r")|"
    r"(?:signed|inked|exchanged|concluded|will sign|to sign|signing(?: of)?)\b"
    r"(?=[^.]{0,80}\b(?:agreements?|documents?|memorand\w*|"
    r"treat\w*|accords?|deals?|statements?|declarations?|contracts?|protocols?|roadmaps?|"
    r"(?:work\s+)?plans?\s+(?:of|for)|programmes?\s+(?:of|for))))",
    re.I)
PREPARED_FOR_RE = re.compile(r"\b(?:prepared|preparing|prepare|ready|readied|cleared|approved)\s+(?:\w+\s+)?for\s+$"
                             r"|\b(?:draft\w*|preparation)\s+(?:\w+\s+){0,2}for\s+$", re.I)
# "the Protocol of the session was signed": the instrument before a passive verb.
HOPED_FOR_RE = re.compile(r"\b(?:" + "|".join(DATA["hoped_for_cues"]) + r")\s+(?:the\s+)?$", re.I)
PASSIVE_SIGNED_RE = re.compile(
    r"\b(?:agreements?|documents?|memorand\w*|treat\w*|accords?|protocols?|declarations?|statements?|contracts?|"
    r"roadmaps?)\b[^.;]{0,120}?\b(?:was|were|has been|have been|had been|will be|would be|to be)\s+signed\b", re.I)
# Who travels on a visit: officials, not tourists.
OFFICIAL = re.compile(r"\b(?:president|prime minister|premier|minister|chancellor|king|queen|emir|sultan|prince|"
                      r"leader|head of (?:state|government)|delegation|ambassador|envoy|speaker|chairman|governor|"
                      r"officials?|government)s?\b", re.I)
ADJACENT_PLAN = re.compile(r"\b(?:forthcoming|upcoming|planned|scheduled|expected|proposed|future|next|"
                           r"anticipated|prospective)\s+(?:[\w\-]+\s+){0,3}$", re.I)
NON_VISIT_RE = re.compile(r"\s+(?:(?:a|an|the)\s+)?(?:\w+\s+)?(?:" + "|".join(
    re.escape(w) for w in sorted(DATA["host_verb_non_visits"], key=len, reverse=True)) + r")\b", re.I)
AFTER_EVENT_RE = re.compile(r"\s*(?:After|Following|At the end of|On the sidelines of|During)\s+the\s+"
                            r"(?:talks|session|meeting|ceremony|negotiations|consultations|summit|call|conversation)\b")
# "Following the meeting, the parties signed ...", "At the council, the leaders signed ...": a signing
# of the session told just before
SESSION_BACK_RE = re.compile(r"\s*(?:After|Following|At the end of|At the close of|At|During)\s+the\s+(?:"
                             + "|".join(DATA["session_nouns"] + [h.lower() for h in DATA["council_heads"]])
                             + r")\b[^.;]*$")
PLACE_CUE_RE = re.compile(r"\b(?:town|city|port|village|resort|region|province) of ([A-Z][\w\-]+(?:\s+[A-Z][\w\-]+)?)|"
                          r"\b(?:flew|travelled|traveled|went|headed|drove|continued) (?:on )?to "
                          r"([A-Z][\w\-]+(?:\s+[A-Z][\w\-]+)?)(?=,\s+where\b)")
SAME_DAY_RE = re.compile(r"\s*(?:(?:later\s+)?in\s+the\s+(?:morning|afternoon|evening)|"
                         r"later\s+(?:that|the\s+same|in\s+the)\s+day|that\s+(?:morning|afternoon|evening|night)|on\s+the\s+same\s+day|the\s+same\s+day)\b",
                         re.I)
ENDED_RE = re.compile(r"\b(?:(?:wrapped|wraps|wrapping|rounded|rounds|wound|winds|winding)\s+up|concluded|concludes|"
                      r"concluding|ended|ends|ending|completed|completes|completing)\b"
                      r"(?:\s+(?:his|her|their|a|an|the))?", re.I)
HOST_VERB_RE = re.compile(r"\b(?:welcomed|welcomes|received|receives|hosted|hosts|greeted|greets|will welcome|"
                          r"will host|will receive)\b")


DATELINE_DAY_RE = re.compile(r"\s*[A-Z][A-Z .'\-]{2,30}(?:,\s+[A-Z][\w .'\-]{2,30})?,\s+")


def days_apart(a: str, b: str) -> int:
    """Days between two ISO days."""
    from datetime import date

    return abs((date.fromisoformat(b) - date.fromisoformat(a)).days)


def dateline_day(doc: Doc, pos: int) -> str | None:
    """The day a wire dateline gives ("TASHKENT, Uzbekistan, November 14. ...") when ``pos`` lies
    in the dateline's paragraph, within its first two sentences."""
    text = text_of(doc)
    para = text.rfind("\n", 0, pos) + 1
    head = DATELINE_DAY_RE.match(text, para)
    if not head or len(re.findall(r"[.!?]\s", text[head.end():pos])) > 2:
        return None
    days = [t.iso_date() for t in dates_in(doc, head.end(), head.end() + 25)
            if len(t.iso_date() or "") == 10 and t.start < head.end() + 3]
    return days[0] if days else None


def overlaps_dates(start: str | None, event: dict) -> bool:
    from dyad.text.dates import overlaps

    return bool(start and (overlaps(start, event["start"]) or (event.get("end") and overlaps(start, event["end"]))))


def lead_end(doc: Doc) -> int:
    """Where the article's lead ends: its title and first paragraph (two non-empty lines)."""
    text = text_of(doc)
    pos, lines = 0, 0
    for m in re.finditer(r"[^\n]*\S[^\n]*", text):
        if re.match(r"\s*date\s+\d{4}", m.group(0)):
            continue  # a leading "date 2025-10-22" line is metadata
        lines += 1
        pos = m.end()
        if lines == 2:
            break
    return pos


def story_visit(doc: Doc, visits: list[dict]) -> dict | None:
    """The visit the article is about, whose dates and parties undated events inherit: the main
    visit, unless the lead tells other news of the days around the report and the visit only comes
    up further down ("the agreements reached during the state visit ... last month" in a readout of
    a phone call held on February 18)."""
    import datetime as dt

    main = main_visit(visits, doc._.dct)
    if main is None or not doc._.dct or len(doc._.dct) != 10:
        return main
    report = dt.date.fromisoformat(doc._.dct)
    last = main.get("end") or main.get("start")
    if main["status"] == "occurred" and last and len(last) >= 7:
        # "discussed the outcomes of the state visit ... last August" in a November readout: a visit
        # that ended weeks before the report is recalled, not reported.
        y, mo = int(last[:4]), int(last[5:7])
        final = dt.date(y + mo // 12, mo % 12 + 1, 1) - dt.timedelta(days=1) if len(last) == 7 else \
            dt.date.fromisoformat(last)
        if (report - final).days > 45:
            return None
    end = lead_end(doc)
    if any(v["ref"] == main["ref"] and v["sources"][0]["start"] < end for v in visits):
        return main
    for t in dates_in(doc, 0, end):
        day = t.iso_date()
        within = main.get("start") and main["start"][:len(day)] <= day <= (main.get("end") or main["start"]) + "~"
        if len(day) == 10 and abs((dt.date.fromisoformat(day) - report).days) <= 7 and not within:
            return None
    return main


def main_visit(visits: list[dict], dct: str | None = None) -> dict | None:
    """The article's visit: one reported as occurred before one announced, then the most
    mentioned, then the first."""
    if not visits:
        return None
    def near_report(ref: str) -> bool:
        # A visit of years ago recalled in a preview is background, not the story: the
        # article's visit is undated or dated within a month or so of the report.
        dates = [v["start"] for v in visits if v["ref"] == ref and v.get("start")]
        if not dates or not dct or len(dates[0]) == 4 or len(dct) == 4:
            return not dates or not dct or dates[0][:4] == dct[:4]
        months = int(dates[0][:4]) * 12 + int(dates[0][5:7]) - int(dct[:4]) * 12 - int(dct[5:7])
        return abs(months) <= 1

    count: dict[str, int] = {}
    for v in visits:
        count[v["ref"]] = count.get(v["ref"], 0) + 1
    order = {v["ref"]: i for i, v in reversed(list(enumerate(visits)))}
    best = max(count, key=lambda r: (near_report(r),
                                     any(v["status"] == "occurred" for v in visits if v["ref"] == r),
                                     count[r], -order[r]))
    group = [v for v in visits if v["ref"] == best]
    return next((v for v in group if v.get("start")), group[0])


class EventExtractor(OpeningExtractor):
    def __init__(self) -> None:
        self.gaz = gazetteer()
        self.last_body: str | None = None
        self.ner_places: set[str] = set()

    def __call__(self, doc: Doc) -> Doc:
        facts = doc._.facts if doc._.facts is not None else []
        self.last_body = None
        self.last_session: tuple[int, dict] | None = None  # the last session told as held, and its sentence
        countries_seen = {c["text"] for c in doc._.countries or []}
        self.ner_places = {e.text for e in doc.ents if e.label_ in ("GPE", "LOC", "FAC")
                           and e.text not in countries_seen and e.text[:1].isupper()
                           and not self.gaz.country_of(e.text)}
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
            elif not days and HOST_VERB_RE.search(sent.text):
                # "X welcomed his guest at the palace on Monday": the day the story has reached
                own = {t.iso_date() for t in dates_in(doc, sent.start_char, sent.end_char)
                       if len(t.iso_date() or "") == 10}
                if len(own) == 1:
                    days.append(own.pop())
            if days and main and main.get("start") and main.get("end") and main["start"] <= days[-1] <= main["end"]:
                self.narrative = (i, days[-1])
            first_named = [re.sub(r"^[Tt]he\s+", "", m.group("body")) for m in NAMED_BODY_RE.finditer(sent.text)]
            first_named = [b for b in first_named if any(w in b for w in DATA["council_markers"])
                           and len(b.split()) >= 3]
            if first_named:
                self.last_body = first_named[0]  # "The X Council ... held its sixth session today"
            sessions = self.council_sessions(doc, sent, main, taken)
            facts.extend(sessions)
            held = [c for c in sessions if c["status"] == "occurred" and c["start"]]
            if held:
                self.last_session = (i, held[-1])
            named = [b for b in (re.sub(r"^the\s+", "", m.group("body")) for m in NAMED_BODY_RE.finditer(sent.text))
                     if any(w in b for w in DATA["council_markers"]) and len(b.split()) >= 3]
            if named:
                self.last_body = named[-1]  # "forming the X Council. ... is to hold its first session"
            facts.extend(self.meetings(doc, sent, main))
            facts.extend(self.signings(doc, sent, main))
            facts.extend(self.openings(doc, sent, main, taken))
        for v in visits:
            v.pop("own_day", None)
            v.pop("recalled", None)
        doc._.facts = facts
        return doc

    # ------------------------------------------------------------------ visits
    def visits(self, doc: Doc) -> list[dict]:
        out = []
        for sent in doc.sents:
            text = sent.text
            for m in VISIT_RE.finditer(text):
                trig_start = sent.start_char + m.start()
                trig_end = sent.start_char + m.end()
                of_to = self._visit_of_to(doc, sent, trig_end) if m.group("noun") else None
                level_word = LEVELS.get((m.group("level") or "").lower())
                same_level = not m.group("level") or bool(out and out[-1]["level"] == level_word)
                back = out and m.group("noun") and same_level and re.search(
                    r"\b(?:the|this|that)\s+$", text[max(0, m.start() - 6):m.start()]) and not re.match(
                    r"\s+(?:of|by|to)\b", text[m.end():m.end() + 5])
                if back and not of_to:
                    # "a joint communique issued at the end of the visit": the visit told before
                    last = out[-1]
                    guest_person, guest, host = None, last["guest"], last["host"]
                elif of_to:
                    guest_person, guest, host = of_to
                else:
                    host = self._host(doc, sent, trig_start, trig_end) or self._host_in_sentence(doc, sent, None) \
                        or (self._dateline_country(doc, None) if m.group("noun") else None)
                    guest_person, guest = self._guest(doc, sent, trig_start, trig_end, m, host)
                pair = dyad_of(doc)
                if guest_person and host and (not guest or guest == host):
                    # "X held talks with his Polish counterpart Y in Warsaw during a working visit":
                    # the traveller is the person in the sentence not from the host country.
                    others = [p for p in persons_in(doc, sent.start_char, sent.end_char)
                              if person_country(doc, p) and person_country(doc, p) != host]
                    if others:
                        guest_person, guest = others[0], person_country(doc, others[0])
                    elif not guest and len(pair) == 2 and host in pair:
                        guest = pair[0] if pair[1] == host else pair[1]
                if not guest and host and len(pair) == 2 and host in pair and (
                        persons_in(doc, sent.start_char, trig_start) or OFFICIAL.search(text[:m.start()])):
                    # a traveller whose country we do not know, going to one country of the article's pair
                    guest = pair[0] if pair[1] == host else pair[1]
                if guest and not host and len(pair) == 2 and guest in pair and m.group("noun"):
                    # "was in the country for a one-day working visit": the other country of the article
                    host = self._dateline_country(doc, guest) or (pair[0] if pair[1] == guest else pair[1])
                if not guest or not host or guest == host:
                    continue
                level = LEVELS.get((m.group("level") or "").lower())
                if level is None:
                    lm = re.search(r"\b(" + "|".join(LEVELS) + r")\s+visit", text, re.I)
                    level = LEVELS.get(lm.group(1).lower()) if lm else None
                start, end, _ = nearest_date(doc, sent, trig_start)
                single_day = bool(start and len(start) == 10 and not end)  # "on Monday", not "May 12-13"
                end = end or span_end(text, start)
                if start and end and len(start) == 10 and ENDED_RE.search(text[max(0, m.start() - 45):m.start()]):
                    # "wrapped up a three-day state visit on Wednesday": the date is the last day
                    start, end = days_before(start, end), start
                window = text[max(0, m.start() - 80):m.end() + 60]
                status = status_of(text, start, end, doc._.dct, window, clause_tense(doc, trig_start))
                if ADJACENT_PLAN.search(text[max(0, m.start() - 40):m.start()]):
                    status = "planned"  # "the forthcoming state visit": the adjective beats the clause's tense
                elif prospective(text, m.start(), m.end()) and not before_dct(start, doc._.dct):
                    status = "planned"  # "exchanged views on preparations for the visit of ..."
                if has_cue(text, "cancel_cues"):
                    status = "cancelled"
                if status == "unknown" and re.search(r"\b(?:recent|last|previous)\b", window, re.I):
                    status = "occurred"
                refers_back = bool(re.search(r"\b(?:recent|last|previous|this|the)\s+(?:\w+\s+)?(?:visit|trip)",
                                             window, re.I))
                if status == "occurred" and not start and re.search(r"\brecent", window, re.I) and doc._.dct:
                    start = doc._.dct[:7]  # "the recent visit": within the month of publication
                if ONGOING_RE.search(text[max(0, m.start() - 70):m.end()]) and not (start and not before_dct(
                        doc._.dct, start)):
                    # "X, who is in Kazakhstan on a state visit"; "currently on a visit to": under way
                    # on the day of the report
                    status, start = "occurred", start or doc._.dct
                if not start and status != "planned" and sent.start > 0 and DAYS_RE.search(text):
                    # "X was in the country for a one-day working visit" after a dated lead sentence:
                    # the lead's date is the visit's.
                    prev = doc[sent.start - 1].sent
                    dates = [d for d in dates_in(doc, prev.start_char, prev.end_char)
                             if not before_dct(doc._.dct, d.iso_date())]
                    days = list({d.iso_date(): d for d in dates if len(d.iso_date()) == 10}.values())
                    dates = days if len(days) == 1 else dates  # the lead's day beats its "earlier this month"
                    if len(dates) == 1:
                        start = dates[0].iso_date()
                        end = span_end(text, start)
                        status = status_of(text, start, end, doc._.dct, window, clause_tense(doc, trig_start))
                if back and not of_to:
                    start, end, status = None, None, out[-1]["status"]  # its dates are the visit's, told before
                if any(v["ref"] == f"visit:{guest}>{host}" and v["sources"][0]["start"] == sent.start_char
                       for v in out):
                    continue  # "arrived in X for a state visit": one visit, two triggers
                guest_name = self.gaz.name_of(guest) or guest
                host_name = self.gaz.name_of(host) or host
                who = full_name(doc, guest_person) if guest_person else guest_name
                title = f"{who} {level + ' ' if level else ''}visit to {host_name}"
                # The day of a visit told here is a day the story reaches, except an arrival's
                # (visitors often land the evening before the talks) or a departure's.
                arrival = re.match(r"(?:arrived|arrives|landed|lands|will arrive)\b", m.group(0), re.I)
                own_day = start if single_day and not arrival and not ENDED_RE.search(
                    text[max(0, m.start() - 45):m.start()]) else None
                out.append({
                    "cue": "noun" if m.group("noun") else "verb",
                    "own_day": own_day, "arrival": bool(arrival),
                    "recalled": bool(RECALLED_RE.search(window)),
                    "kind": "event", "event_type": "visit", "title": title, "status": status,
                    "start": start, "end": end, "location": self._location(doc, host, trig_end, sent),
                    "countries": [guest, host], "guest": guest, "host": host, "level": level,
                    "participants": [who] if guest_person else [], "refers_back": refers_back,
                    "ref": f"visit:{guest}>{host}",
                    "sources": [source(sent.start_char, sent.end_char)],
                })
        out.extend(self.hosted(doc))
        # One visit per guest->host in an article: repeat mentions share the best date and level.
        by_ref: dict[str, list[dict]] = {}
        for v in out:
            by_ref.setdefault(v["ref"], []).append(v)
        for group in list(by_ref.values()):
            for other in self._other_visits(group):
                by_ref[other[0]["ref"]] = other
        for group in by_ref.values():
            dated = [v for v in group if v["start"]]
            best = max(dated, key=lambda v: (len(v["start"]), v["end"] is not None)) if dated else None
            level = next((v["level"] for v in group if v["level"]), None)
            statuses = [v["status"] for v in group if v["status"] != "unknown"]
            status = statuses[0] if statuses else "unknown"
            if best and best["status"] != "unknown":
                status = best["status"]
            if best is None and status == "occurred" and doc._.dct and not any(v.get("recalled") for v in group):
                # A visit the report tells as done, with no date of its own and not recalled from
                # the past ("who arrived in the capital for a state visit"): the month of the report.
                for v in group:
                    v["start"] = doc._.dct[:7]
            landed = sorted(v["start"] for v in dated if v.get("arrival") and len(v["start"]) == 10)
            if best and len(best["start"]) == 10 and best["end"] is None and landed and \
                    landed[0] < best["start"] and days_apart(landed[0], best["start"]) <= 2:
                # "arrived on Wednesday evening" before the talks of Thursday: the visit runs from the arrival
                best = {**best, "start": landed[0], "end": best["start"]}
            for v in group:
                v.pop("arrival", None)
                v["level"] = v["level"] or level
                if best:
                    v["start"], v["end"] = best["start"], best["end"]
                v["status"] = status
                if level and f" {level} visit" not in v["title"]:
                    v["title"] = v["title"].replace(" visit to", f" {level} visit to")
        return out

    @staticmethod
    def _other_visits(group: list[dict]) -> list[list[dict]]:
        """Mentions of one guest->host pair that are another visit: dated apart from the first and
        told with another status ("who visited Canberra in August last year" beside "invited him to
        make a state visit next year"). They leave the group under a ref of their own."""
        from dyad.text.dates import overlaps

        first = next((v for v in group if v["start"] and v["status"] != "unknown"), None)
        if first is None:
            return []
        apart: dict[str, list[dict]] = {}
        for v in group:
            # (the same status too when both are dated to months apart: "signed in Manila in January"
            # beside "his official visit to Manila in April last year")
            if v["start"] and v["status"] != "unknown" and not overlaps(v["start"], first["start"]) and (
                    v["status"] != first["status"] or not overlaps(v["start"][:7], first["start"][:7])):
                key = next((k for k, g in apart.items() if overlaps(v["start"], g[0]["start"])), v["start"])
                apart.setdefault(key, []).append(v)
        for key, vs in apart.items():
            for v in vs:
                group.remove(v)
                v["ref"] = f"{v['ref']}@{key}"
        return list(apart.values())

    def hosted(self, doc: Doc) -> list[dict]:
        """"<Host leader> welcomed/received/hosted <guest leader>": a visit by the guest's country."""
        out = []
        for sent in doc.sents:
            for m in HOST_VERB_RE.finditer(sent.text):
                v = sent.start_char + m.start()
                obj = sent.text[m.end():m.end() + 60]
                if NON_VISIT_RE.match(obj):
                    continue  # "received a phone call from ..."
                before = persons_in(doc, sent.start_char, v)
                after = persons_in(doc, sent.start_char + m.end(), sent.end_char)
                if not before or not after:
                    continue
                hp, gp = before[-1], after[0]
                if PASSIVE_HOST_RE.search(sent.text[:m.start()]) and re.match(r"\s+by\b", obj):
                    hp, gp = gp, hp  # "X was received by President Y": Y is the host
                host, guest = person_country(doc, hp), person_country(doc, gp)
                if not host or not guest or host == guest:
                    continue
                start, end, _ = nearest_date(doc, sent, v)
                status = status_of(sent.text, start, end, doc._.dct, None, clause_tense(doc, v))
                lm = re.search(r"\b(" + "|".join(LEVELS) + r")\s+visit", sent.text, re.I)
                level = LEVELS.get(lm.group(1).lower()) if lm else None
                who = full_name(doc, gp)
                out.append({
                    "cue": "hosted",
                    "own_day": start if start and len(start) == 10 and not end else None,
                    "kind": "event", "event_type": "visit",
                    "title": f"{who} {level + ' ' if level else ''}visit to {self.gaz.name_of(host) or host}",
                    "status": status, "start": start, "end": end,
                    "location": self._location(doc, host, v), "countries": [guest, host], "guest": guest,
                    "host": host, "level": level, "participants": [who], "refers_back": False,
                    "ref": f"visit:{guest}>{host}", "sources": [source(sent.start_char, sent.end_char)],
                })
        return out

    def _guest(self, doc: Doc, sent: Span, trig_start: int, trig_end: int,
               m: re.Match, host: str | None = None) -> tuple[dict | None, str | None]:
        after = text_of(doc)[trig_end:min(sent.end_char, trig_end + 90)]
        if m.group("noun") and re.match(r"\s+(?:of|by)\s", after):
            # "the state visit of Kazakh President X to Y"
            stop = trig_end + (re.search(r"\bto\b", after).start() if re.search(r"\bto\b", after) else len(after))
            ps = persons_in(doc, trig_end, stop)
            if ps:
                return ps[0], person_country(doc, ps[0])
            cs = country_mentions(doc, trig_end, stop, ("adjective", "name"))
            if cs and OFFICIAL.search(text_of(doc)[cs[0]["start"]:stop]):
                return None, cs[0]["alpha3"]  # "the visit of a Kazakh delegation", not "visits by tourists"
        before_start = max(sent.start_char, trig_start - 120)
        if not persons_in(doc, before_start, trig_start):
            before_start = sent.start_char  # a long sentence: the subject opens it
        # "his Polish counterpart Y" is the host's side, not the traveller
        ps = [p for p in persons_in(doc, before_start, trig_start)
              if not re.search(r"counterparts?\s*,?\s*$", text_of(doc)[max(0, p["sources"][0]["start"] - 25):
                                                                     p["sources"][0]["start"]])
              and not (host and person_country(doc, p) == host)]
        if ps:
            p = ps[-1]
            c = person_country(doc, p)
            if c:
                return p, c
        cs = country_mentions(doc, before_start, trig_start, ("adjective",))
        cs += [c for c in country_mentions(doc, before_start, trig_start, ("name",))
               if text_of(doc)[c["end"]:c["end"] + 2] in ("'s", "\u2019s")]
        if cs:
            c = max(cs, key=lambda c: c["start"])
            if trig_start - c["end"] < 40 and OFFICIAL.search(text_of(doc)[c["start"]:trig_start]):
                return None, c["alpha3"]
        return None, None

    def _visit_of_to(self, doc: Doc, sent: Span, trig_end: int) -> tuple[dict, str, str] | None:
        """"the visit of <long title> <Person> to <Country>": the person and the country after "to",
        however long the title between them ("the Founder of Peace and National Unity - Leader of
        the Nation, President of the Republic of Tajikistan Emomali Rahmon to the Islamic Republic of
        Iran")."""
        text = text_of(doc)
        if not re.match(r"\s+(?:of|by)\s", text[trig_end:trig_end + 5]):
            return None
        people = persons_in(doc, trig_end, min(sent.end_char, trig_end + 260))
        if not people:
            return None
        p = people[0]
        guest = person_country(doc, p)
        after = p["sources"][0]["end"]
        to = re.match(r"(?:\s*\([^)]*\))?\s+to\s+(?:the\s+)?", text[after:after + 40])
        if not guest or not to:
            return None
        hosts = [c for c in country_mentions(doc, after + to.end(), sent.end_char, ("name", "capital", "city"))
                 if c["start"] == after + to.end()]
        if not hosts or hosts[0]["alpha3"] == guest:
            return None
        return p, guest, hosts[0]["alpha3"]

    def _host(self, doc: Doc, sent: Span, trig_start: int, trig_end: int) -> str | None:
        for c in country_mentions(doc, trig_end, sent.end_char, ("name", "capital", "city", "seat", "adjective")):
            gap = text_of(doc)[trig_end:c["start"]]
            trigger_has_prep = re.search(r"\b(?:to|in|visit|visited|visiting)$",
                                         text_of(doc)[trig_start:trig_end]) is not None
            if not ((re.search(r"\b(?:to|in)\s+(?:the\s+)?$", gap) or (trigger_has_prep and re.fullmatch(
                    r"\s+(?:the\s+)?", gap))) and len(gap) < 60):
                continue
            if c["form"] == "adjective" and not re.match(r"\s+capital\b", text_of(doc)[c["end"]:c["end"] + 9]):
                continue  # "in the Turkish capital" names the host; "to Turkish firms" does not
            return c["alpha3"]
        # "<Capital> visit", "Azerbaijan visit"
        for c in country_mentions(doc, max(sent.start_char, trig_start - 40), trig_start,
                                  ("name", "capital", "city")):
            if 0 <= trig_start - c["end"] <= 12 and re.fullmatch(r"\s*(?:(?:" + "|".join(LEVELS) + r")\s+)?",
                                                                  text_of(doc)[c["end"]:trig_start], re.I):
                return c["alpha3"]
        return None

    def _host_in_sentence(self, doc: Doc, sent: Span, guest: str | None) -> str | None:
        """A city or capital introduced by "in" anywhere in the sentence, not the guest's own."""
        for c in country_mentions(doc, sent.start_char, sent.end_char, ("capital", "city", "seat")):
            if re.search(r"\b(?:in|to|at)\s+(?:the\s+)?$", text_of(doc)[max(0, c["start"] - 8):c["start"]]) \
                    and c["alpha3"] != guest:
                return c["alpha3"]
        return None

    def _dateline_country(self, doc: Doc, guest: str | None) -> str | None:
        place = dateline_place(doc)
        return place[1] if place and place[1] != guest else None

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

        after = [c for m in re.finditer(r"\bin\s+([A-Z][\w\-]+(?:\s+[A-Z][\w\-]+)?)", text[pos:])
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
        went = re.search(r"\b(?:travel+ed|flew|went|came)\s+to\s+(?:the\s+)?(?P<c>[A-Z][\w\-]+(?:\s+[A-Z][\w\-]+)?)"
                         r"\s+(?:for|to\s+attend)\s+(?:the|a|an)\s+(?:[\w\-]+\s+){0,4}$", sent.text[:m.start()])
        went_to = self.gaz.country_of(went.group("c")) if went else None
        capital = self.gaz.capital_of(went_to[0], doc._.dct) if went_to and went_to[1] == "name" else None
        return self._place_after(sent.text, m.end(), clause_only=True) \
            or self._place_before(sent.text, m.start()) \
            or capital \
            or dateline or (main.get("location") if main else None) \
            or self._place_near(sent.text, m.start())

    def _place_before(self, text: str, pos: int) -> str | None:
        where = list(re.finditer(r"\b(?:in|to)\s+([A-Z][\w\-]+(?:\s+[A-Z][\w\-]+)?),\s+where\b", text[:pos]))
        if where and self._is_city(where[-1].group(1)):
            return where[-1].group(1)  # "in Baku, where the operators signed ...", "flew to Moyale, where"
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
        for m in re.finditer(r"\bin\s+([A-Z][\w\-]+(?:\s+(?:[A-Z][\w\-]+|do|da|de|del|di|dos|das)){0,3})", clause):
            words = m.group(1).split()
            for k in range(len(words), 0, -1):
                name = " ".join(words[:k])
                if name.split()[-1][:1].isupper() and self._is_city(name):
                    return name
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
                if (hit and hit[1] in ("capital", "city") and hit[0] == host) or (not hit and name in self.ner_places):
                    return name
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

    # ------------------------------------------------------------------ context
    def _context(self, doc: Doc, sent: Span, main: dict | None, anchor: int) -> tuple:
        """Date, countries, status default and reference of the enclosing visit."""
        start, end, t = nearest_date(doc, sent, anchor)
        own = start is not None
        self.inherited_place = None
        if own and t is not None and main and re.search(
                ENDED_RE.pattern + r"[^.;]{0,60}\b(?:visit|trip)\b", text_of(doc)[sent.start_char:t.start], re.I):
            start, end, t, own = None, None, None, False  # "wrapped up the visit on Wednesday" dates the end
        if own and main and main.get("start") and t is not None:
            from dyad.text.dates import overlaps

            window_ok = overlaps(start, main["start"]) or (main.get("end") and overlaps(start, main["end"]))
            explicit = re.search(r"\b(?:on|in|last|this|next|earlier|later)\s+(?:the\s+)?$",
                                 text_of(doc)[max(0, t.start - 12):t.start], re.I) or \
                (re.match(r"(?:last|this|next|earlier|later|in)\b", t.text, re.I)  # "next year" dates itself
                 and abs(t.start - anchor) < 80) or \
                re.match(r",?\s+when\b", text_of(doc)[t.end:t.end + 8])  # "since November 2018, when ..."
            if not window_ok and not explicit:
                start, end, own = None, None, False
        if own and t is not None and main and main.get("start") and len(main["start"]) == 10:
            day = weekday_in_window(t.text, main["start"], main.get("end") or main["start"])
            if day:
                start, end = day, None  # "on the Monday evening" of a visit dated 16-17 September
        if own and start and len(start) == 10:
            self.narrative = (self.sent_index, start)  # the day the story has reached
        told_ev = None if own else told_event(text_of(doc), sent.start_char, doc._.facts or [])
        told = told_ev["start"] if told_ev else None
        if told_ev:
            self.inherited_place = told_ev.get("location") or self.narrative_place
            if len(told) == 10:
                self.narrative = (self.sent_index, told)  # the story is back on the day of the event told
        if main:
            countries = list(main["countries"])
            ref = main["ref"]
            if not own and told:
                start, end = told, None  # "Following the meeting, ...": the day of the meeting told
            elif not own:
                start = main.get("start")
                # A multi-day visit does not say which day a part of it fell on.
                if start and main.get("end") and main["end"] != start:
                    # ... unless the story has just reached a day of it ("After the talks, ...").
                    near = self.narrative
                    same_day = SAME_DAY_RE.match(sent.text)  # "In the afternoon, ...": the day told last
                    if near and (self.sent_index - near[0] <= 2 or same_day or AFTER_EVENT_RE.match(sent.text)) and \
                            main["start"] <= near[1] <= main["end"]:
                        start = near[1]
                        self.narrative = (self.sent_index, start)
                    else:
                        start = start[:7]
                end = None
        else:
            countries = dyad_of(doc)
            ref = "doc:" + (doc._.doc_id or "")
            near = self.narrative
            if not own and told:
                start = told  # "At the council, ...": the date of the council told before
            elif not own and near and (self.sent_index - near[0] <= 1 or AFTER_EVENT_RE.match(sent.text)) and \
                    clause_tense(doc, anchor) != "future":
                # No visit to date it: the day the story has just told ("Greece and Cyprus signed a
                # memorandum on Tuesday ... The memorandum was signed in Nicosia after talks ...";
                # "Following the session, the Protocol was signed").
                start = near[1]
                self.narrative = (self.sent_index, start)
                self.inherited_place = self.narrative_place
        return start, end, own, countries, ref

    # ------------------------------------------------------------------ council sessions
    def council_sessions(self, doc: Doc, sent: Span, main: dict | None, taken: list) -> list[dict]:
        out = []
        seen = set()
        for rx, default_ord in ((SESSION_RE, None), (ORD_BODY_RE, None), (LOWER_BODY_RE, None), (LAUNCH_RE, 1),
                                (LOWER_SESSION_RE, None), (BODY_MEETS_RE, None)):
            for m in rx.finditer(sent.text):
                body = re.sub(r"^(?:the)\s+", "", (m.group("body") or "").strip())
                if rx is LOWER_SESSION_RE:
                    # "the next meeting of the council": the body named earlier in the article
                    named_here = list(LOWER_OF_BODY_RE.finditer(sent.text[:m.start()])) or [
                        b for b in NAMED_BODY_RE.finditer(sent.text[:m.start()])
                        if any(w in b.group("body") for w in DATA["council_markers"])]
                    if named_here:  # "transform the Forum of regions into the Council of heads of regions and
                        self.last_body = named_here[-1].group("body")  # hold its first session": that council
                    if not self.last_body:
                        continue
                    body = self.last_body
                    word = (m.group("ord") or m.group("ord2") or m.group("ord3") or "").lower()
                    if word not in ("next", "previous", "last"):
                        ordinal = ORDINALS.get(word)
                        key = f"council:{ordinal or ''}:{synonym_key(body)}"
                        a, b = sent.start_char + m.start(), sent.start_char + m.end()
                        start, _e, t = nearest_date(doc, sent, a)
                        status = status_of(sent.text, start, None, doc._.dct, sent.text[m.start():m.end() + 60],
                                           clause_tense(doc, a))
                        if status == "unknown" and COMMITTED_RE.search(sent.text[:m.start()]):
                            status = "planned"  # "the parties agreed to ... hold its first session in autumn"
                        nth = {1: "first", 2: "second", 3: "third"}.get(ordinal or 0, f"{ordinal}th")
                        out.append({
                            "kind": "event", "event_type": "council_session",
                            "title": f"{nth} session of the {body}", "status": status, "start": start, "end": None,
                            "location": self._place_near(sent.text, m.start()),
                            "countries": list(main["countries"]) if main else dyad_of(doc),
                            "guest": None, "host": None, "level": None, "participants": [],
                            "object_key": key, "parent": None, "body": body, "sources": [source(a, b)],
                        })
                        continue
                    if word == "next":
                        key = f"council:next:{synonym_key(body)}"
                        a, b = sent.start_char + m.start(), sent.start_char + m.end()
                        start, _e, t = nearest_date(doc, sent, a)
                        out.append({
                            "kind": "event", "event_type": "council_session",
                            "title": f"next session of the {body}", "status": "planned", "start": start,
                            # "to hold its next meeting in Ulaanbaatar"; "the next session, due in Cairo"
                            "end": None, "location": self._place_after(sent.text, m.end()),
                            "countries": list(main["countries"]) if main else dyad_of(doc),
                            "guest": None, "host": None, "level": None, "participants": [],
                            "object_key": key, "parent": None, "body": body, "sources": [source(a, b)],
                        })
                    continue
                self.last_body = body
                lower_body = rx is LOWER_BODY_RE
                if not lower_body and (not any(w in body for w in DATA["council_markers"]) or len(body.split()) < 2):
                    continue
                word = (m.groupdict().get("ord") or "").lower()
                ordinal = ORDINALS.get(word) or (int(re.match(r"\d+", word).group(0)) if re.match(r"\d+", word)
                                                 else None) or default_ord
                key = f"council:{ordinal or ''}:{synonym_key(body)}"
                if key in seen:
                    continue
                seen.add(key)
                a, b = sent.start_char + m.start(), sent.start_char + m.end()
                taken.append((a, b))
                start, end, own, countries, ref = self._context(doc, sent, main, a)
                status = status_of(sent.text, start, end, doc._.dct, sent.text[max(0, m.start() - 60):m.end() + 60],
                                   clause_tense(doc, a))
                if status == "unknown" or (status == "planned" and not own and main and main["status"] == "occurred"):
                    status = main["status"] if main else "unknown"
                if COMMITTED_RE.search(sent.text[:m.start()]) and not (own and before_dct(start, doc._.dct)):
                    status = "planned"  # "the ministers agreed to convene the Sixth Session of the Commission"
                location = main.get("location") if main else None
                # ", held in Beijing last December"; "... Commission on Trade and Economic Cooperation
                # was held in Dushanbe" (the body's name runs on past the head word)
                held_in = re.match(r"(?:\s+(?:on|for)\s+[^.;]{0,90}?)?\W{0,3}(?:(?:which|that)\s+)?"
                                   r"(?:(?:was|were|is|will be)\s+)?(?:held|hosted|convened|"
                                   r"took place|takes place|meeting)\s+(?:(?:today|yesterday|this\s+week)\s+)?in\s+",
                                   sent.text[m.end():m.end() + 140])
                if held_in:
                    location = self._place_after(sent.text, m.end()) or location  # ", held in Beijing last December"
                if re.search(r"\bDecision\b", sent.text[max(0, m.start() - 30):m.start()]):
                    status = "occurred"  # a decision of a session means the session took place
                elif prepared_for(sent.text, m.start()):
                    # "discussed preparations for the first meeting of the Council in a phone call on
                    # Sunday": Sunday is the call's
                    status = "planned"
                    if own and before_dct(start, doc._.dct):
                        start = None
                    location = self._place_after(sent.text, m.end()) or location
                elif prospective(sent.text, m.start(), m.end()) and not (own and before_dct(start, doc._.dct)):
                    status = "planned"
                    location = self._place_after(sent.text, m.end()) or location
                if status == "planned" and re.search(r"\b(?:held|hosted|take place|convene|meet)\s+in\s+(?!" +
                                                     re.escape(location or "~") + r")[A-Z]", sent.text[m.end():]):
                    location = self._place_after(sent.text, m.end())  # "will be held in Serbia next year"
                if re.match(r"(?:\s+(?:on|for)\s+[^.;,]{0,90}?)?(?:\s*(?:today|yesterday))?\s+in\s+[A-Z]",
                            sent.text[m.end():m.end() + 110]):
                    # "will meet in Addis Ababa"; "the 13th meeting of the Joint Committee on Economic
                    # Cooperation in Seoul in December"
                    location = self._place_after(sent.text, m.end()) or location
                elif status == "planned" and main and main["status"] == "occurred" and \
                        location == main.get("location") and not self._place_after(sent.text, m.end()):
                    location = None  # a later session is not where the visit that announced it took place
                if own and start and len(start) == 10 and location:
                    self.narrative_place = location
                nth = {1: "first", 2: "second", 3: "third"}.get(ordinal or 0, f"{ordinal}th" if ordinal else "")
                out.append({
                    "kind": "event", "event_type": "council_session",
                    "title": f"{nth + ' ' if nth else ''}session of the {body}", "status": status,
                    "start": start, "end": None, "location": location,
                    "countries": countries, "guest": None, "host": None, "level": None, "participants": [],
                    "object_key": key, "parent": ref, "body": body,
                    "sources": [source(a, b)],
                })
        # "The seventh session of the Council ... the Council will meet": one session, the numbered one
        numbered = {synonym_key(o["body"]) for o in out if not o["object_key"].startswith("council::")}
        return [o for o in out if not (o["object_key"].startswith("council::") and synonym_key(o["body"]) in numbered)]

    # ------------------------------------------------------------------ meetings
    def meetings(self, doc: Doc, sent: Span, main: dict | None) -> list[dict]:
        m = MEETING_RE.search(sent.text)
        pair_met = None
        received = None
        if not m:
            rb = RECEIVED_BY_RE.search(sent.text)
            if rb:
                guests = persons_in(doc, sent.start_char, sent.start_char + rb.start())
                hosts = persons_in(doc, sent.start_char + rb.end(), sent.end_char)
                if guests and hosts and None not in {person_country(doc, guests[-1]), person_country(doc, hosts[0])} \
                        and person_country(doc, guests[-1]) != person_country(doc, hosts[0]):
                    m = received = rb
                    received_names = (full_name(doc, hosts[0]), full_name(doc, guests[-1]))
        if not m:
            rv = RECEIVES_RE.search(sent.text)
            if rv and not NON_VISIT_RE.match(sent.text[rv.end():rv.end() + 60]) and \
                    not PASSIVE_HOST_RE.search(sent.text[:rv.start()]):
                hosts = persons_in(doc, sent.start_char, sent.start_char + rv.start())
                guests = [p for p in persons_in(doc, sent.start_char + rv.end(), sent.end_char)
                          if p["sources"][0]["start"] - (sent.start_char + rv.end()) <= 60]
                if hosts and guests and None not in {person_country(doc, hosts[-1]), person_country(doc, guests[0])} \
                        and person_country(doc, hosts[-1]) != person_country(doc, guests[0]):
                    m = received = rv
                    received_names = (full_name(doc, hosts[-1]), full_name(doc, guests[0]))
        if not m:
            met = re.search(r"\bmet\b", sent.text)
            subj = persons_in(doc, sent.start_char, sent.start_char + met.start()) if met else []
            if met and subj and persons_in(doc, sent.start_char + met.end(), sent.end_char):
                m = met
            elif met and len({person_country(doc, p) for p in subj} - {None}) >= 2 and re.search(
                    r"\band\b", text_of(doc)[subj[0]["sources"][0]["end"]:sent.start_char + met.start()]) and \
                    not re.search(r"\b(?:has|have|had|will|never|not)\b",
                                  text_of(doc)[subj[-1]["sources"][0]["end"]:sent.start_char + met.start()]) and \
                    not re.match(r"\s+(?:regularly|often|frequently|repeatedly|several|many|numerous|\w+\s+times)\b",
                                 sent.text[met.end():]):
                # "X and Y have met regularly": a habit, not one meeting
                m = met  # "X of A and Y of B met on Saturday on the sidelines of the summit": the two together
            elif main and main.get("participants"):
                # "the two leaders last met on the sidelines of the summit": the article's pair
                m = pair_met = TWO_MET_RE.search(sent.text)
            elif met and re.search(r"\b(?:sidelines|margins)\b|\bin\s+person\b", sent.text[met.end():]) and \
                    not re.search(r"\b(?:have|has)\s+(?:\w+\s+)?met\b", sent.text):
                # without a visit: "they last met in person on the sidelines of the summit", the pair
                # the article is about (its leaders named elsewhere in it)
                m = pair_met = TWO_MET_RE.search(sent.text)
        if not m:
            # "X will meet Y in Bangkok", "X and Y are expected to meet with Z": leaders of different
            # countries on both sides of a present or future "meet"
            meet = re.search(r"\b(?:meet|meets)\b(?:\s+with\b)?", sent.text)
            if meet and not re.search(r"\b(?:not|never|no)\s+(?:[\w-]+\s+){0,2}$", sent.text[:meet.start()]):
                subj = persons_in(doc, sent.start_char, sent.start_char + meet.start())
                obj = persons_in(doc, sent.start_char + meet.end(), sent.end_char)
                sides = {person_country(doc, p) for p in subj} - {None}
                others = {person_country(doc, p) for p in obj} - {None}
                if subj and obj and sides and others and others - sides:
                    m = meet
        pair_countries: list[str] = []
        if not m:
            # "signed at the Uzbek-Kazakh summit in Tashkent": the two countries name the summit
            for pm in PAIR_SUMMIT_RE.finditer(sent.text):
                a3 = [self.gaz.country_of(pm.group(g)) for g in ("a", "b")]
                if all(h and h[1] in ("name", "adjective") for h in a3) and a3[0][0] != a3[1][0]:
                    m, pair_countries = pm, [a3[0][0], a3[1][0]]
                    break
        if not m:
            # "X and Y discussed ways to ...": two leaders of two countries talking together
            dm = DISCUSS_RE.search(sent.text)
            before = persons_in(doc, sent.start_char, sent.start_char + dm.start()) if dm else []
            if dm and not VISIT_RE.search(sent.text) and \
                    len({person_country(doc, p) for p in before} - {None}) >= 2 and \
                    re.search(r"\band\b", text_of(doc)[before[0]["sources"][0]["end"]:sent.start_char + dm.start()]):
                m = dm
        if not m:
            fm = FORMAT_MEETING_RE.search(sent.text)
            if fm and not SESSION_RE.search(sent.text[fm.start():fm.end() + 40]) and \
                    not LOWER_BODY_RE.search(sent.text[fm.start():fm.end() + 80]) and \
                    not (LOWER_SESSION_RE.search(sent.text) and self.last_body):
                return self.format_meeting(doc, sent, main, fm)
        if not m or SESSION_RE.search(sent.text[m.start():m.end() + 40]):
            return []
        if re.search(r"\b(?:not|never|no)\s+(?:[\w-]+\s+){0,3}$", sent.text[max(0, m.start() - 40):m.start()]):
            return []  # "the two have not held a formal bilateral meeting"
        a = sent.start_char + m.start()
        people = persons_in(doc, sent.start_char, sent.end_char)
        start, end, own, countries, ref = self._context(doc, sent, main, a)
        pc = []
        for p in people:
            c = person_country(doc, p)
            if c and c not in pc:
                pc.append(c)
        if pair_countries:
            countries = pair_countries
        elif len(pc) >= 2:
            countries = pc
        elif not main and len(countries) < 2:
            return []
        if not people and not main and not pair_countries and not (pair_met and self._leaders_of(doc, countries)):
            return []
        fmt = next((v for k, v in DATA["meeting_formats"].items() if k in m.group(0).lower()), "talks")
        if received:
            fmt = "reception"  # not the talks of the same day with someone else
        status = status_of(sent.text, start, end, doc._.dct, sent.text[max(0, m.start() - 60):m.end() + 60],
                           clause_tense(doc, a))
        if prospective(sent.text, m.start(), m.end()) and not (own and before_dct(start, doc._.dct)):
            status = "planned"  # "to lay the groundwork for a first bilateral meeting ... in December"
        if status == "planned" and not (own and start and not before_dct(start, doc._.dct)) and (re.search(
                r"\b(?:following|after)\s+(?:(?:their|the|his|her|official|bilateral|formal)\s+)*$",
                sent.text[max(0, m.start() - 40):m.start()], re.I) or re.match(r"(?:following|after)\b", m.group(0),
                                                                                re.I)):
            status = "occurred"  # "would work closer following official talks in X": the talks are done
        if status == "unknown" and main:
            status = main["status"]
        names = [full_name(doc, p) for p in people]
        if pair_met and not main and len(names) < 2:
            names = self._leaders_of(doc, countries) or names
        if main and main.get("participants") and len(names) < 2 and (pair_met or any(
                t.lower_ in ("he", "she") and t.dep_ in ("nsubj", "nsubjpass") for t in sent)):
            # "Later that day he held talks with X": he is the visitor the article follows
            names = list(dict.fromkeys([main["participants"][0], *names]))
        two = re.search(r"\b(?:the|both)\s+(?:two\s+)?(?:presidents|leaders|heads\s+of\s+states?|"
                        r"prime\s+ministers)\b", sent.text, re.I)
        if two and len(pc) < 2:
            # "the spokesman said the two heads of state will hold bilateral discussions": the
            # leaders, not the spokesman who names the meeting
            names = self._leaders_of(doc, countries) or names
        if not names and pair_countries:
            names = self._leaders_of(doc, countries)  # "the Uzbek-Kazakh summit"
        # "held talks with", "met with", "talks at" name the meeting by its verb; say what it was.
        noun = re.sub(r"^(?:held|hold|holds|had|after|following)\s+(?:an?\s+)?|\s+(?:with|between|at)$", "",
                      m.group(0).lower())
        noun = "meeting" if pair_met or noun in ("met", "met with", "meet", "meet with", "meets", "meets with") \
            else noun
        if pair_countries:
            noun = m.group(0)
        elif DISCUSS_RE.fullmatch(m.group(0)):
            noun = "talks"
        if fmt == "one-on-one" and not re.search(r"\b(?:talks|meeting)\b", noun):
            noun += " talks"  # "held a tete-a-tete": one-on-one talks
        title = f"{noun} " + (f"between {' and '.join(dict.fromkeys(names))}" if names else "")
        if pair_countries and len(set(names)) < 2:
            title = noun  # "the next A-B summit": its name, not one of its two leaders
        if received:
            title = f"{received_names[0]} receives {received_names[1]}"
            names = list(received_names)
        if status == "planned" and own and not (main and main.get("start") and overlaps_dates(start, main)):
            # a meeting announced for later is not where the report was filed
            location = self._place_after(sent.text, m.end()) or self._place_before(sent.text, m.start())
        else:
            location = self._where(doc, sent, m, main, countries)
        if status == "occurred" and not start and doc._.dct and not (main and main.get("start")):
            # told as done, undated: the day of the dateline it follows ("TASHKENT, November 14. X and Y
            # discussed ..."), else the month of the report
            start = dateline_day(doc, sent.start_char) or doc._.dct[:7]
        cue = "pair_summit" if pair_countries else "discussion" if DISCUSS_RE.fullmatch(m.group(0)) else \
            "met" if (pair_met or m.group(0).split()[0] in ("met", "meet", "meets")) else "cue"
        return [{
            "cue": cue,
            "kind": "event", "event_type": "meeting", "title": title.strip(), "status": status,
            "start": start, "end": None, "location": location,
            "countries": countries, "guest": None, "host": None, "level": None,
            "participants": sorted(set(names)), "object_key": f"meeting:{fmt}:{ref}:{start if own else ''}",
            "parent": ref, "sources": [source(sent.start_char, sent.end_char)],
        }]

    @staticmethod
    def _leaders_of(doc: Doc, countries: list[str]) -> list[str]:
        """The heads of state or government the article names for each country of the pair."""
        out = []
        for c in countries[:2]:
            for p in doc._.persons or []:
                if person_country(doc, p) == c and re.match(r"(?:President|Prime Minister|Premier|King|Emir|Chancellor|"
                                                            r"Crown Prince|Sultan)\b", p.get("role") or ""):
                    out.append(full_name(doc, p))
                    break
        return out if len(out) == len(countries[:2]) else []

    def format_meeting(self, doc: Doc, sent: Span, main: dict | None, m: re.Match) -> list[dict]:
        """A meeting of ministers or of a named format, usually announced ("the next 2+2 meeting")."""
        a = sent.start_char + m.start()
        start, end, own, countries, ref = self._context(doc, sent, main, a)
        if not own:
            start = None  # the visit's day is not the day of a meeting it announces
        if len(countries) < 2:
            return []
        status = status_of(sent.text, start, end, doc._.dct, sent.text[max(0, m.start() - 40):m.end() + 60],
                           clause_tense(doc, a))
        named = m.group("what") or m.group("what2") or m.group("what3") or m.group("what4") or m.group("what5") or ""
        if prospective(sent.text, m.start(), m.end()) or re.match(r"(?:next|first|inaugural)\b", named) or (
                m.group("what3") and re.match(r"(?:to|will|would)\s", m.group(0))) or m.group("what4"):
            status = "planned" if not (start and before_dct(start, doc._.dct)) else status
        what = re.sub(r"^(?:next|first|annual|regular|inaugural)\s+", "", named)
        pair = countries[:2]
        names = [self.gaz.name_of(c) or c for c in pair]
        title = what if (m.group("what3") or m.group("what4")) and re.search(r"\w[-\u2013][A-Z]", what) \
            else f"{'-'.join(names)} {what}"
        if m.group("what5"):  # a summit of three or more: every country the sentence names
            named_here = list(dict.fromkeys(c["alpha3"] for c in country_mentions(doc, sent.start_char, sent.end_char)))
            if len(named_here) >= 3 and set(pair) <= set(named_here):
                countries = named_here
                title = f"{what} of " + ", ".join(self.gaz.name_of(c) or c for c in named_here)
        what = re.sub(r"[\"\u201c\u201d]", "", what)
        location = self._place_after(sent.text, m.end(), clause_only=True) or \
            self._place_after(sent.text, m.end())
        where = re.match(r"\s+in\s+(?:the\s+)?([A-Z][\w\-]+(?:\s+[A-Z][\w\-]+)?)", sent.text[m.end():])
        if not location and where and self.gaz.country_of(where.group(1)) and \
                self.gaz.country_of(where.group(1))[1] == "name":
            location = where.group(1)  # "to hold their next consultation in Malaysia": only the country is said
        key = "meeting:format:" + "-".join(sorted(pair)) + ":" + re.sub(r"\W+", "-", what.lower()) + \
            (":next" if m.group("what4") else "")  # the next round is not the one held
        return [{
            "cue": "format",
            "kind": "event", "event_type": "meeting",
            "title": title,
            "status": status, "start": start, "end": None, "location": location,
            "countries": countries, "guest": None, "host": None, "level": None, "participants": [],
            "object_key": key, "parent": ref, "sources": [source(sent.start_char, sent.end_char)],
        }]

    # ------------------------------------------------------------------ signings
    def signings(self, doc: Doc, sent: Span, main: dict | None) -> list[dict]:
        m = SIGNING_RE.search(sent.text) or self._passive_signing(doc, sent)
        if not m:
            return []
        a = sent.start_char + m.start()
        if PREPARED_FOR_RE.search(sent.text[max(0, m.start() - 40):m.start()]):
            return []  # "the sides have prepared for signing a draft agreement": a preparation
        if HOPED_FOR_RE.search(sent.text[max(0, m.start() - 40):m.start()]):
            return []  # "looked forward to the signing of a memorandum": a wish, not a ceremony set
        start, end, own, countries, ref = self._context(doc, sent, main, a)
        if own and start and main and (main.get("start") or "")[:4] > start[:4] and \
                (doc._.dct or "")[:4] > start[:4]:
            return []  # "the two signed a treaty last year", told during a later visit: background
        status = status_of(sent.text, start, end, doc._.dct, sent.text[max(0, m.start() - 40):m.end() + 10])
        if status == "unknown" and main:
            status = main["status"] if main["status"] != "planned" or not own else "unknown"
        location = self._where(doc, sent, m, main, countries) or self.inherited_place
        placed = location and re.search(r"\b(?:in|at)\s+(?:the\s+)?" + re.escape(location), sent.text)
        if own and start and not main and not placed and start[:4] < (doc._.dct or "")[:4] and \
                not SESSION_BACK_RE.match(sent.text[:m.start()]):
            # "five years after the two signed the X Agreement in August 2020": background, unless the
            # sentence tells where ("signed ... in Bucharest in December 2022")
            return []
        if status == "occurred" and not start and doc._.dct and not main:
            start = doc._.dct[:7]  # reported as done, undated: the month of the report
        if self.last_session and self.sent_index - self.last_session[0] <= 3 and \
                SESSION_BACK_RE.match(sent.text[:m.start()]):
            # "The Commission met on 18 February. Following the meeting, the parties signed six
            # documents": the signing of that session, on its day and at its place
            session = self.last_session[1]
            start, status = session["start"], "occurred"
            location = session.get("location") or location
            if not main:  # during a visit it stays the visit's one signing
                own, ref = True, f"council:{session['object_key']}"
        title = "signing ceremony" if "ceremony" not in m.group(0).lower() else m.group(0)
        if main and not own:
            title = f"{title} during the {main['title']}"
        key = f"signing:{ref}:{start if own else ''}"
        return [{
            "kind": "event", "event_type": "signing", "title": title, "status": status,
            "start": start, "end": None, "location": location, "countries": countries,
            "guest": None, "host": None, "level": None, "participants": [],
            "object_key": key, "parent": ref, "sources": [source(sent.start_char, sent.end_char)],
        }]

    def _passive_signing(self, doc: Doc, sent: Span) -> re.Match | None:
        """"Following the session, the Protocol was signed": a signing told in the passive, unless it
        describes an instrument of the past ("the Agreement, which was signed in 2019, ...")."""
        m = PASSIVE_SIGNED_RE.search(sent.text)
        if m is None or re.search(r"\b(?:which|that)\s+(?:was|were|has been|have been|had been)\s+signed\b",
                                  m.group(0)):
            return None
        start, _e, _t = nearest_date(doc, sent, sent.start_char + m.end())
        if start and doc._.dct and start[:4] < str(int(doc._.dct[:4]) - 1):
            return None  # "was signed in July 2022" in a 2025 story: background
        return m

    # ------------------------------------------------------------------ openings


@Language.factory("dyad_events")
def make_event_extractor(nlp: Language, name: str) -> EventExtractor:
    return EventExtractor()
