"""Who brought an import in, when, from which file: PROV-O and Dublin Core.

Each import is the named graph graph:import-<time>-<checksum>, described in
itself (skg:CuratedGraph, never demonstration data). Facts of a CSV row that
name no source cite source:import-<time>-<checksum>, a source node of the
import, so their entity pages link to it and it lists them.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from rdflib import RDF, RDFS, BNode, Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCTERMS, XSD

from app.namespaces import BASE, GRAPH, ID, SKG

PROV = Namespace("http://www.w3.org/ns/prov#")
TEMPLATE = Namespace(BASE + "template/")
IMPORT_PREFIX = str(GRAPH) + "import-"


@dataclass(frozen=True)
class ImportName:
    """The IRIs of one import, fixed when it is staged."""

    stamp: str  # 20261122-010203-123456 (to the microsecond, so names sort in time order)
    checksum: str  # full SHA-256 hex

    @property
    def slug(self) -> str:
        return f"import-{self.stamp}-{self.checksum[:8]}"

    @property
    def graph(self) -> str:
        return str(GRAPH[self.slug])

    @property
    def source(self) -> str:
        return str(ID["source/" + self.slug])


def name_import(checksum: str, now: dt.datetime) -> ImportName:
    return ImportName(now.astimezone(dt.UTC).strftime("%Y%m%d-%H%M%S-%f"), checksum)


def add_provenance(graph: Graph, name: ImportName, *, file_name: str, template: str | None,
                   who: str, now: dt.datetime) -> None:
    g, source = URIRef(name.graph), URIRef(name.source)
    when = now.astimezone(dt.UTC).replace(microsecond=0)
    title = f"Import of {file_name} by {who}, {when:%Y-%m-%d %H:%M} UTC"
    kind = f"the {template} template" if template else "RDF"
    description = (f"Imported from {file_name} ({kind}; SHA-256 {name.checksum}) by {who} "
                   f"on {when.isoformat()}. Facts of a row without a source of their own "
                   "cite this import, with the row as locator.")
    agent, upload = BNode(), BNode()
    for node in (g, source):
        graph.add((node, RDFS.label, Literal(title, lang="en")))
        graph.add((node, DCTERMS.title, Literal(title, lang="en")))
        graph.add((node, DCTERMS.description, Literal(description, lang="en")))
        graph.add((node, PROV.wasAttributedTo, agent))
        graph.add((node, PROV.generatedAtTime, Literal(when.isoformat(), datatype=XSD.dateTime)))
    graph.add((g, RDF.type, SKG.CuratedGraph))
    graph.add((g, SKG.isDemonstration, Literal(False)))
    graph.add((g, DCTERMS.source, upload))
    graph.add((source, RDF.type, SKG.Source))
    graph.add((source, DCTERMS.isPartOf, g))
    graph.add((agent, RDF.type, PROV.Agent))
    graph.add((agent, RDFS.label, Literal(who)))
    graph.add((upload, RDF.type, PROV.Entity))
    graph.add((upload, RDFS.label, Literal(file_name)))
    graph.add((upload, DCTERMS.identifier, Literal(f"sha256:{name.checksum}")))
    if template:
        graph.add((upload, DCTERMS.conformsTo, TEMPLATE[template]))
