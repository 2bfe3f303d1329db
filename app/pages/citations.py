"""Where a fact comes from and how far to trust it: citations and flags."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from app.namespaces import SKG
from app.pages.terms import DCTERMS, Queryable, Value, select, values_clause

SOURCE = DCTERMS + "source"
LOCATOR = str(SKG.locator)
UNVERIFIED = str(SKG.unverified)
ESTIMATE = str(SKG.isEstimate)


@dataclass(frozen=True)
class Flags:
    """The badges a fact carries: unverified, estimate, demonstration data."""

    unverified: bool = False
    estimate: bool = False
    demo: bool = False

    def __bool__(self) -> bool:
        return self.unverified or self.estimate or self.demo


@dataclass(frozen=True)
class Citation:
    """A source (and section) a fact cites, with the fact's locator if it gives one."""

    source: Value
    section: Value | None = None
    locator: str | None = None


@dataclass(frozen=True)
class SourceInfo:
    iri: str
    title: str
    parent: str | None
    parent_title: str | None


def flags_of(values: dict[str, list], *, demo: bool) -> Flags:
    """Flags from a node's statements (predicate -> objects) and whether it is demo data."""

    def true(predicate: str) -> bool:
        return any(getattr(t, "value", "") in {"true", "1"} for t in values.get(predicate, []))

    return Flags(unverified=true(UNVERIFIED), estimate=true(ESTIMATE), demo=demo)


def fetch_sources(store: Queryable, iris: Iterable[str]) -> dict[str, SourceInfo]:
    """Title of each source or section, and for a section the source it is part of."""
    wanted = set(iris)
    if not wanted:
        return {}
    rows = select(store, f"""PREFIX dcterms: <{DCTERMS}>
    SELECT ?s ?title ?parent ?ptitle WHERE {{
      {values_clause("s", wanted)}
      OPTIONAL {{ ?s dcterms:title ?title }}
      OPTIONAL {{ ?s dcterms:isPartOf ?parent OPTIONAL {{ ?parent dcterms:title ?ptitle }} }}
    }}""").rows
    found: dict[str, SourceInfo] = {}
    for s, title, parent, ptitle in rows:
        found.setdefault(s.value, SourceInfo(
            s.value, title.value if title else "", parent.value if parent else None,
            ptitle.value if ptitle else None))
    return found


def cite(source_iri: str, info: SourceInfo | None, locator: str | None) -> Citation:
    """A citation of a source or a section; the section's source comes first."""
    if info is None:
        return Citation(Value(source_iri, source_iri, "entity"), None, locator)
    own = Value(info.title or source_iri, info.iri, "entity")
    if info.parent is None:
        return Citation(own, None, locator)
    parent = Value(info.parent_title or info.parent, info.parent, "entity")
    return Citation(parent, own, locator)


def citations_of(values: dict[str, list], sources: dict[str, SourceInfo]) -> tuple[Citation, ...]:
    """Every source a node cites (dcterms:source), with its skg:locator."""
    locators = [t.value for t in values.get(LOCATOR, [])]
    locator = "; ".join(sorted(locators)) or None
    cited = sorted(t.value for t in values.get(SOURCE, []))
    return tuple(cite(iri, sources.get(iri), locator) for iri in cited)


def source_iris(nodes: Iterable[dict[str, list]]) -> set[str]:
    return {t.value for values in nodes for t in values.get(SOURCE, [])}
