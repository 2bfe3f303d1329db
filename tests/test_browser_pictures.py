"""Browser journeys through the pictures: map, networks, timeline, charts (issue 7)."""

from __future__ import annotations

import json
import re
import urllib.request
from pathlib import Path

from browser import ARTIFACTS, browser, journey_end, page, site  # noqa: F401 (fixtures)


def get_json(url: str) -> dict:
    with urllib.request.urlopen(url, timeout=30) as response:
        return json.loads(response.read())


def open_map(page, site, query=""):  # noqa: F811
    page.goto(site + "/map" + query)
    page.wait_for_selector("#map-figure[data-ready=true]")


def test_map_filter_by_country_and_status(page, site):  # noqa: F811
    open_map(page, site)
    plants = get_json(site + "/map/plants.json")["plants"]
    total = page.locator("a.plant").count()
    assert total == len(plants)
    page.select_option("#f-country", "CA")
    page.select_option("#f-status", "union")
    expected = [p for p in plants if p["country"] == "CA" and p["status"] == "union"
                and not p["closed"]]
    shown = page.locator("a.plant:not([display=none])")
    rows = page.locator("#plant-table tbody tr")
    assert shown.count() == rows.count() == len(expected) > 5
    assert page.locator("#map-count").inner_text() == (
        f"{len(expected)} of {total} plants shown: {len(expected)} union, 0 non-union, 0 unknown.")
    assert set(shown.evaluate_all("els => els.map(e => e.dataset.status)")) == {"union"}
    assert "country=CA" in page.url and "status=union" in page.url
    assert page.locator("#plant-table a", has_text="Oshawa").first.is_visible()
    journey_end(page, "map-filtered")


def test_map_filters_work_by_keyboard(page, site):  # noqa: F811
    open_map(page, site)
    page.focus("#f-country")
    page.keyboard.press("ArrowDown")  # the first country after "All countries"
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.id") == "f-employer"
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.id") == "f-status"
    page.keyboard.press("ArrowDown")  # union
    chosen = page.eval_on_selector("#f-country", "s => s.value")
    assert chosen in ("CA", "MX", "US")
    assert page.eval_on_selector("#f-status", "s => s.value") == "union"
    cells = page.locator("#plant-table tbody tr td:nth-child(3)").all_inner_texts()
    assert cells and set(cells) == {chosen}
    first_point = page.locator("a.plant:not([display=none])").first
    first_point.focus()
    assert "Nearest union assembly plant" in page.locator("#map-info").inner_text()
    page.keyboard.press("Enter")
    page.wait_for_url("**/id/workplace/**")
    journey_end(page, "map-keyboard-plant-page")


def test_map_downloads_svg_and_png(page, site):  # noqa: F811
    open_map(page, site, "?kind=parts")
    with page.expect_download() as download:
        page.get_by_role("button", name="Download SVG").click()
    svg = Path(download.value.path()).read_text(encoding="utf-8")
    assert download.value.suggested_filename == "plants-map.svg"
    assert svg.count('class="plant"') == page.locator("a.plant").count()
    assert "Plants, union status today" in svg


def test_ownership_network_by_year(page, site):  # noqa: F811
    iri = "https://w3id.org/solidarity-graph/id/organization/chrysler"
    page.goto(site + "/network/ownership?iri=" + iri)
    page.wait_for_selector("#network-figure[data-ready=true]")
    page.focus("#year")
    page.keyboard.press("Home")
    year = int(page.eval_on_selector("#year", "e => e.value"))
    assert page.locator("#year-shown").inner_text() == str(year)
    page.fill("#year", "2000")
    page.dispatch_event("#year", "input")
    live = page.locator("#network-figure line[stroke-opacity='1']").count()
    data = get_json(site + "/network/ownership.json?iri=" + iri)
    expected = [link for link in data["links"] if (not link["start"] or link["start"] <= 2000)
                and (not link["end"] or link["end"] >= 2000)]
    assert live == len(expected) > 0
    journey_end(page, "network-ownership")


def test_alliance_network_and_timeline(page, site):  # noqa: F811
    page.goto(site + "/network/alliance")
    page.wait_for_selector("#network-figure[data-ready=true]")
    data = get_json(site + "/network/alliance.json")
    assert page.locator("#network-figure a.node").count() == len(data["nodes"])
    page.get_by_role("button", name="Zoom in").click()
    assert "scale(" in page.get_attribute("#network-figure g.viewport", "transform")
    journey_end(page, "network-alliance")
    page.goto(site + "/timeline")
    page.wait_for_selector("#timeline-figure[data-ready=true]")
    items = get_json(site + "/timeline.json")["items"]
    assert page.locator("#timeline-figure a.event").count() == len(items)
    assert page.locator(".timeline-list li").count() == len(items)
    assert page.locator("#timeline-figure g.labels text:not([display=none])").count() == 0
    for _ in range(3):
        page.get_by_role("button", name="Zoom in").click()
    named = page.locator("#timeline-figure g.labels text:not([display=none])").count()
    assert named == sum(not item["span"] for item in items), "zoomed in, every date is named"
    journey_end(page, "timeline")


