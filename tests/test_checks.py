"""`skg check`: shapes and quality checks pass on the curated data and catch bad data."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.checks.quality import check_files, run_checks
from app.checks.run import validate_store
from app.config import load_settings
from app.loading import build_store
from tests.conftest import ROOT, clean_env

PREFIXES = """@prefix skg: <https://w3id.org/solidarity-graph/ontology#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
@prefix dcterms: <http://purl.org/dc/terms/> .
@prefix geo: <http://www.w3.org/2003/01/geo/wgs84_pos#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix w3org: <http://www.w3.org/ns/org#> .
@prefix country: <https://w3id.org/solidarity-graph/id/country/> .
@prefix source: <https://w3id.org/solidarity-graph/id/source/> .
@prefix graph: <https://w3id.org/solidarity-graph/graph/> .
@prefix x: <https://w3id.org/solidarity-graph/id/test/> .
source:test a skg:Source ; dcterms:title "Test source" .
"""


def test_curated_data_conforms_to_the_shapes(settings, store):
    report = validate_store(settings, store)
    assert report.conforms, "\n".join(f"{r.focus_node}: {r.message}" for r in report.results[:20])


def test_there_are_quality_checks(settings):
    assert len(check_files(settings.query_dir)) >= 8


def test_every_quality_check_is_empty_on_curated_data(settings, store):
    failing = {c.name: len(c.table.rows) for c in run_checks(store, settings.query_dir) if not c.ok}
    assert failing == {}


def store_with(tmp_path: Path, turtle: str, name: str = "bad"):
    """A store of the real ontology plus one curated file written here."""
    (tmp_path / "curated").mkdir()
    (tmp_path / "curated" / f"{name}.ttl").write_text(PREFIXES + turtle, encoding="utf-8")
    settings = load_settings(clean_env(), overrides={"SKG_DATA_DIR": tmp_path})
    return settings, build_store(settings)


BAD_DATA = {
    "fact-without-source-violation":
        "x:p a skg:Mine ; rdfs:label 'p'@en ; skg:country country:CA .",
    "source-without-locator-violation":
        "x:p a skg:Mine ; rdfs:label 'p'@en ; skg:country country:CA ;"
        " dcterms:source source:test .",
    "coordinates-outside-country-violation": """x:p a skg:Mine ; rdfs:label 'p'@en ;
        skg:country country:CA ; geo:lat 19.0 ; geo:long -99.1 ;
        dcterms:source source:test ; skg:locator 'p. 1' .""",
    "overlapping-ownership-violation": """
        x:a a skg:Employer . x:b a skg:Employer . x:c a skg:Employer .
        x:o1 a skg:Ownership ; skg:subsidiary x:a ; skg:parent x:b ;
             skg:from '2000-01-01'^^xsd:date .
        x:o2 a skg:Ownership ; skg:subsidiary x:a ; skg:parent x:c ;
             skg:from '2005-01-01'^^xsd:date .""",
    "period-order-violation": """x:o a skg:Ownership ;
        skg:from '2005-01-01'^^xsd:date ; skg:to '2001-01-01'^^xsd:date .""",
    "dangling-reference-violation": "x:o a skg:Operation ; skg:operator x:nobody .",
    "pseudonym-link-violation": """x:p a skg:MiningCompany ; skg:pseudonym true .
        x:real a skg:MiningCompany .
        x:o a skg:Ownership ; skg:subsidiary x:p ; skg:parent x:real .""",
}


@pytest.mark.parametrize("check", sorted(BAD_DATA))
def test_each_check_catches_its_bad_example(tmp_path, check):
    _, store = store_with(tmp_path, BAD_DATA[check])
    outcomes = {c.name: c for c in run_checks(store, ROOT / "queries")}
    assert not outcomes[check].ok, f"{check} missed its bad example"


def test_demonstration_mixing_is_caught(tmp_path):
    (tmp_path / "demo").mkdir()
    (tmp_path / "demo" / "demo-x.ttl").write_text(PREFIXES + """
        graph:demo-x a skg:CuratedGraph ; skg:isDemonstration true .
        x:real skg:workers 5 .""", encoding="utf-8")
    settings, store = store_with(tmp_path, """graph:bad a skg:CuratedGraph ;
        skg:isDemonstration false . x:real a skg:Mine .""")
    store = build_store(settings)
    outcomes = {c.name: c for c in run_checks(store, ROOT / "queries")}
    assert not outcomes["demonstration-mixing-violation"].ok


def test_every_check_has_a_bad_example():
    names = {p.stem for p in check_files(ROOT / "queries")}
    assert names == set(BAD_DATA) | {"demonstration-mixing-violation"}


def test_shapes_report_a_curator_message(tmp_path):
    settings, store = store_with(tmp_path, """x:p a skg:AssemblyPlant ; rdfs:label 'p'@en ;
        dcterms:source source:test ; skg:locator 'p. 1' .""")
    report = validate_store(settings, store)
    assert not report.conforms
    assert [r.message for r in report.violations] == [
        "A workplace needs exactly one country (skg:country)."]


def test_every_class_the_data_uses_has_a_shape_named_after_it(store):
    shapes = {row[0].value.rsplit("#", 1)[-1] for row in store.query("""
        SELECT ?shape WHERE { GRAPH ?g { ?shape a <http://www.w3.org/ns/shacl#NodeShape> } }
        ORDER BY ?shape""").rows}
    used = {row[0].value.rsplit("#", 1)[-1] for row in store.query("""
        SELECT DISTINCT ?class WHERE { ?x a ?class
          FILTER STRSTARTS(STR(?class), "https://w3id.org/solidarity-graph/ontology#") }
        ORDER BY ?class""").rows}
    assert len(used) > 40
    assert {c for c in used if f"{c}Shape" not in shapes} == set()


@pytest.mark.parametrize(("turtle", "message"), [
    ("x:p a skg:AssemblyPlant, skg:PartsPlant ; skg:country country:CA .",
     "A plant is an assembly plant or a parts plant, not both: choose one type."),
    ("x:m a skg:Meeting .", "A meeting or delegation needs its date"),
    ("x:p a skg:Position .", "A position exists within exactly one organization in the graph."),
])
def test_class_shapes_catch_their_mistakes(tmp_path, turtle, message):
    settings, store = store_with(tmp_path, turtle.replace(
        " .", " ; rdfs:label 'x'@en ; dcterms:source source:test ; skg:locator 'p. 1' ."))
    report = validate_store(settings, store)
    assert any(r.message.startswith(message) for r in report.violations), report.violations
