"""Entity pages: readable HTML with sources and badges, Turtle and JSON-LD, 404s."""

from __future__ import annotations

import json
import textwrap
import urllib.request
from pathlib import Path

import pytest
import rdflib
from bs4 import BeautifulSoup
from conftest import clean_env

from app.config import load_settings
from app.loading import build_store

ID = "https://w3id.org/solidarity-graph/id/"
RDFS_LABEL = rdflib.RDFS.label


def soup(response) -> BeautifulSoup:
    assert response.status_code == 200, response.data[:500]
    return BeautifulSoup(response.data, "html.parser")


def group(page: BeautifulSoup, title: str):
    """The list of cards under the h3 whose text starts with `title`."""
    heading = next(h for h in page.select("h3") if h.get_text().startswith(title))
    return heading.find_next_sibling("ul")


def test_mining_employer_shows_its_identity_change_with_date_and_source(client):
    page = soup(client.get("/id/organization/canmin1"))
    assert page.h1.get_text(strip=True) == "CanMin1 (pseudonym)"
    assert "mining company" in page.select_one(".types").get_text()
    change = group(page, "Identity changes").select_one("li.card")
    assert "CanMin2" in change.get_text()
    assert "2005" in change.select_one(".when").get_text()
    assert "original organization" in change.select_one(".role").get_text()
    hrefs = [a["href"] for a in change.select(".sources a")]
    assert "/id/section/dufour-poirier-2022--phase-2" in hrefs
    assert "/id/source/dufour-poirier-2022" in hrefs


def test_employer_page_lists_ownership_as_subsidiary_with_dates(client):
    page = soup(client.get("/id/organization/canmin1"))
    ownership = group(page, "Ownerships").select_one("li.card")
    assert "This is the subsidiary" in ownership.get_text()
    assert ownership.select_one(".when").get_text() == "2005 – June 2006"
    parent = ownership.select_one("dl.details a[href='/id/organization/canmin2']")
    assert parent is not None


def test_literal_facts_come_before_links_out_and_cite_sources(client):
    page = soup(client.get("/id/organization/canmin1"))
    rows = page.select("#facts table.facts tr")
    kinds = ["link-out" in (row.get("class") or []) for row in rows]
    assert kinds == sorted(kinds), "literal rows first, then links out"
    assert any("Canada" in row.get_text() for row in rows if "link-out" in (row.get("class") or []))
    assert page.select_one("#facts .sources a[href^='/id/section/']") is not None


def test_workplace_page_shows_operations_and_representations_with_sources(client):
    page = soup(client.get("/id/workplace/mining-case-chile-refinery"))
    operations = group(page, "Operations").select("li.card")
    assert len(operations) >= 2
    operators = " ".join(card.select_one("dl.details").get_text() for card in operations)
    assert "CanMin1" in operators and "EuroMin" in operators
    assert all(card.select_one(".when") for card in operations)
    representation = group(page, "Union representations").select_one("li.card")
    assert "Local union 4" in representation.get_text()
    for card in [*operations, representation]:
        assert card.select_one(".sources a[href^='/id/section/dufour-poirier-2022--']")


def test_unverified_fact_carries_a_visible_badge(client):
    page = soup(client.get("/id/fact/agreement-auto-pact-1965"))
    assert page.select_one("h1 .badge.flag-unverified").get_text() == "unverified"


def test_estimate_shows_as_a_badge(client):
    page = soup(client.get("/id/fact/demand-gindin-2004-1-6-strike-fund-share"))
    assert page.select_one("h1 .badge.flag-estimate").get_text() == "estimate"


def test_source_page_lists_the_facts_citing_it_by_section(client):
    page = soup(client.get("/id/source/dufour-poirier-2022"))
    headings = [h.get_text() for h in page.select("#citing h3")]
    assert any(h.startswith("The North-South Alliance at Stake: Phase 2") for h in headings)
    cited = page.select("#citing a[href='/id/fact/change-canmin1-canmin2-2005']")
    assert cited


