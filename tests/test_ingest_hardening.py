"""Hostile inputs to ingestion (issue 12): only http(s) fetched from any source, one deadline per
fetch, a cap on feed items, no private address reached through a feed or a redirect without
--allow-private; files read only inside the folder given, with errors that reveal nothing outside;
manifests validated; navigation-only pages refused. Network tests use a real HTTP server on
127.0.0.1 whose handlers redirect, trickle and serve feeds."""

from __future__ import annotations

import http.server
import json
import re
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
from sqlalchemy import select

from conftest import run_cli
from dyad.ingest.fetch import FetchError, FetchPolicy, fetch, is_public
from dyad.ingest.sources import IngestError, IngestWarning, RawDocument, read_inputs
from dyad.store.db import open_db
from dyad.store.models import Document

STORY = ("Estonia and Finland agreed on Thursday to study a rail tunnel under the Gulf of Finland, "
         "the Estonian Ministry of Economic Affairs said in Tallinn.\n\n"
         "Both governments will share the cost of a feasibility study due next year.\n")
STORY2 = ("Chile and Argentina signed a memorandum on lithium research in Santiago on Monday.\n\n"
          "The Chilean mining minister said joint laboratories would open in both countries.\n")
SECRET = "This secret line lives outside the ingested folder and must never be stored by dyad.\n"


def article_html(body: str, title: str = "A story") -> str:
    paras = "".join(f"<p>{p}</p>" for p in body.split("\n\n") if p.strip())
    return (f"<!DOCTYPE html><html><head><meta charset='utf-8'><title>{title}</title></head>"
            f"<body><article><h1>{title}</h1>{paras}</article></body></html>")


def rss(*links: str, title: str = "Test Wire") -> str:
    items = "".join(f"<item><title>Item {i}</title><link>{link}</link>"
                    f"<pubDate>Mon, 03 Jun 2024 08:00:00 +0000</pubDate></item>" for i, link in enumerate(links))
    return (f'<?xml version="1.0"?><rss version="2.0"><channel><title>{title}</title>'
            f"<link>http://example.org/</link><description>d</description>{items}</channel></rss>")


