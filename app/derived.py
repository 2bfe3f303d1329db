"""Supply paths, derived from the supply flows whenever the data changes.

A supply path is a chain of one to three supply flows from a plant to an
assembly plant, with the interval in which every flow of the chain holds
(the latest start, the earliest end) and whether any flow is demonstration
data or unverified. The supply-chain questions read these paths instead of
joining the flows again for every question: at a million triples that join
took most of their time (docs/data-conventions.md, "Derived graphs").

The paths are computed here, in Python, from one plain query of the flows,
and written to their own graph, replaced whole after every load, import or
revert. Paths through a flow (or to an assembly plant) described in a
private graph go to a second, private graph, so the public never learns of
them; members read both. The questions' answers are the same as the plain
joins' (tests/test_benchmark.py compares them with benchmarks/reference/).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

import pyoxigraph as ox

from app.namespaces import GRAPH, PREFIXES, sparql_prologue

PUBLIC_GRAPH = str(GRAPH["derived-supply-paths"])
PRIVATE_GRAPH = str(GRAPH["derived-supply-paths-private"])
GRAPHS = (PUBLIC_GRAPH, PRIVATE_GRAPH)
MAX_STEPS = 3
_XSD, _SKG, _RDF, _RDFS = (PREFIXES[p] for p in ("xsd", "skg", "rdf", "rdfs"))

FLOWS = sparql_prologue() + """
SELECT ?flow ?supplier ?customer ?start ?end WHERE {
  ?flow a skg:SupplyFlow ; skg:supplierPlant ?supplier ; skg:customerPlant ?customer .
  OPTIONAL { ?flow skg:from ?start FILTER(DATATYPE(?start) = xsd:date) }
  OPTIONAL { ?flow skg:to ?end FILTER(DATATYPE(?end) = xsd:date) }
}
"""
# Simple sets, read apart: one query with a flag per flow was twice as slow.
DEMONSTRATION_FLOWS = sparql_prologue() + """
SELECT DISTINCT ?flow WHERE { ?g skg:isDemonstration true . GRAPH ?g { ?flow a skg:SupplyFlow } }
"""
UNVERIFIED = sparql_prologue() + "SELECT ?node WHERE { ?node skg:unverified true }"
ASSEMBLY_PLANTS = sparql_prologue() + "SELECT ?plant WHERE { ?plant a skg:AssemblyPlant }"
PRIVATE_SUBJECTS = sparql_prologue() + """
SELECT DISTINCT ?subject WHERE {
  GRAPH ?g { ?g skg:isPrivate true }
  GRAPH ?g { ?subject ?p ?o }
}
"""


@dataclass(frozen=True)
class Flow:
    supplier: Any
    customer: Any
    start: str | None  # the latest of its xsd:date starts, ISO text
    end: str | None  # the earliest of its xsd:date ends
    demonstration: bool
    unverified: bool
    to_assembly: bool
    private: bool


@dataclass(frozen=True)
class Path:
    supplier: Any
    assembly: Any
    steps: int
    start: str | None
    end: str | None
    demonstration: bool
    unverified: bool
    private: bool


def refresh(store: Any) -> int:
    """Recompute the supply paths of `store` and replace both derived graphs; the count."""
    paths = supply_paths(read_flows(store))
    for graph, private in ((PUBLIC_GRAPH, False), (PRIVATE_GRAPH, True)):
        chosen = [p for p in paths if p.private == private]
        if chosen:
            store.replace_graph(graph, ntriples(graph, chosen, private=private),
                                format=ox.RdfFormat.N_TRIPLES, trusted=True)
        else:
            store.drop_graph(graph)
    return len(paths)


def read_flows(store: Any) -> list[Flow]:
    demonstration, unverified, assembly, private = (
        _nodes(store, q) for q in (DEMONSTRATION_FLOWS, UNVERIFIED, ASSEMBLY_PLANTS,
                                   PRIVATE_SUBJECTS))
    dates: dict[tuple[Any, ...], tuple[set[str], set[str]]] = {}
    for flow, supplier, customer, start, end in store.select_all(FLOWS).rows:
        starts, ends = dates.setdefault((flow, supplier, customer), (set(), set()))
        starts.update([start.value] if start else [])
        ends.update([end.value] if end else [])
    return [Flow(supplier, customer, max(starts, default=None), min(ends, default=None),
                 flow in demonstration,
                 flow in unverified, customer in assembly,
                 flow in private or customer in private)
            for (flow, supplier, customer), (starts, ends) in dates.items()]


def _nodes(store: Any, sparql: str) -> set[Any]:
    return {row[0] for row in store.select_all(sparql).rows}


def supply_paths(flows: Iterable[Flow]) -> set[Path]:
    """Every chain of 1 to MAX_STEPS flows that ends at an assembly plant and can hold."""
    flows = list(flows)
    leaving: dict[Any, list[Flow]] = defaultdict(list)
    for flow in flows:
        leaving[flow.supplier].append(flow)
    paths: set[Path] = set()
    for first in flows:
        chains = [(first, 1, first.start, first.end, first.demonstration, first.unverified,
                   first.private)]
        while chains:
            last, steps, start, end, demonstration, unverified, private = chains.pop()
            if start and end and start > end:
                continue  # never holds on any day, nor does any longer chain
            if last.to_assembly:
                paths.add(Path(first.supplier, last.customer, steps, start, end,
                               demonstration, unverified, private))
            if steps < MAX_STEPS:
                chains += [(f, steps + 1, _later(start, f.start), _earlier(end, f.end),
                            demonstration or f.demonstration, unverified or f.unverified,
                            private or f.private) for f in leaving.get(last.customer, ())]
    return paths


def ntriples(graph: str, paths: Iterable[Path], *, private: bool) -> bytes:
    lines = [f"<{graph}> <{_RDF}type> <{_SKG}DerivedGraph> .",
             f"<{graph}> <{_RDFS}label> "
             f"\"Supply paths derived from the supply flows\"@en ."]
    if private:
        lines.append(f"<{graph}> <{_SKG}isPrivate> \"true\"^^<{_XSD}boolean> .")
    for number, path in enumerate(sorted(paths, key=_order)):
        node = f"_:path{number}"
        lines += [f"{node} <{_RDF}type> <{_SKG}SupplyPath> .",
                  f"{node} <{_SKG}pathSupplier> {path.supplier} .",
                  f"{node} <{_SKG}pathAssembly> {path.assembly} .",
                  f"{node} <{_SKG}steps> \"{path.steps}\"^^<{_XSD}integer> ."]
        if path.start:
            lines.append(f"{node} <{_SKG}from> \"{path.start}\"^^<{_XSD}date> .")
        if path.end:
            lines.append(f"{node} <{_SKG}to> \"{path.end}\"^^<{_XSD}date> .")
        if path.demonstration:
            lines.append(f"{node} <{_SKG}throughDemonstration> \"true\"^^<{_XSD}boolean> .")
        if path.unverified:
            lines.append(f"{node} <{_SKG}throughUnverified> \"true\"^^<{_XSD}boolean> .")
    return ("\n".join(lines) + "\n").encode()


def _order(path: Path) -> tuple[str, ...]:
    return (str(path.supplier), str(path.assembly), str(path.steps), path.start or "",
            path.end or "", str(path.demonstration), str(path.unverified))


def _later(a: str | None, b: str | None) -> str | None:
    return max(a, b) if a and b else a or b


def _earlier(a: str | None, b: str | None) -> str | None:
    return min(a, b) if a and b else a or b
