"""Bind a question's parameters and run it once; the caller renders the result.

An optional parameter left empty is not substituted: its `?_name` stays an
unbound variable, so a question written as
`BIND(?_country AS ?wanted) FILTER(!BOUND(?wanted) || ?code = ?wanted)`
does not filter on it. Nothing the user typed reaches the query text except
as a validated term in N-Triples syntax.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Protocol

import pyoxigraph as ox

from app.questions.catalog import QuerySpec
from app.questions.errors import ParameterError
from app.questions.params import term_n3
from app.questions.tokens import substitute
from app.store import QueryResult, Table

Getter = Callable[[str], list[str]]


class Runner(Protocol):
    def query(self, sparql: str, *, timeout: float | None = None) -> QueryResult: ...


@dataclass(frozen=True)
class Bound:
    """A question with its parameters bound: the terms and the query text to run."""

    spec: QuerySpec
    terms: Mapping[str, ox.NamedNode | ox.Literal | None]
    sparql: str


def bind(spec: QuerySpec, values: Getter | Mapping[str, str]) -> Bound:
    """Convert every parameter value (a missing one is an error naming it)."""
    get = values if callable(values) else _getter(values)
    missing = [p for p in spec.params if p.required and not "".join(get(p.name)).strip()]
    if missing:
        names = ", ".join(p.name for p in missing)
        raise ParameterError(missing[0].name, f"a value is required (missing: {names})",
                             missing[0].example)
    terms = {p.name: p.convert(",".join(get(p.name))) for p in spec.params}
    texts = {name: term_n3(term) for name, term in terms.items() if term is not None}
    sparql = substitute(spec.sparql, texts)
    if spec.limit and not spec.has_limit:
        sparql += f"\nLIMIT {spec.limit + 1}\n"
    return Bound(spec, terms, sparql)


def _getter(values: Mapping[str, str]) -> Getter:
    return lambda name: [values[name]] if values.get(name) else []


def missing_params(spec: QuerySpec, get: Getter) -> list[str]:
    """Required parameters without a value (the HTML page then shows only the form)."""
    return [p.name for p in spec.params if p.required and not "".join(get(p.name)).strip()]


def run_question(store: Runner, spec: QuerySpec, values: Getter | Mapping[str, str]) -> QueryResult:
    """Bind and run once; a result longer than the question's limit is cut and says so."""
    bound = bind(spec, values)
    result = store.query(bound.sparql)
    if isinstance(result, Table) and spec.limit and len(result.rows) > spec.limit:
        return Table(result.variables, result.rows[: spec.limit], truncated=True)
    return result
