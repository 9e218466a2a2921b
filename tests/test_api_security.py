"""The API and pages under hostile requests (issue 12): 422 for every out-of-range number, security
headers on every response (pages, API, static files, errors), no inline script or event handler in
any template or rendered page, and a Host check when `dyad serve` binds to loopback."""

from __future__ import annotations

import http.client
import os
import re
import subprocess
import sys
import time
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from dyad.api.app import create_app
from dyad.api.security import CSP, allowed_hosts_for, host_name
from dyad.store.queries import PLURALS
from web_support import SAMPLE_CORPUS, build_db, free_port

TEMPLATES = Path(__file__).resolve().parents[1] / "src" / "dyad" / "web" / "templates"
REPO = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def db_url(tmp_path_factory: pytest.TempPathFactory) -> str:
    return build_db(tmp_path_factory.mktemp("apisec"), [SAMPLE_CORPUS])


@pytest.fixture(scope="module")
def client(db_url: str) -> TestClient:
    return TestClient(create_app(db_url))


# ---------------------------------------------------------------------------- numbers out of range


@pytest.mark.parametrize("plural", sorted(PLURALS))
@pytest.mark.parametrize("query", [
    "offset=9223372036854775808", "offset=9223372036854775807", "offset=1000000001", "offset=-1",
    "offset=99999999999999999999999999999999", "limit=-5", "limit=0", "limit=1001", "limit=9223372036854775808",
    "limit=1e3", "offset=1.5", "limit=NaN", "offset=", "limit=%00"])
def test_out_of_range_numbers_are_422(client: TestClient, plural: str, query: str) -> None:
    r = client.get(f"/api/{plural}?{query}")
    assert r.status_code == 422, (query, r.status_code, r.text)
    assert r.json()["detail"][0]["loc"][-1] == query.split("=")[0]


def test_largest_allowed_offset_is_an_empty_page(client: TestClient) -> None:
    r = client.get("/api/events?offset=1000000000&limit=1000")
    assert r.status_code == 200 and r.json()["items"] == []


# ---------------------------------------------------------------------------- security headers


def sample_paths(client: TestClient) -> list[str]:
    doc = client.get("/api/documents?limit=1").json()["items"][0]["id"]
    entity = client.get("/api/entities?limit=1").json()["items"][0]["id"]
    return ["/", "/?format=json", "/dyad/KAZ-UZB", "/dyad/XXX-YYY", "/dyad/nonsense", f"/document/{doc}",
            "/document/no-such-doc", f"/entity/{entity}", "/entity/nothing", "/search?q=visit", "/search",
            "/api/facts", "/openapi.json", "/static/style.css", "/static/missing.js", "/no/such/page",
            "/api/events?offset=-1", f"/api/documents/{doc}", "/api/events/none"] + \
        [f"/api/{p}" for p in PLURALS]


def check_headers(headers: object, path: str) -> None:
    h = {k.lower(): v for k, v in headers.items()}  # type: ignore[attr-defined]
    assert h.get("content-security-policy") == CSP, path
    assert "frame-ancestors 'none'" in CSP and "'unsafe-inline'" not in CSP and "script-src 'self'" in CSP
    assert h.get("x-content-type-options") == "nosniff", path
    assert h.get("x-frame-options") == "DENY", path
    assert h.get("referrer-policy") == "same-origin", path


def test_every_response_carries_the_security_headers(client: TestClient) -> None:
    seen = set()
    for path in sample_paths(client):
        r = client.get(path)
        seen.add(r.status_code)
        check_headers(r.headers, path)
    assert {200, 404, 422} <= seen


INLINE = [re.compile(p, re.IGNORECASE) for p in (
    r"<script(?![^>]*\bsrc=)[^>]*>",  # a script element without src
    r"<[^>]+\son[a-z]+\s*=",  # onclick=, onload= ...
    r"javascript:",
    r"<[^>]+\sstyle\s*=",  # style="" attributes (CSP style-src 'self' blocks them)
)]


def test_no_template_has_inline_script_or_handlers() -> None:
    templates = sorted(TEMPLATES.glob("*.html"))
    assert templates
    for path in templates:
        if path.name == "brief.html":
            continue  # written to a file by `dyad brief`, never served; it has no script either
        text = path.read_text(encoding="utf-8")
        for pattern in INLINE:
            assert not pattern.search(text), (path.name, pattern.pattern)
    brief = (TEMPLATES / "brief.html").read_text(encoding="utf-8")
    assert "<script" not in brief.lower() and not INLINE[1].search(brief)


def test_no_rendered_page_has_inline_script_or_handlers(client: TestClient) -> None:
    for path in sample_paths(client):
        r = client.get(path)
        if r.headers.get("content-type", "").startswith("text/html"):
            for pattern in INLINE:
                assert not pattern.search(r.text), (path, pattern.pattern)


# ---------------------------------------------------------------------------- Host check


@pytest.mark.parametrize(("header", "name"), [
    ("127.0.0.1:8000", "127.0.0.1"), ("LOCALHOST", "localhost"), ("[::1]:8000", "::1"), ("[::1]", "::1"),
    ("evil.example:80", "evil.example"), ("", ""), ("::1", "::1")])
def test_host_name(header: str, name: str) -> None:
    assert host_name(header) == name


def test_allowed_hosts_only_for_loopback_bindings() -> None:
    assert set(allowed_hosts_for("127.0.0.1")) >= {"127.0.0.1", "localhost", "::1"}
    assert allowed_hosts_for("::1") is not None and allowed_hosts_for("localhost") is not None
    assert allowed_hosts_for("0.0.0.0") is None and allowed_hosts_for("192.168.1.5") is None


def test_host_check_in_the_app(db_url: str) -> None:
    app = create_app(db_url, allowed_hosts=allowed_hosts_for("127.0.0.1"))
    client = TestClient(app, base_url="http://127.0.0.1:8000")
    assert client.get("/api/events").status_code == 200
    assert client.get("/", headers={"Host": "localhost:8000"}).status_code == 200
    for host in ("evil.example", "evil.example:8000", "127.0.0.1.evil.example", "localhost.evil.example:8000"):
        r = client.get("/api/events", headers={"Host": host})
        assert r.status_code == 400, host
        check_headers(r.headers, host)
        assert r.json() == {"detail": "Invalid Host header"}


def raw_get(port: int, path: str, host: str) -> int:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    try:
        conn.putrequest("GET", path, skip_host=True)
        conn.putheader("Host", host)
        conn.endheaders()
        return conn.getresponse().status
    finally:
        conn.close()


def test_serve_on_loopback_refuses_a_foreign_host(db_url: str) -> None:
    """The real `dyad serve` command: a DNS-rebinding page (Host: its own name) gets 400."""
    port = free_port()
    env = {**os.environ, "DYAD_DB": db_url}
    proc = subprocess.Popen([sys.executable, "-m", "dyad.cli", "serve", "--port", str(port)], env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                status = raw_get(port, "/api/events", f"127.0.0.1:{port}")
                break
            except OSError:
                if time.monotonic() > deadline or proc.poll() is not None:
                    raise
                time.sleep(0.2)
        assert status == 200
        assert raw_get(port, "/", f"localhost:{port}") == 200
        assert raw_get(port, "/api/events", f"attacker.example:{port}") == 400
        assert raw_get(port, "/", "attacker.example") == 400
    finally:
        proc.terminate()
        proc.wait(timeout=20)