@pytest.mark.parametrize(("suffix", "accept", "fmt", "media_type"), [
    (".ttl", None, "turtle", "text/turtle"),
    (".jsonld", None, "json-ld", "application/ld+json"),
    ("", "text/turtle", "turtle", "text/turtle"),
    ("", "application/ld+json", "json-ld", "application/ld+json"),
    (".ttl", "application/ld+json", "turtle", "text/turtle"),  # the suffix wins
])
def test_rdf_by_suffix_or_accept_parses_and_has_the_label(client, suffix, accept, fmt,
                                                          media_type):
    headers = {"Accept": accept} if accept else {}
    response = client.get("/id/organization/canmin1" + suffix, headers=headers)
    assert response.status_code == 200
    assert response.mimetype == media_type
    graph = rdflib.Graph().parse(data=response.data, format=fmt)
    label = graph.value(rdflib.URIRef(ID + "organization/canmin1"), RDFS_LABEL)
    assert str(label) == "CanMin1 (pseudonym)"
    change = rdflib.URIRef(ID + "fact/change-canmin1-canmin2-2005")
    assert (change, None, None) in graph, "the n-ary nodes' triples come along"


def test_pages_advertise_their_alternates(client):
    response = client.get("/id/organization/canmin1")
    link = response.headers["Link"]
    assert '</id/organization/canmin1.ttl>; rel="alternate"; type="text/turtle"' in link
    assert 'type="application/ld+json"' in link
    assert "Accept" in response.headers["Vary"]


def test_unknown_entity_is_a_404_page_for_people(client):
    response = client.get("/id/organization/no-such-thing")
    assert response.status_code == 404
    assert response.mimetype == "text/html"
    assert "no-such-thing" in BeautifulSoup(response.data, "html.parser").get_text()


def test_unknown_entity_is_a_404_in_the_json_error_shape(client):
    response = client.get("/id/organization/no-such-thing",
                          headers={"Accept": "application/json"})
    assert response.status_code == 404
    body = response.get_json()
    assert set(body) == {"ok", "status", "code", "error", "details"}
    assert (body["ok"], body["status"], body["code"]) == (False, 404, "not-found")
    assert body["details"]["iri"] == ID + "organization/no-such-thing"


@pytest.mark.parametrize("rest", ["organization/a%3Eb", "organization/a%20b", "x%22%7D"])
def test_addresses_that_cannot_be_iris_are_not_found(client, rest):
    assert client.get("/id/" + rest).status_code == 404


def test_live_server_serves_turtle_and_html(live_server):
    request = urllib.request.Request(live_server + "/id/organization/canmin2",
                                     headers={"Accept": "text/turtle"})
    with urllib.request.urlopen(request, timeout=20) as response:
        assert response.headers.get_content_type() == "text/turtle"
        graph = rdflib.Graph().parse(data=response.read(), format="turtle")
    assert str(graph.value(rdflib.URIRef(ID + "organization/canmin2"), RDFS_LABEL)) \
        == "CanMin2 (pseudonym)"
    with urllib.request.urlopen(live_server + "/id/organization/canmin2", timeout=20) as page:
        assert "CanMin2 (pseudonym)" in BeautifulSoup(page.read(), "html.parser").h1.text


TINY = """
@prefix skg: <https://w3id.org/solidarity-graph/ontology#> .
@prefix dcterms: <http://purl.org/dc/terms/> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
@prefix graph: <https://w3id.org/solidarity-graph/graph/> .
@prefix id: <https://w3id.org/solidarity-graph/id/> .
"""


