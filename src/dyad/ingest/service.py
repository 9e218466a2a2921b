"""Ingestion: read inputs, extract facts, and store each batch of new documents with their
mentions and the resolution of what they touch, in one transaction."""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from dyad.ingest.sources import FetchPolicy, IngestError, IngestWarning, RawDocument, read_inputs
from dyad.store.db import db_error_message, lock_for_writing, retry_busy, session_scope
from dyad.store.models import Document, Mention
from dyad.store.search import reindex_records

# Documents per transaction (extracted together, stored and resolved together).
BATCH = int(os.environ.get("DYAD_INGEST_BATCH", "16"))


@dataclass
class IngestReport:
    added: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)  # already stored (same text)
    errors: list[IngestError] = field(default_factory=list)
    warnings: list[IngestWarning] = field(default_factory=list)  # nothing lost, but worth saying
    resumed: int = 0  # blocks of resolution work left by an earlier run and finished now


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


def ingest(inputs: list[str], factory: sessionmaker[Session],
           on_progress: Callable[[str, str], None] | None = None, resolve: bool = True,
           policy: FetchPolicy | None = None, workers: int = 1, dask: str | None = None) -> IngestReport:
    """Read, extract, then store each batch of documents and resolve what they touch, in one
    transaction: readers see the base before or after a batch, never between. Resolution
    work left over by an interrupted or deferred run is finished first. ``workers`` and ``dask``
    say where the text is analysed (see :func:`dyad.ingest.extract.extract`); reading,
    deduplication, storage and resolution stay in this process.

    :func:`~dyad.ingest.extract.extract` is given the whole stream of new documents, so the
    workers go on extracting the next ones (a bounded number ahead) while this process stores
    and resolves a batch; the results come back in input order, so the batches, and the base,
    are those of a single-process run."""
    from dyad.ingest.extract import WARNING_KIND, extract

    report = IngestReport()
    finish_leftover(factory, report)

    def progress(name: str, status: str) -> None:
        if on_progress:
            on_progress(name, status)

    with factory() as session:
        known = set(retry_busy(lambda: list(session.scalars(select(Document.sha256)))))

    def new_documents() -> Iterator[RawDocument]:
        """Read and deduplicate here, lazily: extract() pulls documents as its workers free up."""
        for item in read_inputs(inputs, policy):
            if isinstance(item, IngestWarning):
                report.warnings.append(item)
                continue
            if isinstance(item, IngestError):
                report.errors.append(item)
                progress(item.name, "error")
                continue
            report.warnings.extend(IngestWarning(item.origin or item.doc_id, w) for w in item.warnings)
            sha = sha256_text(item.text)
            if sha in known:
                report.skipped.append(item.doc_id)
                progress(item.doc_id, "skipped")
                continue
            known.add(sha)
            yield item

    def store(batch: list[tuple[RawDocument, list[dict]]]) -> None:
        if not batch:
            return
        for raw, status in store_batch(factory, batch, report, resolve=resolve):
            progress(raw.doc_id, status)
        batch.clear()

    analysed: list[tuple[RawDocument, list[dict]]] = []
    for raw, facts in extract(new_documents(), workers=workers, dask=dask, ahead=2 * BATCH, step=BATCH):
        if isinstance(facts, Exception):
            report.errors.append(IngestError(raw.origin or raw.doc_id, f"cannot analyse: {facts}"))
            progress(raw.doc_id, "error")
            continue
        for note in (f["text"] for f in facts if f.get("kind") == WARNING_KIND):
            report.warnings.append(IngestWarning(raw.origin or raw.doc_id, note))
        analysed.append((raw, [f for f in facts if f.get("kind") != WARNING_KIND]))
        if len(analysed) >= BATCH:
            store(analysed)
    store(analysed)
    return report


def finish_leftover(factory: sessionmaker[Session], report: IngestReport) -> None:
    """Finish resolution work an earlier run recorded but did not do."""
    from dyad.resolve.resolver import finish_pending, pending

    with factory() as session:
        if not pending(session):
            return
    def finish() -> int:
        with session_scope(factory) as session:
            lock_for_writing(session)
            return finish_pending(session)

    report.resumed = retry_busy(finish)


def store_batch(factory: sessionmaker[Session], analysed: list[tuple[RawDocument, list[dict]]],
                report: IngestReport, resolve: bool = True) -> list[tuple[RawDocument, str]]:
    """Store documents with their mentions and resolve them, all in one transaction.

    If that fails, each document is stored on its own (one bad document must not lose the
    others); if resolution itself fails, the documents are kept and their resolution is
    recorded as pending, for the next ``dyad ingest`` or ``dyad resolve`` to finish."""
    from dyad.resolve.resolver import defer, resolve_mentions
    from dyad.resolve.units import index_mentions

    def run(items: list[tuple[RawDocument, list[dict]]], do_resolve: bool) -> list[tuple[RawDocument, str]]:
        out: list[tuple[RawDocument, str]] = []
        with session_scope(factory) as session:
            lock_for_writing(session)
            new_ids: list[int] = []
            added_docs: list[str] = []
            for raw, facts in items:
                # Checked under the writer lock: another process may have stored it meanwhile.
                if session.scalar(select(Document.id).where(Document.sha256 == sha256_text(raw.text))):
                    out.append((raw, "skipped"))
                    continue
                doc = store_document(session, raw, facts)
                session.flush()
                new_ids.extend(m.id for m in doc.mentions)
                added_docs.append(doc.doc_id)
                out.append((raw, "added"))
            reindex_records(session, "document", added_docs)
            # The rows are written: drop their objects, so that resolution's UPDATE statements do not
            # match each against every object of the batch (that made a batch quadratic in its mentions).
            session.expunge_all()
            index_mentions(session, new_ids)
            if do_resolve:
                resolve_mentions(session, new_ids)
            else:
                defer(session, new_ids)
        return out

    try:
        results = retry_busy(lambda: run(analysed, resolve))  # one transaction: safe to run again
    except Exception as exc:
        if len(analysed) > 1:
            results = []
            for item in analysed:
                results.extend(store_batch(factory, [item], report, resolve))
            return results
        raw = analysed[0][0]
        if not resolve:
            # Never the SQL statement or its parameters: they hold the article text.
            report.errors.append(IngestError(raw.origin or raw.doc_id, f"cannot store: {db_error_message(exc)}"))
            return [(raw, "error")]
        # Store it with its resolution recorded as pending, and say so.
        results = store_batch(factory, analysed, report, resolve=False)
        if results and results[0][1] == "added":
            report.warnings.append(IngestWarning(raw.origin or raw.doc_id,
                                                 f"stored; resolution deferred ({db_error_message(exc)})"))
        return results
    for raw, status in results:
        (report.added if status == "added" else report.skipped).append(raw.doc_id)
    return results
