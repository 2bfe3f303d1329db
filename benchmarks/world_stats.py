"""Yearly synthetic statistics: production and sales by country and by automaker.

Two agencies report: A covers all three countries, B only Canada and Mexico
(with some figures unverified), so the questions' source-choice rules have
work to do. Years start at 2004 and run as far as the triple budget allows.
"""

from __future__ import annotations

from benchmarks import terms as t
from benchmarks.terms import entity, skg
from benchmarks.world_auto import Auto
from benchmarks.world_other import STATS_A, STATS_B

PRODUCTION = {"CA": 2_300_000, "US": 10_500_000, "MX": 2_100_000}
SALES = {"CA": 1_600_000, "US": 15_800_000, "MX": 1_100_000}
FIRST_YEAR = 2004
TRIPLES_PER_OBSERVATION = 11


def observation(
    auto: Auto,
    slug: str,
    measure: str,
    area: str,
    year: int,
    value: int,
    extra: list[tuple[str, str]],
) -> None:
    unit = "percent" if measure in ("union-density", "non-union-share") else "vehicles"
    auto.w.node(
        entity("fact", f"obs-bench-{slug}"),
        skg("StatisticalObservation"),
        [
            (skg("measure"), entity("concept/measure", measure)),
            (skg("refArea"), entity("country", area)),
            (skg("refYear"), t.integer(year)),
            (skg("value"), t.decimal(value, 0)),
            (skg("unit"), entity("concept/unit", unit)),
            (skg("qualifier"), entity("concept/qualifier", "exactly")),
            (skg("locator"), t.text(f"table {year}, {area} row")),
            *extra,
        ],
    )


def density(auto: Auto) -> None:
    extra = [(t.SOURCE, STATS_A), (skg("sector"), entity("concept/sector", "auto-parts"))]
    for year in range(2010, 2015):
        for area in PRODUCTION:
            share = 15 + auto.rng.randrange(0, 15)
            observation(
                auto, f"density-{area.lower()}-{year}", "union-density", area, year, share, extra
            )
            observation(
                auto,
                f"non-union-{area.lower()}-{year}",
                "non-union-share",
                area,
                year,
                100 - share,
                extra,
            )


def years_for(auto: Auto, budget: int) -> range:
    per_year = (10 + 6 * len(auto.automakers)) * TRIPLES_PER_OBSERVATION
    return range(FIRST_YEAR, FIRST_YEAR + max(2, min(30, budget // per_year)))


def statistics(auto: Auto, budget: int) -> None:
    """Country-wide and automaker figures for as many years as `budget` triples allow."""
    rng = auto.rng
    for year in years_for(auto, budget):
        for area in PRODUCTION:
            for measure, base in (("vehicle-production", PRODUCTION), ("vehicle-sales", SALES)):
                value = int(base[area] * rng.uniform(0.85, 1.15))
                observation(
                    auto,
                    f"{measure}-{area.lower()}-{year}-a",
                    measure,
                    area,
                    year,
                    value,
                    [(t.SOURCE, STATS_A)],
                )
                if area != "US" and measure == "vehicle-production":
                    flag = [(skg("unverified"), t.TRUE)] if area == "MX" else []
                    observation(
                        auto,
                        f"{measure}-{area.lower()}-{year}-b",
                        measure,
                        area,
                        year,
                        int(value * 1.02),
                        [(t.SOURCE, STATS_B), *flag],
                    )
        automaker_figures(auto, year)


def automaker_figures(auto: Auto, year: int) -> None:
    for a, maker in enumerate(auto.automakers):
        for area in PRODUCTION:
            for measure, base in (("vehicle-production", PRODUCTION), ("vehicle-sales", SALES)):
                value = int(base[area] / len(auto.automakers) * auto.rng.uniform(0.3, 1.7))
                observation(
                    auto,
                    f"{measure}-bench-automaker-{a}-{area.lower()}-{year}",
                    measure,
                    area,
                    year,
                    value,
                    [(t.SOURCE, STATS_A), (skg("refOrganization"), maker)],
                )
