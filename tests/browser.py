"""Browser fixtures: Debian's headless Chromium driven by Playwright, against a real server.

Import the fixtures into a test module (`from browser import browser, page, site`);
`site` is the session's `live_server` from conftest.py.
Every page fails its test on a console error or an uncaught exception, and
`journey_end(page, name)` saves a screenshot to tests/artifacts/<name>.png and
runs axe-core (tests/vendor/axe.min.js) on what the page shows.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

TESTS = Path(__file__).resolve().parent
ARTIFACTS = TESTS / "artifacts"
AXE = TESTS / "vendor" / "axe.min.js"
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu",
                 "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run", "--disable-dev-shm-usage"]
SERIOUS = {"serious", "critical"}


@pytest.fixture(scope="session")
def site(live_server: str) -> str:
    """The session's real `skg serve` process on 127.0.0.1 (with the demonstration graph)."""
    return live_server


@pytest.fixture(scope="module")
def browser(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    """A persistent Chromium context with a fresh profile (one per test module)."""
    sync_api = pytest.importorskip("playwright.sync_api")
    if not Path(CHROMIUM).exists():
        pytest.fail("Chromium is missing: install Debian's `chromium` package (see .ci/run)")
    profile = tmp_path_factory.mktemp("chromium-profile")
    with sync_api.sync_playwright() as playwright:
        context = playwright.chromium.launch_persistent_context(
            str(profile), executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True,
            viewport={"width": 1280, "height": 900}, accept_downloads=True)
        yield context
        context.close()


@pytest.fixture()
def page(browser: Any) -> Iterator[Any]:
    """A new tab that records console errors; the test fails if there are any."""
    tab = browser.new_page()
    problems: list[str] = []
    tab.on("console", lambda m: problems.append(m.text) if m.type == "error" else None)
    tab.on("pageerror", lambda exc: problems.append(str(exc)))
    tab.on("response", lambda r: problems.append(f"HTTP {r.status} {r.url}")
           if r.status >= 400 else None)
    tab.problems = problems
    yield tab
    tab.close()
    assert problems == [], f"browser console errors: {problems}"


def without_expected(page: Any, status: int) -> None:
    """Forget console lines of a response the test asked for on purpose (an error page)."""
    page.problems[:] = [p for p in page.problems
                        if str(status) not in p and "Failed to load resource" not in p]


def journey_end(page: Any, name: str, *, axe_exclude: tuple[str, ...] = ()) -> list[dict]:
    """Screenshot the page and check it with axe-core; returns the axe violations."""
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)
    violations = run_axe(page, exclude=axe_exclude)
    serious = [v for v in violations if v.get("impact") in SERIOUS]
    assert serious == [], "accessibility: " + "; ".join(
        f"{v['id']} ({v['impact']}): {v['help']} at {[n['target'] for n in v['nodes']][:3]}"
        for v in serious)
    assert page.problems == [], f"browser console errors: {page.problems}"
    return violations


def run_axe(page: Any, *, exclude: tuple[str, ...] = ()) -> list[dict]:
    if not page.evaluate("() => typeof window.axe !== 'undefined'"):
        # Through the DevTools protocol, so the page's Content-Security-Policy stays on.
        page.evaluate(AXE.read_text(encoding="utf-8") + "\n;undefined")
    context = {"exclude": [[selector] for selector in exclude]} if exclude else None
    result = page.evaluate(
        "async (context) => await axe.run(context || document, {resultTypes: ['violations']})",
        context)
    return result["violations"]
