"""Ingestion: read inputs, store each new document with its fact mentions in one
transaction, then re-resolve the knowledge base from all stored mentions."""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from dyad.ingest.sources import IngestError, RawDocument, read_inputs
from dyad.store.db import session_scope
from dyad.store.models import Document, Mention

BATCH = 16


@dataclass
class IngestReport:
    added: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)  # already stored (same text)
    errors: list[IngestError] = field(default_factory=list)


def sha256_text(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def mention_rows(doc_sha: str, facts: Iterable[dict], text: str) -> list[Mention]:
    """Turn fact dicts into Mention rows with keys stable across databases."""
    rows: list[Mention] = []
    seen: dict[tuple, int] = {}
    for fact in facts:
        sources = fact.get("sources") or []
        if not sources:
            continue
        start = min(s["start"] for s in sources)
        end = max(s["end"] for s in sources)
        sig = (fact["kind"], start, end)
        n = seen.get(sig, 0)
        seen[sig] = n + 1
        key = f"{doc_sha[:16]}:{fact['kind']}:{start}:{end}:{n}"
        rows.append(Mention(kind=fact["kind"], key=key, start=start, end=end, text=text[start:end], payload=fact))
    return rows


def _unique_doc_id(session: Session, doc_id: str) -> str:
    """Another text already stored under this id (an edited file, say) keeps its id."""
    candidate, n = doc_id, 1
    while session.scalar(select(Document.id).where(Document.doc_id == candidate)) is not None:
        n += 1
        candidate = f"{doc_id}#{n}"
    return candidate


def store_document(session: Session, raw: RawDocument, facts: list[dict]) -> Document:
    sha = sha256_text(raw.text)
    doc = Document(doc_id=_unique_doc_id(session, raw.doc_id), title=raw.title, url=raw.url,
                   published=raw.published, source=raw.source, sha256=sha, chars=len(raw.text),
                   text=raw.text, origin=raw.origin)
    doc.mentions = mention_rows(sha, facts, raw.text)
    session.add(doc)
    return doc


def ingest(inputs: list[str], factory: sessionmaker[Session],
           on_progress: Callable[[str, str], None] | None = None, resolve: bool = True,
           workers: int = 1, dask: str | None = None) -> IngestReport:
    """``workers`` and ``dask`` say where the text is analysed (see :func:`dyad.ingest.extract.extract`);
    reading, deduplication, storage and resolution stay in this process."""
    from dyad.ingest.extract import extract

    report = IngestReport()
    pending: list[RawDocument] = []

    def flush() -> None:
        if not pending:
            return
        for raw, facts in extract(pending, workers=workers, dask=dask):
            if isinstance(facts, Exception):
                report.errors.append(IngestError(raw.origin or raw.doc_id, f"cannot analyse: {facts}"))
                if on_progress:
                    on_progress(raw.doc_id, "error")
                continue
            try:
                with session_scope(factory) as session:
                    stored = store_document(session, raw, facts)
                    report.added.append(stored.doc_id)
                    status = "added"
            except Exception as exc:  # one bad document must not lose the others
                report.errors.append(IngestError(raw.origin or raw.doc_id, f"cannot store: {exc}"))
                status = "error"
            if on_progress:
                on_progress(raw.doc_id, status)
        pending.clear()

    with factory() as session:
        known = set(session.scalars(select(Document.sha256)))
    for item in read_inputs(inputs):
        if isinstance(item, IngestError):
            report.errors.append(item)
            if on_progress:
                on_progress(item.name, "error")
            continue
        sha = sha256_text(item.text)
        if sha in known:
            report.skipped.append(item.doc_id)
            if on_progress:
                on_progress(item.doc_id, "skipped")
            continue
        known.add(sha)
        pending.append(item)
        if len(pending) >= BATCH:
            flush()
    flush()
    if resolve and report.added:
        from dyad.resolve.resolver import resolve_all

        resolve_all(factory)
    return report
