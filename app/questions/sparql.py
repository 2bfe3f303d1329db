"""What the catalog needs to know about a query body: form, projection, order, limit.

The body is run once against an empty Oxigraph store (the engine that
answers it): that checks the syntax and tells the form and the projected
variables in well under a millisecond. Whether the outermost query is
ordered or limited is read from the text after its WHERE clause, with
comments, strings and IRIs blanked out. (rdflib's parser took 1.5 s per
question here, 15 s for the catalog at every start.)
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

import pyoxigraph as ox

from app.questions.errors import QueryCatalogError

_NOISE = re.compile(r'#[^\n]*|"""[\s\S]*?"""|\'\'\'[\s\S]*?\'\'\'|"(?:[^"\\\n]|\\.)*"'
                    r"|'(?:[^'\\\n]|\\.)*'|<[^<>\"{}|^`\\\s]*>")


@dataclass(frozen=True)
class QueryInfo:
    form: Literal["select", "ask", "construct"]
    variables: tuple[str, ...]
    ordered: bool
    has_limit: bool


def inspect_query(path: Path, body: str) -> QueryInfo:
    try:
        result = ox.Store().query(body)
    except SyntaxError as exc:
        raise QueryCatalogError(path, f"SPARQL does not parse: {exc}") from None
    form, variables = _form(path, result)
    tail = _solution_modifiers(body)
    return QueryInfo(form, variables, bool(re.search(r"\bORDER\s+BY\b", tail, re.I)),
                     bool(re.search(r"\bLIMIT\b", tail, re.I)))


def _form(path: Path, result: object) -> tuple[Literal["select", "ask", "construct"],
                                                tuple[str, ...]]:
    if isinstance(result, ox.QuerySolutions):
        return "select", tuple(v.value for v in result.variables)
    if isinstance(result, ox.QueryBoolean):
        return "ask", ()
    if isinstance(result, ox.QueryTriples):
        return "construct", ()
    raise QueryCatalogError(path, "only SELECT, ASK and CONSTRUCT questions are allowed")


def _solution_modifiers(body: str) -> str:
    """The text after the outermost closing brace: ORDER BY, LIMIT, OFFSET, VALUES."""
    text = _NOISE.sub(" ", body)
    depth, end = 0, 0
    for index, char in enumerate(text):
        if char == "{":
            depth += 1
        elif char == "}":
            depth -= 1
            if depth == 0:
                end = index
    return text[end + 1:]
