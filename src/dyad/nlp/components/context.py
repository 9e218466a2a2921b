"""What the event, agreement and project components need to know about a sentence:
its dates, its status cues, the persons and countries in it."""

from __future__ import annotations

import re
from functools import cache

from spacy.tokens import Doc, Span
from unidecode import unidecode

from dyad.nlp.components.util import country_dicts_in, patterns, span_text, text_of, within, word_alternation

RANGE_END = re.compile(r"\d{1,2}\s*(?:-|\u2013|\u2014|to|and|until)\s*(\d{1,2})\b")


@cache
def cue_regex(name: str, key: str) -> re.Pattern[str]:
    words = sorted(patterns(name)[key], key=len, reverse=True)
    return re.compile(r"(?<![\w-])(?:" + "|".join(re.escape(w) for w in words) + r")(?![\w-])", re.I)


def has_cue(text: str, key: str, name: str = "events") -> bool:
    return bool(cue_regex(name, key).search(text))


def dates_in(doc: Doc, start: int, end: int) -> list:
    """Calendar-date timexes (not PRESENT_REF and the like) between two offsets."""
    return [t for t in within(doc, "timexes", doc._.timexes or [], start, end, _tx_start, _tx_end)
            if t.type in ("DATE", "TIME") and t.iso_date()]


def _tx_start(t) -> int:  # type: ignore[no-untyped-def]
    return t.start


def _tx_end(t) -> int:  # type: ignore[no-untyped-def]
    return t.end


def date_range(t) -> tuple[str | None, str | None]:  # type: ignore[no-untyped-def]
    """(start, end) of a date timex; "March 11-12" gives both days."""
    start = t.iso_date()
    end = None
    m = RANGE_END.search(t.text)
    if start and len(start) == 10 and m:
        day = int(m.group(1))
        if int(start[8:10]) < day <= 31:
            end = f"{start[:8]}{day:02d}"
    return start, end


NUMBER_WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7}
DAYS_RE = re.compile(r"\b(?P<n>\d|one|two|three|four|five|six|seven)[- ]day\b|\bday-long\b|"
                     # "an official visit lasting two days", "a visit of three days"
                     r"\b(?:lasting|of|[Oo]ver)\s+(?P<n2>two|three|four|five|six|seven|\d)\s+days\b|"
                     # "a two-week trip to the United States"
                     r"\b(?P<wk>one|two|three|\d)[- ]week\b", re.I)


# "exactly one year after he signed", "two years to the day after": what the after-clause tells, that many years back
YEARS_AFTER_RE = re.compile(r"\b(?:exactly\s+|almost\s+|nearly\s+|just\s+|some\s+)?(?P<n>an?|one|two|three|four|five|"
                            r"six|seven|\d{1,2})\s+years?\s+(?:to\s+the\s+day\s+)?after\b[^,;.]{0,80}$", re.I)


def years_earlier(iso: str, n: int) -> str:
    """The ISO date ``n`` years before (29 February falls on the 28th)."""
    year = int(iso[:4]) - n
    rest = iso[4:]
    return f"{year:04d}{'-02-28' if rest == '-02-29' else rest}"


def days_told(word: str) -> int:
    """The number of days a "two-day", "3-day" or "seven days" tells."""
    return int(NUMBER_WORDS.get(word.lower(), word))


def length_told(m: re.Match) -> int:
    """The number of days a match of DAYS_RE tells ("three-day": 3, "two-week": 14, "day-long": 1)."""
    if m.group("wk"):
        return 7 * days_told(m.group("wk"))
    word = m.group("n") or m.group("n2")
    return days_told(word) if word else 1


def span_end(text: str, start: str | None) -> str | None:
    """End day from "a two-day visit" / "a day-long visit" and a known first day."""
    import datetime as dt

    m = DAYS_RE.search(text)
    if not m or not start or len(start) != 10:
        return None
    n = length_told(m)
    try:
        day = dt.date.fromisoformat(start) + dt.timedelta(days=n - 1)
    except ValueError:
        return None
    return day.isoformat()


