"""The facts of both source documents, asserted by querying the loaded store.

Expected values are read off the documents themselves (section named in each
test), not off the Turtle files.
"""

from __future__ import annotations

from decimal import Decimal

import pytest

from app.namespaces import sparql_prologue
from app.results import plain
from tests.conftest import ROOT

ID = "https://w3id.org/solidarity-graph/id/"


def rows(store, body: str) -> list[tuple[str, ...]]:
    table = store.query(sparql_prologue() + body)
    return [tuple(plain(t) for t in row) for row in table.rows]


def short(iri: str) -> str:
    return iri.removeprefix(ID)


def test_mining_employer_succession_in_order(store):
    """Phase 2 (merger 2005) and Phase 3 (takeover June 2006) sections."""
    found = rows(store, """
        SELECT ?from ?to ?date ?type ?section WHERE {
          ?change a skg:IdentityChange ; w3org:originalOrganization ?from ;
                  w3org:resultingOrganization ?to ; skg:date ?date ; skg:changeType ?type ;
                  dcterms:source ?section .
          FILTER (?from IN (organization:canmin1, organization:canmin2))
        } ORDER BY ?date""")
    assert [(short(f), short(t), d[:7], short(k)) for f, t, d, k, _ in found] == [
        ("organization/canmin1", "organization/canmin2", "2005-01", "concept/change-type/merger"),
        ("organization/canmin2", "organization/euromin", "2006-06", "concept/change-type/takeover"),
    ]
    assert all("dufour-poirier-2022--phase" in section for *_, section in found)


def test_mining_employers_are_pseudonyms(store):
    found = rows(store, """
        SELECT ?org WHERE { ?org a skg:MiningCompany ; skg:pseudonym true } ORDER BY ?org""")
    assert {short(o) for (o,) in found} >= {
        "organization/canmin1", "organization/canmin2", "organization/euromin"}


def test_threatened_takeovers_recorded(store):
    found = rows(store, "SELECT ?t WHERE { ?t a skg:TakeoverThreat ; skg:target ?x } ORDER BY ?t")
    assert len(found) >= 1


def test_six_local_unions_with_countries(store):
    """Introduction: three Quebec locals, one Chilean refinery, two Peruvian mines."""
    found = rows(store, """
        SELECT ?local ?code WHERE {
          ?local a skg:LocalUnion ; skg:country/skos:notation ?code .
          FILTER STRSTARTS(STR(?local), STR(organization:local-union-))
        } ORDER BY ?local""")
    assert [c for _, c in found] == ["CA", "CA", "CA", "CL", "PE", "PE"]


def test_industrial_union_project_manager_position(store):
    found = rows(store, """
        SELECT ?position WHERE {
          ?position a skg:Position ; skg:heldWithin organization:industrial-union }
        ORDER BY ?position""")
    assert len(found) == 1


@pytest.mark.parametrize(("order", "start", "end", "employer"), [
    (1, 1990, 2004, "canmin1"), (2, 2005, 2006, "canmin2"), (3, 2007, 2018, "euromin"),
])
def test_phases_of_table_4(store, order, start, end, employer):
    found = rows(store, f"""
        SELECT ?start ?end ?target (COUNT(?finding) AS ?findings) WHERE {{
          ?phase a skg:Phase ; skg:order {order} ; skg:startYear ?start ; skg:endYear ?end ;
                 skg:target ?target .
          ?finding skg:phase ?phase ; dcterms:source section:dufour-poirier-2022--table-4 .
        }} GROUP BY ?start ?end ?target""")
    assert found == [(str(start), str(end), ID + "organization/" + employer, found[0][3])]
    assert int(found[0][3]) >= 8


def test_every_table_4_dimension_has_findings_in_every_phase(store):
    found = rows(store, """
        SELECT ?dimension (COUNT(DISTINCT ?phase) AS ?phases) WHERE {
          ?finding a skg:PhaseFinding ; skg:dimension ?dimension ; skg:phase ?phase .
        } GROUP BY ?dimension ORDER BY ?dimension""")
    assert len(found) >= 5 and all(n == "3" for _, n in found)


@pytest.mark.parametrize("when", [
    "2001", "2005-06", "2005-11", "2005-12", "2006", "2007-03", "2007-11", "2008-10", "2018",
])
def test_meetings_and_delegations_by_date(store, when):
    """Phase sections and Table 2: the alliance's meetings and delegations."""
    found = rows(store, f"""
        SELECT ?event WHERE {{
          ?event a ?type ; skg:date ?date .
          FILTER (?type IN (skg:Meeting, skg:Delegation))
          FILTER STRSTARTS(STR(?date), "{when}")
        }} ORDER BY ?event""")
    assert found, f"no meeting or delegation in {when}"


