"""The web UI in a real browser: uvicorn on a free loopback port over a database built from the seed
articles plus a hostile article written here, driven by headless Chromium through selenium.

Skips cleanly when ../shared is absent, and when Chromium is neither installed nor installable
(scripts/install_chromium.sh). Screenshots land in test-output/screenshots/.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from web_support import (
    SCREENSHOTS,
    SEEDS,
    build_db,
    ensure_chromium,
    live_server,
    make_driver,
    quit_driver,
    screenshot,
)

XSS_SCRIPT = "<script>window.__xss=1</script>"
XSS_ATTR = '" onmouseover="window.__xss=2'
XSS_TITLE = f"Hostile headline {XSS_SCRIPT}{XSS_ATTR}"
XSS_ARTICLE = (
    f"Kazakhstan and Azerbaijan signed an agreement on energy cooperation {XSS_SCRIPT} in Baku on "
    "November 1, 2025. President Kassym-Jomart Tokayev said: “We will double trade with Azerbaijan "
    f"{XSS_ATTR} within five years.”\n\nThe two sides also agreed <img src=x onerror=\"window.__xss=3\"> "
    "to open a joint logistics hub in Aktau.\n"
)


@pytest.fixture(scope="module")
def hostile_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("hostile")
    (folder / "hostile.txt").write_text(XSS_ARTICLE, encoding="utf-8")
    meta = {"file": "hostile.txt", "title": XSS_TITLE, "url": "javascript:window.__xss=4",
            "published": "2025-11-02", "source": f"Wire {XSS_ATTR}"}
    (folder / "index.jsonl").write_text(json.dumps(meta) + "\n", encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def db_url(tmp_path_factory: pytest.TempPathFactory, hostile_dir: Path) -> str:
    if not SEEDS.is_dir():
        pytest.skip(f"shared seed corpus not found at {SEEDS}")
    # Building runs the NLP pipeline (seconds): once per module.
    return build_db(tmp_path_factory.mktemp("web"), [SEEDS, hostile_dir])


@pytest.fixture(scope="module")
def base_url(db_url: str) -> Iterator[str]:
    with live_server(db_url) as base:
        yield base


@pytest.fixture(scope="module")
def browser():  # type: ignore[no-untyped-def]
    found = ensure_chromium()
    if not found:
        pytest.skip("chromium/chromedriver not found and scripts/install_chromium.sh could not install them")
    drv = make_driver(*found)
    drv.set_page_load_timeout(30)
    yield drv
    quit_driver(drv)


def visit(drv, url: str):  # type: ignore[no-untyped-def]
    drv.set_window_size(1280, 1000)
    drv.get(url)
    return drv


def no_xss(drv) -> None:  # type: ignore[no-untyped-def]
    assert drv.execute_script("return typeof window.__xss") == "undefined"
    assert drv.execute_script("return document.querySelectorAll('[onmouseover], [onerror], script').length") == 0


# ---- the dyad page ------------------------------------------------------------------------------------

def test_dyad_page_timeline_sectors_targets(base_url: str, browser) -> None:  # type: ignore[no-untyped-def]
    from selenium.webdriver.common.by import By

    drv = visit(browser, base_url + "/dyad/KAZ-AZE")
    assert "Kazakhstan" in drv.find_element(By.TAG_NAME, "h1").text
    svg = drv.find_element(By.CSS_SELECTOR, "#timeline svg.timeline")
    labels = [t.text for t in svg.find_elements(By.CSS_SELECTOR, "text.visit-label")]
    assert any("Tokayev state visit to Azerbaijan" in t for t in labels), labels
    assert any("Aliyev state visit to Kazakhstan" in t for t in labels), labels
    visits = svg.find_elements(By.CSS_SELECTOR, "g.marker[data-type=visit]")
    assert len(visits) >= 2
    # Dated on an axis, and planned/occurred told apart by style and a legend.
    ticks = [t.text for t in svg.find_elements(By.CSS_SELECTOR, "text.tick")]
    assert any(t.startswith("2024") for t in ticks) and any(t.startswith("2025") for t in ticks)
    legend = svg.find_element(By.CSS_SELECTOR, "g.legend").text
    assert "planned" in legend and "occurred" in legend
    planned = svg.find_elements(By.CSS_SELECTOR, "g.marker[data-status=planned] circle")
    occurred = svg.find_elements(By.CSS_SELECTOR, "g.marker[data-status=occurred] circle")
    assert occurred
    if planned:
        assert planned[0].get_attribute("fill") != occurred[0].get_attribute("fill")
    # Agreements by sector: a bar chart and a table.
    bars = drv.find_elements(By.CSS_SELECTOR, "#agreements svg.bars g.bar")
    sectors = [b.find_element(By.TAG_NAME, "text").text for b in bars]
    assert "diplomacy" in sectors and "energy" in sectors
    table = drv.find_element(By.CSS_SELECTOR, "#agreements table").text
    assert "Strategic Partnership Agreement in the Field of Energy" in table
    # The $1 billion trade target.
    targets = drv.find_element(By.CSS_SELECTOR, "#targets table").text
    assert "$1 billion" in targets and "bilateral trade" in targets
    assert drv.find_elements(By.CSS_SELECTOR, "#quotes figure.quote")
    no_xss(drv)
    screenshot(drv, "dyad-KAZ-AZE")


def test_evidence_link_opens_highlighted_span(base_url: str, browser) -> None:  # type: ignore[no-untyped-def]
    from selenium.webdriver.common.by import By

    drv = visit(browser, base_url + "/dyad/AZE-KAZ")  # either order
    row = next(r for r in drv.find_elements(By.CSS_SELECTOR, "#targets tbody tr") if "$1 billion" in r.text)
    link = row.find_element(By.CSS_SELECTOR, "a.evidence")
    href = link.get_attribute("href")
    assert "/document/" in href and "#s-" in href
    link.click()
    anchor = href.split("#", 1)[1]
    mark = drv.find_element(By.ID, anchor)
    assert mark.tag_name == "mark"
    assert "$1 billion" in mark.text
    assert "metric" in mark.get_attribute("title")
    assert drv.execute_script("return document.querySelector(':target') && document.querySelector(':target').id") \
        == anchor
    # Many facts are highlighted, each mark names its fact(s).
    marks = drv.find_elements(By.CSS_SELECTOR, "#text mark[id]")
    assert len(marks) > 20
    assert all(m.get_attribute("title") for m in marks[:30])
    no_xss(drv)
    screenshot(drv, "document-evidence", full_page=False)
    drv.get(drv.current_url.split("#")[0])
    screenshot(drv, "document")


def test_search_from_header(base_url: str, browser) -> None:  # type: ignore[no-untyped-def]
    from selenium.webdriver.common.by import By

    drv = visit(browser, base_url + "/")
    box = drv.find_element(By.CSS_SELECTOR, "header form.search input[name=q]")
    box.send_keys("Zangezur")
    box.submit()
    assert "/search?q=Zangezur" in drv.current_url
    results = drv.find_element(By.TAG_NAME, "main").text
    assert "result" in results and "Zangezur" in results
    assert drv.find_elements(By.CSS_SELECTOR, "section.results li")
    screenshot(drv, "search")


def test_index_links_to_pairs_and_json(base_url: str, browser) -> None:  # type: ignore[no-untyped-def]
    from selenium.webdriver.common.by import By

    drv = visit(browser, base_url + "/")
    drv.find_element(By.CSS_SELECTOR, "a[href='/dyad/AZE-KAZ']").click()
    assert drv.current_url.endswith("/dyad/AZE-KAZ")
    drv.find_element(By.CSS_SELECTOR, "a.json-link").click()
    data = json.loads(drv.find_element(By.TAG_NAME, "body").text)
    assert data["a"] == "AZE" and data["events"]


# ---- hostile input ------------------------------------------------------------------------------------

def test_article_payloads_render_as_text(base_url: str, browser) -> None:  # type: ignore[no-untyped-def]
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.by import By

    drv = visit(browser, base_url + "/document/hostile.txt")
    h1 = drv.find_element(By.TAG_NAME, "h1")
    assert XSS_SCRIPT in h1.text and "onmouseover" in h1.text  # shown, not executed
    ActionChains(drv).move_to_element(h1).perform()
    text = drv.find_element(By.ID, "text").text
    assert XSS_SCRIPT in text and 'onerror="window.__xss=3"' in text
    for mark in drv.find_elements(By.CSS_SELECTOR, "#text mark"):
        ActionChains(drv).move_to_element(mark).perform()
    # The javascript: URL from the manifest must not become a link.
    assert not drv.find_elements(By.CSS_SELECTOR, "a[href^='javascript']")
    no_xss(drv)
    screenshot(drv, "hostile-document")
    for path in ("/dyad/KAZ-AZE", "/search?q=window.__xss", "/", "/search?q=%3Cscript%3E"):
        drv.get(base_url + path)
        for el in drv.find_elements(By.CSS_SELECTOR, "mark, td, figure, li")[:200]:
            if "__xss" in el.text:
                ActionChains(drv).move_to_element(el).perform()
        no_xss(drv)
    drv.get(base_url + "/search?q=" + "window.__xss=1")
    assert "window.__xss=1" in drv.find_element(By.TAG_NAME, "main").text


def test_record_pages_and_feed_escape_article_text(base_url: str, browser) -> None:  # type: ignore[no-untyped-def]
    import feedparser
    import httpx
    from selenium.webdriver.common.by import By

    facts = httpx.get(base_url + "/document/hostile.txt?format=json").json()["facts"]
    records = [f for f in facts if f["kind"] != "entity"]
    assert records
    for rec in records:
        drv = visit(browser, f"{base_url}/{rec['kind']}/{rec['id']}")
        assert drv.find_element(By.TAG_NAME, "h1").text
        assert "hostile.txt" in drv.page_source or XSS_TITLE[:10] in drv.find_element(By.ID, "evidence").text
        assert not drv.find_elements(By.CSS_SELECTOR, "a[href^='javascript']")
        no_xss(drv)
    body = httpx.get(base_url + "/dyad/AZE-KAZ/feed.atom").text
    assert "<script>" not in body
    assert not feedparser.parse(body).bozo


def test_brief_opens_offline(db_url: str, browser) -> None:  # type: ignore[no-untyped-def]
    """The brief file renders from disk, with no server, no scripts and no network."""
    from selenium.webdriver.common.by import By

    from dyad.store.db import open_db
    from dyad.web.brief import write_brief

    SCREENSHOTS.parent.mkdir(parents=True, exist_ok=True)
    brief = write_brief(open_db(db_url), "KAZ", "AZE", SCREENSHOTS.parent / "brief-KAZ-AZE.html")
    drv = visit(browser, brief.resolve().as_uri())
    assert "Kazakhstan" in drv.find_element(By.TAG_NAME, "h1").text
    body = drv.find_element(By.TAG_NAME, "body").text
    assert "$1 billion" in body and "Sources" in body
    assert len(drv.find_elements(By.CSS_SELECTOR, "svg.chart")) == 2
    no_xss(drv)
    screenshot(drv, "brief-KAZ-AZE")
