"""Meetings named by their format or number rather than by "talks": "the next 2+2 meeting", "the 11th
Malaysia-Singapore Leaders' Retreat", "the tenth trilateral summit of A, B and C" (a mixin of the meeting finder,
which provides ``_context``, ``_leaders_of``, ``summit`` and ``receptions``)."""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span

from dyad.nlp.components.context import (
    before_dct,
    clause_tense,
    country_mentions,
    dates_in,
    person_country,
    persons_in,
    prospective,
    status_of,
)
from dyad.nlp.components.sessions import BODY
from dyad.nlp.components.util import patterns, source, span_text

DATA = patterns("events")
ORDINALS = DATA["ordinals"]
# Meetings named by their format rather than by "talks": "would hold their next "2+2" meeting in
# Canberra", "the next meeting of the two countries' foreign and defence ministers".
FORMAT_MEETING_RE = re.compile(
    # ("will meet in Tokyo in December for their next '2+2' consultations")
    # ("co-chaired the ninth political consultations of the two foreign ministries")
    r"\b(?:(?:hold|holds|held|holding|to hold|will hold|would hold|co-chaired|chaired)\s+(?:their|its|a|an|the)|"
    r"for\s+their(?=\s+next\b))\s+"
    r"(?P<what>(?:(?:next|first|annual|regular|inaugural|\w+(?:st|nd|rd|th)|second|third|fourth|fifth|sixth|seventh|"
    r"eighth|ninth|tenth)\s+)?(?:[\"\u201c\u201d\w+\-]+\s+){0,3}?"
    r"(?:meeting|consultations?|summit|dialogue|retreat))\b|"
    # "to hold the sixth A-B Foreign Ministers' Meeting": a format named in title case
    r"\b(?:hold|holds|held|holding|to hold|will hold|would hold)\s+(?:their|its|a|an|the)\s+"
    r"(?P<what3>(?:(?:next|annual|regular|inaugural|\w+(?:st|nd|rd|th))\s+)?(?:[A-Z][\w\-]*[\u2019']?\s+){1,5}?"
    r"(?:Meeting|Consultations?|Summit|Dialogue|Retreat))\b|"
    r"\b(?P<what2>(?:(?:next|first|annual|regular|inaugural)\s+)?meeting\s+of\s+(?:the\s+two\s+(?:countries|sides|nations)"
    r"[\u2019']\s+|both\s+(?:countries|sides)[\u2019']\s+|their\s+)"
    r"(?:[\w'\u2019\-]+\s+){0,5}?(?:ministers|leaders|heads of government|heads of state))\b|"
    # "the next A-B Strategic Dialogue ... will be held in Tokyo", "the next joint meeting will be hosted by ...":
    # a format announced by its next round (not "the next meeting of <a body>", a session)
    r"\b[Tt]he\s+next\s+(?P<what4>(?:[\w\-\u2013'\u2019]+\s+){0,5}?(?:meeting|summit|dialogue|consultations|"
    r"Meeting|Summit|Dialogue|Consultations|Retreat))\b(?!\s+of\b)(?=[^.;]{0,60}?\b(?:will|would|is to|is due to|"
    r"is expected to|is scheduled to|is set to)\s+(?:be\s+)?(?:held|hosted|take\s+place|convened?)\b)|"
    # "the tenth trilateral summit of Egypt, Greece and Cyprus": a summit of three or more, the pair among them
    r"\b(?P<what5>(?:(?:" + "|".join(ORDINALS) + r"|\d+(?:st|nd|rd|th))\s+)?(?:"
    + "|".join(DATA["multilateral_formats"]) + r")\s+(?:summit|meeting|talks))\b|"
    # "the commerce secretaries of the two countries would meet in Dhaka in September"
    r"\b(?P<what6>(?:[a-z]+\s+){0,2}(?:ministers|secretaries|officials))\s+of\s+the\s+two\s+(?:countries|sides|"
    r"governments)\s+(?=(?:would|will|are\s+to|are\s+due\s+to|are\s+expected\s+to|plan\s+to|agreed\s+to)\s+meet\b)|"
    # "officials would meet in Canberra in August", "Technical teams from both ministries will meet in Port of Spain in
    # March": the two sides' officials, to meet in a named place
    r"\b(?P<what7>(?:(?!(?:and|that|the|but|said|which|who|as|if|when)\b)[a-z][\w\-]*\s+){0,2}"
    r"(?:officials|teams|experts|negotiators|delegations))\s+"
    r"(?:(?:from|of)\s+(?:both|the\s+two)\s+(?:ministries|countries|sides|governments|agencies)\s+)?"
    r"(?=(?:would|will|are\s+to|are\s+due\s+to|are\s+expected\s+to|are\s+scheduled\s+to|plan\s+to)\s+"
    r"(?:meet|convene)\s+in\s+[A-Z])|"
    # "the first political consultations would take place in Vaduz next year", "Foreign Office Consultations between
    # the two ministries are to take place in Valletta", "consultations between the foreign offices ..., due in
    # Havana early next year": a round of consultations to come, in a named place
    r"\b(?P<what8>(?:(?:first|next|second|third|new)\s+)?(?:round\s+of\s+)?(?:(?:[A-Z][\w\-]*|(?!(?:the|a|an|and|"
    r"of|their|its|to|hold|held|launch|resume|said|says|agreed|announced|noted|that|which|for|on|in|with|as|by|at)\b)"
    r"[a-z][\w\-]*)\s+){0,3}?(?i:consultations))\b"
    r"(?=(?:\s+(?:between|of|at)\s+[^.;,]{0,60}?)?,?\s+(?:(?:which|that)\s+)?(?:would|will|are\s+to|is\s+to|are\s+due\s+to|"
    r"are\s+expected\s+to|are\s+scheduled\s+to|due|should)\s+(?:be\s+held\s+|take\s+place\s+)?in\s+[A-Z])")
