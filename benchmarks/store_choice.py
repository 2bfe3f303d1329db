"""Measure the candidate embedded stores on the curated graph.

Run: python -m benchmarks.store_choice
Loads every curated file into pyoxigraph (in memory) and into rdflib's
in-memory Dataset, and times a load and a transitive ownership query on each.
"""

from __future__ import annotations

import statistics
import time

import pyoxigraph as ox
import rdflib

from app.config import load_settings
from app.loading import graph_files

QUERY = """
PREFIX skg: <https://w3id.org/solidarity-graph/ontology#>
SELECT ?org (COUNT(DISTINCT ?top) AS ?parents) WHERE {
  ?o skg:subsidiary ?org ; skg:parent ?p .
  ?p (^skg:subsidiary/skg:parent)* ?top .
} GROUP BY ?org ORDER BY ?org
"""


def timed(action, repeat: int = 5) -> float:
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        action()
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def load_oxigraph(files) -> ox.Store:
    store = ox.Store()
    for f in files:
        store.load(path=str(f.path), format=ox.RdfFormat.TURTLE, to_graph=ox.NamedNode(f.graph))
    return store


def load_rdflib(files) -> rdflib.Dataset:
    dataset = rdflib.Dataset(default_union=True)
    for f in files:
        dataset.graph(rdflib.URIRef(f.graph)).parse(f.path, format="turtle")
    return dataset


def main() -> None:
    files = graph_files(load_settings())
    ox_store, rd_store = load_oxigraph(files), load_rdflib(files)
    rows = [
        ("load, pyoxigraph in memory", timed(lambda: load_oxigraph(files))),
        ("load, rdflib Dataset", timed(lambda: load_rdflib(files), repeat=3)),
        ("ownership path query, pyoxigraph",
         timed(lambda: list(ox_store.query(QUERY, use_default_graph_as_union=True)))),
        ("ownership path query, rdflib", timed(lambda: list(rd_store.query(QUERY)), repeat=3)),
    ]
    print(f"{len(ox_store):,} quads in {len(files)} graphs")
    print("| step | median seconds |\n| --- | --- |")
    for name, seconds in rows:
        print(f"| {name} | {seconds:.4f} |")


if __name__ == "__main__":
    main()
