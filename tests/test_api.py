"""The JSON API and the JSON twins of the pages, through FastAPI's TestClient, over a database built by
ingesting the sample corpus (examples/corpus) once for the module, on SQLite and (when
DYAD_TEST_PG_URL names a server) on PostgreSQL."""

from __future__ import annotations

import json
import warnings
from pathlib import Path

import pytest

from conftest import Databases
from web_support import SAMPLE_CORPUS, build_db

with warnings.catch_warnings():  # starlette warns about its httpx-based client; it works fine
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient

from dyad.api.app import create_app
from dyad.store.db import open_db
from dyad.store.queries import PLURALS, dyad_view, is_overdue
from dyad.web.brief import write_brief
from dyad.web.render import ENV, format_value, highlight

DATE_FIELD = {"event": "start", "agreement": "signed", "metric": "as_of", "quote": "date", "document": "published"}


@pytest.fixture(scope="module")
def db_url(module_kb_dbs: Databases) -> str:
    # Building runs the whole NLP pipeline (seconds): once per module and database backend.
    return build_db(module_kb_dbs.folder, [SAMPLE_CORPUS], url=module_kb_dbs.new())


@pytest.fixture(scope="module")
def client(db_url: str) -> TestClient:
    return TestClient(create_app(db_url))


def all_items(client: TestClient, plural: str, **params: object) -> list[dict]:
    r = client.get(f"/api/{plural}", params={"limit": 1000, **params})
    assert r.status_code == 200, r.text
    return r.json()["items"]


# ---- endpoints and shapes ------------------------------------------------------------------------------

def test_openapi_lists_every_endpoint(client: TestClient) -> None:
    paths = client.get("/openapi.json").json()["paths"]
    for plural in PLURALS:
        assert f"/api/{plural}" in paths
        assert f"/api/{plural}/{{rid}}" in paths
        params = {p["name"] for p in paths[f"/api/{plural}"]["get"]["parameters"]}
        assert {"country", "from", "to", "type", "q", "limit", "offset"} <= params
    assert "/api/facts" in paths


@pytest.mark.parametrize("plural,kind", list(PLURALS.items()))
def test_list_and_get_every_kind(client: TestClient, plural: str, kind: str) -> None:
    body = client.get(f"/api/{plural}").json()
    assert set(body) == {"total", "limit", "offset", "items"}
    assert body["limit"] == 100 and body["offset"] == 0
    assert body["total"] >= len(body["items"]) > 0
    for rec in body["items"]:
        assert rec["kind"] == kind
        assert "id" in rec and "sources" in rec and "confidence" in rec
        if kind != "document":
            assert rec["sources"], rec
    first = body["items"][0]
    # Document ids are file names with dots ("kgz-chn-railway.txt"): the path converter must keep them.
    r = client.get(f"/api/{plural}/{first['id']}")
    assert r.status_code == 200
    assert r.json() == first


@pytest.mark.parametrize("plural", list(PLURALS))
def test_missing_record_is_404(client: TestClient, plural: str) -> None:
    r = client.get(f"/api/{plural}/no-such-record.txt")
    assert r.status_code == 404
    assert "no-such-record.txt" in r.json()["detail"]


def test_facts_stream_is_the_whole_export(client: TestClient) -> None:
    r = client.get("/api/facts")
    assert r.status_code == 200
    assert r.headers["content-type"].startswith("application/x-ndjson")
    records = [json.loads(line) for line in r.text.splitlines() if line.strip()]
    totals = sum(client.get(f"/api/{p}", params={"limit": 1}).json()["total"] for p in PLURALS)
    assert len(records) == totals
    assert records[0]["kind"] == "document"
    assert {r["kind"] for r in records} == set(PLURALS.values())


# ---- filters --------------------------------------------------------------------------------------------

def test_country_filter_requires_every_country(client: TestClient) -> None:
    events = all_items(client, "events", country=["UZB", "TUR"])
    assert events
    assert all({"UZB", "TUR"} <= set(e["countries"]) for e in events)
    agreements = all_items(client, "agreements", country=["kaz", "uzb"])  # lower case is accepted
    assert agreements and all({"KAZ", "UZB"} <= set(a["parties"]) for a in agreements)
    # No record involves Turkey and India together: AND, not OR.
    assert all_items(client, "events", country=["TUR", "IND"]) == []
    one = {e["id"] for e in all_items(client, "events", country="UZB")}
    assert {e["id"] for e in events} < one


