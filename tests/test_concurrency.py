"""Concurrent use of one SQLite knowledge base (issue 12): another writer holding the lock for 8 s
loses no document and prints no traceback; a lock that never ends is reported per document,
without SQL or article text; two ingests of one folder at once store each document once with
honest counts; a reader never sees an error while writers work."""

from __future__ import annotations

import os
import re
import sqlite3
import subprocess
import sys
import threading
import time
from pathlib import Path

import httpx
import pytest
from sqlalchemy import func, select

from conftest import read_jsonl, run_cli
from dyad.store.db import open_db
from dyad.store.models import Document
from hardening_support import article, write_articles
from web_support import live_server

REPO = Path(__file__).resolve().parents[1]
DYAD = [sys.executable, "-m", "dyad.cli"]
COUNTS = re.compile(r"added (\d+), already stored (\d+), failed (\d+)")


class LockHolder(threading.Thread):
    """Another program: takes SQLite's write lock (BEGIN IMMEDIATE), writes a row of its own, and
    keeps the transaction open for ``seconds`` (or until released)."""

    def __init__(self, db_path: Path, seconds: float) -> None:
        super().__init__(daemon=True)
        self.db_path, self.seconds = db_path, seconds
        self.holding = threading.Event()
        self.release = threading.Event()
        self.released_at = 0.0

    def run(self) -> None:
        con = sqlite3.connect(self.db_path, isolation_level=None, timeout=30)
        con.execute("BEGIN IMMEDIATE")
        con.execute("CREATE TABLE IF NOT EXISTS other_program (x INTEGER)")
        con.execute("INSERT INTO other_program VALUES (1)")
        self.holding.set()
        self.release.wait(self.seconds)
        con.execute("COMMIT")
        self.released_at = time.monotonic()
        con.close()

    def __enter__(self) -> LockHolder:
        self.start()
        assert self.holding.wait(30)
        return self

    def __exit__(self, *exc: object) -> None:
        self.release.set()
        self.join(30)


def db_path(url: str) -> Path:
    return Path(url.removeprefix("sqlite:///"))


def doc_count(url: str) -> int:
    with open_db(url)() as session:
        return session.scalar(select(func.count(Document.id))) or 0


def counts(output: str) -> tuple[int, int, int]:
    m = COUNTS.search(output)
    assert m, output
    return int(m.group(1)), int(m.group(2)), int(m.group(3))


def env() -> dict[str, str]:
    return {**os.environ, "COLUMNS": "2000", "PYTHONPATH": str(REPO / "src")}


def test_writer_holding_the_lock_for_8_seconds_loses_nothing(db_url: str, tmp_path: Path) -> None:
    write_articles(tmp_path / "first", 1)
    assert run_cli("ingest", tmp_path / "first", db=db_url).exit_code == 0  # the database exists
    folder = tmp_path / "batch"
    write_articles(folder, 4)  # story-00 is stored already
    with LockHolder(db_path(db_url), 8.0) as holder:
        # `dyad resolve` in another process waits for the same lock, with no traceback.
        resolve = subprocess.Popen([*DYAD, "--db", db_url, "resolve"], stdout=subprocess.PIPE,
                                   stderr=subprocess.PIPE, text=True, env=env())
        res = run_cli("ingest", folder, db=db_url)
        finished = time.monotonic()
        out, err = resolve.communicate(timeout=120)
    assert holder.released_at and finished >= holder.released_at  # it did have to wait
    assert res.exit_code == 0, res
    assert counts(res.stderr) == (3, 1, 0)
    assert "Traceback" not in res.output and "locked" not in res.output
    assert resolve.returncode == 0, err
    assert "Traceback" not in err and "locked" not in err
    assert doc_count(db_url) == 4