class Handler(http.server.BaseHTTPRequestHandler):
    """/page/<n>: an article; /redirect?to=URL: 302; /trickle: 8 bytes of body every 5 s;
    /trickle-headers: headers dribbled one byte at a time; /feed?link=..&link=..: RSS; /many?n=N: a feed
    of N distinct articles; /nav: a page of links only."""

    protocol_version = "HTTP/1.1"

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - stdlib signature
        pass

    def _send(self, body: str, ctype: str = "text/html; charset=utf-8", status: int = 200) -> None:
        data = body.encode()
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def do_GET(self) -> None:  # noqa: N802 - stdlib name
        parts = urlsplit(self.path)
        query = parse_qs(parts.query)
        try:
            if parts.path.startswith("/page/"):
                n = parts.path.rsplit("/", 1)[1]
                self._send(article_html(STORY.replace("Thursday", f"Thursday (report {n})"), f"Story {n}"))
            elif parts.path == "/redirect":
                self.send_response(302)
                self.send_header("Location", query["to"][0])
                self.send_header("Content-Length", "0")
                self.end_headers()
            elif parts.path == "/trickle":
                self.send_response(200)
                self.send_header("Content-Type", "text/html")
                self.send_header("Content-Length", "100000")
                self.end_headers()
                for _ in range(100):
                    self.wfile.write(b"<p>slow.")
                    self.wfile.flush()
                    time.sleep(5)
            elif parts.path == "/trickle-headers":
                for ch in b"HTTP/1.1 200 OK\r\nX-Padding: " + b"a" * 1000:
                    self.wfile.write(bytes([ch]))
                    self.wfile.flush()
                    time.sleep(0.2)
            elif parts.path == "/feed":
                self._send(rss(*query.get("link", [])), "application/rss+xml")
            elif parts.path == "/many":
                base = f"http://{self.headers['Host']}"
                self._send(rss(*(f"{base}/page/{i}" for i in range(int(query["n"][0])))), "application/rss+xml")
            elif parts.path == "/nav":
                links = "".join(f'<li><a href="/s{i}">Section {i}</a></li>' for i in range(30))
                heads = "<br>".join(f'<a href="/n{i}">Latest news item number {i}</a>' for i in range(20))
                self._send(f"<html><head><title>Home</title></head><body><nav><ul>{links}</ul></nav>"
                           f"<div>{heads}</div><footer>Copyright 2024</footer></body></html>")
            else:
                self._send("not found", status=404)
        except (BrokenPipeError, ConnectionResetError):
            pass


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    srv = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    srv.daemon_threads = True
    thread = threading.Thread(target=srv.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{srv.server_address[1]}"
    finally:
        srv.shutdown()
        srv.server_close()


def items(inputs: list[str], **kw: object) -> tuple[list[RawDocument], list[IngestError], list[IngestWarning]]:
    out = list(read_inputs(inputs, **kw))  # type: ignore[arg-type]
    docs = [i for i in out if isinstance(i, RawDocument)]
    warns = [i for i in out if isinstance(i, IngestWarning)]
    errs = [i for i in out if isinstance(i, IngestError) and not isinstance(i, IngestWarning)]
    return docs, errs, warns


def stored(db: str) -> dict[str, Document]:
    with open_db(db)() as session:
        return {d.doc_id: d for d in session.scalars(select(Document))}


# ---------------------------------------------------------------------------- schemes


@pytest.mark.parametrize("bad", ["file:///etc/hostname", "file://localhost/etc/hostname", "file:/etc/hostname",
                                 "ftp://127.0.0.1/story.html", "FILE:///etc/hostname", "gopher://127.0.0.1/"])
def test_non_http_argument_is_refused(db_url: str, bad: str) -> None:
    res = run_cli("ingest", bad, db=db_url)
    assert res.exit_code == 1, res
    assert f"error: {bad}: refused: only http and https URLs are fetched" in res.stderr
    assert stored(db_url) == {}


def test_feed_items_with_file_and_ftp_links_are_refused_and_the_good_one_stored(db_url: str, server: str,
                                                                                tmp_path: Path) -> None:
    secret = tmp_path / "secret.html"
    secret.write_text(article_html(SECRET), encoding="utf-8")
    bad = [f"file://localhost{secret}", f"file:{secret}", f"file://{secret}", "ftp://127.0.0.1/x.html"]
    feed = f"{server}/feed?" + "&".join(f"link={link}" for link in [*bad, f"{server}/page/1"])
    res = run_cli("ingest", "--allow-private", feed, db=db_url)
    assert res.exit_code == 1, res
    refused = [line for line in res.stderr.splitlines() if "refused: only http and https URLs are fetched" in line]
    assert len(refused) == 4, res  # (feedparser writes file:///x as file://x; refused all the same)
    assert f"error: {bad[0]}: refused" in res.stderr and f"error: {bad[3]}: refused" in res.stderr
    assert "added 1, already stored 0, failed 4" in res.stderr
    docs = stored(db_url)
    assert list(docs) == [f"{server}/page/1"]
    assert all("secret line" not in d.text for d in docs.values())


def test_redirect_to_file_is_refused_even_with_allow_private(server: str, tmp_path: Path) -> None:
    (tmp_path / "s.html").write_text(article_html(SECRET), encoding="utf-8")
    url = f"{server}/redirect?to=file://{tmp_path / 's.html'}"
    docs, errs, _ = items([url], allow_private=True)
    assert docs == []
    assert [str(e) for e in errs] == [f"{url}: refused: only http and https URLs are fetched, not file:"]


# ---------------------------------------------------------------------------- private addresses


def test_argument_url_on_loopback_is_fetched_without_the_flag(server: str) -> None:
    """The user typed it: an argument URL is fetched wherever it points."""
    docs, errs, _ = items([f"{server}/page/7"])
    assert errs == [] and len(docs) == 1 and "Estonia and Finland" in docs[0].text


def test_feed_item_on_loopback_needs_allow_private(db_url: str, server: str) -> None:
    for host in ("127.0.0.1", "localhost"):  # "localhost" is refused by the address it resolves to
        link = server.replace("127.0.0.1", host) + "/page/2"
        feed = f"{server}/feed?link={link}"
        docs, errs, _ = items([feed])
        assert docs == []
        assert len(errs) == 1 and errs[0].name == link
        assert errs[0].reason.startswith("refused: ") and "--allow-private" in errs[0].reason
        docs, errs, _ = items([feed], allow_private=True)
        assert errs == [] and [d.url for d in docs] == [link]
    res = run_cli("ingest", f"{server}/feed?link={server}/page/2", db=db_url)
    assert res.exit_code == 1 and "needs --allow-private" in res.stderr, res
    assert stored(db_url) == {}


def test_redirect_to_loopback_needs_allow_private(server: str) -> None:
    url = f"{server}/redirect?to={server}/page/3"
    docs, errs, _ = items([url])
    assert docs == [] and len(errs) == 1 and "--allow-private" in errs[0].reason
    docs, errs, _ = items([url], allow_private=True)
    assert errs == [] and len(docs) == 1


def test_redirect_loop_ends_with_an_error(server: str) -> None:
    url = f"{server}/redirect?to=/redirect%3Fto%3D/redirect%253Fto%253D/redirect"
    with pytest.raises(FetchError):
        fetch(url, FetchPolicy(allow_private=True, deadline=5))


@pytest.mark.parametrize(("ip", "public"), [
    ("8.8.8.8", True), ("2a00:1450:4001::1", True), ("127.0.0.1", False), ("10.1.2.3", False),
    ("172.16.0.1", False), ("192.168.1.1", False), ("169.254.169.254", False), ("100.64.0.1", False),
    ("0.0.0.0", False), ("::1", False), ("fe80::1", False), ("fc00::1", False), ("::ffff:127.0.0.1", False),
    ("::ffff:8.8.8.8", True), ("224.0.0.1", False)])
def test_address_classes(ip: str, public: bool) -> None:
    assert is_public(ip) is public


# ---------------------------------------------------------------------------- deadline and feed cap


def test_trickling_server_ends_with_a_timeout_within_the_deadline(db_url: str, server: str) -> None:
    import dyad.nlp.pipeline  # noqa: F401 - imported before the clock starts: seconds on a busy machine

    start = time.monotonic()
    res = run_cli("ingest", "--fetch-deadline", "1.5", f"{server}/trickle", db=db_url)
    elapsed = time.monotonic() - start
    assert res.exit_code == 1, res
    assert f"error: {server}/trickle: cannot fetch: timed out: no complete answer within 1.5 s" in res.stderr
    assert elapsed < 1.5 + 3.0, elapsed  # the deadline plus process slack, not 100 x 5 s
    assert stored(db_url) == {}


def test_headers_dribbled_byte_by_byte_also_end_at_the_deadline(server: str) -> None:
    """Each byte arrives well within any per-read timeout; only an overall deadline stops it."""
    start = time.monotonic()
    docs, errs, _ = items([f"{server}/trickle-headers"], deadline=1.0)
    assert docs == [] and len(errs) == 1 and "timed out" in errs[0].reason
    assert time.monotonic() - start < 1.0 + 2.0


def test_feed_item_trickling_times_out_and_the_others_are_stored(server: str) -> None:
    feed = f"{server}/feed?link={server}/trickle&link={server}/page/4"
    docs, errs, _ = items([feed], allow_private=True, deadline=1.0)
    assert [d.url for d in docs] == [f"{server}/page/4"]
    assert [e.name for e in errs] == [f"{server}/trickle"] and "timed out" in errs[0].reason


def test_feed_items_are_capped_with_a_warning(db_url: str, server: str) -> None:
    docs, errs, warns = items([f"{server}/many?n=12"], allow_private=True, max_feed_items=5)
    assert errs == [] and len(docs) == 5
    assert len(warns) == 1 and "lists 12 items; only the first 5 were read" in warns[0].reason
    res = run_cli("ingest", "--allow-private", "--max-feed-items", "3", f"{server}/many?n=12", db=db_url)
    assert res.exit_code == 0, res
    assert "added 3, already stored 0, failed 0" in res.stderr
    assert "warning: " in res.stderr and "only the first 3 were read" in res.stderr
    assert len(stored(db_url)) == 3


def test_bad_fetch_options_are_refused(db_url: str, server: str) -> None:
    for opt in (["--max-feed-items", "0"], ["--fetch-deadline", "-1"]):
        res = run_cli("ingest", *opt, f"{server}/page/1", db=db_url)
        assert res.exit_code == 2, res


# ---------------------------------------------------------------------------- files only inside the folder


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_symlinks_out_of_the_folder_are_refused_without_revealing_the_target(db_url: str, tmp_path: Path) -> None:
    outside = write(tmp_path / "outside" / "secret.txt", SECRET)
    (tmp_path / "outside" / "dir").mkdir()
    write(tmp_path / "outside" / "dir" / "inner.txt", SECRET)
    root = tmp_path / "batch"
    write(root / "good.txt", STORY)
    write(root / "inner" / "kept.txt", STORY2)
    (root / "exists.txt").symlink_to(outside)
    (root / "missing.txt").symlink_to(tmp_path / "outside" / "no-such-file.txt")
    (root / "dirlink").symlink_to(tmp_path / "outside" / "dir")
    (root / "inside-link.txt").symlink_to(root / "inner" / "kept.txt")  # inside: fine (same text, skipped)
    res = run_cli("ingest", root, db=db_url)
    assert res.exit_code == 1, res
    errors = [line for line in res.stderr.splitlines() if line.startswith("error:")]
    reason = "refused: it leads outside the folder being ingested"
    assert sorted(errors) == sorted(f"error: {root / n}: {reason}" for n in ("dirlink", "exists.txt", "missing.txt"))
    # The same words whether the target exists or not: nothing is learnt about the outside.
    assert "no-such-file" not in res.stderr and "secret" not in res.stderr and "outside/" not in res.stderr
    docs = stored(db_url)
    assert sorted(docs) == ["good.txt", "inside-link.txt"] or sorted(docs) == ["good.txt", "kept.txt"]
    assert all(SECRET not in d.text for d in docs.values())


def test_manifest_paths_outside_the_folder_are_refused_the_same_way(db_url: str, tmp_path: Path) -> None:
    write(tmp_path / "outside" / "secret.txt", SECRET)
    root = tmp_path / "batch"
    write(root / "good.txt", STORY)
    (root / "out").symlink_to(tmp_path / "outside")
    lines = [{"file": str(tmp_path / "outside" / "secret.txt")},  # absolute, exists
             {"file": "/no/such/place.txt"},  # absolute, does not exist
             {"file": "../outside/secret.txt"},  # exists
             {"file": "../outside/nothing.txt"},  # does not
             {"file": "sub/../../outside/secret.txt"},
             {"file": "out/secret.txt"},  # through a link, exists
             {"file": "out/nothing.txt"},  # through a link, does not
             {"file": "good.txt", "title": "Rail tunnel study"}]
    write(root / "index.jsonl", "\n".join(json.dumps(x) for x in lines) + "\n")
    res = run_cli("ingest", root, db=db_url)
    assert res.exit_code == 1, res
    errors = [line for line in res.stderr.splitlines() if line.startswith("error:")]
    reasons = {line.split(": ", 2)[2] for line in errors if "index.jsonl:" in line}
    assert len([e for e in errors if "index.jsonl:" in e]) == 7, errors
    # Two wordings only (a path that names the outside, a path that leads there through a link),
    # never depending on existence.
    assert len(reasons) <= 2 and all("outside the folder" in r for r in reasons), reasons
    for n in range(1, 8):
        assert any(e.startswith(f"error: {root / 'index.jsonl'}:{n}: broken manifest line") for e in errors)
    assert "does not exist" not in res.stderr and "secret" not in res.stderr
    assert f"error: {root / 'out'}: refused: it leads outside the folder" in res.stderr
    docs = stored(db_url)
    assert list(docs) == ["good.txt"] and docs["good.txt"].title == "Rail tunnel study"


def test_manifest_that_is_a_link_out_of_the_folder_is_not_read(db_url: str, tmp_path: Path) -> None:
    write(tmp_path / "outside" / "index.jsonl", json.dumps({"file": "good.txt", "title": "From outside"}) + "\n")
    root = tmp_path / "batch"
    write(root / "good.txt", STORY)
    (root / "index.jsonl").symlink_to(tmp_path / "outside" / "index.jsonl")
    res = run_cli("ingest", root, db=db_url)
    assert res.exit_code == 1, res
    assert f"error: {root / 'index.jsonl'}: refused: it leads outside the folder being ingested" in res.stderr
    assert stored(db_url)["good.txt"].title is None


# ---------------------------------------------------------------------------- manifests validated


def test_manifest_dates_must_exist(db_url: str, tmp_path: Path) -> None:
    root = tmp_path / "batch"
    write(root / "a.txt", STORY)
    write(root / "b.txt", STORY2)
    write(root / "index.jsonl", "\n".join([json.dumps({"file": "a.txt", "published": "2024-02-30"}),
                                            json.dumps({"file": "b.txt", "published": "2023-13-01"})]) + "\n")
    res = run_cli("ingest", root, db=db_url)
    assert res.exit_code == 1, res
    assert (f"error: {root / 'index.jsonl'}:1: broken manifest line: bad published date '2024-02-30' "
            "(no such day)") in res.stderr
    assert (f"error: {root / 'index.jsonl'}:2: broken manifest line: bad published date '2023-13-01' "
            "(no such month)") in res.stderr
    docs = stored(db_url)  # the files are kept, without the impossible dates
    assert sorted(docs) == ["a.txt", "b.txt"] and docs["a.txt"].published is None


def test_leap_day_is_a_real_date(db_url: str, tmp_path: Path) -> None:
    root = tmp_path / "batch"
    write(root / "a.txt", STORY)
    write(root / "index.jsonl", json.dumps({"file": "a.txt", "published": "2024-02-29T10:00:00Z"}) + "\n")
    assert run_cli("ingest", root, db=db_url).exit_code == 0
    assert stored(db_url)["a.txt"].published == "2024-02-29"


def test_huge_or_non_string_manifest_fields_are_refused(db_url: str, tmp_path: Path) -> None:
    root = tmp_path / "batch"
    write(root / "a.txt", STORY)
    write(root / "b.txt", STORY2)
    write(root / "index.jsonl", "\n".join([json.dumps({"file": "a.txt", "title": "T" * 2_000_000}),
                                            json.dumps({"file": "b.txt", "title": {"nested": 1}})]) + "\n")
    res = run_cli("ingest", root, db=db_url)
    assert res.exit_code == 1, res
    assert (f"error: {root / 'index.jsonl'}:1: broken manifest line: \"title\" is 2,000,000 characters long; "
            "the limit is 500") in res.stderr
    assert f"error: {root / 'index.jsonl'}:2: broken manifest line: \"title\" must be a string, not dict" in res.stderr
    assert len(res.stderr) < 5000  # the title is not echoed
    docs = stored(db_url)
    assert sorted(docs) == ["a.txt", "b.txt"] and docs["a.txt"].title is None


def test_huge_html_title_is_cut_with_a_warning(db_url: str, tmp_path: Path) -> None:
    long_title = "Tunnel " * 300_000
    html = article_html(STORY).replace("<title>A story</title>", f"<title>{long_title}</title>")
    page = write(tmp_path / "long-title.html", html.replace("<h1>A story</h1>", ""))
    res = run_cli("ingest", page, db=db_url)
    assert res.exit_code == 0, res
    # (trafilatura itself keeps at most 10,000 characters of a <title>)
    assert re.search(rf"warning: {re.escape(str(page))}: title of [\d,]+ characters cut to 500\n", res.stderr), res
    title = stored(db_url)["long-title.html"].title
    assert title is not None and len(title) <= 501 and title.startswith("Tunnel Tunnel")


# ---------------------------------------------------------------------------- navigation-only pages


def test_navigation_only_page_is_refused_as_file_and_as_url(db_url: str, server: str, tmp_path: Path) -> None:
    menu = "".join(f"<p><a href='/x{i}'>Business</a></p><p>Sport</p><p>World news</p>" for i in range(10))
    nav = write(tmp_path / "menu.html", f"<html><body><main>{menu}</main></body></html>")
    res = run_cli("ingest", nav, f"{server}/nav", db=db_url)
    assert res.exit_code == 1, res
    why = "no article text found in the HTML: the page holds only links, menu items or headlines, no sentences"
    assert f"error: {nav}: {why}" in res.stderr
    assert f"error: {server}/nav: {why}" in res.stderr
    assert stored(db_url) == {}


def test_article_with_a_menu_is_still_an_article(db_url: str, tmp_path: Path) -> None:
    menu = "".join(f"<li><a href='/s{i}'>Section {i}</a></li>" for i in range(15))
    page = write(tmp_path / "story.html", f"<html><body><ul>{menu}</ul>{article_html(STORY)}</body></html>")
    assert run_cli("ingest", page, db=db_url).exit_code == 0
    assert "Estonia and Finland" in stored(db_url)["story.html"].text
