"""Journeys through the real application in a real headless Chromium (issue 7).

Each journey checks what a person sees, that the console stays clean, saves a
screenshot to tests/artifacts/ and passes axe-core with no serious or critical
violation. The pictures' own journeys are in test_browser_pictures.py.
"""

from __future__ import annotations

import json
import re
import urllib.request
from pathlib import Path

import pytest
from browser import browser, journey_end, page, site  # noqa: F401 (fixtures)
from conftest import clean_env, run_skg, start_server, stop_server

PNG_MAGIC = b"\x89PNG\r\n\x1a\n"


def get_json(url: str) -> dict:
    with urllib.request.urlopen(url, timeout=30) as response:
        return json.loads(response.read())


def test_home_shows_what_the_graph_holds(page, site):  # noqa: F811
    page.goto(site + "/")
    assert page.locator("h1").inner_text() == "Solidarity Graph"
    triples = page.locator("main strong").first.inner_text()
    assert int(triples.replace(",", "")) == get_json(site + "/health")["triples"]
    nav = page.locator("nav[aria-label=Main] a").all_inner_texts()
    assert {"Questions", "Map", "Networks", "Timeline", "Charts", "SPARQL"} <= set(nav)
    journey_end(page, "home")


def test_sparql_page_runs_a_query(page, site):  # noqa: F811
    page.goto(site + "/sparql")
    page.fill("#query", "PREFIX skg: <https://w3id.org/solidarity-graph/ontology#>\n"
              "SELECT (COUNT(?p) AS ?plants) WHERE { ?p a skg:AssemblyPlant }")
    page.get_by_role("button", name="Run query").click()
    page.wait_for_selector("table.results")
    cell = page.locator("table.results tbody td").first.inner_text()
    plants = get_json(site + "/map/plants.json")["plants"]
    assert int(re.search(r"\d+", cell).group()) == sum(p["kind"] == "assembly" for p in plants)
    journey_end(page, "sparql")


def test_question_with_a_parameter_and_its_chart(page, site):  # noqa: F811
    page.goto(site + "/questions/production-vs-market-share")
    page.fill("input[name=year]", "2010")
    page.get_by_role("button", name="Ask").click()
    page.wait_for_selector("#question-chart[data-ready=true]")
    assert "year=2010" in page.url
    answer = get_json(site + "/questions/production-vs-market-share.json?year=2010")
    gaps = {b["country"]["value"].rsplit("/", 1)[1]: float(b["gap"]["value"])
            for b in answer["results"]["bindings"]}
    assert page.locator("table.results tbody tr").count() == len(gaps) == 3
    bars = page.locator("#question-chart rect.bar")
    drawn = sorted(float(v) for v in bars.evaluate_all("els => els.map(e => e.dataset.value)"))
    assert drawn == sorted(gaps.values())
    labels = page.locator("#question-chart .tick text").evaluate_all(
        "els => els.map(e => e.textContent)")
    assert {"US", "CA", "MX"} <= set(labels)
    with page.expect_download() as download:
        page.locator("#question-chart [data-format=svg]").click()
    assert download.value.suggested_filename == "production-vs-market-share.svg"
    assert "<svg" in Path(download.value.path()).read_text(encoding="utf-8")
    journey_end(page, "question-chart")
    page.emulate_media(media="print")
    assert not page.locator("header.site").is_visible()
    assert page.locator("#question-chart svg").is_visible()
    assert not page.locator("#question-chart .picture-tools").is_visible()
    assert page.pdf(format="A4").startswith(b"%PDF")
    page.emulate_media(media="screen")


