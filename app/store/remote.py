"""A remote SPARQL 1.1 server as the store (Oxigraph server, Virtuoso, Fuseki, GraphDB...).

It offers what the web application uses of the query pool (`query`, `graphs`,
`__len__`, `dump`, `write`) over the standard protocols: queries through
SPARQLWrapper (always POST, always a time limit), whole-graph writes through
the Graph Store Protocol (PUT, DELETE) or SPARQL Update.

Servers disagree on what the default graph is (Oxigraph server: an empty
graph unless started with --union-default-graph; Virtuoso: every graph it
holds, its own system graphs included). By default (SKG_SPARQL_DATASET=
explicit) every query without a dataset of its own is sent with the app's
graphs (those under the project's graph namespace) as `default-graph-uri` and
`named-graph-uri`: the same union of named graphs the embedded store uses, on
any server. Oxigraph evaluates such a dataset up to 10x slower than its
union default graph, so `union` trusts a server started that way instead.
"""

from __future__ import annotations

import re
import threading
import time
import warnings
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import pyoxigraph as ox
from SPARQLWrapper import BASIC, DIGEST, POST, SPARQLWrapper

from app import derived
from app.config import Settings
from app.errors import ConfigError, StoreUnavailable
from app.namespaces import GRAPH
from app.store import NO_ROW_LIMIT, DatasetSpec, QueryResult, Table
from app.store.remote_answers import check_headers, read_body, to_error, to_result, where
from app.store.remote_raw import RemoteRaw
from app.store.remote_writes import GraphWriter

_FROM_CLAUSE = re.compile(r"\bFROM\s+(NAMED\s+)?(<|[A-Za-z_][\w.-]*:|:)", re.IGNORECASE)
_PROLOGUE = re.compile(r"#[^\n]*|PREFIX\s*[\w.-]*:\s*<[^>]*>|BASE\s*<[^>]*>", re.IGNORECASE)
_FORM = re.compile(r"(SELECT|ASK|CONSTRUCT|DESCRIBE)\b", re.IGNORECASE)
_ACCEPT = {"SELECT": "application/sparql-results+json",
           "ASK": "application/sparql-results+json",
           "CONSTRUCT": "application/n-triples, text/turtle;q=0.8",
           "DESCRIBE": "application/n-triples, text/turtle;q=0.8"}
# The server's named graphs, cheapest way first. `GRAPH ?g {}` names them
# without reading a triple on Oxigraph server (at 5M triples: 0.00 s, where the
# scan takes 19 s) and on Jena; Virtuoso names none that way and gets the scan
# (0.04 s on the curated graph, 8 s at 5M; its plain scan without the FILTER
# is fast on a bulk-loaded store but takes 6 s on a small one, so it is not used).
GRAPH_NAMES_QUERY = "SELECT ?g WHERE { GRAPH ?g { } }"
GRAPH_SCAN_QUERY = f"""SELECT DISTINCT ?g WHERE {{ GRAPH ?g {{ ?s ?p ?o }}
  FILTER(STRSTARTS(STR(?g), "{GRAPH}")) }}"""
COUNT_QUERY = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"
QUADS_QUERY = "SELECT ?s ?p ?o WHERE { ?s ?p ?o }"
SLOW_FETCH_FACTOR = 20  # a graph list or size that took 8 s to get is kept 160 s


def query_form(sparql: str) -> str:
    """SELECT, ASK, CONSTRUCT or DESCRIBE: the first word after the prologue.

    Comments and PREFIX/BASE declarations are skipped; anything else is taken
    for a SELECT and left to the server to judge.
    """
    rest = sparql
    while True:
        rest = rest.lstrip()
        prologue = _PROLOGUE.match(rest)
        if not prologue:
            break
        rest = rest[prologue.end():]
    form = _FORM.match(rest)
    return form.group(1).upper() if form else "SELECT"


@dataclass(frozen=True)
class RemoteConfig:
    query_url: str
    update_url: str = ""
    gsp_url: str = ""
    user: str = ""
    password: str = ""
    auth: str = "basic"
    timeout: float = 10.0
    timeout_param: str = "none"
    row_limit: int = 10_000
    dataset: str = "explicit"

    @classmethod
    def from_settings(cls, settings: Settings) -> RemoteConfig:
        return cls(settings["SKG_SPARQL_URL"], settings["SKG_SPARQL_UPDATE_URL"],
                   settings["SKG_SPARQL_GSP_URL"], settings["SKG_SPARQL_USER"],
                   settings["SKG_SPARQL_PASSWORD"], settings["SKG_SPARQL_AUTH"],
                   settings["SKG_SPARQL_TIMEOUT"] or settings["SKG_QUERY_TIMEOUT"],
                   settings["SKG_SPARQL_TIMEOUT_PARAM"], settings["SKG_ROW_LIMIT"],
                   settings["SKG_SPARQL_DATASET"])


