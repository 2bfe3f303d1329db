"""The synthetic auto sector: automakers, supplier groups, plants, unions, supply flows.

Generated block by block; a block is one assembly plant with its supply base
(tier 1, tier 2 and tier 3 parts plants and a powertrain plant), the supplier
companies that run them and their ownership chains. Blocks link to the block
before them, so supply chains cross employers and countries.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from random import Random

from benchmarks import terms as t
from benchmarks.terms import Writer, entity, skg

PLACES = {  # country: (weight, [(region, centre latitude, centre longitude)])
    "CA": (0.2, [("ON", 43.6, -80.0), ("QC", 45.8, -73.2)]),
    "US": (
        0.5,
        [
            ("MI", 42.7, -84.5),
            ("OH", 40.3, -83.0),
            ("IN", 40.2, -86.2),
            ("TN", 35.9, -86.5),
            ("KY", 37.8, -85.0),
            ("AL", 32.8, -86.8),
            ("SC", 34.0, -81.0),
            ("TX", 31.5, -97.5),
        ],
    ),
    "MX": (
        0.3,
        [
            ("PUE", 19.0, -98.0),
            ("GUA", 20.9, -101.2),
            ("COA", 26.8, -101.5),
            ("NLE", 25.6, -100.2),
            ("AGU", 21.9, -102.3),
            ("SLP", 22.2, -100.9),
        ],
    ),
}
COMPONENTS = (
    "seats",
    "wire harnesses",
    "brake assemblies",
    "stampings",
    "castings",
    "fasteners",
    "interior plastics",
    "glass",
    "electronics",
    "axles",
    "bearings",
)
REGISTRY = entity("source", "bench-plant-registry-2024")
PARTS_PLANT, POWERTRAIN = skg("PartsPlant"), skg("PowertrainPlant")


@dataclass
class Block:
    assembly: str
    tier1: list[str]
    tier2: list[str]


@dataclass
class Auto:
    rng: Random
    w: Writer
    automakers: list[str] = field(default_factory=list)
    groups: list[str] = field(default_factory=list)
    unions: dict[str, list[str]] = field(default_factory=dict)
    previous: Block | None = None
    facts: int = 0

    def cite(self) -> list[tuple[str, str]]:
        self.facts += 1
        return [(t.SOURCE, REGISTRY), (skg("locator"), t.text(f"record {self.facts}"))]

    def fact(self, kind: str, prefix: str, pairs: list[tuple[str, str]]) -> str:
        node = entity("fact", f"{prefix}-bench-{self.facts + 1}")
        self.w.node(node, skg(kind), pairs + self.cite())
        return node


def organization(auto: Auto, slug: str, kind: str, label: str, country: str) -> str:
    node = entity("organization", slug)
    auto.w.node(
        node,
        skg(kind),
        [(t.LABEL, t.english(label)), (skg("country"), entity("country", country)), *auto.cite()],
    )
    return node


def ownership(
    auto: Auto,
    subsidiary: str,
    parent: str,
    start: int,
    end: int | None = None,
    share: int | None = None,
) -> None:
    pairs = [(skg("subsidiary"), subsidiary), (skg("parent"), parent), (skg("from"), t.date(start))]
    if end:
        pairs.append((skg("to"), t.date(end, 12, 31)))
    if share is not None:
        pairs.append((skg("share"), t.decimal(share, 0)))
    auto.fact("Ownership", "ownership", pairs)


def setup(auto: Auto, automakers: int) -> None:
    """Unions, supplier groups (owned up to two levels) and automakers with subsidiaries."""
    for country in PLACES:
        auto.unions[country] = [
            organization(
                auto,
                f"bench-union-{country.lower()}-{k}",
                "NationalUnion",
                f"Synthetic {country} Auto Workers Union {k}",
                country,
            )
            for k in range(1, 3)
        ]
    for g in range(max(6, automakers * 2)):
        group = organization(
            auto,
            f"bench-group-{g}",
            "Employer",
            f"Synthetic Group {g}",
            auto.rng.choice(list(PLACES)),
        )
        if g >= 3 and auto.rng.random() < 0.5:
            ownership(auto, group, auto.groups[auto.rng.randrange(min(3, g))], 2001)
        auto.groups.append(group)
    for a in range(automakers):
        add_automaker(auto, a)


def add_automaker(auto: Auto, a: int) -> None:
    """An automaker (every fourth owned by a group) with a subsidiary per country."""
    maker = organization(
        auto,
        f"bench-automaker-{a}",
        "Automaker",
        f"Synthetic Motors {a}",
        auto.rng.choice(list(PLACES)),
    )
    if a % 4 == 3:
        ownership(auto, maker, auto.groups[a % 3], 1998)
    for country in PLACES:
        sub = organization(
            auto,
            f"bench-automaker-{a}-{country.lower()}",
            "Automaker",
            f"Synthetic Motors {a} {country}",
            country,
        )
        ownership(auto, sub, maker, 1990, share=100)
    auto.automakers.append(maker)


def place(auto: Auto) -> tuple[str, str, float, float]:
    rng = auto.rng
    country = rng.choices(list(PLACES), [w for w, _ in PLACES.values()])[0]
    region, lat, long = rng.choice(PLACES[country][1])
    return country, region, lat + rng.uniform(-0.3, 0.3), long + rng.uniform(-0.3, 0.3)


def plant(auto: Auto, slug: str, kind: str, label: str, workers: int) -> tuple[str, str]:
    """A workplace inside its country; returns its IRI and country code."""
    country, region, lat, long = place(auto)
    node = entity("workplace", slug)
    auto.w.node(
        node,
        kind,
        [
            (t.LABEL, t.english(label)),
            (skg("country"), entity("country", country)),
            (skg("region"), entity("region", f"{country}-{region}")),
            (skg("locality"), t.text(f"Synthetic Town {auto.rng.randrange(1, 400)}")),
            (t.LAT, t.decimal(lat)),
            (t.LONG, t.decimal(long)),
            (skg("workers"), t.integer(workers)),
            (skg("workersYear"), t.integer(2023)),
            (skg("openingYear"), t.integer(auto.rng.randrange(1955, 2020))),
            (skg("status"), entity("concept/status", "operating")),
            *auto.cite(),
        ],
    )
    return node, country


def operate(auto: Auto, workplace: str, operator: str, previous: str | None) -> None:
    start = auto.rng.randrange(1995, 2021)
    if previous:
        auto.fact(
            "Operation",
            "operation",
            [
                (skg("workplace"), workplace),
                (skg("operator"), previous),
                (skg("from"), t.date(start - 12)),
                (skg("to"), t.date(start - 1, 12, 31)),
            ],
        )
    auto.fact(
        "Operation",
        "operation",
        [(skg("workplace"), workplace), (skg("operator"), operator), (skg("from"), t.date(start))],
    )


def represent(auto: Auto, workplace: str, country: str, slug: str, current: bool) -> None:
    """A union local and its representation; ended before today unless `current`."""
    union = auto.rng.choice(auto.unions[country])
    local = organization(
        auto, f"bench-local-{slug}", "LocalUnion", f"Synthetic Local {slug}", country
    )
    auto.w.add(local, skg("parentUnion"), union)
    start = auto.rng.randrange(1970, 2022)
    pairs = [
        (skg("workplace"), workplace),
        (skg("union"), union),
        (skg("local"), local),
        (skg("from"), t.date(start, auto.rng.randrange(1, 13))),
    ]
    if not current:
        pairs.append((skg("to"), t.date(min(start + auto.rng.randrange(2, 20), 2025), 6, 30)))
    auto.fact("Representation", "representation", pairs)


def supply(auto: Auto, supplier: str, customer: str, tier: int, current: bool) -> None:
    rng = auto.rng
    start = rng.randrange(2005, 2023)
    pairs = [
        (skg("supplierPlant"), supplier),
        (skg("customerPlant"), customer),
        (skg("component"), t.text(rng.choice(COMPONENTS))),
        (skg("tier"), t.integer(tier)),
        (skg("from"), t.date(start, rng.randrange(1, 13))),
    ]
    if not current:
        if rng.random() < 0.8:
            pairs.append((skg("to"), t.date(min(start + rng.randrange(1, 8), 2025), 3, 31)))
        else:
            pairs[-1] = (skg("from"), t.date(2027, 6, 1))
    auto.fact("SupplyFlow", "supply", pairs)
