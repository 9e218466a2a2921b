"""The printable brief: one self-contained HTML file on a country pair.

Inline CSS and inline SVG only, no scripts and no external resources, so the file can be mailed,
archived or printed years later and still look the same. It uses the same queries and chart
geometry as the /dyad page, so the two never disagree.
"""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

from sqlalchemy.orm import Session, sessionmaker

from dyad.store.queries import dyad_view
from dyad.web.render import bar_chart, render, timeline_chart

ALPHA3 = re.compile(r"^[A-Z]{3}$")


def brief_html(factory: sessionmaker[Session], a: str, b: str, today: str | None = None) -> str:
    """The brief as a string; ValueError for a malformed code or a pair without records."""
    a, b = (a or "").strip().upper(), (b or "").strip().upper()
    for code in (a, b):
        if not ALPHA3.match(code):
            raise ValueError(f"{code!r} is not an ISO 3166-1 alpha-3 country code (e.g. KAZ, AZE)")
    if a == b:
        raise ValueError(f"a brief needs two different countries, got {a} twice")
    with factory() as session:
        view = dyad_view(session, a, b, today=today)
    if not any(view["counts"][k] for k in ("event", "agreement", "project", "metric", "quote")):
        raise ValueError(f"the knowledge base has no records on {a}-{b}")
    # Sources are numbered once; every fact cites them as [n], linking to the list at the end.
    docnum = {d["id"]: i for i, d in enumerate(view["documents"], start=1)}
    return render("brief.html", **view, docnum=docnum, generated=date.today().isoformat(),
                  timeline=timeline_chart(view["events"], width=900, links=False),
                  sectors=bar_chart({k: len(v) for k, v in view["agreements_by_sector"].items()}, width=520))


def write_brief(factory: sessionmaker[Session], a: str, b: str, path: Path) -> Path:
    html = brief_html(factory, a, b)
    path = Path(path)
    path.write_text(html, encoding="utf-8")
    return path
