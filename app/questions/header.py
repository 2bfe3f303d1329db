"""The `#+ ` YAML header of a question file: read, checked, turned into typed values.

Errors are raised as ValueError with a message naming the key; the catalog
adds the file name.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from typing import Any

import yaml

from app.questions.errors import ParameterError
from app.questions.params import LANGUAGE, NAME, TYPES, ParamSpec

# libyaml's safe loader when present: 10x faster than the pure-Python one.
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
HEADER_KEYS = {"title", "description", "tags", "params", "columns", "limit", "chart"}
PARAM_KEYS = {"name", "type", "label", "description", "required", "default", "example",
              "choices", "multiple", "lang"}
CHART_KEYS = {"type", "x", "y", "rows", "columns", "values"}
CHART_TYPES = {"bar", "line", "pivot"}


@dataclass(frozen=True)
class Column:
    name: str
    meaning: str


def split_header(text: str) -> tuple[str, str]:
    """The header (the `#+` prefix removed) and the SPARQL body after it."""
    lines = text.splitlines(keepends=True)
    count = 0
    while count < len(lines) and lines[count].startswith("#+"):
        count += 1
    header = "".join(_unprefix(line) for line in lines[:count])
    return header, "".join(lines[count:])


def _unprefix(line: str) -> str:
    rest = line[2:]
    return rest[1:] if rest.startswith(" ") else rest


def parse_header(text: str) -> dict[str, Any]:
    data = yaml.load(text, Loader=_LOADER) if text.strip() else None  # noqa: S506 - a safe loader
    if not isinstance(data, dict):
        raise ValueError("no `#+ ` YAML header with title and description at the top")
    unknown = sorted(set(data) - HEADER_KEYS)
    if unknown:
        raise ValueError(f"unknown key '{unknown[0]}' (allowed: {', '.join(sorted(HEADER_KEYS))})")
    for key in ("title", "description"):
        if not isinstance(data.get(key), str) or not data[key].strip():
            raise ValueError(f"'{key}' is required and must be text")
    return {
        "title": data["title"].strip(), "description": " ".join(data["description"].split()),
        "tags": tuple(_strings(data.get("tags", []), "tags")),
        "params": tuple(_param(item) for item in _list(data.get("params", []), "params")),
        "columns": tuple(_column(item) for item in _list(data.get("columns", []), "columns")),
        "limit": _limit(data.get("limit")), "chart": _chart(data.get("chart", {})),
    }


def _list(value: Any, key: str) -> list[Any]:
    if not isinstance(value, list):
        raise ValueError(f"'{key}' must be a list")
    return value


def _strings(value: Any, key: str) -> list[str]:
    items = _list(value, key)
    if not all(isinstance(item, str) for item in items):
        raise ValueError(f"'{key}' must be a list of words")
    return items


def _text(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, datetime.date):
        return value.isoformat()
    return "" if value is None else str(value)


def _param(item: Any) -> ParamSpec:
    if not isinstance(item, dict) or not isinstance(item.get("name"), str):
        raise ValueError("each entry of 'params' needs a name")
    name = item["name"]
    unknown = sorted(set(item) - PARAM_KEYS)
    if unknown:
        raise ValueError(f"parameter '{name}': unknown key '{unknown[0]}'")
    if not NAME.match(name) or item.get("type") not in TYPES:
        raise ValueError(f"parameter '{name}': needs a snake_case name and a type "
                         f"out of {', '.join(TYPES)}")
    spec = ParamSpec(
        name=name, type=item["type"], label=_text(item.get("label") or name),
        description=" ".join(_text(item.get("description")).split()),
        required=bool(item.get("required", "default" not in item)),
        default=_text(item["default"]) if "default" in item else None,
        example=_text(item.get("example")),
        choices=tuple(_text(choice) for choice in item.get("choices", [])),
        multiple=bool(item.get("multiple", False)), lang=_text(item.get("lang", "en")),
    )
    _check_param(spec)
    return spec


def _check_param(spec: ParamSpec) -> None:
    where = f"parameter '{spec.name}'"
    if (spec.type == "choice") != bool(spec.choices):
        raise ValueError(f"{where}: 'choices' goes with type choice, and only with it")
    if spec.multiple and spec.type != "choice":
        raise ValueError(f"{where}: 'multiple' is for choice parameters")
    if not LANGUAGE.match(spec.lang):
        raise ValueError(f"{where}: 'lang' is not a language tag")
    if not spec.example:
        raise ValueError(f"{where}: an 'example' value is required")
    if spec.required and spec.default is not None:
        raise ValueError(f"{where}: a required parameter has no default")
    for value in (spec.example, spec.default):
        if value and not (value == "today" and spec.type == "date"):
            try:
                spec.convert(value)
            except ParameterError as exc:
                raise ValueError(f"{where}: {value!r} is not valid: {exc.message}") from None


def _column(item: Any) -> Column:
    if not (isinstance(item, dict) and len(item) == 1):
        raise ValueError("each entry of 'columns' is 'name: what the column means'")
    ((name, meaning),) = item.items()
    if not isinstance(name, str) or not isinstance(meaning, str) or not meaning.strip():
        raise ValueError(f"column '{name}' needs a meaning in words")
    return Column(name, " ".join(meaning.split()))


def _limit(value: Any) -> int | None:
    if value is None:
        return None
    if not isinstance(value, int) or isinstance(value, bool) or value <= 0:
        raise ValueError("'limit' must be a whole number above 0")
    return value


def _chart(value: Any) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise ValueError("'chart' must be a mapping")
    unknown = sorted(set(value) - CHART_KEYS)
    if unknown:
        raise ValueError(f"chart: unknown key '{unknown[0]}'")
    if value and value.get("type") not in CHART_TYPES:
        raise ValueError(f"chart: 'type' must be one of {', '.join(sorted(CHART_TYPES))}")
    return dict(value)