def test_plant_page_leads_to_its_network(page, site):  # noqa: F811
    page.goto(site + "/id/workplace/linamar-guelph")
    assert page.locator("h1").inner_text().startswith("Linamar Guelph")
    journey_end(page, "plant-page")
    page.get_by_role("link", name="its supply network").click()
    page.wait_for_selector("#network-figure[data-ready=true]")
    data = get_json(site + "/network/plant.json?iri=https://w3id.org/solidarity-graph/id/"
                    "workplace/linamar-guelph")
    assert page.locator("#network-figure a.node").count() == len(data["nodes"])
    assert page.locator(".demo-notice").inner_text().startswith("Demonstration data.")
    assert page.locator("table.network-list tbody tr").count() == len(data["links"])
    focus = page.locator("#network-figure a.node[href='/id/workplace/linamar-guelph']")
    focus.focus()
    assert "non-union" in page.locator("#network-info").inner_text()
    journey_end(page, "plant-network")


@pytest.fixture(scope="module")
def import_site(tmp_path_factory):
    env = clean_env(SKG_STATE_DIR=str(tmp_path_factory.mktemp("state")))
    token = run_skg("tokens", "create", "--role", "curator", "--name", "journey",
                    env=env).stdout.strip()
    process, base = start_server(env)
    yield base, token
    stop_server(process)


def test_import_page_shows_a_report(page, import_site, tmp_path):  # noqa: F811
    base, token = import_site
    page.goto(base + "/import")
    page.fill("#token", token)
    page.get_by_role("button", name="Log in").click()
    page.wait_for_url("**/import")
    bad = tmp_path / "plants.csv"
    bad.write_text("slug,name,type,country,lat,long,source\n"
                   "journey-plant,Journey Plant,parts,XX,42.3,-83.0,\n", encoding="utf-8")
    page.set_input_files("#file", str(bad))
    page.get_by_role("button", name="Validate").click()
    page.wait_for_selector("h1:has-text('Report for')")
    rows = page.locator("section.violations tbody tr")
    assert rows.count() >= 1
    assert "row 2, column country" in rows.all_inner_texts()[0] or any(
        "column country" in r for r in rows.all_inner_texts())
    count = page.locator(".violations-count").inner_text()
    assert count.startswith(f"{rows.count()} violation")
    assert "Nothing was imported" in page.locator("main").inner_text()
    journey_end(page, "import-report")


def test_done_when_non_union_parts_plant_near_union_assembly_to_picture(page, site):  # noqa: F811
    """Issue 7, done when: from the map, a non-union parts plant near a unionized assembly
    plant, its network, and the picture downloaded."""
    page.goto(site + "/")
    page.get_by_role("link", name="Map", exact=True).click()
    page.wait_for_selector("#map-figure[data-ready=true]")
    page.select_option("#f-kind", "parts")
    page.select_option("#f-status", "non-union")
    rows = page.locator("#plant-table tbody tr")
    assert rows.count() >= 1
    near = [(int(re.search(r"\((\d+) km\)", text).group(1)), i)
            for i, text in enumerate(rows.locator("td:nth-child(6)").all_inner_texts())]
    km, index = min(near)
    assert km < 150, f"the nearest union assembly plant is {km} km away"
    row = rows.nth(index)
    assert row.locator("td.status-non-union").count() == 1
    plant = row.locator("th a").inner_text()
    journey_end(page, "done-when-1-map")
    row.get_by_role("link", name=re.compile("Supply network")).click()
    page.wait_for_selector("#network-figure[data-ready=true]")
    assert plant.split(" (")[0] in page.locator("h1").inner_text()
    assert page.locator("#network-figure a.node").count() >= 2
    journey_end(page, "done-when-2-network")
    with page.expect_download() as download:
        page.get_by_role("button", name="Download PNG").click()
    png = Path(download.value.path()).read_bytes()
    assert download.value.suggested_filename.endswith(".png") and png.startswith(PNG_MAGIC)
    assert len(png) > 10_000
    with page.expect_download() as download:
        page.get_by_role("button", name="Download SVG").click()
    svg = Path(download.value.path()).read_text(encoding="utf-8")
    assert svg.startswith("<?xml") and "Demonstration data" in svg
    assert "Solidarity Graph · " + site + "/network/plant?iri=" in svg
