"""Geometry of the per-pair figure charts: one small chart per observed series (trade turnover,
exports, imports, investment) with the targets set for it drawn against what was reached.

Computed here as plain numbers and strings; templates/_figures.html draws them (autoescaped)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from dyad.web.render import format_value, parse_partial

# Series by what the subject says; the order is the display order.
SERIES = [("exports", ("export",)), ("imports", ("import",)), ("investment", ("invest",)),
          ("trade turnover", ("turnover", "trade"))]


CURRENCY = re.compile(r"^[A-Z]{3}$")
NOT_MONEY_FLOWS = ("cargo", "freight", "transit", "passenger", "container")


def series_of(subject: str | None) -> str | None:
    low = (subject or "").lower()
    if any(w in low for w in NOT_MONEY_FLOWS):  # tons of cargo are not trade turnover
        return None
    for name, words in SERIES:
        if any(w in low for w in words):
            return name
    return None


@dataclass
class Point:
    x: float
    y: float
    label: str
    href: str


@dataclass
class TargetMark:
    x0: float
    x1: float
    y: float
    label: str
    overdue: bool
    href: str
    deadline: bool = True  # False: open-ended, no deadline marker


@dataclass
class Chart:
    name: str
    unit: str | None
    width: int
    height: int
    left: int
    top: int
    bottom: int
    right: int
    points: list[Point] = field(default_factory=list)
    targets: list[TargetMark] = field(default_factory=list)
    xticks: list[tuple[float, str]] = field(default_factory=list)
    yticks: list[tuple[float, str]] = field(default_factory=list)
    today_x: float | None = None

    @property
    def path(self) -> str:
        return " ".join(f"{'M' if i == 0 else 'L'}{p.x},{p.y}" for i, p in enumerate(self.points))


def figure_charts(observations: list[dict], targets: list[dict], today: str, width: int = 520,
                  height: int = 220) -> list[Chart]:
    """One chart per (series, unit) that has at least one dated observation or target."""
    groups: dict[tuple[str, str | None], dict[str, list[dict]]] = {}
    for kind, recs in (("obs", observations), ("tgt", targets)):
        for m in recs:
            name = series_of(m.get("subject"))
            # Money only (a currency code): a percentage is a growth rate, not a level of the series.
            if name is None or m.get("value") is None or not CURRENCY.match(m.get("unit") or ""):
                continue
            groups.setdefault((name, m.get("unit")), {"obs": [], "tgt": []})[kind].append(m)
    order = {name: i for i, (name, _) in enumerate(SERIES)}
    charts = []
    for (name, unit), g in sorted(groups.items(), key=lambda kv: (order[kv[0][0]], kv[0][1] or "")):
        chart = _chart(name, unit, g["obs"], g["tgt"], today, width, height)
        if chart is not None:
            charts.append(chart)
    return charts


def _chart(name: str, unit: str | None, obs: list[dict], tgts: list[dict], today: str, width: int,
           height: int) -> Chart | None:
    dated_obs = [(parse_partial(m.get("as_of")), m) for m in obs]
    dated_obs = sorted([(d, m) for d, m in dated_obs if d], key=lambda dm: dm[0])
    tgt_dates = []
    open_ended = []  # targets without a deadline: drawn from when they were set to the right edge
    for t in tgts:
        d1 = parse_partial(t.get("deadline"))
        d0 = parse_partial(t.get("as_of")) or d1
        if d1 and d0:
            tgt_dates.append((d0, d1, t))
        elif d0:
            open_ended.append((d0, t))
    if not dated_obs and not tgt_dates and not open_ended:
        return None
    today_d = parse_partial(today) or date.today()
    all_dates = [d for d, _ in dated_obs] + [d for d0, d1, _ in tgt_dates for d in (d0, d1)] + \
        [d for d, _ in open_ended]
    lo, hi = min(all_dates), max(all_dates)
    lo = date(lo.year, 1, 1)
    hi = date(hi.year + 1, 1, 1)
    values = [m["value"] for _, m in dated_obs] + [t["value"] for _, _, t in tgt_dates] + \
        [t["value"] for _, t in open_ended]
    vmax = max(values) * 1.15 or 1
    c = Chart(name=name, unit=unit, width=width, height=height, left=78, top=14, bottom=34, right=16)
    plot_w, plot_h = width - c.left - c.right, height - c.top - c.bottom
    days = max((hi - lo).days, 1)

    def x_of(d: date) -> float:
        return round(c.left + plot_w * (d - lo).days / days, 1)

    def y_of(v: float) -> float:
        return round(c.top + plot_h * (1 - v / vmax), 1)

    years = list(range(lo.year, hi.year + 1))
    step = max(1, len(years) // 8)
    c.xticks = [(x_of(date(y, 1, 1)), str(y)) for y in years[::step]]
    c.yticks = [(y_of(vmax * i / 4), format_value(vmax * i / 4, unit)) for i in range(5)]
    if lo <= today_d <= hi:
        c.today_x = x_of(today_d)
    for d, m in dated_obs:
        c.points.append(Point(x_of(d), y_of(m["value"]), f"{m.get('subject')}: {format_value(m['value'], unit)} "
                              f"({m.get('as_of')})", f"/metric/{m['id']}"))
    for d0, d1, t in tgt_dates:
        label = f"target {format_value(t['value'], unit)} by {t.get('deadline')}"
        if t.get("overdue"):
            label += " — overdue"
        c.targets.append(TargetMark(x_of(d0), x_of(d1), y_of(t["value"]), label, bool(t.get("overdue")),
                                    f"/metric/{t['id']}"))
    for d0, t in open_ended:
        label = f"target {format_value(t['value'], unit)}, no deadline given (set {t.get('as_of')})"
        c.targets.append(TargetMark(x_of(d0), float(c.width - c.right), y_of(t["value"]), label, False,
                                    f"/metric/{t['id']}", deadline=False))
    return c
