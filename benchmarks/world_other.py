"""The synthetic graph's description, sources, research records and statistics.

Research records (an employer succession, alliance phases and findings,
events, interviews, labor-law provisions, passages, density figures) are
scaled by `factor`; yearly statistics fill the triple budget that is left.
"""

from __future__ import annotations

from benchmarks import terms as t
from benchmarks.terms import entity, skg
from benchmarks.world_auto import REGISTRY, Auto

STATS_A = entity("source", "bench-statistics-agency-a")
STATS_B = entity("source", "bench-statistics-agency-b")
STUDY = entity("source", "bench-field-study-2022")
JURISDICTIONS = (
    ("country", "CA"),
    ("region", "CA-ON"),
    ("region", "CA-QC"),
    ("country", "US"),
    ("country", "MX"),
    ("country", "CL"),
    ("country", "PE"),
)
CATEGORIES = (
    "conditions-for-forming-a-union",
    "collective-bargaining",
    "strikes-and-disputes",
    "union-mandate",
    "protections-for-union-activities",
    "work-time",
)
DIMENSIONS = ("we-ness", "alterity", "project", "scale", "participation")
CASES = (entity("concept/case", "auto"), entity("concept/case", "mining"))


def header(auto: Auto, graph: str) -> None:
    w = auto.w
    w.node(
        graph,
        skg("CuratedGraph"),
        [
            (t.LABEL, t.english("Synthetic benchmark data")),
            (t.TITLE, t.english("Synthetic benchmark data")),
            (
                t.DESCRIPTION,
                t.english(
                    "Demonstration data, not fact: a generated supply-chain "
                    "world for measuring the stores (benchmarks/generate.py)."
                ),
            ),
            (skg("isDemonstration"), t.TRUE),
        ],
    )
    for source, title in (
        (REGISTRY, "Synthetic plant registry"),
        (STATS_A, "Synthetic statistics agency A"),
        (STATS_B, "Synthetic statistics agency B"),
        (STUDY, "Synthetic field study"),
    ):
        w.node(
            source,
            skg("Source"),
            [
                (t.TITLE, t.english(title)),
                (t.ISSUED, t.year(2024)),
                (t.PUBLISHER, t.text("Solidarity Graph benchmark")),
            ],
        )


def section(auto: Auto, slug: str) -> list[tuple[str, str]]:
    node = entity("section", f"bench-field-study-2022--{slug}")
    auto.w.node(node, skg("SourceSection"), [(t.IS_PART_OF, STUDY), (t.TITLE, t.english(slug))])
    return [(t.SOURCE, node)]


def succession(auto: Auto, factor: int) -> None:
    """CanMin1 -> CanMin2 -> EuroMin (the default parameter) and more chains."""
    cite = section(auto, "succession")
    names = ["canmin1", "canmin2", "euromin"]
    names += [f"bench-miner-{k}" for k in range(3 * factor)]
    for k, name in enumerate(names):
        auto.w.node(
            entity("organization", name),
            skg("MiningCompany"),
            [(t.LABEL, t.english(f"{name} (synthetic)")), *cite],
        )
        if k % 3:
            auto.w.node(
                entity("fact", f"change-bench-{k}"),
                skg("IdentityChange"),
                [
                    (t.LABEL, t.english(f"{names[k - 1]} became {name}")),
                    (skg("changeType"), entity("concept/change-type", "merger")),
                    (t.ORIGINAL, entity("organization", names[k - 1])),
                    (t.RESULTING, entity("organization", name)),
                    (skg("date"), t.date(2000 + k % 20)),
                    (skg("case"), CASES[1]),
                    *cite,
                ],
            )


def alliances(auto: Auto, factor: int) -> None:
    cite = section(auto, "phases")
    for d in DIMENSIONS:
        auto.w.node(
            entity("concept/phase-dimension", f"bench-{d}"),
            t.CONCEPT,
            [(t.PREF_LABEL, t.english(d))],
        )
    for a in range(factor):
        alliance = entity("organization", f"bench-alliance-{a}")
        auto.w.node(alliance, skg("Alliance"), [(t.LABEL, t.english(f"Alliance {a}")), *cite])
        for p in range(3):
            phase = entity("fact", f"phase-bench-{a}-{p}")
            auto.w.node(
                phase,
                skg("Phase"),
                [
                    (t.LABEL, t.english(f"Alliance {a} phase {p + 1}")),
                    (skg("alliance"), alliance),
                    (skg("order"), t.integer(p + 1)),
                    (skg("startYear"), t.integer(2000 + 4 * p)),
                    (skg("endYear"), t.integer(2003 + 4 * p)),
                    (skg("target"), entity("organization", "canmin1")),
                    *cite,
                ],
            )
            findings(auto, a, p, phase, cite)
            events(auto, a, p, phase, cite)


