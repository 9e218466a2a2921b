"""Fact extraction in this process, in a pool of local processes, or on a Dask cluster.

    extract(raws)                         # this process, as ``analyse`` always did
    extract(raws, workers=2)              # two local worker processes (0 = one per core)
    extract(raws, dask="tcp://host:8786") # the workers of a running Dask scheduler
    extract(raws, dask="local:2")         # a LocalCluster of two single-threaded workers

Only the text, the document id and the publication date go out; the fact mentions (plain
dicts, ``doc._.facts``) come back, in input order. Reading, deduplicating, storing and
resolving stay with the caller. Every worker process loads the spaCy pipeline once and keeps
it (the local pool's initializer, a Dask worker plugin) for all the documents it is given.

Pools and Dask clients are kept per process and reused by later calls, so a long ingest pays
for starting workers once; :func:`close` shuts them down (the CLI calls it when an ingest ends,
and it also runs at interpreter exit).
"""

from __future__ import annotations

import asyncio
import atexit
import multiprocessing
import os
import threading
from collections import deque
from collections.abc import Iterable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import TYPE_CHECKING, Any

from dyad.ingest.sources import RawDocument
from dyad.iterate import batched

if TYPE_CHECKING:  # dask is imported only when a cluster is asked for
    from distributed import Client

Job = tuple[str, str, str | None]  # (doc_id, text, published): all a worker needs
Result = list[dict] | Exception  # facts, or the error that kept a document from being analysed

DASK_CONNECT_TIMEOUT = "20s"
# A LocalCluster: no statistical profiler in the workers (it samples the running task's stack
# every 10 ms: about a fifth more CPU per document, measured, for a dashboard nobody is shown), and
# the event-loop and memory monitors at 1 s rather than 20 and 100 ms. Workers of a cluster of your
# own take the same settings from their environment (DASK_DISTRIBUTED__WORKER__PROFILE__ENABLED=False).
LOCAL_CLUSTER_CONFIG = {"distributed.worker.profile.enabled": False, "distributed.admin.tick.interval": "1s",
                        "distributed.worker.memory.monitor-interval": "1s"}
PLUGIN_NAME = "dyad-pipeline"


class ExtractionSetupError(RuntimeError):
    """The worker pool or the Dask cluster cannot be started or reached."""


# ------------------------------------------------------------------ worker side

_NLP_LOCK = threading.Lock()  # one pipeline per process; spaCy components are not thread-safe


class ExtractionError(RuntimeError):
    """One document could not be analysed; carries the original error as text (always picklable)."""


def _failure(exc: BaseException) -> ExtractionError:
    return exc if isinstance(exc, ExtractionError) else ExtractionError(f"{type(exc).__name__}: {exc}")


WARNING_KIND = "_warning"


def _with_warnings(doc: Any) -> list[dict]:
    """The document's facts, and what the pipeline has to say about it (a spent time budget)
    as pseudo-facts of kind ``_warning``, so they travel back from any worker."""
    return list(doc._.facts or []) + [{"kind": WARNING_KIND, "text": w} for w in (doc._.warnings or [])]


def _facts_of(jobs: Sequence[Job]) -> list[Result]:
    """Run the pipeline over ``jobs`` in this process: facts per job, or the error it raised.
    A pipeline that cannot be loaded raises (that is no document's fault)."""
    from dyad.nlp.pipeline import ArticleInput, analyse, pipeline

    with _NLP_LOCK:
        nlp = pipeline()  # cached: loaded on the first call in this process only
        try:
            return [_with_warnings(doc) for doc in analyse([ArticleInput(*job) for job in jobs], nlp)]
        except Exception:  # noqa: BLE001 - find the document that fails, keep the others
            pass
        out: list[Result] = []
        for job in jobs:
            try:
                doc = next(analyse([ArticleInput(*job)], nlp))
                out.append(_with_warnings(doc))
            except Exception as exc:  # noqa: BLE001
                out.append(_failure(exc))
        return out


