"""The ownership tree of an employer over time.

Everything reachable from the employer through ownership (subsidiary to
parent) and identity changes (mergers, takeovers, renamings), with the plants
each of them operated; every link carries its start and end year so the page
can show the tree as it stood in a chosen year.
"""

from __future__ import annotations

import datetime
from typing import Any

from app.errors import NotFound
from app.pictures import records, select
from app.pictures.graph import Network, year
from app.pictures.plants import KINDS, PREFIXES, plant_records, plants_query

STEP = ("^skg:subsidiary/skg:parent|^skg:parent/skg:subsidiary|"
        "^w3org:originalOrganization/w3org:resultingOrganization|"
        "^w3org:resultingOrganization/w3org:originalOrganization|"
        "^w3org:originalOrganization/skg:acquirer|^skg:acquirer/w3org:originalOrganization")
HEAD = PREFIXES + "PREFIX w3org: <http://www.w3.org/ns/org#>\n"
MEMBERS = "BIND(<%(employer)s> AS ?employer) ?employer (" + STEP + ")* ?org ."
OWNERSHIP_QUERY = HEAD + """
SELECT DISTINCT ?fact ?child ?child_label ?parent ?parent_label ?share ?from ?to WHERE {
  %(members)s
  ?fact a skg:Ownership ; skg:subsidiary ?child ; skg:parent ?parent .
  FILTER(?child = ?org || ?parent = ?org)
  OPTIONAL { ?child rdfs:label ?child_label } OPTIONAL { ?parent rdfs:label ?parent_label }
  OPTIONAL { ?fact skg:share ?share }
  OPTIONAL { ?fact skg:from ?from } OPTIONAL { ?fact skg:to ?to }
}
ORDER BY ?fact
"""
CHANGE_QUERY = HEAD + """
SELECT DISTINCT ?fact ?original ?original_label ?result ?result_label ?type ?date WHERE {
  %(members)s
  ?fact a skg:IdentityChange ; w3org:originalOrganization ?original ;
        w3org:resultingOrganization ?result .
  FILTER(?original = ?org || ?result = ?org)
  FILTER(?original != ?result)
  OPTIONAL { ?original rdfs:label ?original_label } OPTIONAL { ?result rdfs:label ?result_label }
  OPTIONAL { ?fact skg:changeType/skos:prefLabel ?type } OPTIONAL { ?fact skg:date ?date }
}
ORDER BY ?fact
"""
OPERATION_QUERY = HEAD + """
SELECT DISTINCT ?fact ?org ?plant ?plant_label ?class ?from ?to WHERE {
  %(members)s
  ?fact a skg:Operation ; skg:operator ?org ; skg:workplace ?plant .
  ?plant rdfs:label ?plant_label ; a ?class .
  OPTIONAL { ?fact skg:from ?from } OPTIONAL { ?fact skg:to ?to }
}
ORDER BY ?fact
"""
LABEL_QUERY = PREFIXES + "SELECT ?label WHERE { <%(employer)s> rdfs:label ?label } LIMIT 1"


def ownership_network(store: Any, employer: str) -> Network:
    found = select(store, LABEL_QUERY % {"employer": employer}).rows
    if not found:
        raise NotFound(f"No employer {employer} in the graph.", {"iri": employer})
    network = Network(f"Ownership of {found[0][0].value} over time", focus=employer)
    network.node(employer, found[0][0].value, "organization")
    members = MEMBERS % {"employer": employer}
    for row in records(select(store, OWNERSHIP_QUERY % {"members": members})):
        network.node(row["child"] or "", row["child_label"], "organization")
        network.node(row["parent"] or "", row["parent_label"], "organization")
        share = f"{float(row['share']):g}% owned" if row["share"] else "owned"
        network.link(row["child"] or "", row["parent"] or "", "owned by", id=row["fact"],
                     label=share, start=year(row["from"]), end=year(row["to"]))
    for row in records(select(store, CHANGE_QUERY % {"members": members})):
        network.node(row["original"] or "", row["original_label"], "organization")
        network.node(row["result"] or "", row["result_label"], "organization")
        network.link(row["original"] or "", row["result"] or "", "became", id=row["fact"],
                     label=row["type"] or "identity change", start=year(row["date"]),
                     end=None)
    _add_operations(store, network, members)
    return network


def _add_operations(store: Any, network: Network, members: str) -> None:
    """The plants each company operated, with their union status today (the map's rule)."""
    today = datetime.date.today()
    status = {p["iri"]: p["status"] for p in plant_records(select(store, plants_query(today)))}
    for row in records(select(store, OPERATION_QUERY % {"members": members})):
        kind = KINDS.get((row["class"] or "").rsplit("#", 1)[-1])
        if kind is None:
            continue
        network.node(row["plant"] or "", row["plant_label"], kind,
                     status=status.get(row["plant"] or ""))
        network.link(row["org"] or "", row["plant"] or "", "operates", id=row["fact"],
                     label="operates", start=year(row["from"]), end=year(row["to"]))
