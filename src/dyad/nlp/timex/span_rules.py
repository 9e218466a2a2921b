"""Rules for clock times, durations, vague references, sets and holidays."""

from __future__ import annotations

import datetime as dt
import re

from dateutil.easter import easter

from dyad.nlp.timex.anchor import _fmt_date, _rel_day, _rel_month, _rel_week, _rel_year, _year_for
from dyad.nlp.timex.lexicon import (
    _DUR_UNITS,
    _LEX,
    _NUM_WORDS,
    _NUMBER,
    _PLURAL_UNITS,
    _POD,
    _QUANT,
    _TZ,
    _UNIT,
    _UNIT_PL,
    _UNITS_1_9,
    _YEAR,
    _YEAR_END,
    _alt,
    _duration_value,
    _norm,
    _parse_quant,
)
from dyad.nlp.timex.registry import _cap, _Result, _rule
from dyad.nlp.timex.tense import _Ctx

# ---- clock times -------------------------------------------------------------------------------------


def _time_value(c: _Ctx, h: int, mi: int) -> str:
    a = c.anchor
    date = _fmt_date(a.date) if a.date else "XXXX-XX-XX"
    return f"{date}T{h:02d}:{mi:02d}"


@_rule(rf"(?<![\w.:])(?P<h>\d{{1,2}})(?:[:.](?P<mi>\d{{2}}))?\s*(?P<ap>a\.m\.?|p\.m\.?|am|pm)(?![\w])"
       rf"(?:\s+(?P<tz>{_TZ})(?![\w]))?", 2)
def _clock_ampm(m: re.Match, c: _Ctx) -> _Result:
    h, mi = int(m["h"]), int(m["mi"] or 0)
    if not (1 <= h <= 12 and mi < 60):
        return None
    pm = m["ap"].lower().startswith("p")
    h = (h % 12) + (12 if pm else 0)
    return "TIME", _time_value(c, h, mi), None


@_rule(rf"(?<![\w.:$])(?P<h>[01]?\d|2[0-3]):(?P<mi>[0-5]\d)(?![\d:])(?:\s+(?P<tz>{_TZ})(?![\w]))?", 3)
def _clock_24(m: re.Match, c: _Ctx) -> _Result:
    # Without am/pm, require a time zone or a preceding "at"/"by"/"until"/"from" to avoid scores/ratios.
    prev = [w.lower() for w in c.prev_words(m.start(), 1)]
    if not m["tz"] and not (prev and prev[0] in ("at", "by", "until", "from", "till", "around", "after",
                                                 "before", "since")):
        return None
    return "TIME", _time_value(c, int(m["h"]), int(m["mi"])), None


@_rule(r"(?<![\w.])(?P<h>[01]\d|2[0-3])(?P<mi>[0-5]\d)\s+(?:(?P<tz>GMT|UTC)|hours|hrs)(?![\w])", 3, 0)
def _clock_military(m: re.Match, c: _Ctx) -> _Result:
    return "TIME", _time_value(c, int(m["h"]), int(m["mi"])), None


@_rule(rf"(?P<w>noon|midday|midnight|(?P<h>\d{{1,2}}|{_UNITS_1_9}|ten|eleven|twelve)\s+o'clock)"
       rf"(?:\s+(?P<tz>{_TZ})(?![\w]))?(?![\w-])", 3)
def _clock_words(m: re.Match, c: _Ctx) -> _Result:
    w = _norm(m["w"])
    if w in ("noon", "midday"):
        return "TIME", _time_value(c, 12, 0), None
    if w == "midnight":
        return "TIME", _time_value(c, 24, 0), None
    h = m["h"].lower()
    hour = int(h) if h.isdigit() else int(_NUM_WORDS[h])
    return "TIME", _time_value(c, hour, 0), None


# ---- durations ----------------------------------------------------------------------------------------

_APPROX = (r"(?P<approx>about|around|approximately|roughly|nearly|almost|some|more\s+than|less\s+than|"
           r"fewer\s+than|at\s+least|over|under|up\s+to|just\s+over|just\s+under|close\s+to)")
