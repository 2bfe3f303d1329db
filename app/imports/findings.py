"""The three kinds of findings about an import: shapes, quality checks, duplicates.

Only findings about the import's own nodes are reported: the context from the
store is there to be read, not judged (the curated data passes `skg check`).
"""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
from rdflib import RDF, RDFS, Graph, Literal

from app.checks.quality import check_files
from app.imports.context import fetch_context
from app.imports.report import Locator, Problem, from_shacl
from app.imports.shapes_sparql import Check
from app.imports.shapes_sparql import run_checks as run_shape_checks
from app.namespaces import GRAPH, PREFIXES, SKG
from app.store import Table
from app.store.embedded import EmbeddedStore

GEO = "http://www.w3.org/2003/01/geo/wgs84_pos#"
CHECK_PATHS = {
    "coordinates-outside-country-violation": GEO + "lat",
    "fact-without-source-violation": PREFIXES["dcterms"] + "source",
    "source-without-locator-violation": str(SKG.locator),
    "overlapping-ownership-violation": str(SKG["from"]),
    "period-order-violation": str(SKG.to),
}


def staged_store(store: ox.Store, graph: Graph, import_graph: str,
                 nodes: tuple[set[str], set[str]]) -> ox.Store:
    """The import in its graph, next to the part of `store` it refers to."""
    staged = ox.Store()
    staged.load(graph.serialize(format="nt", encoding="utf-8"),
                format=ox.RdfFormat.N_TRIPLES, to_graph=ox.NamedNode(import_graph))
    fetch_context(store, graph, staged, str(GRAPH["context"]), nodes)
    return staged


def shape_problems(staged: ox.Store, checks: tuple[Check, ...], import_graph: str,
                   subjects: set[str], file_name: str, locate: Locator) -> list[Problem]:
    return [from_shacl(r, file_name, locate) for r in run_shape_checks(checks, staged,
                                                                       import_graph)
            if r.focus_node in subjects]


def check_problems(staged: ox.Store, query_dir: Path, subjects: set[str], file_name: str,
                   locate: Locator) -> list[Problem]:
    """Run every quality check on import + context; keep rows about the import."""
    store = EmbeddedStore.wrap(staged)
    problems = []
    for path in check_files(query_dir):
        text = path.read_text(encoding="utf-8")
        table = store.query(text)
        if isinstance(table, Table):
            problems += _check_rows(path.stem, _title(text, path.stem), table, subjects,
                                    file_name, locate)
    return problems


def _check_rows(name: str, title: str, table: Table, subjects: set[str], file_name: str,
                locate: Locator) -> list[Problem]:
    problems = []
    for record in table.records():
        values = {k: getattr(v, "value", "") for k, v in record.items() if v is not None}
        focus = next((v for v in values.values() if v in subjects), None)
        if focus is None:
            continue
        path = values.get("property") or CHECK_PATHS.get(name, "")
        others = [v for v in values.values() if v not in (focus, path)]
        value = others[0] if others else ""
        row, column, line, text = locate(focus, path, value)
        problems.append(Problem("Violation", title + ".", file_name, row, column, line,
                                text or ", ".join(others), focus, path, name, "quality check"))
    return problems


def _title(text: str, default: str) -> str:
    for line in text.splitlines():
        if line.startswith("#+ title:"):
            return line.split(":", 1)[1].strip()
    return default


DUPLICATES = """SELECT ?new ?old ?old_label WHERE {{
  VALUES (?new ?label ?town) {{ {rows} }}
  ?old <{label}> ?label ; <{locality}> ?place .
  FILTER(?old != ?new && LCASE(STR(?place)) = LCASE(STR(?town)))
  BIND(STR(?label) AS ?old_label)
}}"""


def duplicate_warnings(store: ox.Store, graph: Graph, file_name: str, locate: Locator,
                       safe: set[str]) -> list[Problem]:
    """A new workplace with the name and town of another one is likely a duplicate."""
    rows = []
    for node in set(graph.subjects(SKG.locality, None)):
        if str(node) not in safe or (node, RDF.type, None) not in graph:
            continue
        for label in graph.objects(node, RDFS.label):
            for town in graph.objects(node, SKG.locality):
                rows.append(f"({node.n3()} {label.n3()} {Literal(str(town)).n3()})")
    if not rows:
        return []
    query = DUPLICATES.format(rows=" ".join(rows), label=RDFS.label, locality=SKG.locality)
    problems = []
    for solution in store.query(query, use_default_graph_as_union=True):
        new, old = solution["new"].value, solution["old"].value
        row, column, line, _ = locate(new, str(RDFS.label), "")
        problems.append(Problem(
            "Warning", f"Likely duplicate: {solution['old_label'].value} ({old}) already "
            "has this name and town. Use its slug to add to it, or check that this is "
            "another workplace.", file_name, row, column, line, old, new, str(RDFS.label),
            "likely-duplicate", "warning"))
    return problems
