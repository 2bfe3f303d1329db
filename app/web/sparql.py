"""The SPARQL 1.1 Protocol endpoint (/sparql) and the query page for people."""

from __future__ import annotations

from flask import Blueprint, Response, current_app, render_template, request, url_for

from app.errors import SkgError
from app.protocol import QueryRequest, check_query, is_truncated, negotiate, read_request
from app.service_description import describe_service
from app.store import QueryResult, Table
from app.web import settings, store

bp = Blueprint("sparql", __name__)


def wants_html() -> bool:
    best = request.accept_mimetypes.best_match(
        ["text/html", "application/sparql-results+json", "text/turtle"])
    return best == "text/html" and request.accept_mimetypes["text/html"] > 0


@bp.route("/sparql", methods=["GET", "POST"])
def endpoint() -> Response | str:
    asked = read_request(request.method, request.mimetype, request.args, request.form,
                         request.get_data())
    if asked is None:
        return query_page("") if wants_html() else service_description()
    if wants_html():
        return html_answer(asked)
    checked = check_query(asked, store().graphs())
    result = run_free_query(checked)
    media, body = negotiate(result, request.accept_mimetypes)
    response = Response(body, mimetype=media)
    if is_truncated(result):
        limit = settings()["SKG_ROW_LIMIT"]
        response.headers["SKG-Results-Truncated"] = str(limit)
        response.headers["Warning"] = f'199 - "results cut at the row limit of {limit}"'
    return response


def run_free_query(checked: QueryRequest) -> QueryResult:
    """Free-form queries share a capped number of workers, so pages keep answering."""
    with current_app.extensions["skg.query_gate"]:
        return store().query(checked.query, dataset=checked.dataset)


def html_answer(asked: QueryRequest) -> str:
    """The query page with the results, or with what went wrong, keeping the query."""
    try:
        checked = check_query(asked, store().graphs())
        result = run_free_query(checked)
    except SkgError as exc:
        return query_page(asked.query, error=exc)
    return query_page(checked.query, result)


def service_description() -> Response:
    media, body = describe_service(url_for("sparql.endpoint", _external=True),
                                   store().graphs(), request.accept_mimetypes)
    return Response(body, mimetype=media)


def query_page(query: str, result: object = None, error: SkgError | None = None) -> str:
    return render_template(
        "sparql/query.html", query=query or DEFAULT_QUERY, error=error,
        table=result if isinstance(result, Table) else None,
        boolean=result if isinstance(result, bool) else None,
        triples=getattr(result, "triples", None), examples=examples(),
        row_limit=settings()["SKG_ROW_LIMIT"])


def examples() -> list[tuple[str, str]]:
    """Prepared questions, as (title, SPARQL), when the catalogue is loaded."""
    catalog = bp_catalog()
    return [(spec.title, spec.sparql) for spec in catalog.values()] if catalog else []


def bp_catalog():  # type: ignore[no-untyped-def]
    from flask import current_app

    return current_app.extensions.get("skg.catalog")


DEFAULT_QUERY = """PREFIX skg: <https://w3id.org/solidarity-graph/ontology#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
SELECT ?plant ?label ?country WHERE {
  ?plant a skg:AssemblyPlant ; rdfs:label ?label ; skg:country ?country .
}
ORDER BY ?country ?label
LIMIT 50
"""
