"""An entity page: what the graph says about one IRI, readable, with sources.

`build_entity_page` runs a handful of queries (own statements, incoming
links, the n-ary nodes' statements, facts citing it, sources, labels) and
returns a frozen `EntityPage`; `entity_rdf` returns its triples as Turtle or
JSON-LD.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

import pyoxigraph as ox

from app.errors import NotFound
from app.namespaces import PREFIXES
from app.pages import entity_queries as q
from app.pages.citations import (
    LOCATOR,
    Citation,
    Flags,
    citations_of,
    fetch_sources,
    flags_of,
    source_iris,
)
from app.pages.entity_parts import (
    BOOKKEEPING,
    DATES,
    Card,
    Group,
    Node,
    Row,
    card,
    collect,
    group_by_kind,
    rows_of,
)
from app.pages.entity_sources import citing_groups
from app.pages.terms import (
    DCTERMS,
    ID_BASE,
    LABEL_PREDICATES,
    RDF_TYPE,
    Labels,
    Queryable,
    Value,
    fetch_labels,
    select,
    validity,
)
from app.store import Triples

# What a linking subject's card needs: its kind, sources, flags and dates.
NOTE_PREDICATES = (RDF_TYPE, DCTERMS + "source", *sorted((BOOKKEEPING | DATES) - {RDF_TYPE}))
FORMATS = {"ttl": ox.RdfFormat.TURTLE, "jsonld": ox.RdfFormat.JSON_LD}
# The code-list prefixes of docs/data-conventions.md, so Turtle reads like the data files.
CODE_LISTS = {"measure": "measure", "unit": "unit", "qualifier": "qualifier",
              "category": "provision-category", "change": "change-type",
              "outcome": "vote-outcome", "votetype": "vote-type", "precision": "date-precision",
              "status": "status", "wptype": "workplace-type", "sector": "sector",
              "ruletype": "trade-rule-type", "orgtype": "organization-type", "case": "case",
              "theme": "theme", "dimension": "phase-dimension", "level": "constraint-level"}
RDF_PREFIXES = {**PREFIXES, "scheme": ID_BASE + "scheme/",
                **{p: f"{ID_BASE}concept/{path}/" for p, path in CODE_LISTS.items()}}


@dataclass(frozen=True)
class EntityPage:
    iri: str
    label: str
    types: tuple[Value, ...]
    when: str | None
    flags: Flags
    literals: tuple[Row, ...]
    links_out: tuple[Row, ...]
    citations: tuple[Citation, ...]
    nodes: tuple[Group, ...]
    links_in: tuple[Group, ...]
    citing: tuple[Group, ...]
    truncated: bool

    @property
    def rest(self) -> str:
        return self.iri[len(ID_BASE):]


def entity_iri(rest: str) -> str:
    """The IRI a /id/<rest> address serves; NotFound when it cannot be an IRI."""
    iri = ID_BASE + rest
    try:
        ox.NamedNode(iri)
    except ValueError:
        raise NotFound(f"{rest!r} is not a valid entity address.", {"iri": iri}) from None
    return iri


@dataclass
class _Read:
    """Everything read from the store for one page, before it is shaped."""

    own: Node
    nary: dict[str, Node]
    roles: dict[str, list[str]]
    linking: dict[str, Node]
    links: dict[str, list[str]]
    citing: list[tuple]
    truncated: bool


def build_entity_page(store: Queryable, iri: str) -> EntityPage:
    demo = {row[0].value for row in select(store, q.demo_graphs()).rows}
    read = _read(store, iri, demo)
    if not read.own.values and not read.links and not read.roles and not read.citing:
        raise NotFound(f"The graph has nothing about {iri}.", {"iri": iri})
    nodes = [read.own, *read.nary.values(), *read.linking.values()]
    sources = fetch_sources(store, source_iris(n.values for n in nodes))
    labels = fetch_labels(store, _mentioned(read, sources))
    hide = BOOKKEEPING | set(LABEL_PREDICATES)
    if not read.own.values.get(DCTERMS + "source"):
        hide = hide - {LOCATOR}
    nary = {i: card(n, labels, sources, entity=iri) for i, n in read.nary.items()}
    return EntityPage(
        iri=iri, label=labels.text(iri),
        types=tuple(labels.value(t, kind="class") for t in read.own.types()),
        when=validity(read.own.values),
        flags=flags_of(read.own.values, demo=read.own.demo),
        literals=rows_of(read.own, labels, literal=True, hide=hide),
        links_out=rows_of(read.own, labels, literal=False, hide=hide),
        citations=citations_of(read.own.values, sources),
        nodes=group_by_kind(nary, read.nary, labels, read.roles),
        links_in=_link_groups(read, labels, sources),
        citing=citing_groups(read.citing, read.linking, labels),
        truncated=read.truncated)


def _read(store: Queryable, iri: str, demo: set[str]) -> _Read:
    own = collect(select(store, q.own_statements(iri)).rows, demo).get(iri, Node(iri))
    incoming = select(store, q.incoming(iri)).rows
    roles: dict[str, list[str]] = defaultdict(list)
    links: dict[str, list[str]] = defaultdict(list)
    for n, role, _, nary in incoming[:q.ROW_CAP]:
        is_nary = nary.value in {"true", "1"} and (n.value in roles or len(roles) < q.NODE_CAP)
        (roles[n.value] if is_nary else links[role.value]).append(
            role.value if is_nary else n.value)
    citing = select(store, q.citing(iri)).rows
    linking = {s for subjects in links.values() for s in subjects}
    linking |= {row[0].value for row in citing[:q.ROW_CAP]}
    return _Read(
        own=own, nary=_statements(store, roles, demo), roles=roles,
        linking=_statements(store, linking, demo, NOTE_PREDICATES),
        links=links, citing=list(citing[:q.ROW_CAP]),
        truncated=len(incoming) > q.ROW_CAP or len(citing) > q.ROW_CAP)


def _statements(store: Queryable, nodes: Iterable[str], demo: set[str],
                predicates: Iterable[str] = ()) -> dict[str, Node]:
    if not nodes:
        return {}
    return collect(select(store, q.node_statements(nodes, predicates)).rows, demo)


def _mentioned(read: _Read, sources: dict) -> set[str]:
    """Every IRI the page shows, to label in one query."""
    found = {read.own.iri, *read.links, *sources}
    for node in [read.own, *read.nary.values(), *read.linking.values()]:
        found.add(node.iri)
        found.update(node.values)
        found.update(t.value for ts in node.values.values() for t in ts
                     if isinstance(t, ox.NamedNode))
    for role_list in read.roles.values():
        found.update(role_list)
    for n, section, _, _ in read.citing:
        found.update(t.value for t in (n, section) if t is not None)
    return found


def _link_groups(read: _Read, labels: Labels, sources: dict) -> tuple[Group, ...]:
    groups = []
    for role in sorted(read.links, key=lambda r: labels.text(r).lower()):
        subjects = sorted(set(read.links[role]), key=lambda s: labels.text(s).lower())
        cards: tuple[Card, ...] = tuple(
            card(read.linking.get(s, Node(s)), labels, sources) for s in subjects)
        groups.append(Group(f"Named as “{labels.text(role)}” by", cards, labels.value(role)))
    return tuple(groups)


def entity_rdf(store: Queryable, iri: str, fmt: str) -> bytes:
    """The entity's own triples and its n-ary nodes' triples, as Turtle or JSON-LD."""
    if not store.query(q.exists(iri)):
        raise NotFound(f"The graph has nothing about {iri}.", {"iri": iri})
    result = store.query(q.construct(iri))
    triples = result.triples if isinstance(result, Triples) else ()
    return ox.serialize(list(triples), format=FORMATS[fmt], prefixes=RDF_PREFIXES)
