"""Opening the database: engine, SQLite pragmas, Alembic migrations, sessions."""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TypeVar

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import JSON, Connection, Engine, Table, create_engine, event, inspect, text
from sqlalchemy.exc import DBAPIError, OperationalError
from sqlalchemy.orm import Session, sessionmaker

from dyad import jsontext

DEFAULT_URL = "sqlite:///dyad.db"
SQLITE_CACHE_KB = 131072  # page cache per connection (128 MB, allocated as pages are used)
MIGRATIONS = Path(__file__).parent / "migrations"
# How long one SQLite statement waits for another connection's lock before giving up (seconds),
# and how long a writer keeps retrying a transaction that gave up. $DYAD_BUSY_TIMEOUT overrides the first.
BUSY_TIMEOUT = 30.0
RETRY_FOR = 120.0
T = TypeVar("T")
MIGRATION_LOCK = 0x64796164_0001  # PostgreSQL advisory lock key held while migrating ("dyad", 1)


class DatabaseError(RuntimeError):
    """The database URL cannot be opened or migrated."""


def resolve_url(url: str | None) -> str:
    return url or os.environ.get("DYAD_DB") or DEFAULT_URL


def busy_timeout() -> float:
    try:
        return max(0.0, float(os.environ.get("DYAD_BUSY_TIMEOUT", BUSY_TIMEOUT)))
    except ValueError:
        return BUSY_TIMEOUT


def _sqlite_pragmas(dbapi_conn, _record) -> None:  # type: ignore[no-untyped-def]
    # The busy timeout first: every later statement, readers' included, waits for a lock rather than
    # failing. WAL lets the web server read while an ingest writes; foreign keys are off by default in
    # SQLite and we rely on ON DELETE CASCADE. The driver's own transaction handling is switched off
    # (isolation_level None) so that _sqlite_begin below decides how each transaction starts.
    dbapi_conn.isolation_level = None
    cur = dbapi_conn.cursor()
    cur.execute(f"PRAGMA busy_timeout={int(busy_timeout() * 1000)}")
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA synchronous=NORMAL")
    # A resolution writes records, evidence and index rows keyed by hashes, all over big B-trees: a
    # page cache of 2 MB (the default) re-reads the same pages from disk for every batch.
    cur.execute(f"PRAGMA cache_size=-{SQLITE_CACHE_KB}")
    cur.execute("PRAGMA temp_store=MEMORY")
    cur.close()


def _sqlite_begin(conn: Connection) -> None:
    # A writer starts with BEGIN IMMEDIATE: it takes the write lock (waiting up to the busy timeout)
    # before reading anything, so it can never be refused later for holding a stale snapshot, which
    # SQLite reports at once as "database is locked", without waiting.
    mode = conn.get_execution_options().get("sqlite_begin", "")
    conn.exec_driver_sql(f"BEGIN {mode}".strip())


def make_engine(url: str) -> Engine:
    if url.startswith("postgresql://"):
        url = "postgresql+psycopg://" + url[len("postgresql://"):]
    try:
        engine = create_engine(url, future=True, json_serializer=jsontext.dumps, json_deserializer=jsontext.loads)
    except Exception as exc:  # bad scheme, missing driver
        raise DatabaseError(f"cannot open database {url!r}: {exc}") from exc
    if engine.dialect.name == "sqlite":
        event.listen(engine, "connect", _sqlite_pragmas)
        event.listen(engine, "begin", _sqlite_begin)
    return engine


def migrate(engine: Engine) -> None:
    """Bring the schema to the latest Alembic revision (no-op when current). The upgrade runs under
    the write lock, so two processes opening a new database at once migrate it once."""
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    head = ScriptDirectory.from_config(cfg).get_current_head()
    with engine.connect() as conn:
        if MigrationContext.configure(conn).get_current_revision() == head:
            return
    with engine.connect() as conn:
        conn = conn.execution_options(sqlite_begin="IMMEDIATE")
        with conn.begin():
            if conn.dialect.name == "postgresql":
                # Processes opening one new base at once take turns (PostgreSQL DDL is transactional:
                # the second waits here, then finds the schema at head). Released with the transaction.
                conn.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": MIGRATION_LOCK})
            cfg.attributes["connection"] = conn
            command.upgrade(cfg, "head")


