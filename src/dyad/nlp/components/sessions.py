"""Council sessions: numbered sessions of intergovernmental councils, commissions and committees."""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span

from dyad.nlp.components.context import (
    before_dct,
    clause_tense,
    country_mentions,
    dates_in,
    nearest_date,
    prepared_for,
    prospective,
    status_of,
)
from dyad.nlp.components.event_dates import closed_on
from dyad.nlp.components.util import dyad_of, nth_word, patterns, source, span_text, text_of
from dyad.nlp.gazetteer import gazetteer
from dyad.text.names import synonym_key

DATA = patterns("events")
ORDINALS = DATA["ordinals"]
# "the Romanian-Serbian Hydrotechnical Commission": a body named after the pair is theirs, whatever its field
_PAIR_NAMED_RE = re.compile(r"^(?:[Tt]he\s+)?(?P<a>[A-Z][\w'\u2019]+)[-\u2013](?P<b>[A-Z][\w'\u2019]+)\s")


def bilateral_body(body: str) -> bool:
    """Is the body's name one of a standing bilateral body: a marker word ("Joint", "Intergovernmental") or the
    two countries' names or adjectives before its head?"""
    if any(w in body for w in DATA["council_markers"]):
        return True
    m = _PAIR_NAMED_RE.match(body)
    if not m or re.search(r"\b(?:Business|Chamber|Friendship|Youth)\b", body):
        return False  # "the A-B Business Council": companies', not the states'
    gaz = gazetteer()
    return bool(m and gaz.country_of(m.group("a")) and gaz.country_of(m.group("b")))

# a word of a body's name: capitalised, or a particle glued to one ("Ghana-Côte d'Ivoire Joint Commission")
BODY = (r"(?P<body>(?:(?:[A-Z]|[a-z]['\u2019][A-Z])[\w\-\u2013]*\s+(?:(?:and|on|for)\s+)?){1,7}?(?:"
        + "|".join(DATA["council_heads"])
        + r"))")
NAMED_BODY_RE = re.compile(r"\b[Tt]he\s+" + BODY + r"\b")
# an ordinal word, a Roman numeral or any numbered ordinal ("the 41st session": long-standing bodies count high)
ORD = r"(?P<ord>" + "|".join(sorted(ORDINALS, key=len, reverse=True)) + r"|\d{1,3}(?:st|nd|rd|th))"
# "the Sixth Session of the A-B Joint Commission": ordinal and noun in either case
SESSION_RE = re.compile(r"\b(?i:(?:" + ORD + r"\s+)?(?:" + "|".join(DATA["session_nouns"])
                        + r"))\s+of\s+(?:the|their|its)\s+" + BODY)
_ORD_WORDS = "|".join(sorted(ORDINALS, key=len, reverse=True))
LOWER_SESSION_RE = re.compile(
    r"\b(?P<ord>(?i:next|previous|last|" + _ORD_WORDS + r")|\d+(?:st|nd|rd|th))\s+(?i:meeting|session)\s+of\s+"
    r"the\s+(?P<body>(?i:council|commission|committee))\b(?![\w\-]|\s+(?:of|on|for)\s+[A-Z])|"
    # ("The X Commission ended its 26th session in Timisoara on Wednesday")
    r"\b(?:hold|holds|held|holding|ended|closed|concluded|opened|wrapped\s+up)\s+its\s+(?P<ord2>next|" + _ORD_WORDS
    + r"|\d{1,3}(?:st|nd|rd|th))\s+(?:meeting|session)\b|"
    r"\b[Tt]he\s+(?i:council|commission|committee)['\u2019]s\s+(?P<ord3>next|" + _ORD_WORDS
    + r")\s+(?:meeting|session)\b|"
    # "Its next meeting is due to be held in Vientiane": the body named in the sentence before
    r"^\s*Its\s+(?P<ord4>next|" + _ORD_WORDS + r")\s+(?:meeting|session)\b|"
    # "set up a Coordination Council, whose first meeting will be held in Manama early next year"
    r",\s+whose\s+(?P<ord5>next|" + _ORD_WORDS + r")\s+(?:meeting|session|sitting)\s+(?:will|would|is|should)\b|"
    # "The commission is to meet next in Bratislava in 2025": the body named before, its next session
    r"^\s*The\s+(?:commission|council|committee)\s+(?:is\s+to|will|would|should|is\s+(?:due|expected|scheduled|set)\s+to)"
    r"\s+(?:next\s+)?(?:meet|convene)\b(?P<ord6>)")
