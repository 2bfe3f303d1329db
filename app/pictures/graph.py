"""A small node-and-link graph that the network pictures draw (JSON-ready)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from app.pictures import entity_path

DEMO_NOTE = ("Demonstration data, not fact: the dashed links come from a made-up graph "
             "(skg:isDemonstration true).")


@dataclass
class Network:
    title: str
    focus: str | None = None
    nodes: dict[str, dict[str, Any]] = field(default_factory=dict)
    links: list[dict[str, Any]] = field(default_factory=list)

    def node(self, iri: str, label: str | None, kind: str, **extra: Any) -> None:
        """Add a node once; later calls only fill in what was missing."""
        known = self.nodes.setdefault(iri, {"id": iri, "url": entity_path(iri),
                                            "label": label or iri.rsplit("/", 1)[-1],
                                            "kind": kind, "focus": iri == self.focus})
        for key, value in extra.items():
            known.setdefault(key, value)

    def link(self, source: str, target: str, relation: str, **extra: Any) -> None:
        self.links.append({"source": source, "target": target, "relation": relation, **extra})

    @property
    def demonstration(self) -> bool:
        return any(link.get("demonstration") for link in self.links)

    def as_json(self) -> dict[str, Any]:
        return {"ok": True, "title": self.title, "focus": self.focus,
                "demonstration": self.demonstration,
                "notice": DEMO_NOTE if self.demonstration else None,
                "nodes": sorted(self.nodes.values(), key=lambda n: (not n["focus"], n["label"])),
                "links": self.links}


def year(value: str | None) -> int | None:
    """The year of an xsd:date or gYear text, else None."""
    return int(value[:4]) if value and value[:4].isdigit() else None
