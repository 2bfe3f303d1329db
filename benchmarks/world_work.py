"""Synthetic work time, hours reports and strike funds (the work-time and fund questions).

Work-time provisions (standard weekly hours, overtime premium) for every
labor-law regime of the synthetic data, quarterly hours reports for some
plants (overtime worked while others are laid off), and yearly strike funds
of the national unions with an organizing-fund target.
"""

from __future__ import annotations

from benchmarks import terms as t
from benchmarks.terms import entity, skg
from benchmarks.world_auto import Auto
from benchmarks.world_other import JURISDICTIONS, STUDY, section

WEEKLY_HOURS = {"CA": 40, "CA-ON": 44, "CA-QC": 40, "US": 40, "MX": 48, "CL": 44, "PE": 48}
QUARTERS = (((2025, 4, 1), (2025, 6, 30)), ((2025, 7, 1), (2025, 9, 30)))


def work_time(auto: Auto) -> None:
    """Two work-time provisions per regime, in force since 2000."""
    cite = section(auto, "work-time")
    for _, code in JURISDICTIONS:
        regime = entity("fact", f"regime-bench-{code.lower()}")
        for rule, value, unit in (("standard-weekly-hours", WEEKLY_HOURS[code], "hours-per-week"),
                                  ("overtime-premium", 50, "percent")):
            auto.w.node(entity("fact", f"provision-bench-{code.lower()}-{rule}"),
                        skg("LawProvision"), [
                (skg("regime"), regime), (skg("workTimeRule"),
                                          entity("concept/work-time-rule", rule)),
                (skg("provisionCategory"), entity("concept/provision-category", "work-time")),
                (t.LABEL, t.english(f"{rule.replace('-', ' ')} in {code}: {value}")),
                (skg("text"), t.english(f"The {rule.replace('-', ' ')} is {value}.")),
                (skg("value"), t.decimal(value, 0)), (skg("unit"), entity("concept/unit", unit)),
                (skg("from"), t.date(2000)), *cite])


def hours_reports(auto: Auto, workplace: str, union: str) -> None:
    """Two quarterly reports of a plant: hours, overtime, layoffs and headcount."""
    rng = auto.rng
    headcount = rng.randrange(100, 2500)
    for (start, end) in QUARTERS:
        auto.fact("WorkplacePeriodReport", "hours-report", [
            (skg("workplace"), workplace), (skg("from"), t.date(*start)),
            (skg("to"), t.date(*end)), (skg("headcount"), t.integer(headcount)),
            (skg("hoursWorked"), t.integer(headcount * 40 * 13)),
            (skg("overtimeHours"), t.integer(rng.randrange(0, 20) * headcount)),
            (skg("workersOnLayoff"), t.integer(rng.randrange(0, headcount // 5))),
            (skg("reportedBy"), union)])


def strike_funds(auto: Auto) -> None:
    """Each national union's strike fund, 2000-2004, and an organizing-fund target."""
    for unions in auto.unions.values():
        for union in unions:
            for year in range(2000, 2005):
                auto.fact("StatisticalObservation", "obs-strike-fund", [
                    (skg("measure"), entity("concept/measure", "strike-fund")),
                    (skg("refOrganization"), union), (skg("refYear"), t.integer(year)),
                    (skg("value"), t.decimal(auto.rng.randrange(50, 900), 0)),
                    (skg("unit"), entity("concept/unit", "usd-million")),
                    (skg("qualifier"), entity("concept/qualifier", "about"))])
    auto.w.node(entity("fact", "obs-bench-organizing-fund-2003"), skg("StatisticalObservation"), [
        (skg("measure"), entity("concept/measure", "organizing-fund")),
        (skg("refYear"), t.integer(2003)), (skg("value"), t.decimal(300, 0)),
        (skg("unit"), entity("concept/unit", "usd-million")), (t.SOURCE, STUDY),
        (skg("locator"), t.text("proposal"))])
