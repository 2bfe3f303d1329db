"""The ontology documentation: classes (as a tree), properties and code lists.

Read from the loaded graphs graph/ontology, graph/shapes and the code lists,
so the page always shows what the store holds.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from app.pages.ontology_shapes import ShapeDoc, fetch_shapes
from app.pages.terms import (
    ONTOLOGY_GRAPH,
    Labels,
    Queryable,
    Value,
    curie,
    fetch_labels,
    iri_term,
    prologue,
    select,
)

KINDS = {"ObjectProperty": "links to a thing", "DatatypeProperty": "a value",
         "AnnotationProperty": "an annotation"}


@dataclass(frozen=True)
class ClassDoc:
    term: Value
    curie: str
    definition: str | None
    parents: tuple[Value, ...]
    children: tuple[Value, ...]
    properties: tuple[Value, ...]
    shapes: tuple[ShapeDoc, ...]


@dataclass(frozen=True)
class TreeNode:
    term: Value
    children: tuple[TreeNode, ...]


@dataclass(frozen=True)
class PropertyDoc:
    term: Value
    curie: str
    kind: str
    definition: str | None
    domains: tuple[Value, ...]
    ranges: tuple[Value, ...]
    parents: tuple[Value, ...]


@dataclass(frozen=True)
class ConceptDoc:
    term: Value
    notation: str | None
    definition: str | None


@dataclass(frozen=True)
class SchemeDoc:
    term: Value
    definition: str | None
    concepts: tuple[ConceptDoc, ...]


@dataclass(frozen=True)
class OntologyDoc:
    classes: tuple[ClassDoc, ...]
    tree: tuple[TreeNode, ...]
    properties: tuple[PropertyDoc, ...]
    schemes: tuple[SchemeDoc, ...]


def build_ontology_doc(store: Queryable) -> OntologyDoc:
    classes = _terms(store, "?x a owl:Class", "?x rdfs:subClassOf ?other")
    properties = _terms(store, "?x a ?kind", "?x rdfs:subPropertyOf ?other",
                        extra="?kind", kinds=True)
    domains, ranges = _pairs(store, "rdfs:domain"), _pairs(store, "rdfs:range")
    wanted = {*classes, *properties, *_flat(domains), *_flat(ranges)}
    labels = fetch_labels(store, wanted)
    shapes = fetch_shapes(store, labels)
    class_docs = tuple(_class_doc(c, classes, domains, labels, shapes)
                       for c in _by_label(classes, labels))
    property_docs = tuple(
        PropertyDoc(labels.value(p), curie(p), properties[p]["kind"], properties[p]["def"],
                    _values(domains.get(p, ()), labels, "class"),
                    _values(ranges.get(p, ()), labels, "class"),
                    _values(properties[p]["others"], labels, "property"))
        for p in _by_label(properties, labels))
    return OntologyDoc(class_docs, _tree(classes, labels), property_docs,
                       fetch_schemes(store))


def _terms(store: Queryable, pattern: str, parents: str, *, extra: str = "",
           kinds: bool = False) -> dict[str, dict]:
    """Terms the ontology graph declares: definition, parents (and kind)."""
    kind_filter = ("VALUES ?kind { owl:ObjectProperty owl:DatatypeProperty "
                   "owl:AnnotationProperty }") if kinds else ""
    rows = select(store, prologue("owl", "rdfs", "skos") + f"""
    SELECT ?x ?def ?other {extra} WHERE {{ GRAPH {iri_term(ONTOLOGY_GRAPH)} {{
      {kind_filter} {pattern} . FILTER(isIRI(?x))
      OPTIONAL {{ ?x skos:definition ?def }}
      OPTIONAL {{ {parents} . FILTER(isIRI(?other)) }}
    }} }}""").rows
    found: dict[str, dict] = {}
    for row in rows:
        entry = found.setdefault(row[0].value, {"def": None, "others": set(), "kind": ""})
        entry["def"] = row[1].value if row[1] is not None else entry["def"]
        if row[2] is not None:
            entry["others"].add(row[2].value)
        if kinds:
            entry["kind"] = KINDS[row[3].value.rsplit("#", 1)[-1]]
    return found


def _pairs(store: Queryable, predicate: str) -> dict[str, set[str]]:
    rows = select(store, prologue("rdfs") + f"""SELECT ?x ?y WHERE {{
      GRAPH {iri_term(ONTOLOGY_GRAPH)} {{ ?x {predicate} ?y FILTER(isIRI(?y)) }} }}""").rows
    found: dict[str, set[str]] = defaultdict(set)
    for x, y in rows:
        found[x.value].add(y.value)
    return found


def _class_doc(iri: str, classes: dict[str, dict], domains: dict[str, set[str]],
               labels: Labels, shapes: dict[str, tuple[ShapeDoc, ...]]) -> ClassDoc:
    children = [c for c, entry in classes.items() if iri in entry["others"]]
    own_properties = [p for p, ds in domains.items() if iri in ds]
    return ClassDoc(labels.value(iri, kind="class"), curie(iri), classes[iri]["def"],
                    _values(classes[iri]["others"], labels, "class"),
                    _values(children, labels, "class"),
                    _values(own_properties, labels, "property"), shapes.get(iri, ()))


def _tree(classes: dict[str, dict], labels: Labels) -> tuple[TreeNode, ...]:
    """Classes under their superclasses; a class with two parents shows under both."""
    children: dict[str, list[str]] = defaultdict(list)
    roots = []
    for iri, entry in classes.items():
        parents = [p for p in entry["others"] if p in classes]
        for parent in parents:
            children[parent].append(iri)
        if not parents:
            roots.append(iri)

    def node(iri: str) -> TreeNode:
        kids = sorted(children[iri], key=lambda c: labels.text(c).lower())
        return TreeNode(labels.value(iri, kind="class"), tuple(node(k) for k in kids))

    return tuple(node(r) for r in sorted(roots, key=lambda r: labels.text(r).lower()))


def fetch_schemes(store: Queryable) -> tuple[SchemeDoc, ...]:
    """Every SKOS concept scheme with its concepts, sorted by label."""
    rows = select(store, prologue("skos") + """
    SELECT ?scheme ?sdef ?c ?cdef ?notation WHERE {
      ?scheme a skos:ConceptScheme . OPTIONAL { ?scheme skos:definition ?sdef }
      OPTIONAL { ?c skos:inScheme ?scheme OPTIONAL { ?c skos:definition ?cdef }
                 OPTIONAL { ?c skos:notation ?notation } }
    }""").rows
    labels = fetch_labels(store, {t.value for row in rows for t in (row[0], row[2]) if t})
    schemes: dict[str, tuple[str | None, dict[str, ConceptDoc]]] = {}
    for scheme, sdef, concept, cdef, notation in rows:
        entry = schemes.setdefault(scheme.value, (sdef.value if sdef else None, {}))
        if concept is not None:
            entry[1].setdefault(concept.value, ConceptDoc(
                labels.value(concept.value), notation.value if notation else None,
                cdef.value if cdef else None))
    return tuple(
        SchemeDoc(labels.value(s), schemes[s][0],
                  tuple(sorted(schemes[s][1].values(), key=lambda c: c.term.text.lower())))
        for s in _by_label(schemes, labels))


def _values(iris: object, labels: Labels, kind: str) -> tuple[Value, ...]:
    return tuple(labels.value(i, kind=kind) for i in _by_label(iris, labels))


def _by_label(iris: object, labels: Labels) -> list[str]:
    return sorted(iris, key=lambda i: (labels.text(i).lower(), i))  # type: ignore[call-overload]


def _flat(pairs: dict[str, set[str]]) -> set[str]:
    return {y for ys in pairs.values() for y in ys}
