"""SHACL validation of data against ontology/shapes.ttl, with pySHACL.

The report is turned into frozen ValidationResult rows, sorted by severity
and focus node, with the shape's message (written for curators) first.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pyshacl
import rdflib
from rdflib.namespace import SH

from app.errors import SkgError

SEVERITY_ORDER = {"Violation": 0, "Warning": 1, "Info": 2}


class ShapesError(SkgError):
    code = "shapes-error"


@dataclass(frozen=True)
class ValidationResult:
    severity: str
    focus_node: str
    path: str
    value: str
    message: str
    source_shape: str
    constraint: str


@dataclass(frozen=True)
class ValidationReport:
    conforms: bool
    results: tuple[ValidationResult, ...]

    @property
    def violations(self) -> tuple[ValidationResult, ...]:
        return tuple(r for r in self.results if r.severity == "Violation")

    @property
    def warnings(self) -> tuple[ValidationResult, ...]:
        return tuple(r for r in self.results if r.severity != "Violation")


def load_shapes(path: Path) -> rdflib.Graph:
    shapes = rdflib.Graph()
    shapes.parse(path, format="turtle")
    return shapes


def validate_graph(
    data: rdflib.Graph, shapes: rdflib.Graph, ontology: rdflib.Graph | None = None
) -> ValidationReport:
    """Validate `data` (with the ontology merged in, for subclass targets)."""
    outcome = pyshacl.validate(
        data, shacl_graph=shapes, ont_graph=ontology, inference="none",
        allow_warnings=True, advanced=True,
    )
    if not isinstance(outcome, tuple) or len(outcome) != 3:
        raise ShapesError(f"The shapes could not be used: {outcome!r}")
    conforms, results_graph, _text = outcome
    return ValidationReport(bool(conforms), read_results(results_graph))


def read_results(results_graph: rdflib.Graph) -> tuple[ValidationResult, ...]:
    rows = [_result(results_graph, node)
            for node in results_graph.subjects(rdflib.RDF.type, SH.ValidationResult)]
    return tuple(sorted(rows, key=lambda r: (SEVERITY_ORDER.get(r.severity, 9),
                                             r.focus_node, r.path, r.message)))


def _result(g: rdflib.Graph, node: rdflib.term.Node) -> ValidationResult:
    def text(predicate: rdflib.URIRef) -> str:
        value = g.value(node, predicate)
        return "" if value is None else str(value)

    severity = text(SH.resultSeverity).rsplit("#", 1)[-1]
    return ValidationResult(
        severity=severity,
        focus_node=text(SH.focusNode),
        path=text(SH.resultPath),
        value=text(SH.value),
        message=text(SH.resultMessage),
        source_shape=text(SH.sourceShape),
        constraint=text(SH.sourceConstraintComponent).rsplit("#", 1)[-1],
    )
