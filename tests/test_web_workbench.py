"""The workbench flows in a real browser (headless Chromium over a live uvicorn on loopback), on the
seed articles: follow a visit to an agreement signed at it and back, filter a pair page to one year,
correct a date from the record page and see it survive `dyad resolve`, and read the pair's Atom feed.

Skips cleanly without ../shared or Chromium. Screenshots of the pair page, a visit page and the figures
chart are written to /tmp/web-*.png (and test-output/screenshots/)."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import feedparser
import httpx
import pytest
from selenium.webdriver.common.by import By

from web_support import (
    SEEDS,
    build_db,
    ensure_chromium,
    live_server,
    make_driver,
    quit_driver,
    screenshot,
)

PAIR = "AZE-KAZ"


@pytest.fixture(scope="module")
def db_url(tmp_path_factory: pytest.TempPathFactory) -> str:
    if not SEEDS.is_dir():
        pytest.skip(f"shared seed corpus not found at {SEEDS}")
    return build_db(tmp_path_factory.mktemp("wbweb"), [SEEDS])


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


def shot(drv, name: str) -> None:  # type: ignore[no-untyped-def]
    path = screenshot(drv, name)
    shutil.copy(path, Path("/tmp") / f"{name}.png")
    drv.set_window_size(1280, 1000)


def first_visit_with_agreements(base_url: str) -> dict:
    view = httpx.get(f"{base_url}/dyad/{PAIR}?format=json").json()
    for e in view["events"]:
        if e["event_type"] == "visit":
            rel = httpx.get(f"{base_url}/event/{e['id']}?format=json").json()["related"]
            if rel.get("agreement"):
                return e
    raise AssertionError("no visit with an agreement signed at it")


def test_visit_to_agreement_and_back(base_url: str, browser) -> None:  # type: ignore[no-untyped-def]
    visit = first_visit_with_agreements(base_url)
    browser.get(f"{base_url}/event/{visit['id']}")
    assert visit["title"] in browser.find_element(By.CSS_SELECTOR, "h1").text
    shot(browser, "web-seeds-visit")
    link = browser.find_element(By.CSS_SELECTOR, "#related-agreement a.rel-agreement")
    title = link.text
    link.click()
    assert browser.current_url.startswith(f"{base_url}/agreement/")
    assert title in browser.find_element(By.CSS_SELECTOR, "h1").text
    back = browser.find_element(By.CSS_SELECTOR, "#related-event a.rel-event")
    back.click()
    if browser.current_url != f"{base_url}/event/{visit['id']}":
        # signed at a signing ceremony: that event's page leads back to the visit it was part of
        assert browser.current_url.startswith(f"{base_url}/event/")
        browser.find_element(By.CSS_SELECTOR, f"#related-visit a[href$='/event/{visit['id']}']").click()
    assert browser.current_url == f"{base_url}/event/{visit['id']}"
    # the people named are links to their pages
    person = browser.find_elements(By.CSS_SELECTOR, "#props a.person")
    assert person and "/entity/" in person[0].get_attribute("href")


def test_filter_pair_page_to_one_year(base_url: str, browser) -> None:  # type: ignore[no-untyped-def]
    browser.get(f"{base_url}/dyad/KAZ-AZE")
    assert browser.current_url == f"{base_url}/dyad/{PAIR}"  # the canonical order
    shot(browser, "web-seeds-pair")
    years = [a.text for a in browser.find_elements(By.CSS_SELECTOR, "form.filters a.year")]
    assert len(years) >= 2
    events = httpx.get(f"{base_url}/dyad/{PAIR}?format=json").json()["events"]
    year = max(e["start"][:4] for e in events if e.get("start"))
    all_rows = browser.find_elements(By.CSS_SELECTOR, "#timeline table.data tbody tr")
    browser.find_element(By.LINK_TEXT, year).click()
    assert f"from={year}" in browser.current_url and f"to={year}" in browser.current_url
    dates = [td.text for td in browser.find_elements(By.CSS_SELECTOR, "#timeline table.data tbody tr td:first-child")]
    assert dates and all(d.startswith(year) for d in dates) and len(dates) < len(all_rows)
    assert browser.find_element(By.NAME, "from").get_attribute("value") == year
    csv_href = browser.find_element(By.ID, "csv-link").get_attribute("href")
    assert f"from={year}" in csv_href and "format=csv" in csv_href
    assert not browser.find_elements(By.CSS_SELECTOR, "script")


def test_correct_a_date_and_it_survives_resolve(base_url: str, db_url: str, browser) -> None:  # type: ignore[no-untyped-def]
    from dyad.resolve.resolver import resolve_all
    from dyad.store.db import open_db

    view = httpx.get(f"{base_url}/dyad/{PAIR}?format=json").json()
    ev = next(e for e in view["events"] if e["event_type"] != "visit")
    browser.get(f"{base_url}/event/{ev['id']}")
    from selenium.webdriver.support.ui import Select

    Select(browser.find_element(By.ID, "correct-field")).select_by_value("start")
    browser.find_element(By.ID, "correct-value").send_keys("2023-05-17")
    old_cell = browser.find_element(By.CSS_SELECTOR, 'dd[data-field="start"]')
    browser.find_element(By.ID, "correct-submit").click()
    # the form posts and the page comes back at the same address: wait for the new page, not the old
    from selenium.webdriver.support import expected_conditions as ec
    from selenium.webdriver.support.ui import WebDriverWait
    WebDriverWait(browser, 20).until(ec.staleness_of(old_cell))
    assert browser.current_url == f"{base_url}/event/{ev['id']}"
    cell = browser.find_element(By.CSS_SELECTOR, 'dd[data-field="start"]')
    assert "2023-05-17" in cell.text and "corrected" in cell.text
    resolve_all(open_db(db_url))
    browser.get(f"{base_url}/event/{ev['id']}")
    cell = browser.find_element(By.CSS_SELECTOR, 'dd[data-field="start"]')
    assert "2023-05-17" in cell.text
    assert "2023-05-17" in browser.find_element(By.ID, "corrections").text
    browser.get(f"{base_url}/corrections")
    assert ev["id"] in browser.find_element(By.CSS_SELECTOR, "table.data").text


def test_feed_validates_and_figures_render(base_url: str, browser) -> None:  # type: ignore[no-untyped-def]
    feed = feedparser.parse(httpx.get(f"{base_url}/dyad/{PAIR}/feed.atom").text)
    assert not feed.bozo and feed.version == "atom10" and len(feed.entries) > 5
    browser.get(f"{base_url}/dyad/{PAIR}/figures.svg")
    shot(browser, "web-seeds-figures")
    browser.get(f"{base_url}/dyad/{PAIR}#figures")
    assert browser.find_element(By.ID, "figures")


def test_most_seed_agreements_link_to_the_event_they_were_signed_at(base_url: str) -> None:
    agreements = httpx.get(f"{base_url}/api/agreements", params={"limit": 1000}).json()["items"]
    linked = sum(1 for a in agreements
                 if httpx.get(f"{base_url}/agreement/{a['id']}?format=json").json()["related"].get("event"))
    assert linked >= 12, f"{linked} of {len(agreements)}"
