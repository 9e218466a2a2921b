"""Meetings: talks, receptions, leaders who met, summits of the pair and meetings of a named format."""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span

from dyad.nlp.components.context import (
    before_dct,
    clause_tense,
    country_mentions,
    dateline_day,
    dates_in,
    full_name,
    person_country,
    persons_in,
    prospective,
    status_of,
)
from dyad.nlp.components.event_dates import overlaps_dates
from dyad.nlp.components.meeting_envoys import envoy_meeting
from dyad.nlp.components.meeting_formats import FORMAT_MEETING_RE, FormatMeetings
from dyad.nlp.components.meeting_splits import separate_meetings
from dyad.nlp.components.receptions import ReceptionFinder, home_country
from dyad.nlp.components.sessions import LOWER_BODY_RE, LOWER_SESSION_RE, SESSION_RE
from dyad.nlp.components.util import patterns, source, span_text, text_of
from dyad.nlp.components.visit_patterns import VISIT_RE, is_welcome
from dyad.nlp.told import refer_back_end, told_event

DATA = patterns("events")
# "held fruitful discussions", "held frank and constructive talks": the cue with its manner words
_MANNER = "|".join(re.escape(w) for w in DATA["talks_manner_words"])
_HELD_TALKS = (r"(?:held|hold|holds|had)\s+(?:(?:" + _MANNER + r")(?:,?\s+(?:and\s+)?(?:" + _MANNER + r"))*\s+)"
               r"(?:talks|discussions|negotiations|consultations)")
# "signed the declaration at a ceremony after their annual leaders' talks": the pair's talks, told in passing
# (not fronted: "After their talks in Tokyo, the two rode a train" refers back to a meeting told before)
_AFTER_THEIR = (r"(?<=\w\s)(?:after|following)\s+their\s+(?:(?:annual|first|bilateral|leaders['\u2019]?|summit|formal|"
                r"official|private|closed-door)\s+){0,3}(?:talks|meeting|summit)")
# "spoke today by telephone with", "talked on Monday over the phone": a call with its day inside the cue
_SPOKE_BY_PHONE = (r"(?:spoke|spoken|talked)\s+(?:today|yesterday|tonight|(?:on|this|last)\s+[A-Z][a-z]+|"
                   r"(?:on\s+)?\d{1,2}\s+[A-Z][a-z]+)\s+(?:by|on|over)\s+(?:the\s+)?(?:tele)?phone")
# "after Oli's meeting with President Xi": a meeting told as its participant's
_POSSESSED = r"(?-i:[A-Z])[\w\-]+['\u2019]s\s+(?:(?:bilateral|official|separate|first)\s+)?(?:meeting|talks)\s+with"
MEETING_RE = re.compile(r"(?<![\w-])(?:" + _HELD_TALKS + "|" + _AFTER_THEIR + "|" + _SPOKE_BY_PHONE + "|" + _POSSESSED
                        + "|" + "|".join(
    re.escape(c) for c in sorted(DATA["meeting_cues"], key=len, reverse=True)) + r")(?![\w-])", re.I)
PAIR_SUMMIT_RE = re.compile(r"\b(?P<a>[A-Z][\w]+)[-\u2013](?P<b>[A-Z][\w]+)\s+"
                            r"(?P<noun>(?:(?:intergovernmental|inter-governmental|bilateral|annual|high-level)\s+)?"
                            r"(?:summit|talks|summit talks))\b")
DISCUSS_RE = re.compile(r"\b(?:" + "|".join(re.escape(v) for v in DATA["discussion_verbs"]) + r")\b")
# "His Majesty and the Prime Minister began with a tete-a-tete": the two leaders told by style and office
TWO_BY_STYLE_RE = re.compile(r"\b(?:His|Her)\s+(?:Majesty|Highness)\s+and\s+the\s+(?:visiting\s+)?"
                             r"(?:President|Prime\s+Minister|Premier|Chancellor)\b|\b[Tt]he\s+(?:President|King|Emir|"
                             r"Sultan)\s+and\s+the\s+(?:visiting\s+)?(?:President|Prime\s+Minister|Premier|"
                             r"Chancellor)\b")
JOINED_BY_DELEGATIONS_RE = re.compile(r"\b(?:delegations?|extended|expanded|enlarged|wider)\s+(?:format|talks|"
                                      r"meeting|joined|sessions?)\b|\bjoined\s+(?:by\s+)?(?:them|their)\b|"
                                      r"\bdelegations?\s+joined\b|\bwith\s+(?:their|the)\s+(?:two\s+)?delegations\b",
                                      re.I)
LEADER_TITLE_RE = re.compile(r"(?:" + "|".join(DATA["leader_titles"]) + r")\b")
# the next leg of a trip, told in the same sentence after a meeting
NEXT_LEG_RE = re.compile(r"(?:,|;)\s+(?:and\s+|before\s+)?(?:(?:will|would|is\s+to|is\s+due\s+to)\s+)?"
                         r"(?:then\s+|later\s+)?(?:proceed|proceeds|proceeded|proceeding|travel|travels|travelled|"
                         r"traveling|travelling|fly|flies|flew|flying|head|heads|headed|heading|leave|leaves|left|"
                         r"leaving|depart|departs|departed|departing|move\s+on|moves\s+on|moved\s+on)\b")
