"""The CSV templates: documented columns, headers that match, RDF files accepted as they are."""

from __future__ import annotations

import csv
import datetime as dt
import json

import pytest

from app.imports.staging import Upload, stage
from app.imports.templates import load_templates
from tests.conftest import ROOT

TEMPLATES = load_templates(ROOT / "data")
KINDS = {"plants", "employers", "unions", "supply-flows", "statistics", "law-provisions",
         "sources"}
NOW = dt.datetime(2026, 11, 22, 2, 0, tzinfo=dt.UTC)


def test_there_is_a_template_for_every_kind_of_record():
    assert set(TEMPLATES) >= KINDS


@pytest.mark.parametrize("name", sorted(TEMPLATES))
def test_each_template_has_a_header_an_example_and_described_columns(name):
    with (ROOT / "data" / "templates" / f"{name}.csv").open(encoding="utf-8") as handle:
        rows = list(csv.reader(handle))
    template = TEMPLATES[name]
    assert rows[0] == list(template.column_names)
    assert len(rows) == 2 and len(rows[1]) == len(rows[0])
    for column in template.columns:
        assert column.description and column.type
    for column in template.columns:
        if column.allowed:
            assert rows[1][rows[0].index(column.name)] in ("", *column.allowed)
    if name in KINDS:
        assert f"`{name}`" in (ROOT / "README.md").read_text(encoding="utf-8")


JSON_LD = {
    "@context": {"skg": "https://w3id.org/solidarity-graph/ontology#",
                 "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
                 "dcterms": "http://purl.org/dc/terms/"},
    "@id": "https://w3id.org/solidarity-graph/id/workplace/json-ld-plant",
    "@type": "skg:PartsPlant",
    "rdfs:label": {"@value": "JSON-LD plant", "@language": "en"},
    "skg:country": {"@id": "https://w3id.org/solidarity-graph/id/country/MX"},
    "skg:locator": "p. 3",
    "dcterms:source": {"@id": "https://w3id.org/solidarity-graph/id/source/oica-production-2004"},
}
TRIG = b"""@prefix skg: <https://w3id.org/solidarity-graph/ontology#> .
@prefix plant: <https://w3id.org/solidarity-graph/id/workplace/> .
@prefix country: <https://w3id.org/solidarity-graph/id/country/> .
@prefix source: <https://w3id.org/solidarity-graph/id/source/> .
@prefix dcterms: <http://purl.org/dc/terms/> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
<https://example.org/any-graph> {
  plant:trig-plant a skg:PartsPlant ; rdfs:label "TriG plant"@en ; skg:country country:US ;
    dcterms:source source:oica-production-2004 ; skg:locator "p. 4" .
}
"""


@pytest.mark.parametrize(("name", "data"), [("plant.jsonld", json.dumps(JSON_LD).encode()),
                                            ("plant.trig", TRIG)])
def test_rdf_files_with_inline_context_or_graphs_are_accepted(settings, store, name, data):
    staged = stage(Upload(data, name, None, "tester"), store.raw, settings, NOW)
    assert staged.report.ok, staged.report.problems
    assert staged.report.template is None and staged.report.triples > 20
