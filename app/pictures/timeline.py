"""One time axis: the mining alliance's phases, meetings and takeovers, and the auto case's
trade agreements and trade-rule milestones. Each item links to its entity page."""

from __future__ import annotations

from typing import Any

from app.pictures import entity_path, records, select
from app.pictures.plants import PREFIXES

LANES = (
    ("phases", "Mining alliance: phases"),
    ("meetings", "Mining alliance: meetings and delegations"),
    ("takeovers", "Mining employer: takeovers and threats"),
    ("agreements", "Auto: trade agreements"),
    ("rules", "Auto: trade-rule milestones"),
)
TIMELINE_QUERY = PREFIXES + """
PREFIX case: <https://w3id.org/solidarity-graph/id/concept/case/>
SELECT ?item ?lane ?label ?start ?end ?start_year ?end_year WHERE {
  ?item rdfs:label ?label .
  {
    ?item a skg:Phase ; skg:startYear ?start_year . OPTIONAL { ?item skg:endYear ?end_year }
    BIND("phases" AS ?lane)
  } UNION {
    VALUES ?class { skg:Meeting skg:Delegation }
    ?item a ?class ; skg:alliance ?alliance ; skg:date ?start .
    OPTIONAL { ?item skg:endDate ?end }
    BIND("meetings" AS ?lane)
  } UNION {
    VALUES ?class { skg:IdentityChange skg:TakeoverThreat }
    ?item a ?class ; skg:case case:mining ; skg:date ?start .
    BIND("takeovers" AS ?lane)
  } UNION {
    ?item a skg:TradeAgreement ; skg:startYear ?start_year .
    OPTIONAL { ?item skg:endYear ?end_year }
    BIND("agreements" AS ?lane)
  } UNION {
    GRAPH <https://w3id.org/solidarity-graph/graph/na-trade-rules> { ?item a skg:Event }
    ?item skg:date ?start .
    BIND("rules" AS ?lane)
  } UNION {
    ?item a skg:TradeRule ; skg:startYear ?start_year .
    BIND("rules" AS ?lane)
  }
}
ORDER BY ?lane ?start ?start_year ?item
"""


def timeline_items(store: Any) -> list[dict[str, Any]]:
    """Items with ISO dates (a year alone becomes its first or last day) and a lane."""
    items = []
    for row in records(select(store, TIMELINE_QUERY)):
        start = row["start"] or (f"{row['start_year']}-01-01" if row["start_year"] else None)
        end = row["end"] or (f"{row['end_year']}-12-31" if row["end_year"] else None)
        span = row["lane"] in ("phases", "agreements")
        items.append({"iri": row["item"], "url": entity_path(row["item"] or ""),
                      "label": row["label"], "lane": row["lane"], "start": start,
                      "end": end, "span": span, "open": span and end is None})
    return sorted(items, key=lambda item: (item["start"] or "", item["label"] or ""))


def timeline(store: Any) -> dict[str, Any]:
    items = timeline_items(store)
    return {"ok": True, "lanes": [{"id": key, "label": label} for key, label in LANES],
            "count": len(items), "items": items}
