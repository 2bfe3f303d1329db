"""The Flask application: factory, server, and one blueprint per area."""

from __future__ import annotations

import atexit
import logging
import uuid
from collections.abc import Callable, Mapping
from typing import Any

from flask import Flask, current_app

from app import derived
from app.access import AccessPools, VisibleStore, private_graphs
from app.config import Settings, load_settings
from app.imports.watch import JournalWatch
from app.loading import build_store
from app.store.embedded import EmbeddedStore
from app.store.pool import QueryPool
from app.store.remote import RemoteStore
from app.store.remote_answers import where

Progress = Callable[[str], None]
log = logging.getLogger(__name__)


def create_app(
    test_config: Mapping[str, Any] | None = None,
    *,
    settings: Settings | None = None,
    store: EmbeddedStore | None = None,
    progress: Progress = lambda _: None,
) -> Flask:
    """Build the app: settings checked, store loaded, blueprints registered.

    Anything wrong with settings or data stops here, before serving.
    """
    app = Flask("app", template_folder="templates", static_folder="static")
    app.config.update(test_config or {})
    settings = settings or load_settings()
    pool = _backend(settings, store, progress)
    app.extensions["skg.settings"] = settings
    app.extensions["skg.pool"] = pool
    if isinstance(pool, QueryPool):
        access = AccessPools(pool, lambda copy: _pool(settings, copy))
        app.extensions["skg.access"] = access
        app.before_request(JournalWatch(settings, pool).sync)  # `skg import` while serving
        atexit.register(access.close)
    else:
        atexit.register(pool.close)
    _register(app)
    return app


def _backend(settings: Settings, store: EmbeddedStore | None,
             progress: Progress) -> QueryPool | RemoteStore:
    """The embedded store behind query workers, or a remote SPARQL server (SKG_STORE)."""
    if settings["SKG_STORE"] == "remote" and store is None:
        progress(f"Using the SPARQL server at {where(settings['SKG_SPARQL_URL'])}")
        return RemoteStore.from_settings(settings)
    store = store or build_store(settings, progress)
    return _pool(settings, store, on_change=derived.refresh)  # the public copy takes its paths


def _pool(settings: Settings, store: EmbeddedStore,
          on_change: Callable[[EmbeddedStore], Any] | None = None) -> QueryPool:
    return QueryPool(store, workers=settings["SKG_QUERY_WORKERS"],
                     timeout=settings["SKG_QUERY_TIMEOUT"], on_change=on_change)


def _register(app: Flask) -> None:
    from app.web import entities, errors, home, pictures, questions, security, sparql

    for module in (home, questions, sparql, entities):
        app.register_blueprint(module.bp)
    pictures.register(app)
    errors.register(app)
    from app.web import auth, imports

    auth.init_app(app)
    imports.init_app(app)
    config = app.extensions["skg.settings"]
    security.register(app, per_minute=config["SKG_RATE_LIMIT"],
                      query_slots=max(1, config["SKG_QUERY_WORKERS"] - 1))


def store() -> QueryPool | RemoteStore | VisibleStore:
    """The store as the current client may see it.

    Members see every graph; everyone else sees all but the private graphs
    (app/access.py). Query workers over the embedded store, or a server.
    """
    from app.web.auth import current_token

    token = current_token()
    member = token is not None and token.allows("member")
    access = current_app.extensions.get("skg.access")
    if access is not None:
        return access.for_member(member)
    backend = current_app.extensions["skg.pool"]
    return backend if member else VisibleStore(backend, hidden_graphs(backend))


def hidden_graphs(backend: QueryPool | RemoteStore) -> frozenset[str]:
    """Private graphs, found once per version of the data."""
    version = getattr(backend, "generation", 0)
    cached = current_app.extensions.get("skg.private_graphs")
    if cached is None or cached[0] != version:
        cached = (version, private_graphs(backend))
        current_app.extensions["skg.private_graphs"] = cached
    return cached[1]


def settings() -> Settings:
    return current_app.extensions["skg.settings"]


def run_server(app: Flask, host: str, port: int, progress: Progress) -> None:
    """Serve with waitress (a production WSGI server, pure Python)."""
    import waitress

    progress(f"Serving Solidarity Graph on http://{host}:{port}/ (Ctrl+C to stop)")
    waitress.serve(app, host=host, port=port, threads=8, ident="solidarity-graph",
                   _quiet=True)


def request_id() -> str:
    return uuid.uuid4().hex[:12]