# "the two leaders", "the two heads of state": the pair's leaders named together
_THE_TWO = r"[Tt]he\s+two\s+(?:leaders|presidents|prime\s+ministers|heads\s+of\s+state"
TO_MEET_RE = re.compile(r"\b(?:" + _THE_TWO + r")|[Tt]hey)\s+"
                        r"(?:agreed|plan|planned|are\s+expected|are\s+due|are\s+set|decided|hope|intend)\s+to\s+meet\b")
SIDELINES_AGREED_RE = re.compile(r"\b(?:agreed|decided|discussed|talked|spoke)\b[^.;]{0,40}?\bon\s+the\s+"
                                 r"(?:sidelines|margins)\s+of\b")
TWO_MET_RE = re.compile(r"\b(?:(?:" + _THE_TWO + r"|(?P<ministers>(?:[a-z]+\s+)?ministers))"
                        # ("The foreign ministers of Chile and Bolivia met on Wednesday on the sidelines of ...")
                        r"|[Tt]he\s+(?P<ministers_of>(?:[a-z]+\s+)?ministers)(?=\s+of\s+[A-Z])"
                        # ("the two countries' trade ministers met in Accra")
                        r"|[Tt]he\s+two\s+(?:countries|nations|governments)['\u2019]\s+(?P<ministers2>(?:[a-z]+\s+)?ministers)"
                        # ("Before the ceremony the ministers met in a one-on-one format")
                        r"|(?<=[Tt]he\s)(?P<ministers3>(?:(?-i:[a-z]+)\s+)?ministers)(?!\s+of\b))"
                        r"(?:\s+of\s+[A-Z][\w\-]+(?:\s+[A-Z][\w\-]+)?\s+and\s+[A-Z][\w\-]+(?:\s+[A-Z][\w\-]+)?)?|[Tt]hey)\s*"
                        # ("The two leaders, who last met on the margins of ... earlier this month, will discuss")
                        r"(?:,\s*who\s+)?\s*(?:(?:last|first|previously|also|had|have|briefly)\s+)*met\b")
# a bare "The two" as the subject of a meeting verb (the parser may read "held" as an adjective of "talks")
# ("The two ministers held talks": the two named before; "the two leaders" are the pair's leaders, found elsewhere)
THE_TWO_SUBJECT_RE = re.compile(r"\s*(?:(?:Before|After|Earlier|Later|Following|During)\b[^,.;]{0,50}?,?\s+)?"
                                # "The two ministers", "Before the ceremony the ministers met"
                                r"(?:[Tt]he\s+two\s+(?:(?:[a-z]+\s+)?ministers\s+)?|[Tt]he\s+(?:[a-z]+\s+)?ministers\s+)"
                                r"(?:(?:also|then|later|subsequently|first|briefly|have|had|will|"
                                r"would)\s+)*(?:held|hold|met|meet|discussed|discuss|spoke|talked|reviewed)\b")


def by_ministers(two: re.Match[str]) -> bool:
    """A TWO_MET_RE match that names ministers ("the two foreign ministers", "the ministers of A and B")."""
    return bool(two.group("ministers") or two.group("ministers_of") or two.group("ministers2")
                or two.group("ministers3"))


def named_pair_or_leaders(two: re.Match[str]) -> bool:
    """The two leaders, or ministers whose countries the phrase names ("the foreign ministers of A and B", "the
    two countries' trade ministers"); not "the two ministers", who are whoever the article named last."""
    return not by_ministers(two) or bool(two.group("ministers_of") or two.group("ministers2"))


# "called on President X", "paid a courtesy call on the Prime Minister", "called on Interior Minister X": a
# visitor's call on a host
CALLED_ON_RE = re.compile(r"\b(?:called|calls|will\s+call|to\s+call)\s+on\s+(?:the\s+)?"
                          r"(?=(?:" + "|".join(t.replace(" ", r"\s+") for t in DATA["leader_titles"]) +
                          r"|Amir|Vice\s+President|Speaker|Governor|Head\s+of\s+State|Head\s+of\s+Government|"
                          # ("called on Interior Minister X", "called on the Minister of Finance, X")
                          r"(?:[A-Z][\w\-]*\s+){0,3}(?:Minister|Secretary)(?!\s+(?:of\s+)?State\s+for\b))\b)")
# "he met Mr Luxon's predecessor, Chris Hipkins": the possessor is named, not met
POSSESSOR_RE = re.compile(r"['\u2019]s\s+(?:[a-z]+\s+)?(?:predecessor|successor|wife|husband|spouse|son|daughter|"
                          r"father|mother|brother|sister|aide|adviser|advisor|spokesman|spokeswoman|spokesperson|envoy|"
                          r"office|government|administration|cabinet|party)\b")
# the visitor told by his title alone ("The Sultan ... held talks with X")
GUEST_TITLE_WORDS = {"sultan", "prince", "king", "queen", "emir", "amir", "president", "premier", "chancellor",
                     "guest", "visitor", "monarch", "leader", "minister"}  # ("the Leader of the Nation met with X";
