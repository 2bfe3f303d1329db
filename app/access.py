"""Public and private graphs: what one client may see.

A graph is private when its own description says `skg:isPrivate true`
(campaign notes, target lists, contacts). Only members (and curators and
administrators) see private graphs.

With the embedded store, the public is served by query workers over a
second store that holds only the public graphs: the private graphs are not
in that process's data at all, so no query (GRAPH ?g, FROM, DESCRIBE, a
parameter pointing at a private IRI) can reach them from the SPARQL
endpoint, questions, pages, search, pictures or downloads. The copy exists
only while private graphs do, and is brought up to date after every write.
(Restricting a shared store with an explicit dataset per query was measured
10x slower on the supply-chain questions, so it is kept only for a remote
server: `VisibleStore`.)
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pyoxigraph as ox

from app.namespaces import sparql_prologue
from app.store import DatasetSpec, QueryResult, Table
from app.store.embedded import EmbeddedStore
from app.store.pool import QueryPool

PRIVATE_GRAPHS = sparql_prologue() + """
SELECT DISTINCT ?g WHERE { GRAPH ?g { ?g skg:isPrivate true } } ORDER BY ?g
"""


def private_graphs(backend: Any) -> frozenset[str]:
    table = backend.query(PRIVATE_GRAPHS)
    assert isinstance(table, Table)
    return frozenset(row[0].value for row in table.rows)


def public_copy(full: EmbeddedStore, private: frozenset[str]) -> list[ox.Quad]:
    """Every quad of `full` outside the private graphs."""
    return [q for g in full.raw.named_graphs() if g.value not in private
            for q in full.raw.quads_for_pattern(None, None, None, g)]


class AccessPools:
    """The members' pool over every graph, and the public's pool without the private ones."""

    def __init__(self, full: QueryPool, make_pool: Callable[[EmbeddedStore], QueryPool]) -> None:
        self.full = full
        self.public = full
        self._make_pool = make_pool
        full.after_write.append(self.refresh_public)
        self.refresh_public()

    def for_member(self, member: bool) -> QueryPool:
        return self.full if member else self.public

    def refresh_public(self) -> None:
        private = private_graphs(self.full)
        if not private:
            self._drop_public()
            return
        quads = public_copy(self.full.store, private)
        if self.public is self.full:
            copy = EmbeddedStore(row_limit=self.full.store.row_limit)
            copy.raw.extend(quads)
            self.public = self._make_pool(copy)
        else:
            self.public.write(lambda store: _replace_all(store, quads))

    def _drop_public(self) -> None:
        if self.public is not self.full:
            old, self.public = self.public, self.full
            old.close()

    def close(self) -> None:
        self._drop_public()
        self.full.close()


def _replace_all(store: EmbeddedStore, quads: list[ox.Quad]) -> None:
    store.raw.clear()
    store.raw.extend(quads)


class VisibleStore:
    """A read view of a remote `backend` without the `hidden` graphs (explicit datasets)."""

    def __init__(self, backend: Any, hidden: frozenset[str]) -> None:
        self.backend = backend
        self.hidden = hidden
        self._visible: list[str] | None = None

    def graphs(self) -> list[str]:
        if self._visible is None:
            self._visible = [g for g in self.backend.graphs() if g not in self.hidden]
        return self._visible

    def query(self, sparql: str, *, timeout: float | None = None,
              dataset: DatasetSpec | None = None) -> QueryResult:
        return self.backend.query(sparql, timeout=timeout, dataset=self.restrict(dataset))

    def restrict(self, dataset: DatasetSpec | None) -> DatasetSpec:
        """The requested dataset, cut down to the visible graphs (all of them by default)."""
        visible = self.graphs()
        allowed = set(visible)
        default = visible if dataset is None or dataset.default_graphs is None \
            else [g for g in dataset.default_graphs if g in allowed]
        named = visible if dataset is None or dataset.named_graphs is None \
            else [g for g in dataset.named_graphs if g in allowed]
        return DatasetSpec(tuple(default), tuple(named))

    def __len__(self) -> int:
        table = self.query("SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }")
        assert isinstance(table, Table)
        return int(table.rows[0][0].value)

    def write(self, change: Any) -> Any:
        return self.backend.write(change)