_ENGINES: dict[str, Engine] = {}
MIGRATE_ATTEMPTS = 6  # (0.2 + 0.4 + ... + 1.0 s of waiting between them)


def open_db(url: str | None = None) -> sessionmaker[Session]:
    """Return a session factory for ``url`` with the schema migrated."""
    url = resolve_url(url)
    engine = _ENGINES.get(url)
    if engine is None:
        engine = make_engine(url)
        for attempt in range(MIGRATE_ATTEMPTS):
            try:
                migrate(engine)
                break
            except OperationalError as exc:
                # Two processes creating one new SQLite file at once: switching it to WAL needs the file to
                # itself, and SQLite answers "database is locked" at once, without the busy timeout. The
                # other process is done within moments; try again.
                if engine.dialect.name == "sqlite" and "locked" in str(exc) and attempt + 1 < MIGRATE_ATTEMPTS:
                    engine.dispose()
                    time.sleep(0.2 * (attempt + 1))
                    continue
                raise DatabaseError(f"cannot prepare database {url!r}: {exc}") from exc
            except Exception as exc:
                raise DatabaseError(f"cannot prepare database {url!r}: {exc}") from exc
        _ENGINES[url] = engine
    return sessionmaker(engine, expire_on_commit=False)


@contextmanager
def session_scope(factory: sessionmaker[Session]) -> Iterator[Session]:
    """One transaction that writes: commit on success, roll back everything on error. On SQLite it
    holds the write lock from its first statement (BEGIN IMMEDIATE), waiting for another writer up
    to the busy timeout; a transaction that read first and wrote later would instead be refused at
    once ("database is locked") whenever another writer committed in between. Read-only work
    uses ``factory()`` directly."""
    session = factory()
    try:
        session.connection(execution_options={"sqlite_begin": "IMMEDIATE"})
        yield session
        session.commit()
    except BaseException:
        session.rollback()
        raise
    finally:
        session.close()


# Any constant: the advisory lock that serialises writers of one PostgreSQL base.
WRITER_LOCK = 0x6479_6164


def bulk_insert(session: Session, table: Table, rows: list[dict], chunk: int = 5000) -> None:
    """Insert many rows (all with the same keys). On SQLite straight through the driver: a
    resolution inserts a row of evidence per mention, and SQLAlchemy's per-row parameter handling
    would cost more than SQLite's insert."""
    if rows:
        cols = list(rows[0])
        bulk_insert_values(session, table, cols, [tuple(r[c] for c in cols) for r in rows], chunk)


def bulk_insert_values(session: Session, table: Table, columns: list[str], rows: list[tuple],
                       chunk: int = 5000) -> None:
    """``bulk_insert`` of rows given as tuples of ``columns`` (no dict per row to build)."""
    if not rows:
        return
    conn = session.connection()
    if conn.dialect.name != "sqlite":
        for i in range(0, len(rows), chunk):
            conn.execute(table.insert(), [dict(zip(columns, r, strict=True)) for r in rows[i:i + chunk]])
        return
    sql = f"INSERT INTO {table.name} ({', '.join(columns)}) VALUES ({', '.join('?' for _ in columns)})"
    cursor = conn.connection.driver_connection.cursor()  # type: ignore[union-attr]
    json_cols = [i for i, c in enumerate(columns) if isinstance(table.c[c].type, JSON)]
    for i in range(0, len(rows), chunk):
        part = rows[i:i + chunk]
        if json_cols:  # JSON columns: the driver takes text (already-serialized text passes as it is)
            part = [tuple(_sqlite_value(v) if j in json_cols else v for j, v in enumerate(r)) for r in part]
        cursor.executemany(sql, part)


