"""Metrics: number expressions found in the text and classified by unit; bare numbers kept only when
they count a relation-relevant noun ("14 cooperation agreements")."""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span, Token

from dyad.nlp.components.metric_lexicon import KIND_UNIT, ORDINAL_AFTER, Mention, metric_lexicon, parse_number
from dyad.nlp.components.metric_phrases import phrase_tokens
from dyad.nlp.components.util import dateline_place, dyad_of, text_of


def home_country(doc: Doc) -> str | None:
    """The country the copy is filed from or issued in: the wire dateline's city, else a capital or
    city among the first comma- or dash-separated parts of the lines under the headline
    ("April 15, 2024 - Ottawa, Ontario - <Ministry>", "Kathmandu | 21 October 2021")."""
    if "dyad_home_country" not in doc.user_data:
        from dyad.nlp.gazetteer import gazetteer

        found = dateline_place(doc)
        home = found[1] if found else None
        if home is None:
            lines = [ln for ln in text_of(doc)[:500].split("\n") if ln.strip()][1:4]
            for line in lines:
                for part in re.split(r",|\s[\u2014\u2013|-]\s", line)[:4]:  # ("Kathmandu | 21 October 2021")
                    part = part.strip()
                    if 2 < len(part) < 30 and part[:1].isupper():
                        hit = gazetteer().country_of(part.title())
                        if hit and hit[1] in ("capital", "city"):
                            home = hit[0]
                            break
                if home:
                    break
        doc.user_data["dyad_home_country"] = home
    return doc.user_data["dyad_home_country"]


def home_dollar(doc: Doc) -> str | None:
    """The currency a bare "$" stands for: the home country's own dollar when the copy comes from a
    dollar country and does not write that dollar with its own sign or name anywhere (where it does,
    "$" is the US dollar), else None (USD)."""
    p = metric_lexicon().p
    home = home_country(doc)
    code = p["home_dollars"].get(home or "")
    if not code:
        return None
    text = text_of(doc)
    for name in p["home_dollar_names"].get(code, []):
        if name.endswith("$"):
            if re.search(rf"(?<![\w$]){re.escape(name)}\s?\d", text):
                return None
        elif re.search(rf"\b{re.escape(name)}s?\b", text, re.I):
            return None
    return code


def _currency_of(pre: str | None, post_word: str | None, doc: Doc | None = None) -> str | None:
    lx = metric_lexicon().p
    if pre:
        pre = pre.strip()
        if pre == "$" and doc is not None:
            return home_dollar(doc) or "USD"
        if pre.upper() in lx["currency_codes"]:
            return lx["currency_code_aliases"].get(pre.upper(), pre.upper())
        if pre in ("Rs", "Rs.") and doc is not None:
            # "Rs 2.1 billion" in a Nepal-Sri Lanka story: the pair's own rupee; of two rupee countries, the
            # home country's (where the copy is filed)
            rupees = lx["currency_by_country"]["rupees"]
            mine = [rupees[c] for c in dyad_of(doc) if c in rupees]
            home = home_country(doc)
            if len(mine) == 1 or (len(mine) > 1 and home in rupees and rupees[home] in mine):
                return mine[0] if len(mine) == 1 else rupees[home or ""]
        return lx["currency_symbols"].get(pre)
    if post_word:
        if post_word.upper() in lx["currency_codes"] and post_word.isupper():
            return lx["currency_code_aliases"].get(post_word, post_word)
    return None