def test_country_filter_on_documents_and_entities(client: TestClient) -> None:
    docs = all_items(client, "documents", country=["TUR", "UZB"])
    assert {d["id"] for d in docs} >= {"uzb-tur-visit-announced.txt", "uzb-tur-visit-report.txt"}
    assert "ind-uae-cepa.txt" not in {d["id"] for d in docs}
    ents = all_items(client, "entities", country="IND")
    assert ents and all(e["country"] == "IND" for e in ents)


@pytest.mark.parametrize("plural", ["events", "agreements", "metrics", "quotes", "documents"])
def test_date_filters_use_the_kind_date(client: TestClient, plural: str) -> None:
    field = DATE_FIELD[PLURALS[plural]]
    items = all_items(client, plural, **{"from": "2024-06", "to": "2024-12-31"})
    assert items
    for rec in items:
        d = rec[field]
        # Partial dates overlap the range: "2024" is kept, "2024-05" is not.
        assert d and d[:7] >= "2024-06"[: len(d[:7])] and d <= "2024-12-31", (plural, d)
    everything = all_items(client, plural)
    inside = [r for r in everything if r[field] and "2024-06" <= r[field][:10] <= "2024-12-31"]
    assert {r["id"] for r in inside} <= {r["id"] for r in items}


def test_to_date_includes_the_whole_period(client: TestClient) -> None:
    # The state visit started 2024-08-08: to=2024-08 means "up to the end of August".
    titles = [e["title"] for e in all_items(client, "events", to="2024-08", type="visit")]
    assert any("Mirziyoyev state visit to Kazakhstan" in t for t in titles)
    titles = [e["title"] for e in all_items(client, "events", **{"from": "2024-08-09"}, type="visit")]
    assert not any("Mirziyoyev state visit to Kazakhstan" in t for t in titles)


@pytest.mark.parametrize("plural,field,value", [("events", "event_type", "visit"),
                                                ("agreements", "instrument", "agreement"),
                                                ("projects", "project_type", "railway"),
                                                ("metrics", "metric_type", "target"),
                                                ("entities", "entity_type", "person")])
def test_type_filter(client: TestClient, plural: str, field: str, value: str) -> None:
    items = all_items(client, plural, type=value)
    assert items and all(r[field] == value for r in items)
    assert len(items) < len(all_items(client, plural))


def test_text_search(client: TestClient) -> None:
    lower = all_items(client, "events", q="mirziyoyev")
    upper = all_items(client, "events", q="MIRZIYOYEV")
    assert lower and lower == upper
    assert all("mirziyoyev" in json.dumps(e).lower() for e in lower)
    # Non-ASCII text is found although the JSON column stores it escaped.
    assert any(q["speaker"] == "Recep Tayyip Erdoğan" for q in all_items(client, "quotes", q="erdoğan"))
    # LIKE wildcards are literal.
    assert all_items(client, "events", q="%") == []
    assert all_items(client, "events", q="_") == [] or all("_" in json.dumps(e) for e in
                                                           all_items(client, "events", q="_"))
    docs = all_items(client, "documents", q="Pamir Post")
    assert [d["id"] for d in docs] == ["kgz-chn-railway.txt"]


def test_pagination(client: TestClient) -> None:
    whole = all_items(client, "entities")
    pages = []
    for offset in range(0, len(whole), 7):
        body = client.get("/api/entities", params={"limit": 7, "offset": offset}).json()
        assert body["total"] == len(whole)
        assert body["limit"] == 7 and body["offset"] == offset
        pages += body["items"]
    assert pages == whole
    past = client.get("/api/entities", params={"offset": len(whole) + 5}).json()
    assert past["items"] == [] and past["total"] == len(whole)


@pytest.mark.parametrize("query,param", [
    ("country=KZ", "country"), ("country=KAZ&country=K4Z", "country"), ("from=2024-13", "from"),
    ("to=2024-02-30", "to"), ("from=24", "from"), ("from=yesterday", "from"), ("limit=0", "limit"),
    ("limit=1001", "limit"), ("limit=abc", "limit"), ("offset=-1", "offset"), ("type=flight", "type"),
    ("from=2025&to=2024", "to"),
])
def test_bad_parameters_are_422_naming_the_parameter(client: TestClient, query: str, param: str) -> None:
    r = client.get(f"/api/events?{query}")
    assert r.status_code == 422, r.text
    detail = r.json()["detail"]
    assert any(d["loc"][-1] == param for d in detail), detail


