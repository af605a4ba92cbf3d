"""Browser tests: a real uvicorn server over a store with the hand-made corpus, driven by
Playwright through Debian's /usr/bin/chromium (never a browser downloaded from a hub).

Skips with a reason when chromium or playwright is missing; CI installs chromium with
scripts/ci/setup_browser.sh. Screenshots go to artifacts/browser/ (gitignored) for a human look.
"""
from __future__ import annotations

import os
import shutil
import socket
import threading
import time
from pathlib import Path

import pytest

from lagebild.store import sample
from lagebild.store.ingest import ingest_articles
from store_engines import temporary_store

REPO = Path(__file__).resolve().parents[2]
CHROMIUM = os.environ.get("LAGEBILD_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--no-first-run", "--disable-sync"]
ARTIFACTS = REPO / "artifacts" / "browser"

pytestmark = pytest.mark.browser


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="session")
def server(tmp_path_factory):
    """Base URL of a live lagebild server over the example corpus."""
    import uvicorn

    from lagebild.api.app import create_app

    with temporary_store("duckdb", tmp_path_factory.mktemp("browser-store")) as db:
        example = sample.example_article(REPO / "examples" / "nato-russland-2009.txt",
                                         REPO / "examples" / "nato-russland-2009.gold.json")
        ingest_articles(db, [example, *sample.follow_up_articles()])
        port = _free_port()
        srv = uvicorn.Server(uvicorn.Config(create_app(db), host="127.0.0.1", port=port, log_level="warning"))
        thread = threading.Thread(target=srv.run, daemon=True)
        thread.start()
        deadline = time.monotonic() + 20
        while not srv.started:
            if time.monotonic() > deadline or not thread.is_alive():
                pytest.fail("lagebild test server did not start")
            time.sleep(0.05)
        yield f"http://127.0.0.1:{port}"
        srv.should_exit = True
        thread.join(timeout=10)


@pytest.fixture(scope="module")  # Playwright's sync API runs an event loop while it is open: closed
def browser_context(tmp_path_factory):  # after the browser tests, so later tests may start their own
    if not (Path(CHROMIUM).exists() or shutil.which(CHROMIUM)):
        pytest.skip(f"browser tests need Debian chromium at {CHROMIUM} (install: sudo bash scripts/ci/setup_browser.sh)")
    sync_api = pytest.importorskip("playwright.sync_api", reason="browser tests need the playwright package")
    with sync_api.sync_playwright() as pw:
        context = pw.chromium.launch_persistent_context(
            str(tmp_path_factory.mktemp("chromium-profile")), executable_path=CHROMIUM, args=CHROMIUM_ARGS,
            headless=True, viewport={"width": 1280, "height": 900}, locale="de-DE")
        context.set_default_timeout(15_000)
        yield context
        context.close()


@pytest.fixture
def page(browser_context):
    page = browser_context.new_page()
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.dialogs = dialogs
    yield page
    page.close()


@pytest.fixture(scope="session")
def artifacts() -> Path:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    return ARTIFACTS
