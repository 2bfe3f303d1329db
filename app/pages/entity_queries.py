"""The SPARQL behind an entity page and its RDF, one function per question.

Each takes IRIs (validated and escaped by `iri_term`), never raw request text.
"""

from __future__ import annotations

from collections.abc import Iterable

from app.derived import GRAPHS as DERIVED_GRAPHS
from app.pages.terms import FACT_BASE, iri_term, literal_term, prologue, values_clause

DERIVED = ", ".join(f"<{g}>" for g in DERIVED_GRAPHS)
ROW_CAP = 1000  # incoming links and citing facts shown on one page
NODE_CAP = 200  # n-ary nodes shown on one page

# An n-ary node points at the entity from the fact/ namespace by a property
# that is not a code list (skos:Concept range), a source or a part-of link.
NARY_FILTER = f"""
    FILTER(isIRI(?n) && STRSTARTS(STR(?n), {literal_term(FACT_BASE)}))
    FILTER(?role NOT IN (dcterms:source, dcterms:isPartOf))
    FILTER NOT EXISTS {{ ?role rdfs:range ?range .
                         FILTER(?range IN (skos:Concept, skg:CaseStudy)) }}
"""


def demo_graphs() -> str:
    return prologue("skg") + "SELECT ?g WHERE { ?g skg:isDemonstration true }"


def exists(iri: str) -> str:
    t = iri_term(iri)
    return f"ASK {{ {{ {t} ?p ?o }} UNION {{ ?s ?p {t} }} }}"


def own_statements(iri: str) -> str:
    t = iri_term(iri)
    return f"SELECT ?n ?g ?p ?o WHERE {{ BIND({t} AS ?n) GRAPH ?g {{ {t} ?p ?o }} }}"


def incoming(iri: str) -> str:
    """Subjects pointing at the entity, and whether the n-ary filter keeps them."""
    return prologue("skg", "rdfs", "skos", "dcterms") + f"""
    SELECT ?n ?role ?g ?nary WHERE {{
      GRAPH ?g {{ ?n ?role {iri_term(iri)} }}
      FILTER(?role != dcterms:source)
      FILTER(?g NOT IN ({DERIVED}))  # supply paths are computed, not said of the entity
      BIND(EXISTS {{ {NARY_FILTER} }} AS ?nary)
    }} ORDER BY ?role ?n LIMIT {ROW_CAP + 1}"""


def node_statements(nodes: Iterable[str], predicates: Iterable[str] = ()) -> str:
    """Every statement of the nodes (or only those with the given predicates)."""
    only = values_clause("p", predicates) if predicates else ""
    return f"""SELECT ?n ?g ?p ?o WHERE {{
      {values_clause("n", nodes)} {only}
      GRAPH ?g {{ ?n ?p ?o }}
    }}"""


def citing(iri: str) -> str:
    """Facts citing a source directly or through one of its sections."""
    t = iri_term(iri)
    return prologue("skg", "dcterms") + f"""
    SELECT ?n ?section ?slocator ?g WHERE {{
      {{ GRAPH ?g {{ ?n dcterms:source {t} }} }}
      UNION
      {{ ?section dcterms:isPartOf {t} .
         OPTIONAL {{ ?section skg:locator ?slocator }}
         GRAPH ?g {{ ?n dcterms:source ?section }} }}
    }} ORDER BY ?section ?n LIMIT {ROW_CAP + 1}"""


def construct(iri: str) -> str:
    """The entity's own triples and the triples of its n-ary nodes."""
    t = iri_term(iri)
    return prologue("skg", "rdfs", "skos", "dcterms") + f"""
    CONSTRUCT {{ {t} ?p ?o . ?n ?np ?no . }} WHERE {{
      {{ {t} ?p ?o }}
      UNION
      {{ ?n ?role {t} . {NARY_FILTER} ?n ?np ?no }}
    }}"""