# A date after these words bounds a period rather than dating the event ("since 2015").
# "since March", "as of May", "the 30th anniversary of 17 November 1989": a date that bounds or is
# commemorated, not when the event told is
NOT_EVENT_DATE = re.compile(r"\b(?:since|until|till|before|after|by|through|dating from|as of|dated|"
                            r"anniversary\s+of)\s+(?:the\s+)?$", re.I)


DATELINE_DATE_BEFORE = re.compile(r"(?:^|\n)[A-Z][A-Za-z .'\-\u00c0-\u017f]{1,40},\s*(?:[A-Z][a-z]+,\s*)?$")
DATELINE_DATE_AFTER = re.compile(r",?\s*(?:\d{4}\s*)?(?:\([^)\n]{1,40}\)\s*)?(?:-{1,2}|\u2013|\u2014|:)\s")
# the currency and quantity words the metric lexicon knows ("dollars", "CFA francs", "riyals", "tonnes")
_METRICS = patterns("metrics")
_AMOUNT_WORDS = word_alternation(list(_METRICS["currency_words"]) + list(_METRICS["mass_units"]) + ["barrels"])
FIGURE_BEFORE = re.compile(r"(?:[$\u20ac\u00a3\u00a5]\s?\d[\d.,]*|\d[\d.,]*\s*(?:%|percent|per cent)|"
                           # "about 1.2 billion dollars last year", "650 billion CFA francs in 2018",
                           # "410 million Kuwaiti dinars last year"
                           r"\d[\d.,]*\s+(?:(?:million|billion|trillion|bn|mln)\s+)?(?:US\s+|CFA\s+|[a-z]{3,12}\s+)?"
                           r"(?:" + _AMOUNT_WORDS + r"))\s*"
                           r"(?:(?:million|billion|trillion|bn|mln)\s+)?(?:[a-z]{1,12}\s+)?(?:in|during)?\s*$",
                           re.I)


REPORTED_ON = re.compile(r"\b(?:said|says|announced|told\s+\w+|reported|stated|added|confirmed|wrote|tweeted)"
                         r"\s+(?:on\s+|late\s+|early\s+)?$")


# a relative clause set off by commas ("X, who arrived on Sunday from New Delhi, met ...")
RELATIVE_CLAUSE = re.compile(r",\s+(?:who|which|whose)\s[^,;.]{3,140},")


PLANNED_FOR_RE = re.compile(r"\b(?:planned|scheduled|set|slated|due|expected|envisaged|foreseen)\s+for\s+$")


