"""The web UI in a real browser: Debian's chromium driven by playwright, against ``detente serve``.

Screenshots of every page, at a laptop's width and a phone's, go to ``test-output/screenshots/``.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from .conftest import EXAMPLES, ROOT, copy_store

pytestmark = pytest.mark.browser

CHROMIUM = "/usr/bin/chromium"
# without the networking flags chromium keeps calling home, which this machine's closed network refuses
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run", "--disable-quic"]
SHOTS = ROOT / "test-output" / "screenshots"
WIDTHS = {"laptop": (1366, 900), "phone": (390, 844)}
NEW_ARTICLE = ("Kestrian Foreign Minister Nadia Corvel said on Friday that Kestria will reopen the Isel bridge to "
               "lorries by 15 April. \"We will keep our word on the bridge,\" Corvel told reporters in Dorrun.")


def chromium_path() -> str:
    """Debian's chromium, installed by scripts/ensure-chromium when missing (CI runs as root)."""
    if not Path(CHROMIUM).exists() and shutil.which("apt-get") and os.geteuid() == 0:
        subprocess.run([str(ROOT / "scripts" / "ensure-chromium")], check=False, capture_output=True)
    if not Path(CHROMIUM).exists():
        if os.environ.get("CI"):
            pytest.fail("CI needs Debian's chromium at /usr/bin/chromium (scripts/ensure-chromium)")
        pytest.skip("no chromium at /usr/bin/chromium (run scripts/ensure-chromium as root)")
    return CHROMIUM


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def server(example_db, tmp_path_factory) -> Iterator[str]:
    """``detente serve`` on a copy of the example store, in its own process, on a free port."""
    db = copy_store(example_db, tmp_path_factory.mktemp("browser") / "browser.db")
    port = free_port()
    log = tmp_path_factory.mktemp("serve-log") / "serve.log"
    with log.open("w") as stream:
        process = subprocess.Popen(
            [sys.executable, "-m", "detente", "serve", "--db", str(db), "--port", str(port),
             "--gazetteer", str(EXAMPLES / "gazetteer.json")], stdout=stream, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while True:
        if process.poll() is not None:
            pytest.fail(f"detente serve exited with {process.returncode}: {log.read_text()}")
        try:
            urllib.request.urlopen(url + "/static/detente.css", timeout=1)
            break
        except OSError:
            if time.monotonic() > deadline:
                process.kill()
                pytest.fail(f"detente serve did not answer within 60 s: {log.read_text()}")
            time.sleep(0.2)
    yield url
    process.terminate()
    process.wait(timeout=10)


@pytest.fixture(scope="module")
def browser():
    playwright_api = pytest.importorskip("playwright.sync_api")
    executable = chromium_path()
    with playwright_api.sync_playwright() as p:
        launched = p.chromium.launch(executable_path=executable, headless=True, args=CHROMIUM_ARGS)
        yield launched
        launched.close()


@pytest.fixture
def page(browser, server):
    """A fresh page at a laptop's width that fails the test on any script error or foreign request."""
    context = browser.new_context(viewport={"width": 1366, "height": 900}, base_url=server)
    opened = context.new_page()
    errors: list[str] = []
    foreign: list[str] = []
    opened.on("pageerror", lambda exc: errors.append(str(exc)))
    opened.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
    opened.on("request", lambda req: foreign.append(req.url) if urlsplit(req.url).netloc != urlsplit(server).netloc
              and not req.url.startswith("data:") else None)
    opened.script_errors = errors  # a test expecting an error response removes its console line
    yield opened
    context.close()
    assert not errors, errors
    assert not foreign, f"requests beyond detente: {foreign}"


def shoot(page, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=True)


def test_browser_dashboard_shows_the_relationship(page):
    page.goto("/")
    assert page.locator("h2#verdict-h").inner_text().startswith("Verdict:")
    assert page.locator("svg.chart circle").count() >= 5
    assert page.locator("table.records tbody tr").count() >= 5
    shoot(page, "dashboard")
    page.select_option("#pair-select", index=1)
    page.click("form.filters button")
    page.wait_for_load_state()
    assert "pair=" in page.url
    assert page.locator("h1").inner_text() != ""


def test_browser_follow_a_promise_to_its_evidence(page):
    page.goto("/promises")
    shoot(page, "promises")
    card = page.locator("section#broken article.promise").first
    words = card.locator("p:has-text('Reported:') a.words")
    quoted = words.inner_text().strip("“”")
    words.click()
    page.wait_for_url("**/documents/**")
    focused = page.locator("#doc-text .m.focus")
    focused.first.wait_for()
    assert " ".join("".join(focused.all_inner_texts()).split()) == " ".join(quoted.split())
    assert page.locator(".marks li.current").count() >= 1
    shoot(page, "reader-promise")
    # and the status it rests on, in the words of a later report
    page.go_back()
    evidence = page.locator("section#broken article.promise").first.locator("ul.stances a.words").first
    evidence.click()
    page.wait_for_url("**/documents/**")
    page.locator("#doc-text .m.focus").first.wait_for()
    assert page.locator("#doc-text .m.focus.k-evidence").count() >= 1


def test_browser_reader_layers_and_side_panel(page):
    page.goto("/documents")
    page.locator("table.records a").first.click()
    page.wait_for_url("**/documents/**")
    text = page.locator("#doc-text")
    assert "show-date" not in text.get_attribute("class")
    page.check("input[data-layer=date]")
    assert "show-date" in text.get_attribute("class")
    page.uncheck("input[data-layer=event]")
    assert "show-event" not in text.get_attribute("class")
    jump = page.locator(".marks a.jump").first
    jump.click()
    assert page.locator("#doc-text .m.focus").count() >= 1
    shoot(page, "reader")


def test_browser_upload_a_new_article(page):
    page.goto("/upload")
    shoot(page, "upload")
    page.fill("#up-title", "Corvel promises to reopen the Isel bridge")
    page.fill("#up-text", NEW_ARTICLE)
    page.fill("#up-source", "Browser Test Wire")
    page.fill("#up-published", "2026-04-02")
    page.click("#up-submit")
    result = page.locator("#up-results li a").first
    result.wait_for(timeout=60_000)
    assert "(added)" in result.inner_text()
    assert page.locator("#up-message").inner_text() == "Done."
    shoot(page, "upload-done")
    result.click()
    page.wait_for_url("**/documents/**")
    assert "Corvel promises to reopen the Isel bridge" in page.locator("h1").inner_text()
    assert page.locator(".marks li").count() >= 1


def test_browser_upload_shows_errors(page, tmp_path):
    bad = tmp_path / "broken.jsonl"
    bad.write_text('{"title": "no text here"}\n', encoding="utf-8")
    page.goto("/upload")
    page.set_input_files("#up-files", str(bad))
    page.click("#up-submit")
    error = page.locator("#up-results li.error")
    error.wait_for(timeout=30_000)
    assert 'broken.jsonl: upload:1: no "text" field' in error.inner_text()
    page.script_errors.remove("Failed to load resource: the server responded with a status of 422 (Unprocessable Entity)")


def test_browser_keyboard_reaches_the_navigation(page):
    page.goto("/")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent") == "Skip to content"
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.getAttribute('href')") == "/"
    page.keyboard.press("Enter")
    page.wait_for_load_state()


@pytest.mark.parametrize("width", list(WIDTHS))
def test_browser_every_page_fits_the_screen(browser, server, width):
    context = browser.new_context(viewport=dict(zip(("width", "height"), WIDTHS[width], strict=True)), base_url=server)
    page = context.new_page()
    doc = page.request.get(f"{server}/api/commitments?status=broken&limit=1").json()["items"][0]["evidence"]["doc_id"]
    paths = {"dashboard": "/", "documents": "/documents", "reader": f"/documents/{doc}", "actors": "/actors",
             "actor": "/actors/XKS", "events": "/events", "promises": "/promises", "forecasts": "/forecasts",
             "disagreements": "/disagreements", "search": "/search?q=Harl+Pass", "upload": "/upload",
             "brief": "/brief?pair=XKS-XVL"}
    for name, path in paths.items():
        page.goto(path)
        overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
        assert overflow <= 1, f"{path} is {overflow}px wider than a {width} screen"
        shoot(page, f"{name}-{width}")
    context.close()
