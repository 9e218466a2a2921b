"""When an event took place: its own date, the day the story has reached, or the visit's.

An event told without a date of its own inherits one: the day of the event just told
("Following the meeting, ..."), the day the narrative has reached ("In the afternoon, ..."),
the dateline's day, else the dates of the visit it was part of.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span

from dyad.nlp.components.context import (
    DAYS_RE,
    PLANNED_FOR_RE,
    clause_tense,
    dates_in,
    days_after,
    length_told,
    nearest_date,
    visit_part_date,
    weekday_in_window,
)
from dyad.nlp.components.util import dyad_of, patterns, span_text, text_of
from dyad.nlp.components.visit_days import ENDED_RE
from dyad.nlp.told import eve_of_told, told_event

DATA = patterns("events")
AFTER_EVENT_RE = re.compile(r"\s*(?:After|Following|At the end of|On the sidelines of|During)\s+the\s+"
                            r"(?:talks|session|meeting|ceremony|negotiations|consultations|summit|call|conversation)\b")
SAME_DAY_RE = re.compile(r"\s*(?:(?:later\s+)?in\s+the\s+(?:morning|afternoon|evening)|"
                         r"(?:later|earlier)\s+(?:on\s+)?(?:that|the\s+same|in\s+the)\s+day|"
                         r"that\s+(?:morning|afternoon|evening|night)|on\s+the\s+same\s+day|the\s+same\s+day)\b",
                         re.I)
# "Earlier, X received ...", "Earlier in the day, ..." (not "Earlier this month")
EARLIER_RE = re.compile(r"\s*Earlier(?:\s+(?:today|in\s+the\s+day|on\s+\w+day))?\s*,")
SAME_DAY_OPENING_RE = re.compile(r"\s*(?:On\s+)?[Tt]he\s+same\s+day\b|\s*That\s+day\b")
def overlaps_dates(start: str | None, event: dict) -> bool:
    from dyad.text.dates import overlaps

    return bool(start and (overlaps(start, event["start"]) or (event.get("end") and overlaps(start, event["end"]))))


# "Before his departure, ...", "On the last day of the visit, ...": the last day of the visit
LAST_DAY_RE = re.compile(r"\s*(?:Before|Ahead\s+of|Prior\s+to|Shortly\s+before)\s+(?:his|her|their|the\s+guest's)\s+"
                         r"departure\b|\s*On\s+the\s+(?:last|final|closing)\s+day\b")

# "The 6th session of the X Commission closed yesterday": the day told is the session's last
CLOSED_RE = re.compile(r"(?:\s+(?:on|for|of)\s+[^.;]{0,90}?)?\s+(?:closed|ended|concluded|wrapped\s+up)\b")
# "The two-day session, which opened on Wednesday": its first
OPENED_BEFORE_RE = re.compile(r"\b(?:opened|began|started|got\s+under\s+way|kicked\s+off)\s+(?:on\s+)?$")


def closed_on(doc: Doc, sent: Span, name_end: int, day: str | None) -> tuple[str, str] | None:
    """The first and last days of a meeting told by its close ("closed yesterday"): the first told by "which
    opened on Wednesday" in this sentence or the next, else counted back from "the two-day session"."""
    if not day or len(day) != 10 or not CLOSED_RE.match(text_of(doc), name_end):
        return None
    text = text_of(doc)
    stop = text.find(".", sent.end_char + 1)
    window_end = stop if 0 <= stop < sent.end_char + 400 else min(len(text), sent.end_char + 400)
    for t in dates_in(doc, sent.start_char, window_end):
        first = t.iso_date()
        if OPENED_BEFORE_RE.search(text[max(0, t.start - 40):t.start]) and len(first) == 10 and first < day:
            return first, day
    n = DAYS_RE.search(text[sent.start_char:window_end])
    if n and (n.group("n") or n.group("n2") or n.group("wk")):
        return days_after(day, 1 - length_told(n)), day
    return None


