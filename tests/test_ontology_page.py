"""The ontology page documents every class, property, shape and code list."""

from __future__ import annotations

from pathlib import Path

import pytest
import rdflib
from bs4 import BeautifulSoup
from rdflib.namespace import OWL, RDF, SKOS

from app.pages.terms import anchor

ONTOLOGY = Path(__file__).resolve().parent.parent / "ontology"


@pytest.fixture(scope="module")
def page(app):
    response = app.test_client().get("/ontology")
    assert response.status_code == 200
    return BeautifulSoup(response.data, "html.parser")


@pytest.fixture(scope="module")
def ontology():
    return rdflib.Graph().parse(ONTOLOGY / "skg.ttl")


def terms(graph: rdflib.Graph, *kinds: rdflib.URIRef) -> list[rdflib.URIRef]:
    found = {s for kind in kinds for s in graph.subjects(RDF.type, kind)}
    return sorted(s for s in found if isinstance(s, rdflib.URIRef))


def test_every_class_has_its_section_with_definition(page, ontology):
    classes = terms(ontology, OWL.Class)
    assert len(classes) > 40
    for cls in classes:
        section = page.find(id=anchor("class", str(cls)))
        assert section is not None, f"no section for {cls}"
        definition = ontology.value(cls, SKOS.definition)
        assert str(definition) in section.get_text(), f"no definition for {cls}"


def test_every_property_has_its_section(page, ontology):
    properties = terms(ontology, OWL.ObjectProperty, OWL.DatatypeProperty,
                       OWL.AnnotationProperty)
    assert len(properties) > 80
    for prop in properties:
        assert page.find(id=anchor("prop", str(prop))) is not None, f"no section for {prop}"


def test_class_tree_nests_subclasses(page):
    tree = page.select_one(".tree")
    plant = tree.find("a", href=f"/ontology#{anchor('class', 'https://w3id.org/solidarity-graph/ontology#Plant')}")
    nested = plant.find_next_sibling("ul")
    assert "assembly plant" in nested.get_text()


def test_class_lists_its_properties_and_shape_messages(page):
    section = page.find(id="class-skg-Ownership")
    text = section.get_text()
    assert "subsidiary" in text and "parent" in text
    fact = page.find(id="class-skg-Fact")
    assert "Every fact needs a source" in fact.select_one("table.shape").get_text()


def test_property_shows_domain_and_range(page):
    section = page.find(id="prop-skg-operator")
    links = [a["href"] for a in section.select("a")]
    assert "/ontology#class-skg-Operation" in links
    assert "/ontology#class-skg-Employer" in links


def test_code_lists_show_their_concepts(page):
    concepts = rdflib.Graph().parse(ONTOLOGY / "concepts.ttl")
    section = page.find(id="code-lists")
    for scheme in terms(concepts, SKOS.ConceptScheme):
        assert str(concepts.value(scheme, SKOS.prefLabel)) in section.get_text()
    merger = section.find("a", href="/id/concept/change-type/merger")
    assert merger is not None


def test_nav_reaches_every_area(client):
    nav = BeautifulSoup(client.get("/ontology").data, "html.parser").select_one("header nav")
    hrefs = {a["href"] for a in nav.select("a")}
    assert {"/ontology", "/sparql"} <= hrefs
    assert nav.select_one("form[action='/search'] input[name='q']") is not None


def test_anchors_are_unique(page):
    ids = [tag["id"] for tag in page.select("[id]")]
    assert len(ids) == len(set(ids))