def nearest_date(doc: Doc, sent: Span, anchor: int) -> tuple[str | None, str | None, object | None]:
    text = text_of(doc)

    def began_on(t) -> bool:  # type: ignore[no-untyped-def]
        # "has been on a working visit to Tunisia since Sunday": the day right after "since" is when it began
        return anchor < t.start and len(t.iso_date() or "") == 10 and bool(re.search(
            r"\b(?:has|have)\s+been\s+(?:on|in)\b[^.;]{0,80}\bsince\s+$", text[max(0, anchor - 60):t.start]))

    def bounds_a_period(t) -> bool:  # type: ignore[no-untyped-def]
        if began_on(t):
            return False
        if NOT_EVENT_DATE.search(text[max(0, t.start - 20):t.start]) and not re.match(
                r"(?:the\s+)?end\s+of\s+(?:the|this)\s+year\b", t.text, re.I):
            # ("would hold its next session before the end of the year": this year, as a deadline)
            # ... unless "since November 2018, when he inaugurated X": the when-clause happened then
            return not (re.match(r",?\s+when\b", text[t.end:t.end + 8]) and anchor > t.end)
        if len(t.iso_date()) != 4:
            return False
        if re.search(r"\b(?:the|their|its|our|his|her|this|that)\s+$", text[max(0, t.start - 7):t.start]) and \
                re.match(r"\s+[a-z]", text[t.end:t.end + 3]):
            return True  # "a protocol amending the 1996 agreement": the year names that other thing
        # "a programme for 2024-2030", "a Programme of Cultural Cooperation for 2026-2028": a period
        # (not "is planned for 2023", "scheduled for next year": the date of what is planned)
        return bool((re.search(r"\bfor\s+$", text[max(0, t.start - 5):t.start]) and not PLANNED_FOR_RE.search(
            text[max(0, t.start - 20):t.start]))
                    or re.search(r"\d{4}\s*(?:[-\u2013]|to|until|through)\s*$", text[max(0, t.start - 12):t.start])
                    or re.match(r"\s*(?:[-\u2013]|to|until|through)\s*\d{4}", text[t.end:t.end + 12]))

    # The parser sometimes ends a sentence early ("... Commission for Cooperation, | which ministers
    # co-chaired in Abuja on Sunday."): the written sentence, up to its full stop, is the window.
    rest = text[sent.end_char - 1:min(len(text), sent.end_char + 200)].split("\n", 1)[0]  # not past a line end
    stop = re.search(r"[.!?](?=\s|$)", rest)
    end = sent.end_char - 1 + stop.end() if stop and not re.search(r"[.!?]\s*$", span_text(sent)) else sent.end_char
    cands = [t for t in dates_in(doc, sent.start_char, end) if not bounds_a_period(t)]
    # "his first trip since winning re-election earlier this month": the date belongs to the
    # since-clause between the trigger and it, not to the trip.
    cands = [t for t in cands if not (anchor < t.start and re.search(
        r"\b(?:since|until|till)\b[^,;.()\u2013\u2014]{0,100}$", text[anchor:t.start], re.I)) or began_on(t)]
    # ("X, on his first official visit to C since taking office in June, met Y": before the cue too)
    cands = [t for t in cands if not (t.end <= anchor and re.search(
        r"\bsince\s+(?:taking|assuming|becoming|winning|being)\b[^,;.()\u2013\u2014]{0,50}$",
        text[max(0, t.start - 70):t.start], re.I))]
    # "LIMA, June 14 - The secretaries would meet in Quito in September": the dateline's date is the report's;
    # another date in the sentence dates the event
    dateline = [t for t in cands if DATELINE_DATE_BEFORE.search(text[max(0, t.start - 60):t.start])
                and DATELINE_DATE_AFTER.match(text[t.end:t.end + 40])]
    if dateline and len(dateline) < len(cands):
        cands = [t for t in cands if t not in dateline]
    # "X will on Friday host Y for a state visit, his office said on Tuesday": the date of the
    # reporting clause is when it was said, not when the event is; another date in the sentence wins
    # (the dateline's is no other date: "PRETORIA, 16 November - X said on Tuesday after co-chairing the session").
    told = [t for t in cands if REPORTED_ON.search(text[max(0, t.start - 30):t.start])]
    if told and len(told) < len(cands):
        cands = [t for t in cands if t not in told]
    # "agreed on Monday to lift trade ..., up from $14.1 billion last year": the year after a figure
    # dates the figure; another date in the sentence dates the event.
    figures = [t for t in cands if FIGURE_BEFORE.search(text[max(0, t.start - 40):t.start])]
    if figures and len(figures) < len(cands):
        cands = [t for t in cands if t not in figures]
    # "X, who arrived in Hanoi on Sunday, met Y on Monday": a relative clause's date is its own, not the
    # main verb's after it ("the Agreement, which was signed in July, ..." keeps its date)
    clauses = [(r.start(), r.end()) for r in RELATIVE_CLAUSE.finditer(text, sent.start_char, end)] \
        if "," in span_text(sent) else []
    cands = [t for t in cands if not any(a <= t.start < b <= anchor for a, b in clauses)]
    # ("A session of the Commission, which last met in 2017, is planned for Niamey next year": after the cue
    # too, a relative clause's date is its own when the sentence gives another)
    inside = [t for t in cands if any(anchor < a <= t.start < b for a, b in clauses)]
    if inside and len(inside) < len(cands):
        cands = [t for t in cands if t not in inside]
    if not cands:
        return None, None, None

    def other_clause(t) -> bool:  # type: ignore[no-untyped-def]
        # "X visited Tokyo in February 2023, and the two leaders last met in October": the
        # first date is the other clause's.
        between = text[min(t.end, anchor):max(t.start, anchor)]
        if t.end <= anchor and re.search(r"\band\s+(?:will\s+|would\s+|is\s+to\s+)?(?:then\s+|later\s+|also\s+)?"
                                          r"(?:held|met|signed|received|hosted|visited|attended|toured|laid|opened|"
                                          r"inaugurated|witnessed|hold|meet|sign|receive|host|visit|attend)\b",
                                          text[t.end:anchor + 12]):
            return True  # "arrived in New Delhi on Friday and held talks ... on Saturday": the arrival's day
        if t.end <= anchor:
            # ("..., up from 1.2 billion last year, after talks between X and Y on Friday": the cue's own
            # "after" opens the clause)
            between = text[t.end:anchor + 7]
            if re.search(r"^[^,;.]{0,25}\bafter\s+(?:concluding|completing|wrapping\s+up|ending)\b", between) and \
                    len(cands) > 1:
                return True  # "returned home on Tuesday after concluding his visit, paid on October 16-17"
        # ("returned on Saturday from Seoul, where he met X on 5 June": the where-clause has its own day)
        return bool(re.search(r",\s+(?:and|but|while|whereas|after|before|where)\s|;\s", between))

    # "X met Y at the ministry, where they reviewed ..., and agreed that the committee would meet next year":
    # a date still to come, in a later clause, is no date of what the past verb tells
    if doc._.dct and clause_tense(doc, anchor) == "past":
        cands = [t for t in cands if not (t.start > anchor and other_clause(t) and t.iso_date()
                                          and not before_dct(t.iso_date(), doc._.dct))]
        if not cands:
            return None, None, None
    # "talks on November 1, as part of his official visit to Qatar from October 31 to November 1": a span
    # the trigger's own phrase opens with "from" is its date, however near another one stands
    spans = [t for t in cands if t.start > anchor and re.fullmatch(r"[^,;.()]{0,40}\bfrom\s+", text[anchor:t.start])
             and re.match(r"\s*(?:to|until|till|through|[-\u2013])\s*", text[t.end:t.end + 10])]
    t = spans[0] if spans else min(cands, key=lambda t: (other_clause(t), abs(t.start - anchor)))
    s, e = date_range(t)
    back = YEARS_AFTER_RE.search(text[t.end:anchor]) if t.end <= anchor else None
    if back and s and not re.search(r"[.;]", text[t.end:anchor]):
        # "was in Kyiv on Monday, exactly one year after he signed the agreement": the date less the years
        n = NUMBER_WORDS.get(back.group("n").lower(), 1) if not back.group("n").isdigit() else int(back.group("n"))
        s, e = years_earlier(s, n), years_earlier(e, n) if e else None
        return s, e, t
    if s and len(s) == 10 and not e:
        # "spent Wednesday and Thursday in the capital": two days joined into one period
        for n in cands:
            joined = (text[t.end:n.start] if n.start >= t.end else text[n.end:t.start])
            day = n.iso_date()
            if n is not t and len(day) == 10 and re.fullmatch(r"\s+(?:and|to|through|until|till)\s+|\s*[-\u2013]\s*",
                                                              joined) and abs(_days(day) - _days(s)) <= 7:
                s, e = min(s, day), max(s, day)
                break
    return s, e, t


