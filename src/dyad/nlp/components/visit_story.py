"""Which visit a story follows: the visit reported (not one recalled or announced), unless the lead tells other
news of the report's days; and the lead's own dates."""

from __future__ import annotations

import re

from spacy.tokens import Doc

from dyad.nlp.components.context import dates_in
from dyad.nlp.components.util import in_dateline, text_of

# A line under the title that names the outlet, the author or the issuing office, not the news: short and
# without a closing full stop
BYLINE_RE = re.compile(r"(?=[^\n]*\d)(?:\S+\s+){0,19}\S*[^.!?\"\u201d\s]\s*$|\s*By\s+[A-Z][^\n]{0,60}$")


def days_apart(a: str, b: str) -> int:
    """Days between two ISO days."""
    from datetime import date

    return abs((date.fromisoformat(b) - date.fromisoformat(a)).days)


def lead_end(doc: Doc) -> int:
    """Where the article's lead ends: its title and first paragraph (two non-empty lines)."""
    text = text_of(doc)
    pos, lines = 0, 0
    for m in re.finditer(r"[^\n]*\S[^\n]*", text):
        if re.match(r"\s*date\s+\d{4}", m.group(0)):
            continue  # a leading "date 2025-10-22" line is metadata
        if lines == 1 and BYLINE_RE.match(m.group(0)):
            continue  # "Courier, 14 March 2025. By A. Writer", "Dakar, 10 July 2025 - Ministry of ...": no news
        lines += 1
        pos = m.end()
        if lines == 2:
            break
    return pos


def lead_dates(doc: Doc, end: int) -> list:
    """The dates of the lead's news, not the dateline's day ("ADDIS ABABA, May 3 (Agency) -": the day
    of the report, not news of it)."""
    text = text_of(doc)
    out = []
    for t in dates_in(doc, 0, end):
        if not in_dateline(text, t.start):
            out.append(t)
    return out


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
    for t in lead_dates(doc, end):
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
