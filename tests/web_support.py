"""Helpers for tests/test_api.py and tests/test_web.py: databases built by real ingestion, a real
uvicorn server on a free loopback port, and a headless Chromium driven by selenium."""

from __future__ import annotations

import shutil
import socket
import subprocess
import tempfile
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx

REPO = Path(__file__).resolve().parents[1]
SAMPLE_CORPUS = REPO / "examples" / "corpus"
# The shared folder sits next to the repository (../shared), as in the project layout.
SHARED = REPO.parent / "shared"
SEEDS = SHARED / "corpus" / "seeds"
SCREENSHOTS = REPO / "test-output" / "screenshots"


def build_db(folder: Path, inputs: list[str | Path], url: str | None = None) -> str:
    """Ingest ``inputs`` into ``url`` (default: a fresh SQLite file in ``folder``); returns the URL."""
    from dyad.ingest.service import ingest
    from dyad.store.db import open_db

    url = url or f"sqlite:///{folder / 'kb.db'}"
    report = ingest([str(i) for i in inputs], open_db(url))
    assert not report.errors, report.errors
    return url


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@contextmanager
def live_server(db_url: str) -> Iterator[str]:
    """Run the real app under uvicorn in a thread; yields its base URL."""
    import uvicorn

    from dyad.api.app import create_app

    port = free_port()
    config = uvicorn.Config(create_app(db_url), host="127.0.0.1", port=port, log_level="warning")
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        try:
            if httpx.get(base + "/openapi.json", timeout=1).status_code == 200:
                break
        except httpx.HTTPError:
            time.sleep(0.1)
    else:
        server.should_exit = True
        raise RuntimeError("server did not start")
    try:
        yield base
    finally:
        server.should_exit = True
        thread.join(timeout=10)


def find_chromium() -> tuple[str, str] | None:
    """(browser binary, chromedriver) when both are installed."""
    browsers = (shutil.which("chromium"), shutil.which("chromium-browser"), "/usr/bin/chromium")
    browser = next((p for p in browsers if p and Path(p).exists()), None)
    drivers = (shutil.which("chromedriver"), "/usr/bin/chromedriver")
    driver = next((p for p in drivers if p and Path(p).exists()), None)
    return (browser, driver) if browser and driver else None


def ensure_chromium() -> tuple[str, str] | None:
    """Find Chromium, or try scripts/install_chromium.sh once; None if neither works."""
    found = find_chromium()
    if found:
        return found
    script = REPO / "scripts" / "install_chromium.sh"
    try:
        subprocess.run(["sh", str(script)], check=True, timeout=600, capture_output=True)
    except (OSError, subprocess.SubprocessError):
        return None
    return find_chromium()


def make_driver(browser: str, driver: str):  # type: ignore[no-untyped-def]
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    opts = webdriver.ChromeOptions()
    opts.binary_location = browser
    # A fresh profile and no background traffic: the browser must not reach the network.
    profile = tempfile.mkdtemp(prefix="dyad-chromium-")
    for flag in ("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync",
                 f"--user-data-dir={profile}", "--window-size=1280,1600", "--disable-dev-shm-usage"):
        opts.add_argument(flag)
    drv = webdriver.Chrome(service=Service(executable_path=driver), options=opts)
    drv._dyad_profile = profile  # removed in quit_driver
    return drv


def quit_driver(drv) -> None:  # type: ignore[no-untyped-def]
    profile = getattr(drv, "_dyad_profile", None)
    drv.quit()
    if profile:
        shutil.rmtree(profile, ignore_errors=True)


def screenshot(drv, name: str, full_page: bool = True) -> Path:  # type: ignore[no-untyped-def]
    """Save a PNG under test-output/screenshots/, sized to the whole page so nothing is cut off."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOTS / f"{name}.png"
    if full_page:
        height = drv.execute_script("return document.documentElement.scrollHeight")
        drv.set_window_size(1280, min(max(int(height) + 120, 800), 8000))
    drv.save_screenshot(str(path))
    return path
