"""Journeys through the real application in a real headless Chromium.

Each journey checks what a person sees, that the console stays clean, saves a
screenshot to tests/artifacts/ and passes axe-core with no serious or critical
violation.
"""

from __future__ import annotations

import re

from browser import browser, journey_end, page, site  # noqa: F401 (fixtures)


def test_home_shows_what_the_graph_holds(page, site):  # noqa: F811
    page.goto(site + "/")
    assert page.locator("h1").inner_text() == "Solidarity Graph"
    triples = page.locator("main strong").first.inner_text()
    assert int(triples.replace(",", "")) > 1000
    assert page.locator("nav[aria-label=Main] a").count() >= 3
    journey_end(page, "home")


def test_sparql_page_runs_a_query(page, site):  # noqa: F811
    page.goto(site + "/sparql")
    page.fill("#query", "PREFIX skg: <https://w3id.org/solidarity-graph/ontology#>\n"
              "SELECT (COUNT(?p) AS ?plants) WHERE { ?p a skg:AssemblyPlant }")
    page.get_by_role("button", name="Run query").click()
    page.wait_for_selector("table.results")
    cell = page.locator("table.results tbody td").first.inner_text()
    assert re.search(r"\d+", cell) and int(re.search(r"\d+", cell).group()) >= 100
    journey_end(page, "sparql")


def open_map(page, site, query=""):  # noqa: F811
    page.goto(site + "/map" + query)
    page.wait_for_selector("#map-figure[data-ready=true]")


def test_map_filter_by_country_and_status(page, site):  # noqa: F811
    open_map(page, site)
    total = page.locator("a.plant").count()
    assert total >= 100
    page.select_option("#f-country", "CA")
    page.select_option("#f-status", "union")
    shown = page.locator("a.plant:not([display=none])")
    rows = page.locator("#plant-table tbody tr")
    assert shown.count() == rows.count() > 5
    assert page.locator("#map-count").inner_text().startswith(f"{rows.count()} of {total}")
    assert set(shown.evaluate_all("els => els.map(e => e.dataset.status)")) == {"union"}
    assert "country=CA" in page.url and "status=union" in page.url
    oshawa = page.locator("#plant-table a", has_text="Oshawa").first
    assert oshawa.is_visible()
    journey_end(page, "map-filtered")


def test_map_filters_work_by_keyboard(page, site):  # noqa: F811
    open_map(page, site)
    page.focus("#f-country")
    page.keyboard.press("ArrowDown")  # the first country after "All countries"
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.id") == "f-employer"
    page.keyboard.press("Tab")
    page.keyboard.press("ArrowDown")  # union
    chosen = page.eval_on_selector("#f-country", "s => s.value")
    assert chosen in ("CA", "MX", "US")
    rows = page.locator("#plant-table tbody tr")
    assert rows.count() > 0
    assert all(f"{chosen}" == cell for cell in rows.locator("td:nth-child(3)").all_inner_texts())
    first_point = page.locator("a.plant:not([display=none])").first
    first_point.focus()
    assert "Nearest union assembly plant" in page.locator("#map-info").inner_text()
    page.keyboard.press("Enter")
    page.wait_for_url("**/id/workplace/**")
    journey_end(page, "map-keyboard-plant-page")
