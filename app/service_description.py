"""The SPARQL 1.1 Service Description of the endpoint."""

from __future__ import annotations

import rdflib
from rdflib import BNode, Namespace, URIRef
from rdflib.namespace import RDF

from app.protocol import GRAPH_FORMATS, NotAcceptable

SD = Namespace("http://www.w3.org/ns/sparql-service-description#")
FORMATS = Namespace("http://www.w3.org/ns/formats/")
RDFLIB_FORMAT = {
    "text/turtle": "turtle", "application/n-triples": "nt", "text/plain": "nt",
    "application/rdf+xml": "xml", "application/ld+json": "json-ld",
}
RESULT_FORMATS = ("SPARQL_Results_JSON", "SPARQL_Results_XML", "SPARQL_Results_CSV",
                  "SPARQL_Results_TSV", "Turtle", "N-Triples", "RDF_XML", "JSON-LD")


def service_graph(endpoint: str, graphs: list[str]) -> rdflib.Graph:
    g = rdflib.Graph()
    g.bind("sd", SD)
    service = URIRef(endpoint)
    g.add((service, RDF.type, SD.Service))
    g.add((service, SD.endpoint, service))
    g.add((service, SD.supportedLanguage, SD.SPARQL11Query))
    g.add((service, SD.feature, SD.UnionDefaultGraph))
    for name in RESULT_FORMATS:
        g.add((service, SD.resultFormat, FORMATS[name]))
    dataset = BNode()
    g.add((service, SD.defaultDataset, dataset))
    g.add((dataset, RDF.type, SD.Dataset))
    default_graph = BNode()
    g.add((dataset, SD.defaultGraph, default_graph))
    g.add((default_graph, RDF.type, SD.Graph))
    for graph in graphs:
        named = BNode()
        g.add((dataset, SD.namedGraph, named))
        g.add((named, RDF.type, SD.NamedGraph))
        g.add((named, SD.name, URIRef(graph)))
    return g


def describe_service(endpoint: str, graphs: list[str], accept) -> tuple[str, bytes]:  # type: ignore[no-untyped-def]
    offers = list(GRAPH_FORMATS)
    media = "text/turtle"
    if accept and accept.best not in (None, "*/*"):
        media = accept.best_match(offers) or ""
    if not media:
        raise NotAcceptable(f"The service description is offered as: {', '.join(offers)}.")
    data = service_graph(endpoint, graphs).serialize(format=RDFLIB_FORMAT[media])
    return media, data.encode("utf-8") if isinstance(data, str) else data
