"""Everything `skg check` does, step by step, with progress."""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass

import pyoxigraph as ox
import rdflib

from app.checks.quality import CheckOutcome, run_checks
from app.checks.reasoner import ReasonerReport, check_consistency
from app.checks.shacl import ValidationReport, load_shapes, validate_graph
from app.config import Settings
from app.namespaces import GRAPH, sparql_prologue
from app.store import Table
from app.store.embedded import EmbeddedStore

Progress = Callable[[str], None]
ONTOLOGY_FILES = ("skg.ttl", "concepts.ttl", "jurisdictions.ttl")


@dataclass(frozen=True)
class CheckSummary:
    reasoner: ReasonerReport | None
    shacl: ValidationReport
    quality: tuple[CheckOutcome, ...]
    counts: dict[str, int]

    @property
    def ok(self) -> bool:
        reasoner_ok = self.reasoner is None or self.reasoner.ok
        return reasoner_ok and self.shacl.conforms and all(c.ok for c in self.quality)


def run_all(
    settings: Settings, store: EmbeddedStore, progress: Progress, *, reasoner: bool = True
) -> CheckSummary:
    report = (
        _timed(
            progress,
            "Reasoning over the ontology (HermiT)",
            lambda: check_consistency(ontology_files(settings)),
        )
        if reasoner
        else None
    )
    shacl = _timed(
        progress,
        "Validating the data against the shapes (pySHACL)",
        lambda: validate_store(settings, store),
    )
    quality = _timed(
        progress, "Running the quality checks", lambda: tuple(run_checks(store, settings.query_dir))
    )
    return CheckSummary(report, shacl, quality, count_flags(store))


def _timed(progress: Progress, label: str, step):  # type: ignore[no-untyped-def]
    progress(f"{label} ...")
    started = time.perf_counter()
    result = step()
    progress(f"{label}: done in {time.perf_counter() - started:.1f} s")
    return result


def ontology_files(settings: Settings) -> list:  # type: ignore[type-arg]
    return [settings.ontology_dir / name for name in ONTOLOGY_FILES]


def validate_store(settings: Settings, store: EmbeddedStore) -> ValidationReport:
    data = union_graph(store, exclude=(str(GRAPH["shapes"]),))
    shapes = load_shapes(settings.ontology_dir / "shapes.ttl")
    return validate_graph(data, shapes)


def union_graph(store: EmbeddedStore, *, exclude: tuple[str, ...] = ()) -> rdflib.Graph:
    """Every triple of every named graph but the excluded ones, as one rdflib graph."""
    skip = " ".join(f"<{g}>" for g in exclude)
    query = (
        f"CONSTRUCT {{ ?s ?p ?o }} WHERE {{ GRAPH ?g {{ ?s ?p ?o }} FILTER(?g NOT IN ({skip})) }}"
        if skip
        else "CONSTRUCT { ?s ?p ?o } WHERE { GRAPH ?g { ?s ?p ?o } }"
    )
    triples = store.raw.query(query)
    data = triples.serialize(format=ox.RdfFormat.N_TRIPLES)
    graph = rdflib.Graph()
    graph.parse(data=data, format="nt")
    return graph


FLAG_QUERY = (
    sparql_prologue()
    + """
SELECT
  (COUNT(DISTINCT ?u) AS ?unverified)
  (COUNT(DISTINCT ?e) AS ?estimates)
  (COUNT(DISTINCT ?d) AS ?demo_graphs)
WHERE {
  { ?u skg:unverified true } UNION { ?e skg:isEstimate true }
  UNION { ?d a skg:CuratedGraph ; skg:isDemonstration true }
}
"""
)


def count_flags(store: EmbeddedStore) -> dict[str, int]:
    table = store.query(FLAG_QUERY)
    assert isinstance(table, Table)
    row = table.rows[0]
    counts = {
        name: int(term.value) if term else 0
        for name, term in zip(table.variables, row, strict=True)
    }
    counts["triples"] = len(store)
    counts["graphs"] = len(store.graphs())
    return counts
