"""One shape for every error: an HTML page for people, JSON for clients.

JSON body: {"ok": false, "status": int, "code": str, "error": str, "details": {}}.
5xx errors are logged with a request id; the backend's own text never leaks.
"""

from __future__ import annotations

import logging

from flask import Flask, Response, jsonify, render_template, request
from werkzeug.exceptions import HTTPException

from app.errors import SkgError

log = logging.getLogger(__name__)


DATA_SUFFIXES = (".json", ".csv", ".ttl", ".jsonld", ".nt", ".rdf")


def wants_json() -> bool:
    """JSON for data paths and for clients that do not take HTML; HTML for people."""
    path = request.path
    if path.endswith(DATA_SUFFIXES) or path.startswith("/api/"):
        return True
    accept = request.accept_mimetypes
    prefers_html = accept["text/html"] > 0 and accept.best_match(
        ["text/html", "application/json"]) == "text/html"
    if path.startswith("/sparql"):
        return not prefers_html
    takes_anything = not list(accept.values()) or accept.best == "*/*"
    if not takes_anything and not accept["text/html"]:
        return True
    return accept.best_match(["text/html", "application/json"]) == "application/json"


def error_response(status: int, code: str, message: str, details: dict | None = None) -> Response:
    body = {"ok": False, "status": status, "code": code, "error": message,
            "details": details or {}}
    if wants_json():
        response = jsonify(body)
    else:
        response = Response(render_template("errors/error.html", **body), mimetype="text/html")
    response.status_code = status
    if "retry_after_seconds" in body["details"]:
        response.headers["Retry-After"] = str(body["details"]["retry_after_seconds"])
    return response


def register(app: Flask) -> None:
    @app.errorhandler(SkgError)
    def on_skg_error(exc: SkgError) -> Response:
        return error_response(exc.status, exc.code, exc.message, exc.details)

    @app.errorhandler(HTTPException)
    def on_http_error(exc: HTTPException) -> Response:
        code = (exc.name or "error").lower().replace(" ", "-")
        return error_response(exc.code or 500, code, exc.description or exc.name)

    @app.errorhandler(Exception)
    def on_unexpected(exc: Exception) -> Response:
        from app.web import request_id

        rid = request_id()
        log.exception("Unexpected error (request %s)", rid)
        return error_response(500, "internal-error",
                              f"Something went wrong on our side (request {rid}).",
                              {"request_id": rid})
