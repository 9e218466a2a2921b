"""The analyst's workbench over a base built from examples/corpus: record pages and their JSON twins,
alias redirects, canonical pair URLs and filters, CSV, search, corrections, changes, the Atom feed,
exports, and the CLI commands that go with them."""

from __future__ import annotations

import csv
import io
import json
import sqlite3
import warnings
import xml.etree.ElementTree as ET
from pathlib import Path

import feedparser
import pytest

from conftest import run_cli
from web_support import SAMPLE_CORPUS, build_db

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient

from dyad.api.app import create_app
from dyad.resolve.corrections import apply_record_corrections
from dyad.store.db import open_db, session_scope
from dyad.store.models import RecordAlias
from dyad.web.figures import figure_charts
from dyad.web.render import LABEL_CHAR_W, timeline_chart

PAIR = "TUR-UZB"


@pytest.fixture(scope="module")
def base_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("wb")
    build_db(folder, [SAMPLE_CORPUS])
    return folder / "kb.db"


@pytest.fixture(scope="module")
def client(base_db: Path) -> TestClient:
    return TestClient(create_app(f"sqlite:///{base_db}"))


@pytest.fixture
def scratch(base_db: Path, tmp_path: Path) -> str:
    """A private copy of the base, for tests that write."""
    dst = tmp_path / "copy.db"
    src, out = sqlite3.connect(base_db), sqlite3.connect(dst)
    with out:
        src.backup(out)  # a plain file copy would miss what is still in the WAL
    src.close()
    out.close()
    return f"sqlite:///{dst}"


def pair_json(client: TestClient, query: str = "") -> dict:
    r = client.get(f"/dyad/{PAIR}?format=json{'&' + query if query else ''}")
    assert r.status_code == 200, r.text
    return r.json()


# ---- record pages ------------------------------------------------------------------------------------------

@pytest.mark.parametrize("kind,plural", [("event", "events"), ("agreement", "agreements"), ("project", "projects"),
                                         ("metric", "metrics"), ("quote", "quotes")])
def test_every_kind_has_a_page_and_json_twin(client: TestClient, kind: str, plural: str) -> None:
    rec = client.get(f"/api/{plural}", params={"limit": 1}).json()["items"][0]
    page = client.get(f"/{kind}/{rec['id']}")
    assert page.status_code == 200 and "text/html" in page.headers["content-type"]
    view = client.get(f"/{kind}/{rec['id']}?format=json").json()
    assert view["record"]["id"] == rec["id"]
    assert view["documents"] and all(d["spans"] for d in view["documents"])
    span = view["documents"][0]["spans"][0]
    assert span["text"] and span["end"] > span["start"]
    assert client.get(f"/{kind}/nope-0000").status_code == 404


def test_visit_lists_what_happened_during_it_and_agreements_link_back(client: TestClient) -> None:
    view = pair_json(client)
    visit = next(e for e in view["events"] if e["event_type"] == "visit" and e["status"] == "occurred")
    related = client.get(f"/event/{visit['id']}?format=json").json()["related"]
    assert related.get("part"), "a visit lists the meetings and signings held during it"
    assert related.get("agreement"), "a visit lists the agreements signed at it"
    ag = related["agreement"][0]
    back = client.get(f"/agreement/{ag['id']}?format=json").json()["related"]["event"]
    # signed at the visit, or at a signing ceremony held during it (the spec's "signing event")
    assert back[0]["id"] in {visit["id"], *(p["id"] for p in related["part"])}
    html = client.get(f"/agreement/{ag['id']}").text
    assert f'href="/event/{back[0]["id"]}"' in html


def test_people_and_countries_are_links(client: TestClient) -> None:
    view = pair_json(client)
    visit = next(e for e in view["events"] if e["event_type"] == "visit" and e.get("participants"))
    page = client.get(f"/event/{visit['id']}?format=json").json()
    assert set(page["people"]) & set(visit["participants"])
    html = client.get(f"/event/{visit['id']}").text
    pid = next(iter(page["people"].values()))
    assert f'href="/entity/{pid}"' in html and 'href="/country/UZB"' in html
    assert client.get("/country/UZB").status_code == 200


def test_old_ids_redirect_308_to_the_current_record(client: TestClient, scratch: str) -> None:
    c = TestClient(create_app(scratch))
    ev = c.get("/api/events", params={"limit": 1}).json()["items"][0]
    with session_scope(open_db(scratch)) as session:
        session.add(RecordAlias(old_id="eve-old0000000", kind="event", record_id=ev["id"]))
    r = c.get("/event/eve-old0000000?format=json", follow_redirects=False)
    assert r.status_code == 308 and r.headers["location"] == f"/event/{ev['id']}?format=json"
    r = c.get("/api/events/eve-old0000000", follow_redirects=False)
    assert r.status_code == 308 and r.headers["location"] == f"/api/events/{ev['id']}"


