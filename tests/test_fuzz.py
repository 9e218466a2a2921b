"""Fuzzing with hypothesis (issue 12): ingest of random bytes, random HTML, random manifests and random feeds (no
crash; every bad input an IngestError naming it), time expressions on random strings (no exception),
and every query parameter of every GET route of the API (never a 500). Each target has a fixed,
derandomised example budget so CI runs the same inputs every time; the budgets total more than
10,000 generated inputs (checked by the last test when the whole file runs)."""

from __future__ import annotations

import json
import os
import string
import tempfile
from collections import Counter
from pathlib import Path
from urllib.parse import quote

import pytest
from fastapi.routing import APIRoute
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dyad.api.app import create_app
from dyad.ingest.dates import leading_date, normalise_date, strict_date
from dyad.ingest.fetch import FetchPolicy
from dyad.ingest.sources import IngestError, RawDocument, read_feed, read_inputs
from dyad.nlp.timex import find_date_ranges, find_timexes
from hardening_support import write_articles
from web_support import build_db

RUNS: Counter[str] = Counter()
# About 2 minutes on a 2-core machine; HTML pages (trafilatura) and API requests are the dear ones.
BUDGET = {"bytes": 1500, "html": 500, "manifest": 800, "feeds": 300, "nlp": 30, "dates": 2500, "timex": 2000,
          "date_ranges": 600, "api_lists": 2000, "api_pages": 600, "api_ids": 500}


# DYAD_FUZZ_SCALE=10 runs ten times the inputs (a longer hunt); CI runs the budgets as written.
SCALE = float(os.environ.get("DYAD_FUZZ_SCALE", "1"))


def fuzz(target: str):  # type: ignore[no-untyped-def]
    return settings(max_examples=max(1, int(BUDGET[target] * SCALE)), deadline=None, derandomize=True, database=None,
                    suppress_health_check=list(HealthCheck))


# ---------------------------------------------------------------------------- strategies

WORDS = ["Kazakhstan", "and", "Uzbekistan", "signed", "an", "agreement", "in", "Astana", "on", "Monday", "the",
         "President", "said", "May", "2024", "last", "week", "next", "year", "Q3", "FY2025", "1990s", "\u201c",
         "\u201d", '"', "'", ".", ",", "\n\n", "\n", "-", "/", "12", "31", "02/30/2024", "2024-02-30", "3rd",
         "mid-", "early", "late", "spring", "decade", "ago", "Ministry", "of", "Foreign", "Affairs", "\u00a0",
         "\t", "(", ")", "memorandum", "railway", "$", "billion", "percent", "\u0301", "\U0001f600", "\x00"]
texty = st.one_of(
    st.text(max_size=300),
    st.lists(st.sampled_from(WORDS), max_size=80).map(" ".join),
    st.lists(st.one_of(st.sampled_from(WORDS), st.text(alphabet=string.printable, max_size=8)),
             max_size=60).map(" ".join),
)
dates = st.one_of(st.none(), st.text(max_size=30), st.from_regex(r"\A\d{1,5}(-\d{1,3}(-\d{1,3})?)?\Z"),
                  st.dates().map(str))

TAGS = ["p", "div", "article", "main", "nav", "ul", "li", "a", "h1", "h2", "span", "br", "table", "td", "tr",
        "script", "style", "title", "meta", "header", "footer", "section", "aside", "figure", "img", "svg",
        "iframe", "form", "!--", "![CDATA["]
attr = st.tuples(st.sampled_from(["href", "class", "id", "content", "property", "src", "onload", "charset",
                                  "datetime", "name"]),
                 st.one_of(st.text(max_size=20), st.sampled_from(["2024-02-30", "article:published_time",
                                                                  "javascript:alert(1)", "utf-8", "x\"y"])))
html_node = st.recursive(
    texty.map(lambda t: t.replace("<", "&lt;")) | st.sampled_from(["&amp;", "&#0;", "&#x110000;", "&bogus;", "<",
                                                                   ">", "</p>", "<p", "\u2028"]),
    lambda children: st.tuples(st.sampled_from(TAGS), st.lists(attr, max_size=3), st.lists(children, max_size=5),
                               st.booleans()).map(
        lambda t: f"<{t[0]}{''.join(f' {k}={json.dumps(v)}' for k, v in t[1])}>{''.join(t[2])}"
                  + (f"</{t[0]}>" if t[3] else "")),
    max_leaves=40,
)
html_doc = st.one_of(html_node, st.lists(html_node, max_size=6).map(
    lambda parts: "<!DOCTYPE html><html><head><meta charset='utf-8'></head><body>" + "".join(parts) + "</body>"))


