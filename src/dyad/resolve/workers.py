"""Worker processes for a full resolution: they read and build, the main process writes.

A database has one writer, and a full resolution spends about half its time on work that
does not need it: reading mentions, decoding their payloads, clustering and merging. Worker
processes do that for the next batches of units, each on a read-only connection of its own,
while the main process links and writes the batch before. Workers see the committed base,
so the caller must have written no mention in its transaction (``dyad resolve`` has not: it
only rebuilds records); a base no other connection can open (SQLite in memory) is built in
the main process.
"""

from __future__ import annotations

import multiprocessing
import os
from collections import deque
from collections.abc import Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from types import SimpleNamespace
from typing import Any

from sqlalchemy import Engine, text
from sqlalchemy.orm import Session, sessionmaker

from dyad.memory import gc_paused
from dyad.resolve import units as un
from dyad.resolve.build import Built, build_units
from dyad.store.db import make_engine
from dyad.store.models import Correction

WORKER_CACHE_KB = 16384
PARALLEL_FROM = 60000  # mentions: below this a pool costs more to start than it saves

_ENGINE: dict[str, Engine] = {}  # per worker process: one engine per base


def default_workers(mentions: int) -> int:
    """How many worker processes a full resolution of ``mentions`` mentions uses (0 = none)."""
    if mentions < PARALLEL_FROM:
        return 0
    try:
        cores = len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        cores = os.cpu_count() or 1
    # One core stays the writer's: it is the critical path.
    return max(1, min(4, cores - 1))


def shareable_url(session: Session) -> str | None:
    """The base's URL with its password, when another process can open it (not SQLite in memory)."""
    url = session.get_bind().url
    if url.get_backend_name() == "sqlite" and (not url.database or url.database == ":memory:"):
        return None
    return url.render_as_string(hide_password=False)


def plain_corrections(corrections: list[Correction]) -> list[SimpleNamespace]:
    """The analyst's corrections as plain values a worker can receive."""
    cols = [c.name for c in Correction.__table__.columns]
    return [SimpleNamespace(**{name: getattr(c, name) for name in cols}) for c in corrections]


def _engine(url: str) -> Engine:
    if url not in _ENGINE:  # no migration: the main process holds the write lock, and did it
        _ENGINE[url] = make_engine(url)
    return _ENGINE[url]


def _die_with_parent() -> None:
    """Linux: the kernel ends a worker when the process that started it dies (killed while a worker
    was blocked handing back a batch, it would otherwise live on, holding its memory)."""
    try:
        import ctypes
        import signal

        ctypes.CDLL("libc.so.6", use_errno=True).prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):  # not Linux: the pool's own shutdown is all there is
        pass


def build_batch(url: str, kind: str, unit_ids: list[list[int]], corrections: list[Any]) -> list[Built]:
    """Read the mentions of ``unit_ids`` from the base at ``url`` and build their records."""
    with gc_paused(), sessionmaker(bind=_engine(url))() as session:
        # A small page cache: the mentions are read once; the writer's cache is the one that counts.
        if session.get_bind().dialect.name == "sqlite":
            session.execute(text(f"PRAGMA cache_size=-{WORKER_CACHE_KB}"))
        mentions = un.load(session, [i for u in unit_ids for i in u])
        units = [sorted((mentions[i] for i in u if i in mentions), key=lambda m: m.order) for u in unit_ids]
        return build_units(kind, [u for u in units if u], corrections)


class BuildPool:
    """Worker processes building batches ahead of the writer, in submission order."""

    def __init__(self, url: str, workers: int) -> None:
        self.url = url
        self.workers = workers
        # Spawned, not forked: a fork would copy the main process's open database connections.
        self.pool = ProcessPoolExecutor(max_workers=workers, mp_context=multiprocessing.get_context("spawn"),
                                        initializer=_die_with_parent)

    def built(self, kind: str, batches: Iterator[list[list[int]]], corrections: list[Any]) -> Iterator[list[Built]]:
        """The records of each batch, in order; a few batches are built ahead (bounded memory)."""
        ahead: deque[Future[list[Built]]] = deque()
        for batch in batches:
            ahead.append(self._submit(build_batch, self.url, kind, batch, corrections))
            if len(ahead) > self.workers:
                yield ahead.popleft().result()
        while ahead:
            yield ahead.popleft().result()

    def _submit(self, *call: Any) -> Future[list[Built]]:
        try:
            return self.pool.submit(*call)
        except (OSError, RuntimeError) as exc:
            # A worker that dies while a batch is submitted can leave the pool half torn down: the
            # submission then fails on a closed pipe (or a pool already shut) instead of reporting a
            # broken pool. It is the same event, and the caller's fallback must see it as such.
            raise BrokenProcessPool(f"a resolution worker process died ({exc})") from exc

    def close(self, failed: bool = False) -> None:
        if failed:
            # After a worker died, waiting for the pool can hang for good on a sibling blocked on its
            # pipe (seen under load): end the workers instead; the caller redoes the work anyway.
            for proc in list((getattr(self.pool, "_processes", None) or {}).values()):
                proc.kill()
            self.pool.shutdown(wait=False, cancel_futures=True)
            return
        self.pool.shutdown(wait=True, cancel_futures=True)

    def __enter__(self) -> BuildPool:
        return self

    def __exit__(self, exc_type: type[BaseException] | None, *exc: object) -> None:
        self.close(failed=exc_type is not None)


__all__ = ["BuildPool", "build_batch", "default_workers", "plain_corrections", "shareable_url"]
