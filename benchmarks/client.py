"""Send a question to a SPARQL server: through the app's remote backend when it exists.

The remote backend (app/store/remote.py, issue 9 section 3) is used when it
can be imported, so that the numbers include what the application adds;
otherwise the same query text goes straight to the server with SPARQLWrapper
(POST, explicit timeout).
"""

from __future__ import annotations

import importlib
from typing import Any

from benchmarks.timing import Runner


def app_remote_store(endpoint: str, timeout: float, dataset: str) -> Any | None:
    """The app's remote store for `endpoint`, or None when the app has none (yet).

    `dataset` is SKG_SPARQL_DATASET: "union" for a server that answers over the
    union of its graphs (Oxigraph server --union-default-graph), "explicit" to
    name the app's graphs in every request (Virtuoso, whose default graph also
    holds its system graphs).
    """
    try:
        module = importlib.import_module("app.store.remote")
        config = module.RemoteConfig(endpoint, timeout=timeout, row_limit=100_000_000,
                                     dataset=dataset)
        store = module.RemoteStore(config, cache_seconds=1e9)
    except (ImportError, AttributeError, TypeError):
        return None
    return store


def remote_runner(endpoint: str, timeout: float, dataset: str = "union") -> Runner:
    store = app_remote_store(endpoint, timeout, dataset)
    if store is not None:
        store.graphs()  # cached once before the timed children fork, as the app caches it
        return lambda sparql: _rows(store.query(sparql))
    from SPARQLWrapper import JSON, POST, SPARQLWrapper

    def run(sparql: str) -> int:
        client = SPARQLWrapper(endpoint)
        client.setMethod(POST)
        client.setTimeout(int(timeout) + 1)
        client.setReturnFormat(JSON)
        client.setQuery(sparql)
        answer = client.queryAndConvert()
        return len(answer["results"]["bindings"]) if "results" in answer else 1

    return run


def via_app() -> bool:
    return app_remote_store("http://127.0.0.1:1/query", 10.0, "union") is not None


def _rows(result: Any) -> int:
    rows = getattr(result, "rows", None)
    return len(rows) if rows is not None else 1
