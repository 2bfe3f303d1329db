"""The part of the store an import refers to, so validation never reads it all.

An import is validated together with: the ontology, code lists and
jurisdictions (class hierarchy, concept schemes, country bounds); everything
the store says about the nodes the import describes or points at (their types
for sh:class, their existing values for maxCount); and the other ownership
periods of any subsidiary it names (for the overlap check). Each is an
indexed lookup, so the cost follows the size of the import, not of the store.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

import pyoxigraph as ox
from rdflib import Graph, URIRef

from app.namespaces import BASE, GRAPH, SKG

SHARED_GRAPHS = ("ontology", "concepts", "jurisdictions")
CHUNK = 400
_SAFE_IRI = re.compile(r'^[^<>"{}|^`\\\s]+$')


def nodes_of(graph: Graph) -> tuple[set[str], set[str]]:
    """(subjects the import describes, IRIs of ours it points at)."""
    subjects = {str(s) for s in graph.subjects() if isinstance(s, URIRef)
                and _SAFE_IRI.match(s)}
    references = {str(o) for o in graph.objects() if isinstance(o, URIRef)
                  and str(o).startswith(BASE + "id/") and _SAFE_IRI.match(o)}
    return subjects, references - subjects


def fetch_context(store: ox.Store, graph: Graph, into: ox.Store, name: str,
                  nodes: tuple[set[str], set[str]]) -> int:
    """Copy the triples of `store` that validating `graph` needs into graph `name` of `into`;
    `nodes` are the graph's (subjects, references) from `nodes_of`."""
    subjects, references = nodes
    target = ox.NamedNode(name)
    before = len(into)
    for shared in SHARED_GRAPHS:
        _add(into, target, store.quads_for_pattern(None, None, None,
                                                   ox.NamedNode(str(GRAPH[shared]))))
    for chunk in _chunks(sorted(subjects | references)):
        _add(into, target, store.query(_describe(chunk), use_default_graph_as_union=True))
    subsidiaries = {str(o) for o in graph.objects(None, URIRef(str(SKG.subsidiary)))}
    subsidiaries &= subjects | references
    for chunk in _chunks(sorted(subsidiaries)):
        _add(into, target, store.query(_ownerships(chunk), use_default_graph_as_union=True))
    return len(into) - before


def _describe(iris: list[str]) -> str:
    values = " ".join(f"<{iri}>" for iri in iris)
    return f"CONSTRUCT {{ ?x ?p ?o }} WHERE {{ VALUES ?x {{ {values} }} ?x ?p ?o }}"


def _ownerships(iris: list[str]) -> str:
    values = " ".join(f"<{iri}>" for iri in iris)
    return (f"CONSTRUCT {{ ?own ?p ?o }} WHERE {{ VALUES ?x {{ {values} }} "
            f"?own <{SKG.subsidiary}> ?x ; ?p ?o }}")


def _chunks(items: list[str]) -> Iterable[list[str]]:
    for start in range(0, len(items), CHUNK):
        yield items[start:start + CHUNK]


def _add(into: ox.Store, graph: ox.NamedNode, triples: Iterable) -> None:  # type: ignore[type-arg]
    into.extend([ox.Quad(t.subject, t.predicate, t.object, graph) for t in triples])
