"""The parts of an entity page: statements grouped into rows, cards and groups."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

import pyoxigraph as ox

from app.namespaces import SKG
from app.pages.citations import Citation, Flags, SourceInfo, citations_of, flags_of
from app.pages.terms import (
    DCTERMS,
    LABEL_PREDICATES,
    RDF_TYPE,
    RDFS,
    Labels,
    Value,
    first,
    show_literal,
    validity,
)
from app.store import Term

# Shown elsewhere on the page (heading, badges, citations, dates) or too long for a card.
BOOKKEEPING = {RDF_TYPE, DCTERMS + "source", str(SKG.locator), str(SKG.unverified),
               str(SKG.isEstimate), str(SKG.datePrecision)}
DATES = {str(SKG[n]) for n in ("from", "to", "date", "endDate", "startYear", "endYear")}
PROSE = {str(SKG[n]) for n in ("note", "text", "quote", "role", "context", "valueMeaning")}
PROSE |= {RDFS + "comment", DCTERMS + "description", str(SKG.case)}
NOTES = {str(SKG.note), RDFS + "comment"}
# Properties a reader looks for first, in this order; the rest follow alphabetically.
FIRST = tuple(str(SKG[n]) for n in (
    "operator", "union", "local", "parent", "subsidiary", "share", "supplierPlant",
    "customerPlant", "component", "workplace", "measure", "value", "valueMax", "unit",
    "qualifier", "refArea", "refOrganization", "refYear", "votesFor", "votesAgainst",
    "outcome"))
KIND_ORDER = ("Operation", "Representation", "RepresentationVote", "SupplyFlow", "Ownership",
              "IdentityChange", "TakeoverThreat", "StatisticalObservation")


@dataclass
class Node:
    """The statements of one subject as read from the store: predicate -> objects."""

    iri: str
    values: dict[str, list[Term]] = field(default_factory=lambda: defaultdict(list))
    demo_predicates: set[str] = field(default_factory=set)

    def add(self, predicate: str, obj: Term, *, demo: bool) -> None:
        self.values[predicate].append(obj)
        if demo:
            self.demo_predicates.add(predicate)

    @property
    def demo(self) -> bool:
        return bool(self.demo_predicates)

    def types(self) -> list[str]:
        return sorted(t.value for t in self.values.get(RDF_TYPE, []))

    def sort_key(self) -> tuple[str, str]:
        when = first(self.values, "from") or first(self.values, "date")
        return (when.value if when is not None else "9999", self.iri)


@dataclass(frozen=True)
class Row:
    """One property and its values."""

    prop: Value
    values: tuple[Value, ...]
    demo: bool = False


@dataclass(frozen=True)
class Card:
    """A node shown in a few lines: what it is, how it relates, when, from where."""

    node: Value
    kinds: tuple[Value, ...]
    details: tuple[Row, ...] = ()
    roles: tuple[Value, ...] = ()
    when: str | None = None
    citations: tuple[Citation, ...] = ()
    flags: Flags = field(default_factory=Flags)


@dataclass(frozen=True)
class Group:
    """Cards under one heading, the heading linking to `link` when given."""

    title: str
    cards: tuple[Card, ...]
    link: Value | None = None


def collect(rows: Iterable[tuple], demo_graphs: set[str]) -> dict[str, Node]:
    """Rows of (subject, graph, predicate, object) into nodes, in first-seen order."""
    nodes: dict[str, Node] = {}
    for n, g, p, o in rows:
        node = nodes.setdefault(n.value, Node(n.value))
        node.add(p.value, o, demo=g.value in demo_graphs)
    return nodes


def rows_of(node: Node, labels: Labels, *, literal: bool, hide: set[str]) -> tuple[Row, ...]:
    """Rows of literal (or of IRI) values, sorted by property label, notes last."""
    precision = first(node.values, "datePrecision")
    made = []
    for predicate, objects in node.values.items():
        kept = [o for o in objects if _is_literal(o) == literal]
        if predicate in hide or not kept:
            continue
        shown = tuple(show_value(o, labels, precision) for o in _unique(kept))
        made.append(Row(labels.value(predicate), shown, predicate in node.demo_predicates))
    return tuple(sorted(made, key=_row_order))


def _row_order(row: Row) -> tuple[bool, int, str]:
    iri = row.prop.iri or ""
    rank = FIRST.index(iri) if iri in FIRST else len(FIRST)
    return (iri in NOTES, rank, row.prop.text.lower())


def show_value(term: Term, labels: Labels, precision: Term | None = None) -> Value:
    if _is_literal(term):
        return show_literal(term, precision.value if precision is not None else None)
    return labels.value(term.value, kind="entity")


def card(node: Node, labels: Labels, sources: dict[str, SourceInfo], *,
         entity: str | None = None) -> Card:
    """A card for an n-ary node (its key values inline) or a plain linking subject."""
    details: list[Row] = []
    if entity is not None:
        hide = BOOKKEEPING | DATES | PROSE | set(LABEL_PREDICATES)
        details = [r for r in rows_of(node, labels, literal=False, hide=hide)
                   if not any(v.iri == entity for v in r.values)]
        details += rows_of(node, labels, literal=True, hide=hide)
    return Card(
        node=Value(labels.text(node.iri), node.iri, "entity"),
        kinds=tuple(labels.value(t, kind="class") for t in node.types()),
        details=tuple(details), when=validity(node.values),
        citations=citations_of(node.values, sources),
        flags=flags_of(node.values, demo=node.demo))


def group_by_kind(cards: dict[str, Card], nodes: dict[str, Node], labels: Labels,
                  roles: dict[str, list[str]]) -> tuple[Group, ...]:
    """N-ary cards under a heading per class (operations, representations, ...)."""
    by_kind: dict[str, list[Card]] = defaultdict(list)
    for iri in sorted(cards, key=lambda i: nodes[i].sort_key()):
        kinds = nodes[iri].types() or [""]
        role_values = tuple(labels.value(r) for r in sorted(set(roles[iri])))
        by_kind[kinds[0]].append(_with_roles(cards[iri], role_values))
    order = sorted(by_kind, key=lambda k: (_kind_rank(k), labels.text(k) if k else "~"))
    return tuple(Group(plural(labels.text(k)) if k else "Other facts", tuple(by_kind[k]),
                       labels.value(k, kind="class") if k else None) for k in order)


def _with_roles(made: Card, roles: tuple[Value, ...]) -> Card:
    return Card(made.node, made.kinds, made.details, roles, made.when, made.citations,
                made.flags)


def _kind_rank(kind: str) -> int:
    local = kind.rsplit("#", 1)[-1]
    return KIND_ORDER.index(local) if local in KIND_ORDER else len(KIND_ORDER)


def plural(text: str) -> str:
    word = text[:1].upper() + text[1:]
    if re.search(r"[^aeiou]y$", word):
        return word[:-1] + "ies"
    return word + ("es" if re.search(r"(s|x|ch|sh)$", word) else "s")


def _is_literal(term: Term) -> bool:
    return isinstance(term, ox.Literal)


def _unique(terms: list[Term]) -> list[Term]:
    seen: dict[str, Term] = {}
    for term in terms:
        seen.setdefault(str(term), term)
    return [seen[k] for k in sorted(seen)]