# "During the visit, the Minister also met President X": the visitor the article follows)
# "witnessed the exchange of two instruments": what is exchanged at a signing


# "spoke with X in Lima", "spoke with X during his visit", "on the sidelines": face to face, not a call
SPOKE_IN_PERSON_RE = re.compile(r"\b(?:in|at)\s+(?:the\s+)?(?-i:[A-Z])|\b(?:during|visit|sidelines|margins|"
                                r"summit|met|meeting)\b", re.I)


class MeetingFinder(ReceptionFinder, FormatMeetings):
    """Meetings of the pair (a mixin of the event extractor)."""

    def meetings(self, doc: Doc, sent: Span, main: dict | None) -> list[dict]:
        """The meeting a sentence tells, and a reception told beside it ("He met X and was received by Y")."""
        rb = self._received_by(doc, sent, main)
        delegation = self.delegation_reception(doc, sent, main)
        if delegation:
            return delegation
        summits = self.numbered_summits(doc, sent, main) + self.pair_forums(doc, sent, main)
        out = summits + [o for o in self._meeting(doc, sent, main, rb) if not summits or o["cue"] != "format"]
        if not out and not rb:
            out = envoy_meeting(doc, sent, main)  # "presented her letters of credence to President X"
        if rb and not any(o["object_key"].startswith("meeting:reception:") for o in out):
            out += self._meeting(doc, sent, main, rb, reception=True)
        for o in out:
            if o["object_key"].startswith("meeting:reception:") and not o.get("welcomed"):
                self.receptions[frozenset(o["participants"])] = o
        traveller = (main or {}).get("participants", [None])[0] if main and main.get("participants") else None
        return [piece for o in out for piece in separate_meetings(doc, sent, o, traveller)]

    def _meeting(self, doc: Doc, sent: Span, main: dict | None, rb: tuple | None,
                 reception: bool = False) -> list[dict]:
        m = None if reception else MEETING_RE.search(span_text(sent))
        if not m and not reception:
            cm = CALLED_ON_RE.search(span_text(sent))
            named = [p for p in persons_in(doc, sent.start_char + cm.end(), sent.end_char)
                     if p["sources"][0]["start"] - sent.start_char - cm.end() <= 90] if cm else []
            if cm and named and not re.search(r"\bto\s+(?!the\b|an?\b)[a-z]+", span_text(sent)[cm.end():cm.end() + 90]):
                m = cm  # "He later called on President X": a courtesy call (not "called on X to act")
        pair_met = None
        visitor_meets = None
        received = None
        host_country = None
        if reception:
            m = received = rb[0]
            received_names, host_country = rb[1], rb[2]
        if not m:
            got = self.reception_by_verb(doc, sent, main)
            if got:
                m = received = got[0]
                received_names, host_country = got[1], got[2]
        if not m:
            met = re.search(r"\bmet\b", span_text(sent))
            if met and re.search(r"\b(?:was|were)\s+(?:\w+\s+)?$", span_text(sent)[:met.start()]) and re.search(
                    r"\b(?:" + "|".join(DATA["arrival_places"]) + r")\b", span_text(sent)[met.end():], re.I):
                met = None  # "was met at the airport by X": a welcome on arrival, not a meeting
            to_meet = re.search(r"\b(?:will|(?:is|are)\s+(?:to|due\s+to|expected\s+to|set\s+to|scheduled\s+to))\s+"
                                r"meet\b(?!\s+(?:with\s+)?(?:the\s+)?(?:press|media|business|students|members|"
                                r"representatives|community|diaspora|investors)\b)", span_text(sent))
            two = persons_in(doc, sent.start_char, sent.start_char + to_meet.start()) if to_meet and not met else []
            if len(two) == 2 and re.fullmatch(r"\s+and\s+(?:(?:his|her|their)\s+)?(?:[\w\-]+\s+){0,4}",
                                              text_of(doc)[two[0]["sources"][0]["end"]:two[1]["sources"][0]["start"]]) \
                    and re.fullmatch(r"\s*(?:,[^,]*,\s*)?", text_of(doc)[two[1]["sources"][0]["end"]:
                                                                        sent.start_char + to_meet.start()]):
                met = to_meet  # "Foreign Ministers X and Y will meet on Wednesday afternoon": the two, to come
            subj = persons_in(doc, sent.start_char, sent.start_char + met.start()) if met else []
            if met is to_meet and met:
                m = met
            elif met and subj and persons_in(doc, sent.start_char + met.end(), sent.end_char):
                m = met
            elif met and main and main.get("participants") and re.search(
                    r"\b(?:[Hh]e|[Ss]he|[Tt]he\s+(?:[A-Z][a-z]+\s+)?(?:Minister|visitor|guest))\s+(?:\w+\s+)?$",
                    span_text(sent)[:met.start()]) and persons_in(doc, sent.start_char + met.end(), sent.end_char):
                # "He met the Speaker, X", "During the visit, the Minister also met President X": the visitor the
                # story follows meets X
                m = met
            elif not met and main and main.get("participants") and (will_meet := re.search(
                    r"(?:^\s*(?:[A-Z][\w ]{0,30},\s+)?|[.;]\s+)(?:[Hh]e|[Ss]he|[Tt]he\s+(?:[A-Z][a-z]+\s+)?"
                    r"(?:President|Prime\s+Minister|Premier|Chancellor|King|Emir|Sultan|Minister|visitor|guest))\s+"
                    r"(?:will|is\s+(?:to|due\s+to|"
                    r"expected\s+to|scheduled\s+to))\s+(?:also\s+)?meet\b", span_text(sent))) and [
                    p for p in persons_in(doc, sent.start_char + will_meet.end(), sent.end_char)
                    if p["sources"][0]["start"] - sent.start_char - will_meet.end() <= 90
                    and full_name(doc, p) not in main["participants"]]:
                # "The President will also meet the President of the Storting, X", "Tomorrow, the Foreign Minister will
                # meet X": the visitor, a meeting to come
                m = visitor_meets = will_meet
            elif met and len({person_country(doc, p) for p in subj} - {None}) >= 2 and re.search(
                    r"\band\b", text_of(doc)[subj[0]["sources"][0]["end"]:sent.start_char + met.start()]) and \
                    not re.search(r"\b(?:has|have|had|will|never|not)\b",
                                  text_of(doc)[subj[-1]["sources"][0]["end"]:sent.start_char + met.start()]) and \
                    not re.match(r"\s+(?:regularly|often|frequently|repeatedly|several|many|numerous|\w+\s+times)\b",
                                 span_text(sent)[met.end():]):
                # "X and Y have met regularly": a habit, not one meeting
                m = met  # "X of A and Y of B met on Saturday on the sidelines of the summit": the two together
            elif main and main.get("participants"):
                # "the two leaders last met on the sidelines of the summit": the article's pair
                m = pair_met = TWO_MET_RE.search(span_text(sent))
            elif met and TWO_MET_RE.search(span_text(sent)) and \
                    named_pair_or_leaders(TWO_MET_RE.search(span_text(sent))) and \
                    not re.search(r"\b(?:have|has|had)\b", TWO_MET_RE.search(span_text(sent)).group(0)):
                # "After the ceremony the two presidents met at the border post": the leaders the article names
                m = pair_met = TWO_MET_RE.search(span_text(sent))
            elif met and re.search(r"\b(?:sidelines|margins)\b|\bin\s+person\b", span_text(sent)[met.end():]) and \
                    not re.search(r"\b(?:have|has)\s+(?:\w+\s+)?met\b", span_text(sent)):
                # without a visit: "they last met in person on the sidelines of the summit", the pair
                # the article is about (its leaders named elsewhere in it)
                m = pair_met = TWO_MET_RE.search(span_text(sent))
        if not m and not main:
            # "They agreed to meet again at the summit in Bangkok in April": the pair the article is about;
            # "the two decided ..., as agreed last July on the sidelines of the summit in Vilnius": they met there
            m = pair_met = TO_MEET_RE.search(span_text(sent)) or SIDELINES_AGREED_RE.search(span_text(sent))
        if not m:
            # "X will meet Y in Bangkok", "X and Y are expected to meet with Z": leaders of different
            # countries on both sides of a present or future "meet"
            meet = re.search(r"\b(?:meet|meets)\b(?:\s+with\b)?", span_text(sent))
            if meet and not re.search(r"\b(?:not|never|no)\s+(?:[\w-]+\s+){0,2}$", span_text(sent)[:meet.start()]):
                subj = persons_in(doc, sent.start_char, sent.start_char + meet.start())
                obj = persons_in(doc, sent.start_char + meet.end(), sent.end_char)
                sides = {person_country(doc, p) for p in subj} - {None}
                others = {person_country(doc, p) for p in obj} - {None}
                if subj and obj and sides and others and others - sides:
                    m = meet
        if not m and rb:
            m = received = rb[0]
            received_names, host_country = rb[1], rb[2]
        pair_countries: list[str] = []
        if not m:
            # "signed at the Uzbek-Kazakh summit in Tashkent": the two countries name the summit
            for pm in PAIR_SUMMIT_RE.finditer(span_text(sent)):
                a3 = [self.gaz.country_of(pm.group(g)) for g in ("a", "b")]
                if all(h and h[1] in ("name", "adjective") for h in a3) and a3[0][0] != a3[1][0]:
                    m, pair_countries = pm, [a3[0][0], a3[1][0]]
                    break
        if not m:
            # "X and Y discussed ways to ...": two leaders of two countries talking together
            dm = DISCUSS_RE.search(span_text(sent))
            before = persons_in(doc, sent.start_char, sent.start_char + dm.start()) if dm else []
            if dm and not VISIT_RE.search(span_text(sent)) and \
                    len({person_country(doc, p) for p in before} - {None}) >= 2 and \
                    re.search(r"\band\b", text_of(doc)[before[0]["sources"][0]["end"]:sent.start_char + dm.start()]):
                m = dm
        if not m:
            fm = FORMAT_MEETING_RE.search(span_text(sent))
            if fm and not SESSION_RE.search(span_text(sent)[fm.start():fm.end() + 40]) and \
                    not LOWER_BODY_RE.search(span_text(sent)[fm.start():fm.end() + 80]) and \
                    not (LOWER_SESSION_RE.search(span_text(sent)) and self.last_body):
                return self.format_meeting(doc, sent, main, fm)
        if not m or SESSION_RE.search(span_text(sent)[m.start():m.end() + 40]):
            return []
        back = refer_back_end(text_of(doc), sent.start_char)
        if back and sent.start_char + m.end() <= back and not received and \
                told_event(text_of(doc), sent.start_char, doc._.facts or []):
            return []  # "After the talks with Li, the two premiers looked on as ...": the talks told before
        if m and not pair_met and not main and not received and not persons_in(doc, sent.start_char, sent.end_char):
            # "the two prime ministers met in a tete-a-tete": the pair's leaders, told by their office
            two = TWO_MET_RE.search(span_text(sent))
            pair_met = two if two and not by_ministers(two) else None
        if re.search(r"\b(?:not|never|no)\s+(?:[\w-]+\s+){0,3}$", span_text(sent)[max(0, m.start() - 40):m.start()]):
            return []  # "the two have not held a formal bilateral meeting"
        a = sent.start_char + m.start()
        people = [p for p in persons_in(doc, sent.start_char, sent.end_char) if not self._reporter(doc, p)
                  and not POSSESSOR_RE.match(text_of(doc)[p["sources"][0]["end"]:p["sources"][0]["end"] + 40])]
        if not people and not received:
            people = self._the_two_named_before(doc, sent)  # "The two held talks at the ministry on Tuesday"
        elif received and len(people) < 2:
            # "the Prime Minister received the Chinese ambassador": host and guest told by office, named before
            known = {full_name(doc, p): p for p in reversed(doc._.persons or [])}
            people = [*people, *(known[n] for n in received_names if n in known
                                 and all(full_name(doc, q) != n for q in people))]
        named_after = [full_name(doc, p) for p in people if p["sources"][0]["start"] >= sent.start_char + m.end()]
        if rb and not received and named_after and rb[1][0] not in named_after:
            # "was received the next day by President X, after holding talks with his counterpart Y": the host of
            # the reception told beside the talks is no party to them
            people = [p for p in people if full_name(doc, p) != rb[1][0]]
            guest = next((p for p in doc._.persons or [] if full_name(doc, p) == rb[1][1]), None)
            if guest is not None and all(full_name(doc, p) != rb[1][1] for p in people):
                people = [guest, *people]  # the guest received is the one who held the talks
        if rb and not received and rb[0].start() > m.end():
            # "He met X, and was received by Y": the reception is told apart
            people = [p for p in people if p["sources"][0]["start"] < sent.start_char + rb[0].start()]
        legs = [x.start() for x in NEXT_LEG_RE.finditer(span_text(sent))]
        if legs and people:
            # "he will meet X in Bogor on Wednesday, and will then proceed to C for talks with Y": each
            # leg of the trip is a meeting of its own, with the traveller who opens the sentence
            lo = max((b for b in legs if b < m.start()), default=0)
            hi = min((b for b in legs if b >= m.end()), default=len(span_text(sent)))
            first = people[0]
            people = [p for p in people if p is first or
                      lo <= p["sources"][0]["start"] - sent.start_char < hi]
        who = re.search(r",\s*who\s+", m.group(0)) if pair_met is m else None
        # ("The two leaders, who last met on the margins of ... in November, will discuss": the relative
        # clause is the meeting's own, dated from its verb)
        start, end, own, countries, ref = self._context(doc, sent, main, a + who.end() if who else a)
        if not people and not received and not pair_met:
            named = {c["alpha3"] for c in country_mentions(doc, sent.start_char, sent.end_char, ("name", "capital"))}
            if len(named) >= 2 and named - set(countries) and not set(countries[:2]) <= named:
                return []  # "A and C, after talks brokered by D, adopted ...": talks of other countries
        pc = []
        for p in people:
            c = person_country(doc, p)
            if c and c not in pc:
                pc.append(c)
        if pair_countries:
            countries = pair_countries
        elif len(pc) >= 2:
            countries = pc
        elif received and host_country and len(pc) == 1 and pc[0] != host_country:
            countries = [host_country, pc[0]]  # "His Highness received X of C": the host's side and C
        elif pair_met and not main and not people:
            # "they agreed to meet at the summit in Quito": the two whose leaders the article names
            led = list(dict.fromkeys(c for c in (person_country(doc, p) for p in doc._.persons or []
                                                 if LEADER_TITLE_RE.match(p.get("role") or "")) if c))
            countries = led[:2] if len(led) >= 2 else countries
        if len(pc) == 1 and pc[0] not in countries and re.search(r"\b(?:phone|telephone|video)\b", m.group(0), re.I):
            # "His Majesty received a phone call from the Emir of C": a third country's leader calls the
            # home side of the story (the visit's host, else the country the report is filed from)
            home = home_country(doc, main)
            if home and home != pc[0]:
                countries = [home, pc[0]]
                leaders = self._leaders_of(doc, [home])
                people = people + [p for p in doc._.persons or [] if full_name(doc, p) in leaders][:1]
        ministers_of = (pair_met.group("ministers_of") or pair_met.group("ministers2")) \
            if pair_met and pair_met.re is TWO_MET_RE else None
        if ministers_of:
            # "The foreign ministers of Chile and Bolivia met": the two countries the phrase names
            of = [c["alpha3"] for c in country_mentions(doc, sent.start_char + pair_met.start(),
                                                        sent.start_char + pair_met.end(), ("name",))]
            countries = list(dict.fromkeys(of)) if len(set(of)) == 2 else countries
        if not main and len(countries) < 2:
            return []
        two_named = bool(pair_met and pair_met.re is TWO_MET_RE and len(countries) == 2
                         and ((pair_met.group(0)[:1] in "Tt" and " two " in pair_met.group(0)) or ministers_of))
        if not people and not main and not pair_countries and not (pair_met and (
                self._leaders_of(doc, countries) or two_named)):
            fm = FORMAT_MEETING_RE.search(span_text(sent))
            if fm and not received and re.search(r"\b(?:consultations?|dialogue)\b", fm.group(0), re.I) and \
                    not SESSION_RE.search(span_text(sent)[fm.start():fm.end() + 40]):
                # "the foreign ministries of A and B held their first round of political consultations": no one
                # named, a format of the two ministries
                return self.format_meeting(doc, sent, main, fm)
            return []  # "the two presidents met at the border post": the article's pair, leaders unnamed
        # "held talks one-on-one", "held talks in an expanded format": the format may follow the cue
        told = m.group(0).lower() + " " + (
            re.match(r"\s*(?:in\s+an?\s+)?[\w\-]+", span_text(sent)[m.end():]) or m).group(0)
        fmt = next((v for k, v in DATA["meeting_formats"].items() if k in told), "talks")
        if fmt in ("one-on-one", "narrow") and JOINED_BY_DELEGATIONS_RE.search(span_text(sent)[m.end():]):
            fmt = "talks"  # "began with a tete-a-tete before the two delegations joined them": one meeting
        if DISCUSS_RE.fullmatch(m.group(0)):
            # "X and Y discussed the project by telephone last week": the call is the meeting's format
            by = re.search(r"\b(?:by|over\s+the|on\s+the)\s+(?:tele)?phone\b|\bby\s+video\b",
                           span_text(sent)[m.end():])
            fmt = ("video" if "video" in by.group(0) else "phone") if by else fmt
        if received:
            fmt = "reception"  # not the talks of the same day with someone else
        status = status_of(span_text(sent), start, end, doc._.dct, span_text(sent)[max(0, m.start() - 60):m.end() + 60],
                           clause_tense(doc, a))
        if prospective(span_text(sent), m.start(), m.end()) and not (own and before_dct(start, doc._.dct)):
            status = "planned"  # "to lay the groundwork for a first bilateral meeting ... in December"
        if status == "planned" and not (own and start and not before_dct(start, doc._.dct)) and (re.search(
                r"\b(?:following|after)\s+(?:(?:their|the|his|her|official|bilateral|formal)\s+)*$",
                span_text(sent)[max(0, m.start() - 40):m.start()], re.I) or \
                re.match(r"(?:following|after)\b", m.group(0),
                                                                                re.I)):
            status = "occurred"  # "would work closer following official talks in X": the talks are done
        if status == "unknown" and main:
            status = main["status"]
        names = list(dict.fromkeys(full_name(doc, p) for p in people))  # (one person tagged twice is one)
        if pair_met and pair_met.re is TWO_MET_RE and by_ministers(pair_met) and len(names) < 2:
            # "The two ministers met in the capital": the two of the pair named last, not the leaders
            names = self._last_two(doc, sent.start_char, countries) or names
            if main and main["status"] == "planned" and not own:
                # not a part of a visit still to come: the date of the sentence before
                prev = doc[sent.start - 1].sent if sent.start > 0 else None
                dates = {t.iso_date() for t in dates_in(doc, prev.start_char, prev.end_char)} if prev else set()
                start = dates.pop() if len(dates) == 1 else None
                status = "occurred" if clause_tense(doc, a) == "past" or re.search(r"\bmet\b", m.group(0)) \
                    else status
        elif pair_met and not main and len(names) < 2:
            names = self._leaders_of(doc, countries) or names
        by_call = fmt in ("phone", "video")
        if main and main.get("participants") and len(names) < 2 and not by_call and ((pair_met and not (
                pair_met.re is TWO_MET_RE and by_ministers(pair_met))) or any(
                t.dep_ in ("nsubj", "nsubjpass") and (t.lower_ in ("he", "she") or (
                    # "The Sultan ... held talks with Prime Minister X", "The crown prince arrived ... and held
                    # talks with Yoon": the visitor told by his title
                    t.lower_ in GUEST_TITLE_WORDS and t.left_edge.lower_ == "the" and t.i - t.left_edge.i <= 2
                    and not persons_in(doc, t.idx, t.idx + len(t.text))) or self._guest_by_adjective(doc, t, main))
                for t in sent)):
            # "Later that day he held talks with X": he is the visitor the article follows
            names = list(dict.fromkeys([main["participants"][0], *names]))
        elif visitor_meets and main and main.get("participants"):
            names = list(dict.fromkeys([main["participants"][0], *names]))  # "the Foreign Minister will meet X"
        elif len(names) < 2 and not by_call and sent[0].dep_ == "nsubj" and \
                (opener := self.pronoun_antecedent(doc, sent)) is not None and \
                person_country(doc, opener) in (*countries, None):
            # "The new foreign minister, X, chose Djibouti for his first trip. He held talks with Y"
            names = list(dict.fromkeys([full_name(doc, opener), *names]))
        visitor = None
        if main and main.get("participants") and len(names) >= 2 and len(pc) == 1 and pc[0] == main.get("host") \
                and re.search(r"\b(?:him|her)\b|\bthe\s+(?:visiting\s+)?[A-Z][a-z]+\s+(?:President|Prime\s+Minister|"
                              r"leader|guest)\b", span_text(sent)):
            # "X also received the Philippine President, while Y met with him": two hosts, each meeting the
            # visitor the article follows (one meeting with each)
            names = list(dict.fromkeys([main["participants"][0], *names]))
            visitor = main["participants"][0]
        two = re.search(r"\b(?:the|both)\s+(?:two\s+)?(?:presidents|leaders|heads\s+of\s+states?|"
                        r"prime\s+ministers)\b", span_text(sent), re.I) or TWO_BY_STYLE_RE.search(span_text(sent))
        named_leader = [p for p in people if person_country(doc, p) in countries
                        and LEADER_TITLE_RE.match(p.get("role") or "")]
        if two and len(pc) == 1 and len(named_leader) == 1 and main and main.get("participants") and \
                main.get("guest") in countries and main["guest"] != pc[0]:
            # "The head of state was then received by Prime Minister X, where the two leaders held a one-on-one
            # meeting": X and the visitor, not the host's head of state
            names = list(dict.fromkeys([main["participants"][0], full_name(doc, named_leader[0])]))
        elif two and len(pc) < 2:
            # "the spokesman said the two heads of state will hold bilateral discussions": the
            # leaders, not the spokesman who names the meeting
            names = self._leaders_of(doc, countries) or names
        if not names and pair_countries:
            names = self._leaders_of(doc, countries)  # "the Uzbek-Kazakh summit"
        # "held talks with", "met with", "talks at" name the meeting by its verb; say what it was.
        noun = re.sub(r"^(?:held|hold|holds|had|after|following|for)\s+(?:an?\s+)?|^[\w\-]+['\u2019]s\s+|"
                      r"\s+(?:with|between|at)$", "",
                      m.group(0).lower())
        if pair_met and pair_met.re is SIDELINES_AGREED_RE:
            noun = "meeting on the sidelines"
        elif pair_met or noun in ("met", "met with", "meet", "meet with", "meets", "meets with") or \
                re.search(r"\bmeet$", noun):
            noun = "meeting"  # ("will meet", "are due to meet")
        if pair_countries:
            noun = m.group(0)
        elif DISCUSS_RE.fullmatch(m.group(0)):
            noun = "talks"
        if m.re is CALLED_ON_RE:
            noun, fmt = "courtesy call", "courtesy"
        if noun in ("telephoned", "phoned") or re.match(r"(?:spoke|spoken|talked)\s+(?:.*\s)?(?:by|on|over)\s+"
                                                         r"(?:the\s+)?(?:tele)?phone", noun):
            noun = "phone call"  # "the King telephoned X", "the two had spoken by telephone in April"
        elif noun == "spoke" and not SPOKE_IN_PERSON_RE.search(span_text(sent)):
            # "Today, Minister X spoke with Y, C's Minister of ...": a readout's call, told without a place
            noun, fmt = "phone call", "phone"
        elif noun == "spoke":
            noun = "talks"
        if fmt == "one-on-one" and not re.search(r"\b(?:talks|meeting)\b", noun):
            noun += " talks"  # "held a tete-a-tete": one-on-one talks
        noun = re.sub(r"^(?:(?:after|following)\s+)?their\s+", "", noun, flags=re.I)  # "after their talks": talks
        title = f"{noun} " + (f"between {' and '.join(dict.fromkeys(names))}" if names else "")
        if pair_countries and len(set(names)) < 2:
            title = noun  # "the next A-B summit": its name, not one of its two leaders
        if ministers_of and not names:
            # "meeting of the foreign ministers of Chile and Bolivia"
            who = re.sub(r"\s*(?:,\s*who\s+)?(?:(?:last|first|previously|also|had|have|briefly)\s+)*met$", "",
                         pair_met.group(0))
            title = f"{noun} of the " + re.sub(r"^[Tt]he\s+", "", who)
        same_as = None
        if received:
            title = f"{received_names[0]} receives {received_names[1]}"
            names = list(received_names)
        elif frozenset(names) in self.receptions and (DISCUSS_RE.fullmatch(m.group(0)) or (
                fmt not in ("phone", "video") and start and self.receptions[frozenset(names)]["start"] == start)):
            # "At the palace, X and Y discussed ...", "X received Y at the villa ... The two leaders held
            # restricted talks": the reception told before that day, not new talks
            earlier = self.receptions[frozenset(names)]
            fmt, title, same_as = "reception", earlier["title"], earlier["object_key"]
        elif not names and start and fmt not in ("phone", "video") and \
                any(r["start"] == start for r in self.receptions.values()):
            # "They were later joined by their delegations for bilateral talks": the talks of the reception
            # told that day
            earlier = next(r for r in self.receptions.values() if r["start"] == start)
            fmt, title, same_as = "reception", earlier["title"], earlier["object_key"]
            names = list(earlier["participants"])
        if status == "planned" and own and main and main["status"] == "occurred" and start and \
                len(start) < len(main.get("start") or "") and not before_dct(start, doc._.dct):
            ref = "doc:" + (doc._.doc_id or "")  # "would hold consultations in the autumn": not part of the visit done
        if status == "planned" and own and not (main and main.get("start") and overlaps_dates(start, main)):
            # a meeting announced for later is not where the report was filed
            location = self._place_after(span_text(sent), m.end()) or self._place_before(span_text(sent), m.start())
        else:
            location = self._where(doc, sent, m, main, countries) or self.inherited_place
        if fmt in ("phone", "video"):
            location = None  # a call joins two places; it has none of its own
        if received and host_country:
            # a reception is in the host's country: where the article's visit to it took place
            hit = self.gaz.country_of(location) if location else None
            if not location or (hit and hit[0] != host_country):
                location = next((v["location"] for v in doc._.visits or []
                                 if v.get("host") == host_country and v.get("location")), None)
        if status == "occurred" and not start and self.pronoun_antecedent(doc, sent) is not None:
            # "X chose Djibouti for his first trip in September. He held talks with Y": the trip's date
            start = self.sentence_date(doc, doc[sent.start - 1].sent)
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
            "participants": sorted(set(names)),
            "object_key": same_as or f"meeting:{fmt}:{ref}:{start if own else ''}",
            "visitor": visitor,
            # a welcome tells a meeting only when the article tells no other of the pair (see events.py)
            "welcomed": bool(received is not None and is_welcome(received.group(0))),
            "parent": ref, "sources": [source(sent.start_char, sent.end_char)],
        }]

    @staticmethod
    def _last_two(doc: Doc, before: int, countries: list[str]) -> list[str]:
        """The last person named before ``before`` for each country of the pair."""
        last = _last_of_each_country(doc, persons_in(doc, max(0, before - 600), before))
        out = [full_name(doc, last[c]) for c in reversed(last) if c in countries[:2]]  # the latest first
        return out if len(out) == 2 else []

    @staticmethod
    def _the_two_named_before(doc: Doc, sent: Span) -> list[dict]:
        """"X of A and Y of B opened the forum. The two held talks ...": a sentence whose subject is a bare "The
        two" is about the last two persons of two countries the sentence before names."""
        if sent.start == 0 or not THE_TWO_SUBJECT_RE.match(span_text(sent)):
            return []
        prev = doc[sent.start - 1].sent
        last = _last_of_each_country(doc, persons_in(doc, prev.start_char, prev.end_char))
        if len(last) != 2:
            # (or the paragraph before: "X, on an official visit, attended with Y the opening ... . This is the
            # first visit since 1992. Before the ceremony the ministers met ...")
            last = _last_of_each_country(doc, persons_in(doc, max(0, sent.start_char - 600), sent.start_char))
        if len(last) != 2 and re.search(r"\bministers\b", span_text(sent)[:120]):
            # ("the two ministers" after a paragraph on a company's chief: the last minister of each side)
            last = _last_of_each_country(doc, [p for p in persons_in(doc, 0, sent.start_char)
                                               if "minister" in (p.get("role") or "").lower()])
        return list(last.values()) if len(last) == 2 else []

    @staticmethod
    def _reporter(doc: Doc, p: dict) -> bool:
        """A spokesperson or a source of what is reported ("according to X"), not a participant."""
        role = (p.get("role") or "").lower()
        if not p.get("leader") and any(r in role for r in DATA["reporting_roles"]):
            return True
        return bool(re.search(r"\baccording\s+to\s+(?:[\w\-]+\s+){0,4}$",
                              text_of(doc)[max(0, p["sources"][0]["start"] - 50):p["sources"][0]["start"]]))

    @staticmethod
    def _leaders_of(doc: Doc, countries: list[str]) -> list[str]:
        """The heads of state or government the article names for each country of the pair."""
        out = []
        for c in countries[:2]:
            for p in doc._.persons or []:
                if person_country(doc, p) == c and LEADER_TITLE_RE.match(p.get("role") or ""):
                    out.append(full_name(doc, p))
                    break
        return out if len(out) == len(countries[:2]) else []


def _last_of_each_country(doc: Doc, persons: list[dict]) -> dict[str, dict]:
    """The last person named for each country, in the order of those last mentions."""
    last: dict[str, dict] = {}
    for p in persons:
        c = person_country(doc, p)
        if c:
            last.pop(c, None)
            last[c] = p
    return last
