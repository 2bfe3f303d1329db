"""Every constraint of every shape in ontology/shapes.ttl has a failing example.

The examples are made from the shapes themselves, one focus node per
(property shape, constraint): a node of the shape's target that breaks
exactly that constraint. All are validated at once (with the ontology, for
subclass targets), and each must yield its exact report entry: focus node,
property, constraint component, the shape's own curator message, and the
offending value where there is one. A new constraint without an example
fails the collection guard.
"""

from __future__ import annotations

import pytest
import rdflib
from rdflib import RDF, XSD, Literal, Namespace, URIRef
from rdflib.namespace import SH

from app.checks.shacl import validate_graph
from app.imports.shapes_sparql import compile_shapes, run_checks
from tests.conftest import ROOT

X = Namespace("https://w3id.org/solidarity-graph/id/test/")
SHAPES = rdflib.Graph().parse(ROOT / "ontology" / "shapes.ttl")
COMPONENTS = {
    SH.minCount: "MinCount", SH.maxCount: "MaxCount", SH.datatype: "Datatype",
    SH["class"]: "Class", SH.node: "Node", SH["in"]: "In", SH.pattern: "Pattern",
    SH.minInclusive: "MinInclusive", SH.maxInclusive: "MaxInclusive",
    SH.lessThanOrEquals: "LessThanOrEquals", SH.disjoint: "Disjoint",
    SH.uniqueLang: "UniqueLang", SH["or"]: "Or", SH.hasValue: "HasValue",
}
ARGUMENTLESS = {SH.message, SH.path, RDF.type, SH.name, SH.description}


def constraint_cases() -> list[tuple[URIRef, URIRef]]:
    cases = []
    for shape in sorted(s for s in set(SHAPES.subjects(SH.path, None)) if isinstance(s, URIRef)):
        for predicate in sorted(set(SHAPES.predicates(shape, None))):
            if str(predicate).startswith(str(SH)) and predicate not in ARGUMENTLESS:
                cases.append((shape, predicate))
    return cases


CASES = constraint_cases()


def _typed_pair(shape: URIRef) -> tuple[Literal, Literal]:
    """A larger and a smaller value of the shape's datatype."""
    if SHAPES.value(shape, SH.datatype) == XSD.date:
        return Literal("2020-01-01", datatype=XSD.date), Literal("2010-01-01", datatype=XSD.date)
    return Literal(10), Literal(5)


def _bad_value(shape: URIRef, predicate: URIRef, n: int) -> rdflib.term.Node:
    argument = SHAPES.value(shape, predicate)
    if predicate == SH.datatype:
        return Literal(5) if argument == XSD.string else Literal("not-a-value")
    if predicate in (SH["class"], SH.node, SH["in"]):
        return X[f"unknown-{n}"]
    if predicate == SH.pattern:
        return Literal("abc")
    if predicate == SH.minInclusive:
        return Literal(argument.toPython() - 1)
    if predicate == SH.maxInclusive:
        return Literal(argument.toPython() + 1)
    if predicate == SH["or"]:
        alternatives = rdflib.collection.Collection(SHAPES, argument)
        uses_class = any(SHAPES.value(a, SH["class"]) for a in alternatives)
        return X[f"unknown-{n}"] if uses_class else Literal("not-a-number")
    return Literal(f"value-{n}")


def targeted(focus: URIRef, shape: URIRef, path: URIRef) -> rdflib.Graph:
    """The triples that make `focus` a target of the node shape holding `shape`."""
    data = rdflib.Graph()
    node_shape = SHAPES.value(None, SH.property, shape)
    for target in SHAPES.objects(node_shape, SH.targetClass):
        data.add((focus, RDF.type, target))
    for target in SHAPES.objects(node_shape, SH.targetSubjectsOf):
        if target != path:
            data.add((focus, target, X["target-value"]))
    return data


