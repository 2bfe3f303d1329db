"""The ontology: every term documented, consistent by HermiT, and the shapes usable."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import rdflib
from rdflib.namespace import OWL, RDF, RDFS, SKOS

from app.checks.reasoner import check_consistency
from tests.conftest import ROOT

ONTOLOGY = ROOT / "ontology"
SKG = "https://w3id.org/solidarity-graph/ontology#"
TERM_TYPES = (OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty, OWL.AnnotationProperty)


def own_terms() -> list[tuple[rdflib.URIRef, rdflib.Graph]]:
    graph = rdflib.Graph().parse(ONTOLOGY / "skg.ttl")
    terms = {s for t in TERM_TYPES for s in graph.subjects(RDF.type, t) if str(s).startswith(SKG)}
    return [(t, graph) for t in sorted(terms)]


def test_the_ontology_declares_enough_terms():
    assert len(own_terms()) > 100


@pytest.mark.parametrize(("term", "graph"), own_terms(), ids=lambda x: str(x).split("#")[-1])
def test_every_term_has_a_label_and_a_definition(term, graph):
    assert graph.value(term, RDFS.label) is not None, f"{term} has no rdfs:label"
    assert graph.value(term, SKOS.definition) is not None, f"{term} has no skos:definition"


def test_every_used_skg_term_is_declared():
    declared = {t for t, _ in own_terms()}
    used: set[rdflib.URIRef] = set()
    for path in sorted((ROOT / "data").rglob("*.ttl")):
        graph = rdflib.Graph().parse(path)
        used |= {p for p in graph.predicates() if str(p).startswith(SKG)}
        used |= {o for o in graph.objects(None, RDF.type) if str(o).startswith(SKG)}
    assert used - declared == set()


def test_every_shape_constraint_has_a_message():
    shapes = rdflib.Graph().parse(ONTOLOGY / "shapes.ttl")
    sh = rdflib.Namespace("http://www.w3.org/ns/shacl#")
    named = {s for s in shapes.subjects(sh.path, None) if isinstance(s, rdflib.URIRef)}
    assert len(named) > 50
    logical = {s for s in shapes.subjects(RDF.type, sh.NodeShape)
               if (s, sh["or"], None) in shapes or (s, sh["not"], None) in shapes}
    missing = [s for s in named | logical if shapes.value(s, sh.message) is None]
    assert missing == []


needs_java = pytest.mark.skipif(shutil.which("java") is None, reason="HermiT needs Java")


@pytest.mark.slow
@needs_java
def test_hermit_finds_the_ontology_consistent():
    report = check_consistency([ONTOLOGY / n for n in ("skg.ttl", "concepts.ttl",
                                                       "jurisdictions.ttl")])
    assert report.ok, report.message


@pytest.mark.slow
@needs_java
def test_hermit_names_an_unsatisfiable_class(tmp_path: Path):
    broken = tmp_path / "broken.ttl"
    broken.write_text((ONTOLOGY / "skg.ttl").read_text(encoding="utf-8") + """
skg:MinePlant a owl:Class ; rdfs:subClassOf skg:Mine, skg:Plant ;
    rdfs:label "mine that is a plant"@en ; skos:definition "Impossible by disjointness."@en .
""", encoding="utf-8")
    report = check_consistency([broken])
    assert not report.ok
    assert report.unsatisfiable == (SKG + "MinePlant",)