def _days(iso: str) -> int:
    import datetime as dt

    return dt.date.fromisoformat(iso).toordinal()


def _cmp_dates(a: str, b: str) -> int:
    n = min(len(a), len(b))
    return (a[:n] > b[:n]) - (a[:n] < b[:n])


def clause_tense(doc: Doc, char: int) -> str | None:
    """'future', 'past' or None for the verb governing the token at ``char``."""
    span = doc.char_span(char, char + 1, alignment_mode="expand")
    if span is None or not len(span):
        return None  # (a character of white space between tokens)
    tok = span[0]
    for _ in range(5):
        if tok.pos_ in ("VERB", "AUX"):
            break
        if tok.head is tok:
            return None
        tok = tok.head
    if tok.pos_ not in ("VERB", "AUX"):
        return None
    auxes = [c for c in tok.children if c.dep_ in ("aux", "auxpass")]
    if any(a.lower_ in ("will", "shall", "'ll") for a in auxes):
        return "future"
    if any(a.lower_ in ("would", "could", "may", "might", "should", "must") for a in auxes):
        return None
    if tok.tag_ == "VBD" or any(a.tag_ == "VBD" for a in auxes) or (
            tok.tag_ == "VBN" and any(a.lower_ in ("has", "have", "had", "was", "were") for a in auxes)):
        return "past"
    if tok.tag_ == "VBN" and tok.dep_ in ("acl", "relcl", "amod"):
        return "past"  # "the documents signed during the visit"
    if tok.tag_ == "VBG" and tok.dep_ in ("advcl", "conj", "xcomp") and tok.head is not tok and \
            tok.head.pos_ in ("VERB", "AUX"):
        return clause_tense(doc, tok.head.idx)  # "moved to revive the cable on Tuesday, signing a memorandum"
    return None


WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")


def weekday_in_window(text: str, first: str, last: str) -> str | None:
    """The day named by a weekday ("on the Monday evening") within an event's dates, if exactly one."""
    import datetime as dt

    names = [i for i, w in enumerate(WEEKDAYS) if re.search(rf"\b{w}\b", text, re.I)]
    if len(names) != 1:
        return None
    try:
        a, b = dt.date.fromisoformat(first), dt.date.fromisoformat(last)
    except ValueError:
        return None
    days = [a + dt.timedelta(days=i) for i in range(min((b - a).days, 6) + 1)]
    hits = [d for d in days if d.weekday() == names[0]]
    return hits[0].isoformat() if len(hits) == 1 else None


def days_before(end: str, span_end_day: str) -> str:
    """The first day of a period that ends on ``end`` and lasts as long as ``end``..``span_end_day``."""
    import datetime as dt

    a, b = dt.date.fromisoformat(end), dt.date.fromisoformat(span_end_day)
    return (a - (b - a)).isoformat()


def days_after(day: str, n: int) -> str:
    """The day ``n`` days after ``day`` (a date of another precision is returned as it is)."""
    import datetime as dt

    if len(day) != 10:
        return day
    return (dt.date.fromisoformat(day) + dt.timedelta(days=n)).isoformat()


def visit_part_date(main: dict, dct: str | None) -> str | None:
    """The date an undated part of a visit (talks, a signing) takes from the visit: its start, unless
    the visit is dated only by an arrival or a reception, with no end. Then its parts fell that day
    or after: on the day of the lead's news if it tells one ("on Thursday signed seven agreements"
    after "arrived on Wednesday evening"), else, after a reception before the report ("was received
    by the King on Monday evening" in a Tuesday story), somewhere in its month."""
    start, dated_by = main.get("start"), main.get("dated_by")
    # (a visit that runs from an arrival to a day of its programme still sets its parts on the news day)
    if not (start and len(start) == 10 and (not main.get("end") or dated_by == "arrival") and dated_by and dct
            and start <= dct):
        return start
    news = main.get("lead_day")
    if news and start <= news <= dct:
        return news
    return start[:7] if dated_by == "reception" and start < dct else start


def before_dct(date: str | None, dct: str | None) -> bool:
    """Is the date earlier than the document date, compared at their shared precision?"""
    return bool(date and dct and _cmp_dates(date, dct) < 0)


def status_of(sent_text: str, start: str | None, end: str | None, dct: str | None, window: str | None = None,
              tense: str | None = None) -> str:
    """planned / occurred / cancelled / unknown, from dates against the document date,
    then modality and tense cues of the clause around the trigger."""
    text = window if window is not None else sent_text
    if has_cue(text, "cancel_cues"):
        return "cancelled"
    # "is in Bintan on a working visit at the invitation of X": the invitation was given, the visit is on
    text = re.sub(r"\bat\s+the\s+invitation\s+of\b", "", text, flags=re.I)
    if dct and start and len(dct) == 10 and len(start) == 10:
        last = end or start
        if _cmp_dates(last, dct) < 0:
            return "occurred"
        if _cmp_dates(start, dct) > 0:
            return "planned"
    if dct and start and _cmp_dates(start, dct) > 0:
        return "planned"  # dated after the report, at their shared precision ("a return visit in 2027")
    if dct and start and _cmp_dates(start, dct) < 0:
        return "occurred"  # dated before the report ("since November 2018, when he inaugurated ...")
    if tense == "future":
        return "planned"
    if dct and start and len(dct) == 10 and start == dct and not has_cue(text, "planned_cues"):
        return "occurred"  # "held its session in Budapest today", "who is in Hungary on a visit" today
    if tense == "past":
        return "occurred"  # the verb governing the trigger outranks cue words elsewhere in the clause
    if has_cue(text, "planned_cues"):
        return "planned"
    if dct and start and _cmp_dates(start, dct) < 0 and len(start) >= len(dct):
        return "occurred"
    if has_cue(text, "past_cues"):
        return "occurred"
    return "unknown"