def number_mentions(doc: Doc) -> list[Mention]:
    lx = metric_lexicon()
    p = lx.p
    text = text_of(doc)
    out: list[Mention] = []
    pair = dyad_of(doc)
    for m in lx.rx.finditer(text):
        num = m.group("num")
        value = parse_number(num)
        if value is None:
            continue
        is_digits = num[0].isdigit()
        pre, scale, post = m.group("pre"), m.group("scale"), m.group("post")
        end = m.end()
        after = text[m.end("num"):m.end("num") + 12]
        if not scale and not post and (ORDINAL_AFTER.match(after) or re.match(r"^(?::\d|[^\W\d_])", after)):
            continue  # "20th", "10:30", "3D"
        if scale:
            mult_word = scale.strip(" -").lower()
            if mult_word in p["short_scales"] and not pre:
                continue  # "300 m" is metres; "$30m" is money
            value *= p["scales"][mult_word]
            if re.match(r"^[^\W\d_]", text[m.end("scale"):m.end("scale") + 1] or " ") and not post:
                continue
        kind, unit = "", ""
        post_word = post.strip(" -") if post else None
        if pre and len(pre.strip()) == 1 and pre.strip().isalpha() and pre == pre.strip() and not scale \
                and re.fullmatch(r"\d{1,2}", num):
            continue  # "the R6 expressway", "the A1 motorway": a road's number, not a rand amount
        if pre and not scale and re.fullmatch(r"[A-Z]{3}", pre):
            continue  # a code glued to a bare number is a name ("COP28", "RON95"); "AED3 billion" has its scale
        code = _currency_of(pre, post_word, doc)
        if code:
            kind, unit = "money", code
        elif post_word:
            pw = re.sub(r"\s+", " ", post_word.lower())
            k, info = lx.units.get(pw, (None, None))
            if k is None and post_word.isupper():
                k, info = "money", post_word
            if k == "money":
                if pw in p["ambiguous_currency_words"] and not (is_digits or scale):
                    k = None
                else:
                    kind, unit = "money", info
            elif k:
                kind = k
                unit = KIND_UNIT[k]
                if k in ("mass", "length"):
                    value *= info
        if kind == "money" and post_word:
            by_country = p["currency_by_country"].get(post_word.lower().strip(" -"))
            if by_country:
                # "14.2 billion shillings" in a Kenya-Ethiopia story: the pair's own shilling
                mine = {by_country[c] for c in pair if c in by_country}
                unit = mine.pop() if len(mine) == 1 else unit
            # adjective + currency word ("Turkmen manat") spans the unit itself
            tail = text[m.end("num"):m.end()].lower()
            for adj, c in p["currency_adjectives"].items():
                if tail.strip(" -").endswith(adj):
                    unit = c
        if kind == "money" and not unit:
            continue  # "pesos" in a story about neither peso country: which one is not said
        if not kind:
            if pre or not post_word:
                kind = "bare"
            else:
                continue
            end = m.end("scale") if scale else m.end("num")
        start = m.start("pre") if pre else m.start("num")
        out.append(Mention(start, end, m.start("num"), m.end("num"), value, kind, unit, is_digits))
    return out


def overlaps_timex(doc: Doc, start: int, end: int) -> bool:
    for t in doc._.timexes or []:
        if t.start < end and start < t.end and t.type in ("DATE", "TIME", "DURATION", "SET"):
            return True
    return False


def _word_before(text: str, pos: int) -> str:
    m = re.search(r"([^\s]+)\s*$", text[max(0, pos - 40):pos])
    return m.group(1).lower() if m else ""


def _noun_run(doc: Doc, span: Span) -> list[Token]:
    """Modifiers and nouns right after a bare number ("14 cooperation agreements", "100 AI-driven
    enterprises"), stopping at anything else."""
    run: list[Token] = []
    i = span.end
    sent_end = span.sent.end
    while i < sent_end and len(run) < 7:
        t = doc[i]
        nxt = doc[i + 1] if i + 1 < sent_end else None
        if t.pos_ in ("NOUN", "PROPN", "ADJ") or t.tag_ == "HYPH":
            run.append(t)
        elif t.pos_ in ("VERB", "ADV") and ((run and run[-1].tag_ == "HYPH") or (
                nxt is not None and nxt.pos_ in ("NOUN", "ADJ", "PROPN") and t.tag_ in ("VBN", "VBG", "RB"))):
            run.append(t)
        else:
            break
        i += 1
    while run and run[-1].pos_ not in ("NOUN", "PROPN"):
        run.pop()
    return run


def _hyphen_word(t: Token) -> str:
    doc = t.doc
    glued = t.i >= 2 and not (doc[t.i - 1].whitespace_ or doc[t.i - 2].whitespace_)
    if glued and doc[t.i - 1].tag_ == "HYPH":
        return f"{doc[t.i - 2].text}-{t.text}".lower()
    return t.text.lower()


def _noun_class(t: Token) -> str | None:
    lx = metric_lexicon()
    if t.lower_ == "peoples":
        return None  # "two peoples who were separated": nations, not a head count
    forms = {t.lemma_.lower(), t.text.lower(), _hyphen_word(t), _hyphen_word(t).rstrip("s")}
    if forms & lx.people:
        return "people"
    if forms & lx.counts:
        return "count"
    return None


