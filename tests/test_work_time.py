"""Work-time rules and strike funds (issue 8), asserted on the loaded curated graph.

Every regime the graph compares must have standard weekly hours and an
overtime rule (premium), each with a public source, so that the work-time
questions can compute for any plant in these jurisdictions.
"""

from __future__ import annotations

from decimal import Decimal

import pytest

from app.checks.run import validate_store
from app.namespaces import sparql_prologue
from app.results import plain
from tests.test_checks import store_with

REGIMES = ["regime-qc", "regime-on", "regime-ca-federal", "regime-us", "regime-mx",
           "regime-cl", "regime-pe"]
RULE = "https://w3id.org/solidarity-graph/id/concept/work-time-rule/"
BASE_CATEGORY = "https://w3id.org/solidarity-graph/id/concept/provision-category/"
STRIKE_FUND = "https://w3id.org/solidarity-graph/id/concept/measure/strike-fund"


def rows(store, body: str) -> list[tuple[str, ...]]:
    table = store.query(sparql_prologue() + body)
    return [tuple(plain(t) for t in row) for row in table.rows]


def rules_of(store, regime: str, rule: str, as_of: str) -> list[tuple[str, ...]]:
    return rows(store, f"""
        SELECT ?provision (SAMPLE(?v) AS ?value) (MIN(?u) AS ?url) WHERE {{
          ?provision skg:regime fact:{regime} ; skg:workTimeRule <{RULE}{rule}> ;
                     skg:provisionCategory <{BASE_CATEGORY}work-time> ;
                     dcterms:source ?source .
          OPTIONAL {{ ?provision skg:value ?v }}
          OPTIONAL {{ ?source skg:url ?u }}
          FILTER NOT EXISTS {{ ?provision skg:from ?f FILTER(?f > "{as_of}"^^xsd:date) }}
          FILTER NOT EXISTS {{ ?provision skg:to ?t FILTER(?t < "{as_of}"^^xsd:date) }}
        }} GROUP BY ?provision ORDER BY ?provision""")


@pytest.mark.parametrize("regime", REGIMES)
def test_each_regime_has_one_sourced_standard_week_in_force(store, regime):
    for day in ("2004-06-01", "2025-01-01", "2031-01-01"):
        found = rules_of(store, regime, "standard-weekly-hours", day)
        assert len(found) == 1, (regime, day, found)
        _, value, url = found[0]
        assert 35 <= Decimal(value) <= 48
        assert url.startswith("http")


@pytest.mark.parametrize("regime", REGIMES)
def test_each_regime_has_a_sourced_overtime_premium(store, regime):
    found = rules_of(store, regime, "overtime-premium", "2025-01-01")
    assert len(found) == 1, found
    assert Decimal(found[0][1]) >= 25
    assert found[0][2].startswith("http")


@pytest.mark.parametrize(("regime", "day", "hours"), [
    ("regime-on", "2025-01-01", 44), ("regime-qc", "2025-01-01", 40),
    ("regime-ca-federal", "2025-01-01", 40), ("regime-us", "2025-01-01", 40),
    ("regime-mx", "2026-06-01", 48), ("regime-mx", "2027-06-01", 46),
    ("regime-mx", "2030-06-01", 40), ("regime-cl", "2024-01-01", 45),
    ("regime-cl", "2025-01-01", 44), ("regime-cl", "2026-06-01", 42),
    ("regime-pe", "2025-01-01", 48),
])
def test_the_standard_week_follows_the_law_in_force(store, regime, day, hours):
    ((_, value, _),) = rules_of(store, regime, "standard-weekly-hours", day)
    assert Decimal(value) == hours


def test_ontario_60_hour_week_by_agreement_before_2005_then_approval(store):
    before = rules_of(store, "regime-on", "hours-extension", "2004-04-01")
    between = rules_of(store, "regime-on", "hours-extension", "2010-01-01")
    after = rules_of(store, "regime-on", "hours-extension", "2020-01-01")
    assert [(p.rsplit("/", 1)[1], v) for p, v, _ in before] == [
        ("provision-on-work-time-60-hours-by-agreement-2001", "60")]
    assert [p.rsplit("/", 1)[1] for p, _, _ in between] == [
        "provision-on-work-time-excess-hours-approval-2005"]
    assert [p.rsplit("/", 1)[1] for p, _, _ in after] == [
        "provision-on-work-time-excess-hours-agreement-2019"]


def test_uaw_strike_fund_figures_are_sourced_observations(store):
    found = rows(store, f"""
        SELECT DISTINCT ?year ?value ?unit WHERE {{
          ?obs a skg:StatisticalObservation ; skg:measure <{STRIKE_FUND}> ;
               skg:refOrganization organization:uaw ; skg:refYear ?year ; skg:value ?value ;
               skg:unit ?unit ; dcterms:source ?source .
        }} ORDER BY ?year""")
    assert [(y, v) for y, v, _ in found] == [("2004", "800"), ("2018", "721"), ("2023", "825")]
    assert {u.rsplit("/", 1)[1] for *_, u in found} == {"usd-million"}


def test_shapes_refuse_a_work_time_rule_outside_the_work_time_category(tmp_path):
    concept = "https://w3id.org/solidarity-graph/id/concept/"
    settings, store = store_with(tmp_path, f"""
        x:regime a skg:LaborLawRegime ; rdfs:label 'r'@en ; skg:jurisdiction country:CA ;
            dcterms:source source:test ; skg:locator 'p. 1' .
        x:rule a skg:LawProvision ; rdfs:label 'p'@en ; skg:regime x:regime ;
            skg:provisionCategory <{concept}provision-category/union> ;
            skg:workTimeRule <{concept}unit/hours> ;
            skg:text 'forty hours'@en ; dcterms:source source:test ; skg:locator 'p. 1' .""")
    messages = {r.message for r in validate_store(settings, store).violations}
    assert messages >= {
        "A provision with a work-time rule belongs to the work-time category.",
        "A provision states at most one work-time rule, a concept of the work-time-rule "
        "code list."}
