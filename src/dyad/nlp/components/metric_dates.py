"""Metrics: period ("annual"), deadline ("by 2030") and the date a figure was measured or set."""

from __future__ import annotations

import re

from spacy.tokens import Doc

from dyad.nlp.components.context import before_dct
from dyad.nlp.components.metric_lexicon import DEADLINE_STOP, RANGE_TO_RE, Mention, metric_lexicon
from dyad.nlp.components.metric_progress import base_year, same_subject_and
from dyad.nlp.components.util import in_dateline, text_of
from dyad.nlp.timex import Timex


def _nearest(cands: list[Mention], pos: int) -> Mention | None:
    best, bd = None, None
    for c in cands:
        d = c.start - pos if pos < c.start else (pos - c.end if pos >= c.end else 0)
        if bd is None or d < bd or (d == bd and c.end <= pos):
            best, bd = c, d
    return best


def annotate_sentence(doc: Doc, cands: list[Mention]) -> dict[int, dict]:
    """period and deadline of each candidate of one sentence (keyed by id())."""
    p = metric_lexicon().p
    sent = cands[0].span.sent
    out = {id(c): {"period": None, "deadline": None, "ranged": False} for c in cands}
    low = text_of(doc)[sent.start_char:sent.end_char].lower()
    for ph in p["period_phrases"]:
        for m in re.finditer(rf"(?<![\w-]){re.escape(ph)}(?![\w-])", low):
            if ph == "a year" and re.match(r"\s+(?:ago|earlier|later|before|after|and)", low[m.end():]):
                continue
            if ph == "a year" and re.search(r"\b(?:once|twice|times)\s+$", low[:m.start()]):
                continue
            pos = sent.start_char + m.start()
            c = _nearest(cands, pos)
            if ph == "annual" and c is not None and abs(pos - c.start) > 40:
                continue
            if c is not None:
                out[id(c)]["period"] = "annual"
    preps = sorted(p["deadline_preps"], key=len, reverse=True)
    span_preps = sorted(p["deadline_span_preps"], key=len, reverse=True)
    for tx in doc._.timexes or []:
        if tx.type not in ("DATE", "DURATION") or not (sent.start_char <= tx.start < sent.end_char):
            continue
        before = re.sub(r"\s+", " ", text_of(doc)[max(sent.start_char, tx.start - 20):tx.start].lower())
        iso = _deadline_of(tx, before, preps, span_preps, doc._.dct)
        ranged = None
        if not iso:
            # "loans ... between 2024 and 2028": the end of a span running past the report is a deadline
            span_end = tx.iso_date()
            lead = max(sent.start_char, tx.start - 30)
            ranged = RANGE_TO_RE.search(text_of(doc)[lead:tx.start]) if span_end and len(span_end) == 4 and \
                (doc._.dct or "9999")[:4] < span_end else None
            iso = span_end if ranged else None
        if not iso:
            continue
        c = _nearest(cands, tx.start)
        if c is None:
            continue
        # the "by" must govern the number's clause: attach to the number or one of its ancestors
        by = doc.char_span(tx.start, tx.end, alignment_mode="expand")
        prep = None
        if ranged:
            word = doc.char_span(lead + ranged.start(), lead + ranged.end(1), alignment_mode="expand")
            prep = word[0] if word is not None else None
        elif by is not None:
            j = by.start - 1
            # "within its first five years": a span's own words before the preposition
            skip = ("DET", "NOUN", "ADP", "ADJ", "PRON") if tx.type == "DURATION" else ("DET", "NOUN", "ADP")
            while j >= sent.start and doc[j].pos_ in skip \
                    and doc[j].lower_ not in DEADLINE_STOP:
                j -= 1
            prep = doc[j] if j >= sent.start else None
        if prep is not None:
            path = {t.i for t in c.span} | {t.i for t in c.span.root.ancestors}
            # "3,000 megawatts available by mid-2026": a modifier of the number's noun counts too
            path |= {t.i for t in c.span.root.children if t.dep_ in ("amod", "acl", "relcl")}
            if prep.head.i not in path:
                continue
        out[id(c)]["deadline"] = iso
        out[id(c)]["ranged"] = bool(ranged)
    return out


