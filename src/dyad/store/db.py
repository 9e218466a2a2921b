"""Opening the database: engine, SQLite pragmas, Alembic migrations, sessions."""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from alembic import command
from alembic.config import Config
from sqlalchemy import Engine, create_engine, event, inspect, text
from sqlalchemy.orm import Session, sessionmaker

DEFAULT_URL = "sqlite:///dyad.db"
MIGRATIONS = Path(__file__).parent / "migrations"


class DatabaseError(RuntimeError):
    """The database URL cannot be opened or migrated."""


def resolve_url(url: str | None) -> str:
    return url or os.environ.get("DYAD_DB") or DEFAULT_URL


def _sqlite_pragmas(dbapi_conn, _record) -> None:  # type: ignore[no-untyped-def]
    # WAL lets the web server read while an ingest writes; foreign keys are off by
    # default in SQLite and we rely on ON DELETE CASCADE.
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA synchronous=NORMAL")
    cur.close()


def make_engine(url: str) -> Engine:
    if url.startswith("postgresql://"):
        url = "postgresql+psycopg://" + url[len("postgresql://"):]
    try:
        engine = create_engine(url, future=True)
    except Exception as exc:  # bad scheme, missing driver
        raise DatabaseError(f"cannot open database {url!r}: {exc}") from exc
    if engine.dialect.name == "sqlite":
        event.listen(engine, "connect", _sqlite_pragmas)
    return engine


def migrate(engine: Engine) -> None:
    """Bring the schema to the latest Alembic revision (no-op when current)."""
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    with engine.begin() as conn:
        if engine.dialect.name == "sqlite":
            # Python's sqlite3 runs DDL outside any transaction unless one is open: open it, so
            # a migration killed half-way leaves the old schema, never half a new one (and two
            # processes opening a new base take turns).
            conn.exec_driver_sql("BEGIN IMMEDIATE")
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "head")


_ENGINES: dict[str, Engine] = {}


def open_db(url: str | None = None) -> sessionmaker[Session]:
    """Return a session factory for ``url`` with the schema migrated."""
    url = resolve_url(url)
    engine = _ENGINES.get(url)
    if engine is None:
        engine = make_engine(url)
        try:
            migrate(engine)
        except Exception as exc:
            raise DatabaseError(f"cannot prepare database {url!r}: {exc}") from exc
        _ENGINES[url] = engine
    return sessionmaker(engine, expire_on_commit=False)


@contextmanager
def session_scope(factory: sessionmaker[Session]) -> Iterator[Session]:
    """One transaction: commit on success, roll back everything on error."""
    session = factory()
    try:
        yield session
        session.commit()
    except BaseException:
        session.rollback()
        raise
    finally:
        session.close()


# Any constant: the advisory lock that serialises writers of one PostgreSQL base.
WRITER_LOCK = 0x6479_6164


def lock_for_writing(session: Session) -> None:
    """Take the base's writer lock for this transaction, before reading what to write.

    PostgreSQL: a transaction-scoped advisory lock, so several ingest processes may extract
    in parallel and take turns to store and resolve. SQLite: a first write statement takes
    the database's write lock now (waiting up to the busy timeout) rather than failing later
    when a read transaction tries to upgrade."""
    if session.get_bind().dialect.name == "postgresql":
        session.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": WRITER_LOCK})
    else:
        session.execute(text("DELETE FROM pending_blocks WHERE block = '#writer-lock'"))


def table_names(engine: Engine) -> list[str]:
    return sorted(inspect(engine).get_table_names())