CLAUSE_END = re.compile(r"[.;!?](?:\s|$)|\s[\u2013\u2014-]\s")


def prepared_for(text: str, start: int) -> bool:
    """Is the event named at text[start:] introduced as something prepared for ("preparations for the
    first meeting of ...")?"""
    return bool(_prepared_re().search(text[max(0, start - 40):start]))


@cache
def _prepared_re() -> re.Pattern[str]:
    return re.compile(r"(?:" + "|".join(re.escape(w) for w in patterns("events")["prospective_before"])
                      + r")\s+(?:the\s+|a\s+|an\s+|its\s+|their\s+)?\S*\s*$", re.I)


def prospective(text: str, start: int, end: int) -> bool:
    """Is the event named at text[start:end] told as still to come, whatever the main verb's tense?

    "exchanged views on preparations for the 10th meeting of the commission, which is scheduled to be
    held in Ashgabat later this month": the views were exchanged, the meeting is planned."""
    after = text[end:end + 110]
    cut = CLAUSE_END.search(after)
    after = after[:cut.start()] if cut else after
    # "..., the first to be held in person since October 2019": a record told of a held event
    after = re.sub(r"\bthe\s+(?:first|second|third|last|largest|biggest)\s+(?:[\w\-]+\s+){0,3}?to\s+be\s+"
                   r"(?:held|hosted|convened)\b[^,;]*?\bsince\b", "", after, flags=re.I)
    if prepared_for(text, start) and not re.search(r"\b(?:held|took place|convened|met)\b", after, re.I):
        return True
    return has_cue(after, "prospective_after") or has_cue(after, "future_time_cues")


def persons_in(doc: Doc, start: int, end: int) -> list[dict]:
    return within(doc, "persons", doc._.persons or [], start, end, _p_start, _p_end)


def _p_start(p: dict) -> int:
    return p["sources"][0]["start"]


def _p_end(p: dict) -> int:
    return p["sources"][0]["end"]


def _by_last(doc: Doc) -> dict[str, list[dict]]:
    """The article's persons by each last word of their names (see _lasts), in order; indexed
    once per persons list."""
    persons = doc._.persons or []
    cached = doc.user_data.get("dyad_by_last")
    if cached is None or cached[0] is not persons or cached[1] != len(persons):
        index: dict[str, list[dict]] = {}
        for p in persons:
            for last in _lasts(p):
                index.setdefault(last, []).append(p)
        cached = doc.user_data["dyad_by_last"] = (persons, len(persons), index)
    return cached[2]


def _last(name: str) -> str:
    """A name's last word without case or diacritics ("Chính" and "Chinh" are one surname)."""
    words = name.split()
    return unidecode(words[-1]).lower() if words else ""


def _lasts(p: dict) -> set[str]:
    return {_last(n) for n in {p["name"], *(p.get("aliases") or [])}}


def _surname_first(doc: Doc, person: dict) -> list[dict]:
    """"Li" after "Premier Li Qiang": a one-word mention that is the first word of exactly one longer
    name of the article, and the last word of none (names written surname first); else a middle word of
    exactly one name of three words or more (a surname of two words)."""
    words = person["name"].split()
    if len(words) != 1 or any(len(p["name"].split()) > 1 for p in _by_last(doc).get(_last(person["name"]), [])):
        return []
    key = unidecode(words[0]).lower()
    hits = [p for p in doc._.persons or [] if len(p["name"].split()) > 1
            and unidecode(p["name"].split()[0]).lower() == key]
    if not hits and words[0][:1].isupper():
        # "Mr. Mwenze" after "Olivier Mwenze Mukaleng", "Lopez" after "Andres Manuel Lopez Obrador": the first
        # word of a surname of two words
        hits = [p for p in doc._.persons or [] if len(p["name"].split()) > 2
                and key in (unidecode(w).lower() for w in p["name"].split()[1:-1])]
    return hits if len({p["name"] for p in hits}) == 1 else []