def test_share_charts_for_a_year_and_over_time(page, site):  # noqa: F811
    page.goto(site + "/charts/production-vs-market-share")
    page.select_option("#year", "2004")
    page.get_by_role("button", name="Show").click()
    page.wait_for_selector("#shares-year[data-ready=true]")
    page.wait_for_selector("#shares-time[data-ready=true]")
    answer = get_json(site + "/questions/production-vs-market-share.json?year=2004")
    expected = sorted(float(b[c]["value"]) for b in answer["results"]["bindings"]
                      for c in ("production_share", "market_share"))
    drawn = page.locator("#shares-year rect.bar").evaluate_all(
        "els => els.map(e => Number(e.dataset.value))")
    assert sorted(drawn) == expected
    assert page.locator("#shares-time path.series").count() == 6
    journey_end(page, "chart-shares")
    page.goto(site + "/charts/parts-union-density")
    page.wait_for_selector("#density-chart[data-ready=true]")
    figures = get_json(site + "/questions/parts-union-density.json")["results"]["bindings"]
    assert page.locator("#density-chart rect.bar").count() == len(figures)
    journey_end(page, "chart-density")


def test_pictures_print_without_their_controls(page, site):  # noqa: F811
    page.goto(site + "/network/alliance")
    page.wait_for_selector("#network-figure[data-ready=true]")
    page.emulate_media(media="print")
    assert page.locator("#network-figure svg").is_visible()
    assert not page.locator(".picture-tools").is_visible()
    assert not page.locator("header.site").is_visible()
    pdf = page.pdf(format="A4")
    assert pdf.startswith(b"%PDF") and len(pdf) > 10_000
    page.emulate_media(media="screen")


def test_a_network_of_three_hundred_nodes_stays_readable(page, site):  # noqa: F811
    page.goto(site + "/network/alliance")
    page.wait_for_selector("#network-figure[data-ready=true]")
    seconds = page.evaluate("""() => {
        const nodes = [], links = [];
        for (let i = 0; i < 300; i++) {
            nodes.push({id: "n" + i, label: "Plant number " + i, kind: i % 3 ? "parts" : "assembly",
                        status: ["union", "non-union", "unknown"][i % 3], url: "/id/x/n" + i,
                        focus: i === 0});
            if (i) { links.push({source: "n" + Math.floor(i / 3), target: "n" + i,
                                 relation: "supplies", demonstration: i % 2 === 0}); }
        }
        document.getElementById("network-data").textContent = JSON.stringify(
            {title: "t", nodes: nodes, links: links, demonstration: true});
        const started = performance.now();
        window.skgNetwork.redraw();
        return (performance.now() - started) / 1000;
    }""")
    assert seconds < 5
    assert page.locator("#network-figure a.node").count() == 300
    shown = page.locator("#network-figure g.labels text:not([display=none])").count()
    assert shown == 1, "only the focus is labelled at this size; others on hover or focus"
    page.locator("#network-figure a.node").nth(7).focus()
    assert page.locator("#network-figure g.labels text:not([display=none])").count() == 2
    page.locator("#network-figure").screenshot(path=str(ARTIFACTS / "network-300-nodes.png"))
    box = page.eval_on_selector("#network-figure svg", "s => s.viewBox.baseVal.width")
    assert box > 1000, "the view widens with the network instead of squeezing it"


def test_keyboard_users_can_skip_the_map_points(page, site):  # noqa: F811
    open_map(page, site, "?kind=parts")
    page.focus("#map-filters button[type=reset]")
    page.keyboard.press("Tab")
    skip = page.get_by_role("link", name="Skip the map's points: go to the table of plants")
    assert skip.evaluate("e => e === document.activeElement") and skip.is_visible()
    page.keyboard.press("Enter")
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.closest('#plant-table') !== null")
    assert focused, "after the skip link, the next stop is the first plant in the table"


def test_map_union_status_on_a_chosen_date(page, site):  # noqa: F811
    open_map(page, site, "?kind=assembly")
    page.fill("#f-as-of", "2004-06-01")
    page.dispatch_event("#f-as-of", "change")
    page.wait_for_selector("#map-figure[data-ready=true]")
    then = get_json(site + "/map/plants.json?as_of=2004-06-01")["plants"]
    expected = [p for p in then if p["kind"] == "assembly" and not p["closed"]]
    union = sum(p["status"] == "union" for p in expected)
    count = page.locator("#map-count").inner_text()
    assert count.startswith(f"{len(expected)} of {len(then)} plants shown: {union} union,")
    assert "as_of=2004-06-01" in page.url and "kind=assembly" in page.url
    title = page.locator("#map-figure g.legend text").first.text_content()
    assert title == "Plants, union status on 2004-06-01"
    journey_end(page, "map-2004")


def test_a_plant_without_supply_flows_and_the_picture_indexes(page, site):  # noqa: F811
    iri = "https://w3id.org/solidarity-graph/id/workplace/audi-san-jose-chiapa-assembly"
    assert get_json(site + "/network/plant.json?iri=" + iri)["links"] == []
    page.goto(site + "/network/plant?iri=" + iri)
    page.wait_for_selector("#network-figure[data-ready=true]")
    assert page.locator("#network-figure a.node").count() == 1
    assert page.locator(".demo-notice").count() == 0
    journey_end(page, "network-no-flows")
    page.goto(site + "/network/")
    plants = page.locator("#n-plant option").count()
    assert plants > 20 and page.locator("#n-employer option").count() > 10
    journey_end(page, "network-index")
    page.select_option("#n-employer", label="Stellantis N.V.")
    page.get_by_role("button", name="Show its ownership").click()
    page.wait_for_selector("#network-figure[data-ready=true]")
    assert "Stellantis" in page.locator("h1").inner_text()
    page.goto(site + "/charts/")
    assert page.get_by_role("link", name=re.compile("production share beside")).count() == 1
    journey_end(page, "charts-index")
