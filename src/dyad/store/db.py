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
MIGRATION_LOCK = 0x64796164_0001  # PostgreSQL advisory lock key held while migrating ("dyad", 1)


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
        if conn.dialect.name == "postgresql":
            # Processes opening one new base at once take turns (PostgreSQL DDL is transactional: the
            # second one waits here, then finds the schema at head). Released when this transaction ends.
            conn.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": MIGRATION_LOCK})
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


def table_names(engine: Engine) -> list[str]:
    return sorted(inspect(engine).get_table_names())
