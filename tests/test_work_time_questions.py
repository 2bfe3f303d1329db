"""The work-time and organizing-fund questions over the real curated graph (issue 8).

The fund question must reproduce the pamphlet's arithmetic from the graph's
own numbers (10% of the UAW's $800 million is $80 million, and with others'
$20 million the $100 million target), and the demonstration reports must make
the overtime question answer out of the box, flagged as demonstration data.
"""

from __future__ import annotations

from decimal import Decimal

import pytest

from app.questions import load_catalog, run_question
from app.questions.errors import ParameterError
from app.results import plain
from tests.conftest import ROOT

CATALOG = load_catalog(ROOT / "queries")
UAW = "https://w3id.org/solidarity-graph/id/organization/uaw"
GM = "https://w3id.org/solidarity-graph/id/organization/general-motors"


def answer(store, slug: str, **values: str) -> list[dict[str, str]]:
    table = run_question(store, CATALOG[slug], values)
    return [dict(zip(table.variables, (plain(t) for t in row), strict=True))
            for row in table.rows]


def test_fund_gives_80_million_for_the_uaw_at_the_default_10_percent(store):
    (row,) = answer(store, "organizing-fund", as_of="2025-01-01")
    assert row["union"] == UAW
    assert (row["fund_year"], row["strike_fund"], row["qualifier"]) == ("2004", "800", "over")
    assert Decimal(row["share"]) == 10
    assert Decimal(row["contribution"]) == 80
    assert Decimal(row["total_fund"]) == 80
    assert Decimal(row["target"]) == 100


def test_fund_with_others_reaches_the_pamphlets_100_million(store):
    (row,) = answer(store, "organizing-fund", others="20", as_of="2025-01-01")
    assert Decimal(row["total_fund"]) == 100
    assert Decimal(row["gap"]) == 0
    workers = int(row["non_union_parts_workers"])
    assert workers > 0
    assert int(row["dollars_per_worker"]) == round(100_000_000 / workers)


def test_fund_with_the_2023_strike_fund(store):
    (row,) = answer(store, "organizing-fund", year="2023", share="10", as_of="2025-01-01")
    assert (row["fund_year"], Decimal(row["contribution"])) == ("2023", Decimal("82.5"))


def test_overtime_during_layoffs_answers_from_the_demonstration_reports(store):
    rows = answer(store, "overtime-during-layoffs", start="2025-07-01", end="2025-09-30")
    by_plant = {r["workplace"].rsplit("/", 1)[1]: r for r in rows}
    oshawa = by_plant["gm-oshawa-assembly"]
    # 36,000 overtime hours over 92 days at Ontario's 44-hour week: 62.3 jobs.
    assert (oshawa["standard_weekly_hours"], oshawa["fte_jobs"]) == ("44", "62.3")
    assert (oshawa["laid_off_workers"], oshawa["workers_brought_back"]) == ("120", "62")
    assert oshawa["employer"] == GM
    assert all(r["demonstration"] == "true" for r in rows)
    assert "gm-silao-assembly" not in by_plant


def test_employer_scope_counts_layoffs_at_the_employers_other_plants(store):
    rows = answer(store, "overtime-during-layoffs", start="2025-07-01", end="2025-09-30",
                  scope="employer")
    by_plant = {r["workplace"].rsplit("/", 1)[1]: r for r in rows}
    assert by_plant["gm-oshawa-assembly"]["laid_off_workers"] == "270"
    silao = by_plant["gm-silao-assembly"]
    assert (silao["laid_off_workers"], silao["standard_weekly_hours"]) == ("500", "48")
    assert silao["workers_brought_back"] == "110"


def test_no_report_in_the_window_no_rows(store):
    assert answer(store, "overtime-during-layoffs", start="2019-01-01", end="2019-12-31") == []


def test_scenario_spells_out_its_estimate(store):
    rows = answer(store, "work-time-scenario", employer=GM, country="CA", cut="4",
                  as_of="2025-09-30")
    oshawa = next(r for r in rows if r["workplace"].endswith("/gm-oshawa-assembly"))
    # 2,400 at work, 44 hours cut to 40: 2,400 x 4 / 40 = 240 jobs.
    assert (oshawa["headcount"], oshawa["new_weekly_hours"], oshawa["jobs"]) == (
        "2400", "40", "240")
    assert "same total hours" in oshawa["assumptions"]
    assert oshawa["demonstration"] == "true"


def test_scenario_uses_the_law_in_force_on_the_date(store):
    rows = answer(store, "work-time-scenario", country="MX", cut="4", as_of="2027-06-01")
    assert rows and {r["standard_weekly_hours"] for r in rows} == {"46"}


def test_work_time_rules_compare_the_seven_jurisdictions(store):
    rows = answer(store, "work-time-rules", as_of="2025-01-01")
    weeks = {r["notation"]: r["value"] for r in rows
             if r["rule"].endswith("/standard-weekly-hours")}
    assert weeks == {"CA": "40", "CA-ON": "44", "CA-QC": "40", "CL": "44", "MX": "48",
                     "PE": "48", "US": "40"}


@pytest.mark.parametrize("value", ['10"}', "1e9", "ten"])
def test_fund_share_must_be_a_plain_number(store, value):
    with pytest.raises(ParameterError):
        answer(store, "organizing-fund", share=value)
