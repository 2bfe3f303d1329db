"""An OpenAPI 3 description of the questions' JSON and CSV API, built from the catalog."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from app.questions.catalog import QuerySpec
from app.questions.params import ParamSpec

SCHEMAS = {
    "iri": {"type": "string", "format": "uri"},
    "string": {"type": "string"},
    "lang-string": {"type": "string"},
    "integer": {"type": "integer"},
    "decimal": {"type": "number"},
    "date": {"type": "string", "format": "date"},
    "boolean": {"type": "boolean"},
    "choice": {"type": "string"},
}
ERROR_SCHEMA = {
    "type": "object",
    "required": ["ok", "status", "code", "error", "details"],
    "properties": {
        "ok": {"type": "boolean"}, "status": {"type": "integer"}, "code": {"type": "string"},
        "error": {"type": "string"}, "details": {"type": "object"},
    },
}


def openapi(catalog: Mapping[str, QuerySpec], *, version: str = "0.1.0") -> dict[str, Any]:
    paths = {f"/questions/{slug}.{{format}}": _path(spec) for slug, spec in catalog.items()}
    return {
        "openapi": "3.0.3",
        "info": {
            "title": "Solidarity Graph questions",
            "version": version,
            "description": "Prepared questions over the Solidarity Graph. Each answers as "
                           "SPARQL 1.1 results JSON (format json) or CSV (format csv).",
        },
        "paths": paths,
        "components": {"schemas": {"Error": ERROR_SCHEMA}},
    }


def _path(spec: QuerySpec) -> dict[str, Any]:
    fmt = {"name": "format", "in": "path", "required": True,
           "schema": {"type": "string", "enum": ["json", "csv"]}}
    return {"get": {
        "operationId": spec.slug.replace("-", "_"),
        "summary": spec.title,
        "description": spec.description + _columns_text(spec),
        "tags": list(spec.tags),
        "parameters": [fmt] + [_parameter(p) for p in spec.params],
        "responses": _responses(),
    }}


def _columns_text(spec: QuerySpec) -> str:
    if not spec.columns:
        return ""
    return "\n\nColumns:\n" + "\n".join(f"- `{c.name}`: {c.meaning}" for c in spec.columns)


def _parameter(param: ParamSpec) -> dict[str, Any]:
    schema: dict[str, Any] = dict(SCHEMAS[param.type])
    if param.choices and not param.multiple:
        schema["enum"] = list(param.choices)
    if param.default is not None and param.default != "today":
        schema["default"] = _typed(param, param.default)
    description = param.description or param.label
    if param.multiple:
        description += f" Comma-separated, each one of: {', '.join(param.choices)}."
    if param.default == "today":
        description += " Default: today's date."
    return {"name": param.name, "in": "query", "required": param.required,
            "description": description, "schema": schema,
            "example": _typed(param, param.example)}


def _typed(param: ParamSpec, text: str) -> Any:
    if param.type == "integer":
        return int(text)
    if param.type == "decimal":
        return float(text)
    if param.type == "boolean":
        return text.lower() in {"true", "1", "yes", "on"}
    return text


def _responses() -> dict[str, Any]:
    error = {"content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}}
    return {
        "200": {"description": "The answer, SPARQL 1.1 results as JSON or CSV.", "content": {
            "application/sparql-results+json": {"schema": {"type": "object"}},
            "text/csv": {"schema": {"type": "string"}},
        }},
        "400": {"description": "A parameter is missing or wrong.", **error},
        "504": {"description": "The question ran past the time limit.", **error},
    }
