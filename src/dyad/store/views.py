"""The data behind one record's page: its documents with the supporting spans, the people and
countries it names (resolved to their records), related records, corrections and flags."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from sqlalchemy import Text, cast, or_, select
from sqlalchemy.orm import Session

from dyad.store.models import RECORD_MODELS, Correction, Document, Entity, Evidence, Mention, RecordAlias
from dyad.store.records import record_json
from dyad.store.relevance import said_during, within

# Fields naming people, per kind.
PEOPLE_FIELDS = {"event": ["participants"], "agreement": ["signatories"], "quote": ["speaker"],
                 "metric": ["stated_by"]}
COUNTRY_FIELDS = {"event": ["countries", "guest", "host"], "agreement": ["parties"], "project": ["countries"],
                  "metric": ["countries"], "entity": ["country"]}
EXCERPT = 400  # characters of a supporting span shown on a page


def follow_alias(session: Session, kind: str, rid: str) -> str | None:
    """The current id of a record once known as ``rid`` (aliases may chain), or None."""
    seen = {rid}
    current = rid
    for _ in range(8):
        row = session.get(RecordAlias, current)
        if row is None or row.kind != kind:
            break
        current = row.record_id
        if current in seen:
            break
        seen.add(current)
        if session.get(RECORD_MODELS[kind], current) is not None:
            return current
    return None


def record_times(session: Session, kind: str, ids: list[str]) -> dict[str, tuple[str | None, str | None]]:
    """(first_seen, updated) per record: the stored columns, or, while a resolver leaves them
    empty, the first and last ingest time of the record's documents."""
    model = RECORD_MODELS[kind]
    out: dict[str, tuple[str | None, str | None]] = {}
    missing = []
    for rid, first, upd in session.execute(select(model.id, model.first_seen, model.updated)
                                           .where(model.id.in_(ids))):
        if first and upd:
            out[rid] = (first, upd)
        else:
            missing.append(rid)
            out[rid] = (first, upd)
    if missing:
        q = (select(Evidence.record_id, Document.ingested_at).join(Mention, Evidence.mention_id == Mention.id)
             .join(Document, Mention.document_id == Document.id)
             .where(Evidence.record_kind == kind, Evidence.record_id.in_(missing)))
        times: dict[str, list[str]] = {}
        for rid, at in session.execute(q):
            if at is not None:
                times.setdefault(rid, []).append(at.isoformat(timespec="seconds"))
        for rid in missing:
            first, upd = out[rid]
            ts = sorted(times.get(rid, []))
            out[rid] = (first or (ts[0] if ts else None), upd or (ts[-1] if ts else None))
    return out


def people_links(session: Session, names: Iterable[str]) -> dict[str, str]:
    """Person name -> entity id, by label first, then by alias."""
    names = {n for n in names if n}
    if not names:
        return {}
    found = dict(session.execute(select(Entity.label, Entity.id)
                                 .where(Entity.subtype == "person", Entity.label.in_(sorted(names)))).all())
    rest = names - set(found)
    if rest:
        import json

        like = or_(*(cast(Entity.data, Text).contains(json.dumps(n)[1:-1], autoescape=True) for n in rest))
        for rid, data in session.execute(select(Entity.id, Entity.data).where(Entity.subtype == "person", like)):
            for n in rest:
                if n in (data.get("aliases") or []) or n == data.get("name"):
                    found.setdefault(n, rid)
    return found


def country_links(session: Session, codes: Iterable[str]) -> dict[str, str]:
    """Alpha-3 code -> the country's page (/country/CODE)."""
    return {c: f"/country/{c}" for c in codes if c}


def _docs_of(session: Session, kind: str, rid: str) -> list[int]:
    return sorted(set(session.scalars(select(Mention.document_id).join(Evidence, Evidence.mention_id == Mention.id)
                                      .where(Evidence.record_kind == kind, Evidence.record_id == rid))))


def records_in_docs(session: Session, kind: str, doc_ids: list[int]) -> list[dict]:
    """Records of ``kind`` with evidence in any of ``doc_ids``, by date."""
    if not doc_ids:
        return []
    model = RECORD_MODELS[kind]
    ids = (select(Evidence.record_id).join(Mention, Evidence.mention_id == Mention.id)
           .where(Evidence.record_kind == kind, Mention.document_id.in_(doc_ids)))
    rows = session.execute(select(model.id, model.data, model.confidence).where(model.id.in_(ids))
                           .order_by(model.date_start.is_(None), model.date_start, model.id))
    return [record_json(kind, r, d, c) for r, d, c in rows]


def _shares_countries(a: dict, b: dict) -> bool:
    ca = set(a.get("countries") or a.get("parties") or [])
    cb = set(b.get("countries") or b.get("parties") or [])
    return not ca or not cb or len(ca & cb) >= min(2, len(ca), len(cb))


