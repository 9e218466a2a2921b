"""A new SQLite base another process holds locked for a moment (two ingests creating it at once) is opened once the
lock goes, not refused with "database is locked"."""

from __future__ import annotations

import sqlite3
import threading
import time

from dyad.store.db import open_db


def test_a_new_base_locked_for_a_moment_is_opened_when_the_lock_goes(tmp_path, monkeypatch):
    path = tmp_path / "new.db"
    holder = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
    holder.execute("BEGIN EXCLUSIVE")  # what the other process holds while it makes the file
    threading.Thread(target=lambda: (time.sleep(0.6), holder.execute("COMMIT")), daemon=True).start()
    monkeypatch.setenv("DYAD_BUSY_TIMEOUT", "0")  # no waiting inside SQLite: only the retry can succeed
    factory = open_db(f"sqlite:///{path}")
    with factory() as session:
        assert session.connection().exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
