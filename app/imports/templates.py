"""CSV templates: the columns a curator fills and how a row becomes RDF.

Each template is `data/templates/<name>.yaml` (columns with type, required,
allowed values and description; nodes: the RDF a row yields) next to
`<name>.csv` (header and an example row). The mapping is declarative so that a
curator can read it, and it builds the same IRIs as the curated data.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from app.imports.errors import BadImportFile

CITE_MODES = ("optional", "required", "none")


@dataclass(frozen=True)
class Column:
    name: str
    type: str
    required: bool
    description: str
    allowed: tuple[str, ...] = ()


@dataclass(frozen=True)
class PropertyRule:
    predicate: str
    column: str
    kind: str
    when: str | None = None


@dataclass(frozen=True)
class NodeRule:
    subject: str
    class_rule: dict[str, Any] | str
    properties: tuple[PropertyRule, ...]
    when: str | None = None
    label: str | None = None
    cite: str = "optional"


@dataclass(frozen=True)
class Template:
    name: str
    title: str
    description: str
    columns: tuple[Column, ...]
    nodes: tuple[NodeRule, ...]

    @property
    def column_names(self) -> tuple[str, ...]:
        return tuple(c.name for c in self.columns)

    @property
    def required_columns(self) -> tuple[str, ...]:
        return tuple(c.name for c in self.columns if c.required)

    def column_of(self, predicate: str) -> str | None:
        for node in self.nodes:
            for rule in node.properties:
                if rule.predicate == predicate:
                    return rule.column.split("|")[0]
        return None


def template_dir(data_dir: Path) -> Path:
    return data_dir / "templates"


def load_templates(data_dir: Path) -> dict[str, Template]:
    """Every template in data/templates/, by name (the file stem)."""
    return {p.stem: _load(p) for p in sorted(template_dir(data_dir).glob("*.yaml"))}


def _load(path: Path) -> Template:
    spec = yaml.safe_load(path.read_text(encoding="utf-8"))
    columns = tuple(Column(c["name"], c["type"], bool(c["required"]), c["description"],
                           tuple(c.get("allowed", ()))) for c in spec["columns"])
    nodes = tuple(_node(n) for n in spec["nodes"])
    return Template(path.stem, spec["title"], spec["description"].strip(), columns, nodes)


def _node(spec: dict[str, Any]) -> NodeRule:
    properties = tuple(
        PropertyRule(predicate, rule["column"], rule["as"], rule.get("when"))
        for predicate, rule in spec.get("properties", {}).items())
    cite = spec.get("cite", "optional")
    if cite not in CITE_MODES:
        raise ValueError(f"cite must be one of {CITE_MODES}, not {cite!r}")
    return NodeRule(spec["subject"], spec["class"], properties, spec.get("when"),
                    spec.get("label"), cite)


def pick_template(templates: dict[str, Template], name: str | None, header: list[str],
                  file_name: str) -> Template:
    """The template named, or the one whose columns the header matches."""
    if name is not None:
        if name not in templates:
            raise BadImportFile(
                f"There is no template {name!r}; the templates are: "
                f"{', '.join(sorted(templates))}.", {"file": file_name})
        return templates[name]
    stem = Path(file_name).stem
    if stem in templates:
        return templates[stem]
    fitting = [t for t in templates.values() if set(header) <= set(t.column_names)
               and set(t.required_columns) <= set(header)]
    if len(fitting) == 1:
        return fitting[0]
    raise BadImportFile(
        f"{file_name}: say which template the file follows (--template NAME, or the "
        f"template choice on the upload page); the templates are: "
        f"{', '.join(sorted(templates))}.", {"file": file_name})
