"""Full-text search and the workbench queries on PostgreSQL (tsvector + GIN behind the same functions
as SQLite's FTS5). Runs when DYAD_TEST_POSTGRES names a server URL whose user may create databases,
e.g. postgresql://postgres@127.0.0.1:5432/postgres; skips otherwise."""

from __future__ import annotations

import os
import uuid
import warnings
from collections.abc import Iterator

import pytest

from web_support import SAMPLE_CORPUS

SERVER = os.environ.get("DYAD_TEST_POSTGRES") or os.environ.get("DYAD_TEST_PG_URL")  # CI sets the latter
pytestmark = pytest.mark.skipif(not SERVER, reason="set DYAD_TEST_PG_URL to a PostgreSQL server URL")


@pytest.fixture(scope="module")
def pg_url() -> Iterator[str]:
    import psycopg

    assert SERVER
    name = f"dyad_test_{uuid.uuid4().hex[:10]}"
    admin = SERVER.replace("postgresql+psycopg://", "postgresql://")
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    url = admin.rsplit("/", 1)[0] + "/" + name
    try:
        yield url
    finally:
        from dyad.store.db import _ENGINES

        engine = _ENGINES.pop(url, None)
        if engine is not None:
            engine.dispose()
        with psycopg.connect(admin, autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}"')


@pytest.fixture(scope="module")
def client(pg_url: str):  # type: ignore[no-untyped-def]
    from dyad.ingest.service import ingest
    from dyad.store.db import open_db

    report = ingest([str(SAMPLE_CORPUS)], open_db(pg_url))
    assert not report.errors
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        from fastapi.testclient import TestClient
    from dyad.api.app import create_app

    return TestClient(create_app(pg_url))


def test_pg_search_ranks_and_never_matches_keys(client) -> None:  # type: ignore[no-untyped-def]
    people = client.get("/api/entities", params={"type": "person", "limit": 100}).json()["items"]
    person = next(p for p in people if len(p["name"].split()) > 1)
    hits = client.get("/api/entities", params={"q": person["name"].split()[-1]}).json()["items"]
    assert hits[0]["name"] == person["name"]
    assert client.get("/api/events", params={"q": "status"}).json()["total"] == 0
    body = client.get("/api/search", params={"q": "Uzbekistan"}).json()
    assert body["total"] > 0 and "TUR-UZB" in body["facets"]["pair"]


def test_pg_pages_feed_and_changes(client) -> None:  # type: ignore[no-untyped-def]
    import feedparser

    assert client.get("/dyad/TUR-UZB?from=2025&to=2025").status_code == 200
    assert not feedparser.parse(client.get("/dyad/TUR-UZB/feed.atom").text).bozo
    assert client.get("/api/changes", params={"since": "2000-01-01"}).json()["total"] > 0
    assert client.get("/api/quotes", params={"country": "UZB"}).json()["total"] > 0