NOT_MET_SINCE_RE = re.compile(r"\b[Tt]he\s+" + BODY
                              + r"(?:\s+(?:for|on)\s+[A-Z][\w\-]*(?:\s+(?:and\s+)?[A-Z][\w\-]*){0,3})?"
                              r",?\s+which\s+(?:(?:has|had)\s+not\s+(?:met|convened|been\s+convened|sat)\s+since|"
                              r"last\s+(?:met|convened|sat)\s+in)\s+(?P<year>(?:19|20)\d{2})\b")
# "decided to establish a High-Level Cooperation Council and to hold its first meeting": the body set up
ESTABLISH_BODY_RE = re.compile(r"\b(?:establish|establishing|established|set\s+up|setting\s+up|create|creating|"
                               r"created|form|forming|formed|launch|launching|launched)\s+(?:a|an|the)\s+(?:new\s+)?"
                               + BODY)
# "The Egyptian-Djiboutian joint committee is expected to meet in Djibouti": a body named in lower case
LOWER_BODY_MEETS_RE = re.compile(
    # ("the joint permanent commission on transport would meet in Harare in August": the pair left unsaid)
    r"\b[Tt]he\s+(?P<body>(?:joint\s+)?(?:[A-Z][\w\-]+[-\u2013][A-Z][\w\-]+\s+)?(?:(?:joint|intergovernmental|bilateral|"
    r"mixed|permanent|binational|high-level|steering|technical|border)\s+)+(?:[a-z]+\s+)?(?:council|commission|"
    r"committee)(?:\s+(?:on|for)\s+[a-z][\w\- ]{2,50}?)?)(?:\s+that\s+[^.;,]{3,60}?)?\s+"
    # ("The A-B intergovernmental commission on economic cooperation should hold its next session in Athens")
    r"(?:will|would|should|is to|is due to|is set to|is expected to|plans to|met|meets|convened|will convene)\s*"
    r"(?:meet|convene)?\b")
COMMITTED_RE = re.compile(r"\b(?:" + "|".join(DATA["commitment_verbs"]) + r")\s+"
                          r"(?:(?:on\s+\w+|yesterday|today|on\s+\d{1,2}\s+\w+|last\s+\w+)\s+)?to\b[^.;]*$", re.I)
# "the Council of heads of regions": a body's capitalised head with a lower-case "of" phrase
LOWER_OF_BODY_RE = re.compile(r"\b[Tt]he\s+(?P<body>(?:[A-Z][\w\-]*\s+){0,3}(?:" + "|".join(DATA["council_heads"])
                              + r")\s+of\s+[a-z][\w\-]*(?:\s+(?:of\s+)?[a-z][\w\-]*){0,3}?)"
                              r"(?=\s+(?:and|to|in|on|at|that|which|will|would|is|was)\b|[,.;]|$)")
BODY_MEETS_RE = re.compile(r"\b[Tt]he\s+" + BODY
                           + r"(?:\s+(?:for|on)\s+[A-Z][\w\-]*(?:\s+(?:and\s+)?[A-Z][\w\-]*){0,3})?"
                           r"(?:\s*\([A-Z]{2,6}\))?\s+(?:will|would|is to|is due to|is set to|is expected to|"
                           r"plans to|should|met|meets|convened|will convene|would convene|would next convene|"
                           r"will next meet|"
                           r"would next meet|will next convene|(?:which\s+|that\s+)?took place|"
                           r"(?:which\s+|that\s+)?was held|(?:which\s+|that\s+)?takes place)\s*(?:meet|convene)?\b")
