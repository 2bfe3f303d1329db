"""The SHACL constraints of each class, in words, for the ontology page."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

import pyoxigraph as ox

from app.namespaces import GRAPH, PREFIXES
from app.pages.terms import Labels, Queryable, Value, curie, iri_term, prologue, select
from app.store import Term

SH = PREFIXES["sh"]
SHAPES_GRAPH = str(GRAPH["shapes"])
RULES = {
    "minCount": "at least {}", "maxCount": "at most {}", "datatype": "datatype {}",
    "class": "a {}", "pattern": "matches {}", "hasValue": "includes {}",
    "minInclusive": "at least {}", "maxInclusive": "at most {}",
    "lessThanOrEquals": "no later or larger than {}", "node": "conforms to {}",
    "uniqueLang": "one value per language", "disjoint": "shares no value with {}",
}


@dataclass(frozen=True)
class Constraint:
    path: Value
    rules: tuple[str, ...]
    message: str | None


@dataclass(frozen=True)
class ShapeDoc:
    iri: str
    label: str
    message: str | None
    constraints: tuple[Constraint, ...]


def fetch_shapes(store: Queryable, labels: Labels) -> dict[str, tuple[ShapeDoc, ...]]:
    """Class IRI -> the node shapes that target it, each with its property constraints."""
    rows = select(store, prologue("sh", "rdfs") + f"""
    SELECT ?class ?shape ?slabel ?smsg ?ps ?path ?msg WHERE {{ GRAPH {iri_term(SHAPES_GRAPH)} {{
      ?shape sh:targetClass ?class .
      OPTIONAL {{ ?shape rdfs:label ?slabel }} OPTIONAL {{ ?shape sh:message ?smsg }}
      OPTIONAL {{ ?shape sh:property ?ps . ?ps sh:path ?path . FILTER(isIRI(?path))
                 OPTIONAL {{ ?ps sh:message ?msg }} }}
    }} }} ORDER BY ?class ?shape ?path""").rows
    rules = _rules(store, labels)
    shapes: dict[str, dict[str, list]] = defaultdict(dict)
    heads: dict[str, tuple[str, str | None]] = {}
    for cls, shape, slabel, smsg, ps, path, msg in rows:
        heads[shape.value] = (slabel.value if slabel else shape.value,
                              smsg.value if smsg else None)
        found = shapes[cls.value].setdefault(shape.value, [])
        if ps is not None:
            found.append(Constraint(labels.value(path.value), tuple(rules.get(str(ps), ())),
                                    msg.value if msg else None))
    return {cls: tuple(ShapeDoc(s, *heads[s], tuple(cs)) for s, cs in by_shape.items())
            for cls, by_shape in shapes.items()}


def _rules(store: Queryable, labels: Labels) -> dict[str, list[str]]:
    """Property shape (as query text) -> its constraints in words."""
    names = " ".join(f"sh:{name}" for name in RULES)
    rows = select(store, prologue("sh", "rdf") + f"""
    SELECT ?ps ?k ?v ?choice WHERE {{ GRAPH {iri_term(SHAPES_GRAPH)} {{
      {{ ?ps ?k ?v . VALUES ?k {{ {names} }} }}
      UNION {{ ?ps sh:in ?list . ?list rdf:rest*/rdf:first ?v . BIND(true AS ?choice) }}
      UNION {{ ?ps sh:or ?list . ?list rdf:rest*/rdf:first ?alt .
               ?alt ?k ?v . VALUES ?k {{ sh:class sh:datatype }} BIND(true AS ?choice) }}
    }} }} ORDER BY ?ps ?k ?v""").rows
    found: dict[str, list[str]] = defaultdict(list)
    choices: dict[str, list[str]] = defaultdict(list)
    for ps, k, v, choice in rows:
        if choice is not None:
            choices[str(ps)].append(_show(v, labels))
        else:
            found[str(ps)].append(RULES[k.value[len(SH):]].format(_show(v, labels)))
    for ps, options in choices.items():
        found[ps].append("one of: " + ", ".join(options))
    return found


def _show(term: Term, labels: Labels) -> str:
    if isinstance(term, ox.NamedNode):
        return labels.names.get(term.value) or curie(term.value)
    return getattr(term, "value", str(term))
