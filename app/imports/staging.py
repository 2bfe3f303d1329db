"""Stage an upload: read it, map it to RDF, validate it with its context, report.

Staging never changes the store. The report lists every problem; the staged
graph (with its provenance) is what `commit` writes if there are no violations.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import pyoxigraph as ox
from rdflib import Graph

from app.config import Settings
from app.imports.context import nodes_of
from app.imports.csv_input import read_csv
from app.imports.errors import FileTooLarge
from app.imports.findings import check_problems, duplicate_warnings, shape_problems, staged_store
from app.imports.mapping import Cell, map_rows
from app.imports.provenance import ImportName, add_provenance, name_import
from app.imports.rdf_input import find_line, is_rdf, read_rdf
from app.imports.report import ImportReport, Locator, Problem, sort_problems
from app.imports.shapes_sparql import Check, compile_shapes
from app.imports.templates import load_templates


@dataclass(frozen=True)
class Upload:
    data: bytes
    file_name: str
    template: str | None = None
    who: str = "unknown"


@dataclass(frozen=True)
class Staged:
    report: ImportReport
    graph: Graph
    name: ImportName


def check_size(size: int, file_name: str, settings: Settings) -> None:
    limit = settings["SKG_MAX_UPLOAD_MB"]
    if size > limit * 1024 * 1024:
        raise FileTooLarge(
            f"{file_name} is {size / 1024 / 1024:.1f} MB; the limit is {limit:g} MB "
            "(SKG_MAX_UPLOAD_MB). Split the file into smaller ones.",
            {"file": file_name, "size_bytes": size, "limit_mb": limit})


def stage(upload: Upload, store: ox.Store, settings: Settings,
          now: dt.datetime | None = None) -> Staged:
    """Read, map and validate an upload against the part of `store` it refers to."""
    check_size(len(upload.data), upload.file_name, settings)
    now = now or dt.datetime.now(dt.UTC)
    name = name_import(hashlib.sha256(upload.data).hexdigest(), now)
    graph, locate, template, early = _read(upload, name, settings)
    add_provenance(graph, name, file_name=upload.file_name, template=template,
                   who=upload.who, now=now)
    nodes = nodes_of(graph)
    subjects = nodes[0]
    staged = staged_store(store, graph, name.graph, nodes)
    problems = list(early)
    problems += shape_problems(staged, _checks(settings.ontology_dir / "shapes.ttl"),
                               name.graph, subjects, upload.file_name, locate)
    problems += check_problems(staged, settings.query_dir, subjects, upload.file_name, locate)
    problems += duplicate_warnings(store, graph, upload.file_name, locate, subjects)
    report = ImportReport(upload.file_name, template, name.checksum, name.graph, len(graph),
                          sort_problems(problems))
    return Staged(report, graph, name)


def _read(upload: Upload, name: ImportName,
          settings: Settings) -> tuple[Graph, Locator, str | None, list[Problem]]:
    if is_rdf(upload.file_name):
        graph = read_rdf(upload.data, upload.file_name)
        text = upload.data.decode("utf-8-sig")
        return graph, lambda focus, _p, _v: (None, None, find_line(text, focus), None), None, []
    table = read_csv(upload.data, upload.file_name, load_templates(settings.data_dir),
                     upload.template)
    mapped = map_rows(table, import_source=name.source, file_name=upload.file_name)

    def locate(focus: str, path: str, value: str) -> tuple[int | None, str | None, None, str]:
        cell = mapped.positions.locate(focus, path, value)
        return (cell.row, cell.column or None, None, cell.text) if cell else (None, None, None, "")

    early = [_unnamed(cell, upload.file_name) for cell in mapped.unnamed]
    return mapped.graph, locate, table.template.name, early


def _unnamed(cell: Cell, file_name: str) -> Problem:
    return Problem("Violation", f"The row needs a value in the {cell.column} column: the "
                   "node's IRI is made from it.", file_name, cell.row, cell.column,
                   rule="import-mapping", constraint="MinCountConstraintComponent")


@lru_cache(maxsize=4)
def _checks_at(path: Path, mtime: float) -> tuple[Check, ...]:
    from app.checks.shacl import load_shapes

    return compile_shapes(load_shapes(path))


def _checks(path: Path) -> tuple[Check, ...]:
    """The shapes compiled to SPARQL, again whenever shapes.ttl changes."""
    return _checks_at(path, path.stat().st_mtime)