@pytest.fixture(scope="module")
def work() -> Path:
    with tempfile.TemporaryDirectory(prefix="dyad-fuzz-") as d:
        yield Path(d)


def check_items(items: list[object], names: set[str] | None = None) -> None:
    for item in items:
        assert isinstance(item, (RawDocument, IngestError)), item
        if isinstance(item, IngestError):
            assert item.name and item.reason and isinstance(item.reason, str)
            if names is not None:
                assert any(item.name.startswith(n) for n in names), item
        else:
            assert item.text.strip()


# ---------------------------------------------------------------------------- ingest: bytes, HTML, manifests


@fuzz("bytes")
@given(data=st.one_of(st.binary(max_size=2000), texty.map(lambda t: t.encode("utf-8", "surrogatepass"))),
       suffix=st.sampled_from([".txt", ".md", ".txt", ".md", ".html"]))
def test_random_bytes_in_a_file(work: Path, data: bytes, suffix: str) -> None:
    RUNS["bytes"] += 1
    path = work / f"bytes{suffix}"
    path.write_bytes(data)
    check_items(list(read_inputs([str(path)])), {str(path)})


@fuzz("html")
@given(html=html_doc)
def test_random_html_page(work: Path, html: str) -> None:
    RUNS["html"] += 1
    path = work / "page.html"
    path.write_text(html, encoding="utf-8", errors="surrogatepass")
    items = list(read_inputs([str(path)]))
    check_items(items, {str(path)})
    assert len(items) == 1


manifest_value = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(), st.text(max_size=40),
                           st.lists(st.integers(), max_size=3), st.dictionaries(st.text(max_size=5), st.integers(),
                                                                                 max_size=2))
manifest_file = st.one_of(st.sampled_from(["a.txt", "b.md", "sub/c.txt", "ghost.txt", "../out.txt", "/etc/hosts",
                                           "sub/../../x.txt", "", ".", "sub", "a.txt\x00", "C:\\x.txt",
                                           "\\\\server\\share.txt", "link/out.txt"]),
                          st.text(max_size=30))
manifest_line = st.one_of(
    st.fixed_dictionaries({"file": manifest_file},
                          optional={"title": st.one_of(st.text(max_size=40), manifest_value),
                                    "published": st.one_of(dates, manifest_value),
                                    "url": st.one_of(st.text(max_size=40), manifest_value),
                                    "source": st.one_of(st.text(max_size=20), manifest_value)}).map(json.dumps),
    st.dictionaries(st.text(max_size=8), manifest_value, max_size=4).map(json.dumps),
    st.text(max_size=80),
    st.just("[" * 5000),  # nesting
)


@fuzz("manifest")
@given(lines=st.lists(manifest_line, max_size=8))
def test_random_manifest(work: Path, lines: list[str]) -> None:
    RUNS["manifest"] += 1
    folder = work / "folder"
    if not folder.exists():
        (folder / "sub").mkdir(parents=True)
        (folder / "a.txt").write_text("Chile and Peru opened a border crossing on Monday, officials said.\n")
        (folder / "b.md").write_text("Peru and Bolivia met in Lima to discuss a railway, the ministry said.\n")
        (folder / "sub" / "c.txt").write_text("Laos and Vietnam agreed on a new bridge over the river, "
                                              "the ministry said.\n")
        (work / "out.txt").write_text("Outside text that must never be read by the fuzz test at all.\n")
        (folder / "link").symlink_to(work)
    (folder / "index.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8", errors="surrogatepass")
    items = list(read_inputs([str(folder)]))
    check_items(items, {str(folder)})
    docs = [i for i in items if isinstance(i, RawDocument)]
    assert sorted(d.origin for d in docs) == sorted(str(folder / n) for n in ("a.txt", "b.md", "sub/c.txt"))
    for d in docs:
        assert "Outside text" not in d.text
        assert d.title is None or (isinstance(d.title, str) and len(d.title) <= 501)
        assert d.published is None or normalise_date(d.published) == d.published


