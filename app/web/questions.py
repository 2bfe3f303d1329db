"""Prepared questions: one page, JSON, CSV and an OpenAPI entry per `queries/*.rq` file.

The catalog is read when this blueprint is registered, so a broken question
stops the application from starting. Each request runs the question once into
a Table and renders it in the format asked for (the URL suffix wins over the
Accept header).
"""

from __future__ import annotations

from collections.abc import Mapping

from flask import Blueprint, Flask, Response, current_app, jsonify, render_template, request
from flask.blueprints import BlueprintSetupState

from app.errors import NotFound
from app.questions import ParameterError, QuerySpec, UnknownQuestion, load_catalog, run_question
from app.questions.formats import formats_for, render_result
from app.questions.openapi import openapi
from app.questions.page import index_groups, page_context, spec_summary
from app.questions.run import missing_params
from app.web import store

bp = Blueprint("questions", __name__)
CATALOG_KEY = "skg.catalog"


def _load(state: BlueprintSetupState) -> None:
    load_for(state.app)


bp.record_once(_load)


def load_for(app: Flask) -> Mapping[str, QuerySpec]:
    """Read the catalog once per app (raises QueryCatalogError for a bad file)."""
    if CATALOG_KEY not in app.extensions:
        app.extensions[CATALOG_KEY] = load_catalog(app.extensions["skg.settings"].query_dir)
    return app.extensions[CATALOG_KEY]


def catalog() -> Mapping[str, QuerySpec]:
    return load_for(current_app)


@bp.get("/questions/")
def index() -> str:
    return render_template("questions/index.html", groups=index_groups(catalog()))


@bp.get("/questions/index.json")
def index_json() -> Response:
    return jsonify({"questions": [spec_summary(spec) for spec in catalog().values()]})


@bp.get("/api/openapi.json")
def openapi_json() -> Response:
    return jsonify(openapi(catalog()))


@bp.get("/questions/<name>")
def show(name: str) -> Response | tuple[str, int, dict[str, str]]:
    slug, _, suffix = name.partition(".")
    spec = catalog().get(slug)
    if spec is None:
        raise UnknownQuestion(slug, sorted(catalog()))
    formats = formats_for(spec)
    fmt = suffix or _negotiate(formats)
    if fmt not in formats.values():
        known = ", ".join(sorted({f".{f}" for f in formats.values()} - {".html"}))
        raise NotFound(f"No format '{suffix}' for this question; use {known}.")
    if fmt == "html":
        return _html(spec)
    result = run_question(store(), spec, request.args.getlist)
    return render_result(spec, result, fmt, download=request.args.get("_dl") == "1")


def _negotiate(formats: Mapping[str, str]) -> str:
    best = request.accept_mimetypes.best_match(list(formats), default="text/html")
    return formats[best]


def _html(spec: QuerySpec) -> tuple[str, int, dict[str, str]]:
    result, error, status = None, None, 200
    if not missing_params(spec, request.args.getlist):
        try:
            result = run_question(store(), spec, request.args.getlist)
        except ParameterError as exc:
            error, status = exc, 400
    context = page_context(spec, request.args, result, error)
    fmt, alternate = next(iter(context["links"].items()))
    kind = "text/turtle" if fmt == "ttl" else "application/sparql-results+json"
    headers = {"Link": f'<{alternate}>; rel="alternate"; type="{kind}"'}
    html = render_template(["questions/" + spec.slug + ".html", "questions/question.html"],
                           **context)
    return html, status, headers