def _warm() -> None:
    """Process-pool initializer and Dask plugin body: load the pipeline before the first document."""
    from dyad.nlp.pipeline import pipeline

    with _NLP_LOCK:
        pipeline()


def pipeline_loads() -> int:
    """How many times this process has built the pipeline (1 on a worker that has analysed anything);
    ``client.run(pipeline_loads)`` asks every Dask worker."""
    from dyad.nlp.pipeline import pipeline

    return pipeline.cache_info().misses


def _extract_chunk(jobs: Sequence[Job]) -> list[Result]:
    """Task body in a worker (local pool or Dask): returns one result per job, never raises."""
    try:
        return _facts_of(jobs)
    except Exception as exc:  # noqa: BLE001 - the pipeline itself failed
        return [_failure(exc)] * len(jobs)


try:  # the plugin class must be importable wherever ``distributed`` is
    from distributed.diagnostics.plugin import WorkerPlugin
except ImportError:  # pragma: no cover - distributed is a declared dependency
    WorkerPlugin = object  # type: ignore[assignment,misc]


class PipelinePlugin(WorkerPlugin):  # type: ignore[misc,valid-type]
    """Loads the dyad pipeline once when a Dask worker starts (or joins later)."""

    name = PLUGIN_NAME

    async def setup(self, worker: Any) -> None:
        # Loading takes seconds: off the worker's event loop, so its heartbeats go on.
        await asyncio.get_running_loop().run_in_executor(None, _warm)


# ------------------------------------------------------------------ client side

_POOLS: dict[int, ProcessPoolExecutor] = {}
_CLIENTS: dict[str, tuple[Client, Any]] = {}  # address -> (client, LocalCluster or None)


def cpu_count() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # pragma: no cover - not on Linux
        return os.cpu_count() or 1


def _pool(workers: int) -> ProcessPoolExecutor:
    pool = _POOLS.get(workers)
    if pool is None:
        # spawn, not fork: the caller may hold threads (a progress bar) and database connections.
        ctx = multiprocessing.get_context("spawn")
        pool = ProcessPoolExecutor(max_workers=workers, mp_context=ctx, initializer=_warm)
        _POOLS[workers] = pool
    return pool


def parse_dask_address(address: str) -> tuple[str, int | None]:
    """``local:N`` -> ("local", N); ``tcp://host:port`` (any scheme://) -> (address, None)."""
    if address.startswith("local:"):
        count = address[len("local:"):]
        if not count.isdigit() or int(count) < 1:
            raise ExtractionSetupError(f"bad Dask address {address!r}: local:N needs a worker count N >= 1")
        return "local", int(count)
    if "://" not in address or not address.split("://", 1)[1]:
        raise ExtractionSetupError(f"bad Dask address {address!r}: use tcp://HOST:PORT or local:N")
    return address, None


def dask_client(address: str) -> Client:
    """A connected client for ``address`` (kept and reused), with the pipeline plugin registered."""
    cached = _CLIENTS.get(address)
    if cached is not None:
        return cached[0]
    target, n_local = parse_dask_address(address)
    try:
        from distributed import Client, LocalCluster
    except ImportError as exc:  # pragma: no cover - distributed is a declared dependency
        raise ExtractionSetupError(f"--dask needs the 'distributed' package: {exc}") from exc
    cluster = None
    try:
        if n_local is not None:
            import dask

            with dask.config.set(LOCAL_CLUSTER_CONFIG):
                cluster = LocalCluster(n_workers=n_local, threads_per_worker=1, processes=True,
                                       dashboard_address=None, host="127.0.0.1")
                client = Client(cluster, timeout=DASK_CONNECT_TIMEOUT)
        else:
            client = Client(target, timeout=DASK_CONNECT_TIMEOUT)
        client.register_plugin(PipelinePlugin(), name=PLUGIN_NAME)
    except Exception as exc:
        if cluster is not None:
            cluster.close()
        raise ExtractionSetupError(f"cannot use the Dask cluster at {address}: {exc}") from exc
    _CLIENTS[address] = (client, cluster)
    return client