GOVERNMENTS_MEET_RE = re.compile(r"\b(?:intergovernmental|government|governments|cabinet|cabinets)\b", re.I)
# a meeting of the two alone, then with their delegations: one meeting told in two formats
PRIVATE_FORMATS = (r"private|one-on-one|tete-a-tete|t\u00eate-\u00e0-t\u00eate|four-eyes|restricted|closed-door|"
                   r"narrow-format")
# "the 11th Malaysia-Singapore Leaders' Retreat", "the 12th Leaders' Retreat": a numbered summit of the pair
# (not "the 46th ASEAN Summit": nothing but the pair may stand between the number and the format)
NUMBERED_SUMMIT_RE = re.compile(
    r"\b(?P<ord>\d+(?:st|nd|rd|th)|" + "|".join(sorted(ORDINALS, key=len, reverse=True)) + r")\s+"
    r"(?:(?P<a>[A-Z][\w]+)[-\u2013](?P<b>[A-Z][\w]+)\s+)?(?P<noun>(?:(?:" + "|".join(DATA["summit_qualifiers"])
    + r")\s+)?(?:"
    + "|".join(DATA["summit_formats"]) + r"))\b")
BODY_NAME_RE = re.compile(r"\b" + BODY + r"\b")  # a body's name, with or without "the"


# "the sixth meeting of the A-B Cooperation Council", "the first meeting of their free trade agreement joint committee":
# the meeting is a session of that body
OF_A_BODY_RE = re.compile(
    r"\s+of\s+the\s+(?:[A-Z][\w\-\u2013]*\s+(?:(?:and|on|for)\s+)?){1,8}(?:Council|Commission|Committee)\b|"
    r"\s+of\s+(?:the|their)\s+(?:[a-z][\w\-]*\s+){0,4}?(?:joint|intergovernmental|bilateral|mixed|binational|"
    r"permanent)\s+(?:[a-z][\w\-]*\s+)?(?:council|commission|committee)\b")
# "the Vietnam-Romania Business Forum held in Bucharest", "attended the Egyptian-Danish Business Forum": a forum named
# after the pair, where its officials meet
PAIR_FORUM_RE = re.compile(
    r"\b(?P<a>[A-Z][\w\-]+)[\-\u2013](?P<b>[A-Z][\w\-]+)\s+(?:[A-Z][\w\-]*\s+|and\s+){0,3}?"
    r"(?:[Bb]usiness|[Ee]conomic|[Ii]nvestment|[Tt]rade)\s+(?:and\s+[A-Za-z]+\s+)?[Ff]orum\b")
FORUM_HELD_RE = re.compile(r"\b(?:held|attended|attend|attends|attending|opened|open|opens|addressed|address|"
                           r"co-chaired|took\s+place|takes\s+place|hosted|host|gathered)\b")