def test_october_2008_meeting_with_the_monitoring_committee(store):
    found = rows(store, """
        SELECT ?event ?place WHERE { ?event a skg:Meeting ; skg:date ?d ; skg:place ?place ;
          skg:participant ?committee . ?committee rdfs:label ?l .
          FILTER (STRSTARTS(STR(?d), "2008-10") && CONTAINS(LCASE(?l), "monitor")) }
        ORDER BY ?event""")
    assert found and found[0][1] == "Montreal"


def test_table_1_study_counts(store):
    found = rows(store, """
        SELECT ?interviews ?representatives ?organizations WHERE {
          fact:study-dufour-poirier-2022 skg:interviewCount ?interviews ;
            skg:representativeCount ?representatives ; skg:organizationCount ?organizations .
        }""")
    assert found == [("77", "60", "16")]
    numbers = rows(store, """
        SELECT (COUNT(DISTINCT ?n) AS ?count) (MIN(?n) AS ?first) (MAX(?n) AS ?last) WHERE {
          ?i a skg:Interview ; skg:interviewNumber ?n ;
             skg:study fact:study-dufour-poirier-2022 }""")
    assert numbers == [("77", "1", "77")]


def test_interviews_hold_no_personal_data(store):
    found = rows(store, """
        SELECT DISTINCT ?p WHERE { ?i a skg:Interview ; ?p ?o } ORDER BY ?p""")
    allowed = {"type", "label", "comment", "interviewNumber", "study", "organization",
               "organizationType", "startYear", "endYear", "date", "datePrecision", "place",
               "source", "note", "locator", "country", "endDate", "case"}
    names = {p.rsplit("#", 1)[-1].rsplit("/", 1)[-1] for (p,) in found}
    assert names <= allowed, names - allowed


def test_three_levels_of_constraints(store):
    found = rows(store, """
        SELECT ?level (COUNT(?c) AS ?n) WHERE { ?c a skg:Constraint ; skg:constraintLevel ?level }
        GROUP BY ?level ORDER BY ?level""")
    assert len(found) >= 3


# Table 3 (Appendix 3): cells with numbers, as structured values.
@pytest.mark.parametrize(("regime", "category", "value", "unit"), [
    ("regime-qc", "conditions-for-forming-a-union", 50, "percent"),
    ("regime-cl", "conditions-for-forming-a-union", 8, "workers"),
    ("regime-cl", "conditions-for-forming-a-union", 50, "workers"),
    ("regime-pe", "conditions-for-forming-a-union", 20, "workers"),
    ("regime-cl", "collective-bargaining", 45, "days"),
    ("regime-qc", "collective-bargaining", 90, "days"),
    ("regime-qc", "strikes-and-disputes", 90, "days"),
    ("regime-qc", "union-mandate", 3, "years"),
    ("regime-cl", "union-mandate", 2, "years"),
    ("regime-pe", "union-mandate", 2, "years"),
])
def test_table_3_structured_values(store, regime, category, value, unit):
    found = rows(store, f"""
        SELECT ?value WHERE {{
          ?p skg:regime fact:{regime} ;
             skg:provisionCategory <{ID}concept/provision-category/{category}> ;
             skg:value ?value ; skg:unit <{ID}concept/unit/{unit}> .
        }} ORDER BY ?value""")
    assert Decimal(value) in {Decimal(v) for (v,) in found}


TABLE_3_CATEGORIES = [
    "structure-of-labor-relations", "union", "application-of-agreements",
    "conditions-for-forming-a-union", "monopoly-of-representation",
    "protections-for-union-activities", "collective-bargaining", "strikes-and-disputes",
]


@pytest.mark.parametrize("regime", ["regime-qc", "regime-cl", "regime-pe"])
def test_every_table_3_cell_is_filled(store, regime):
    found = rows(store, f"""
        SELECT DISTINCT ?category WHERE {{
          ?p skg:regime fact:{regime} ; skg:provisionCategory ?category ; skg:text ?text ;
             dcterms:source section:dufour-poirier-2022--table-3 .
        }} ORDER BY ?category""")
    assert {c.rsplit("/", 1)[-1] for (c,) in found} == set(TABLE_3_CATEGORIES)


def test_table_3_quebec_strikebreaker_text(store):
    found = rows(store, """
        SELECT ?text WHERE { ?p skg:regime fact:regime-qc ; skg:text ?text .
          FILTER CONTAINS(?text, "strikebreakers") } ORDER BY ?text""")
    assert found and "Quebec" in found[0][0]


