"""Render one question result as JSON, CSV or Turtle (the HTML page is in page.py)."""

from __future__ import annotations

import pyoxigraph as ox
from flask import Response

from app.questions.catalog import QuerySpec
from app.results import to_csv, to_json
from app.store import QueryResult, Triples

MEDIA_TYPES = {
    "text/html": "html",
    "application/sparql-results+json": "json",
    "application/json": "json",
    "text/csv": "csv",
    "text/turtle": "ttl",
}


def formats_for(spec: QuerySpec) -> dict[str, str]:
    """Media type -> format this question answers in (CONSTRUCT gives Turtle)."""
    wanted = {"html", "ttl"} if spec.form == "construct" else {"html", "json", "csv"}
    return {media: fmt for media, fmt in MEDIA_TYPES.items() if fmt in wanted}


def render_result(spec: QuerySpec, result: QueryResult, fmt: str, *,
                  download: bool = False) -> Response:
    if isinstance(result, Triples):
        body = ox.serialize(result.triples, format=ox.RdfFormat.TURTLE).decode()
        response = Response(body, mimetype="text/turtle")
        fmt = "ttl"
    elif fmt == "csv":
        response = Response(to_csv(result), mimetype="text/csv")
    else:
        response = Response(to_json(result), mimetype="application/sparql-results+json")
    if download:
        response.headers["Content-Disposition"] = f'attachment; filename="{spec.slug}.{fmt}"'
    return response
