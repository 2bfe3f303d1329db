"""The shapes as SPARQL: one query per constraint, run by Oxigraph on a staged import.

pySHACL walks every focus node in Python (about 5 ms each: 10 s for a
1,000-row CSV); the same constraints as whole-graph SPARQL queries take a few
milliseconds each. This compiles the SHACL Core subset ontology/shapes.ttl
uses (targets by class or subject; minCount, maxCount, datatype, class, node,
in, pattern, min/maxInclusive, lessThanOrEquals, disjoint, uniqueLang,
hasValue, or, not) and refuses anything else, so a new kind of constraint
cannot be skipped silently. tests/test_shape_examples.py checks that it
reports exactly what pySHACL reports on every failing example.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from dataclasses import dataclass

import pyoxigraph as ox
from rdflib import RDF, Graph, Literal, URIRef
from rdflib.collection import Collection
from rdflib.namespace import SH
from rdflib.term import Node

from app.checks.shacl import ValidationResult

SUBCLASS = "<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>/" \
           "<http://www.w3.org/2000/01/rdf-schema#subClassOf>*"
VALUE_KEYS = {SH.datatype, SH["class"], SH.node, SH["in"], SH.pattern, SH.minInclusive,
              SH.maxInclusive, SH["or"]}
PAIR_KEYS = {SH.lessThanOrEquals, SH.disjoint, SH.uniqueLang, SH.hasValue, SH.minCount,
             SH.maxCount}
RESTRICT = "FILTER EXISTS { GRAPH ?import { ?focus ?p ?o } }"
IGNORED = {SH.path, SH.message, SH.severity, SH.name, SH.description, RDF.type, SH.property,
           SH.targetClass, SH.targetSubjectsOf}


class UnsupportedShape(ValueError):
    """shapes.ttl uses SHACL this compiler does not know: extend it (and its test)."""


@dataclass(frozen=True)
class Check:
    shape: str
    path: str
    constraint: str
    message: str
    severity: str
    query: str  # SELECT ?focus [?value] WHERE { ... RESTRICT ... }
    value_var: str  # "value", "focus" (node-level constraints) or "" (counts)


class Compiler:
    def __init__(self, shapes: Graph) -> None:
        self.shapes = shapes
        self.names = (f"?v{n}" for n in itertools.count())

    def checks(self) -> Iterator[Check]:
        for node_shape in sorted(set(self.shapes.subjects(RDF.type, SH.NodeShape))):
            target = self._target(node_shape)
            if target is None:
                continue
            for prop in sorted(self.shapes.objects(node_shape, SH.property)):
                yield from self._property_checks(prop, target)
            for key in (SH["or"], SH["not"]):
                if (node_shape, key, None) in self.shapes:
                    yield self._check(node_shape, "", key, target,
                                      f"FILTER(!({self.node_ok(node_shape, '?focus')}))",
                                      "?focus")

    def _target(self, shape: Node) -> str | None:
        patterns = [f"{{ ?focus {SUBCLASS} {c.n3()} }}"
                    for c in self.shapes.objects(shape, SH.targetClass)]
        patterns += [f"{{ ?focus {p.n3()} [] }}"
                     for p in self.shapes.objects(shape, SH.targetSubjectsOf)]
        return " UNION ".join(patterns) or None

    def _property_checks(self, prop: Node, target: str) -> Iterator[Check]:
        path = self._path(prop)
        for key in sorted(set(self.shapes.predicates(prop, None))):
            if key in IGNORED:
                continue
            if key not in VALUE_KEYS | PAIR_KEYS:
                raise UnsupportedShape(f"{prop}: {key} is not supported")
            arg = self.shapes.value(prop, key)
            if key in VALUE_KEYS:
                body = f"?focus {path} ?value . FILTER(!({self.value_ok(key, arg, '?value')}))"
                yield self._check(prop, path, key, target, body, "?value")
            else:
                body, value = self._pair(key, arg, path)
                yield self._check(prop, path, key, target, body, value)

    def _pair(self, key: URIRef, arg: Node, path: str) -> tuple[str, str]:
        if key == SH.minCount:
            return (f"FILTER NOT EXISTS {{ {{ SELECT ?focus WHERE {{ ?focus {path} ?any }} "
                    f"GROUP BY ?focus HAVING(COUNT(DISTINCT ?any) >= {int(arg)}) }} }}", "")
        if key == SH.maxCount:
            return (f"{{ SELECT ?focus WHERE {{ ?focus {path} ?any }} GROUP BY ?focus "
                    f"HAVING(COUNT(DISTINCT ?any) > {int(arg)}) }}", "")
        if key == SH.hasValue:
            return f"FILTER NOT EXISTS {{ ?focus {path} {arg.n3()} }}", ""
        if key == SH.lessThanOrEquals:
            return (f"?focus {path} ?value . ?focus {arg.n3()} ?other . "
                    "FILTER(!COALESCE(?value <= ?other, false))", "?value")
        if key == SH.disjoint:
            return f"?focus {path} ?value . ?focus {arg.n3()} ?value .", "?value"
        return (f"?focus {path} ?value, ?second . FILTER(?value != ?second && "
                "LANG(?value) != '' && LANG(?value) = LANG(?second))", "")  # uniqueLang

    def _check(self, shape: Node, path: str, key: URIRef, target: str, body: str,
               value: str) -> Check:
        message = self.shapes.value(shape, SH.message)
        severity = self.shapes.value(shape, SH.severity) or SH.Violation
        projection = "?focus ?value" if value == "?value" else "?focus"
        query = f"SELECT DISTINCT {projection} WHERE {{ {target} {RESTRICT} {body} }}"
        component = key.split("#")[-1]
        return Check(str(shape), str(path).strip("<>"),
                     component[0].upper() + component[1:] + "ConstraintComponent",
                     str(message or ""), str(severity).split("#")[-1], query,
                     value.lstrip("?"))

    def _path(self, prop: Node) -> str:
        path = self.shapes.value(prop, SH.path)
        if not isinstance(path, URIRef):
            raise UnsupportedShape(f"{prop}: only simple paths are supported")
        return path.n3()

    def node_ok(self, shape: Node, var: str) -> str:
        """A SPARQL expression: `var` conforms to the node shape `shape`."""
        parts = []
        for prop in self.shapes.objects(shape, SH.property):
            parts.append(self.property_ok(prop, var))
        for key in (SH["class"], SH.datatype, SH["in"], SH.pattern, SH.minInclusive,
                    SH.maxInclusive, SH.node, SH["or"]):
            for arg in self.shapes.objects(shape, key):
                parts.append(self.value_ok(key, arg, var))
        for arg in self.shapes.objects(shape, SH["not"]):
            parts.append(f"!({self.node_ok(arg, var)})")
        if (shape, SH.path, None) in self.shapes:
            parts = [self.property_ok(shape, var)]
        return " && ".join(f"({p})" for p in parts) or "true"

    def property_ok(self, prop: Node, var: str) -> str:
        path, v = self._path(prop), next(self.names)
        parts = []
        for key in sorted(set(self.shapes.predicates(prop, None)) - IGNORED):
            arg = self.shapes.value(prop, key)
            if key in VALUE_KEYS:
                parts.append(f"NOT EXISTS {{ {var} {path} {v} . "
                             f"FILTER(!({self.value_ok(key, arg, v)})) }}")
            elif key == SH.hasValue:
                parts.append(f"EXISTS {{ {var} {path} {arg.n3()} }}")
            elif key == SH.minCount and int(arg) == 1:
                parts.append(f"EXISTS {{ {var} {path} {v} }}")
            else:
                raise UnsupportedShape(f"{prop}: {key} inside a logical constraint")
        return " && ".join(f"({p})" for p in parts) or "true"

    def value_ok(self, key: URIRef, arg: Node, var: str) -> str:
        if key == SH.datatype:
            return f"isLITERAL({var}) && DATATYPE({var}) = {arg.n3()}"
        if key == SH["class"]:
            return f"EXISTS {{ {var} {SUBCLASS} {arg.n3()} }}"
        if key == SH.node:
            return self.node_ok(arg, var)
        if key == SH["in"]:
            return f"{var} IN ({', '.join(m.n3() for m in Collection(self.shapes, arg))})"
        if key == SH.pattern:
            return f"!isBLANK({var}) && REGEX(STR({var}), {Literal(str(arg)).n3()})"
        if key in (SH.minInclusive, SH.maxInclusive):
            op = ">=" if key == SH.minInclusive else "<="
            return f"COALESCE({var} {op} {arg.n3()}, false)"
        alternatives = [self.node_ok(a, var) for a in Collection(self.shapes, arg)]  # sh:or
        return " || ".join(f"({a})" for a in alternatives)


def compile_shapes(shapes: Graph) -> tuple[Check, ...]:
    return tuple(Compiler(shapes).checks())


def run_checks(checks: tuple[Check, ...], store: ox.Store,
               import_graph: str | None) -> list[ValidationResult]:
    """Every violation as ValidationResult rows: of the nodes described in
    `import_graph`, or (None) of every node of the store."""
    results = []
    for check in checks:
        restrict = f"FILTER EXISTS {{ GRAPH <{import_graph}> {{ ?focus ?p ?o }} }}" \
            if import_graph else ""
        for row in store.query(check.query.replace(RESTRICT, restrict),
                               use_default_graph_as_union=True):
            value = row[check.value_var] if check.value_var else None
            results.append(ValidationResult(
                check.severity, row["focus"].value, check.path,
                "" if value is None or isinstance(value, ox.BlankNode) else value.value,
                check.message, check.shape, check.constraint))
    return results
