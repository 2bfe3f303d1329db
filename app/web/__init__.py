"""The Flask application: factory, server, and one blueprint per area."""

from __future__ import annotations

import logging
import uuid
from collections.abc import Callable, Mapping
from typing import Any

from flask import Flask

from app.config import Settings, load_settings
from app.loading import open_store
from app.store.embedded import EmbeddedStore

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
    app.extensions["skg.settings"] = settings
    app.extensions["skg.store"] = store or open_store(settings, progress)
    _register(app)
    return app


def _register(app: Flask) -> None:
    from app.web import errors, home

    app.register_blueprint(home.bp)
    errors.register(app)


def current_store(app: Flask) -> EmbeddedStore:
    return app.extensions["skg.store"]


def run_server(app: Flask, host: str, port: int, progress: Progress) -> None:
    """Serve with waitress (a production WSGI server, pure Python)."""
    import waitress

    progress(f"Serving Solidarity Graph on http://{host}:{port}/ (Ctrl+C to stop)")
    waitress.serve(app, host=host, port=port, threads=8, ident="solidarity-graph",
                   _quiet=True)


def request_id() -> str:
    return uuid.uuid4().hex[:12]