def test_writes_retry_after_the_busy_timeout(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """With a busy timeout far shorter than the lock, the store is retried, not dropped."""
    monkeypatch.setenv("DYAD_BUSY_TIMEOUT", "0.1")
    url = f"sqlite:///{tmp_path / 'retry.db'}"
    open_db(url)  # migrated, and its connections made with the short timeout
    folder = tmp_path / "batch"
    write_articles(folder, 3)
    with LockHolder(db_path(url), 3.0):
        res = run_cli("ingest", folder, db=url)
    assert res.exit_code == 0, res
    assert counts(res.stderr) == (3, 0, 0)
    assert doc_count(url) == 3


def test_a_lock_that_never_ends_is_reported_without_sql_or_text(tmp_path: Path,
                                                                monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DYAD_BUSY_TIMEOUT", "0.1")
    monkeypatch.setattr("dyad.store.db.RETRY_FOR", 0.5)
    url = f"sqlite:///{tmp_path / 'stuck.db'}"
    open_db(url)
    folder = tmp_path / "batch"
    write_articles(folder, 2)
    with LockHolder(db_path(url), 60.0):
        res = run_cli("ingest", folder, db=url)
    assert res.exit_code == 1, res
    assert counts(res.stderr) == (0, 0, 2)
    for name in ("story-00.txt", "story-01.txt"):
        assert (f"error: {folder / name}: cannot store: the database stayed locked by another program; "
                "nothing was stored for this document") in res.stderr
    assert res.exception is None and "Traceback" not in res.output
    for leak in ("INSERT", "SELECT", "[SQL", "parameters", "signed an agreement"):
        assert leak not in res.output, leak
    assert doc_count(url) == 0


def test_two_ingests_of_one_folder_at_once(tmp_path: Path) -> None:
    folder = tmp_path / "batch"
    write_articles(folder, 20)
    url = f"sqlite:///{tmp_path / 'race.db'}"  # new: both also race to create the schema
    procs = [subprocess.Popen([*DYAD, "--db", url, "ingest", str(folder)], stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE, text=True, env=env()) for _ in range(2)]
    outs = [p.communicate(timeout=300) for p in procs]
    results = [counts(err) for _, err in outs]
    for p, (out, err) in zip(procs, outs, strict=True):
        assert p.returncode == 0, err
        for leak in ("UNIQUE", "IntegrityError", "INSERT", "SELECT", "Traceback", "locked", "signed an agreement"):
            assert leak not in out + err, (leak, err)
    assert sum(r[0] for r in results) == 20, results  # each document added by exactly one of them
    assert sum(r[1] for r in results) == 20, results  # and "already stored" for the other
    assert all(r[2] == 0 for r in results), results
    assert doc_count(url) == 20
    # The knowledge base is the one a single ingest builds.
    single = f"sqlite:///{tmp_path / 'single.db'}"
    assert run_cli("ingest", folder, db=single).exit_code == 0
    for db, out in ((url, tmp_path / "race.jsonl"), (single, tmp_path / "single.jsonl")):
        assert run_cli("export", "--format", "facts", "-o", out, db=db).exit_code == 0
    assert read_jsonl(tmp_path / "race.jsonl") == read_jsonl(tmp_path / "single.jsonl")


def test_readers_see_no_error_while_writers_work(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'live.db'}"
    first = tmp_path / "first"
    write_articles(first, 3)
    assert run_cli("ingest", first, db=url).exit_code == 0
    later = tmp_path / "later"
    later.mkdir()
    for i in range(3, 15):
        (later / f"late-{i}.txt").write_text(article(i), encoding="utf-8")
    statuses: list[tuple[str, int]] = []
    done = threading.Event()

    def writers() -> None:
        from dyad.ingest.service import ingest

        try:
            with LockHolder(db_path(url), 2.0):
                pass  # two seconds of a held write lock first
            ingest([str(later)], open_db(url))
            with LockHolder(db_path(url), 2.0):
                pass
        finally:
            done.set()

    paths = ["/api/documents?limit=5", "/api/events", "/api/facts", "/", "/search?q=Estonia",
             "/document/story-00.txt?format=json"]
    with live_server(url) as base:
        thread = threading.Thread(target=writers, daemon=True)
        thread.start()
        with httpx.Client(base_url=base, timeout=60) as client:
            while not done.is_set():
                for path in paths:
                    statuses.append((path, client.get(path).status_code))
        thread.join(60)
    assert len(statuses) > 20
    assert [s for s in statuses if s[1] != 200] == []
    assert doc_count(url) == 15
