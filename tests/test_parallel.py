"""Parallel extraction gives the same knowledge base as one process: ``--workers 2`` (a local
process pool) and ``--dask`` against a real Dask scheduler with two real workers on 127.0.0.1."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from conftest import CORPUS, run_cli, sqlite_url
from dyad.ingest import extract
from dyad.ingest.extract import ExtractionError, ExtractionSetupError, parse_dask_address, pipeline_loads
from dyad.ingest.sources import RawDocument
from web_support import free_port

DASK = Path(sys.executable).with_name("dask")
START_TIMEOUT = 180  # two workers each load the spaCy pipeline; the machine may be busy


def ingest_export(db: str, out: Path, *args: object) -> bytes:
    res = run_cli("ingest", *args, CORPUS, db=db)
    assert res.exit_code == 0, res
    assert "added 6, already stored 0, failed 0" in res.stderr, res
    exp = run_cli("export", "--format", "facts", "-o", out, db=db)
    assert exp.exit_code == 0, exp
    return out.read_bytes()


@pytest.fixture(scope="module")
def plain_export(tmp_path_factory: pytest.TempPathFactory) -> bytes:
    tmp = tmp_path_factory.mktemp("plain")
    return ingest_export(sqlite_url(tmp / "kb.db"), tmp / "facts.jsonl")


def test_two_local_workers_give_the_same_export(plain_export: bytes, tmp_path: Path) -> None:
    assert ingest_export(sqlite_url(tmp_path / "kb.db"), tmp_path / "facts.jsonl", "--workers", "2") == plain_export


def test_workers_storing_batch_after_batch_give_the_same_export(tmp_path: Path,
                                                                monkeypatch: pytest.MonkeyPatch) -> None:
    """Batches of 2: the workers extract the next documents while each batch is stored and
    resolved, and the base is that of one process storing the same batches (batch boundaries
    show in the export, as the former ids of records that grew)."""
    from dyad.ingest import service

    monkeypatch.setattr(service, "BATCH", 2)
    plain = ingest_export(sqlite_url(tmp_path / "plain.db"), tmp_path / "plain.jsonl")
    assert ingest_export(sqlite_url(tmp_path / "kb.db"), tmp_path / "facts.jsonl", "--workers", "2") == plain


def test_extraction_reads_its_input_a_bounded_number_of_documents_ahead() -> None:
    """Fed a whole stream, the pool keeps extracting ahead of what the caller has taken, but
    never more than its window: memory stays bounded however long the stream."""
    pulled: list[int] = []

    def stream() -> Iterator[RawDocument]:
        for i in range(40):
            pulled.append(i)
            yield RawDocument(f"d{i}.txt", f"Kazakhstan and Azerbaijan signed memorandum number {i} on Monday.",
                              published="2024-05-06")

    # Tasks in flight (2 workers, ahead=12) and the one just taken in for the one handed back.
    window = (max(2 * extract.WINDOW, 12 // extract.CHUNK) + 1) * extract.CHUNK
    ahead = []
    try:
        for n, (raw, facts) in enumerate(extract.extract(stream(), workers=2, ahead=12), start=1):
            assert raw.doc_id == f"d{n - 1}.txt"  # input order
            assert isinstance(facts, list)
            ahead.append(len(pulled) - n)
    finally:
        extract.close()
    assert len(pulled) == 40
    assert max(ahead) <= window, ahead
    assert max(ahead) >= 12, ahead  # it did read ahead


@pytest.mark.parametrize("workers", [1, 2])
def test_one_document_that_fails_does_not_lose_the_others(workers: int) -> None:
    raws = [RawDocument("a.txt", "Kazakhstan and Azerbaijan signed a memorandum on ferry traffic on Monday.",
                        published="2024-05-06"),
            # Not a date string: the pipeline raises on this document only.
            RawDocument("b.txt", "Kazakhstan and Azerbaijan met again on Tuesday.", published=12345),  # type: ignore[arg-type]
            RawDocument("c.txt", "Uzbek President Shavkat Mirziyoyev visited Turkey on 3 May 2024.",
                        published="2024-05-06")]
    try:
        out = list(extract.extract(raws, workers=workers))
    finally:
        extract.close()
    assert [raw.doc_id for raw, _ in out] == ["a.txt", "b.txt", "c.txt"]
    a, b, c = (facts for _, facts in out)
    assert isinstance(b, ExtractionError) and "TypeError" in str(b)
    assert isinstance(a, list) and isinstance(c, list)
    assert any(f["kind"] == "event" for f in a) and any(f["kind"] == "event" for f in c)


# ---------------------------------------------------------------------------- a real Dask cluster


def _spawn(args: list[str], log: Path, cwd: Path) -> subprocess.Popen:
    # Own process group, so teardown can stop a nanny together with its worker process.
    return subprocess.Popen([str(DASK), *args], cwd=cwd, stdout=log.open("w"), stderr=subprocess.STDOUT,
                            stdin=subprocess.DEVNULL, start_new_session=True)


def _stop(proc: subprocess.Popen) -> None:
    if proc.poll() is not None:
        return
    for sig, wait in ((signal.SIGTERM, 15), (signal.SIGKILL, 10)):
        try:
            os.killpg(proc.pid, sig)
        except ProcessLookupError:
            return
        try:
            proc.wait(timeout=wait)
            return
        except subprocess.TimeoutExpired:
            continue


@pytest.fixture(scope="module")
def dask_cluster(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """``dask scheduler`` and two ``dask worker`` processes (one thread each) on 127.0.0.1."""
    if not DASK.is_file():
        pytest.fail(f"{DASK} is missing: dask and distributed are dependencies (make setup)")
    from distributed import Client

    tmp = tmp_path_factory.mktemp("dask")
    port = free_port()
    address = f"tcp://127.0.0.1:{port}"
    procs = [_spawn(["scheduler", "--host", "127.0.0.1", "--port", str(port), "--no-dashboard",
                     "--idle-timeout", "600s"], tmp / "scheduler.log", tmp)]
    try:
        for i in range(2):
            procs.append(_spawn(["worker", address, "--nthreads", "1", "--nworkers", "1", "--host", "127.0.0.1",
                                 "--no-dashboard", "--name", f"w{i}", "--death-timeout", "60",
                                 "--local-directory", str(tmp / f"w{i}")], tmp / f"worker{i}.log", tmp))
        deadline = time.monotonic() + START_TIMEOUT
        with Client(address, timeout="60s") as client:
            client.wait_for_workers(2, timeout=max(1.0, deadline - time.monotonic()))
        yield address
    finally:
        for proc in reversed(procs):
            _stop(proc)


def test_dask_cluster_gives_the_same_export(plain_export: bytes, dask_cluster: str, tmp_path: Path) -> None:
    from distributed import Client

    assert ingest_export(sqlite_url(tmp_path / "kb.db"), tmp_path / "facts.jsonl", "--dask", dask_cluster) \
        == plain_export
    with Client(dask_cluster, timeout="30s") as client:
        loads = client.run(pipeline_loads)
    # The plugin loaded the pipeline once in each worker process, and the documents reused it.
    assert sorted(loads.values()) == [1, 1], loads


def test_a_second_ingest_on_the_same_cluster_skips_stored_texts(dask_cluster: str, tmp_path: Path) -> None:
    db = sqlite_url(tmp_path / "kb.db")
    first = run_cli("ingest", "--dask", dask_cluster, CORPUS / "kaz-uzb-council.txt", db=db)
    assert first.exit_code == 0 and "added 1," in first.stderr, first
    again = run_cli("ingest", "--dask", dask_cluster, CORPUS, db=db)
    assert again.exit_code == 0 and "added 5, already stored 1, failed 0" in again.stderr, again


# ---------------------------------------------------------------------------- options


@pytest.mark.parametrize("args,message", [
    (["--dask", "local:0"], "local:N needs a worker count N >= 1"),
    (["--dask", "127.0.0.1:8786"], "use tcp://HOST:PORT or local:N"),
    (["--workers", "2", "--dask", "local:2"], "use --workers or --dask, not both"),
])
def test_bad_parallel_options_are_clean_errors(args: list[str], message: str, tmp_path: Path) -> None:
    res = run_cli("ingest", *args, CORPUS, db=sqlite_url(tmp_path / "kb.db"))
    assert res.exit_code == 2, res
    assert message in res.stderr, res
    assert res.exception is None


def test_negative_workers_are_refused(tmp_path: Path) -> None:
    res = run_cli("ingest", "--workers", "-1", CORPUS, db=sqlite_url(tmp_path / "kb.db"))
    assert res.exit_code == 2, res


def test_dask_addresses() -> None:
    assert parse_dask_address("local:3") == ("local", 3)
    assert parse_dask_address("tcp://10.0.0.5:8786") == ("tcp://10.0.0.5:8786", None)
    with pytest.raises(ExtractionSetupError, match="bad Dask address"):
        parse_dask_address("local:")