def flow_period(doc: Doc, c: Mention, subject: str | None) -> str | None:
    """"annual" for a trade or traffic flow given as one figure ("trade reached $6 billion in 2024",
    "raise trade to $10 billion by 2030"), unless a part-year or cumulative span bounds it."""
    p = metric_lexicon().p
    heads = p["annual_flow_heads"]
    sent = c.span.sent
    text = text_of(doc)
    root = c.span.root
    # "Algeria delivered 21 bcm of gas to Italy last year": a quantity moved in one calendar year
    moved = root.dep_ == "dobj" and root.head.lemma_.lower() in p["annual_flow_verbs"] and c.kind != "percent" \
        and any(t.type == "DATE" and len(t.iso_date() or "") == 4 and sent.start_char <= t.start < sent.end_char
                for t in doc._.timexes or [])
    if not moved and c.kind not in p["annual_flow_units"] and c.unit not in p["annual_flow_units"]:
        return None
    # no subject found: a lower-case flow word shortly before the number ("Trade" of a ministry's name is not)
    where = subject.lower() if subject else text[max(sent.start_char, c.start - 60):c.start]
    if not moved and not any(re.search(rf"\b{re.escape(h)}\b", where) for h in heads):
        return None
    # ("In the first five months of this year, two-way trade between A and B totalled X": a fronted period too)
    near = text[max(sent.start_char, c.start - 120):min(sent.end_char, c.end + 70)].lower()
    if any(re.search(rx, near) for rx in p["part_period_cues"]):
        return None
    return "annual"


def _deadline_of(tx: Timex, before: str, preps: list[str], span_preps: list[str], dct: str | None) -> str | None:
    """The date a "by"-phrase sets: "by 2030", "before the end of this year", "by the end of the decade"
    (the decade's last year, as the round year that closes it), "within five years" (counted from the report)."""
    if tx.type == "DURATION":
        years = re.fullmatch(r"P(\d{1,2})Y", tx.value or "")
        lead = before + (re.match(r"(?:the\s+)?(?:next\s+|coming\s+)?", tx.text.lower()) or [""])[0]
        if not years or not dct or not any(re.search(rf"\b{re.escape(pr)} $", lead) for pr in span_preps):
            return None
        return str(int(dct[:4]) + int(years.group(1)))
    if not any(re.search(rf"\b{re.escape(pr)} $", before) for pr in preps):
        return None
    iso = tx.iso_date()
    if not iso and re.fullmatch(r"\d{3}", tx.value or "") and tx.mod == "END":
        iso = str(int(tx.value) * 10 + 10)  # "by the end of the decade" (the 2020s) -> 2030
    if iso and before.endswith("before ") and dct and iso[:4] < dct[:4]:
        return None  # "before 2014": a past bound, not a goal
    return iso