class FormatMeetings:
    """Meetings of a named format and numbered summits of the pair."""

    def pair_forums(self, doc: Doc, sent: Span, main: dict | None) -> list[dict]:
        """A business, trade or investment forum named after the pair and held, opened or attended: a meeting of the
        two sides, one record per forum."""
        out = []
        for m in PAIR_FORUM_RE.finditer(span_text(sent)):
            sides = {(self.gaz.country_of(m.group(g)) or (None,))[0] for g in ("a", "b")}
            if len(sides) != 2 or None in sides or not FORUM_HELD_RE.search(span_text(sent)):
                continue
            officials = [p for p in persons_in(doc, sent.start_char, sent.end_char)
                         if re.search(r"\b(?:minister|president|premier|secretary|chancellor)\b", p.get("role") or "",
                                      re.I)]
            if {person_country(doc, p) for p in officials} != sides:
                continue  # a forum of companies; the two sides' officials meet there when both are named at it
            a = sent.start_char + m.start()
            start, end, own, countries, ref = self._context(doc, sent, main, a)
            if set(countries[:2]) != sides:
                continue
            status = status_of(span_text(sent), start, end, doc._.dct,
                               span_text(sent)[max(0, m.start() - 40):m.end() + 60], clause_tense(doc, a))
            name = m.group(0)
            out.append({
                "cue": "forum", "kind": "event", "event_type": "meeting", "title": name,
                "status": status, "start": start, "end": None,
                "location": self._place_after(span_text(sent), m.end(), clause_only=True),
                "countries": countries, "guest": None, "host": None, "level": None, "participants": [],
                "object_key": "meeting:forum:" + "-".join(sorted(sides)) + ":" + re.sub(r"\W+", "-", name.lower()),
                "parent": ref, "sources": [source(sent.start_char, sent.end_char)],
            })
        return out

    def numbered_summits(self, doc: Doc, sent: Span, main: dict | None) -> list[dict]:
        """"the 11th Malaysia-Singapore Leaders' Retreat": a summit of the pair named by its number; one
        record per number, held or announced ("the 12th Leaders' Retreat, which Singapore will host")."""
        out = []
        for m in NUMBERED_SUMMIT_RE.finditer(span_text(sent)):
            word = m.group("ord").lower()
            nth = ORDINALS.get(word) or (int(re.match(r"\d+", word).group(0)) if word[:1].isdigit() else None)
            if not nth:
                continue
            a = sent.start_char + m.start()
            start, end, own, countries, ref = self._context(doc, sent, main, a)
            if m.group("a"):
                hits = [self.gaz.country_of(m.group(g)) for g in ("a", "b")]
                if not all(h and h[1] in ("name", "adjective") for h in hits) or hits[0][0] == hits[1][0]:
                    continue
                countries = [hits[0][0], hits[1][0]]
            if len(countries) < 2:
                continue
            status = status_of(span_text(sent), start, end, doc._.dct, span_text(sent)[m.start():m.end() + 60],
                               clause_tense(doc, a))
            if re.match(r"[^.;]{0,40}?\b(?:will|would|is to|is due to|is expected to)\b", span_text(sent)[m.end():]):
                status = "planned"  # "the 12th Retreat, which Singapore will host later this year"
            if status == "unknown" and main:
                status = main["status"]
            if status == "planned" and not own:
                start = None
            pair = "-".join(self.gaz.name_of(c) or c for c in countries[:2])
            noun = m.group("noun")
            location = self._place_after(span_text(sent), m.end()) if status != "planned" or own else None
            if status != "planned" and not location:
                location = main.get("location") if main else None
            rec = {
                "cue": "numbered_summit",
                "kind": "event", "event_type": "meeting", "title": f"{m.group('ord')} {pair} {noun}",
                "status": status, "start": start, "end": None, "location": location,
                "countries": countries, "guest": None, "host": None, "level": None,
                "participants": self._leaders_of(doc, countries),
                "object_key": "meeting:summit:" + "-".join(sorted(countries[:2])) + f":{nth}",
                "parent": ref, "sources": [source(sent.start_char, sent.end_char)],
            }
            if status == "occurred" and start and self.summit is None:
                self.summit = rec  # the summit the article reports: its meetings are parts of it
            out.append(rec)
        return out

    def format_meeting(self, doc: Doc, sent: Span, main: dict | None, m: re.Match) -> list[dict]:
        """A meeting of ministers or of a named format, usually announced ("the next 2+2 meeting")."""
        a = sent.start_char + m.start()
        start, end, own, countries, ref = self._context(doc, sent, main, a)
        if not own:
            start = None  # the visit's day is not the day of a meeting it announces
        if len(countries) < 2:
            return []
        ahead = dates_in(doc, sent.start_char + m.end(), sent.end_char) if m.group("what8") else []
        if ahead and ahead[0].iso_date():
            start, end, own = ahead[0].iso_date(), None, True  # "agreed on Tuesday that ... would take place next year"
        if OF_A_BODY_RE.match(span_text(sent)[m.end():]):
            return []  # "co-chaired the sixth meeting of the A-B Cooperation Council": a session of the body
        status = status_of(span_text(sent), start, end, doc._.dct, span_text(sent)[max(0, m.start() - 40):m.end() + 60],
                           clause_tense(doc, a))
        if self.summit and not own and status != "planned" and not m.group("what4") and not m.group("what5"):
            # "The Leaders held a four-eyes meeting, followed by a delegation meeting": the summit reported
            return [{**self.summit, "sources": [source(sent.start_char, sent.end_char)]}]
        named = m.group("what") or m.group("what2") or m.group("what3") or m.group("what4") or m.group("what5") or \
            (m.group("what6") + " meeting" if m.group("what6") else "") or \
            (m.group("what7").lower() + " meeting" if m.group("what7") else "") or m.group("what8")
        recent = getattr(self, "recent_session", None)
        if named == "meeting" and re.search(r"\bthe\s+meeting$", m.group(0)) and recent and \
                self.sent_index - recent[0] <= 2:
            return []  # "X and Y co-chaired the meeting" after a session is told: that session
        if re.fullmatch(r"(?:\w+(?:st|nd|rd|th)|first|second|third)\s+(?:meeting|session)", named, re.I) and any(
                any(w in b.group("body") for w in DATA["council_markers"])
                for b in BODY_NAME_RE.finditer(span_text(sent)[:m.start()])):
            return []  # "X Intergovernmental Commission holds its third meeting": a session of the body
        if main and main["status"] != "planned" and status != "planned" and not own and \
                re.match(r"(?:" + PRIVATE_FORMATS + r")\s+(?:meeting|talks)$", named, re.I) and self.receptions:
            # "X received Y at the palace ... The two presidents held a private meeting, followed by an extended
            # meeting with their delegations": the talks of the reception told that day, not a meeting of its own
            earlier = list(self.receptions.values())[-1]
            return [{**earlier, "cue": "format", "sources": [source(sent.start_char, sent.end_char)]}]
        if prospective(span_text(sent), m.start(), m.end()) or (
                re.match(r"(?:next|first|inaugural)\b", named) and not re.match(r"held\b", m.group(0))) or (
                m.group("what3") and re.match(r"(?:to|will|would)\s", m.group(0))) or m.group("what4") or \
                m.group("what8"):
            status = "planned" if not (start and before_dct(start, doc._.dct)) else status
        what = re.sub(r"^(?:next|first|annual|regular|inaugural)\s+(?:round\s+of\s+)?", "", named)
        pair = countries[:2]
        names = [self.gaz.name_of(c) or c for c in pair]
        what = re.sub(r"[\"\u201c\u201d]", "", what)
        title = what if (m.group("what3") or m.group("what4")) and re.search(r"\w[-\u2013][A-Z]", what) \
            else f"{'-'.join(names)} {what}"
        if m.group("what5"):  # a summit of three or more: every country the sentence names
            named_here = list(dict.fromkeys(c["alpha3"] for c in country_mentions(doc, sent.start_char, sent.end_char)))
            if len(named_here) >= 3 and set(pair) <= set(named_here):
                countries = named_here
                title = f"{what} of " + ", ".join(self.gaz.name_of(c) or c for c in named_here)
        what = re.sub(r"[\"\u201c\u201d]", "", what)
        location = self._place_after(span_text(sent), m.end(), clause_only=True) or \
            self._place_after(span_text(sent), m.end())
        met_in = re.search(r"\b(?:meet|convene|gather)\s+in\s+([A-Z][\w\-]+(?:\s+[A-Z][\w\-]+)?)[^.;]*$",
                           span_text(sent)[:m.start()])
        if not location and met_in and self._is_city(met_in.group(1)):
            location = met_in.group(1)  # "will meet in Tokyo in December for their next consultations"
        where = re.match(r"\s+in\s+(?:the\s+)?([A-Z][\w\-]+(?:\s+[A-Z][\w\-]+)?)", span_text(sent)[m.end():])
        if not location and where and self.gaz.country_of(where.group(1)) and \
                self.gaz.country_of(where.group(1))[1] == "name":
            location = where.group(1)  # "to hold their next consultation in Malaysia": only the country is said
        key = "meeting:format:" + "-".join(sorted(pair)) + ":" + re.sub(r"\W+", "-", what.lower()) + \
            (":next" if m.group("what4") else "")  # the next round is not the one held
        # the two governments or cabinets meeting as one ("their joint cabinet meeting", "intergovernmental
        # consultations"): a standing format, a session like a council's
        cabinets = GOVERNMENTS_MEET_RE.search(what) is not None
        return [{
            "cue": "format",
            "kind": "event", "event_type": "council_session" if cabinets else "meeting",
            **({"body": what} if cabinets else {}),
            "title": title,
            "status": status, "start": start, "end": None, "location": location,
            "countries": countries, "guest": None, "host": None, "level": None, "participants": [],
            "object_key": key, "parent": ref, "sources": [source(sent.start_char, sent.end_char)],
        }]