def findings(auto: Auto, a: int, p: int, phase: str, cite: list[tuple[str, str]]) -> None:
    for d in DIMENSIONS:
        for n in range(2):
            auto.w.node(
                entity("fact", f"finding-bench-{a}-{p}-{d}-{n}"),
                skg("PhaseFinding"),
                [
                    (skg("phase"), phase),
                    (skg("order"), t.integer(n + 1)),
                    (skg("dimension"), entity("concept/phase-dimension", f"bench-{d}")),
                    (skg("text"), t.english(f"Finding {n + 1} on {d} in phase {p + 1}")),
                    *cite,
                ],
            )


def events(auto: Auto, a: int, p: int, phase: str, cite: list[tuple[str, str]]) -> None:
    for n in range(4):
        auto.w.node(
            entity("fact", f"meeting-bench-{a}-{p}-{n}"),
            skg("Meeting"),
            [
                (t.LABEL, t.english(f"Meeting {n + 1} of alliance {a}, phase {p + 1}")),
                (skg("date"), t.date(2000 + 4 * p + n, 1 + 3 * n, 15)),
                (skg("case"), CASES[n % 2]),
                (skg("place"), t.text(f"Synthetic City {n}")),
                (skg("phase"), phase),
                *cite,
            ],
        )


def interviews(auto: Auto, factor: int) -> None:
    cite = section(auto, "table-1")
    study = entity("fact", "study-bench")
    auto.w.node(study, skg("Study"), [(t.LABEL, t.english("Synthetic field study")), *cite])
    for n in range(10 * factor):
        organization = entity("organization", f"bench-group-{n % 6}")
        auto.w.node(
            entity("fact", f"interviews-bench-{n}"),
            skg("InterviewSet"),
            [
                (skg("study"), study),
                (skg("organization"), organization),
                (skg("firstInterview"), t.integer(3 * n + 1)),
                (skg("lastInterview"), t.integer(3 * n + 3)),
                (skg("interviewCount"), t.integer(3)),
                (skg("organizationType"), entity("concept/organization-type", "local-union")),
                (skg("startYear"), t.integer(2005)),
                (skg("endYear"), t.integer(2007)),
                *cite,
            ],
        )


def labor_law(auto: Auto, factor: int) -> None:
    cite = section(auto, "table-3")
    for kind, code in JURISDICTIONS:
        regime = entity("fact", f"regime-bench-{code.lower()}")
        auto.w.node(
            regime,
            skg("LaborLawRegime"),
            [
                (t.LABEL, t.english(f"Labor law of {code}")),
                (skg("jurisdiction"), entity(kind, code)),
                *cite,
            ],
        )
        for category in CATEGORIES:
            for n in range(factor):
                auto.w.node(
                    entity("fact", f"provision-bench-{code.lower()}-{category}-{n}"),
                    skg("LawProvision"),
                    [
                        (skg("regime"), regime),
                        (skg("order"), t.integer(n + 1)),
                        (skg("provisionCategory"), entity("concept/provision-category", category)),
                        (skg("text"), t.english(f"Rule {n + 1} on {category} in {code}")),
                        *cite,
                    ],
                )


def passages(auto: Auto, factor: int) -> None:
    cite = section(auto, "passages")
    for k in range(6):
        auto.w.node(
            entity("concept/theme", f"bench-theme-{k}"),
            t.CONCEPT,
            [(t.IN_SCHEME, entity("scheme", "theme")), (t.PREF_LABEL, t.english(f"Theme {k}"))],
        )
    for n in range(30 * factor):
        auto.w.node(
            entity("fact", f"passage-bench-{n}"),
            skg("Passage"),
            [
                (skg("theme"), entity("concept/theme", f"bench-theme-{n % 6}")),
                (skg("case"), CASES[n // 6 % 2]),
                (skg("quote"), t.english(f"Synthetic quotation number {n}.")),
                *cite,
            ],
        )


def trade_rules(auto: Auto, factor: int) -> None:
    cite = section(auto, "trade")
    kinds = ("content-rule", "labor-value-content", "labor-enforcement", "tariff")
    for a, (name, start) in enumerate((("Auto Pact", 1965), ("NAFTA", 1994), ("USMCA", 2020))):
        agreement = entity("fact", f"agreement-bench-{a}")
        auto.w.node(
            agreement,
            skg("TradeAgreement"),
            [
                (t.LABEL, t.english(f"{name} (synthetic)")),
                (skg("startYear"), t.integer(start)),
                *cite,
            ],
        )
        for r in range(4 * factor):
            auto.w.node(
                entity("fact", f"rule-bench-{a}-{r}"),
                skg("TradeRule"),
                [
                    (skg("agreement"), agreement),
                    (skg("ruleType"), entity("concept/trade-rule-type", kinds[r % 4])),
                    (skg("value"), t.decimal(40 + r, 0)),
                    (skg("unit"), entity("concept/unit", "percent")),
                    (skg("startYear"), t.integer(start + r % 3)),
                    (skg("text"), t.english(f"Rule {r + 1} of {name}")),
                    *cite,
                ],
            )
