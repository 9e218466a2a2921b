"""An Atom feed per country pair: its records, newest change first (``updated`` of each record,
or its documents' ingest time while a resolver leaves that empty)."""

from __future__ import annotations

from datetime import UTC, datetime
from urllib.parse import quote

from sqlalchemy.orm import Session

from dyad.store.queries import dyad_view
from dyad.store.views import record_times
from dyad.web.render import fact_label, render

FEED_SIZE = 50


def rfc3339(ts: str | None) -> str | None:
    """'2025-10-22T08:00:00' (naive = UTC) -> '2025-10-22T08:00:00Z'."""
    if not ts:
        return None
    try:
        dt = datetime.fromisoformat(ts)
    except ValueError:
        return None
    if dt.tzinfo is None:
        dt = dt.replace(tzinfo=UTC)
    return dt.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def pair_feed(session: Session, a: str, b: str, base: str) -> str:
    view = dyad_view(session, a, b)
    records = [r for k in ("events", "agreements", "projects", "quotes") for r in view[k]]
    records += view["targets"] + view["observations"]
    by_kind: dict[str, list[str]] = {}
    for r in records:
        by_kind.setdefault(r["kind"], []).append(r["id"])
    times: dict[tuple[str, str], tuple[str | None, str | None]] = {}
    for kind, ids in by_kind.items():
        for rid, t in record_times(session, kind, ids).items():
            times[(kind, rid)] = t
    now = datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    entries = []
    for r in records:
        first, upd = times.get((r["kind"], r["id"]), (None, None))
        entries.append({"id": f"{base}/{r['kind']}/{quote(r['id'], safe='')}",
                        "url": f"{base}/{r['kind']}/{quote(r['id'], safe='')}",
                        "title": f"{r['kind']}: {fact_label(r)}", "updated": rfc3339(upd) or now,
                        "published": rfc3339(first), "summary": _summary(r), "kind": r["kind"]})
    entries.sort(key=lambda e: (e["updated"], e["id"]), reverse=True)
    entries = entries[:FEED_SIZE]
    updated = entries[0]["updated"] if entries else now
    return render("feed.atom", a=a, b=b, base=base, entries=entries, updated=updated,
                  self_url=f"{base}/dyad/{a}-{b}/feed.atom", page_url=f"{base}/dyad/{a}-{b}")


def _summary(r: dict) -> str:
    parts = []
    for key in ("event_type", "instrument", "project_type", "metric_type", "status"):
        if r.get(key):
            parts.append(str(r[key]).replace("_", " "))
    for key in ("start", "signed", "as_of", "date", "deadline"):
        if r.get(key):
            parts.append(f"{key.replace('_', ' ')} {r[key]}")
    if r.get("kind") == "quote" and r.get("text"):
        parts.append(f"{r.get('speaker') or 'unknown speaker'}: “{r['text']}”")
    return "; ".join(parts)
