"""Blocks of the synthetic auto sector: one assembly plant and its supply base each.

A block holds an assembly plant, three supplier companies (owned through
holdings and groups), five tier-1 plants (one a powertrain plant), eight
tier-2 and three tier-3 plants, their operators, unions, votes and supply
flows; it links to the block before it, so chains cross employers.
"""

from __future__ import annotations

from benchmarks import terms as t
from benchmarks.terms import entity, skg
from benchmarks.world_auto import (
    PARTS_PLANT,
    PLACES,
    POWERTRAIN,
    Auto,
    Block,
    operate,
    organization,
    ownership,
    plant,
    represent,
    supply,
)
from benchmarks.world_work import hours_reports


def supplier(auto: Auto, b: int, i: int) -> str:
    """A parts supplier owned through a holding and a group (0-3 levels), with history."""
    rng = auto.rng
    company = organization(
        auto,
        f"bench-supplier-{b}-{i}",
        "PartsSupplier",
        f"Synthetic Parts {b}-{i}",
        rng.choice(list(PLACES)),
    )
    depth = rng.choices((0, 1, 2), (0.25, 0.45, 0.3))[0]
    child = company
    if depth == 2:
        holding = organization(
            auto,
            f"bench-holding-{b}-{i}",
            "Employer",
            f"Synthetic Holding {b}-{i}",
            rng.choice(list(PLACES)),
        )
        ownership(auto, child, holding, rng.randrange(2000, 2020))
        child = holding
    if depth:
        ownership(auto, child, rng.choice(auto.groups), rng.randrange(2000, 2020))
    if rng.random() < 0.3:
        ownership(auto, company, rng.choice(auto.groups), 1995, end=rng.randrange(2000, 2020))
    if rng.random() < 0.2:
        ownership(auto, company, rng.choice(auto.groups), 2015, share=rng.randrange(10, 50))
    return company


def parts_plant(auto: Auto, slug: str, kind: str, companies: list[str]) -> str:
    rng = auto.rng
    node, country = plant(auto, slug, kind, f"Synthetic {slug}", rng.randrange(80, 2500))
    previous = rng.choice(companies) if rng.random() < 0.15 else None
    operate(auto, node, rng.choice(companies), previous)
    chance = rng.random()
    if chance < 0.3:
        represent(auto, node, country, slug, current=chance < 0.2)
    if chance < 0.1 or chance > 0.9:
        vote(auto, node, country, won=chance < 0.1)
    if 0.05 < chance < 0.15:
        hours_reports(auto, node, rng.choice(auto.unions[country]))
    return node


def vote(auto: Auto, workplace: str, country: str, won: bool) -> None:
    rng = auto.rng
    votes = rng.randrange(50, 2000)
    share = rng.uniform(0.5, 0.8) if won else rng.uniform(0.2, 0.5)
    auto.fact(
        "RepresentationVote",
        "vote",
        [
            (skg("workplace"), workplace),
            (skg("union"), rng.choice(auto.unions[country])),
            (skg("date"), t.date(rng.randrange(2000, 2026), rng.randrange(1, 13), 15)),
            (skg("voteType"), entity("concept/vote-type", "certification")),
            (skg("outcome"), entity("concept/vote-outcome", "union-won" if won else "union-lost")),
            (skg("votesFor"), t.integer(int(votes * share))),
            (skg("votesAgainst"), t.integer(votes - int(votes * share))),
        ],
    )


def block(auto: Auto, b: int) -> None:
    """One assembly plant and its supply base, linked to the block before."""
    rng = auto.rng
    maker = 0 if b == 0 else rng.randrange(len(auto.automakers))
    assembly, country = plant(
        auto,
        f"bench-{b}-assembly",
        skg("AssemblyPlant"),
        f"Synthetic Assembly {b}",
        rng.randrange(1500, 6000),
    )
    operate(
        auto, assembly, entity("organization", f"bench-automaker-{maker}-{country.lower()}"), None
    )
    if rng.random() < 0.3:
        represent(auto, assembly, country, f"bench-{b}-assembly-old", current=False)
    if b == 0 or rng.random() < 0.85:
        represent(auto, assembly, country, f"bench-{b}-assembly", current=True)
    companies = [supplier(auto, b, i) for i in range(3)]
    made = {
        tier: [
            parts_plant(
                auto,
                f"bench-{b}-t{tier}-{i}",
                POWERTRAIN if tier == 1 and i == 0 else PARTS_PLANT,
                companies,
            )
            for i in range(count)
        ]
        for tier, count in ((1, 5), (2, 8), (3, 3))
    }
    link(auto, made, assembly)
    auto.previous = Block(assembly, made[1], made[2])


def link(auto: Auto, made: dict[int, list[str]], assembly: str) -> None:
    rng, before = auto.rng, auto.previous
    for i, plant_iri in enumerate(made[1]):
        supply(auto, plant_iri, assembly, 1, current=i == 0 or rng.random() < 0.8)
        if before and rng.random() < 0.3:
            supply(auto, plant_iri, before.assembly, 1, current=rng.random() < 0.8)
    for j, plant_iri in enumerate(made[2]):
        supply(auto, plant_iri, made[1][j % 5], 2, current=j == 0 or rng.random() < 0.8)
        if rng.random() < 0.4:
            customers = made[1] + (before.tier1 if before else [])
            supply(auto, plant_iri, rng.choice(customers), 2, current=rng.random() < 0.8)
    for plant_iri in made[3]:
        supply(auto, plant_iri, rng.choice(made[2]), 3, current=rng.random() < 0.8)
