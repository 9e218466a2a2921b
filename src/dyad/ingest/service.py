"""Ingestion: read inputs, store each new document with its fact mentions in one
transaction, then re-resolve the knowledge base from all stored mentions."""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, sessionmaker

from dyad.ingest.sources import FetchPolicy, IngestError, IngestWarning, RawDocument, read_inputs
from dyad.store.db import db_error_message, retry_busy, write_scope
from dyad.store.models import Document, Mention

BATCH = 16


@dataclass
class IngestReport:
    added: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)  # already stored (same text)
    errors: list[IngestError] = field(default_factory=list)
    warnings: list[IngestWarning] = field(default_factory=list)  # nothing lost, but worth saying


class AlreadyStored(Exception):
    """Another ingest stored the same text first (a race between two runs)."""


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
    if session.scalar(select(Document.id).where(Document.sha256 == sha)) is not None:
        raise AlreadyStored(raw.doc_id)
    doc = Document(doc_id=_unique_doc_id(session, raw.doc_id), title=raw.title, url=raw.url,
                   published=raw.published, source=raw.source, sha256=sha, chars=len(raw.text),
                   text=raw.text, origin=raw.origin)
    doc.mentions = mention_rows(sha, facts, raw.text)
    session.add(doc)
    return doc


def _store_one(factory: sessionmaker[Session], raw: RawDocument, facts: list[dict]) -> tuple[str, str]:
    """Store one document in its own write transaction, waiting out a busy database. Returns
    ("added", stored id) or ("skipped", id) when the same text is stored already, perhaps by a
    concurrent ingest that won the race."""

    def attempt() -> str:
        with write_scope(factory) as session:
            return store_document(session, raw, facts).doc_id

    try:
        return "added", retry_busy(attempt)
    except AlreadyStored:
        return "skipped", raw.doc_id
    except IntegrityError:
        # PostgreSQL, or a writer that slipped in between: the unique sha256 decides.
        with factory() as session:
            if session.scalar(select(Document.id).where(Document.sha256 == sha256_text(raw.text))) is not None:
                return "skipped", raw.doc_id
        raise


def ingest(inputs: list[str], factory: sessionmaker[Session],
           on_progress: Callable[[str, str], None] | None = None, resolve: bool = True,
           policy: FetchPolicy | None = None) -> IngestReport:
    from dyad.nlp.pipeline import ArticleInput, analyse

    report = IngestReport()
    pending: list[RawDocument] = []

    def flush() -> None:
        if not pending:
            return
        articles = [ArticleInput(r.doc_id, r.text, r.published) for r in pending]
        for raw, spacy_doc in zip(pending, analyse(articles), strict=True):
            try:
                status, stored_id = _store_one(factory, raw, list(spacy_doc._.facts or []))
                (report.added if status == "added" else report.skipped).append(stored_id)
            except Exception as exc:  # one bad document must not lose the others
                # Never the SQL statement or its parameters: they hold the article text.
                report.errors.append(IngestError(raw.origin or raw.doc_id, f"cannot store: {db_error_message(exc)}"))
                status = "error"
            if on_progress:
                on_progress(raw.doc_id, status)
        pending.clear()

    with factory() as session:
        known = set(retry_busy(lambda: list(session.scalars(select(Document.sha256)))))
    for item in read_inputs(inputs, policy):
        if isinstance(item, IngestWarning):
            report.warnings.append(item)
            continue
        if isinstance(item, IngestError):
            report.errors.append(item)
            if on_progress:
                on_progress(item.name, "error")
            continue
        report.warnings.extend(IngestWarning(item.origin or item.doc_id, w) for w in item.warnings)
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

        retry_busy(lambda: resolve_all(factory))  # one transaction: safe to run again
    return report
