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


def app_remote_store(endpoint: str, timeout: float) -> Any | None:
    """The app's remote store for `endpoint`, or None when the app has none (yet)."""
    try:
        module = importlib.import_module("app.store.remote")
    except ImportError:
        return None
    store_class = getattr(module, "RemoteStore", None)
    if store_class is None:
        return None
    try:
        return store_class(endpoint, timeout=timeout)
    except TypeError:
        return None


def remote_runner(endpoint: str, timeout: float) -> Runner:
    store = app_remote_store(endpoint, timeout)
    if store is not None:
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


def via_app(endpoint: str) -> bool:
    return app_remote_store(endpoint, 10.0) is not None


def _rows(result: Any) -> int:
    rows = getattr(result, "rows", None)
    return len(rows) if rows is not None else 1