class RemoteStore:
    """The store interface of the web application, answered by a SPARQL server."""

    def __init__(self, config: RemoteConfig, *, cache_seconds: float = 10.0) -> None:
        self.config = config
        self.timeout = config.timeout
        self.cache_seconds = cache_seconds
        self._lock = threading.Lock()  # guards the cache
        self._write_lock = threading.Lock()  # one write at a time
        self._writes = 0
        self._cache: dict[str, tuple[float, Any, float]] = {}
        self._writer = GraphWriter(config)

    @classmethod
    def from_settings(cls, settings: Settings) -> RemoteStore:
        return cls(RemoteConfig.from_settings(settings))

    def query(self, sparql: str, *, timeout: float | None = None,
              dataset: DatasetSpec | None = None) -> QueryResult:
        return self._ask(sparql, timeout or self.timeout, dataset, self.config.row_limit)

    def select_all(self, sparql: str) -> Table:
        """Every row of a SELECT over all graphs, past the row limit (derived data)."""
        table = self._ask(sparql, max(self.timeout, 60.0), None, NO_ROW_LIMIT)
        assert isinstance(table, Table)
        return table

    def _ask(self, sparql: str, limit: float, dataset: DatasetSpec | None,
             row_limit: int) -> QueryResult:
        wrapper = self._wrapper(sparql, limit)
        if dataset is not None or (self.config.dataset == "explicit"
                                   and not _FROM_CLAUSE.search(sparql)):
            self._add_dataset(wrapper, dataset)
        return self._send(wrapper, limit, row_limit)

    def _wrapper(self, sparql: str, limit: float) -> SPARQLWrapper:
        wrapper = SPARQLWrapper(self.config.query_url)
        wrapper.setMethod(POST)
        wrapper.setOnlyConneg(True)  # no format=/output= parameters, only Accept
        wrapper.timeout = self._wait(limit)  # setTimeout() truncates to whole seconds
        with warnings.catch_warnings():  # it warns on forms it cannot tell; the server will
            warnings.simplefilter("ignore", RuntimeWarning)
            wrapper.setQuery(sparql)
        # SPARQLWrapper guesses the form from the first keyword anywhere (a word like
        # "load" in a comment makes a query an update, sent as update=): tell it.
        wrapper.queryType = query_form(sparql)
        wrapper.addCustomHttpHeader("Accept", _ACCEPT[wrapper.queryType])
        if self.config.user:
            wrapper.setCredentials(self.config.user, self.config.password)
            wrapper.setHTTPAuth(DIGEST if self.config.auth == "digest" else BASIC)
        if self.config.timeout_param != "none":
            scale = 1000 if self.config.timeout_param == "milliseconds" else 1
            wrapper.addParameter("timeout", str(max(1, round(limit * scale))))
        return wrapper

    def _wait(self, limit: float) -> float:
        """How long to wait: a server told the limit gets time to say it ran out."""
        return limit if self.config.timeout_param == "none" else limit * 1.5 + 2

    def _add_dataset(self, wrapper: SPARQLWrapper, dataset: DatasetSpec | None) -> None:
        ours = self.graphs() or [str(GRAPH)]  # no graph yet: an empty dataset
        defaults = dataset.default_graphs if dataset else None
        named = dataset.named_graphs if dataset else None
        for graph in ours if defaults is None else defaults:
            wrapper.addDefaultGraph(graph)
        for graph in ours if named is None else named:
            wrapper.addNamedGraph(graph)

    def _send(self, wrapper: SPARQLWrapper, limit: float, row_limit: int) -> QueryResult:
        started = time.monotonic()
        url = self.config.query_url
        try:
            response = wrapper.query().response
        except Exception as exc:
            raise to_error(exc, url, limit) from None
        try:
            check_headers(response.headers, limit)
            media_type = response.headers.get_content_type()
            body = read_body(response, self._wait(limit), started)
        except Exception as exc:
            raise to_error(exc, url, limit) from None
        finally:
            response.close()
        form = wrapper.queryType
        if form in {"SELECT", "ASK"} and "json" not in media_type:
            raise StoreUnavailable(
                f"The SPARQL server at {where(url)} answered in {media_type}, not SPARQL "
                "JSON results; is SKG_SPARQL_URL its query endpoint?", {"server": where(url)})
        return to_result(body, media_type, form, row_limit, limit)

    def graphs(self) -> list[str]:
        """The app's named graphs on the server (the project's graph namespace only)."""
        def fetch() -> list[str]:
            names = self._graph_names(GRAPH_NAMES_QUERY) or self._graph_names(GRAPH_SCAN_QUERY)
            return sorted(name for name in names if name.startswith(str(GRAPH)))
        return self._cached("graphs", fetch)

    def _graph_names(self, sparql: str) -> list[str]:
        table = self._send(self._wrapper(sparql, self.timeout), self.timeout, 1_000_000)
        assert isinstance(table, Table)
        return [row[0].value for row in table.rows if isinstance(row[0], ox.NamedNode)]

    def __len__(self) -> int:
        def fetch() -> int:
            wrapper = self._wrapper(COUNT_QUERY, self.timeout)
            self._add_dataset(wrapper, DatasetSpec((str(GRAPH),), None))
            table = self._send(wrapper, self.timeout, 1)
            assert isinstance(table, Table)
            count = table.rows[0][0] if table.rows else None
            return int(count.value) if count is not None else 0
        return self._cached("len", fetch)

    def _cached(self, key: str, fetch: Callable[[], Any]) -> Any:
        """`fetch()`'s value, kept for the cache period, or longer when fetching was slow:
        SLOW_FETCH_FACTOR times what it took (Virtuoso lists the graphs of 5M triples
        in 8 s, and explicit datasets need the list for every query)."""
        now = time.monotonic()
        with self._lock:
            hit = self._cache.get(key)
        if hit and now - hit[0] < max(self.cache_seconds, SLOW_FETCH_FACTOR * hit[2]):
            return hit[1]
        value = fetch()
        with self._lock:
            self._cache[key] = (now, value, time.monotonic() - now)
        return value

    @property
    def generation(self) -> tuple[int, int, int]:
        """A version of the data: it changes with every write made here, every change in
        the server's graph list and every cache period, so what callers derive from the
        data (which graphs are private) is found again when others change the server."""
        return (self._writes, hash(tuple(self.graphs())),
                int(time.monotonic() // self.cache_seconds))

    def forget(self) -> None:
        """Drop the cached graph list and size (after a write, or to see others' writes)."""
        with self._lock:
            self._cache.clear()

    def dump(self, *, format: ox.RdfFormat) -> bytes:
        """Every graph of the app with its name (graph by graph, no row limit)."""
        quads: list[ox.Quad] = []
        for graph in self.graphs():
            quads += [ox.Quad(*t, ox.NamedNode(graph)) for t in self.graph_triples(graph)]
        return ox.serialize(quads, format=format)

    def graph_triples(self, graph: str) -> list[ox.Triple]:
        wrapper = self._wrapper(QUADS_QUERY, max(self.timeout, 60.0))
        wrapper.addDefaultGraph(graph)
        table = self._send(wrapper, max(self.timeout, 60.0), NO_ROW_LIMIT)
        assert isinstance(table, Table)
        return [ox.Triple(*row) for row in table.rows]  # type: ignore[misc]

    def replace_graph(self, graph: str, data: bytes, *, format: ox.RdfFormat,
                      trusted: bool = False) -> int:
        """Replace (or create) a named graph on the server; parsed here first
        (`trusted` changes nothing here: the server takes the graph whole either way)."""
        count = self._writer.replace_graph(graph, data, format=format)
        self.forget()
        return count

    def drop_graph(self, graph: str) -> None:
        self._writer.drop_graph(graph)
        self.forget()

    def write(self, change: Callable[[RemoteStore], Any]) -> Any:
        """Apply a change (replace_graph, drop_graph) on the server, one at a time."""
        if not (self.config.gsp_url or self.config.update_url):
            raise ConfigError("Writing to the SPARQL server needs SKG_SPARQL_GSP_URL or "
                              "SKG_SPARQL_UPDATE_URL.")
        with self._write_lock:
            try:
                result = change(self)
                derived.refresh(self)
                return result
            finally:
                self._writes += 1
                self.forget()

    @property
    def store(self) -> RemoteStore:
        """What the import flow reaches as `store().store` (the pool's embedded store)."""
        return self

    @property
    def raw(self) -> RemoteRaw:
        """The pyoxigraph.Store calls the import flow makes, answered by the server."""
        return RemoteRaw(self)

    def close(self) -> None:
        """Nothing to stop: there are no local workers (the server holds the data)."""
