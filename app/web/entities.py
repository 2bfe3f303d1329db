"""Entity pages (HTML, Turtle, JSON-LD), search, and the ontology documentation."""

from __future__ import annotations

from flask import Blueprint, Response, jsonify, make_response, render_template, request, url_for

from app.pages.entity import FORMATS, build_entity_page, entity_iri, entity_rdf
from app.pages.ontology import build_ontology_doc
from app.pages.search import MAX_LENGTH, SearchResult, SearchTextInvalid
from app.pages.search import search as run_search
from app.web import store

bp = Blueprint("entities", __name__)

MEDIA_TYPES = {"ttl": "text/turtle", "jsonld": "application/ld+json"}
ACCEPTED = {"text/html": "html", "text/turtle": "ttl", "application/ld+json": "jsonld",
            "application/json": "jsonld"}


@bp.get("/id/<path:rest>")
def show(rest: str) -> Response:
    rest, fmt = _format(rest)
    iri = entity_iri(rest)
    if fmt == "html":
        page = build_entity_page(store(), iri)
        response = make_response(render_template("entities/show.html", page=page))
    else:
        response = Response(entity_rdf(store(), iri, fmt), mimetype=MEDIA_TYPES[fmt])
    response.headers["Link"] = ", ".join(
        f'<{url_for("entities.show", rest=f"{rest}.{suffix}")}>; rel="alternate"; '
        f'type="{MEDIA_TYPES[suffix]}"' for suffix in FORMATS)
    response.vary.add("Accept")
    return response


def _format(rest: str) -> tuple[str, str]:
    """The entity address and the format asked for: a suffix wins over Accept."""
    for suffix in FORMATS:
        if rest.endswith("." + suffix):
            return rest[: -len(suffix) - 1], suffix
    best = request.accept_mimetypes.best_match(list(ACCEPTED), default="text/html")
    return rest, ACCEPTED[best or "text/html"]


@bp.get("/search")
def search() -> Response:
    result = run_search(store(), request.args.get("q", ""))
    response = make_response(render_template("entities/search.html", result=result,
                                             max_length=MAX_LENGTH))
    json_url = url_for("entities.search_json", q=result.query)
    response.headers["Link"] = f'<{json_url}>; rel="alternate"; type="application/json"'
    return response


@bp.get("/search.json")
def search_json() -> Response:
    result = run_search(store(), request.args.get("q", ""))
    if result.too_long:
        raise SearchTextInvalid(result.message or "", {"parameter": "q",
                                                       "max_length": MAX_LENGTH})
    return jsonify(_search_body(result))


def _search_body(result: SearchResult) -> dict:
    hits = [{"iri": h.iri, "label": h.label, "match": h.match, "demonstration": h.demo,
             "url": url_for("entities.show", rest=h.rest, _external=True),
             "types": [{"iri": t.iri, "label": t.text} for t in h.types]}
            for h in result.hits]
    return {"ok": True, "query": result.query, "count": len(hits), "results": hits,
            "truncated": result.truncated, "message": result.message}


@bp.get("/assets/entities.css")
def stylesheet() -> Response:
    """The pages' own styles, same-origin so the content security policy allows them."""
    response = make_response(render_template("entities/entities.css"))
    response.mimetype = "text/css"
    response.cache_control.max_age = 3600
    return response


@bp.get("/ontology")
def ontology() -> str:
    return render_template("entities/ontology.html", doc=build_ontology_doc(store()))