class EventDates:
    """Dates and context of events (a mixin of the event extractor)."""

    @staticmethod
    def _prev_day(doc: Doc, sent: Span) -> str | None:
        """The one day the sentence before names, if it names exactly one."""
        if sent.start == 0:
            return None
        prev = doc[sent.start - 1].sent
        days = {t.iso_date() for t in dates_in(doc, prev.start_char, prev.end_char) if len(t.iso_date() or "") == 10}
        return days.pop() if len(days) == 1 else None

    def _context(self, doc: Doc, sent: Span, main: dict | None, anchor: int) -> tuple:
        """Date, countries, status default and reference of the enclosing visit."""
        start, end, t = nearest_date(doc, sent, anchor)
        own = start is not None
        self.inherited_place = None
        rel = re.search(r",\s+(?:which|who|whose|where)\b(?P<rest>.*)", text_of(doc)[anchor:t.start]) \
            if own and t is not None and t.start > anchor else None
        # (a clause about a person is never the event's own: "received by X, who proposed that the next session be
        # held in February")
        if rel and not re.match(r",\s+who", rel.group(0)) and re.search(
                r"\b(?:host|hosts|hosted|hold|holds|held|meet|meets|convene|convenes|take\s+place|"
                             r"takes\s+place|took\s+place|visit|visits|(?:co-)?chair(?:s|ed)?|attend(?:s|ed)?|"
                             r"open(?:s|ed)|clos(?:es|ed)|le[ad]|leads|begins|began|ends|ended)\b", rel.group("rest")):
            rel = None  # "the 12th Retreat, which Singapore will host later this year": the event's own date
        if own and t is not None and t.start > anchor and (rel or (
                AFTER_EVENT_RE.match(span_text(sent)) and re.search(r",\s", text_of(doc)[anchor:t.start]))):
            # "witnessed the signing of an arrangement on X, which is due to be finished in 2024": the date of
            # a relative clause about something else;
            # "After the ceremony the two met and signed X, agreeing to a session in September": the date of
            # a later clause; the event is on the day of the ceremony told before
            start, end, t, own = None, None, None, False
        if own and t is not None and t.start > anchor and re.search(
                r",\s+and\s+(?:then\s+|also\s+)?(?:agreed|decided|pledged|vowed|undertook|resolved|promised)\s+to\b",
                text_of(doc)[anchor:t.start]):
            # "They signed three memoranda ..., and agreed to remove the barriers the presidents listed in 2022":
            # the date of a later coordinated clause
            start, end, t, own = None, None, None, False
        if own and t is not None and t.end <= anchor and re.search(
                r"\bafter\s+(?:his|her|their|a|an|the)\b[^.;]*\b(?:during|in\s+the\s+course\s+of)\s+which\b",
                text_of(doc)[t.end:anchor]):
            # "returned on Sunday after a three-day visit during which the two signed ...": the visit's day, not
            # the return's
            start, end, t, own = None, None, None, False
        if own and t is not None and main and re.search(
                ENDED_RE.pattern + r"[^.;]{0,60}\b(?:visit|trip)\b", text_of(doc)[sent.start_char:t.start], re.I):
            start, end, t, own = None, None, None, False  # "wrapped up the visit on Wednesday" dates the end
        if own and main and main.get("start") and t is not None:
            from dyad.text.dates import overlaps

            window_ok = overlaps(start, main["start"]) or (main.get("end") and overlaps(start, main["end"])) or (
                main.get("end") and len(start) == len(main["start"]) == len(main["end"]) == 10
                and main["start"] <= start <= main["end"])  # "held talks yesterday", a day inside the visit
            explicit = (PLANNED_FOR_RE.search(text_of(doc)[max(0, t.start - 20):t.start]) and len(start) <= 7) or \
                re.search(r"\b(?:on|in|last|this|next|earlier|later)\s+(?:the\s+)?$|"
                                 r"\b(?:today|yesterday|tomorrow),\s+$",  # "Today, April 17, X met Y"
                                 text_of(doc)[max(0, t.start - 12):t.start], re.I) or \
                (re.match(r"(?:(?:early|late|mid-?)\s*)?(?:last|this|next|earlier|later|in|today|yesterday|tomorrow|"
                          r"tonight)\b", t.text, re.I)
                 # "next year" dates itself; "held talks today" too
                 and abs(t.start - anchor) < 80) or \
                (re.fullmatch(r"(?:next|last)\s+(?:year|month|week)", t.text, re.I) and 0 < t.start - anchor < 170
                 and not re.search(r"[;:]|,\s+(?:which|who|where|while)\b", text_of(doc)[anchor:t.start])) or \
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
                if start and main.get("end") and main["end"] != start and LAST_DAY_RE.match(span_text(sent)):
                    start = main["end"]  # "Before his departure, the two looked on as ...": the visit's last day
                elif start and main.get("end") and main["end"] != start and EARLIER_RE.match(span_text(sent)) and \
                        main.get("lead_day") and main["start"] <= main["lead_day"] <= main["end"]:
                    start = main["lead_day"]  # "Earlier, X received the minister": earlier on the day of the news
                elif start and main.get("end") and main["end"] != start and main.get("dated_by") != "arrival":
                    # ... unless the story has just reached a day of it ("After the talks, ...").
                    # (a visit opened by an arrival told as background sets its parts on the day of the news)
                    near = self.narrative
                    same_day = SAME_DAY_RE.match(span_text(sent))  # "In the afternoon, ...": the day told last
                    if SAME_DAY_OPENING_RE.match(span_text(sent)) and \
                            self._prev_day(doc, sent):
                        # "She arrived on Wednesday. The same day she held talks ...": the previous sentence's day
                        near = (self.sent_index, self._prev_day(doc, sent))
                    if near and (self.sent_index - near[0] <= 2 or same_day
                                 or AFTER_EVENT_RE.match(span_text(sent))) and \
                            main["start"] <= near[1] <= main["end"]:
                        start = near[1]
                        self.narrative = (self.sent_index, start)
                    else:
                        # the visit's month (its year when it runs over two months: "October 31 to November 1")
                        start = start[:7] if start[:7] == main["end"][:7] else start[:4]
                elif SAME_DAY_OPENING_RE.match(span_text(sent)) and (self._prev_day(doc, sent) or self.narrative):
                    # "He arrived on 8 June. On the same day, ...": the previous sentence's day, else the day the
                    # story has reached ("held talks today. ... The same day, X was received by Y")
                    start = self._prev_day(doc, sent) or self.narrative[1]
                elif start and len(start) == 10 and not main.get("end") and self.narrative and \
                        self.sent_index - self.narrative[0] <= 2 and start < self.narrative[1] <= days_after(start, 6):
                    # "X arrives on Wednesday night ... will be received on Thursday morning. The two leaders will
                    # then hold talks": the day the story has reached, in a visit told without its last day
                    start = self.narrative[1]
                elif start and len(start) == 10 and not main.get("end") and self.narrative and \
                        self.sent_index - self.narrative[0] <= 1 and self.narrative[1] == start and \
                        main.get("dated_by") != "arrival":
                    # "On Monday X was received by Y, then held talks with Z. The two leaders adopted ...": the
                    # day the sentence before has just told, not the day of the lead's news
                    pass
                else:
                    start = visit_part_date(main, doc._.dct)
                end = None
        else:
            countries = dyad_of(doc)
            ref = "doc:" + (doc._.doc_id or "")
            near = self.narrative
            if not own and told:
                start = told  # "At the council, ...": the date of the council told before
            elif not own and sent.start > 0 and re.match(r"\s*(?:On|in)\s+the\s+same\s+day\b|\s*That\s+day\b",
                                                          span_text(sent)) and self._prev_day(doc, sent):
                # "The minister arrived in Rabat on 8 July. On the same day, ...": the day and the place of
                # the sentence before
                start = self._prev_day(doc, sent)
                self.narrative = (self.sent_index, start)
                prev = doc[sent.start - 1].sent
                self.inherited_place = self._place_after(prev.text, 0) or self.narrative_place
            elif not own and near and (self.sent_index - near[0] <= 1 or AFTER_EVENT_RE.match(span_text(sent))
                                       or SAME_DAY_RE.match(span_text(sent))) and \
                    clause_tense(doc, anchor) != "future":
                # No visit to date it: the day the story has just told ("Greece and Cyprus signed a
                # memorandum on Tuesday ... The memorandum was signed in Nicosia after talks ...";
                # "Following the session, the Protocol was signed"; "On the same day, X also met Y").
                start = near[1]
                self.narrative = (self.sent_index, start)
                self.inherited_place = self.narrative_place
        eve = None if own or told else eve_of_told(text_of(doc), sent.start_char, doc._.facts or [])
        if eve:
            start, end = eve, None  # "On the eve of the meeting, ...": the day before the meeting told
        return start, end, own, countries, ref