_APPROX_MOD = {"about": "APPROX", "around": "APPROX", "approximately": "APPROX", "roughly": "APPROX",
               "some": "APPROX", "close to": "APPROX", "nearly": "LESS_THAN", "almost": "LESS_THAN",
               "just under": "LESS_THAN", "under": "LESS_THAN", "less than": "LESS_THAN",
               "fewer than": "LESS_THAN", "up to": "EQUAL_OR_LESS", "more than": "MORE_THAN",
               "over": "MORE_THAN", "just over": "MORE_THAN", "at least": "EQUAL_OR_MORE"}


_AGE_AFTER_RE = re.compile(r"\s*(?:and\s+(?:older|up|over|younger)|of\s+age)\b", re.I)


def _quant_ok(q: str, unit: str) -> bool:
    """Guard the generic duration rule against ordinals and non-temporal senses of unit words."""
    ql, ul = _norm(q), _norm(unit)
    if ul in ("second", "seconds", "sec", "min", "hr", "hrs", "mins") and ql in ("a", "an", "single"):
        return False  # "a second round"
    if ul in ("sec", "min", "hr", "hrs", "mins") and not re.match(r"\d", ql):
        return False
    if ul in ("night", "nights") and ql in ("a", "an", "single"):
        return False  # "a night of violence"
    if ul == "quarter" and ql in ("a", "an"):
        return False  # "a quarter of the population"
    return True


@_rule(rf"(?:{_APPROX}\s+)?(?P<q>{_QUANT})(?:\s+|-)(?P<unit>{_UNIT})(?:-long)?"
       r"(?P<half>\s+and\s+a\s+half)?(?![\w])(?![-\s]+old\b)", 6)
def _duration(m: re.Match, c: _Ctx) -> _Result:
    if not _quant_ok(m["q"], m["unit"]):
        return None
    q = _parse_quant(m["q"])
    if q != "X" and m["half"]:
        q = float(q) + 0.5
    prev = c.text[max(0, m.start() - 4):m.start()]
    if prev[-1:] in ("$", "#") or prev.lower() == "sub-" or (q != "X" and float(q) == 0):
        return None
    # Ages are not time expressions: "ages 6 months and older", "aged 30 years", "40 years of age".
    pw = [w.lower() for w in c.prev_words(m.start(), 1)]
    if (pw and pw[0] in ("age", "ages", "aged")) or _AGE_AFTER_RE.match(c.text, m.end()):
        return None
    ql = _norm(m["q"])
    if ql in ("some", "more") and _norm(m["unit"]) in _DUR_UNITS:
        return None  # "some day", "more year"
    if ql in ("a", "an", "one") and _norm(m["unit"]) in ("day",) and not m["approx"]:
        pw = [w.lower() for w in c.prev_words(m.start(), 1)]
        if not pw or pw[0] not in ("for", "in", "within", "than", "about", "after", "over", "only",
                                   "just", "nearly", "almost", "of", "the", "than", "once", "twice"):
            return None  # "one day he will ..." / "a day after"
    mod = _APPROX_MOD.get(_norm(m["approx"])) if m["approx"] else None
    return "DURATION", _duration_value(q, m["unit"]), mod


_BARE_PLURAL_BEFORE = {"for", "in", "over", "within", "take", "takes", "took", "taking", "taken", "last",
                       "lasts", "lasted", "spend", "spent", "spends", "wait", "waited"}
_BARE_PLURAL_AFTER = {"before", "after", "into", "later", "earlier", "afterwards", "afterward", "beforehand"}


@_rule(rf"(?P<unit>{_UNIT_PL})(?![\w-])", 7)
def _bare_plural_duration(m: re.Match, c: _Ctx) -> _Result:
    # "for years", "the first time in decades", "minutes before ...": vague durations (PXY, PXDE ...).
    # Only with a governing verb/preposition, since a bare plural is otherwise often not temporal.
    prev = [w.lower() for w in c.prev_words(m.start(), 1)]
    nxt = c.next_word(m.end()).lower()
    if nxt in ("ago", "old", "of"):
        return None
    if (prev and prev[0] in _BARE_PLURAL_BEFORE) or nxt in _BARE_PLURAL_AFTER:
        return "DURATION", _duration_value("X", m["unit"]), None
    return None