def person_country(doc: Doc, person: dict) -> str | None:
    """A person's country, looking at other mentions of the same surname in the article."""
    if person.get("country"):
        return person["country"]
    last = _last(person["name"])
    for p in [*_by_last(doc).get(last, []), *_surname_first(doc, person)]:
        if p.get("country"):
            return p["country"]
    return None


def full_name(doc: Doc, person: dict) -> str:
    last = _last(person["name"])
    names = [p["name"] for p in [*_by_last(doc).get(last, []), *_surname_first(doc, person)]]
    # a longer name of the same person holds every word of this one: brothers share "bin Zayed Al Nahyan"
    names = [n for n in names if _holds_words(n, person["name"])] or [person["name"]]
    return max(names, key=lambda n: (len(n.split()), len(n)), default=person["name"])


def _holds_words(longer: str, name: str) -> bool:
    """Every word of a name of two words or more is in the longer one (an initial "R." matches "Romualdez")."""
    own = [w.strip(".,") for w in unidecode(name).lower().split()]
    if len(own) < 2:
        return True
    words = [w.strip(".,") for w in unidecode(longer).lower().split()]
    if any(a in ("bin", "ibn", "bint", "binti", "ben") and words[i + 1:i + 1 + len(own)] == own
           for i, a in enumerate(words[:-1])):
        return False  # "Abdullah II" is the father in "Al Hussein bin Abdullah II", not the son
    return all((w in words) if len(w) > 1 else any(x.startswith(w) for x in words) for w in own if w)


def country_mentions(doc: Doc, start: int, end: int, forms: tuple[str, ...] | None = None) -> list[dict]:
    return [m for m in country_dicts_in(doc, start, end) if forms is None or m["form"] in forms]


DATELINE_DAY_RE = re.compile(r"\s*[A-Z][A-Z .'\-]{2,30}(?:,\s+[A-Z][\w .'\-]{2,30})?,\s+|"
                             # "Astana, 16 October 2023. ...", "Ulaanbaatar, October 18 /Agency/. ...": a town in
                             # title case, the date right after it
                             r"\s*[A-Z][\w .'\-]{2,30}?,\s+"
                             r"(?=\d{1,2}\s+[A-Z][a-z]+\s+\d{4}|[A-Z][a-z]+\.?\s+\d{1,2}\b)")


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


# "received the Kenyan President": a guest told by his country and office
# ("received the Hungarian minister": the minister of that country named before)
GUEST_BY_OFFICE_RE = re.compile(r"\s+the\s+(?P<adj>[A-Z][a-z]+)\s+(?P<office>(?i:president|prime\s+minister|premier|"
                                r"chancellor|king|emir|amir|sultan|monarch|vice\s+president|foreign\s+minister|"
                                r"minister))\b")


def role_antecedent(doc: Doc, phrase: str, before: int, side: str | None = None) -> dict | None:
    """The person a title stands for ("the Prime Minister"): the last one named before ``before``
    whose office begins with that title; of two (both sides' prime ministers), the one of ``side``
    (the visitor's country, the one the story follows)."""
    title = re.sub(r"^(?:the|a|an)\s+", "", phrase.strip(), flags=re.I).lower()
    if len(title) < 4:
        return None
    # ("the Uzbek Foreign Minister" is the "Minister of Foreign Affairs of Uzbekistan" named before)
    titles = (title,) + ((f"minister of {title.split()[0]} affairs", f"minister for {title.split()[0]} affairs")
                         if re.fullmatch(r"(?:foreign|interior|home|economic)\s+minister", title) else ())
    if title == "monarch":
        titles = ("king", "queen", "sultan", "emir", "amir")  # "the Omani monarch": the Sultan named before
    named = [p for p in persons_in(doc, 0, before) if (p.get("role") or "").lower().startswith(titles)
             # ("received the Belgian minister": any minister of that side, "Energy Minister" too)
             or (title == "minister" and side and re.search(r"\bminister\b", (p.get("role") or "").lower()))]
    own = [p for p in named if side and person_country(doc, p) == side]
    return (own or named or [None])[-1]
