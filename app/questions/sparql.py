"""What the catalog needs to know about a query body: form, projection, order, limit.

The body is parsed with rdflib (`prepareQuery`) with its `?_name` tokens in
place, as plain variables, and once more by pyoxigraph, the store that runs it.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

import pyoxigraph as ox
from pyparsing import ParseException
from rdflib.plugins.sparql import prepareQuery

from app.questions.errors import QueryCatalogError

FORMS: dict[str, Literal["select", "ask", "construct"]] = {
    "SelectQuery": "select", "AskQuery": "ask", "ConstructQuery": "construct",
}
_WRAPPERS = {"Slice", "Distinct", "Reduced", "Project"}


@dataclass(frozen=True)
class QueryInfo:
    form: Literal["select", "ask", "construct"]
    variables: tuple[str, ...]
    ordered: bool
    has_limit: bool


def inspect_query(path: Path, body: str) -> QueryInfo:
    try:
        algebra = prepareQuery(body).algebra
    except ParseException as exc:
        raise QueryCatalogError(path, f"SPARQL does not parse: line {exc.lineno}, column "
                                f"{exc.col}: {exc.msg}") from None
    except Exception as exc:  # rdflib raises plain Exception for unknown prefixes and more
        raise QueryCatalogError(path, f"SPARQL does not parse: {exc}") from None
    _check_with_oxigraph(path, body)
    form = FORMS.get(algebra.name)
    if form is None:
        raise QueryCatalogError(path, "only SELECT, ASK and CONSTRUCT questions are allowed")
    variables = tuple(str(v) for v in algebra.get("PV", [])) if form == "select" else ()
    chain = _top_chain(algebra.get("p"))
    return QueryInfo(form, variables, "OrderBy" in chain, "Slice" in chain)


def _top_chain(node: Any) -> list[str]:
    """Names of the algebra nodes at the top of the query, down to the first real one."""
    names = []
    while node is not None and getattr(node, "name", None):
        names.append(node.name)
        if node.name not in _WRAPPERS:
            break
        node = node.get("p")
    return names


def _check_with_oxigraph(path: Path, body: str) -> None:
    try:
        ox.Store().query(body)
    except SyntaxError as exc:
        raise QueryCatalogError(path, f"SPARQL does not parse (Oxigraph): {exc}") from None