def _contrast_of_same_period(doc: Doc, t: Timex, c: Mention, between: str) -> bool:
    """"Exports reached RM7.9 billion in 2015, while imports were worth RM1.2 billion": a past-tense
    contrast after the dated clause, with no date of its own, measures the same period."""
    stop = re.search(r"[,;:.]", text_of(doc)[c.end:c.span.sent.end_char])
    clause_end = c.end + stop.start() if stop else c.span.sent.end_char
    if t.end <= c.start and re.fullmatch(r",?\s+and\s+[^,;:]{3,60}", between) and not any(
            tok.pos_ in ("VERB", "AUX") or tok.lower_ == "that"
            for tok in doc.char_span(t.end, clause_end, alignment_mode="expand") or []):
        # "exports were worth EUR 58 million in 2023, and imports from Kenya approximately EUR 21 million": the
        # second figure's verb and year are left out, the first's stand for both
        return True
    if t.end > c.start or len(re.findall(r"\b(?:while|whereas)\b", between)) != 1 or re.search(r"[;:]", between):
        return False
    sent = c.span.sent
    if any(o is not t and o.type == "DATE" and t.end <= o.start < sent.end_char for o in doc._.timexes or []):
        return False  # "..., while investments have exceeded EUR 5.5 billion since 2010": its own period
    verb = c.span.root
    while verb.pos_ not in ("VERB", "AUX") and verb.head is not verb:
        verb = verb.head
    auxes = [a for a in verb.children if a.dep_ in ("aux", "auxpass")]
    # simple past only: "have exceeded" runs up to the report
    return (verb.tag_ == "VBD" or any(a.tag_ == "VBD" for a in auxes)) and \
        not any(a.lemma_ == "have" for a in auxes)


def measured_when(doc: Doc, c: Mention) -> str | None:
    """The past period an observation measures ("trade reached $79 billion last year" -> 2023),
    from a year or month date next to the number in its sentence; None for the statement date."""
    sent = c.span.sent
    text = text_of(doc)
    best = None
    for t in doc._.timexes or []:
        if t.type != "DATE" or not (sent.start_char <= t.start < sent.end_char):
            continue
        iso = period_end_month(t, text, t.iso_date() or "", doc._.dct)
        # (a fiscal year named by the year it ends in began the year before: "2020/21" told in October 2021)
        begun = str(int(iso) - 1) if t.value.startswith("FY") and iso.isdigit() else iso
        if len(iso) not in (4, 7) or not doc._.dct or not before_dct(begun, doc._.dct):
            continue
        lead_in = text[max(sent.start_char, t.start - 40):t.start]
        # "from April 2000 to September 2023", "between 2010 and 2022": the end of the span the figure covers
        period_end = re.search(r"\b(?:from|between)\s+[^,;:]{2,25}?\s+(?:to|until|till|through|and)\s+$", lead_in)
        if re.search(r"\b(?:since|until|till|by|before|after|from|to)\s+(?:the\s+)?(?:end\s+of\s+)?$",
                     text[max(sent.start_char, t.start - 20):t.start], re.I) and not period_end:
            continue  # a bound of a period, not the period measured
        if re.search(r"\bbetween\s+$", lead_in) and re.match(r"\s+and\s+(?:the\s+end\s+of\s+)?\d",
                                                              text[t.end:t.end + 20]):
            continue  # "between 2010 and 2022": not the span's start
        if base_year(text, sent.start_char, t.start):
            continue  # "an increase of 12 percent over 2021": the base of a comparison
        gap = t.start - c.end if t.start >= c.end else c.start - t.end
        contrast = False
        between = text[min(t.end, c.end):max(t.start, c.start)]
        # ("In 2022 trade between Chile and Peru reached ...": a pair of names is no second clause)
        plain_between = re.sub(r"\b[A-Z][\w\-]*\s+and\s+(?:the\s+)?[A-Z]", "X", between)
        if period_end:
            plain_between = plain_between.replace(period_end.group(0), " ")  # the span's own "and"
        if re.search(r"[;:]|\b(?:and|but|while|whereas|as|when)\s+(?:that\s+)?(?:the\s+|a\s+|more|over|about)?",
                     plain_between) and not same_subject_and(doc, min(t.end, c.end), max(t.start, c.start)):
            if not _contrast_of_same_period(doc, t, c, plain_between):
                continue
            contrast = True  # "trade exceeded $4 billion last year and that 1,000 ventures operate": other clause
        if t.end <= c.start and re.fullmatch(r"[\s,]*to\s+", between):
            continue  # "from R1bn in 2020 to R3bn in 2023": 2020 dates the range's other end
        if t.end <= c.start:
            lead = text[max(sent.start_char, t.start - 40):t.start]
            comma = lead.rfind(",")
            participle = re.search(r"\b(?:\w+ed|set up|built|founded|launched|established|created|signed|agreed|made)"
                                   r"\b(?!.*\b(?:\w+ed|set up|built|founded|made)\b)(?P<rest>.*)$", lead[comma + 1:]) \
                if comma >= 0 else None
            if participle and "," in text[t.end:c.start] and not re.search(r"\d", participle.group("rest")):
                # "The Fund, set up last March, has approved projects worth $140 million" (no figure between
                # the participle and the date: "Imports, mostly oil, amounted to $600 million last year,
                # leaving a surplus of $1 billion" is the main verb's year)
                continue
        fiscal = re.search(r"\b(\d{4})\s*[-\u2013/]\s*(\d{2}|\d{4})\b", text[t.start:t.end + 8])
        if fiscal and len(iso) == 4:
            end = fiscal.group(2)
            iso = end if len(end) == 4 else fiscal.group(1)[:2] + end  # "2022-23 financial year" ends in 2023
        # "In 2024, trade between the two countries grew 1.6 times, to $96 million": a year fronted
        # before its clause dates the whole clause
        fronted = t.end <= c.start and re.search(r"(?:^|\bthat\s+|[.;:]\s+)(?:in|as\s+of|as\s+at|at\s+the\s+end\s+of|"
                                                  r"(?:in\s+)?the\s+first\s+\w+\s+months\s+of)\s+$",
                                                  text[sent.start_char:t.start], re.I)
        # (a date further on in the figure's own clause, no comma between: "62,000 Nepali students were enrolled
        # in Australian institutions in September")
        reach = 120 if fronted or contrast else 75 if "," not in between else 60
        if 0 <= gap <= reach and (best is None or gap < best[0]):
            best = (gap, iso)
    return best[1] if best else None