# "the first Supreme Interstate Council meeting"; "the 100th meeting of the joint commission for demarcating
# the border" (a body named in lower case)
ORD_BODY_RE = re.compile(r"\b[Tt]he\s+" + ORD + r"\s+" + BODY + r"\s+(?:meeting|session|sitting)\b")
_NTH = r"(?P<ord>" + "|".join(sorted(ORDINALS, key=len, reverse=True)) + r"|\d+(?:st|nd|rd|th)|next)"
# ("the first meeting of their free trade agreement joint committee by video conference": what the body serves
# before it)
LOWER_BODY_RE = re.compile(r"\b" + _NTH + r",?\s+(?:meeting|session|sitting)\s+of\s+(?:the|a|an|their)\s+"
                           r"(?P<body>(?:[A-Z][\w\-]*\s+)?(?:(?!joint\b)[a-z][\w\-]*\s+){0,3}?"
                           r"(?:joint|intergovernmental|inter-governmental|interstate|inter-state|bilateral|mixed|"
                           r"binational|bi-national|"
                           r"permanent|high-level|high level)\s+(?:[a-z][\w\-]*\s+)?(?:council|commission|committee)"
                           r"(?:\s+(?:for|on)\s+[a-z][\w\- ]{2,50}?)?)(?=[,.;]|\s+(?:in|on|at|was|were|held|took|"
                           r"which|that|and|during|will|would|is|are|by|via)\b)")
# "agreed to hold the session of the Algerian-Slovenian joint commission in Ljubljana in 2023": its coming session
HOLD_THE_SESSION_RE = re.compile(r"\b(?:hold|holding|convene|convening|host|hosting)\s+the\s+"
                                 r"(?:meeting|session|sitting)\s+of\s+the\s+"
                                 + LOWER_BODY_RE.pattern.split(r"\s+of\s+(?:the|a|an|their)\s+", 1)[1])
# "the Fifth Binational Cabinet", "the sixth Joint Commission": an ordinal before a standing body is its session
# ("which closes the Presidential Meeting and 15th Peru-Ecuador Binational Cabinet": the article shared)
ORD_BODY_ALONE_RE = re.compile(r"\b(?:[Tt]he|and)\s+(?i:" + ORD + r"|(?P<next>next))\s+" + BODY
                               + r"\b(?!\s+(?:meeting|session|sitting)\b)")
# "the fourth joint meeting of the two governments": the two cabinets meeting as one body
# ("a joint session of the two governments, which the Slovenian side proposes to hold in Brdo in the autumn")
GOVERNMENTS_RE = re.compile(r"\b(?:" + _NTH + r"|a|the\s+next)\s+"
                            r"(?P<body>joint\s+(?:meeting|session|sitting)\s+of\s+(?:the\s+)?"
                            r"(?:two\s+|both\s+)?(?:governments|cabinets))\b", re.I)
LAUNCH_RE = re.compile(r"\b(?:launched|inaugurated|established|set up)\s+(?:the\s+work\s+of\s+)?the\s+" + BODY)
# "agreed to convene the Sri Lanka-Maldives Joint Commission in Male later this year": a session of it
CONVENE_RE = re.compile(r"\b(?:convene|convenes|convened|convening|reconvene|reconvened)\s+the\s+" + BODY)


# Every pattern of council_sessions holds one of these words (a body's head or a session noun): a sentence
# without any is not scanned by the eight patterns (most sentences of an article)
SESSION_GATE_RE = re.compile("|".join(DATA["council_heads"] + DATA["session_nouns"] + ["governments", "cabinets"]),
                             re.I)
# "The meeting was held in Cairo on October 18-19": the session named in the sentence before, told again
# ("The session, held on Thursday and Friday at the Convention Centre, was co-chaired by ...")
HELD_BACK_RE = re.compile(r"^\s*(?:The|This|That)\s+(?:meeting|session|sitting)\s*(?:,\s*|\s+(?:was|were)\s+)"
                          r"(?:held|convened)\b")