@pytest.fixture(scope="module")
def tiny_client(tmp_path_factory):
    """An app over a two-file graph: a hostile label and a demonstration graph."""
    from app.web import create_app

    data = tmp_path_factory.mktemp("data")
    _write(data / "curated" / "tiny.ttl", TINY + """
    graph:tiny a skg:CuratedGraph ; dcterms:title "Tiny"@en ;
        dcterms:description "Test data."@en ; skg:isDemonstration false .
    <https://w3id.org/solidarity-graph/id/source/tiny> a skg:Source ;
        dcterms:title "A <b>tiny</b> source"@en ;
        skg:url "javascript:alert(1)"^^xsd:anyURI .
    <https://w3id.org/solidarity-graph/id/organization/evil> a skg:Union ;
        rdfs:label "<script>alert('x')</script> Union"@en ;
        skg:note "Note with <img src=x onerror=alert(1)>"@en ;
        dcterms:source <https://w3id.org/solidarity-graph/id/source/tiny> ;
        skg:locator "p. <1>" .
    """)
    _write(data / "demo" / "tiny-demo.ttl", TINY + """
    graph:tiny-demo a skg:CuratedGraph ; dcterms:title "Demo"@en ;
        dcterms:description "Demonstration data, made up."@en ; skg:isDemonstration true .
    <https://w3id.org/solidarity-graph/id/fact/representation-demo> a skg:Representation ;
        rdfs:label "Made-up representation"@en ;
        skg:workplace <https://w3id.org/solidarity-graph/id/workplace/demo-mine> ;
        skg:union <https://w3id.org/solidarity-graph/id/organization/evil> ;
        skg:from "2020-01-01"^^xsd:date ;
        dcterms:source <https://w3id.org/solidarity-graph/id/source/tiny> ; skg:locator "x" .
    """)
    settings = load_settings(clean_env(), overrides={"SKG_DATA_DIR": data,
                                                     "SKG_INCLUDE_DEMO": True})
    app = create_app({"TESTING": True}, settings=settings, store=build_store(settings))
    yield app.test_client()
    app.extensions["skg.pool"].close()


def _write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(textwrap.dedent(text), encoding="utf-8")


def test_labels_and_literals_are_escaped(tiny_client):
    response = tiny_client.get("/id/organization/evil")
    page = soup(response)
    assert page.h1.get_text().startswith("<script>alert('x')</script> Union")
    assert page.select("main script") == [] and page.select("main img") == []
    assert b"<script>alert" not in response.data
    assert page.select("a[href^='javascript']") == []


def test_demonstration_data_is_badged(tiny_client):
    page = soup(tiny_client.get("/id/organization/evil"))
    card = group(page, "Union representations").select_one("li.card")
    assert card.select_one(".badge.flag-demo").get_text() == "demonstration data"
    assert page.select_one("h1 .flag-demo") is None, "the union itself is not demo data"


def test_unsafe_source_url_is_not_a_link(tiny_client):
    page = soup(tiny_client.get("/id/source/tiny"))
    assert "javascript:alert(1)" in page.get_text()
    assert page.select("a[href^='javascript']") == []


def test_escaped_label_survives_in_json_ld(tiny_client):
    response = tiny_client.get("/id/organization/evil.jsonld")
    graph = rdflib.Graph().parse(data=response.data, format="json-ld")
    assert "<script>" in str(graph.value(rdflib.URIRef(ID + "organization/evil"), RDFS_LABEL))
    json.loads(response.data)


def test_pages_style_themselves_without_inline_css(client):
    page = soup(client.get("/id/organization/canmin1"))
    assert page.select("style") == [], "inline styles would be refused by the CSP"
    href = page.select_one("link[rel=stylesheet][href$='entities.css']")["href"]
    response = client.get(href)
    assert response.status_code == 200 and response.mimetype == "text/css"
    assert b".badge" in response.data


def test_json_clients_get_json_ld(client):
    response = client.get("/id/organization/canmin1", headers={"Accept": "application/json"})
    assert response.mimetype == "application/ld+json"
    assert rdflib.Graph().parse(data=response.data, format="json-ld")


def test_section_page_lists_the_facts_citing_it(client):
    page = soup(client.get("/id/section/dufour-poirier-2022--phase-2"))
    cited = group(page, "Cited directly")
    assert cited.select_one("a[href='/id/fact/change-canmin1-canmin2-2005']") is not None
    assert page.select_one("#facts a[href='/id/source/dufour-poirier-2022']") is not None
