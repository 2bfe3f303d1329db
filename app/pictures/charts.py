"""Charts drawn from prepared questions: which questions ask for one, and the
production-versus-market-share question asked for every year the graph covers."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from app.pictures import records, select
from app.questions import QuerySpec, run_question
from app.store import Table

SHARE_QUESTION = "production-vs-market-share"
DENSITY_QUESTION = "parts-union-density"
YEARS_QUERY = """PREFIX skg: <https://w3id.org/solidarity-graph/ontology#>
PREFIX measure: <https://w3id.org/solidarity-graph/id/concept/measure/>
SELECT ?year WHERE {
  VALUES ?measure { measure:vehicle-production measure:vehicle-sales }
  ?o skg:measure ?measure ; skg:refYear ?year ; skg:refArea ?area .
  FILTER NOT EXISTS { ?o skg:refOrganization ?any }
}
GROUP BY ?year HAVING (COUNT(DISTINCT ?area) >= 3 && COUNT(DISTINCT ?measure) = 2)
ORDER BY ?year
"""
SHARE_COLUMNS = ("production_share", "market_share", "gap")


def charted(catalog: Mapping[str, QuerySpec]) -> list[QuerySpec]:
    """Questions whose header asks for a bar or line chart."""
    return [spec for spec in catalog.values() if spec.chart.get("type") in ("bar", "line")]


def share_years(store: Any) -> list[int]:
    """Years with production and sales for all three countries."""
    return [int(row["year"] or 0) for row in records(select(store, YEARS_QUERY))]


def shares_over_time(store: Any, spec: QuerySpec) -> dict[str, Any]:
    """The question asked once per year: each country's production and market share."""
    points = []
    for year in share_years(store):
        result = run_question(store, spec, {"year": str(year)})
        if not isinstance(result, Table):
            continue
        for row in records(result):
            point: dict[str, Any] = {"year": year,
                                     "country": (row["country"] or "").rsplit("/", 1)[-1]}
            for column in SHARE_COLUMNS:
                point[column] = float(row[column]) if row.get(column) else None
            points.append(point)
    return {"ok": True, "question": spec.slug, "columns": list(SHARE_COLUMNS),
            "meanings": {c: spec.meaning(c) for c in SHARE_COLUMNS}, "points": points}
