"""Visits: who travels to which country, at what level, when, and which visit the article is about.

A visit is told by a noun ("the state visit of X to Y"), a verb of travel ("arrived in", "will
visit") or a host's welcome ("President X received Y"). Repeat mentions of one guest->host pair
are one visit sharing the best date and level; the visit the story follows (``story_visit`` in
visit_story.py) gives the other events of the article their date and parties.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span

from dyad.nlp.components.context import (
    DAYS_RE,
    FIGURE_BEFORE,
    GUEST_BY_OFFICE_RE,
    before_dct,
    clause_tense,
    country_mentions,
    date_range,
    dates_in,
    days_after,
    days_before,
    days_told,
    full_name,
    has_cue,
    nearest_date,
    person_country,
    persons_in,
    prospective,
    role_antecedent,
    span_end,
    status_of,
)
from dyad.nlp.components.event_dates import overlaps_dates
from dyad.nlp.components.tour_legs import tour_legs
from dyad.nlp.components.util import dateline_place, dyad_of, source, span_text, text_of
from dyad.nlp.components.visit_days import (
    ENDED_AFTER_RE,
    ENDED_RE,
    LEFT_AFTER_RE,
    NTH_DAY_OF_RE,
    NTH_DAYS,
    RETURNED_AFTER_RE,
    RETURNED_FROM_RE,
    days_of_travel,
    returned_from,
    runs_through,
)
from dyad.nlp.components.visit_groups import one_per_pair
from dyad.nlp.components.visit_patterns import (
    ACCOMPANIED_BY_RE,
    ADJACENT_PLAN,
    ANAPHOR_RE,
    CONTINUED_TRIP_RE,
    DEPARTURE_RE,
    FIRST_DAY_OF_RE,
    FRONTED_VISIT_RE,
    FUTURE_AFTER_RE,
    HOST_VERB_RE,
    LAST_DAY_OF_RE,
    LEVELS,
    NON_VISIT_RE,
    OFFICIAL,
    ONGOING_RE,
    OTHER_CLAUSE_RE,
    OTHERS_WHO_RE,
    PASSIVE_BY_RE,
    PASSIVE_HOST_RE,
    RECALLED_RE,
    RETURN_TO_RE,
    RETURN_TRIGGER_RE,
    SENDER_GAP_RE,
    VESSEL_VISITS_RE,
    VISIT_RE,
    VISITS_A_SITE_RE,
    VISITS_PEOPLE_RE,
    WELCOMED_GUEST_GAP_RE,
    is_welcome,
)
from dyad.nlp.components.visit_story import days_apart

# "an official visit to Cabo Verde which he began on Wednesday the 14th": the day the visit began
# ("a working visit to the Republic of Türkiye that began on Monday, 18 September")
BEGAN_ON_RE = re.compile(r"\s+(?:to\s+(?:the\s+)?[A-Z][\w\-]*(?:\s+(?:of\s+)?[A-Z][\w\-]*){0,3}\s+)?,?\s*"
                         r"(?:which|that)\s+(?:(?:he|she|they)\s+(?:had\s+)?)?(?:began|begun|started|opened)\s+"
                         r"(?:on\s+|(?=yesterday\b|today\b|this\s+morning\b))")
# a leg of the tour other than the visit's own ("after a stop in X", "before flying on to Y")
OTHER_LEG_RE = re.compile(r"\b(?:after|before|following)\s+(?:a\s+|an\s+|his\s+|her\s+|their\s+|its\s+)?"
                          r"(?:(?:brief|short|one-day|two-day)\s+)?(?:stop|stopover|visit|trip|leg|tour|flying|travelling)\b")


class VisitFinder:
    """The visits of an article (a mixin of the event extractor)."""

    def visits(self, doc: Doc) -> list[dict]:
        out = self._visit_mentions(doc, defer_bare=True)
        if not out and self.deferred_bare:
            # "X said the visit marked a new stage" and no other word of a visit in the article:
            # the bare mention is all there is
            out = self._visit_mentions(doc, defer_bare=False)
        return days_of_travel(doc, one_per_pair(doc, out))

    def _visit_mentions(self, doc: Doc, defer_bare: bool) -> list[dict]:
        out: list[dict] = []
        self.deferred_bare = False
        for sent in doc.sents:
            text = span_text(sent)
            for m in VISIT_RE.finditer(text):
                trig_start = sent.start_char + m.start()
                trig_end = sent.start_char + m.end()
                if re.fullmatch(r"(?:will |to )?visit(?:ed|ing|s)?", m.group(0), re.I) and VISITS_A_SITE_RE.match(
                        text[m.end():]) and not country_mentions(doc, trig_end, trig_end + 12, ("name", "capital")):
                    continue  # "is expected to visit the university programme office in Rome": a site, not a country
                if re.fullmatch(r"(?:will |to )?visit(?:ed|ing|s)?", m.group(0), re.I) and (
                        VESSEL_VISITS_RE.search(text[max(0, m.start() - 90):m.start()])
                        or VISITS_PEOPLE_RE.match(text[m.end():])):
                    continue  # "the frigate ... will visit Manila"; "she will visit seafood processors": no state visit
                if m.group("noun") and not m.group("level") and (
                        re.search(r"\b(?:site|field|inspection)[\s\-]+$", text[:m.start()], re.I)
                        or (re.match(r"\s+to\b", text[m.end():]) and VISITS_A_SITE_RE.match(text[m.end() + 3:]))) \
                        and not country_mentions(doc, trig_end, min(trig_end + 60, sent.end_char), ("name", "capital")):
                    continue  # "after a visit to the long-stalled site", "a site visit": a minister at home
                of_to = self._visit_of_to(doc, sent, trig_end) if m.group("noun") else None
                level_word = LEVELS.get((m.group("level") or "").lower())
                same_level = not m.group("level") or bool(out and out[-1]["level"] == level_word)
                back = out and m.group("noun") and same_level and (re.search(
                    r"\b(?:the|this|that)\s+(?:[\w]+-day\s+)?$", text[max(0, m.start() - 20):m.start()])
                    or ANAPHOR_RE.search(
                    text[max(0, m.start() - 50):m.start()])) and not re.match(
                    r"\s+(?:of|by|to)\b", text[m.end():m.end() + 5]) and not (
                    # "X invited Y to Prague. Z said that visit could happen next year": the one to come
                    out[-1]["status"] == "occurred" and FUTURE_AFTER_RE.match(text[m.end():m.end() + 40]))
                bare = not out and m.group("noun") and not m.group("level") and not of_to and re.search(
                    r"\b(?:the|this|that)\s+$", text[max(0, m.start() - 6):m.start()]) and not re.match(
                    r"\s+(?:of|by|to)\b", text[m.end():m.end() + 5])
                if bare and defer_bare:
                    # "X said the visit marked ...", told before the visit itself ("arrived in ..."): the
                    # visit the article tells elsewhere, not one by the speaker
                    self.deferred_bare = True
                    continue
                if back and not of_to:
                    # "a joint communique issued at the end of the visit": the visit told before
                    last = out[-1]
                    guest_person, guest, host = None, last["guest"], last["host"]
                elif of_to:
                    guest_person, guest, host = of_to
                elif not m.group("noun") and OTHERS_WHO_RE.search(text[max(0, m.start() - 80):m.start()]):
                    continue  # "the labourers who first arrived in Fiji in 1879": no visit of the pair's
                elif m.group("noun") and CONTINUED_TRIP_RE.search(text[:m.start()]):
                    continue  # "leaves Apia tomorrow to continue her visit to the Pacific": the trip goes on
                elif m.group("noun") and re.search(r"\b(?:visit|trip|tour)\b[^.;]{0,80},\s+(?:his|her|their)\s+"
                                                   r"(?:[\w\-]+\s+){0,3}$", text[:m.start()]):
                    continue  # "a three-day state visit to China, his first overseas trip": the same visit again
                elif RETURN_TRIGGER_RE.match(m.group(0)):
                    # "returned from the Philippines on Wednesday": the visit was where the traveller came back from
                    # (a named traveller; "returned from a state visit to X" is the visit's own mention)
                    if re.search(r"\b(?:visit|trip|tour)\b", text[m.end():]):
                        continue
                    host = returned_from(doc, sent, trig_end)
                    guest_person, guest = self._guest(doc, sent, trig_start, trig_end, m, host)
                    if not guest_person:
                        continue
                else:
                    host = self._host(doc, sent, trig_start, trig_end) or returned_from(doc, sent, trig_start) \
                        or self._host_in_sentence(doc, sent, None) \
                        or (self._dateline_country(doc, None) if m.group("noun") else None)
                    if not host and (re.match(r"(?:arrived|arrives|landed|lands)\s+at\b", m.group(0)) or re.match(
                            r"(?:arrived|arrives|landed|lands)\s+in\s*$", m.group(0)) and re.match(
                            r"\s*the\s+(?:country|kingdom|capital|sultanate|emirate|state)\b", text[m.end():])):
                        # ("arrived in the country on Monday on an official visit": the country filed from)
                        # "landed at X International Airport ..., the first ... to come to Nigeria": the
                        # country the sentence names as the destination, else the one filed from
                        # (not one named in a later clause: "since the new government took office in Damascus")
                        host = next((c["alpha3"] for c in country_mentions(doc, sent.start_char, sent.end_char,
                                                                            ("name",))
                                     if re.search(r"\b(?:to|in)\s+(?:the\s+)?$",
                                                  text_of(doc)[max(0, c["start"] - 8):c["start"]])
                                     and not OTHER_CLAUSE_RE.search(
                                         text_of(doc)[sent.start_char + m.end():c["start"]])), None) \
                            or self._dateline_country(doc, None)
                    guest_person, guest = self._guest(doc, sent, trig_start, trig_end, m, host)
                if DEPARTURE_RE.match(m.group(0)):
                    # "X met Y before leaving for New Delhi": the one who leaves is the sentence's subject, and a
                    # flight home is no visit
                    subject = sorted(persons_in(doc, sent.start_char, trig_start),
                                     key=lambda p: p["sources"][0]["start"])[:1]
                    if not subject or not person_country(doc, subject[0]):
                        continue
                    guest_person, guest = subject[0], person_country(doc, subject[0])
                    if guest == host:
                        continue
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
                        persons_in(doc, sent.start_char, trig_start) or OFFICIAL.search(text[:m.start()])
                        # ("Mr Van Tigchelt is on a three-day visit": a person by an honorific the tagger missed)
                        or re.search(r"\b(?:Mr|Mrs|Ms|Dr|Madam)\.?\s+[A-Z]", text[:m.start()])
                        or (m.group("noun") and re.search(r"\b(?:his|her)\s+(?:[\w\-]+\s+){0,2}$", text[:m.start()]))
                        # ("a commercial mission to Japan led by Minister Tovar": a traveller named after)
                        or (m.group("noun") and re.match(
                            r"\s+to\s+[^.;,]{2,40}?\s+(?:led|headed)\s+by\s+(?:[A-Z]|the\s)", text[m.end():]))
                        # ("He last travelled to Dakar last October": the person told before, from the other side)
                        or (not m.group("noun") and re.search(r"(?:^\s*|[.;]\s+)(?:He|She)\s+(?:[a-z]+\s+){0,2}$",
                                                              text[:m.start()]))):
                    # ("He recalled his visit to Nicosia in October 2022": the person told before)
                    # a traveller whose country we do not know, going to one country of the article's pair
                    guest = pair[0] if pair[1] == host else pair[1]
                    subject = persons_in(doc, sent.start_char, trig_start)
                    if len(subject) == 1 and not person_country(doc, subject[0]) and re.search(
                            r"\b(?:minister|president|premier|secretary|chancellor|ambassador|envoy)\b",
                            subject[0].get("role") or "", re.I):
                        # ("Minister for Foreign Trade Johan Forssell visited Zambia" in a Swedish release): the
                        # traveller is of the side the visit comes from, in this sentence and after
                        subject[0]["country"] = guest
                        guest_person = guest_person or subject[0]
                if guest and not host and len(pair) == 2 and guest in pair and m.group("noun"):
                    # "was in the country for a one-day working visit": the other country of the article
                    host = self._dateline_country(doc, guest) or (pair[0] if pair[1] == guest else pair[1])
                if not guest or not host or guest == host:
                    continue
                level = LEVELS.get((m.group("level") or "").lower())
                if level is None:
                    lm = re.search(r"\b(" + "|".join(LEVELS) + r")\s+visit", text, re.I)
                    level = LEVELS.get(lm.group(1).lower()) if lm else None
                start, end, told_at = nearest_date(doc, sent, trig_start)
                single_day = bool(start and len(start) == 10 and not end)  # "on Monday", not "May 12-13"
                end = end or span_end(text, start) or runs_through(doc, sent, trig_end, start)
                ended = ENDED_RE.search(text[max(0, m.start() - 45):m.start()]) or \
                    RETURNED_AFTER_RE.search(text[max(0, m.start() - 90):m.start()]) or \
                    LEFT_AFTER_RE.search(text[max(0, m.start() - 90):m.start()]) or \
                    ENDED_AFTER_RE.match(text[m.end():m.end() + 60]) or \
                    RETURNED_FROM_RE.search(text[max(0, m.start() - 90):m.start()])
                told_range = told_at is not None and told_at.start >= trig_end and date_range(told_at)[1]
                if start and end and len(start) == 10 and ended and not told_range:
                    # "wrapped up a three-day state visit on Wednesday", "returned on Sunday after a three-day
                    # visit": the date is the last day
                    start, end = days_before(start, end), start
                began = BEGAN_ON_RE.match(text, m.end())
                began_day = next((t.iso_date() for t in dates_in(doc, sent.start_char + began.end(),
                                                                 sent.start_char + began.end() + 30)
                                  if len(t.iso_date() or "") == 10), None) if began else None
                if began_day and ended and start and len(start) == 10 and began_day < start:
                    # "returned on Thursday 15 May, at the end of an official visit which he began on Wednesday the
                    # 14th": the visit ran from the day it began to the day told with its end
                    start, end = began_day, start
                elif began_day and not ended and m.group("noun") and (not start or began_day <= start) and \
                        began_day <= (doc._.dct or "") and DAYS_RE.search(text[:m.start()][-40:]):
                    # "is on a three-day visit to Thailand that began yesterday": the visit runs from that day
                    start, end = began_day, span_end(text[max(0, m.start() - 40):m.end()], began_day)
                if RETURN_TRIGGER_RE.match(m.group(0)) and start and len(start) == 10 and not end:
                    start, end = start[:7], start  # the day of coming back is the visit's last
                last_day = LAST_DAY_OF_RE.search(text[max(0, m.start() - 60):m.start()])
                if last_day and start and len(start) == 10:
                    # "inaugurated the office today, on the last day of his two-day visit": today is the last day
                    length = re.search(r"\b(two|three|four|five|\d)-day\s+(?:[\w\-]+\s+)?$", text[:m.start()])
                    n = days_told(length.group(1)) if length else 1
                    start, end = days_after(start, 1 - n), (start if n > 1 else None)
                nth_day = NTH_DAY_OF_RE.search(text[max(0, m.start() - 60):m.start()])
                if nth_day and start and len(start) == 10 and (not end or end == span_end(text, start)):
                    # "held talks today, on the second day of his official visit": the visit began the day before
                    # (no last day: an arrival or the visit's length told elsewhere dates it better; "on the second
                    # day of a three-day visit": its length counts from the first)
                    first = days_after(start, 1 - NTH_DAYS[(nth_day.group(1) or nth_day.group(3)).lower()])
                    start, end = first, (start if nth_day.group("last") else span_end(text, first) if end else None)
                first_day = FIRST_DAY_OF_RE.search(text[max(0, m.start() - 60):m.start()])
                if first_day:
                    at = sent.start_char + max(0, m.start() - 60) + first_day.start()
                    told = [t.iso_date() for t in dates_in(doc, sent.start_char, at) if len(t.iso_date() or "") == 10]
                    if told:
                        start, end = told[-1], span_end(text, told[-1])
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
                if ONGOING_RE.search(text[max(0, m.start() - 70):m.end()]) and start and doc._.dct and \
                        before_dct(start, doc._.dct) and not (len(start) == 10 and days_apart(start, doc._.dct) <= 14):
                    # "X, who is on a two-day visit, said permits rose last year": a visit under way did not
                    # begin in the year of a figure told beside it
                    start, end = None, None
                if ONGOING_RE.search(text[max(0, m.start() - 70):m.end()]) and not (start and not before_dct(
                        doc._.dct, start)):
                    # "X, who is in Kazakhstan on a state visit"; "currently on a visit to": under way
                    # on the day of the report
                    status, start = "occurred", start or doc._.dct
                elif status == "unknown" and start and ONGOING_RE.search(text[max(0, m.start() - 70):m.end()]) \
                        and not before_dct(start, doc._.dct):
                    status = "occurred"  # "is in Fiji this week on an official visit": the week of the report
                if not start and status != "planned" and sent.start > 0 and DAYS_RE.search(text):
                    # "X was in the country for a one-day working visit" after a dated lead sentence:
                    # the lead's date is the visit's.
                    prev = doc[sent.start - 1].sent
                    # (not the year of a figure: "trade, which reached 410 million dinars last year")
                    dates = [d for d in dates_in(doc, prev.start_char, prev.end_char)
                             if not before_dct(doc._.dct, d.iso_date())
                             and not FIGURE_BEFORE.search(text_of(doc)[max(0, d.start - 40):d.start])]
                    days = list({d.iso_date(): d for d in dates if len(d.iso_date()) == 10}.values())
                    dates = days if len(days) == 1 else dates  # the lead's day beats its "earlier this month"
                    if len(dates) == 1:
                        start = dates[0].iso_date()
                        if nth_day and len(start) == 10:
                            # ("met X in Abu Dhabi, on the second day of a three-day visit": the lead's day)
                            start = days_after(start, 1 - NTH_DAYS[(nth_day.group(1) or nth_day.group(3)).lower()])
                        end = span_end(text, start)
                        if ended and end and len(start) == 10:
                            # ("has concluded a three-day visit" under a dated lead: the lead's day is its last)
                            start, end = days_before(start, end), start
                        status = status_of(text, start, end, doc._.dct, window, clause_tense(doc, trig_start))
                if back and not of_to:
                    start, end, status = None, None, out[-1]["status"]  # its dates are the visit's, told before
                if any(v["ref"] == f"visit:{guest}>{host}" and v["sources"][0]["start"] == sent.start_char
                       and not (start and v["start"] and not overlaps_dates(start, v)) for v in out):
                    continue  # "arrived in X for a state visit": one visit, two triggers (not one of years before)
                guest_name = self.gaz.name_of(guest) or guest
                host_name = self.gaz.name_of(host) or host
                who = full_name(doc, guest_person) if guest_person else guest_name
                title = f"{who} {level + ' ' if level else ''}visit to {host_name}"
                # The day of a visit told here is a day the story reaches, except an arrival's
                # (visitors often land the evening before the talks) or a departure's.
                arrival = re.match(r"(?:arrived|arrives|landed|lands|will arrive)\b", m.group(0), re.I)
                # ("on a three-day visit which began on Monday and ends today": the first day told as background)
                own_day = start if single_day and not arrival and not began and not ENDED_RE.search(
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
        if defer_bare:
            out.extend(tour_legs(doc, out))
        return out

    def hosted(self, doc: Doc) -> list[dict]:
        """"<Host leader> welcomed/received/hosted <guest leader>": a visit by the guest's country."""
        out = []
        for sent in doc.sents:
            for m in HOST_VERB_RE.finditer(span_text(sent)):
                v = sent.start_char + m.start()
                obj = span_text(sent)[m.end():m.end() + 60]
                if NON_VISIT_RE.match(obj):
                    continue  # "received a phone call from ..."
                before = persons_in(doc, sent.start_char, v)
                after = persons_in(doc, sent.start_char + m.end(), sent.end_char)
                after = [p for p in after if not SENDER_GAP_RE.search(
                    text_of(doc)[sent.start_char + m.end():p["sources"][0]["start"]])][:1]
                # ("received the minister, where she delivered a message from President X": not the sender)
                by_office = GUEST_BY_OFFICE_RE.match(obj)
                side = self.gaz.country_of(by_office.group("adj")) if by_office else None
                if not after and by_office and side and not is_welcome(m.group(0)):
                    # "President X received the Senegalese Minister at the palace": the minister named before
                    earlier = role_antecedent(doc, by_office.group("office"), sent.start_char, side[0])
                    after = [earlier] if earlier and person_country(doc, earlier) == side[0] else []
                if not before or not after:
                    continue
                hp, gp = before[-1], after[0]
                gap = text_of(doc)[sent.start_char + m.end():gp["sources"][0]["start"]]

                if is_welcome(m.group(0)) and not PASSIVE_BY_RE.match(obj) \
                        and not PASSIVE_HOST_RE.search(span_text(sent)[:m.start()]) \
                        and not WELCOMED_GUEST_GAP_RE.fullmatch(gap):
                    continue  # "welcomed the decision of X": no guest welcomed
                if PASSIVE_HOST_RE.search(span_text(sent)[:m.start()]) and not re.search(r"\bby\b", obj):
                    continue  # "X, who was welcomed with a ceremony, met Y": no host named
                if PASSIVE_BY_RE.match(obj) or (PASSIVE_HOST_RE.search(span_text(sent)[:m.start()]) and
                                                re.match(r"(?:\s+[\w\-]+){1,12}?\s+by\b", obj)):
                    # "X was received by President Y", "X is in A for the summit, hosted by Y", "X was welcomed
                    # at the Pedro Canga Rodriguez airport by Y", "was received today at the seat of the Presidency
                    # of the Republic by Y"
                    hp, gp = gp, hp
                host, guest = person_country(doc, hp), person_country(doc, gp)
                if re.match(r"(?:Ambassador|High\s+Commissioner|Charg[ée]|Envoy)\b", gp.get("role") or ""):
                    continue  # an envoy posted to the host is received, not visiting
                if not host or not guest or host == guest:
                    continue
                start, end, _ = nearest_date(doc, sent, v)
                status = status_of(span_text(sent), start, end, doc._.dct, None, clause_tense(doc, v))
                lm = re.search(r"\b(" + "|".join(LEVELS) + r")\s+visit", span_text(sent), re.I)
                level = LEVELS.get(lm.group(1).lower()) if lm else None
                who = full_name(doc, gp)
                out.append({
                    "cue": "hosted",
                    "own_day": start if start and len(start) == 10 and not end else None,
                    "kind": "event", "event_type": "visit",
                    "title": f"{who} {level + ' ' if level else ''}visit to {self.gaz.name_of(host) or host}",
                    "status": status, "start": start, "end": end,
                    # ("X arrived in Tumbes and was welcomed by Y": the place the sentence names first)
                    "location": self._location(doc, host, sent.start_char, sent), "countries": [guest, host],
                    "guest": guest,
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
            if cs and OFFICIAL.search(text_of(doc)[trig_end:stop]):
                # "the visit of a Kazakh delegation", "the official visit of the Prime Minister of Pakistan", not
                # "visits by tourists"
                return None, cs[0]["alpha3"]
        # ("a visit to Dakar by X", "a visit to Dhaka last October by Saudi Minister of Investment X")
        # ("the State Visit to Romania of His Highness X, Emir of Qatar")
        by = re.match(r"\s+to\s+(?:the\s+)?(?:[A-Z][\w\-]*\s+){1,3}(?:(?:last|this|in|on)\s+[A-Z]?\w+\s+)?(?:by|of)\s",
                      after)
        if m.group("noun") and by:
            # "a visit to Jakarta by General Secretary X": the traveller after "by"
            # (not past "since": "the first visit to Benin by a French head of state since X came in 2015")
            since = re.search(r"\bsince\b", text_of(doc)[trig_end + by.end():min(sent.end_char,
                                                                                trig_end + by.end() + 120)])
            ps = [p for p in persons_in(doc, trig_end + by.end(), min(sent.end_char, trig_end + by.end() + (
                since.start() if since else 120))) if person_country(doc, p) and person_country(doc, p) != host]
            if ps:
                return ps[0], person_country(doc, ps[0])
        fronted = FRONTED_VISIT_RE.match(text_of(doc)[sent.start_char:trig_start])
        comma = text_of(doc).find(",", trig_end, sent.end_char) if fronted else -1
        if fronted and comma > 0 and not persons_in(doc, sent.start_char, trig_start):
            # "On a two-day state visit to Nairobi, President X and President Y agree ...": the traveller
            # is the subject after the fronted phrase, the one not from the host country
            ps = [p for p in sorted(persons_in(doc, comma, sent.end_char), key=lambda p: p["sources"][0]["start"])
                  if person_country(doc, p) and person_country(doc, p) != host]
            if ps:
                return ps[0], person_country(doc, ps[0])
        def travellers(since: int) -> list[dict]:
            # "his Polish counterpart Y" is the host's side, not the traveller
            return [p for p in persons_in(doc, since, trig_start)
                    if not re.search(r"counterparts?\s*,?\s*$", text_of(doc)[max(0, p["sources"][0]["start"] - 25):
                                                                           p["sources"][0]["start"]])
                    and not (host and person_country(doc, p) == host)
                    # "President X, accompanied by Foreign Minister Y, arrived in Manila": X travels, Y with X
                    and not ACCOMPANIED_BY_RE.search(text_of(doc)[max(since, p["sources"][0]["start"] - 120):
                                                                  p["sources"][0]["start"]])
                    # "X paid tribute to the labourers who first arrived in Fiji in 1879": others travelled
                    and not OTHERS_WHO_RE.search(text_of(doc)[p["sources"][0]["end"]:trig_start])]

        before_start = max(sent.start_char, trig_start - 120)
        # a long sentence: the subject opens it ("X held a working meeting today with the Minister of C, Y, at the
        # ministry, on the second day of his official visit to C": only the host named near the trigger)
        ps = travellers(before_start) or travellers(sent.start_char)
        if not persons_in(doc, before_start, trig_start):
            before_start = sent.start_char
        if m.group("noun") and re.search(r"\b(?:his|her)\s+(?:[\w\-]+\s+){0,3}$",
                                         text_of(doc)[max(0, trig_start - 40):trig_start]):
            # "X was received by Y at the palace, on the second day of his State Visit": his is the subject's
            subject = sorted(travellers(sent.start_char), key=lambda p: p["sources"][0]["start"])[:1]
            ps = subject if subject and person_country(doc, subject[0]) else ps
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
        if not re.match(r"\s+(?:(?:paid|made|undertaken)\s+)?(?:of|by)\s", text[trig_end:trig_end + 20]):
            return None  # "the visit of X to Y", "the visit paid by X to Y"
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
            trigger_has_prep = re.search(r"\b(?:to|in|for|visit|visited|visiting)$",
                                         text_of(doc)[trig_start:trig_end]) is not None
            if not ((re.search(r"\b(?:to|in)\s+(?:the\s+)?$", gap) or (trigger_has_prep and re.fullmatch(
                    r"\s+(?:the\s+)?", gap))) and len(gap) < 60):
                continue
            if c["form"] == "adjective" and not re.match(r"\s+capital\b", text_of(doc)[c["end"]:c["end"] + 9]):
                continue  # "in the Turkish capital" names the host; "to Turkish firms" does not
            if RETURN_TO_RE.search(text_of(doc)[max(0, c["start"] - 25):c["start"]]):
                continue  # "..., before returning to Reykjavik": the traveller's home, not the host
            if OTHER_LEG_RE.search(gap):
                continue  # "arrived on an official visit after a stop in Kazakhstan": a leg before or after
            if re.search(r"\b(?:aimed|designed|intended|meant)\b|\b(?!(?:morn|even)ing\b)\w{3,}ing\b", gap):
                continue  # "a visit aimed at drawing Thai investors to Ethiopia's parks": another clause's "to"
            return c["alpha3"]
        # "<Capital> visit", "Azerbaijan visit"
        for c in country_mentions(doc, max(sent.start_char, trig_start - 40), trig_start,
                                  ("name", "capital", "city")):
            if 0 <= trig_start - c["end"] <= 12 and re.fullmatch(r"\s*(?:(?:" + "|".join(LEVELS) + r")\s+)?",
                                                                  text_of(doc)[c["end"]:trig_start], re.I):
                return c["alpha3"]
        return None

    def _host_in_sentence(self, doc: Doc, sent: Span, guest: str | None) -> str | None:
        """A city or capital introduced by "in" anywhere in the sentence, or a country someone "is in", not the
        guest's own."""
        for c in country_mentions(doc, sent.start_char, sent.end_char, ("capital", "city", "seat")):
            before = text_of(doc)[max(0, c["start"] - 25):c["start"]]
            clause = text_of(doc)[sent.start_char:c["start"]].rsplit(",", 1)[-1]
            if re.search(r"\b(?:in|to|at)\s+(?:the\s+)?$", before) and c["alpha3"] != guest \
                    and not RETURN_TO_RE.search(before) and \
                    not OTHER_CLAUSE_RE.search(clause):
                return c["alpha3"]  # (not "the first since the new government took office in Damascus")
        for c in country_mentions(doc, sent.start_char, sent.end_char, ("name",)):
            # "X is in Sri Lanka on a two-day working visit": a country the traveller is in
            if c["alpha3"] != guest and re.search(r"\b(?:is|was|are|were)\s+(?:also\s+|currently\s+|now\s+)?in\s+"
                                                  r"(?:the\s+)?$", text_of(doc)[max(0, c["start"] - 30):c["start"]]):
                return c["alpha3"]
        return None

    def _dateline_country(self, doc: Doc, guest: str | None) -> str | None:
        place = dateline_place(doc)
        return place[1] if place and place[1] != guest else None

