"""Shared fixtures: repository paths, the shared folder (or a clean skip), a fresh SQLite URL
per test, fresh knowledge bases on SQLite and on a real PostgreSQL server (``kb_url``,
``kb_dbs``, ``module_kb_dbs``: the PostgreSQL variant runs when ``DYAD_TEST_PG_URL`` names
a server, as in CI, and is skipped otherwise), a ``run_cli`` helper that drives the Typer app
in-process, and a real HTTP server on 127.0.0.1 for URL and feed ingestion."""

from __future__ import annotations

import functools
import http.server
import itertools
import json
import os
import subprocess
import sys
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from typer.testing import CliRunner

from dyad.cli import app

REPO = Path(__file__).resolve().parents[1]
SHARED = Path(__file__).resolve().parents[1].parent / "shared"
CORPUS = REPO / "examples" / "corpus"
SEEDS = SHARED / "corpus" / "seeds"
SCORE = SHARED / "eval" / "score.py"


# ---------------------------------------------------------------------------- paths


@pytest.fixture(scope="session")
def repo_root() -> Path:
    return REPO


@pytest.fixture(scope="session")
def corpus_dir() -> Path:
    assert (CORPUS / "index.jsonl").is_file(), "examples/corpus is part of the repository"
    return CORPUS


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    if not SHARED.is_dir():
        pytest.skip(f"shared folder {SHARED} is absent in this environment")
    return SHARED


@pytest.fixture(scope="session")
def seeds_dir(shared_dir: Path) -> Path:
    if not SEEDS.is_dir() or not any(SEEDS.glob("*.txt")):
        pytest.skip(f"seed corpus {SEEDS} is absent in this environment")
    return SEEDS


@pytest.fixture(scope="session")
def score_script(shared_dir: Path) -> Path:
    if not SCORE.is_file():
        pytest.skip(f"scorer {SCORE} is absent in this environment")
    return SCORE


# ---------------------------------------------------------------------------- database and CLI


def sqlite_url(path: Path) -> str:
    return f"sqlite:///{path}"


@pytest.fixture
def db_url(tmp_path: Path) -> str:
    """A fresh, empty SQLite knowledge base for one test."""
    return sqlite_url(tmp_path / "kb.db")


# ---------------------------------------------------------------------------- SQLite and PostgreSQL

PG_URL = os.environ.get("DYAD_TEST_PG_URL")
BACKENDS = [
    pytest.param("sqlite", id="sqlite"),
    pytest.param("postgresql", id="pg", marks=pytest.mark.skipif(
        not PG_URL, reason="DYAD_TEST_PG_URL is not set (start a server: scripts/pg_test_cluster.sh start)")),
]


