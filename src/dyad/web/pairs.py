"""The pair page's URL handling: one canonical URL per pair, its filters (kept in the URL and
applied alike to the page, its JSON twin and its CSV download), and timeline paging."""

from __future__ import annotations

import re
from datetime import date

from fastapi import Request
from fastapi.responses import RedirectResponse, Response

from dyad.export.flat import flat_csv
from dyad.store.queries import PAIR_KINDS, PairFilters

PARTIAL_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")
PAIR_TYPES = ["visit", "meeting", "signing", "opening", "council_session", "treaty", "agreement", "memorandum",
              "joint_statement", "declaration", "decision", "protocol", "roadmap", "program", "corridor", "railway",
              "road", "pipeline", "facility", "target", "observation"]
PAIR_STATUSES = ["occurred", "planned", "cancelled", "signed", "in_force", "proposed", "agreed",
                 "under_construction", "operational"]
TIMELINE_PAGE = 60  # dated events drawn at once; more are paged, newest page first


def canonical_pair(request: Request, a: str, b: str) -> Response:
    """308 to /dyad/A-B with the codes in alphabetical order, keeping the query string."""
    url = f"/dyad/{min(a, b)}-{max(a, b)}"
    if request.url.query:
        url += "?" + request.url.query
    return RedirectResponse(url, status_code=308)


def _date(name: str, value: str | None) -> str | None:
    if not value:
        return None
    m = PARTIAL_DATE.match(value)
    if m:
        try:
            date(int(m.group(1)), int(m.group(2) or 1), int(m.group(3) or 1))
            return value
        except ValueError:
            pass
    raise ValueError(f"{name} must be an ISO date YYYY, YYYY-MM or YYYY-MM-DD, got {value!r}")


def pair_filters(request: Request) -> PairFilters:
    """The filters in the query string, validated (ValueError with a clear message)."""
    qp = request.query_params
    kinds = [k for k in qp.getlist("kind") if k]
    for k in kinds:
        if k not in PAIR_KINDS:
            raise ValueError(f"kind must be one of {', '.join(PAIR_KINDS)}, got {k!r}")
    lo, hi = _date("from", qp.get("from")), _date("to", qp.get("to"))
    if lo and hi and lo > hi + "~":
        raise ValueError("to must not be before from")
    conf = qp.get("min_confidence") or None
    min_conf = None
    if conf is not None:
        try:
            min_conf = float(conf)
        except ValueError as exc:
            raise ValueError(f"min_confidence must be a number between 0 and 1, got {conf!r}") from exc
        if not 0 <= min_conf <= 1:
            raise ValueError(f"min_confidence must be between 0 and 1, got {conf!r}")
    typ = qp.get("type") or None
    if typ and typ not in PAIR_TYPES:
        raise ValueError(f"type must be one of {', '.join(PAIR_TYPES)}, got {typ!r}")
    status = qp.get("status") or None
    if status and status not in PAIR_STATUSES:
        raise ValueError(f"status must be one of {', '.join(PAIR_STATUSES)}, got {status!r}")
    return PairFilters(date_from=lo, date_to=hi, kinds=kinds, type=typ, status=status,
                       source=qp.get("source") or None, min_confidence=min_conf)


def csv_response(view: dict, name: str) -> Response:
    records = [r for k in ("events", "agreements", "projects", "targets", "observations", "quotes")
               for r in view[k]]
    return Response(flat_csv(records), media_type="text/csv; charset=utf-8",
                    headers={"Content-Disposition": f'attachment; filename="{name}.csv"'})


def timeline_page(events: list[dict], tpage: int) -> tuple[list[dict], dict]:
    """The dated events of timeline page ``tpage`` (0 = the newest TIMELINE_PAGE), and the pager."""
    dated = [e for e in events if e.get("start")]
    pages = max(1, -(-len(dated) // TIMELINE_PAGE))
    tpage = min(tpage, pages - 1)
    end = len(dated) - tpage * TIMELINE_PAGE
    chunk = dated[max(0, end - TIMELINE_PAGE):end]
    pager = {"page": tpage, "pages": pages, "shown": len(chunk), "dated": len(dated),
             "first": chunk[0]["start"] if chunk else None, "last": chunk[-1]["start"] if chunk else None}
    return chunk, pager