def close() -> None:
    """Shut down every pool and Dask client (and LocalCluster) this process started."""
    while _POOLS:
        _, pool = _POOLS.popitem()
        pool.shutdown(wait=True, cancel_futures=True)
    while _CLIENTS:
        _, (client, cluster) = _CLIENTS.popitem()
        try:
            client.close()
        finally:
            if cluster is not None:
                cluster.close()


atexit.register(close)


CHUNK = 2  # documents per task: small, so no worker waits long for another's last task
IN_PROCESS_BATCH = 16  # documents per nlp.pipe call in this process
WINDOW = 3  # tasks in flight per worker: one running, the next ones already sent


def _jobs(chunk: list[RawDocument]) -> list[Job]:
    return [(r.doc_id, r.text, r.published) for r in chunk]


def _result(fut: Any, chunk: list[RawDocument], workers: int) -> list[Result]:
    try:
        results = fut.result()
    except BrokenProcessPool as exc:  # a worker died (out of memory, killed): start a new pool next time
        _POOLS.pop(workers, None)
        return [ExtractionError(f"a worker process died: {exc}")] * len(chunk)
    except Exception as exc:  # noqa: BLE001 - a Dask worker lost, say: these documents fail, not the run
        return [_failure(exc)] * len(chunk)
    if len(results) != len(chunk):  # pragma: no cover - a task returns one result per job
        return [ExtractionError(f"{len(results)} results for {len(chunk)} documents")] * len(chunk)
    return results


def extract(raws: Iterable[RawDocument], workers: int = 1, dask: str | None = None,
            ahead: int = 0, step: int = IN_PROCESS_BATCH) -> Iterator[tuple[RawDocument, Result]]:
    """Yield ``(raw, facts)`` in input order; ``facts`` is an :class:`ExtractionError` when the
    document could not be analysed.

    ``workers``: 1 = in this process, N > 1 = N local processes, 0 = one per core.
    ``dask``: a scheduler address (``tcp://host:port``) or ``local:N``; takes the place of ``workers``.
    ``raws`` is read lazily, a few tasks ahead of what has been yielded (``WINDOW`` tasks per
    worker, and at least ``ahead`` documents): given a whole stream (rather than one batch at a
    time) the workers go on extracting while the caller stores, and memory stays bounded.
    In this process nothing runs ahead: ``step`` documents are analysed, then handed back
    (the caller's batch, so it stores each batch as soon as it is extracted).
    Raises :class:`ExtractionSetupError` when the pool or the cluster cannot be set up."""
    if workers < 0:
        raise ExtractionSetupError(f"workers must be 0 (one per core) or more, not {workers}")
    if dask is None and workers == 0:
        workers = cpu_count()
    if dask is None and workers == 1:
        for batch in batched(raws, max(1, step)):
            yield from zip(batch, _facts_of(_jobs(batch)), strict=True)
        return
    if dask is not None:
        client = dask_client(dask)
        slots = max(1, sum(client.nthreads().values()))

        def submit(jobs: list[Job]) -> Any:
            return client.submit(_extract_chunk, jobs, pure=False)
    else:
        pool = _pool(workers)
        slots = workers

        def submit(jobs: list[Job]) -> Any:
            return pool.submit(_extract_chunk, jobs)

    chunks = batched(raws, CHUNK)
    window: deque[tuple[list[RawDocument], Any]] = deque()
    for chunk in chunks:
        window.append((chunk, submit(_jobs(chunk))))
        if len(window) >= max(slots * WINDOW, -(-ahead // CHUNK)):
            break
    while window:
        chunk, fut = window.popleft()
        results = _result(fut, chunk, workers)
        nxt = next(chunks, None)  # keep the workers fed before handing results back
        if nxt is not None:
            window.append((nxt, submit(_jobs(nxt))))
        yield from zip(chunk, results, strict=True)