def example(n: int, shape: URIRef, predicate: URIRef) -> tuple[rdflib.Graph, URIRef, object]:
    """Triples breaking `predicate` of `shape` on focus x:case-<n>; the expected value."""
    focus = X[f"case-{n}"]
    path = SHAPES.value(shape, SH.path)
    data = targeted(focus, shape, path)
    expected: object = None
    if predicate == SH.maxCount:
        for i in range(int(SHAPES.value(shape, SH.maxCount)) + 1):
            data.add((focus, path, Literal(f"value-{i}")))
    elif predicate == SH.lessThanOrEquals:
        larger, smaller = _typed_pair(shape)
        data.add((focus, path, larger))
        data.add((focus, SHAPES.value(shape, predicate), smaller))
        expected = larger
    elif predicate == SH.disjoint:
        data.add((focus, path, X["same"]))
        data.add((focus, SHAPES.value(shape, predicate), X["same"]))
        expected = X["same"]
    elif predicate == SH.uniqueLang:
        data.add((focus, path, Literal("one", lang="en")))
        data.add((focus, path, Literal("two", lang="en")))
    elif predicate == SH.hasValue:
        data.add((focus, path, X["other-value"]))
    elif predicate != SH.minCount:
        expected = _bad_value(shape, predicate, n)
        data.add((focus, path, expected))
    return data, focus, expected


@pytest.fixture(scope="module")
def report():
    data = rdflib.Graph().parse(ROOT / "ontology" / "skg.ttl")
    data.parse(ROOT / "ontology" / "concepts.ttl")
    for n, (shape, predicate) in enumerate(CASES):
        data += example(n, shape, predicate)[0]
    data += percent_example()
    return validate_graph(data, SHAPES)


def test_every_constraint_has_an_example():
    assert len(CASES) > 200
    assert {p for _, p in CASES} <= set(COMPONENTS), "a constraint kind without examples"


@pytest.mark.parametrize(("n", "case"), list(enumerate(CASES)),
                         ids=[f"{s.split('#')[-1]}-{p.split('#')[-1]}" for s, p in CASES])
def test_each_constraint_yields_its_report_entry(report, n, case):
    shape, predicate = case
    _, focus, value = example(n, shape, predicate)
    entries = [r for r in report.results if r.focus_node == str(focus)
               and r.source_shape == str(shape)
               and r.constraint == COMPONENTS[predicate] + "ConstraintComponent"]
    assert entries, f"no {COMPONENTS[predicate]} entry for {shape}"
    entry = entries[0]
    assert entry.severity == "Violation"
    assert entry.path == str(SHAPES.value(shape, SH.path))
    assert entry.message == str(SHAPES.value(shape, SH.message))
    if value is not None:
        assert entry.value == str(value)


def percent_example() -> rdflib.Graph:
    data = rdflib.Graph()
    skg = Namespace("https://w3id.org/solidarity-graph/ontology#")
    focus = X["percent-case"]
    data.add((focus, RDF.type, skg.StatisticalObservation))
    data.add((focus, skg.unit, URIRef("https://w3id.org/solidarity-graph/id/concept/unit/"
                                      "percent")))
    data.add((focus, skg.value, Literal(150)))
    return data


def test_a_share_in_percent_above_100_is_reported(report):
    entries = [r for r in report.results if r.focus_node == str(X["percent-case"])
               and r.source_shape.endswith("#PercentShape")]
    assert [(e.constraint, e.message) for e in entries] == [
        ("OrConstraintComponent", "A share in percent must lie between 0 and 100.")]


def _key(result) -> tuple:  # type: ignore[no-untyped-def]
    return (result.focus_node, result.path, result.constraint, result.message, result.value,
            result.source_shape, result.severity)


def test_the_sparql_compilation_reports_exactly_what_pyshacl_reports(report):
    """Imports are validated by the shapes compiled to SPARQL (fast); `skg check` by pySHACL."""
    import pyoxigraph as ox

    data = rdflib.Graph().parse(ROOT / "ontology" / "skg.ttl")
    data.parse(ROOT / "ontology" / "concepts.ttl")
    for n, (shape, predicate) in enumerate(CASES):
        data += example(n, shape, predicate)[0]
    data += percent_example()
    store = ox.Store()
    store.load(data.serialize(format="nt", encoding="utf-8"), format=ox.RdfFormat.N_TRIPLES,
               to_graph=ox.NamedNode("urn:test"))
    compiled = {_key(r) for r in run_checks(compile_shapes(SHAPES), store, None)}
    # pySHACL also lists the nested results of sh:node (blank-node shapes) at top level
    expected = {_key(r) for r in report.results if r.source_shape.startswith("http")}
    assert len(expected) > 1000
    assert compiled == expected


def test_the_curated_graph_passes_the_compiled_shapes(store):
    assert run_checks(compile_shapes(SHAPES), store.raw, None) == []
