"""The facts-v1 shape of a stored record (../shared/spec/facts-v1.md), shared by queries and exports."""

from __future__ import annotations

from dyad.store.models import Document

# Field order per kind, as in the spec; internal helper fields are left out.
FIELDS: dict[str, list[str]] = {
    "document": ["title", "url", "published", "source", "sha256", "chars"],
    "entity": ["entity_type", "name", "aliases", "country", "role"],
    "event": ["event_type", "title", "status", "start", "end", "location", "countries", "guest", "host", "level",
              "participants"],
    "agreement": ["title", "instrument", "sectors", "parties", "signed", "status", "event", "signatories", "field",
                  "aliases"],
    "project": ["name", "aliases", "project_type", "countries", "status", "milestones"],
    "metric": ["metric_type", "subject", "value", "unit", "period", "as_of", "deadline", "stated_by", "countries"],
    "quote": ["speaker", "text", "date"],
}
KIND_ORDER = ["entity", "event", "agreement", "project", "metric", "quote"]


def document_record(doc: Document) -> dict:
    return {"kind": "document", "id": doc.doc_id, "title": doc.title, "url": doc.url, "published": doc.published,
            "source": doc.source, "sha256": doc.sha256, "chars": doc.chars, "sources": [], "confidence": None}


def record_json(kind: str, rid: str, data: dict, confidence: float | None = None,
                former_ids: list[str] | None = None) -> dict:
    out: dict = {"kind": kind, "id": rid}
    for f in FIELDS[kind]:
        if f in data:
            out[f] = data[f]
        elif f not in ("field", "aliases"):
            out[f] = None
    out["sources"] = data.get("sources") or []
    out["confidence"] = confidence
    if former_ids:
        out["former_ids"] = sorted(former_ids)
    return out