_QUARTER_END = {"Q1": "03", "Q2": "06", "Q3": "09", "Q4": "12", "H1": "06", "H2": "12"}


def period_end_month(t, text: str, iso: str, dct: str | None) -> str:  # type: ignore[no-untyped-def]
    """The month a part-year period ends in, which a figure for it is as of: "the first quarter of 2024" -> 2024-03,
    "the first half of 2023" -> 2023-06, "the first five months of this year" -> that year's May; a period still
    running at the report keeps its year."""
    out = iso
    q = re.fullmatch(r"(\d{4})-(Q[1-4]|H[12])", t.value or "")
    words = metric_lexicon().p["number_words"]
    first = re.search(r"\bfirst\s+(\w+)\s+months\s+of\s+(?:the\s+year\s+)?$", text[max(0, t.start - 40):t.start], re.I)
    if q:
        out = f"{q.group(1)}-{_QUARTER_END[q.group(2)]}"
    elif first and len(iso) == 4 and 1 < (months := words.get(first.group(1).lower(), 0)) < 12:
        out = f"{iso}-{months:02d}"
    return out if dct and out[:7] <= dct[:7] else iso


def set_when(doc: Doc, c: Mention, cands: list[Mention]) -> str | None:
    """The past month or day a target was set, told earlier in its sentence ("At the commission in
    Lusaka last October, the two countries set a target of $2 billion by 2027" -> 2024-10)."""
    sent = c.span.sent
    text = text_of(doc)
    dct = doc._.dct
    if not dct:
        return None
    for t in doc._.timexes or []:
        if t.type != "DATE" or not (sent.start_char <= t.start and t.end <= c.start):
            continue
        iso = t.iso_date() or ""
        if len(iso) < 7 or not before_dct(iso, dct) or iso[:7] == dct[:7]:
            continue
        if re.search(r"\b(?:since|until|till|by|before|after|from|to)\s+(?:the\s+)?(?:end\s+of\s+)?$",
                     text[max(sent.start_char, t.start - 20):t.start], re.I):
            continue
        if any(t.end <= o.start < c.start for o in cands if o is not c):
            continue  # another figure lies between: the date is that one's
        return iso
    return None


