"""What the question pages show: the index groups, the form fields, the result cells."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from flask import url_for
from werkzeug.datastructures import MultiDict

from app.questions.catalog import QuerySpec
from app.questions.errors import ParameterError
from app.questions.params import ParamSpec
from app.questions.present import bar_chart, pivot, rows_of_cells
from app.store import QueryResult, Table, Triples

INPUT_TYPES = {"integer": "number", "decimal": "number", "date": "date", "iri": "url"}


@dataclass(frozen=True)
class Field:
    param: ParamSpec
    input_type: str
    value: str
    selected: tuple[str, ...]


def index_groups(catalog: Mapping[str, QuerySpec]) -> list[tuple[str, list[QuerySpec]]]:
    """Questions grouped by tag (a question appears under each of its tags)."""
    groups: dict[str, list[QuerySpec]] = {}
    for spec in catalog.values():
        for tag in spec.tags or ("other",):
            groups.setdefault(tag, []).append(spec)
    return [(tag, sorted(specs, key=lambda s: s.title)) for tag, specs in sorted(groups.items())]


def spec_summary(spec: QuerySpec) -> dict[str, Any]:
    return {
        "slug": spec.slug, "title": spec.title, "description": spec.description,
        "tags": list(spec.tags), "form": spec.form,
        "params": [_param_summary(p) for p in spec.params],
        "columns": [{"name": c.name, "meaning": c.meaning} for c in spec.columns],
        "chart": dict(spec.chart) or None,
        "url": url_for("questions.show", name=spec.slug),
        "json": url_for("questions.show", name=spec.slug + ".json"),
        "csv": url_for("questions.show", name=spec.slug + ".csv"),
    }


def _param_summary(param: ParamSpec) -> dict[str, Any]:
    return {"name": param.name, "type": param.type, "label": param.label,
            "description": param.description, "required": param.required,
            "default": param.default, "example": param.example,
            "choices": list(param.choices) or None, "multiple": param.multiple}


def fields(spec: QuerySpec, args: MultiDict[str, str]) -> list[Field]:
    out = []
    for param in spec.params:
        given = [v for v in args.getlist(param.name) if v.strip()]
        value = ",".join(given) if given else param.default_text()
        selected = tuple(v.strip() for v in value.split(",")) if param.multiple else (value,)
        input_type = "select" if param.type in ("choice", "boolean") else \
            INPUT_TYPES.get(param.type, "text")
        out.append(Field(param, input_type, value, selected))
    return out


def page_context(spec: QuerySpec, args: MultiDict[str, str], result: QueryResult | None,
                 error: ParameterError | None) -> dict[str, Any]:
    query = args.to_dict(flat=False)
    formats = ("ttl",) if spec.form == "construct" else ("json", "csv")
    links = {fmt: url_for("questions.show", name=f"{spec.slug}.{fmt}", **query)
             for fmt in formats}
    context: dict[str, Any] = {
        "spec": spec, "fields": fields(spec, args), "links": links, "error": error,
        "result": result, "table": None, "rows": [], "pivot": None, "asked": result is not None,
        "triples": result.triples if isinstance(result, Triples) else None, "bars": None,
    }
    if isinstance(result, Table):
        context.update(table=result, rows=rows_of_cells(result), pivot=_pivot(spec, result),
                       bars=_bars(spec, result))
    return context


def _pivot(spec: QuerySpec, table: Table) -> Any:
    chart = spec.chart
    if chart.get("type") != "pivot":
        return None
    return pivot(table, chart["rows"], chart["columns"], chart["values"],
                 spec.meaning(chart["rows"]))


def _bars(spec: QuerySpec, table: Table) -> Any:
    chart = spec.chart
    if chart.get("type") not in ("bar", "line") or not table.rows:
        return None
    return bar_chart(table, chart["x"], chart["y"])