# Feed links of every shape, on hosts that need no name lookup (nothing leaves the machine): port 1 on
# loopback refuses at once; the rest are refused before any connection.
link_scheme = st.sampled_from(["http://", "https://", "HTTP://", "file://", "file:", "ftp://", "", "//", "javascript:",
                               "data:text/html,", "http:", "http:///"])
link_host = st.sampled_from(["127.0.0.1:1", "[::1]:1", "[::1", "127.0.0.1:99999", "127.0.0.1:-1", "0.0.0.0:1",
                             "10.0.0.1:1", "169.254.169.254", "user:pw@127.0.0.1:1", "127.0.0.1:1\x00", ""])
feed_link = st.one_of(st.tuples(link_scheme, link_host, st.text(max_size=20)).map(lambda t: f"{t[0]}{t[1]}/{t[2]}"),
                      st.text(max_size=30))


def xml_escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


@pytest.mark.filterwarnings("ignore::DeprecationWarning")  # feedparser's published/updated fallback notice
@fuzz("feeds")
@given(entries=st.lists(st.tuples(st.text(max_size=30), feed_link, dates), max_size=5),
       raw=st.one_of(st.none(), st.binary(max_size=300)), atom=st.booleans())
def test_random_feed(entries: list[tuple[str, str, str | None]], raw: bytes | None, atom: bool) -> None:
    RUNS["feeds"] += 1
    if raw is not None:
        body = raw
    elif atom:
        body = ('<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>F</title>' + "".join(
            f'<entry><title>{xml_escape(t)}</title><link href="{xml_escape(link).replace(chr(34), "&quot;")}"/>'
            f"<updated>{xml_escape(d or '')}</updated></entry>" for t, link, d in entries) + "</feed>").encode(
            "utf-8", "surrogatepass")
    else:
        body = ('<?xml version="1.0"?><rss version="2.0"><channel><title>F</title>' + "".join(
            f"<item><title>{xml_escape(t)}</title><link>{xml_escape(link)}</link>"
            f"<pubDate>{xml_escape(d or '')}</pubDate></item>" for t, link, d in entries) + "</channel></rss>").encode(
            "utf-8", "surrogatepass")
    items = list(read_feed("http://127.0.0.1:1/feed.xml", body, FetchPolicy(deadline=2.0, max_feed_items=3)))
    for item in items:
        assert isinstance(item, IngestError), item  # nothing is reachable: every entry is an error or a warning
        assert item.name and item.reason


@fuzz("nlp")
@given(text=texty.filter(lambda t: t.strip()))
def test_random_text_through_the_whole_ingest(work: Path, text: str) -> None:
    """The whole pipeline (NLP, storage, resolution) on random text: stored, or a clear error."""
    from dyad.ingest.service import ingest
    from dyad.store.db import open_db

    RUNS["nlp"] += 1
    path = work / "nlp" / "random.txt"
    path.parent.mkdir(exist_ok=True)
    path.write_text(text, encoding="utf-8", errors="surrogatepass")
    report = ingest([str(path)], open_db(f"sqlite:///{work / 'nlp.db'}"))
    assert len(report.added) + len(report.skipped) + len(report.errors) == 1, report
    for err in report.errors:
        assert err.name == str(path) and err.reason


# ---------------------------------------------------------------------------- dates and time expressions


@fuzz("dates")
@given(value=st.one_of(dates, st.text(max_size=40), st.integers(), st.floats()))
def test_date_helpers_on_random_values(value: object) -> None:
    RUNS["dates"] += 1
    out = normalise_date(value)
    assert out is None or strict_date(out) == out  # whatever it keeps is a real date
    if isinstance(value, str):
        try:
            strict_date(value)
        except ValueError:
            pass
        assert leading_date(value) is None or strict_date(leading_date(value) or "") is not None


@fuzz("timex")
@given(text=texty, dct=dates)
def test_timex_on_random_strings(text: str, dct: str | None) -> None:
    RUNS["timex"] += 1
    for t in find_timexes(text, dct):
        assert 0 <= t.start < t.end <= len(text)
        assert text[t.start:t.end] == t.text
        json.dumps(t.to_json())
        t.iso_date()


@fuzz("date_ranges")
@given(text=texty, dct=dates)
def test_date_ranges_on_random_strings(text: str, dct: str | None) -> None:
    RUNS["date_ranges"] += 1
    for start, end, *_ in find_date_ranges(text, dct):
        assert 0 <= start <= end <= len(text)