def signed_at(agreement: dict, events: list[dict]) -> dict | None:
    """The event an agreement was signed at: the resolver's link, else a visit or signing told in
    the same article whose dates cover the signing date and whose countries are the parties."""
    if agreement.get("event"):
        return next((e for e in events if e["id"] == agreement["event"]), None)
    best = None
    for e in events:
        if e.get("event_type") not in ("visit", "signing", "council_session", "meeting"):
            continue
        if within(agreement.get("signed"), e.get("start"), e.get("end")) and _shares_countries(agreement, e):
            # a visit is the natural "signed during"; a signing ceremony inside it is second best
            rank = {"visit": 0, "council_session": 1, "signing": 2, "meeting": 3}[e["event_type"]]
            if best is None or rank < best[0]:
                best = (rank, e)
    return best[1] if best else None


def related_records(session: Session, kind: str, rec: dict, doc_ids: list[int]) -> dict[str, list[dict]]:
    """Records related to ``rec``: for a visit its meetings, signings, the agreements signed and
    quotes said during it; for an agreement the event it was signed at; for a quote the event it
    was said at; for an event inside a visit, that visit."""
    related: dict[str, list[dict]] = {}
    if kind == "event":
        events = [e for e in records_in_docs(session, "event", doc_ids) if e["id"] != rec["id"]]
        start, end = rec.get("start"), rec.get("end")
        if rec.get("event_type") == "visit":
            parts = [e for e in events if e.get("event_type") != "visit" and _shares_countries(rec, e)
                     and within(e.get("start"), start, end)]
            related["part"] = parts
            agreements = records_in_docs(session, "agreement", doc_ids)
            # signed at the visit itself or at a signing ceremony held during it
            during = {rec["id"], *(p["id"] for p in parts)}
            related["agreement"] = [a for a in agreements
                                    if (signed_at(a, [rec, *events]) or {}).get("id") in during]
            for eid in sorted(during):
                related["agreement"] += [a for a in _agreements_linked_to(session, eid) if a["id"] not in
                                         {x["id"] for x in related["agreement"]}]
            related["quote"] = [q for q in records_in_docs(session, "quote", doc_ids)
                                if said_during(q.get("date"), start, end)]
        else:
            related["visit"] = [e for e in events if e.get("event_type") == "visit" and _shares_countries(rec, e)
                                and within(rec.get("start"), e.get("start"), e.get("end"))]
            related["agreement"] = _agreements_linked_to(session, rec["id"])
    elif kind == "agreement":
        ev = signed_at(rec, records_in_docs(session, "event", doc_ids))
        related["event"] = [ev] if ev else []
    elif kind == "quote":
        related["event"] = [e for e in records_in_docs(session, "event", doc_ids) if e.get("event_type") == "visit"
                            and said_during(rec.get("date"), e.get("start"), e.get("end"))]
    elif kind == "metric":
        related["event"] = []
    elif kind == "project":
        related["agreement"] = [a for a in records_in_docs(session, "agreement", doc_ids)
                                if _shares_countries(rec, a)][:30]
    return {k: v for k, v in related.items() if v}


def _agreements_linked_to(session: Session, event_id: str) -> list[dict]:
    model = RECORD_MODELS["agreement"]
    import json

    like = cast(model.data, Text).contains(json.dumps(event_id), autoescape=True)
    rows = session.execute(select(model.id, model.data, model.confidence).where(like))
    return [record_json("agreement", r, d, c) for r, d, c in rows if d.get("event") == event_id]


def record_view(session: Session, kind: str, rid: str, today: str | None = None) -> dict | None:
    """Everything a record's page shows, or None when there is no such record."""

    model = RECORD_MODELS[kind]
    row = session.get(model, rid)
    if row is None:
        return None
    today = today or date.today().isoformat()
    rec = record_json(kind, row.id, row.data, row.confidence)
    rec["corrected"] = row.data.get("corrected") or []
    first, upd = record_times(session, kind, [rid]).get(rid, (None, None))
    rec["first_seen"], rec["updated"] = first, upd
    doc_ids = _docs_of(session, kind, rid)
    docs = {d.doc_id: d for d in session.scalars(select(Document).where(Document.id.in_(doc_ids)))} \
        if doc_ids else {}
    documents = []
    for doc_id in sorted(docs, key=lambda i: (docs[i].published or "", i)):
        d = docs[doc_id]
        spans = []
        for s in rec["sources"]:
            if s.get("doc") != doc_id:
                continue
            text = d.text[s["start"]:s["end"]]
            spans.append({"start": s["start"], "end": s["end"],
                          "text": text if len(text) <= EXCERPT else text[:EXCERPT] + "…"})
        documents.append({"id": doc_id, "title": d.title, "published": d.published, "source": d.source,
                          "url": d.url, "spans": spans})
    names: list[str] = []
    for fld in PEOPLE_FIELDS.get(kind, []):
        v = rec.get(fld)
        names += v if isinstance(v, list) else [v] if v else []
    codes: list[str] = []
    for fld in COUNTRY_FIELDS.get(kind, []):
        v = rec.get(fld)
        codes += v if isinstance(v, list) else [v] if v else []
    if kind == "quote":
        codes += [c for c in (row.countries or "").split("|") if c]
    flags = []
    if kind == "event" and rec.get("status") == "planned" and rec.get("start") and \
            (rec.get("end") or rec["start"]) + "~" < today:
        flags.append("past_planned")
    keys = list(session.scalars(select(Mention.key).join(Evidence, Evidence.mention_id == Mention.id)
                                .where(Evidence.record_kind == kind, Evidence.record_id == rid)))
    return {"kind": kind, "record": rec, "documents": documents, "people": people_links(session, names),
            "countries": country_links(session, sorted(set(codes))), "related": related_records(session, kind, rec,
                                                                                                doc_ids),
            "corrections": corrections_for(session, kind, keys), "flags": flags, "today": today,
            "pairs": _pairs_of(row.countries, kind)}