@_rule(rf"(?<![\w.,])(?P<t>{_NUMBER})"
       rf"(?=\s*(?:and|to|or|-|–)\s*{_NUMBER}[\s-]+(?P<unit>{_UNIT_PL})(?![\w-]))", 6)
def _range_first(m: re.Match, c: _Ctx) -> _Result:
    # "between 12 and 18 months": the first bound is a duration of its own (TimeML tags "12").
    q = _parse_quant(m["t"])
    if q == "X" or not _quant_ok(m["t"], m["unit"]):
        return None
    return "DURATION", _duration_value(q, m["unit"]), None


@_rule(r"(?<![\w:.])(?P<h>\d{1,2}):(?P<mi>[0-5]\d):(?P<s>[0-5]\d)(?![\w:])", 2)
def _clock_duration(m: re.Match, c: _Ctx) -> _Result:
    # "finished in 3:07:35": an elapsed time (race results), not a time of day.
    prev = [w.lower() for w in c.prev_words(m.start(), 1)]
    if prev and prev[0] in ("at", "until", "by", "from", "since"):
        return "TIME", _time_value(c, int(m["h"]), int(m["mi"])) + f":{m['s']}", None
    h, mi, sec = int(m["h"]), int(m["mi"]), int(m["s"])
    value = "PT" + (f"{h}H" if h else "") + (f"{mi}M" if mi else "") + (f"{sec}S" if sec else "")
    return "DURATION", value, None


@_rule(r"(?:at|in)\s+(?P<t>(?:the|that)\s+time)(?![\w-])(?!\s+(?:of|when|being|it|that)\b)", 5)
def _at_the_time(m: re.Match, c: _Ctx) -> _Result:
    # "at the time"/"at that time" refers back to a past reference time (TimeML PAST_REF).
    return "DATE", "PAST_REF", None


@_rule(rf"(?P<the>the\s+)?(?P<rel>past|last|next|previous|first|coming|following|final|initial|"
       rf"remaining|latest)\s+(?:(?P<q>{_QUANT})\s+)?(?P<unit>{_UNIT_PL}|{_UNIT})(?![\w-])", 5)
def _span_duration(m: re.Match, c: _Ctx) -> _Result:
    rel = m["rel"].lower()
    unit = _norm(m["unit"])
    plural = unit in _PLURAL_UNITS
    if not plural:
        return None  # singular forms ("the past year") are handled by the relative-unit rule
    if rel in ("coming",) and not m["q"]:
        return "DATE", "FUTURE_REF", None
    if not m["q"] and rel in ("first", "final", "initial", "remaining", "latest", "following"):
        return None
    if not m["the"]:
        pw = [w.lower() for w in c.prev_words(m.start(), 1)]
        if not pw or pw[0] not in ("in", "over", "for", "during", "within", "throughout", "these", "those"):
            return None  # "will last several weeks": "last" is the verb
    q: float | str = _parse_quant(m["q"]) if m["q"] else "X"
    if m["q"] and not _quant_ok(m["q"], unit):
        return None
    return "DURATION", _duration_value(q, unit), None


@_rule(rf"(?:{_APPROX}\s+)?(?:(?P<q>{_QUANT})\s+)?(?P<unit>{_UNIT_PL}|{_UNIT})\s+"
       r"(?P<dir>ago|earlier|before|later|after|hence|on)(?![\w])(?!\s+than)", 4)
