"""The embedded default backend: Oxigraph in this process (pyoxigraph).

Chosen by measurement (docs/decisions/0001-default-store.md): at 100k-1M
triples it answers our path-heavy questions 50-100x faster than rdflib's own
store and loads a million triples in about 3 s.
"""

from __future__ import annotations

import itertools
import re
from pathlib import Path

import pyoxigraph as ox

from app.errors import SparqlSyntaxError
from app.store import NO_ROW_LIMIT, DatasetSpec, QueryResult, Table, Triples, collector_paused

_POSITION = re.compile(r"(\d+):(\d+)")


class EmbeddedStore:
    """A pyoxigraph store, in memory (`path=None`) or on disk."""

    def __init__(self, path: Path | None = None, *, row_limit: int = 10_000) -> None:
        self._store = ox.Store(str(path)) if path else ox.Store()
        self.path = path
        self.row_limit = row_limit

    @classmethod
    def wrap(cls, store: ox.Store, *, row_limit: int = 10_000) -> EmbeddedStore:
        wrapped = cls.__new__(cls)
        wrapped._store, wrapped.path, wrapped.row_limit = store, None, row_limit
        return wrapped

    @property
    def raw(self) -> ox.Store:
        return self._store

    def query(self, sparql: str, *, timeout: float | None = None,
              dataset: DatasetSpec | None = None) -> QueryResult:
        try:
            result = self._store.query(sparql, **_dataset_arguments(dataset))
        except SyntaxError as exc:
            raise sparql_syntax_error(str(exc)) from None
        return convert_result(result, self.row_limit)

    def select_all(self, sparql: str) -> Table:
        """Every row of a SELECT over all graphs, past the row limit (derived data)."""
        table = convert_result(self._store.query(sparql, use_default_graph_as_union=True),
                               row_limit=NO_ROW_LIMIT)
        assert isinstance(table, Table)
        return table

    def replace_graph(self, graph: str, data: bytes, *, format: ox.RdfFormat,
                      trusted: bool = False) -> int:
        """Parse `data` apart first; only a whole, valid graph replaces the old one.

        `trusted` data (N-Triples generated here, such as derived graphs) is loaded
        straight in.
        """
        name = ox.NamedNode(graph)
        if trusted:
            self.drop_graph(graph)
            self._store.load(data, format=format, to_graph=name)
            return data.count(b"\n")  # generated N-Triples: one triple a line
        staged = ox.Store()
        staged.load(data, format=format, to_graph=name)
        quads = list(staged.quads_for_pattern(None, None, None, name))
        self.drop_graph(graph)
        self._store.extend(quads)  # one transaction
        return len(quads)

    def _has_graph(self, name: ox.NamedNode) -> bool:
        return self._store.contains_named_graph(name)

    def drop_graph(self, graph: str) -> None:
        name = ox.NamedNode(graph)
        if self._has_graph(name):
            self._store.remove_graph(name)

    def graphs(self) -> list[str]:
        return sorted(g.value for g in self._store.named_graphs())

    def __len__(self) -> int:
        return len(self._store)

    def dump(self, *, format: ox.RdfFormat) -> bytes:
        return self._store.dump(format=format)


def _dataset_arguments(dataset: DatasetSpec | None) -> dict[str, object]:
    if dataset is None or (dataset.default_graphs is None and dataset.named_graphs is None):
        return {"use_default_graph_as_union": True}
    arguments: dict[str, object] = {}
    if dataset.default_graphs is not None:
        arguments["default_graph"] = [ox.NamedNode(g) for g in dataset.default_graphs]
    else:
        arguments["use_default_graph_as_union"] = True
    if dataset.named_graphs is not None:
        arguments["named_graphs"] = [ox.NamedNode(g) for g in dataset.named_graphs]
    return arguments


def sparql_syntax_error(message: str) -> SparqlSyntaxError:
    """Turn pyoxigraph's parser message into an error with line and column."""
    match = _POSITION.search(message)
    details = {}
    if match:
        details = {"line": int(match.group(1)), "column": int(match.group(2))}
    where = f" at line {details['line']}, column {details['column']}" if details else ""
    reason = message.split(": ", 1)[-1] if match else message
    return SparqlSyntaxError(f"SPARQL syntax error{where}: {reason}", details)


def convert_result(result: object, row_limit: int) -> QueryResult:
    if isinstance(result, ox.QueryBoolean):
        return bool(result)
    with collector_paused():
        if isinstance(result, ox.QuerySolutions):
            return _table(result, row_limit)
        return _triples(result, row_limit)


def _table(solutions: ox.QuerySolutions, row_limit: int) -> Table:
    names = tuple(v.value for v in solutions.variables)
    # A solution iterates its values in the order of the variables, None when unbound.
    rows = tuple(map(tuple, itertools.islice(solutions, row_limit + 1)))
    if len(rows) > row_limit:
        return Table(names, rows[:row_limit], truncated=True)
    return Table(names, rows)


def _triples(triples: object, row_limit: int) -> Triples:
    collected = []
    for triple in triples:  # type: ignore[attr-defined]
        if len(collected) == row_limit:
            return Triples(tuple(collected), truncated=True)
        collected.append(triple)
    return Triples(tuple(collected))