# ---- pair pages --------------------------------------------------------------------------------------------

def test_one_canonical_url_per_pair(client: TestClient) -> None:
    r = client.get("/dyad/UZB-TUR?from=2025&kind=event", follow_redirects=False)
    assert r.status_code == 308 and r.headers["location"] == "/dyad/TUR-UZB?from=2025&kind=event"
    assert client.get("/dyad/uzb-tur", follow_redirects=False).headers["location"] == "/dyad/TUR-UZB"
    assert client.get("/dyad/TUR-UZB/feed.atom", follow_redirects=False).status_code == 200
    assert client.get("/dyad/UZB-TUR/feed.atom", follow_redirects=False).status_code == 308


def test_filters_apply_to_page_json_and_csv(client: TestClient) -> None:
    everything = pair_json(client)
    y2025 = pair_json(client, "from=2025&to=2025")
    assert 0 < len(y2025["events"]) < len(everything["events"])
    assert all(e["start"].startswith("2025") for e in y2025["events"])
    only = pair_json(client, "kind=agreement")
    assert only["agreements"] and not only["events"] and not only["quotes"]
    planned = pair_json(client, "status=planned")
    assert planned["events"] and all(e["status"] == "planned" for e in planned["events"])
    visits = pair_json(client, "type=visit")
    assert visits["events"] and all(e["event_type"] == "visit" for e in visits["events"])
    src = everything["facets"]["sources"][0]
    by_source = pair_json(client, f"source={src}")
    assert by_source["documents"] and all(d["source"] == src for d in by_source["documents"])
    assert client.get(f"/dyad/{PAIR}?from=2025-13").status_code == 422
    assert client.get(f"/dyad/{PAIR}?min_confidence=2").status_code == 422
    html = client.get(f"/dyad/{PAIR}?from=2025&to=2025").text
    assert 'value="2025"' in html  # the filters stay in the form (and so in the URL)
    r = client.get(f"/dyad/{PAIR}?from=2025&to=2025&format=csv")
    assert r.headers["content-type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(r.text)))
    n = sum(len(y2025[k]) for k in ("events", "agreements", "projects", "targets", "observations", "quotes"))
    assert len(rows) == n
    for row in rows:
        for cell in row.values():
            assert not cell.startswith(("{", "[")), cell  # no JSON in cells


def test_quotes_belong_to_the_pair_their_article_is_about(client: TestClient) -> None:
    total = client.get("/api/quotes", params={"limit": 1000}).json()["items"]
    with_pair = client.get("/api/quotes", params={"country": "UZB", "limit": 1000}).json()["items"]
    assert with_pair and len(with_pair) < len(total)
    index = client.get("/?format=json").json()
    assert index["pairs"][PAIR].get("quote")
    for pair, counts in index["pairs"].items():
        quotes = pair_json(client)["quotes"] if pair == PAIR else None
        if quotes is not None:
            assert len(quotes) == counts["quote"]


def test_timeline_labels_never_overlap_with_hundreds_of_events() -> None:
    events = [{"id": f"e{i}", "event_type": "visit", "status": "occurred", "title": f"State visit number {i}",
               "start": f"{2000 + i % 20}-{1 + i % 12:02d}-{1 + i % 28:02d}", "sources": []} for i in range(300)]
    chart = timeline_chart(events)
    boxes = []
    for m in chart.markers:
        if m.label:
            w = len(m.label) * LABEL_CHAR_W
            x0 = m.x + 9 if m.anchor == "start" else m.x - 9 - w
            boxes.append((m.label_y, x0, x0 + w))
    assert boxes
    for i, (y, a0, a1) in enumerate(boxes):
        for y2, b0, b1 in boxes[i + 1:]:
            assert y != y2 or a1 <= b0 or b1 <= a0


def test_pair_timeline_pages_when_long(client: TestClient) -> None:
    html = client.get(f"/dyad/{PAIR}").text
    assert "timeline" in html and "<script" not in html


def test_figures_flag_overdue_targets() -> None:
    obs = [{"id": "m1", "subject": "bilateral trade", "value": 1e9, "unit": "USD", "as_of": "2022"},
           {"id": "m2", "subject": "trade turnover", "value": 1.5e9, "unit": "USD", "as_of": "2023"}]
    tgt = [{"id": "t1", "subject": "trade", "value": 5e9, "unit": "USD", "as_of": "2023", "deadline": "2024",
            "overdue": True}]
    charts = figure_charts(obs, tgt, "2025-06-01")
    assert [c.name for c in charts] == ["trade turnover"]
    assert len(charts[0].points) == 2 and charts[0].targets[0].overdue


def test_figures_svg_is_served(client: TestClient) -> None:
    r = client.get(f"/dyad/{PAIR}/figures.svg")
    assert r.status_code == 200 and r.headers["content-type"].startswith("image/svg+xml")
    ET.fromstring(r.text)


# ---- search -------------------------------------------------------------------------------------------------

def test_search_ranks_the_named_person_first(client: TestClient) -> None:
    people = client.get("/api/entities", params={"type": "person", "limit": 100}).json()["items"]
    person = next(p for p in people if len(p["name"].split()) > 1)
    surname = person["name"].split()[-1]
    hits = client.get("/api/entities", params={"q": surname}).json()["items"]
    assert hits[0]["name"] == person["name"]


def test_search_matches_values_never_json_keys(client: TestClient) -> None:
    for plural in ("events", "agreements", "metrics", "quotes", "entities"):
        assert client.get(f"/api/{plural}", params={"q": "status"}).json()["total"] == 0
        assert client.get(f"/api/{plural}", params={"q": "sources"}).json()["total"] == 0


def test_search_facets(client: TestClient) -> None:
    body = client.get("/api/search", params={"q": "Uzbekistan"}).json()
    assert body["total"] > 0 and set(body["facets"]) == {"kind", "pair", "year"}
    assert PAIR in body["facets"]["pair"]
    only = client.get("/api/search", params={"q": "Uzbekistan", "kind": "agreement"}).json()
    assert only["items"] and all(i["kind"] == "agreement" for i in only["items"])
    assert client.get("/search", params={"q": "Uzbekistan"}).status_code == 200


def test_facts_honour_country(client: TestClient) -> None:
    lines = [json.loads(x) for x in client.get("/api/facts", params={"country": "KGZ"}).text.splitlines()]
    assert lines
    for rec in lines:
        if rec["kind"] in ("event", "agreement", "metric"):
            assert "KGZ" in (rec.get("countries") or rec.get("parties") or [])
    assert len(lines) < len(client.get("/api/facts").text.splitlines())


# ---- corrections ---------------------------------------------------------------------------------------------

class _K:
    def __init__(self, key: str) -> None:
        self.key = key


class _C:
    def __init__(self, action: str, keys: list[str], field: str | None = None, value: object = None,
                 record_id: str | None = None, kind: str = "event") -> None:
        self.action, self.kind, self.keys_a, self.field, self.value = action, kind, keys, field, value
        self.record_id = record_id


def test_apply_record_corrections_is_pure() -> None:
    recs = [("eve-1", {"start": "2024-01-01"}, [_K("a"), _K("b")]), ("eve-2", {"start": "2024"}, [_K("c")])]
    out = apply_record_corrections("event", recs, [_C("set", ["b"], "start", "2024-02-02"), _C("reject", ["c"]),
                                                  _C("set", ["a"], "start", "x", kind="agreement")])
    assert out == [("eve-1", {"start": "2024-02-02", "corrected": ["start"]}, recs[0][2])]
    assert recs[0][1] == {"start": "2024-01-01"}


def test_set_and_reject_survive_resolution(scratch: str) -> None:
    c = TestClient(create_app(scratch))
    ev = c.get("/api/events", params={"limit": 1}).json()["items"][0]
    res = run_cli("set", ev["id"], "start=2019-07-04", "--note", "checked", "--db", scratch)
    assert res.exit_code == 0, res
    assert run_cli("resolve", db=scratch).exit_code == 0
    page = c.get(f"/event/{ev['id']}?format=json").json()
    assert page["record"]["start"] == "2019-07-04" and "start" in page["record"]["corrected"]
    assert page["corrections"][0]["note"] == "checked"
    assert run_cli("set", ev["id"], "start=04/07/2019", db=scratch).exit_code == 2
    assert run_cli("set", ev["id"], "nosuchfield=1", db=scratch).exit_code == 2
    ag = c.get("/api/agreements", params={"limit": 1}).json()["items"][0]
    assert run_cli("reject", ag["id"], db=scratch).exit_code == 0
    assert run_cli("resolve", db=scratch).exit_code == 0
    assert c.get(f"/api/agreements/{ag['id']}").status_code == 404
    audit = run_cli("corrections", "--json", db=scratch)
    actions = [json.loads(x)["action"] for x in audit.stdout.splitlines()]
    assert actions == ["set", "reject"]


def test_merge_keeps_the_first_id_and_refuses_nonsense(scratch: str) -> None:
    c = TestClient(create_app(scratch))
    a, b = c.get("/api/agreements", params={"limit": 2}).json()["items"]
    ev = c.get("/api/events", params={"limit": 1}).json()["items"][0]
    assert run_cli("merge", a["id"], a["id"], db=scratch).exit_code == 2
    assert run_cli("merge", a["id"], ev["id"], db=scratch).exit_code == 2
    res = run_cli("merge", a["id"], b["id"], db=scratch)
    assert res.exit_code == 0 and a["id"] in res.output
    assert c.get(f"/api/agreements/{a['id']}").status_code == 200
    r = c.get(f"/agreement/{b['id']}", follow_redirects=False)
    assert r.status_code == 308 and r.headers["location"] == f"/agreement/{a['id']}"


def test_corrections_from_the_web_need_a_local_client_and_a_token(client: TestClient) -> None:
    ev = client.get("/api/events", params={"limit": 1}).json()["items"][0]
    r = client.post(f"/correct/{ev['id']}", data={"action": "set", "field": "start", "value": "2020"})
    assert r.status_code == 403  # TestClient's peer is not loopback, and there is no token


# ---- what's new, feed, exports, CLI --------------------------------------------------------------------------

def test_changes_since(client: TestClient) -> None:
    old = client.get("/api/changes", params={"since": "2000-01-01"}).json()
    assert old["total"] > 0 and {"first_seen", "updated", "change"} <= set(old["items"][0])
    assert client.get("/api/changes", params={"since": "2999-01-01"}).json()["total"] == 0
    assert client.get("/api/changes", params={"since": "yesterday"}).status_code == 422


def test_atom_feed_validates(client: TestClient) -> None:
    r = client.get(f"/dyad/{PAIR}/feed.atom")
    assert r.headers["content-type"].startswith("application/atom+xml")
    feed = feedparser.parse(r.text)
    assert not feed.bozo, feed.bozo_exception
    assert feed.version == "atom10" and feed.entries
    assert all(e.link.startswith("http") and e.updated_parsed for e in feed.entries)


def test_graphml_export(scratch: str, tmp_path: Path) -> None:
    out = tmp_path / "pairs.graphml"
    res = run_cli("export", "--format", "graphml", "-o", out, db=scratch)
    assert res.exit_code == 0, res
    ns = {"g": "http://graphml.graphdrawing.org/xmlns"}
    root = ET.parse(out).getroot()
    edges = {e.get("id"): e for e in root.iterfind(".//g:edge", ns)}
    assert PAIR in edges
    counts = {d.get("key"): int(d.text) for d in edges[PAIR].iterfind("g:data", ns)}
    assert counts["events"] > 0 and counts["agreements"] > 0
    assert {n.get("id") for n in root.iterfind(".//g:node", ns)} >= {"TUR", "UZB"}


def test_flat_csv_export(scratch: str, tmp_path: Path) -> None:
    out = tmp_path / "flat.csv"
    assert run_cli("export", "--format", "flat", "--country", "KGZ", "-o", out, db=scratch).exit_code == 0
    rows = list(csv.DictReader(out.open(encoding="utf-8")))
    assert rows and all("KGZ" in r["countries"] for r in rows if r["kind"] in ("event", "agreement"))
    assert not any(c.startswith(("{", "[")) for r in rows for c in r.values())


def test_db_option_after_subcommand_and_dct_validation(scratch: str, tmp_path: Path) -> None:
    res = run_cli("stats", "--db", scratch)
    assert res.exit_code == 0 and "TUR-UZB" in res.stdout
    f = tmp_path / "t.txt"
    f.write_text("They met on Tuesday.", encoding="utf-8")
    bad = run_cli("timex", f, "--dct", "22/10/2025")
    assert bad.exit_code == 2 and "--dct" in bad.output
    assert run_cli("timex", f, "--dct", "2025-10-22").exit_code == 0


def test_watch_once_ingests_and_prints_changes(scratch: str, tmp_path: Path) -> None:
    folder = tmp_path / "new"
    folder.mkdir()
    (folder / "n.txt").write_text(
        "Astana, 3 March 2026. Kazakhstan and Georgia signed a memorandum on transit cooperation in Astana "
        "on March 3, 2026, during a visit by the Georgian prime minister.\n", encoding="utf-8")
    res = run_cli("watch", folder, "--once", "--every", "30m", "--db", scratch)
    assert res.exit_code == 0, res
    assert "new documents 1" in res.stdout and "new " in res.stdout
    again = run_cli("watch", folder, "--once", "--db", scratch)
    assert "new documents 0, already stored 1" in again.stdout
    assert run_cli("watch", folder, "--once", "--every", "soon", db=scratch).exit_code == 2


def test_timeline_pages_newest_first() -> None:
    from dyad.web.pairs import TIMELINE_PAGE, timeline_page

    events = [{"id": f"e{i}", "start": f"{1900 + i}"} for i in range(TIMELINE_PAGE * 2 + 5)]
    first, pager = timeline_page(events, 0)
    assert len(first) == TIMELINE_PAGE and first[-1]["start"] == events[-1]["start"]
    assert pager["pages"] == 3
    last, pager = timeline_page(events, 2)
    assert [e["id"] for e in last] == [e["id"] for e in events[:5]]
    assert timeline_page(events, 99)[1]["page"] == 2
