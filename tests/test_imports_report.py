"""The validation report of an import: what curators get wrong, each with its exact entry.

Staging runs in this process against the session's store (the curated
graph), so each case is quick; the CLI and web tests cover the same report
through the real command and server.
"""

from __future__ import annotations

import datetime as dt

import pytest

from app.imports.report import ImportReport
from app.imports.staging import Upload, stage
from tests.conftest import ROOT

NOW = dt.datetime(2026, 11, 22, 1, 2, 3, tzinfo=dt.UTC)
HEADERS = {name: (ROOT / "data" / "templates" / f"{name}.csv").read_text().splitlines()[0]
           for name in ("plants", "employers", "unions", "supply-flows", "statistics")}


def report_for(settings, store, template: str, *rows: str, name: str = "") -> ImportReport:
    text = "\n".join([HEADERS[template], *rows]) + "\n"
    upload = Upload(text.encode(), name or f"{template}.csv", template, "tester")
    return stage(upload, store.raw, settings, NOW).report


def entries(report: ImportReport) -> set[tuple]:
    return {(p.severity, p.row, p.column, p.message, p.value) for p in report.problems}


def plant(slug="new-plant", name="New Plant", country="CA", lat="", long="",
          locality="Windsor", workers="") -> str:
    return (f"{slug},{name},parts,{country},,{locality},{lat},{long},,,,{workers},,,,,,,")


CASES = {
    "missing required value": ("plants", [plant(country="")], (
        "Violation", 2, "country", "A workplace needs exactly one country (skg:country).", "")),
    "duplicated value": ("plants", [plant(), plant(country="US")], (
        "Violation", 3, "country", "A workplace needs exactly one country (skg:country).",
        "US")),
    "wrong datatype": ("plants", [plant(workers="many")], (
        "Violation", 2, "workers", "The number of workers is one whole number, zero or more.",
        "many")),
    "country code that is not a country": ("plants", [plant(country="XX")], (
        "Violation", 2, "country", "A workplace needs exactly one country (skg:country).",
        "XX")),
    "coordinates outside the country": ("plants", [plant(lat="19.4", long="-99.1")], (
        "Violation", 2, "lat", "Workplaces whose coordinates lie outside their country.",
        "19.4")),
    "end before start": ("employers", ["acme-parts,Acme Parts,parts-supplier,CA,lear,,"
                                       "2010-01-01,2005-01-01,,,"], (
        "Violation", 2, "to", "Periods that end before they start.", "2005-01-01")),
    "share outside 0-100": ("employers", ["acme-parts,Acme Parts,parts-supplier,CA,lear,150,"
                                          "2010-01-01,,,,"], (
        "Violation", 2, "share", "An ownership share is one number from 0 to 100 (percent).",
        "150")),
    "overlapping ownership with the curated graph": ("employers", [
        "delphi,,,,lear,,1997-01-01,1998-01-01,,,"], (
        "Violation", 2, "from", "Overlapping whole ownerships of one subsidiary.",
        "1997-01-01")),
    "representation of a union that does not exist": ("unions", [
        "no-such-local,,,,,,lear-ajax,no-such-union,2020-01-01,,,,"], (
        "Violation", 2, "union", "A representation must point at a union that exists in "
        "the graph.", "no-such-union")),
    "supply flow from a plant to itself": ("supply-flows", [
        "lear-ajax,lear-ajax,seats,1,2020-01-01,,,,"], (
        "Violation", 2, "supplier_plant", "A supply flow names exactly one supplier plant "
        "that exists in the graph, and it is not the customer plant.", "lear-ajax")),
    "statistic without unit": ("statistics", [
        "employment,CA,2020,5,,,,oica-production-2004,p. 1,,"], (
        "Violation", 2, "unit", "A statistic needs exactly one unit.", "")),
    "statistic without year": ("statistics", [
        "employment,CA,,5,,workers,,oica-production-2004,p. 1,,"], (
        "Violation", 2, "year", "A statistic needs exactly one year, a whole number.", "")),
    "statistic without source": ("statistics", ["employment,CA,2020,5,,workers,,,,,"], (
        "Violation", 2, "source", "Every fact needs a source: dcterms:source pointing at a "
        "source (skg:Source) or a section of one (skg:SourceSection).", "")),
    "statistic with an unknown unit": ("statistics", [
        "employment,CA,2020,5,,furlongs,,oica-production-2004,p. 1,,"], (
        "Violation", 2, "unit", "A statistic needs exactly one unit.", "furlongs")),
    "source without locator": ("plants", [plant()[:-4] + ",oica-production-2004,,,"], (
        "Violation", 2, "locator", "Facts citing a whole document without a locator.",
        "https://w3id.org/solidarity-graph/id/source/oica-production-2004")),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_each_mistake_has_its_exact_entry(settings, store, case):
    template, rows, expected = CASES[case]
    report = report_for(settings, store, template, *rows)
    assert expected in entries(report), sorted(entries(report))
    assert not report.ok


def test_a_clean_file_conforms_and_cites_the_import_with_its_row(settings, store):
    report = report_for(settings, store, "plants", plant())
    assert report.ok and report.problems == ()
    assert report.graph.endswith("graph/import-20261122-010203-000000-" + report.sha256[:8])


def test_a_likely_duplicate_is_a_warning_apart_from_violations(settings, store):
    report = report_for(settings, store, "plants",
                        plant(slug="ajax-seats", name="Lear Ajax seating plant", locality="ajax"))
    assert report.ok
    assert [(w.severity, w.row, w.column, w.value) for w in report.warnings] == [
        ("Warning", 2, "name", "https://w3id.org/solidarity-graph/id/workplace/lear-ajax")]
    assert report.warnings[0].message.startswith("Likely duplicate: Lear Ajax seating plant")


def test_turtle_problems_give_the_line(settings, store):
    turtle = b"""@prefix skg: <https://w3id.org/solidarity-graph/ontology#> .
@prefix plant: <https://w3id.org/solidarity-graph/id/workplace/> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .

plant:turtle-plant a skg:PartsPlant ;
    rdfs:label "Turtle plant"@en .
"""
    report = stage(Upload(turtle, "new.ttl"), store.raw, settings, NOW).report
    found = {(p.line, p.message) for p in report.violations}
    assert (5, "A workplace needs exactly one country (skg:country).") in found
    assert all(p.row is None for p in report.problems)


def test_the_json_report_groups_by_severity(settings, store):
    report = report_for(settings, store, "plants", plant(workers="many"),
                        plant(slug="ajax-seats", name="Lear Ajax seating plant", locality="Ajax"))
    body = report.to_json()
    assert body["ok"] is False and body["template"] == "plants"
    assert [v["column"] for v in body["violations"]] == ["workers"]
    assert [w["row"] for w in body["warnings"]] == [3]
