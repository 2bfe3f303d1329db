"""The question catalog: every `queries/*.rq` file, read and checked once.

A file is valid SPARQL with a YAML header in `#+ ` comment lines (grlc's
idea). Anything wrong raises QueryCatalogError naming the file, so the
application does not start with a broken question.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType
from typing import Any, Literal

import yaml

from app.questions.errors import QueryCatalogError
from app.questions.header import Column, parse_header, split_header
from app.questions.params import ParamSpec
from app.questions.sparql import inspect_query
from app.questions.tokens import hidden_params, param_names

SLUG = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
RESERVED = {"index"}


@dataclass(frozen=True)
class QuerySpec:
    slug: str
    title: str
    description: str
    tags: tuple[str, ...]
    params: tuple[ParamSpec, ...]
    form: Literal["select", "ask", "construct"]
    sparql: str
    columns: tuple[Column, ...]
    limit: int | None = None
    chart: MappingProxyType[str, Any] = field(default_factory=lambda: MappingProxyType({}))
    has_limit: bool = False

    def param(self, name: str) -> ParamSpec:
        return next(p for p in self.params if p.name == name)

    def meaning(self, column: str) -> str:
        return next((c.meaning for c in self.columns if c.name == column), column)


def load_catalog(folder: Path) -> MappingProxyType[str, QuerySpec]:
    """Every `*.rq` file directly in `folder` (not `checks/`), keyed by slug."""
    if not folder.is_dir():
        raise QueryCatalogError(folder, "the query folder does not exist")
    specs = [load_spec(path) for path in sorted(folder.glob("*.rq"))]
    return MappingProxyType({spec.slug: spec for spec in specs})


def load_spec(path: Path) -> QuerySpec:
    slug = path.stem
    if not SLUG.match(slug) or slug in RESERVED:
        raise QueryCatalogError(path, "the file name must be a kebab-case slug, not 'index'")
    try:
        header_text, body = split_header(path.read_text(encoding="utf-8"))
        header = parse_header(header_text)
    except (yaml.YAMLError, ValueError, TypeError, UnicodeDecodeError) as exc:
        raise QueryCatalogError(path, f"bad header: {exc}") from None
    _check_params(path, header["params"], body)
    info = inspect_query(path, body)
    columns = header["columns"]
    if info.form == "select":
        _check_columns(path, columns, info.variables)
        if not info.ordered:
            raise QueryCatalogError(path, "a SELECT question needs ORDER BY (stable results)")
    _check_chart(path, header["chart"], columns)
    return QuerySpec(
        slug=slug, title=header["title"], description=header["description"],
        tags=header["tags"], params=header["params"], form=info.form, sparql=body,
        columns=columns, limit=header["limit"], chart=MappingProxyType(header["chart"]),
        has_limit=info.has_limit,
    )


def _check_params(path: Path, params: tuple[ParamSpec, ...], body: str) -> None:
    hidden = hidden_params(body)
    if hidden:
        raise QueryCatalogError(path, f"{hidden[0]!r} is inside an IRI, string or comment; "
                                "parameters must be plain variables in the query")
    declared = {p.name for p in params}
    used = param_names(body)
    if declared - used:
        raise QueryCatalogError(path, f"parameter '{sorted(declared - used)[0]}' is declared "
                                "but ?_" f"{sorted(declared - used)[0]} is not in the query")
    if used - declared:
        name = sorted(used - declared)[0]
        raise QueryCatalogError(path, f"?_{name} is in the query but no parameter '{name}' "
                                "is declared under params")


def _check_columns(path: Path, columns: tuple[Column, ...], variables: tuple[str, ...]) -> None:
    names = tuple(c.name for c in columns)
    if names != variables:
        raise QueryCatalogError(path, f"columns {list(names)} do not match the projected "
                                f"variables {list(variables)}")


def _check_chart(path: Path, chart: dict[str, Any], columns: tuple[Column, ...]) -> None:
    names = {c.name for c in columns}
    for key in ("x", "y", "rows", "columns", "values"):
        if key in chart and chart[key] not in names:
            raise QueryCatalogError(path, f"chart {key} '{chart[key]}' is not a column")