def _ago(m: re.Match, c: _Ctx) -> _Result:
    d = _norm(m["dir"])
    unit = _norm(m["unit"])
    base = _PLURAL_UNITS.get(unit, unit)
    if m["q"] and not _quant_ok(m["q"], unit):
        return None
    q = _parse_quant(m["q"]) if m["q"] else ("X" if unit in _PLURAL_UNITS else 1.0)
    comes_after = d == "after" and m["q"] and [w.lower() for w in c.prev_words(m.start())] in (["comes"], ["come"])
    if d in ("before", "after", "on") and not comes_after:
        # "two days after the attack": a duration anchored elsewhere, only tag the duration part.
        return None
    # "The forum comes a year after the King made a state visit": what follows "after" was that long before now
    sign = -1 if d in ("ago", "earlier") or comes_after else 1
    if q == "X":
        if d in ("earlier", "later"):
            return None  # "years later": too vague to tag as a date
        return "DATE", "PAST_REF" if sign < 0 else "FUTURE_REF", None
    n = float(q)
    a = c.anchor
    _t, code, mult = _DUR_UNITS[base]
    n_units = n * mult
    if n_units != int(n_units):
        return None
    k = int(n_units) * sign
    if base in ("second", "minute", "hour"):
        return "DATE", "PAST_REF" if sign < 0 else "FUTURE_REF", None
    if code == "D":
        return "DATE", _rel_day(a, k), None
    if code == "W":
        return "DATE", _rel_week(a, k), None
    if code == "M":
        return "DATE", _rel_month(a, k), None
    return "DATE", _rel_year(a, k), None


# ---- vague references: now, the past, the future, recent years ----------------------------------


@_rule(r"(?P<w>right\s+now|now|currently|nowadays|these\s+days|at\s+present|presently|"
       r"the\s+present(?:\s+day)?|the\s+moment|present\s+day)(?![\w-])", 5)
def _present(m: re.Match, c: _Ctx) -> _Result:
    w = _norm(m["w"])
    if w == "now":
        nxt = c.next_word(m.end()).lower()
        prev = [x.lower() for x in c.prev_words(m.start(), 1)]
        if nxt in ("that",) or (prev and prev[0] in ("until", "till", "by", "up")):
            # Conjunction "now that", and "until now"-style phrases.  "eight years from now" is
            # annotated in TimeML as a DURATION ("eight years") plus "now" (PRESENT_REF).
            return None
    if w == "the moment":
        prev = [x.lower() for x in c.prev_words(m.start(), 1)]
        if not prev or prev[0] not in ("at", "for"):
            return None
    if w == "at present":
        return None  # handled via "present" below to keep the TimeML span
    if w in ("the present",) and c.next_word(m.end()).lower() not in ("", ",", "."):
        nxt = c.next_word(m.end()).lower()
        if re.match(r"[a-z]", nxt) and nxt not in ("and", "or", "day", "time"):
            return None  # "the present government": adjective
    return "DATE", "PRESENT_REF", None


@_rule(r"(?<=\bat\s)(?P<w>present)(?![\w-])", 5)
def _at_present(m: re.Match, c: _Ctx) -> _Result:
    return "DATE", "PRESENT_REF", None


@_rule(r"(?:the\s+)?(?:(?P<adj>recent|distant|not\s+too\s+distant|not-so-distant|near|foreseeable|"
       r"immediate)\s+)?(?P<w>past|future)(?![\w-])", 6)
def _past_future(m: re.Match, c: _Ctx) -> _Result:
    text = m.group(0).lower()
    if not text.startswith("the"):
        return None  # "past" / "future" as adjectives ("past performance", "future plans")
    nxt = c.next_word(m.end()).lower()
    if re.match(r"[a-z0-9]", nxt) and nxt not in ("and", "or", "but", "as", "when", "is", "was", "will"):
        return None
    return "DATE", "PAST_REF" if m["w"].lower() == "past" else "FUTURE_REF", None


@_rule(r"(?:the\s+)?(?P<rel>recent|coming|upcoming|previous|past|next)\s+(?P<unit>years|months|weeks|days|"
       r"decades)(?![\w-])", 5)
def _vague_ref(m: re.Match, c: _Ctx) -> _Result:
    rel = m["rel"].lower()
    if rel in ("recent", "previous"):
        return "DATE", "PAST_REF", None
    if rel in ("coming", "upcoming"):
        return "DATE", "FUTURE_REF", None
    # "the past/next years" without a number: vague duration.
    return "DURATION", _duration_value("X", m["unit"]), None


@_rule(r"(?:the\s+)?(?P<unit>years|months|weeks|days|decades)\s+to\s+come(?![\w-])", 5)
def _to_come(m: re.Match, c: _Ctx) -> _Result:
    return "DATE", "FUTURE_REF", None


