"""What the network index offers to choose from: plants with flows, employers with links."""

from __future__ import annotations

from typing import Any

from app.pictures import records, select
from app.pictures.plants import PREFIXES

PLANTS_QUERY = PREFIXES + """
SELECT DISTINCT ?iri ?label WHERE {
  { ?flow skg:supplierPlant ?iri } UNION { ?flow skg:customerPlant ?iri }
  ?flow a skg:SupplyFlow . ?iri rdfs:label ?label .
}
ORDER BY ?label ?iri
"""
EMPLOYERS_QUERY = PREFIXES + """
SELECT DISTINCT ?iri ?label WHERE {
  { ?fact a skg:Ownership ; skg:subsidiary ?iri } UNION { ?fact a skg:Ownership ; skg:parent ?iri }
  ?iri rdfs:label ?label .
}
ORDER BY ?label ?iri
"""


def plant_choices(store: Any) -> list[dict[str, str | None]]:
    return records(select(store, PLANTS_QUERY))


def employer_choices(store: Any) -> list[dict[str, str | None]]:
    return records(select(store, EMPLOYERS_QUERY))
