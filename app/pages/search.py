"""Find entities by label: exact matches first, then starts-with, then contains.

The search text reaches SPARQL only as an escaped literal (`literal_term`).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from app.errors import SkgError
from app.pages.entity_queries import demo_graphs
from app.pages.terms import (
    ID_BASE,
    RDF_TYPE,
    Queryable,
    Value,
    fetch_labels,
    iri_term,
    literal_term,
    prologue,
    select,
    values_clause,
)

MAX_LENGTH = 200
LIMIT = 50
MATCHES = ("exact", "starts-with", "contains")


class SearchTextInvalid(SkgError):
    code = "bad-parameter"
    status = 400


@dataclass(frozen=True)
class Hit:
    iri: str
    label: str
    match: str
    types: tuple[Value, ...]
    demo: bool

    @property
    def rest(self) -> str:
        return self.iri[len(ID_BASE):]


@dataclass(frozen=True)
class SearchResult:
    query: str
    hits: tuple[Hit, ...] = ()
    message: str | None = None
    too_long: bool = False
    truncated: bool = False


def search(store: Queryable, text: str) -> SearchResult:
    """Entities whose label (or a source's title) contains `text`, case-insensitively."""
    query = text.strip()
    if not query:
        return SearchResult("", message="Type a name or part of one, such as “Oshawa” or “CanMin”.")
    if len(query) > MAX_LENGTH:
        return SearchResult(query[:MAX_LENGTH], too_long=True, message=(
            f"The search text is {len(query)} characters long; use at most {MAX_LENGTH}."))
    rows = select(store, _label_query(query)).rows
    demo = {row[0].value for row in select(store, demo_graphs()).rows}
    best: dict[str, tuple[str, str, bool]] = {}
    demo_hits: set[str] = set()
    for s, label, rank, g in rows:
        best.setdefault(s.value, (label.value, MATCHES[int(rank.value)], False))
        if g.value in demo:
            demo_hits.add(s.value)
    kept = list(best)[:LIMIT]
    types = _types(store, kept)
    hits = tuple(Hit(i, best[i][0], best[i][1], types.get(i, ()), i in demo_hits) for i in kept)
    message = None if hits else f"Nothing has a label containing “{query}”."
    return SearchResult(query, hits, message, truncated=len(best) > LIMIT)


def _label_query(text: str) -> str:
    return prologue("rdfs", "skos", "dcterms") + f"""
    SELECT ?s ?label ?rank ?g WHERE {{
      VALUES ?p {{ rdfs:label skos:prefLabel dcterms:title }}
      GRAPH ?g {{ ?s ?p ?label }}
      FILTER(isIRI(?s) && STRSTARTS(STR(?s), {literal_term(ID_BASE)}))
      BIND(LCASE(STR(?label)) AS ?name)
      BIND(LCASE({literal_term(text)}) AS ?wanted)
      FILTER(CONTAINS(?name, ?wanted))
      BIND(IF(?name = ?wanted, 0, IF(STRSTARTS(?name, ?wanted), 1, 2)) AS ?rank)
    }} ORDER BY ?rank STRLEN(?name) ?name ?s LIMIT {LIMIT * 10}"""


def _types(store: Queryable, iris: list[str]) -> dict[str, tuple[Value, ...]]:
    if not iris:
        return {}
    rows = select(store, f"SELECT ?s ?t WHERE {{ {values_clause('s', iris)} "
                         f"?s {iri_term(RDF_TYPE)} ?t }} ORDER BY ?s ?t").rows
    labels = fetch_labels(store, {t.value for _, t in rows})
    found: dict[str, list[Value]] = defaultdict(list)
    for s, t in rows:
        found[s.value].append(labels.value(t.value, kind="class"))
    return {s: tuple(v) for s, v in found.items()}