# ---- sets: every year, annually, twice a week ------------------------------------------------------


@_rule(rf"(?:every|each|per)\s+(?:(?P<q>{_NUMBER}|other)\s+)?(?P<unit>{_UNIT_PL}|{_UNIT})(?![\w-])", 3)
def _every(m: re.Match, c: _Ctx) -> _Result:
    unit = _norm(m["unit"])
    q: float | str = 1.0
    if m["q"]:
        q = 2.0 if m["q"].lower() == "other" else _parse_quant(m["q"])
    elif unit in _PLURAL_UNITS:
        return None
    return "SET", _duration_value(q, unit), None


@_rule(r"(?:every|each)\s+(?P<pod>morning|afternoon|evening|night)(?![\w-])", 3)
def _every_pod(m: re.Match, c: _Ctx) -> _Result:
    return "SET", "XXXX-XX-XXT" + _POD[m["pod"].lower()], None


@_rule(rf"(?P<freq>once|twice|thrice|(?:{_NUMBER})\s+times)\s+(?:a|an|per|each|every)\s+"
       rf"(?P<unit>{_UNIT})(?![\w-])", 2, needs="once|twice|thrice|times")
def _freq(m: re.Match, c: _Ctx) -> _Result:
    return "SET", _duration_value(1, m["unit"]), None


@_rule(r"(?:(?<=\d)|(?<=%)|(?<=illion)|(?<=thousand)|(?<=dollars)|(?<=euros)|(?<=pounds)|(?<=people)|"
       r"(?<=tons)|(?<=tonnes)|(?<=barrels)|(?<=units)|(?<=visitors))\s+(?P<t>(?:a|an|per)\s+"
       r"(?P<unit>year|month|week|day|hour))(?![\w-])", 2, word_start=False)
def _rate(m: re.Match, c: _Ctx) -> _Result:
    # "$5 million a year": a rate, TimeML SET P1Y.
    if c.next_word(m.end()).lower() in ("ago", "earlier", "later", "before", "after"):
        return None
    return "SET", _duration_value(1, m["unit"]), None


_SET_ADV: dict[str, str] = _LEX["set_adverbs"]


@_rule(rf"(?P<w>{_alt(k for k in _SET_ADV if k != 'annual')})(?![\w-])", 5, 0)
def _set_adverb(m: re.Match, c: _Ctx) -> _Result:
    # Case-sensitive: "Daily" in "China Daily" is a newspaper name.
    return "SET", _SET_ADV[m["w"]], None


# ---- holidays --------------------------------------------------------------------------------------

_HOLIDAYS: dict[str, str] = _LEX["holidays"]


def _holiday_date(key: str, y: int) -> dt.date:
    spec = _HOLIDAYS[key]
    if spec.startswith("EASTER"):
        return easter(y) + dt.timedelta(days=int(spec[6:] or 0))
    if spec == "THANKSGIVING":
        nov1 = dt.date(y, 11, 1)
        return nov1 + dt.timedelta(days=(3 - nov1.weekday()) % 7 + 21)
    mo, d = map(int, spec.split("-"))
    return dt.date(y, mo, d)


@_rule(rf"(?:(?P<rel>this|last|next)\s+)?(?P<h>{_alt(_HOLIDAYS)})(?:,?\s+(?P<year>{_YEAR}){_YEAR_END})?"
       r"(?![\w-])", 3)
def _holiday(m: re.Match, c: _Ctx) -> _Result:
    if not _cap(m["h"]):
        return None
    key = _norm(m["h"]).replace("’", "'")
    if key == "independence day" and not (m["year"] or m["rel"]):
        return None  # which country's? ambiguous without a year
    a = c.anchor
    if m["year"]:
        y = int(m["year"])
    elif a.year is None:
        return None
    else:
        hd = _holiday_date(key, a.year)
        now = (a.month, a.day or 0) if a.month else ()
        rel = m["rel"].lower() if m["rel"] else None
        y = _year_for(a, (hd.month, hd.day), now, rel, None if rel else c.tense(m.start(), m.end())) or a.year
    return "DATE", _fmt_date(_holiday_date(key, y)), None
