"""The North American auto sector as sourced data (issue 3), asserted by queries."""

from __future__ import annotations

import pytest

from app.config import load_settings
from app.loading import build_store
from app.namespaces import sparql_prologue
from app.results import plain
from tests.conftest import clean_env

ID = "https://w3id.org/solidarity-graph/id/"
GRAPH = "https://w3id.org/solidarity-graph/graph/"


def rows(store, body: str) -> list[tuple[str, ...]]:
    table = store.query(sparql_prologue() + body)
    return [tuple(plain(t) for t in row) for row in table.rows]


def count(store, body: str) -> int:
    return int(rows(store, body)[0][0])


def test_assembly_plants_per_country(store):
    found = dict(rows(store, """
        SELECT ?code (COUNT(DISTINCT ?plant) AS ?n) WHERE {
          ?plant a skg:AssemblyPlant ; skg:country/skos:notation ?code }
        GROUP BY ?code ORDER BY ?code"""))
    assert sum(int(n) for n in found.values()) >= 60
    assert int(found["CA"]) >= 10 and int(found["MX"]) >= 15 and int(found["US"]) >= 15


def test_every_assembly_plant_has_place_coordinates_and_operator(store):
    missing = rows(store, """
        SELECT ?plant WHERE { ?plant a skg:AssemblyPlant .
          FILTER NOT EXISTS { ?plant geo:lat ?lat ; geo:long ?long ;
                                     skg:region ?r ; skg:locality ?l .
                              ?op skg:workplace ?plant ; skg:operator ?who } }
        ORDER BY ?plant""")
    assert missing == []


def test_at_least_twenty_parts_suppliers_with_plants(store):
    assert count(store, "SELECT (COUNT(DISTINCT ?s) AS ?n) WHERE { ?s a skg:PartsSupplier }") >= 20
    assert count(store, """SELECT (COUNT(DISTINCT ?p) AS ?n) WHERE {
        ?p a ?type . VALUES ?type { skg:PartsPlant skg:PowertrainPlant } }""") >= 30


@pytest.mark.parametrize("year", [2003, 2004, 2023])
@pytest.mark.parametrize("measure", ["vehicle-production", "vehicle-sales"])
def test_production_and_sales_for_the_three_countries(store, year, measure):
    found = rows(store, f"""
        SELECT DISTINCT ?code WHERE {{
          ?obs skg:measure <{ID}concept/measure/{measure}> ; skg:refYear {year} ;
               skg:refArea/skos:notation ?code ; dcterms:source ?source .
          FILTER NOT EXISTS {{ ?obs skg:refOrganization ?org }}
        }} ORDER BY ?code""")
    assert [c for (c,) in found if c in {"CA", "MX", "US"}] == ["CA", "MX", "US"]


def test_every_statistic_has_publisher_year_and_unit(store):
    missing = rows(store, """
        SELECT ?obs WHERE { ?obs a skg:StatisticalObservation ; dcterms:source ?s .
          ?s a skg:Source . FILTER NOT EXISTS { ?s dcterms:publisher ?p }
          FILTER NOT EXISTS { ?s dcterms:creator ?c } } ORDER BY ?obs""")
    assert missing == []


TABLE_3 = ["structure-of-labor-relations", "union", "application-of-agreements",
           "conditions-for-forming-a-union", "monopoly-of-representation",
           "protections-for-union-activities", "collective-bargaining", "strikes-and-disputes"]


@pytest.mark.parametrize("regime", ["regime-qc", "regime-cl", "regime-pe", "regime-ca-federal",
                                    "regime-on", "regime-us", "regime-mx"])
def test_six_jurisdictions_compare_cell_by_cell(store, regime):
    found = rows(store, f"""
        SELECT DISTINCT ?category WHERE {{
          ?p skg:regime fact:{regime} ; skg:provisionCategory ?category ; skg:text ?t }}
        ORDER BY ?category""")
    assert {c.rsplit("/", 1)[-1] for (c,) in found} >= set(TABLE_3)


