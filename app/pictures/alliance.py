"""The mining alliance: its members, the employers it faced, its meetings and who took part.

The mining case is anonymized in its source; the labels are the graph's own
pseudonyms and nothing here links them to anything else.
"""

from __future__ import annotations

from typing import Any

from app.errors import NotFound
from app.pictures import records, select
from app.pictures.graph import Network, year
from app.pictures.plants import PREFIXES

ALLIANCE = "https://w3id.org/solidarity-graph/id/organization/north-south-mining-alliance"
TIES_QUERY = PREFIXES + """
SELECT DISTINCT ?relation ?other ?other_label ?other_class WHERE {
  VALUES (?property ?relation) { (skg:member "member") (skg:target "faced") }
  <%(alliance)s> ?property ?other .
  OPTIONAL { ?other rdfs:label ?other_label }
  OPTIONAL { ?other a ?other_class FILTER(STRSTARTS(STR(?other_class), STR(skg:))) }
}
ORDER BY ?relation ?other
"""
EVENTS_QUERY = PREFIXES + """
SELECT ?event ?event_label ?event_class ?date ?participant ?participant_label WHERE {
  VALUES ?event_class { skg:Meeting skg:Delegation }
  ?event a ?event_class ; skg:alliance <%(alliance)s> .
  OPTIONAL { ?event rdfs:label ?event_label }
  OPTIONAL { ?event skg:date ?date }
  OPTIONAL { ?event skg:participant ?participant .
             OPTIONAL { ?participant rdfs:label ?participant_label } }
}
ORDER BY ?date ?event ?participant
"""
LABEL_QUERY = PREFIXES + "SELECT ?label WHERE { <%(alliance)s> rdfs:label ?label } LIMIT 1"


def alliance_network(store: Any, alliance: str = ALLIANCE) -> Network:
    found = select(store, LABEL_QUERY % {"alliance": alliance}).rows
    if not found:
        raise NotFound(f"No alliance {alliance} in the graph.", {"iri": alliance})
    network = Network(f"{found[0][0].value}: actors and meetings", focus=alliance)
    network.node(alliance, found[0][0].value, "alliance")
    for row in records(select(store, TIES_QUERY % {"alliance": alliance})):
        kind = "employer" if row["relation"] == "faced" else "union"
        network.node(row["other"] or "", row["other_label"], kind)
        network.link(alliance, row["other"] or "", row["relation"] or "", label=row["relation"])
    for row in records(select(store, EVENTS_QUERY % {"alliance": alliance})):
        event = row["event"] or ""
        kind = "meeting" if (row["event_class"] or "").endswith("Meeting") else "delegation"
        if event not in network.nodes:
            network.node(event, row["event_label"], kind, date=row["date"])
            network.link(event, alliance, "held by", label="alliance", start=year(row["date"]))
        if row["participant"]:
            network.node(row["participant"], row["participant_label"], "organization")
            network.link(row["participant"], event, "took part", label="took part",
                         start=year(row["date"]))
    return network
