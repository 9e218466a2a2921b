"""Rendering helpers shared by the web pages and the printable brief.

Everything that comes from articles (titles, names, quotes, full text) is untrusted. It only ever reaches
HTML through Jinja2 with autoescape on: charts are computed here as plain numbers and strings and drawn
by templates, and the highlighted article is a list of tokens (text / open mark / close mark) that the
template escapes piece by piece. Nothing here builds markup by string concatenation.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Any
from urllib.parse import quote

from jinja2 import Environment, FileSystemLoader

HERE = Path(__file__).parent
TEMPLATES = HERE / "templates"
STATIC = HERE / "static"

KIND_PLURAL = {"document": "documents", "entity": "entities", "event": "events", "agreement": "agreements",
               "project": "projects", "metric": "metrics", "quote": "quotes"}
EVENT_LANES = ["visit", "meeting", "signing", "opening", "council_session", "other"]
# Marker style per event status; the same attributes are used by the legend, so they cannot disagree.
STATUS_STYLE: dict[str, dict[str, str]] = {
    "occurred": {"fill": "#1f5fa8", "stroke": "#1f5fa8", "dash": "none", "label": "occurred"},
    "planned": {"fill": "#ffffff", "stroke": "#d9822b", "dash": "3 2", "label": "planned"},
    "cancelled": {"fill": "#ffffff", "stroke": "#9a9a9a", "dash": "1 2", "label": "cancelled"},
    "unknown": {"fill": "#bcbcbc", "stroke": "#7a7a7a", "dash": "none", "label": "status unknown"},
}
SCALES = [(1_000_000_000_000, "trillion"), (1_000_000_000, "billion"), (1_000_000, "million"),
          (1_000, "thousand")]
CURRENCY_SIGNS = {"USD": "$", "EUR": "€", "GBP": "£"}


def make_env() -> Environment:
    # autoescape=True for every template (not only *.html): the brief and SVG fragments are escaped too.
    env = Environment(loader=FileSystemLoader(str(TEMPLATES)), autoescape=True, trim_blocks=True,
                      lstrip_blocks=True)
    env.filters["value"] = format_value
    env.filters["pretty"] = pretty
    env.filters["country_name"] = country_name
    env.filters["safe_url"] = safe_url
    env.filters["fact_label"] = fact_label
    env.globals["plural"] = KIND_PLURAL
    env.globals["status_style"] = STATUS_STYLE
    env.globals["evidence_href"] = evidence_href
    return env


def render(template: str, **context: Any) -> str:
    return ENV.get_template(template).render(**context)


@lru_cache(maxsize=4096)
def country_name(code: str | None) -> str:
    """'KAZ' -> 'Kazakhstan' (the code itself when unknown)."""
    if not code:
        return ""
    import pycountry

    c = pycountry.countries.get(alpha_3=code)
    return getattr(c, "common_name", None) or getattr(c, "name", None) or code if c else code


def safe_url(url: str | None) -> str | None:
    """Only http(s) links from manifests and feeds: a javascript: URL in an href would run on click."""
    if url and url.lower().startswith(("http://", "https://")):
        return url
    return None


def pretty(code: str | None) -> str:
    """'council_session' -> 'council session' for display."""
    return (code or "").replace("_", " ")


def _num(x: float) -> str:
    return f"{x:,.2f}".rstrip("0").rstrip(".")


def format_value(value: float | int | None, unit: str | None = None) -> str:
    """1000000000, 'USD' -> '$1 billion'; 15000000, 'tons' -> '15 million tons'."""
    if value is None:
        return "?"
    text = _num(value)
    for size, word in SCALES:
        if abs(value) >= size:
            text = f"{_num(value / size)} {word}"
            break
    if unit in CURRENCY_SIGNS:
        return CURRENCY_SIGNS[unit] + text
    if unit == "percent":
        return f"{_num(value)}%"
    if unit in (None, "count", "other"):
        return text
    return f"{text} {unit}"


# ---- dates ----------------------------------------------------------------------------------------------

def parse_partial(d: str | None) -> date | None:
    """A partial ISO date placed in the middle of the period it names (a year -> 1 July)."""
    if not d:
        return None
    parts = d.split("-")
    try:
        if len(parts) == 1:
            return date(int(parts[0]), 7, 1)
        if len(parts) == 2:
            return date(int(parts[0]), int(parts[1]), 15)
        return date(int(parts[0]), int(parts[1]), int(parts[2][:2]))
    except ValueError:
        return None


# ---- charts ---------------------------------------------------------------------------------------------

@dataclass
class Marker:
    x: float
    y: float
    status: str
    title: str
    label: str | None
    href: str | None
    event: dict
    label_y: float = 0.0
    anchor: str = "start"


@dataclass
class Tick:
    x: float
    label: str


@dataclass
class Timeline:
    width: int
    height: int
    left: int
    right: int
    axis_y: float
    lanes: list[tuple[str, float]] = field(default_factory=list)
    ticks: list[Tick] = field(default_factory=list)
    markers: list[Marker] = field(default_factory=list)
    undated: list[dict] = field(default_factory=list)


def evidence_href(source: dict) -> str:
    from urllib.parse import quote

    return f"/document/{quote(source['doc'])}#s-{source['start']}-{source['end']}"


def _ticks(lo: date, hi: date) -> list[date]:
    span = (hi - lo).days
    step = 12 if span > 3 * 365 else 3 if span > 365 else 1  # months between ticks
    y, m = lo.year, lo.month
    m = ((m - 1) // step) * step + 1
    out = []
    while date(y, m, 1) <= hi:
        if date(y, m, 1) >= lo:
            out.append(date(y, m, 1))
        m += step
        while m > 12:
            m -= 12
            y += 1
    return out


def timeline_chart(events: list[dict], width: int = 920, links: bool = True) -> Timeline:
    """Geometry of the event timeline: one lane per event type, x = date, marker style = status."""
    dated = [(parse_partial(e.get("start")), e) for e in events]
    undated = [e for d, e in dated if d is None]
    dated = [(d, e) for d, e in dated if d is not None]
    lanes_used = [lane for lane in EVENT_LANES
                  if any((e.get("event_type") or "other") == lane
                         or (lane == "other" and e.get("event_type") not in EVENT_LANES) for _, e in dated)]
    lane_h, top, left, right = 34, 26, 130, 30
    height = top + lane_h * max(len(lanes_used), 1) + 66  # axis labels and the legend below the lanes
    chart = Timeline(width=width, height=height, left=left, right=right,
                     axis_y=top + lane_h * len(lanes_used) + 4, undated=undated)
    if not dated:
        return chart
    lo = min(d for d, _ in dated)
    hi = max(d for d, _ in dated)
    # Pad by a month each side so the extreme markers and their labels are not on the frame.
    lo = date(lo.year - (lo.month == 1), (lo.month - 2) % 12 + 1, 1)
    hi = date(hi.year + (hi.month == 12), hi.month % 12 + 1, 28)
    days = max((hi - lo).days, 1)

    def x_of(d: date) -> float:
        return round(left + (width - left - right) * (d - lo).days / days, 1)

    lane_y = {lane: top + lane_h * i + lane_h / 2 for i, lane in enumerate(lanes_used)}
    chart.lanes = [(pretty(lane), y) for lane, y in lane_y.items()]
    ticks = _ticks(lo, hi)
    yearly = all(t.month == 1 for t in ticks)  # yearly ticks read better as "2024" than "2024-01"
    chart.ticks = [Tick(x_of(t), str(t.year) if yearly else f"{t.year}-{t.month:02d}") for t in ticks]
    for d, e in sorted(dated, key=lambda de: de[0]):
        lane = e.get("event_type") if e.get("event_type") in lane_y else "other"
        status = e.get("status") if e.get("status") in STATUS_STYLE else "unknown"
        when = e.get("start") or ""
        if e.get("end") and e.get("end") != e.get("start"):
            when += " to " + e["end"]
        title = f"{e.get('title') or pretty(e.get('event_type'))} ({when}, {status})"
        # Visits are the backbone of a relationship's chronology: they get a visible label.
        label = f"{e.get('title') or 'visit'} ({e.get('start')})" if lane == "visit" else None
        href = f"/event/{quote(e['id'], safe='')}" if links and e.get("id") else None
        x = x_of(d)
        # Same lane, same (partial) date: nudge right so every event stays visible and hoverable.
        while any(abs(m.x - x) < 6 and m.y == lane_y[lane] for m in chart.markers):
            x += 9
        chart.markers.append(Marker(x, lane_y[lane], status, title, label, href, e))
    place_labels(chart.markers, width)
    return chart


LABEL_CHAR_W = 6.7  # px per character at font-size 12, a safe over-estimate for system-ui
LABEL_MAX = 64


def place_labels(markers: list[Marker], width: int) -> None:
    """Give each labelled marker a free slot (above, then below its marker) where its text overlaps
    no other label; a label that fits nowhere is dropped (the marker keeps its hover title), so
    labels never overlap however many events there are."""
    taken: dict[float, list[tuple[float, float]]] = {}
    for m in markers:
        if not m.label:
            continue
        if len(m.label) > LABEL_MAX:
            m.label = m.label[:LABEL_MAX - 1] + "…"
        w = len(m.label) * LABEL_CHAR_W
        m.anchor = "start" if m.x + 9 + w < width - 4 else "end"
        x0, x1 = (m.x + 9, m.x + 9 + w) if m.anchor == "start" else (m.x - 9 - w, m.x - 9)
        for y in (m.y - 11, m.y + 19):
            row = taken.setdefault(y, [])
            if all(x1 + 6 <= a or x0 >= b + 6 for a, b in row):
                row.append((x0, x1))
                m.label_y = y
                break
        else:
            m.label = None


@dataclass
class Bar:
    label: str
    count: int
    y: float
    width: float


@dataclass
class BarChart:
    width: int
    height: int
    left: int
    bars: list[Bar]


def bar_chart(counts: dict[str, int], width: int = 560) -> BarChart:
    """Horizontal bars, one per sector, longest first (the order of ``counts``)."""
    left, row = 150, 24
    biggest = max(counts.values(), default=1) or 1
    usable = width - left - 40
    bars = [Bar(pretty(k), v, 8 + i * row, round(usable * v / biggest, 1))
            for i, (k, v) in enumerate(counts.items())]
    return BarChart(width=width, height=16 + row * max(len(bars), 1), left=left, bars=bars)


# ---- highlighted article text ---------------------------------------------------------------------------

@dataclass
class Span:
    start: int
    end: int
    facts: list[dict]

    @property
    def anchor(self) -> str:
        return f"s-{self.start}-{self.end}"

    @property
    def title(self) -> str:
        return "; ".join(f"{f['kind']}: {fact_label(f)}" for f in self.facts)

    @property
    def kind(self) -> str:
        return self.facts[0]["kind"]


@dataclass
class Token:
    op: str  # "text" | "open" | "close"
    text: str = ""
    span: Span | None = None
    first: bool = False  # the first piece of a span carries its id anchor


def fact_label(rec: dict) -> str:
    for key in ("title", "name", "subject", "field"):
        if rec.get(key):
            text = str(rec[key])
            if key == "subject" and rec.get("value") is not None:
                text = f"{text} {format_value(rec['value'], rec.get('unit'))}"
            return text
    if rec.get("kind") == "quote":
        return f"{rec.get('speaker') or 'unknown speaker'}: “{(rec.get('text') or '')[:80]}”"
    return rec.get("id", "")


def highlight(text: str, facts: list[dict], doc_id: str) -> list[Token]:
    """Split ``text`` into tokens so that every fact source span is wrapped in a <mark>.

    Spans may nest or overlap. Overlapping spans cannot nest in HTML, so a span that crosses the end
    of an enclosing one is closed there and reopened right after (the continuation has no id). Facts
    sharing exactly the same span share one mark whose title names them all.
    """
    by_range: dict[tuple[int, int], Span] = {}
    for rec in facts:
        for s in rec.get("sources") or []:
            if s.get("doc") != doc_id:
                continue
            start, end = max(0, int(s["start"])), min(len(text), int(s["end"]))
            if start >= end:
                continue
            by_range.setdefault((start, end), Span(start, end, [])).facts.append(rec)
    spans = sorted(by_range.values(), key=lambda sp: (sp.start, -sp.end))
    cuts = sorted({0, len(text), *(sp.start for sp in spans), *(sp.end for sp in spans)})
    tokens: list[Token] = []
    stack: list[Span] = []
    opened: set[tuple[int, int]] = set()
    starting: dict[int, list[Span]] = {}
    for sp in spans:
        starting.setdefault(sp.start, []).append(sp)
    for i, pos in enumerate(cuts):
        # Close every span ending here; spans above them on the stack are closed and reopened.
        if any(sp.end == pos for sp in stack):
            deepest = min(k for k, sp in enumerate(stack) if sp.end == pos)
            reopen = [sp for sp in stack[deepest:] if sp.end != pos]
            for _ in stack[deepest:]:
                tokens.append(Token("close"))
            del stack[deepest:]
            for sp in reopen:
                tokens.append(Token("open", span=sp, first=False))
                stack.append(sp)
        for sp in starting.get(pos, []):
            tokens.append(Token("open", span=sp, first=(sp.start, sp.end) not in opened))
            opened.add((sp.start, sp.end))
            stack.append(sp)
        if i + 1 < len(cuts):
            tokens.append(Token("text", text=text[pos:cuts[i + 1]]))
    tokens.extend(Token("close") for _ in stack)
    return tokens


def document_record_view(doc: Any) -> dict:
    """The facts-v1 document record of an ORM Document (without its text)."""
    from dyad.store.records import document_record

    return document_record(doc)


ENV = make_env()