class SessionFinder:
    """Sessions of bilateral bodies (a mixin of the event extractor)."""

    def session_told_back(self, doc: Doc, sent: Span, index: int) -> None:
        """"Russia and Egypt signed the protocol of the 14th meeting of the Commission ... The meeting was held in
        Cairo on October 18-19": the second sentence gives the session named just before its days and place."""
        recent = getattr(self, "recent_session", None)
        if not recent or index - recent[0] != 1 or not HELD_BACK_RE.match(span_text(sent)):
            return
        session = recent[1]
        start, end, t = nearest_date(doc, sent, sent.start_char)
        if start:
            session["start"], session["end"] = start, end
            session["status"] = status_of(span_text(sent), start, end, doc._.dct, None, "past")
        place = self._place_after(span_text(sent), 0)
        if place:
            session["location"] = place
        session["sources"].append(source(sent.start_char, sent.end_char))

    def council_sessions(self, doc: Doc, sent: Span, main: dict | None, taken: list) -> list[dict]:
        if not SESSION_GATE_RE.search(span_text(sent)):
            return []
        out = []
        seen = set()
        for rx, default_ord in ((SESSION_RE, None), (ORD_BODY_RE, None), (ORD_BODY_ALONE_RE, None),
                                (GOVERNMENTS_RE, None), (LOWER_BODY_RE, None), (LAUNCH_RE, 1), (CONVENE_RE, None),
                                (LOWER_SESSION_RE, None), (BODY_MEETS_RE, None), (LOWER_BODY_MEETS_RE, None),
                                (HOLD_THE_SESSION_RE, None)):
            for m in rx.finditer(span_text(sent)):
                if re.search(r"\bfirst\b", m.group(0), re.I) and re.match(r"\s*since\b", span_text(sent)[m.end():]):
                    continue  # "the first meeting of the Commission since the pandemic": no session's number
                body = re.sub(r"^(?:the)\s+", "", (m.group("body") or "").strip())
                if rx is LOWER_SESSION_RE:
                    # "the next meeting of the council": the body named earlier in the article
                    named_here = list(LOWER_OF_BODY_RE.finditer(span_text(sent)[:m.start()])) or [
                        b for b in NAMED_BODY_RE.finditer(span_text(sent)[:m.start()])
                        if bilateral_body(b.group("body"))] or [
                        b for b in ESTABLISH_BODY_RE.finditer(span_text(sent)[:m.start()])
                        if bilateral_body(b.group("body"))]
                    if named_here:  # "transform the Forum of regions into the Council of heads of regions and
                        self.last_body = named_here[-1].group("body")  # hold its first session": that council
                    if not self.last_body:
                        continue
                    body = self.last_body
                    word = (m.group("ord") or m.group("ord2") or m.group("ord3") or m.group("ord4") or m.group("ord5")
                            or ("next" if m.group("ord6") is not None else "")).lower()
                    if word not in ("next", "previous", "last"):
                        ordinal = ORDINALS.get(word) or (int(word[:-2]) if re.fullmatch(r"\d+(?:st|nd|rd|th)", word)
                                                         else None)
                        key = f"council:{ordinal or ''}:{synonym_key(body)}"
                        a, b = sent.start_char + m.start(), sent.start_char + m.end()
                        start, _e, t = nearest_date(doc, sent, a)
                        text = span_text(sent)
                        status = status_of(text, start, None, doc._.dct, text[m.start():m.end() + 60],
                                           clause_tense(doc, a))
                        if status == "unknown" and COMMITTED_RE.search(span_text(sent)[:m.start()]):
                            status = "planned"  # "the parties agreed to ... hold its first session in autumn"
                        nth = nth_word(ordinal or 0)
                        out.append({
                            "kind": "event", "event_type": "council_session",
                            "title": f"{nth} session of the {body}", "status": status, "start": start, "end": None,
                            "location": self._place_near(span_text(sent), m.start()),
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
                            "end": None, "location": self._place_after(span_text(sent), m.end()),
                            "countries": list(main["countries"]) if main else dyad_of(doc),
                            "guest": None, "host": None, "level": None, "participants": [],
                            "object_key": key, "parent": None, "body": body, "sources": [source(a, b)],
                        })
                    continue
                word = (m.groupdict().get("ord") or "").lower()
                lead = re.match(r"(?P<w>" + _ORD_WORDS + r")\s+", body, re.I)
                if lead and rx is not GOVERNMENTS_RE:
                    # "the Fourth Binational Cabinet will be held": the ordinal numbers the session
                    body, word = body[lead.end():], word or lead.group("w").lower()
                if rx is GOVERNMENTS_RE:
                    # (named as the text names it, "joint session" or "joint meeting"; one body either way)
                    body = "joint " + m.group("body").split()[1].lower() + " of the governments"
                self.last_body = body
                lower_body = rx in (LOWER_BODY_RE, GOVERNMENTS_RE, LOWER_BODY_MEETS_RE, HOLD_THE_SESSION_RE)
                if not lower_body and (not bilateral_body(body) or len(body.split()) < 2):
                    continue
                ordinal = ORDINALS.get(word) or (int(re.match(r"\d+", word).group(0)) if re.match(r"\d+", word)
                                                 else None) or default_ord
                key = f"council:{ordinal or ''}:{synonym_key(body)}"
                if key in seen:
                    continue
                seen.add(key)
                a, b = sent.start_char + m.start(), sent.start_char + m.end()
                taken.append((a, b))
                start, end, own, countries, ref = self._context(doc, sent, main, a)
                named = sorted({c["alpha3"] for c in country_mentions(doc, a, b)})
                if len(named) == 2 and set(named) != set(countries):
                    # "the seventh meeting of the Pakistan-Türkiye Council" in a story on Türkiye-Malaysia:
                    # the body's name says whose session it is
                    countries, ref = named, None
                committed = COMMITTED_RE.search(span_text(sent)[:m.start()])
                if committed and own:
                    # "agreed on Saturday to convene the X Commission in Victoria in April": the date after the
                    # commitment is the session's, the one before it the agreement's
                    ahead = [t for t in dates_in(doc, b, sent.end_char) if not re.search(
                        r"[;]|,\s+(?:as|while|when|after|before)\b", text_of(doc)[b:t.start])]
                    if ahead and start not in {t.iso_date() for t in ahead}:
                        start, end = ahead[0].iso_date(), None
                days = closed_on(doc, sent, b, start) if own else None
                if days:
                    start, end = days  # "The 6th session ... closed yesterday": its last day
                text = span_text(sent)
                status = status_of(text, start, end, doc._.dct, text[max(0, m.start() - 60):m.end() + 60],
                                   clause_tense(doc, a))
                if status == "unknown" or (status == "planned" and not own and main and main["status"] == "occurred"):
                    status = main["status"] if main else "unknown"
                if COMMITTED_RE.search(span_text(sent)[:m.start()]) and not (own and before_dct(start, doc._.dct)):
                    status = "planned"  # "the ministers agreed to convene the Sixth Session of the Commission"
                location = main.get("location") if main else None
                # ", held in Beijing last December"; "... Commission on Trade and Economic Cooperation
                # was held in Dushanbe" (the body's name runs on past the head word)
                # ("... Meeting (RAN) was held on Thursday in Rabat": an acronym, a day between)
                held_in = re.match(r"(?:\s+(?:on|for)\s+[^.;]{0,90}?)?(?:\s*\([A-Z][A-Za-z]{1,8}\))?\W{0,3}"
                                   r"(?:(?:which|that)\s+)?"
                                   r"(?:(?:was|were|is|will be)\s+)?(?:held|hosted|convened|"
                                   r"took place|takes place|meeting)\s+(?:(?:today|yesterday|this\s+week|"
                                   r"on\s+[\w ,]{3,25}?)\s+)?in\s+",
                                   span_text(sent)[m.end():m.end() + 140])
                if held_in:
                    # ", held in Beijing last December"
                    location = self._place_after(span_text(sent), m.end()) or location
                if re.search(r"\bDecision\b", span_text(sent)[max(0, m.start() - 30):m.start()]):
                    status = "occurred"  # a decision of a session means the session took place
                elif prepared_for(span_text(sent), m.start()):
                    # "discussed preparations for the first meeting of the Council in a phone call on
                    # Sunday": Sunday is the call's
                    status = "planned"
                    if own and before_dct(start, doc._.dct):
                        start = None
                    location = self._place_after(span_text(sent), m.end()) or location
                elif (prospective(span_text(sent), m.start(), m.end()) or (
                        # "agreed that the X Commission should meet in Lusaka before the end of the year"
                        rx is BODY_MEETS_RE and re.search(r"\b(?:will|would|should|is\s+to|is\s+due\s+to|is\s+set\s+to|"
                                                          r"is\s+expected\s+to|plans\s+to)\s+(?:\w+\s+)?(?:meet|convene)$",
                                                          m.group(0)))) \
                        and not (own and before_dct(start, doc._.dct)):
                    status = "planned"
                    location = self._place_after(span_text(sent), m.end()) or location
                if status == "planned" and re.search(r"\b(?:held|hosted|take place|convene|meet)\s+in\s+(?!" +
                                                     re.escape(location or "~") + r")[A-Z]", span_text(sent)[m.end():]):
                    location = self._place_after(span_text(sent), m.end())  # "will be held in Serbia next year"
                if re.match(r"(?:\s+(?:on|for|and|of)\s+[^.;,]{0,90}?)?(?:\s*(?:today|yesterday))?\s+in\s+[A-Z]",
                            span_text(sent)[m.end():m.end() + 110]):
                    # "will meet in Addis Ababa"; "the 13th meeting of the Joint Committee on Economic
                    # Cooperation in Seoul in December"
                    location = self._place_after(span_text(sent), m.end()) or location
                elif status == "planned" and main and main["status"] == "occurred" and \
                        location == main.get("location") and not self._place_after(span_text(sent), m.end()):
                    location = None  # a later session is not where the visit that announced it took place
                filed = self.gaz.country_of(self.filed_place) if getattr(self, "filed_place", None) else None
                if not location and own and status == "occurred" and filed and filed[0] in countries and \
                        filed[1] in ("capital", "city"):
                    location = self.filed_place  # "Cape Town – ... co-chaired the 11th session ... at the X Centre"
                if own and start and len(start) == 10 and location:
                    self.narrative_place = location
                nth = nth_word(ordinal) if ordinal else ""
                if not ordinal and (re.search(r"\bnext\s+$", span_text(sent)[:m.start()]) or m.groupdict().get("next")
                                    or word == "next"):
                    # "proposed that the next session of the X Commission be held in Budapest in October": to
                    # come, in the coming October when the month has passed this year
                    nth, status, key = "next", "planned", f"council:next:{synonym_key(body)}"
                    _s, _e, told = nearest_date(doc, sent, a)
                    if start and len(start) == 7 and doc._.dct and start < doc._.dct[:7] and told is not None \
                            and not re.search(r"\d{4}", told.text):
                        start = f"{int(start[:4]) + 1}{start[4:]}"
                out.append({
                    "kind": "event", "event_type": "council_session",
                    "title": f"{nth + ' ' if nth else ''}session of the {body}", "status": status,
                    "start": start, "end": end if days else None, "location": location,
                    "countries": countries, "guest": None, "host": None, "level": None, "participants": [],
                    "object_key": key, "parent": ref, "body": body,
                    "sources": [source(a, b)],
                })
        for m in NOT_MET_SINCE_RE.finditer(span_text(sent)):
            # "the X Joint Commission, which has not met since 2019, would hold its next session in Y": its last
            # session was in 2019
            body = m.group("body")
            if not bilateral_body(body):
                continue
            named = sorted({c["alpha3"] for c in country_mentions(doc, sent.start_char + m.start(),
                                                                   sent.start_char + m.end())})
            out.append({
                "kind": "event", "event_type": "council_session", "title": f"previous session of the {body}",
                "status": "occurred", "start": m.group("year"), "end": None, "location": None,
                "countries": named if len(named) == 2 else (list(main["countries"]) if main else dyad_of(doc)),
                "guest": None, "host": None, "level": None, "participants": [],
                "object_key": f"council:last:{synonym_key(body)}:{m.group('year')}", "parent": None, "body": body,
                "sources": [source(sent.start_char + m.start(), sent.start_char + m.end())],
            })
        # "The seventh session of the Council ... the Council will meet": one session, the numbered one
        unnumbered = ("council::", "council:last:")
        numbered = {synonym_key(o["body"]) for o in out if not o["object_key"].startswith(unnumbered)}
        return [o for o in out if not (o["object_key"].startswith("council::") and synonym_key(o["body"]) in numbered)]