def driver_rows(session: Session, sql: str, params: tuple = ()) -> list[tuple] | None:
    """Rows of a plain query (``?`` parameters) straight from the SQLite driver, in this session's
    transaction: a million-row read costs SQLite's time, not SQLAlchemy's per-row wrapping. None on
    other engines (the caller runs its SQLAlchemy query)."""
    conn = session.connection()
    if conn.dialect.name != "sqlite":
        return None
    cursor = conn.connection.driver_connection.cursor()  # type: ignore[union-attr]
    return cursor.execute(sql, params).fetchall()


def _sqlite_value(value: object) -> object:
    return jsontext.dumps(value) if isinstance(value, (dict, list)) else value


@contextmanager
def indexes_suspended(session: Session, table: str) -> Iterator[None]:
    """Fill ``table`` without its secondary indexes, then build them (SQLite; elsewhere a no-op).
    Building an index over a filled table sorts once; keeping it while rows arrive in another
    order updates a B-tree at random for every row. Inside the caller's transaction: an
    interruption rolls the drop back with the rest."""
    conn = session.connection()
    if conn.dialect.name != "sqlite":
        yield
        return
    found = conn.exec_driver_sql("SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = ? "
                                 "AND sql IS NOT NULL", (table,)).all()
    for name, _sql in found:
        conn.exec_driver_sql(f'DROP INDEX "{name}"')
    yield
    for _name, sql in found:
        conn.exec_driver_sql(sql)


def lock_for_writing(session: Session) -> None:
    """Take the base's writer lock for this transaction, before reading what to write.

    PostgreSQL: a transaction-scoped advisory lock, so several ingest processes may extract
    in parallel and take turns to store and resolve. SQLite: a first write statement takes
    the database's write lock now (waiting up to the busy timeout) rather than failing later
    when a read transaction tries to upgrade."""
    if session.get_bind().dialect.name == "postgresql":
        session.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": WRITER_LOCK})
    # Every writer raises the generation (on SQLite this first write is also what takes the lock);
    # it commits or rolls back with the transaction's other changes.
    session.execute(text("UPDATE base_state SET generation = generation + 1 WHERE id = 1"))


def base_generation(session: Session) -> int:
    """The base's generation: it changes whenever a writing transaction commits."""
    return int(session.execute(text("SELECT generation FROM base_state WHERE id = 1")).scalar() or 0)


write_scope = session_scope


def is_busy(exc: BaseException) -> bool:
    """True for "database is locked" / "database is busy" (SQLite) and lock timeouts."""
    if not isinstance(exc, OperationalError):
        return False
    msg = str(exc.orig).lower()
    return "locked" in msg or "busy" in msg or "lock timeout" in msg


def retry_busy(fn: Callable[[], T], retry_for: float | None = None) -> T:
    """Run ``fn`` (one whole transaction), again while the database stays busy, up to ``retry_for``
    seconds in all (default RETRY_FOR). Other errors pass through at once."""
    limit = time.monotonic() + (RETRY_FOR if retry_for is None else retry_for)
    pause = 0.05
    while True:
        try:
            return fn()
        except OperationalError as exc:
            if not is_busy(exc) or time.monotonic() + pause > limit:
                raise
        time.sleep(pause)
        pause = min(pause * 2, 2.0)


def db_error_message(exc: BaseException, lost: str = "nothing was stored for this document") -> str:
    """A database error for the user: the driver's one-line reason, never the SQL statement or its
    parameters (which hold article text)."""
    if is_busy(exc):
        return f"the database stayed locked by another program; {lost}"
    if isinstance(exc, DBAPIError):
        reason = str(exc.orig).strip().splitlines()[0] if str(exc.orig).strip() else type(exc.orig).__name__
        return f"database error: {reason[:200]}"
    return f"{type(exc).__name__}: {str(exc)[:200]}"


def table_names(engine: Engine) -> list[str]:
    return sorted(inspect(engine).get_table_names())
