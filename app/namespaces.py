"""The namespaces the project's data and queries use."""

from rdflib import Namespace

BASE = "https://w3id.org/solidarity-graph/"
SKG = Namespace(BASE + "ontology#")
ID = Namespace(BASE + "id/")
GRAPH = Namespace(BASE + "graph/")
ONTOLOGY_IRI = BASE + "ontology"

PREFIXES = {
    "skg": str(SKG),
    "graph": str(GRAPH),
    "source": BASE + "id/source/",
    "section": BASE + "id/section/",
    "country": BASE + "id/country/",
    "region": BASE + "id/region/",
    "organization": BASE + "id/organization/",
    "plant": BASE + "id/workplace/",
    "fact": BASE + "id/fact/",
    "concept": BASE + "id/concept/",
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
    "owl": "http://www.w3.org/2002/07/owl#",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "dcterms": "http://purl.org/dc/terms/",
    "prov": "http://www.w3.org/ns/prov#",
    "w3org": "http://www.w3.org/ns/org#",
    "qb": "http://purl.org/linked-data/cube#",
    "geo": "http://www.w3.org/2003/01/geo/wgs84_pos#",
    "sh": "http://www.w3.org/ns/shacl#",
}


def sparql_prologue() -> str:
    """PREFIX lines for every namespace above, for queries that want them."""
    return "".join(f"PREFIX {p}: <{iri}>\n" for p, iri in PREFIXES.items())