def _of_last_two_weeks(iso: str, dct: str) -> bool:
    """Is the day the report's own or one of the fourteen before it?"""
    import datetime as dt

    return len(iso) == 10 and 0 <= (dt.date.fromisoformat(dct) - dt.date.fromisoformat(iso)).days <= 14


def _distance(t: Timex, c: Mention) -> int:
    """Characters between a date and a figure."""
    return t.start - c.end if t.start >= c.end else c.start - t.end


def fronted_day(doc: Doc, c: Mention) -> str | None:
    """The day a sentence opens with, in the days before the report ("On Thursday, the forum, attended
    by 120 companies, ...", "The day before, contracts worth $26 million were concluded"): the figures
    the sentence tells are of that day."""

    dct = doc._.dct
    if not dct or len(dct) != 10:
        return None
    sent = c.span.sent
    text = text_of(doc)
    for t in doc._.timexes or []:
        if t.type not in ("DATE", "TIME") or not (sent.start_char <= t.start and t.end <= c.start):
            continue
        iso = t.iso_date() or ""
        if len(iso) != 10 or not re.fullmatch(r"(?:(?:late|early|earlier|later)(?:\s+on)?|on)?",
                                              text[sent.start_char:t.start].strip(), re.I):
            continue
        return iso if _of_last_two_weeks(iso, dct) else None
    return None


def sentence_day(doc: Doc, c: Mention, cands: list[Mention]) -> str | None:
    """A day of the last two weeks told in the figure's own sentence ("will give NZ$12 million ... under an
    arrangement signed on Tuesday", "aim to lift trade to $5 billion by 2030, the minister said on Tuesday",
    "a transport aircraft landed yesterday carrying 6 tonnes of supplies"): the figure is of that day. The
    nearest such day wins; a bound ("since", "until", "by") or a day nearer another figure is not it."""

    dct = doc._.dct
    if not dct or len(dct) != 10:
        return None
    sent = c.span.sent
    text = text_of(doc)
    best: tuple[int, str] | None = None
    for t in doc._.timexes or []:
        if t.type not in ("DATE", "TIME") or not (sent.start_char <= t.start < sent.end_char):
            continue
        iso = (t.iso_date() or "")[:10]
        if not _of_last_two_weeks(iso, dct) or in_dateline(text, t.start):
            continue
        if re.search(r"\b(?:since|until|till|by|before|after|from|to|through)\s+(?:the\s+)?$",
                     text[max(sent.start_char, t.start - 20):t.start], re.I):
            continue
        gap = _distance(t, c)
        if any(o is not c and o.span.sent.start == sent.start and _distance(t, o) < gap for o in cands):
            continue  # the day is another figure's
        if best is None or gap < best[0]:
            best = (gap, iso)
    return best[1] if best else None


def story_day(doc: Doc, c: Mention) -> str | None:
    """The day of the event the article has just told (talks, a session, a signing in the days before
    the report): a target set or a count given there is as of that day, not of the report."""
    import datetime as dt

    dct = doc._.dct
    if not dct or len(dct) != 10:
        return None
    told = [f for f in doc._.facts or [] if f.get("kind") == "event" and f.get("status") == "occurred"
            and len(f.get("start") or "") == 10 and f["sources"][0]["start"] <= c.start
            and f.get("event_type") != "visit"]
    if not told:
        return None
    last = max(told, key=lambda f: f["sources"][0]["start"])
    # (a session told over its days, "closed on Monday ... over three days": the figures of its close)
    day = last["end"] if len(last.get("end") or "") == 10 and last.get("event_type") == "council_session" \
        else last["start"]
    gap = (dt.date.fromisoformat(dct) - dt.date.fromisoformat(day)).days
    return day if 0 <= gap <= 14 else None