class PgServer:
    """Fresh databases on the PostgreSQL server of ``DYAD_TEST_PG_URL``. Each is a copy of one
    template migrated once per session (CREATE DATABASE ... TEMPLATE is a file copy: fast)."""

    def __init__(self, url: str) -> None:
        from sqlalchemy.engine import make_url

        self.url = make_url(url)
        self.prefix = f"dyad_test_{os.getpid()}"
        self.counter = itertools.count(1)
        self.template: str | None = None

    def _admin(self, sql: str) -> None:
        import psycopg

        u = self.url
        with psycopg.connect(host=u.host, port=u.port, user=u.username, password=u.password,
                             dbname=u.database or "postgres", autocommit=True) as conn:
            conn.execute(sql)  # type: ignore[arg-type]

    def url_of(self, name: str) -> str:
        return self.url.set(database=name).render_as_string(hide_password=False)

    def create(self, empty: bool = False) -> str:
        """A new database: migrated (a copy of the template), or ``empty`` (no tables at all)."""
        from dyad.store.db import open_db

        if empty:
            name = f"{self.prefix}_{next(self.counter)}"
            self._admin(f'CREATE DATABASE "{name}"')
            return self.url_of(name)
        if self.template is None:
            name = f"{self.prefix}_template"
            self._admin(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
            self._admin(f'CREATE DATABASE "{name}"')
            open_db(self.url_of(name))  # runs the migrations
            self._dispose(self.url_of(name))  # a template must have no open connections
            self.template = name
        name = f"{self.prefix}_{next(self.counter)}"
        self._admin(f'CREATE DATABASE "{name}" TEMPLATE "{self.template}"')
        return self.url_of(name)

    @staticmethod
    def _dispose(url: str) -> None:
        from dyad.store import db

        engine = db._ENGINES.pop(url, None)
        if engine is not None:
            engine.dispose()

    def drop(self, url: str) -> None:
        from sqlalchemy.engine import make_url

        self._dispose(url)
        self._admin(f'DROP DATABASE IF EXISTS "{make_url(url).database}" WITH (FORCE)')

    def close(self) -> None:
        if self.template:
            self.drop(self.url_of(self.template))


@pytest.fixture(scope="session")
def pg_server() -> Iterator[PgServer]:
    if not PG_URL:
        pytest.skip("DYAD_TEST_PG_URL is not set (start a server: scripts/pg_test_cluster.sh start)")
    server = PgServer(PG_URL)
    yield server
    server.close()


class Databases:
    """Fresh, empty knowledge bases of one backend ("sqlite" or "postgresql"); ``new()`` gives a URL."""

    def __init__(self, backend: str, folder: Path, pg: PgServer | None) -> None:
        self.backend, self.folder, self.pg = backend, folder, pg
        self.urls: list[str] = []

    def new(self, name: str = "kb") -> str:
        if self.pg is not None:
            url = self.pg.create()
        else:
            url = sqlite_url(self.folder / f"{name}-{len(self.urls)}.db")
        self.urls.append(url)
        return url

    def close(self) -> None:
        if self.pg is not None:
            for url in self.urls:
                self.pg.drop(url)


def _databases(request: pytest.FixtureRequest, folder: Path) -> Databases:
    pg = request.getfixturevalue("pg_server") if request.param == "postgresql" else None
    return Databases(request.param, folder, pg)


@pytest.fixture(params=BACKENDS)
def kb_dbs(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Databases]:
    """Fresh knowledge bases for one test, on SQLite and (when a server is given) PostgreSQL."""
    dbs = _databases(request, tmp_path)
    yield dbs
    dbs.close()


@pytest.fixture
def kb_url(kb_dbs: Databases) -> str:
    """A fresh knowledge base, on SQLite and (when a server is given) PostgreSQL."""
    return kb_dbs.new()


@pytest.fixture(scope="module", params=BACKENDS)
def module_kb_dbs(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Databases]:
    """As ``kb_dbs``, for a module's shared knowledge base (built once per module and backend)."""
    dbs = _databases(request, tmp_path_factory.mktemp("kb"))
    yield dbs
    dbs.close()


@dataclass
class CliResult:
    exit_code: int
    stdout: str
    stderr: str
    exception: BaseException | None

    @property
    def output(self) -> str:
        return self.stdout + self.stderr

    def __str__(self) -> str:  # shown by pytest when an assertion on the result fails
        return (f"exit {self.exit_code}\n--- stdout\n{self.stdout}\n--- stderr\n{self.stderr}\n"
                f"{self.exception!r}")


def run_cli(*args: object, db: str | None = None) -> CliResult:
    """Run ``dyad [--db DB] ARGS`` in-process (the NLP pipeline is loaded once per session).

    A wide ``COLUMNS`` keeps rich from wrapping long paths in messages; ``DYAD_DB`` is
    cleared so a test never touches a database it did not name."""
    argv = (["--db", db] if db else []) + [str(a) for a in args]
    runner = CliRunner()
    res = runner.invoke(app, argv, env={"COLUMNS": "2000", "DYAD_DB": None}, catch_exceptions=True)
    exc = res.exception if not isinstance(res.exception, SystemExit) else None
    return CliResult(res.exit_code, res.stdout, res.stderr, exc)


def ingest_and_export(db: str, out: Path, *inputs: object) -> tuple[CliResult, list[dict]]:
    """Ingest ``inputs`` into ``db`` and export it as facts to ``out``; returns the ingest result
    and the parsed records (the export itself must succeed)."""
    res = run_cli("ingest", *inputs, db=db)
    exp = run_cli("export", "--format", "facts", "-o", out, db=db)
    assert exp.exit_code == 0, exp
    return res, read_jsonl(out)


def read_jsonl(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def validate_export(score: Path, export: Path, docs: Path) -> subprocess.CompletedProcess:
    """Run the shared scorer's schema validation on an export."""
    return subprocess.run([sys.executable, str(score), "--validate", str(export), "--docs", str(docs)],
                          capture_output=True, text=True, timeout=120)


def documents(records: list[dict]) -> dict[str, dict]:
    return {r["id"]: r for r in records if r["kind"] == "document"}


def persons(records: list[dict]) -> list[dict]:
    return [r for r in records if r["kind"] == "entity" and r.get("entity_type") == "person"]


# ---------------------------------------------------------------------------- a real HTTP server


@dataclass
class WebSite:
    root: Path
    base: str  # "http://127.0.0.1:PORT"

    def url(self, name: str) -> str:
        return f"{self.base}/{name}"

    def write(self, name: str, content: str) -> str:
        path = self.root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(content, encoding="utf-8")
        return self.url(name)


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - stdlib signature
        pass


@pytest.fixture(scope="module")
def website(tmp_path_factory: pytest.TempPathFactory) -> Iterator[WebSite]:
    """Files written under ``root`` are served at ``base`` by http.server on a free port."""
    root = tmp_path_factory.mktemp("www")
    handler = functools.partial(_QuietHandler, directory=str(root))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    with pytest.MonkeyPatch.context() as mp:
        # urllib honours proxy variables; the test server must be reached directly.
        for var in ("http_proxy", "HTTP_PROXY", "https_proxy", "HTTPS_PROXY", "all_proxy", "ALL_PROXY"):
            mp.delenv(var, raising=False)
        mp.setenv("no_proxy", "127.0.0.1,localhost")
        try:
            yield WebSite(root, f"http://127.0.0.1:{server.server_address[1]}")
        finally:
            server.shutdown()
            server.server_close()
            thread.join(timeout=5)
