"""Terms as people read them: labels, links, dates, and safe query text.

Every IRI or literal that reaches SPARQL here goes through `iri_term` or
`literal_term` (pyoxigraph terms printed with `str`, which escapes them).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Protocol

import pyoxigraph as ox

from app.errors import SkgError
from app.namespaces import BASE, GRAPH, PREFIXES, SKG
from app.store import QueryResult, Table, Term

ID_BASE = BASE + "id/"
FACT_BASE = ID_BASE + "fact/"
ONTOLOGY_GRAPH = str(GRAPH["ontology"])
RDF_TYPE = PREFIXES["rdf"] + "type"
RDFS = PREFIXES["rdfs"]
SKOS = PREFIXES["skos"]
DCTERMS = PREFIXES["dcterms"]
XSD = PREFIXES["xsd"]
LABEL_PREDICATES = (RDFS + "label", SKOS + "prefLabel", DCTERMS + "title")
PRECISION = ID_BASE + "concept/date-precision/"


class Queryable(Protocol):
    def query(self, sparql: str, *, timeout: float | None = None) -> QueryResult: ...


def select(store: Queryable, sparql: str) -> Table:
    """Run a SELECT and return its table (anything else is a bug in our query)."""
    result = store.query(sparql)
    if not isinstance(result, Table):
        raise SkgError("An internal query did not return a table.")
    return result


def iri_term(iri: str) -> str:
    """`<iri>` for a query; ValueError when `iri` is not a valid IRI."""
    return str(ox.NamedNode(iri))


def literal_term(text: str) -> str:
    """A plain string literal for a query, quotes, backslashes and newlines escaped."""
    return str(ox.Literal(text))


def values_clause(variable: str, iris: Iterable[str]) -> str:
    return f"VALUES ?{variable} {{ {' '.join(iri_term(i) for i in sorted(set(iris)))} }}"


def prologue(*names: str) -> str:
    return "".join(f"PREFIX {n}: <{PREFIXES[n]}>\n" for n in names)


def slug(iri: str) -> str:
    """The last segment of an IRI, the label of last resort."""
    tail = iri.rstrip("/#").rsplit("#", 1)[-1]
    return tail.rsplit("/", 1)[-1] or iri


def curie(iri: str) -> str:
    for prefix, namespace in PREFIXES.items():
        if iri.startswith(namespace) and len(iri) > len(namespace):
            return f"{prefix}:{iri[len(namespace):]}"
    return iri


def anchor(kind: str, iri: str) -> str:
    """The HTML id of an ontology term on the ontology page: class-skg-Plant, prop-skg-from."""
    name = curie(iri)
    if name == iri:
        name = slug(iri)
    return f"{kind}-" + "".join(c if c.isalnum() or c in "-_" else "-" for c in name)


@dataclass(frozen=True)
class Value:
    """An RDF term ready to show. `link` says where it points:

    "entity" (a page under /id/), "class" or "property" (an ontology anchor),
    "external" (an http(s) address) or None (plain text).
    """

    text: str
    iri: str | None = None
    link: str | None = None
    lang: str | None = None

    @property
    def rest(self) -> str:
        return (self.iri or "")[len(ID_BASE):]

    @property
    def anchor(self) -> str:
        return anchor("class" if self.link == "class" else "prop", self.iri or "")


@dataclass(frozen=True)
class Labels:
    """Display labels of IRIs, and which IRIs the ontology defines."""

    names: dict[str, str]
    ontology: frozenset[str]

    def text(self, iri: str) -> str:
        return self.names.get(iri) or slug(iri)

    def value(self, iri: str, *, kind: str = "property") -> Value:
        """A Value for an IRI: an entity page, an ontology anchor, or a link out."""
        if iri.startswith(ID_BASE):
            return Value(self.text(iri), iri, "entity")
        if iri in self.ontology:
            return Value(self.text(iri), iri, kind)
        external = "external" if iri.startswith(("http://", "https://")) else None
        return Value(self.names.get(iri) or curie(iri), iri, external)


def fetch_labels(store: Queryable, iris: Iterable[str]) -> Labels:
    """English (or untagged) labels, preferring rdfs:label, then skos:prefLabel, then title."""
    wanted = {i for i in iris if i}
    if not wanted:
        return Labels({}, frozenset())
    rows = select(store, f"""SELECT ?x ?p ?label ?g WHERE {{
      {values_clause("x", wanted)}
      {values_clause("p", LABEL_PREDICATES)}
      GRAPH ?g {{ ?x ?p ?label }}
      FILTER(LANG(?label) = "" || LANGMATCHES(LANG(?label), "en"))
    }}""").rows
    best: dict[str, tuple[int, str]] = {}
    for x, p, label, _ in rows:
        rank = LABEL_PREDICATES.index(p.value)
        if x.value not in best or (rank, label.value) < best[x.value]:
            best[x.value] = (rank, label.value)
    ontology = frozenset(r[0].value for r in rows if r[3].value == ONTOLOGY_GRAPH)
    return Labels({iri: text for iri, (_, text) in best.items()}, ontology)


def show_literal(term: Term, precision: str | None = None) -> Value:
    """A literal as text: dates by their precision, booleans as yes/no, URLs as links."""
    if not isinstance(term, ox.Literal):
        return Value(str(term))
    datatype = term.datatype.value
    if datatype == XSD + "date":
        return Value(format_date(term.value, precision))
    if datatype == XSD + "boolean":
        return Value("yes" if term.value in {"true", "1"} else "no")
    if datatype == XSD + "anyURI" and term.value.startswith(("http://", "https://")):
        return Value(term.value, term.value, "external")
    return Value(term.value, lang=term.language)


def format_date(text: str, precision: str | None = None) -> str:
    """'2005-01-01' with year precision -> '2005'; month -> 'June 2006'; else '16 January 2021'."""
    try:
        day = dt.date.fromisoformat(text)
    except ValueError:
        return text
    if precision == PRECISION + "year" and (day.month, day.day) == (1, 1):
        return str(day.year)
    if precision in {PRECISION + "year", PRECISION + "month"} and day.day == 1:
        return f"{day:%B} {day.year}"
    return f"{day.day} {day:%B} {day.year}"


def validity(values: dict[str, list[Term]]) -> str | None:
    """When a node holds, from its skg:from/to, skg:date/endDate or start/end years."""
    precision = first(values, "datePrecision")
    precision_iri = precision.value if precision is not None else None

    def date(name: str) -> str | None:
        term = first(values, name)
        return format_date(term.value, precision_iri) if term is not None else None

    start = date("from") or date("date") or _year(values, "startYear")
    end = date("to") or date("endDate") or _year(values, "endYear")
    if start and end:
        return start if start == end else f"{start} – {end}"
    if start:
        return start if first(values, "date") is not None else f"since {start}"
    return f"until {end}" if end else None


def first(values: dict[str, list[Term]], local: str) -> Term | None:
    found = values.get(str(SKG[local]))
    return found[0] if found else None


def _year(values: dict[str, list[Term]], local: str) -> str | None:
    term = first(values, local)
    return term.value if term is not None else None