def _pairs_of(countries: str | None, kind: str) -> list[str]:
    from dyad.store.search import record_pairs

    return record_pairs(countries, kind)


def _recent_record_ids(session: Session, since_dt: object, enough: int) -> dict[str, set[str]]:
    """Ids per kind of records with evidence in documents ingested since ``since_dt``, newest
    documents first, stopping once there are ``enough`` in all (one pass for all kinds; filtering
    the kind in Python keeps SQLite on the mention -> evidence indexes)."""
    docs = list(session.scalars(select(Document.id).where(Document.ingested_at >= since_dt)
                                .order_by(Document.ingested_at.desc())))
    out: dict[str, set[str]] = {k: set() for k in RECORD_MODELS}
    for i in range(0, len(docs), 50):
        q = (select(Evidence.record_kind, Evidence.record_id).join(Mention, Evidence.mention_id == Mention.id)
             .where(Mention.document_id.in_(docs[i:i + 50])))
        for kind, rid in session.execute(q):
            if kind in out:
                out[kind].add(rid)
        if sum(len(v) for v in out.values()) >= enough:  # the answer is cut at the limit anyway
            break
    return out


def changes_since(session: Session, since: str, limit: int = 500) -> list[dict]:
    """Records whose ``updated`` is at or after ``since`` (records without one count from their
    documents' ingest time), newest first."""
    from datetime import UTC, datetime

    since_dt = datetime.fromisoformat(since if "T" in since or " " in since else since + "T00:00:00")
    if since_dt.tzinfo is not None:
        since_dt = since_dt.astimezone(UTC)
    # SQLite keeps naive UTC times; PostgreSQL compares aware ones.
    since_dt = since_dt.replace(tzinfo=UTC if session.get_bind().dialect.name == "postgresql" else None)
    out: list[dict] = []
    recent: dict[str, set[str]] | None = None
    for kind, model in RECORD_MODELS.items():
        rows = session.execute(select(model.id, model.data, model.confidence).where(model.updated >= since)
                               .order_by(model.updated.desc()).limit(limit)).all()
        if len(rows) < limit:
            # While a resolver leaves `updated` empty, a record counts from its documents' ingest
            # time: walk from the recent documents (few) to their records, not the other way round.
            if recent is None:
                recent = _recent_record_ids(session, since_dt, limit * 2)
            ids = sorted(recent.get(kind, ()))
            if ids:
                rows += session.execute(select(model.id, model.data, model.confidence)
                                        .where(model.id.in_(ids), model.updated.is_(None))
                                        .limit(limit - len(rows))).all()
        times = record_times(session, kind, [r for r, _, _ in rows])
        for rid, data, conf in rows:
            rec = record_json(kind, rid, data, conf)
            rec["first_seen"], rec["updated"] = times.get(rid, (None, None))
            rec["change"] = "new" if (rec["first_seen"] or "") >= since else "updated"
            out.append(rec)
    out.sort(key=lambda r: (r.get("updated") or "", r["kind"], r["id"]), reverse=True)
    return out[:limit]


def corrections_for(session: Session, kind: str, keys: Iterable[str]) -> list[dict]:
    """Corrections that touch a record holding mention ``keys`` (for its page)."""
    keys = set(keys)
    out = []
    for c in session.scalars(select(Correction).where(Correction.kind == kind).order_by(Correction.id)):
        if keys & set(c.keys_a or []) or keys & set(c.keys_b or []):
            out.append({"id": c.id, "created_at": c.created_at.isoformat() if c.created_at else None,
                        "action": c.action, "field": c.field, "value": c.value, "note": c.note,
                        "record_id": c.record_id})
    return out
