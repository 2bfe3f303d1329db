"""The supply-chain neighbourhood of a plant: who feeds it and whom it feeds, two steps out.

Every flow says whether it comes from a demonstration graph; every plant
carries its union status today (the map's rule, app/pictures/plants.py).
"""

from __future__ import annotations

import datetime
from typing import Any

from app.errors import NotFound
from app.pictures import records, select
from app.pictures.graph import Network, year
from app.pictures.plants import PREFIXES, plant_records, plants_query

FLOWS_QUERY = PREFIXES + """
SELECT DISTINCT ?flow ?supplier ?customer ?component ?tier ?from ?to ?demonstration WHERE {
  BIND(<%(plant)s> AS ?plant)
  { ?flow skg:customerPlant ?plant } UNION { ?flow skg:supplierPlant ?plant } UNION
  { ?first skg:customerPlant ?plant ; skg:supplierPlant ?middle .
    ?first a skg:SupplyFlow . ?flow skg:customerPlant ?middle } UNION
  { ?first skg:supplierPlant ?plant ; skg:customerPlant ?middle .
    ?first a skg:SupplyFlow . ?flow skg:supplierPlant ?middle }
  ?flow a skg:SupplyFlow ; skg:supplierPlant ?supplier ; skg:customerPlant ?customer .
  OPTIONAL { ?flow skg:component ?component }
  OPTIONAL { ?flow skg:tier ?tier }
  OPTIONAL { ?flow skg:from ?from }
  OPTIONAL { ?flow skg:to ?to }
  BIND(EXISTS { GRAPH ?graph { ?flow a skg:SupplyFlow } ?graph skg:isDemonstration true }
       AS ?demonstration)
}
ORDER BY ?supplier ?customer ?flow
"""
LABEL_QUERY = PREFIXES + """
SELECT ?label WHERE { <%(plant)s> rdfs:label ?label } ORDER BY ?label LIMIT 1
"""


def supply_network(store: Any, plant: str, today: datetime.date) -> Network:
    """The plant, its suppliers and customers and theirs, with union status on each."""
    label = select(store, LABEL_QUERY % {"plant": plant}).rows
    if not label:
        raise NotFound(f"No plant {plant} in the graph.", {"iri": plant})
    network = Network(f"Supply network of {label[0][0].value}", focus=plant)
    plants = {p["iri"]: p for p in plant_records(select(store, plants_query(today)))}
    _add_plant(network, plant, label[0][0].value, plants)
    for flow in records(select(store, FLOWS_QUERY % {"plant": plant})):
        for end in ("supplier", "customer"):
            _add_plant(network, flow[end] or "", None, plants)
        ended = year(flow["to"])
        network.link(flow["supplier"] or "", flow["customer"] or "", "supplies",
                     id=flow["flow"], label=flow["component"], tier=flow["tier"],
                     start=year(flow["from"]), end=ended,
                     current=ended is None or ended >= today.year,
                     demonstration=flow["demonstration"] == "true")
    return network


def _add_plant(network: Network, iri: str, label: str | None,
               plants: dict[str, dict[str, Any]]) -> None:
    known = plants.get(iri)
    if known is None:
        network.node(iri, label, "other", status="unknown", unions=[], employer=None)
        return
    network.node(iri, known["label"], known["kind"], status=known["status"],
                 unions=known["unions"], employer=known["employer"], country=known["country"],
                 closed=known["closed"])
