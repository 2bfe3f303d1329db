"""The Flask application: factory, server, and one blueprint per area."""

from __future__ import annotations

import atexit
import logging
import uuid
from collections.abc import Callable, Mapping
from typing import Any

from flask import Flask, current_app

from app.config import Settings, load_settings
from app.loading import build_store
from app.store.embedded import EmbeddedStore
from app.store.pool import QueryPool

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
    store = store or build_store(settings, progress)
    pool = QueryPool(store, workers=settings["SKG_QUERY_WORKERS"],
                     timeout=settings["SKG_QUERY_TIMEOUT"])
    atexit.register(pool.close)
    app.extensions["skg.settings"] = settings
    app.extensions["skg.pool"] = pool
    _register(app)
    return app


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


def store() -> QueryPool:
    """The store of the running app; every read goes through its query workers."""
    return current_app.extensions["skg.pool"]


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