# ---------------------------------------------------------------------------- the API's query parameters


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> TestClient:
    folder = tmp_path_factory.mktemp("fuzzdb")
    write_articles(folder / "articles", 6)
    return TestClient(create_app(build_db(folder, [folder / "articles"])), raise_server_exceptions=False)


number = st.one_of(st.integers(), st.integers(min_value=-(2**70), max_value=2**70), st.floats().map(str),
                   st.sampled_from(["9223372036854775808", "-0", "1e3", "0x10", " 5", "5 ", "", "١٢", "NaN"]))
param_value = st.one_of(st.text(max_size=30), number.map(str), st.sampled_from(
    ["KAZ", "kaz", "UZB", "XXX", "2024", "2024-02", "2024-02-30", "0000", "json", "html", "visit", "%", "_", "\\",
     "'", '"', ":", "*", "status", "NEAR", "OR", "-", "(", "\x00", "\ud800", "a" * 5000]))


def routes(client: TestClient) -> list[APIRoute]:
    return [r for r in client.app.routes if isinstance(r, APIRoute) and "GET" in r.methods]


def query_names(route: APIRoute) -> list[str]:
    names: list[str] = []

    def walk(dep) -> None:  # type: ignore[no-untyped-def]
        names.extend(p.alias for p in dep.query_params)
        for sub in dep.dependencies:
            walk(sub)

    walk(route.dependant)
    return names


def clean(value: str) -> str:
    """What an HTTP client can send: lone surrogates become U+FFFD."""
    return value.encode("utf-8", "surrogatepass").decode("utf-8", "replace")


def path_for(route: APIRoute, values: list[str]) -> str:
    path = route.path_format
    for name, value in zip([p.name for p in route.dependant.path_params], values, strict=False):
        path = path.replace("{" + name + "}", quote(clean(value), safe="/") or "x")
    return path


def hit(client: TestClient, path: str, params: list[tuple[str, str]]) -> None:
    params = [(k, clean(v)) for k, v in params]
    r = client.get(path, params=params)
    assert r.status_code < 500, (path, params, r.status_code, r.text[:500])
    if r.status_code == 422:
        assert "detail" in r.json()


@fuzz("api_lists")
@given(data=st.data())
def test_list_endpoints_never_500(client: TestClient, data: st.DataObject) -> None:
    RUNS["api_lists"] += 1
    route = data.draw(st.sampled_from([r for r in routes(client) if r.path.startswith("/api/")
                                       and not r.dependant.path_params]))
    names = query_names(route) or ["x"]
    params = data.draw(st.lists(st.tuples(st.sampled_from(names), param_value), max_size=6))
    hit(client, route.path, params)


@fuzz("api_pages")
@given(data=st.data())
def test_pages_never_500(client: TestClient, data: st.DataObject) -> None:
    RUNS["api_pages"] += 1
    route = data.draw(st.sampled_from([r for r in routes(client) if not r.path.startswith("/api/")]))
    values = data.draw(st.lists(param_value, min_size=len(route.dependant.path_params),
                                max_size=len(route.dependant.path_params)))
    names = query_names(route) or ["format"]
    params = data.draw(st.lists(st.tuples(st.sampled_from([*names, "format"]), param_value), max_size=4))
    hit(client, path_for(route, values), params)


@fuzz("api_ids")
@given(data=st.data())
def test_record_lookups_never_500(client: TestClient, data: st.DataObject) -> None:
    RUNS["api_ids"] += 1
    route = data.draw(st.sampled_from([r for r in routes(client) if r.path.startswith("/api/")
                                       and r.dependant.path_params]))
    values = data.draw(st.lists(st.one_of(param_value, st.sampled_from(["story-00.txt", "../../etc/passwd",
                                                                        "a/b/c", "%2e%2e"])), min_size=1, max_size=1))
    hit(client, path_for(route, values), [])


def test_the_budget_was_spent() -> None:
    """Runs last in this file: when every target ran, at least 10,000 inputs were generated."""
    if set(RUNS) != set(BUDGET) or SCALE < 1:
        pytest.skip(f"only {sorted(RUNS)} ran, scale {SCALE}")
    assert sum(BUDGET.values()) >= 10_000
    print(f"fuzz inputs: {dict(RUNS)} total {sum(RUNS.values())}")
    assert sum(RUNS.values()) >= 10_000, RUNS
