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
