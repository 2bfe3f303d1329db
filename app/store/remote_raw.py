"""The few pyoxigraph.Store calls the import flow makes, answered by a remote server.

Imports validate an upload against the part of the store it refers to and
then add it as a new graph (app/imports): they read whole graphs, run
CONSTRUCT queries over the union of graphs, and `extend` the store with the
quads of one new graph. With SKG_STORE=remote those calls reach the server.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Any

import pyoxigraph as ox

from app.store import Table, Triples

if TYPE_CHECKING:
    from app.store.remote import RemoteStore


class RemoteRaw:
    """Stands where the import flow expects the embedded `pyoxigraph.Store`."""

    def __init__(self, remote: RemoteStore) -> None:
        self.remote = remote

    def quads_for_pattern(self, subject: Any, predicate: Any, object: Any,
                          graph_name: ox.NamedNode | None = None) -> Iterator[ox.Quad]:
        """Whole named graphs only (the one pattern imports use)."""
        if subject is not None or predicate is not None or object is not None or not isinstance(
                graph_name, ox.NamedNode):
            raise NotImplementedError("a remote store reads whole named graphs only")
        if graph_name.value not in self.remote.graphs():
            return iter(())
        return (ox.Quad(*t, graph_name) for t in self.remote.graph_triples(graph_name.value))

    def query(self, sparql: str, **_: Any) -> Iterable[Any]:
        """A CONSTRUCT's triples or a SELECT's rows (as dicts), over the app's graphs."""
        result = self.remote.query(sparql)
        if isinstance(result, Triples):
            return result.triples
        if isinstance(result, Table):
            return result.records()
        return [result]

    def extend(self, quads: Iterable[ox.Quad]) -> None:
        """Add the quads; each graph they name is written whole (imports make new graphs)."""
        by_graph: dict[str, list[ox.Triple]] = defaultdict(list)
        for quad in quads:
            if not isinstance(quad.graph_name, ox.NamedNode):
                raise ValueError("a remote store takes quads in named graphs only")
            by_graph[quad.graph_name.value].append(quad.triple)
        for graph, triples in by_graph.items():
            if graph in self.remote.graphs():
                triples = self.remote.graph_triples(graph) + triples
            data = ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES)
            self.remote.replace_graph(graph, data, format=ox.RdfFormat.N_TRIPLES)
