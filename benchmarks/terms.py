"""N-Triples terms and a streaming, counting writer for the synthetic data.

Terms are plain strings already in N-Triples syntax, so writing a triple is
one string join: fast enough for millions of lines.
"""

from __future__ import annotations

from typing import TextIO

BASE = "https://w3id.org/solidarity-graph/"
XSD = "http://www.w3.org/2001/XMLSchema#"
RDF_TYPE = "<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>"
LABEL = "<http://www.w3.org/2000/01/rdf-schema#label>"
SOURCE = "<http://purl.org/dc/terms/source>"
TITLE = "<http://purl.org/dc/terms/title>"
DESCRIPTION = "<http://purl.org/dc/terms/description>"
PUBLISHER = "<http://purl.org/dc/terms/publisher>"
ISSUED = "<http://purl.org/dc/terms/issued>"
IS_PART_OF = "<http://purl.org/dc/terms/isPartOf>"
PREF_LABEL = "<http://www.w3.org/2004/02/skos/core#prefLabel>"
IN_SCHEME = "<http://www.w3.org/2004/02/skos/core#inScheme>"
CONCEPT = "<http://www.w3.org/2004/02/skos/core#Concept>"
LAT = "<http://www.w3.org/2003/01/geo/wgs84_pos#lat>"
LONG = "<http://www.w3.org/2003/01/geo/wgs84_pos#long>"
ORIGINAL = "<http://www.w3.org/ns/org#originalOrganization>"
RESULTING = "<http://www.w3.org/ns/org#resultingOrganization>"


def skg(name: str) -> str:
    return f"<{BASE}ontology#{name}>"


def entity(kind: str, slug: str) -> str:
    """An entity IRI: `<base>id/<kind>/<slug>` (kind may hold a slash: concept/measure)."""
    return f"<{BASE}id/{kind}/{slug}>"


def graph_iri(name: str) -> str:
    return f"<{BASE}graph/{name}>"


def text(value: str) -> str:
    escaped = value.replace("\\", "\\\\").replace('"', '\\"')
    return f'"{escaped}"'


def english(value: str) -> str:
    return text(value) + "@en"


def integer(value: int) -> str:
    return f'"{value}"^^<{XSD}integer>'


def decimal(value: float, places: int = 4) -> str:
    return f'"{value:.{places}f}"^^<{XSD}decimal>'


def date(year: int, month: int = 1, day: int = 1) -> str:
    return f'"{year:04d}-{month:02d}-{day:02d}"^^<{XSD}date>'


def year(value: int) -> str:
    return f'"{value}"^^<{XSD}gYear>'


TRUE = f'"true"^^<{XSD}boolean>'


class Writer:
    """Writes triples as N-Triples lines (valid Turtle too), or N-Quads into one graph."""

    def __init__(self, out: TextIO, graph: str | None = None) -> None:
        self.out = out
        self.suffix = f" {graph} .\n" if graph else " .\n"
        self.count = 0
        self._lines: list[str] = []

    def add(self, subject: str, predicate: str, obj: str) -> None:
        self._lines.append(f"{subject} {predicate} {obj}{self.suffix}")
        self.count += 1
        if len(self._lines) >= 50_000:
            self.flush()

    def node(self, subject: str, kind: str, pairs: list[tuple[str, str]]) -> None:
        """A typed node with its property-value pairs."""
        self.add(subject, RDF_TYPE, kind)
        for predicate, obj in pairs:
            self.add(subject, predicate, obj)

    def flush(self) -> None:
        self.out.write("".join(self._lines))
        self._lines.clear()
