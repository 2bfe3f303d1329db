"""The data behind the pictures: map, networks, timeline, charts.

Each module runs one or a few SPARQL queries and turns the rows into plain,
JSON-ready records; the blueprints in app/web/ only serve them.
"""

from __future__ import annotations

import re
from typing import Any

from app.errors import SkgError
from app.namespaces import BASE
from app.store import Table

ID_BASE = BASE + "id/"
ENTITY_IRI = re.compile(r"^https://w3id\.org/solidarity-graph/id/[a-z-]+/[A-Za-z0-9._~-]+$")


class PictureParameterError(SkgError):
    """A picture was asked for with a missing or malformed parameter."""

    code = "bad-parameter"
    status = 400


def entity_path(iri: str) -> str | None:
    """The path of an entity page (/id/<type>/<slug>) for an IRI of the graph, else None."""
    return "/id/" + iri[len(ID_BASE):] if iri.startswith(ID_BASE) else None


def checked_iri(value: str | None, parameter: str = "iri") -> str:
    """An entity IRI from a request, refused unless it is one of the graph's own."""
    if not value or not ENTITY_IRI.match(value):
        raise PictureParameterError(f"'{parameter}' must be an entity IRI of this graph "
                         f"({ID_BASE}<type>/<slug>).", {"parameter": parameter})
    return value


def text(term: Any) -> str | None:
    return None if term is None else term.value


def records(table: Table) -> list[dict[str, str | None]]:
    """Rows as dicts of plain strings (None where unbound)."""
    return [{name: text(term) for name, term in row.items()} for row in table.records()]


def select(store: Any, sparql: str) -> Table:
    """Run a SELECT query of ours; anything but a table is a programming error."""
    result = store.query(sparql)
    if not isinstance(result, Table):
        raise TypeError("a picture query must be a SELECT query")
    return result
