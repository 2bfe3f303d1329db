"""The home page: what the graph holds, and where to go from here."""

from __future__ import annotations

from dataclasses import dataclass

from flask import Blueprint, current_app, jsonify, render_template

from app.namespaces import sparql_prologue
from app.store import Table
from app.web import store

bp = Blueprint("home", __name__)

GRAPHS = sparql_prologue() + """
SELECT ?graph ?title ?description ?demo (COUNT(*) AS ?triples) WHERE {
  GRAPH ?graph { ?s ?p ?o }
  OPTIONAL { GRAPH ?graph { ?graph dcterms:title ?title } }
  OPTIONAL { GRAPH ?graph { ?graph dcterms:description ?description } }
  OPTIONAL { GRAPH ?graph { ?graph skg:isDemonstration ?demo } }
} GROUP BY ?graph ?title ?description ?demo ORDER BY ?graph
"""
FEATURED = {
    "The auto case: organizing targets": [
        "non-union-parts-plants", "organizing-targets", "refusal-leverage",
        "production-vs-market-share", "parts-union-density", "representation-votes",
        "ultimate-parent", "overtime-during-layoffs", "organizing-fund"],
    "The mining alliance": [
        "alliance-phases", "alliance-timeline", "employer-succession",
        "labor-law-comparison", "interviews-by-organization"],
    "What links the two cases": ["case-linkage"],
}
START_FROM = [
    ("The North-South mining alliance", "organization/north-south-mining-alliance"),
    ("CanMin1, the employer that changed identity", "organization/canmin1"),
    ("The UAW", "organization/uaw"),
    ("GM Oshawa Assembly", "workplace/gm-oshawa-assembly"),
    ("Volkswagen Puebla", "workplace/volkswagen-puebla-assembly"),
    ("Gindin 2004: the auto pamphlet", "source/gindin-2004"),
    ("Dufour-Poirier 2022: the mining article", "source/dufour-poirier-2022"),
]


@dataclass(frozen=True)
class GraphSummary:
    iri: str
    title: str
    description: str
    demonstration: bool
    triples: int


def graph_summaries() -> list[GraphSummary]:
    table = store().query(GRAPHS)
    assert isinstance(table, Table)
    return [GraphSummary(g.value, t.value if t else g.value.rsplit("/", 1)[-1],
                         d.value if d else "", bool(demo and demo.value == "true"),
                         int(n.value)) for g, t, d, demo, n in table.rows]


def featured_questions() -> list[tuple[str, list[tuple[str, str]]]]:
    catalog = current_app.extensions.get("skg.catalog") or {}
    return [(heading, [(slug, catalog[slug].title) for slug in slugs if slug in catalog])
            for heading, slugs in FEATURED.items()]


@bp.get("/")
def index() -> str:
    summaries = graph_summaries()
    return render_template("home.html", graphs=summaries,
                           triples=sum(g.triples for g in summaries),
                           featured=featured_questions(), start_from=START_FROM)


@bp.get("/health")
def health():  # type: ignore[no-untyped-def]
    return jsonify({"ok": True, "triples": len(store()), "graphs": len(store().graphs())})