def _is_weak(t: Token) -> bool:
    lx = metric_lexicon()
    return bool({t.lemma_.lower(), t.text.lower()} & lx.weak)


MODEL_NUMBER_RE = re.compile(r"(?<![.!?]\s)\b[A-Z][\w\-]+\s+$")
MONTH_NAMES = {"January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
               "November", "December", "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov",
               "Dec"}


def classify_bare(doc: Doc, c: Mention) -> bool:
    """Give a bare number a unit when it counts a relation-relevant noun; False drops it."""
    p = metric_lexicon().p
    text = text_of(doc)
    if c.value < 2 and not c.digits:
        return False
    num_text = text[c.num_start:c.num_end].lower()
    if num_text in ("hundred", "dozen", "thousand"):
        return False  # "several hundred", "a few dozen"
    if not c.digits and c.value <= 10:
        lead = re.sub(r"\s+", " ", text[max(0, c.start - 12):c.start].lower())
        if any(re.search(rf"(?:^|\W){re.escape(d)} $", lead) for d in p["reference_determiners"]):
            return False  # "the two central banks"
    if re.fullmatch(r"1[89]\d\d|2[01]\d\d", text[c.num_start:c.num_end]):
        return False  # a year
    before = _word_before(text, c.start)
    if before.rstrip(".") in {w.rstrip(".") for w in p["label_words"]} or before in ("#", "no.", "no"):
        return False
    rest = text[c.num_end:c.num_end + 16].lower()
    if any(rest.startswith(a) or rest.startswith(" " + a) for a in p["age_after"]):
        return False
    line_start = text.rfind("\n", 0, c.start) + 1
    if not text[line_start:c.start].strip() and re.match(r"^\s*[.)]", text[c.num_end:c.num_end + 2]):
        return False  # list numbering
    if re.match(r"^\s*(?:-|–|to)\s*\d", rest) or re.match(r"^\s*of\b", rest):
        return False  # "10-15 million", "14 of them"
    if c.digits and MODEL_NUMBER_RE.search(text[max(0, c.start - 25):c.start]) and \
            re.match(r"\s+[A-Z][\w\-]*", text[c.num_end:c.num_end + 20]) and \
            text[max(0, c.start - 25):c.start].split()[-1] not in MONTH_NAMES and \
            not (c.span is not None and c.span.start > 0
                 and doc[c.span.start - 1].pos_ in ("ADP", "ADV", "DET", "ADJ")):
        # ("Around 12,000 Vietnamese students", "Some 230,000 Korean tourists": a word of measure before, no name)
        return False  # "Boeing 737 MAX aircraft": a model's designation between two names, not a count
    if text[c.start - 1:c.start] == "(" and text[c.num_end:c.num_end + 1] == ")":
        return False
    run = _noun_run(doc, c.span)
    if not run:
        return _number_of(doc, c)
    head = None
    root = c.span.root
    if root.head in run and root.head.pos_ == "NOUN":
        head = root.head
    if head is None:
        nouns = [t for t in run if t.pos_ == "NOUN"] or run
        # the head of the compound: the last noun of the first contiguous noun block
        head = nouns[0]
        for t in nouns[1:]:
            if t.i == head.i + 1 or (t.i == head.i + 2 and doc[head.i + 1].tag_ == "HYPH"):
                head = t
            else:
                break
    cls = _noun_class(head)
    if cls is None:
        return False
    if _is_weak(head) and not c.digits:
        return False
    c.kind, c.unit, c.head = cls, ("people" if cls == "people" else "count"), head
    c.subject = phrase_tokens(doc, [t for t in run if t.i <= head.i], head)
    return True


def _number_of(doc: Doc, c: Mention) -> bool:
    """'raise the number of flights to 14 (per week)': the counted noun comes before the number."""
    span = c.span
    lo = max(span.sent.start, span.start - 9)
    for i in range(span.start - 2, lo - 1, -1):
        if doc[i].lower_ in ("number", "total") and doc[i + 1].lower_ == "of":
            run = _noun_run(doc, doc[i + 1:i + 2])
            between = doc[i + 2 + len(run):span.start]
            if not run or len(between) > 4 or any(t.pos_ == "PUNCT" for t in between):
                return False
            head = run[-1]
            cls = _noun_class(head)
            if cls is None:
                return False
            c.kind, c.unit, c.head = cls, ("people" if cls == "people" else "count"), head
            c.subject = phrase_tokens(doc, run, head)
            return True
    return False
