"""Plants for the map: where they are, what they make, who runs them, union status today.

Union status on a date, from what the graph records:
- `union`: a union representation of the plant holds on the date;
- `non-union`: none holds, and the graph does not say the status was left unchecked;
- `unknown`: none holds, and the plant's note says its union status was not checked.
A plant closed by the date (status closed, or a closing year without a later
reopening) is returned with `closed: true`.
"""

from __future__ import annotations

import datetime
from typing import Any

from app.pictures import entity_path, records
from app.store import Table

KINDS = {"AssemblyPlant": "assembly", "PartsPlant": "parts", "PowertrainPlant": "powertrain"}
PREFIXES = """PREFIX skg: <https://w3id.org/solidarity-graph/ontology#>
PREFIX geo: <http://www.w3.org/2003/01/geo/wgs84_pos#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>
PREFIX status: <https://w3id.org/solidarity-graph/id/concept/status/>
"""
HOLDS = """FILTER NOT EXISTS {{ ?{n} skg:from ?{n}_from FILTER(?{n}_from > ?day) }}
    FILTER NOT EXISTS {{ ?{n} skg:to ?{n}_to FILTER(?{n}_to < ?day) }}"""
PLANTS_QUERY = PREFIXES + """
SELECT ?plant (SAMPLE(?name) AS ?label) (SAMPLE(?class) AS ?kind) (SAMPLE(?code) AS ?country)
       (SAMPLE(?latitude) AS ?lat) (SAMPLE(?longitude) AS ?long)
       (GROUP_CONCAT(DISTINCT ?employer_name; separator="; ") AS ?employer)
       (GROUP_CONCAT(DISTINCT ?union_name; separator="; ") AS ?unions)
       (MAX(?unchecked_note) AS ?unchecked) (MAX(?is_closed) AS ?closed)
       (MAX(?is_unverified) AS ?unverified)
WHERE {
  VALUES ?class { skg:AssemblyPlant skg:PartsPlant skg:PowertrainPlant }
  BIND("%(day)s"^^xsd:date AS ?day)
  ?plant a ?class ; rdfs:label ?name ; geo:lat ?latitude ; geo:long ?longitude .
  OPTIONAL { ?plant skg:country/skos:notation ?code }
  OPTIONAL {
    ?operation a skg:Operation ; skg:workplace ?plant ; skg:operator/rdfs:label ?employer_name .
    %(operation)s
  }
  OPTIONAL {
    ?representation a skg:Representation ; skg:workplace ?plant ; skg:union/rdfs:label ?union_name .
    %(representation)s
  }
  OPTIONAL { ?plant skg:note ?note }
  BIND(CONTAINS(LCASE(STR(COALESCE(?note, ""))), "union status not checked") AS ?unchecked_note)
  BIND(EXISTS { ?plant skg:status status:closed } || EXISTS {
         ?plant skg:closingYear ?shut FILTER(?shut <= %(year)d)
         FILTER NOT EXISTS { ?plant skg:reopeningYear ?again FILTER(?again > ?shut) } }
       AS ?is_closed)
  BIND(EXISTS { ?plant skg:unverified true } AS ?is_unverified)
}
GROUP BY ?plant
ORDER BY ?label ?plant
"""


def plants_query(day: datetime.date) -> str:
    """The map's one SPARQL query, for a date (today by default in the web layer)."""
    return PLANTS_QUERY % {"day": day.isoformat(), "year": day.year,
                           "operation": HOLDS.format(n="operation"),
                           "representation": HOLDS.format(n="representation")}


def union_status(unions: str | None, unchecked: str | None) -> str:
    if unions:
        return "union"
    return "unknown" if unchecked == "true" else "non-union"


def plant_records(table: Table) -> list[dict[str, Any]]:
    """JSON-ready plants: numbers as numbers, kinds and statuses as plain words."""
    out = []
    for row in records(table):
        kind = (row["kind"] or "").rsplit("#", 1)[-1]
        out.append({
            "iri": row["plant"], "url": entity_path(row["plant"] or ""), "label": row["label"],
            "kind": KINDS.get(kind, "other"), "country": row["country"],
            "lat": float(row["lat"] or 0), "long": float(row["long"] or 0),
            "employer": row["employer"] or None,
            "unions": [u for u in (row["unions"] or "").split("; ") if u],
            "status": union_status(row["unions"], row["unchecked"]),
            "closed": row["closed"] == "true", "unverified": row["unverified"] == "true",
        })
    return out