def test_trade_agreements_and_their_content_rules(store):
    found = dict(rows(store, """
        SELECT ?agreement (COUNT(?rule) AS ?rules) WHERE { ?rule skg:agreement ?agreement }
        GROUP BY ?agreement ORDER BY ?agreement"""))
    for agreement in ("auto-pact-1965", "nafta-1994", "usmca-2020"):
        assert int(found[f"{ID}fact/agreement-{agreement}"]) >= 1
    rvc = rows(store, """SELECT ?v WHERE { ?r skg:agreement fact:agreement-usmca-2020 ;
        skg:ruleType <https://w3id.org/solidarity-graph/id/concept/trade-rule-type/\
regional-value-content> ;
        skg:value ?v } ORDER BY ?v""")
    assert ("75",) in rvc or ("75.0",) in rvc


@pytest.mark.parametrize(("plant", "year", "outcome"), [
    ("volkswagen-chattanooga-assembly", "2014", "union-lost"),
    ("volkswagen-chattanooga-assembly", "2019", "union-lost"),
    ("volkswagen-chattanooga-assembly", "2024", "union-won"),
    ("mercedes-benz-vance-assembly", "2024", "union-lost"),
    ("nissan-canton-assembly", "2017", "union-lost"),
    ("gm-silao-assembly", "2022", "union-won"),
])
def test_representation_votes(store, plant, year, outcome):
    found = rows(store, f"""
        SELECT ?outcome WHERE {{ ?v a skg:RepresentationVote ; skg:workplace plant:{plant} ;
          skg:date ?d ; skg:outcome ?outcome ; dcterms:source ?s .
          FILTER STRSTARTS(STR(?d), "{year}") }} ORDER BY ?outcome""")
    assert f"{ID}concept/vote-outcome/{outcome}" in {o for (o,) in found}


def test_chrysler_chain_to_stellantis_in_order(store):
    found = rows(store, """
        SELECT ?to WHERE { ?c a skg:IdentityChange ; w3org:resultingOrganization ?to ; skg:date ?d .
          VALUES ?to { organization:daimlerchrysler organization:chrysler-llc
                       organization:chrysler-group organization:fiat-chrysler-automobiles
                       organization:stellantis } } GROUP BY ?to ORDER BY MIN(?d)""")
    assert [t.rsplit("/", 1)[-1] for (t,) in found] == [
        "daimlerchrysler", "chrysler-llc", "chrysler-group", "fiat-chrysler-automobiles",
        "stellantis"]


def test_oshawa_closed_and_reopened(store):
    assert rows(store, """SELECT ?close ?reopen WHERE { plant:gm-oshawa-assembly
        skg:closingYear ?close ; skg:reopeningYear ?reopen }""") == [("2019", "2021")]


def test_cami_and_nummi_ownership(store):
    for subsidiary in ("cami-automotive", "nummi"):
        parents = rows(store, f"""SELECT DISTINCT ?parent WHERE {{ ?o a skg:Ownership ;
            skg:subsidiary organization:{subsidiary} ; skg:parent ?parent }} ORDER BY ?parent""")
        assert len(parents) >= 2, subsidiary


def test_silao_representation_changes_from_ctm_to_sinttia(store):
    found = rows(store, """SELECT ?union WHERE { ?r a skg:Representation ;
        skg:workplace plant:gm-silao-assembly ; skg:union ?union ; skg:from ?from }
        ORDER BY ?from""")
    unions = [u.rsplit("/", 1)[-1] for (u,) in found]
    assert unions[0] == "ctm" and unions[-1] == "sinttia"


def test_unverified_facts_are_flagged_and_exist(store):
    assert count(store, "SELECT (COUNT(*) AS ?n) WHERE { ?f skg:unverified true }") > 0


def test_demonstration_flows_are_labelled_and_optional(store, tmp_path):
    demo = f"SELECT ?d WHERE {{ <{GRAPH}demo-supply-flows> skg:isDemonstration ?d }}"
    assert rows(store, demo) \
        == [("true",)]
    in_demo = count(store, f"""SELECT (COUNT(*) AS ?n) WHERE {{
        GRAPH <{GRAPH}demo-supply-flows> {{ ?f a skg:SupplyFlow }} }}""")
    assert in_demo >= 50
    without = build_store(load_settings(clean_env(SKG_INCLUDE_DEMO="false")))
    assert count(without, "SELECT (COUNT(*) AS ?n) WHERE { ?f a skg:SupplyFlow }") < in_demo
    assert GRAPH + "demo-supply-flows" not in without.graphs()