# The pamphlet's figures (Gindin 2004), each with its section.
@pytest.mark.parametrize(("measure", "value", "qualifier", "section"), [
    ("non-union-share", 80, "over", "parts-organizing-campaign"),
    ("union-density", 15, "about", "internationalism-starts-at-home"),
    ("market-share", 5, None, "north-american-auto-pact"),
    ("production-share", 35, "over", "north-american-auto-pact"),
    ("regional-production-share", 95, "over", "footnote-1"),
    ("strike-fund", 800, "over", "parts-organizing-campaign"),
    ("organizing-fund", 100, None, "parts-organizing-campaign"),
    ("survey-ratio", 2, None, "footnote-2"),
    ("minority-share", 15, "range", "footnote-2"),
])
def test_gindin_figures_with_their_sources(store, measure, value, qualifier, section):
    found = rows(store, f"""
        SELECT ?value ?qualifier ?source WHERE {{
          ?obs a skg:StatisticalObservation ; skg:measure <{ID}concept/measure/{measure}> ;
               skg:value ?value ; dcterms:source ?source .
          OPTIONAL {{ ?obs skg:qualifier ?qualifier }}
          ?source dcterms:isPartOf source:gindin-2004 .
        }} ORDER BY ?value""")
    matches = [r for r in found if Decimal(r[0]) == value]
    assert matches, found
    _, got_qualifier, source = matches[0]
    assert source.endswith(f"gindin-2004--{section}")
    if qualifier:
        assert got_qualifier.endswith(qualifier)


def test_ontario_sixty_hour_week(store):
    found = rows(store, """
        SELECT ?value WHERE { ?p skg:regime fact:regime-on ; skg:value ?value ;
          skg:provisionCategory ?category .
          FILTER STRENDS(STR(?category), "provision-category/work-time") }
        ORDER BY ?value""")
    assert ("60",) in found


def test_three_part_proposal(store):
    found = rows(store, """
        SELECT ?demand WHERE { ?demand a skg:Demand ; skg:partOf fact:proposal-gindin-2004 }
        ORDER BY ?demand""")
    assert len(found) == 3


def test_auto_pact_and_named_actors(store):
    assert rows(store, "SELECT ?r WHERE { ?r skg:agreement fact:agreement-auto-pact-1965 } "
                       "ORDER BY ?r")
    actors = rows(store, """
        SELECT ?a WHERE { VALUES ?a { organization:uaw organization:caw organization:general-motors
          organization:ford-motor-company organization:chrysler organization:cami-automotive
          organization:nissan organization:volkswagen } ?a dcterms:source ?s } ORDER BY ?a""")
    assert len(actors) == 8
    assert store.query(sparql_prologue() +
                       "ASK { plant:volkswagen-puebla-assembly a skg:AssemblyPlant }")


def test_linkage_passages_and_shared_concepts(store):
    counts = rows(store, """
        SELECT ?case (COUNT(?p) AS ?n) WHERE { ?p a skg:Passage ; skg:case ?case }
        GROUP BY ?case ORDER BY ?case""")
    assert sum(int(n) for _, n in counts) >= 40 and len(counts) == 2
    shared = rows(store, """
        SELECT ?theme WHERE {
          ?a a skg:Passage ; skg:theme ?theme ; skg:case ?auto .
          ?m a skg:Passage ; skg:theme ?theme ; skg:case ?mining .
          FILTER (STRENDS(STR(?auto), "case/auto") && STRENDS(STR(?mining), "case/mining"))
        } GROUP BY ?theme ORDER BY ?theme""")
    assert len(shared) >= 10


SOURCES = ROOT.parent / "shared" / "sources"
DOCUMENTS = {"https://w3id.org/solidarity-graph/id/concept/case/mining": "000_a2f5c0f585ec8f9e.txt",
             "https://w3id.org/solidarity-graph/id/concept/case/auto": "001_2a7397346aa1e2be.txt"}


def normalized(text: str) -> str:
    return " ".join(text.replace("*", "").split())


@pytest.mark.skipif(not SOURCES.is_dir(), reason="the source documents sit beside the checkout")
def test_every_quoted_passage_is_in_its_document(store):
    texts = {case: normalized((SOURCES / name).read_text(encoding="utf-8"))
             for case, name in DOCUMENTS.items()}
    found = rows(store, "SELECT ?p ?quote ?case WHERE { ?p a skg:Passage ; skg:quote ?quote ;"
                        " skg:case ?case } ORDER BY ?p")
    assert len(found) >= 40
    missing = [p for p, quote, case in found if normalized(quote) not in texts[case]]
    assert missing == []
