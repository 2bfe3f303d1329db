"""Reading an RDF upload (Turtle, TriG, N-Triples, JSON-LD), with no network access.

The format comes from the file name, never from sniffing the content. JSON-LD
that names a remote context (a string in @context, or @import) is refused
before any parser sees it, so nothing is ever fetched. Syntax errors name the
line and column.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pyoxigraph as ox
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.term import Node

from app.imports.csv_input import decode
from app.imports.errors import BadImportFile
from app.loading import describe_parse_error, parse_error_position

OX_FORMATS = {".ttl": ox.RdfFormat.TURTLE, ".trig": ox.RdfFormat.TRIG,
              ".nt": ox.RdfFormat.N_TRIPLES}
JSON_LD = (".jsonld", ".json")
RDF_SUFFIXES = (*OX_FORMATS, *JSON_LD)
_PREFIX_LINE = re.compile(r"(?:@prefix|PREFIX)\s+([A-Za-z][\w.-]*)?:\s*<([^>]*)>", re.I)


def is_rdf(file_name: str) -> bool:
    return Path(file_name).suffix.lower() in RDF_SUFFIXES


def read_rdf(data: bytes, file_name: str) -> Graph:
    """All triples of the upload (the graphs of a TriG file are merged into one)."""
    text = decode(data, file_name)
    suffix = Path(file_name).suffix.lower()
    if suffix in JSON_LD:
        return _read_json_ld(text, file_name)
    try:
        quads = list(ox.parse(text.encode("utf-8"), format=OX_FORMATS[suffix]))
    except SyntaxError as exc:
        raise BadImportFile(f"{file_name}: {describe_parse_error(str(exc))}",
                            {"file": file_name, **parse_error_position(str(exc))}) from None
    graph = Graph()
    for quad in quads:
        graph.add((to_rdflib(quad.subject), to_rdflib(quad.predicate), to_rdflib(quad.object)))
    return graph


def to_rdflib(term: Any) -> Node:
    if isinstance(term, ox.NamedNode):
        return URIRef(term.value)
    if isinstance(term, ox.BlankNode):
        return BNode(term.value)
    if isinstance(term, ox.Literal):
        if term.language:
            return Literal(term.value, lang=term.language)
        return Literal(term.value, datatype=URIRef(term.datatype.value))
    raise BadImportFile(f"RDF-star triples are not accepted ({term}).")


def _read_json_ld(text: str, file_name: str) -> Graph:
    try:
        document = json.loads(text)
    except json.JSONDecodeError as exc:
        raise BadImportFile(f"{file_name}: line {exc.lineno}, column {exc.colno}: not valid "
                            f"JSON: {exc.msg}.", {"file": file_name, "line": exc.lineno,
                                                  "column": exc.colno}) from None
    for remote in _remote_contexts(document):
        raise BadImportFile(
            f"{file_name}: the JSON-LD names a remote context ({remote}); remote contexts "
            "are never fetched. Put the context inline (an object under @context).",
            {"file": file_name, "context": remote})
    graph = Graph()
    try:
        graph.parse(data=text, format="json-ld")
    except Exception as exc:  # rdflib's JSON-LD parser raises many kinds; report, never crash
        raise BadImportFile(f"{file_name}: the JSON-LD cannot be read: {exc}.",
                            {"file": file_name}) from None
    return graph


def _remote_contexts(node: Any) -> Iterator[str]:
    if isinstance(node, dict):
        for key, value in node.items():
            if key in ("@context", "@import"):
                yield from _context_strings(value)
            yield from _remote_contexts(value)
    elif isinstance(node, list):
        for item in node:
            yield from _remote_contexts(item)


def _context_strings(value: Any) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, list):
        for item in value:
            yield from _context_strings(item)


def find_line(text: str, iri: str) -> int | None:
    """The first line of an RDF text that names `iri` (in full or as prefix:local)."""
    names = [f"<{iri}>", f'"{iri}"']
    for prefix, namespace in _PREFIX_LINE.findall(text):
        if namespace and iri.startswith(namespace) and len(iri) > len(namespace):
            names.append(f"{prefix}:{iri[len(namespace):]}")
    pattern = re.compile("|".join(re.escape(n) + r"(?![\w-])" for n in names))
    for number, line in enumerate(text.splitlines(), start=1):
        if not _PREFIX_LINE.search(line) and pattern.search(line):
            return number
    return None
