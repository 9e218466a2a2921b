"""Flat CSV: one row per record, one value per cell. Lists are joined with "; ", sources are
written as "doc:start-end", milestones as "date status description" - never JSON in a cell."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable

COLUMNS = ["kind", "id", "date", "end", "type", "status", "title", "countries", "participants", "location",
           "value", "unit", "period", "deadline", "overdue", "speaker", "text", "sectors", "milestones", "event",
           "confidence", "sources"]
TYPE_KEYS = ("event_type", "instrument", "project_type", "metric_type", "entity_type")
DATE_KEYS = ("start", "signed", "as_of", "date", "published")


def _join(values: Iterable[object]) -> str:
    return "; ".join(str(v) for v in values if v not in (None, ""))


def flat_row(rec: dict) -> dict[str, str]:
    """One record (facts-v1 shape) as a row of plain cells."""
    def first(keys: tuple[str, ...]) -> object:
        return next((rec[k] for k in keys if rec.get(k) not in (None, "")), None)

    people = rec.get("participants") or rec.get("signatories") or []
    countries = rec.get("countries") or rec.get("parties") or ([rec["country"]] if rec.get("country") else [])
    row = {
        "kind": rec.get("kind"), "id": rec.get("id"), "date": first(DATE_KEYS), "end": rec.get("end"),
        "type": first(TYPE_KEYS), "status": rec.get("status"),
        "title": rec.get("title") or rec.get("name") or rec.get("subject") or rec.get("field"),
        "countries": _join(countries), "participants": _join(people + ([rec["stated_by"]] if rec.get("stated_by")
                                                                         else [])),
        "location": rec.get("location"), "value": rec.get("value"), "unit": rec.get("unit"),
        "period": rec.get("period"), "deadline": rec.get("deadline"),
        "overdue": {True: "yes", False: "no"}.get(rec.get("overdue")) if "overdue" in rec else None,
        "speaker": rec.get("speaker"), "text": rec.get("text"), "sectors": _join(rec.get("sectors") or []),
        "milestones": _join(_join([m.get("date"), m.get("status"), m.get("description")]).replace("; ", " ")
                            for m in rec.get("milestones") or []),
        "event": rec.get("event"), "confidence": rec.get("confidence"),
        "sources": _join(f"{s['doc']}:{s['start']}-{s['end']}" for s in rec.get("sources") or []),
    }
    return {k: "" if v is None else str(v) for k, v in row.items()}


def flat_csv(records: Iterable[dict]) -> str:
    buf = io.StringIO()
    w = csv.DictWriter(buf, fieldnames=COLUMNS, extrasaction="ignore")
    w.writeheader()
    for rec in records:
        w.writerow(flat_row(rec))
    return buf.getvalue()
