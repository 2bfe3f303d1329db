"""Rows of a CSV template to RDF, remembering which row and column said what.

The mapping is the template's `nodes` (data/templates/<name>.yaml): for each
row, each node whose `when` column is filled gets its IRI from the subject
pattern, its class, a label, its properties and its source. A fact whose
source cell is empty cites the import itself, with the row as locator, so an
entity page shows where the fact came from.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field

from rdflib import RDF, RDFS, Graph, Literal, URIRef
from rdflib.namespace import DCTERMS

from app.imports.csv_input import CsvTable
from app.imports.templates import NodeRule
from app.imports.values import ENTITY_BASES, entity, slugify, to_term
from app.namespaces import PREFIXES, SKG

_PLACEHOLDER = re.compile(r"\{(\??[a-z_|]+)\}")
_PREFIXES = {**PREFIXES, **ENTITY_BASES}


@dataclass(frozen=True)
class Cell:
    row: int
    column: str
    value: str  # the RDF term made of the cell
    text: str = ""  # the cell as written


@dataclass
class Positions:
    """Where in the file each node and each (node, property) came from."""

    nodes: dict[str, int] = field(default_factory=dict)
    cells: dict[tuple[str, str], list[Cell]] = field(default_factory=lambda: defaultdict(list))

    def add(self, subject: str, predicate: str, cell: Cell) -> None:
        self.nodes.setdefault(subject, cell.row)
        self.cells[(subject, predicate)].append(cell)

    def locate(self, focus: str, path: str, value: str) -> Cell | None:
        cells = self.cells.get((focus, path), [])
        for cell in cells:
            if cell.value == value:
                return cell
        if cells:
            return cells[-1]
        row = self.nodes.get(focus)
        return Cell(row, "", "") if row is not None else None


@dataclass(frozen=True)
class Mapped:
    graph: Graph
    positions: Positions
    unnamed: tuple[Cell, ...]  # rows where a node's IRI could not be formed


def map_rows(table: CsvTable, *, import_source: str, file_name: str) -> Mapped:
    graph, positions, unnamed = Graph(), Positions(), []
    for number, row in table.rows:
        for rule in table.template.nodes:
            if rule.when and not row.get(rule.when):
                continue
            subject, missing = _subject(rule.subject, row)
            if subject is None:
                unnamed.append(Cell(number, missing, ""))
                continue
            _map_node(graph, positions, rule, subject, number, row)
            _cite(graph, positions, rule, subject, number, row,
                  import_source=import_source, file_name=file_name)
    return Mapped(graph, positions, tuple(unnamed))


def _map_node(graph: Graph, positions: Positions, rule: NodeRule, subject: URIRef,
              number: int, row: dict[str, str]) -> None:
    type_column = "" if isinstance(rule.class_rule, str) else rule.class_rule["column"]
    class_iri = _class(rule, row)
    if class_iri is not None:
        graph.add((subject, RDF.type, class_iri))
    positions.add(str(subject), str(RDF.type), Cell(number, type_column, str(class_iri or "")))
    if rule.label:
        label = _PLACEHOLDER.sub(lambda m: _raw(m.group(1), row), rule.label)
        graph.add((subject, RDFS.label, Literal(label, lang="en")))
    for prop in rule.properties:
        if prop.when and not row.get(prop.when):
            continue
        column, value = _first_filled(prop.column, row)
        predicate = URIRef(_expand(prop.predicate))
        if value:
            term = to_term(value, prop.kind)
            graph.add((subject, predicate, term))
            positions.add(str(subject), str(predicate), Cell(number, column, str(term), value))
        else:
            positions.add(str(subject), str(predicate), Cell(number, column, ""))


def _cite(graph: Graph, positions: Positions, rule: NodeRule, subject: URIRef, number: int,
          row: dict[str, str], *, import_source: str, file_name: str) -> None:
    if rule.cite == "none":
        return
    source, locator = row.get("source", ""), row.get("locator", "")
    predicate = str(DCTERMS.source)
    if source:
        term = entity(source, "source")
        graph.add((subject, DCTERMS.source, term))
        positions.add(str(subject), predicate, Cell(number, "source", str(term), source))
        if locator:
            graph.add((subject, SKG.locator, Literal(locator)))
        positions.add(str(subject), str(SKG.locator), Cell(number, "locator", locator))
        return
    positions.add(str(subject), predicate, Cell(number, "source", ""))
    if rule.cite == "optional":
        graph.add((subject, DCTERMS.source, URIRef(import_source)))
        graph.add((subject, SKG.locator, Literal(f"row {number} of {file_name}")))


def _class(rule: NodeRule, row: dict[str, str]) -> URIRef | None:
    if isinstance(rule.class_rule, str):
        return URIRef(_expand(rule.class_rule))
    value = row.get(rule.class_rule["column"], "")
    chosen = rule.class_rule["map"].get(value.lower()) if value else rule.class_rule.get(
        "default")
    return URIRef(_expand(chosen)) if chosen else None


def _subject(pattern: str, row: dict[str, str]) -> tuple[URIRef | None, str]:
    """The node's IRI from its pattern; `{?column}` may be empty (it is left out)."""
    text = ""
    for index, piece in enumerate(_PLACEHOLDER.split(pattern)):
        if not index % 2:
            text += piece
            continue
        column, value = _first_filled(piece.lstrip("?"), row)
        if slugify(value):
            text += slugify(value)
        elif piece.startswith("?"):
            text = text.rstrip("-")
        else:
            return None, column
    return URIRef(_expand(text)), ""


def _first_filled(columns: str, row: dict[str, str]) -> tuple[str, str]:
    names = columns.split("|")
    for name in names:
        if row.get(name):
            return name, row[name]
    return names[-1], ""


def _raw(columns: str, row: dict[str, str]) -> str:
    return _first_filled(columns, row)[1]


def _expand(curie: str) -> str:
    prefix, _, local = curie.partition(":")
    return _PREFIXES[prefix] + local if prefix in _PREFIXES else curie