def test_min_confidence_leaves_out_the_less_certain(client: TestClient) -> None:
    every = all_items(client, "events")
    scores = sorted(e["confidence"] for e in every)
    assert len(set(scores)) > 1, "the sample corpus should give events of different confidence"
    cut = scores[len(scores) // 2]
    kept = all_items(client, "events", min_confidence=cut)
    assert kept and all(e["confidence"] >= cut for e in kept)
    assert {e["id"] for e in kept} == {e["id"] for e in every if e["confidence"] >= cut}
    assert client.get("/api/events?min_confidence=1.5").status_code == 422


def test_lists_are_cached_until_the_base_changes(tmp_path: Path) -> None:
    from dyad.ingest.service import ingest

    url = build_db(tmp_path, [SAMPLE_CORPUS / "uzb-tur-visit-announced.txt"])
    app_client = TestClient(create_app(url))
    first = app_client.get("/api/events")
    etag = first.headers["etag"]
    assert app_client.get("/api/events", headers={"If-None-Match": etag}).status_code == 304
    again = app_client.get("/api/events")
    assert again.content == first.content and again.headers["etag"] == etag
    # Another process writes the base: the next request sees it, whatever the cache holds.
    report = ingest([str(SAMPLE_CORPUS / "kaz-uzb-council.txt")], open_db(url))
    assert report.added
    after = app_client.get("/api/events", headers={"If-None-Match": etag})
    assert after.status_code == 200 and after.headers["etag"] != etag
    assert after.json()["total"] > first.json()["total"]
    assert {e["id"] for e in first.json()["items"]} <= {e["id"] for e in after.json()["items"]}


def test_type_is_rejected_where_it_means_nothing(client: TestClient) -> None:
    r = client.get("/api/quotes?type=visit")
    assert r.status_code == 422
    assert r.json()["detail"][0]["loc"] == ["query", "type"]


# ---- pages and their JSON twins -------------------------------------------------------------------------

def test_index_page_and_json(client: TestClient) -> None:
    html = client.get("/")
    assert html.status_code == 200 and "text/html" in html.headers["content-type"]
    assert 'href="/dyad/TUR-UZB"' in html.text
    data = client.get("/?format=json").json()
    assert "TUR-UZB" in data["pairs"] and data["kinds"]["document"] == 6


def test_dyad_page_either_order(client: TestClient) -> None:
    a = client.get("/dyad/UZB-TUR?format=json").json()
    b = client.get("/dyad/tur-uzb?format=json").json()
    assert {e["id"] for e in a["events"]} == {e["id"] for e in b["events"]}
    assert any(e["event_type"] == "visit" for e in a["events"])
    assert a["targets"] and all(t["metric_type"] == "target" for t in a["targets"])
    page = client.get("/dyad/UZB-TUR")
    assert page.status_code == 200
    assert "<svg" in page.text and "Agreements by sector" in page.text
    assert page.url.path == "/dyad/TUR-UZB"  # one canonical URL per pair
    assert "/dyad/TUR-UZB?format=json" in page.text  # the JSON twin is linked
    assert client.get("/dyad/FRA-DEU").status_code == 404
    assert client.get("/dyad/nonsense").status_code == 404


def test_document_page_highlights_and_json(client: TestClient) -> None:
    page = client.get("/document/kgz-chn-railway.txt")
    assert page.status_code == 200
    assert page.text.count("<mark") > 5
    assert 'id="s-' in page.text
    data = client.get("/document/kgz-chn-railway.txt?format=json").json()
    assert data["document"]["id"] == "kgz-chn-railway.txt" and data["document"]["text"]
    assert data["facts"] and all(s["doc"] == "kgz-chn-railway.txt" for f in data["facts"] for s in f["sources"])
    assert client.get("/document/missing.txt").status_code == 404


def test_entity_and_search_pages(client: TestClient) -> None:
    person = all_items(client, "entities", q="Mirziyoyev", type="person")[0]
    data = client.get(f"/entity/{person['id']}?format=json").json()
    assert data["entity"]["id"] == person["id"]
    assert data["related"].get("event")
    assert client.get(f"/entity/{person['id']}").status_code == 200
    assert client.get("/entity/nobody").status_code == 404
    found = client.get("/search?q=railway&format=json").json()
    assert found["facets"]["kind"]["project"] >= 1
    assert any(i["kind"] == "project" for i in found["items"])
    assert "railway" in client.get("/search?q=railway").text.lower()


def test_evidence_links_point_at_document_spans(client: TestClient) -> None:
    page = client.get("/dyad/CHN-KGZ").text
    assert 'href="/document/kgz-chn-railway.txt#s-' in page


# ---- brief, overdue targets, formatting, highlighting ---------------------------------------------------

def test_brief_is_self_contained(db_url: str, tmp_path: Path) -> None:
    out = write_brief(open_db(db_url), "UZB", "TUR", tmp_path / "brief.html")
    html = out.read_text(encoding="utf-8")
    assert "<script" not in html.lower()
    assert "<svg" in html and "@media print" in html
    assert 'rel="stylesheet"' not in html and "src=" not in html
    assert "Eurasia Newsline" in html and "Sources" in html
    with pytest.raises(ValueError, match="alpha-3"):
        write_brief(open_db(db_url), "UZ", "TUR", tmp_path / "x.html")
    with pytest.raises(ValueError, match="no records"):
        write_brief(open_db(db_url), "FRA", "DEU", tmp_path / "x.html")


def test_overdue_targets(db_url: str) -> None:
    with open_db(db_url)() as session:
        now = dyad_view(session, "KAZ", "UZB", today="2026-01-01")
        later = dyad_view(session, "KAZ", "UZB", today="2031-01-01")
    goal = [t for t in now["targets"] if t["deadline"] == "2030"]
    assert goal and not any(t["overdue"] for t in goal)
    assert all(t["overdue"] for t in later["targets"] if t["deadline"] == "2030")
    target = {"subject": "bilateral trade", "value": 10, "unit": "USD", "deadline": "2024"}
    reached = {"subject": "bilateral trade turnover", "value": 12, "unit": "USD"}
    assert is_overdue(target, [], "2025-01-01")
    assert not is_overdue(target, [reached], "2025-01-01")
    assert not is_overdue(target, [], "2024-12-31")  # "2024" runs to the end of the year


def test_format_value() -> None:
    assert format_value(1_000_000_000, "USD") == "$1 billion"
    assert format_value(15_000_000, "tons") == "15 million tons"
    assert format_value(20, "percent") == "20%"
    assert format_value(24.5, "count") == "24.5"


def test_highlight_nests_overlapping_spans_and_escapes() -> None:
    text = 'A <b>"x"</b> & B said "hi" today.'
    def src(start: int, end: int, doc: str = "d") -> list[dict]:
        return [{"doc": doc, "start": start, "end": end}]

    facts = [{"kind": "event", "id": "e1", "title": "<i>t</i>", "sources": src(0, 20)},
             {"kind": "quote", "id": "q1", "speaker": "B", "text": "hi", "sources": src(15, 27)},
             {"kind": "metric", "id": "m1", "subject": "s", "sources": src(15, 27)},
             {"kind": "entity", "id": "x", "name": "other doc", "sources": src(0, 3, "other")}]
    tokens = highlight(text, facts, "d")
    assert "".join(t.text for t in tokens if t.op == "text") == text
    depth = 0
    for t in tokens:
        depth += {"open": 1, "close": -1, "text": 0}[t.op]
        assert depth >= 0
    assert depth == 0
    ids = [t.span.anchor for t in tokens if t.op == "open" and t.first]
    assert sorted(ids) == ["s-0-20", "s-15-27"]  # shared span: one mark naming both facts
    html = ENV.from_string('{% for t in tokens %}{% if t.op == "text" %}{{ t.text }}{% elif t.op == "open" %}'
                           '<mark title="{{ t.span.title }}">{% else %}</mark>{% endif %}{% endfor %}'
                           ).render(tokens=tokens)
    assert "<b>" not in html and "&lt;b&gt;" in html and "&lt;i&gt;t&lt;/i&gt;" in html
    assert "quote: B: “hi”; metric: s" in html.replace("&#34;", '"')
