"""The SPARQL 1.1 Protocol, query side: what a request asks, and in what format.

Reads the query and dataset from GET or POST (form or direct), refuses what a
public read-only endpoint must not do (updates, SERVICE, FROM graphs the
store does not hold), and picks the response format from the Accept header.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import pyoxigraph as ox

from app.errors import QueryRefused, SkgError
from app.results import to_csv, to_json, to_tsv, to_xml
from app.store import DatasetSpec, QueryResult, Table, Triples

MAX_QUERY_CHARACTERS = 100_000
_MAYBE_DATASET_OR_SERVICE = re.compile(r"\b(FROM|SERVICE)\b", re.IGNORECASE)

RESULT_FORMATS = {
    "application/sparql-results+json": to_json,
    "application/json": to_json,
    "application/sparql-results+xml": to_xml,
    "application/xml": to_xml,
    "text/csv": to_csv,
    "text/tab-separated-values": to_tsv,
}
GRAPH_FORMATS = {
    "text/turtle": ox.RdfFormat.TURTLE,
    "application/n-triples": ox.RdfFormat.N_TRIPLES,
    "application/rdf+xml": ox.RdfFormat.RDF_XML,
    "application/ld+json": ox.RdfFormat.JSON_LD,
    "text/plain": ox.RdfFormat.N_TRIPLES,
}


class BadRequest(SkgError):
    code = "bad-request"
    status = 400


class QueryTooLarge(SkgError):
    code = "query-too-large"
    status = 413


class UpdateRefused(SkgError):
    code = "read-only"
    status = 403


class NotAcceptable(SkgError):
    code = "not-acceptable"
    status = 406


@dataclass(frozen=True)
class QueryRequest:
    query: str
    dataset: DatasetSpec | None


def read_request(method: str, content_type: str, args, form, body: bytes) -> QueryRequest | None:  # type: ignore[no-untyped-def]
    """The query and dataset of a protocol request; None for a bare GET."""
    if "update" in args or "update" in form or content_type == "application/sparql-update":
        raise UpdateRefused("This endpoint is read-only: SPARQL updates are not accepted.")
    if method == "GET":
        return _from_params(args, args) if args else None
    if content_type == "application/x-www-form-urlencoded":
        return _from_params(form, args)
    if content_type == "application/sparql-query":
        return QueryRequest(_decode(body), _dataset(args))
    raise BadRequest(
        f"A POST must be application/x-www-form-urlencoded or application/sparql-query, "
        f"not {content_type or 'without a content type'}.")


def _from_params(params, dataset_params) -> QueryRequest:  # type: ignore[no-untyped-def]
    queries = params.getlist("query")
    if not queries:
        raise BadRequest("The request has no `query` parameter.")
    if len(queries) > 1:
        raise BadRequest("The request has more than one `query` parameter; send one query.")
    return QueryRequest(queries[0], _dataset(dataset_params))


def _decode(body: bytes) -> str:
    try:
        return body.decode("utf-8")
    except UnicodeDecodeError:
        raise BadRequest("The query is not valid UTF-8 text.") from None


def _dataset(params) -> DatasetSpec | None:  # type: ignore[no-untyped-def]
    default = tuple(params.getlist("default-graph-uri"))
    named = tuple(params.getlist("named-graph-uri"))
    if not default and not named:
        return None
    return DatasetSpec(default or None, named or None)


def check_query(request: QueryRequest, graphs: list[str]) -> QueryRequest:
    """Refuse SERVICE and unknown graphs; turn FROM / FROM NAMED into a dataset."""
    if len(request.query) > MAX_QUERY_CHARACTERS:
        raise QueryTooLarge(
            f"The query has {len(request.query):,} characters; the limit is "
            f"{MAX_QUERY_CHARACTERS:,}.")
    if not _MAYBE_DATASET_OR_SERVICE.search(request.query):
        _check_graphs(request.dataset, graphs)
        return request
    from_graphs, from_named, service = _inspect(request.query)
    if service:
        raise QueryRefused("SERVICE is not allowed: this endpoint never calls other servers.")
    dataset = request.dataset
    if dataset is None and (from_graphs or from_named):
        dataset = DatasetSpec(tuple(from_graphs) or None, tuple(from_named) or None)
    _check_graphs(dataset, graphs)
    return QueryRequest(request.query, dataset)


def _check_graphs(dataset: DatasetSpec | None, graphs: list[str]) -> None:
    if dataset is None:
        return
    known = set(graphs)
    for graph in (dataset.default_graphs or ()) + (dataset.named_graphs or ()):
        if graph not in known:
            raise QueryRefused(
                f"<{graph}> is not a graph of this store; only the store's own graphs "
                "can be named (see the service description for the list).",
                {"graph": graph})


def _inspect(query: str) -> tuple[list[str], list[str], bool]:
    from rdflib.plugins.sparql.parser import parseQuery

    try:
        parsed = parseQuery(query)
    except Exception:
        return _inspect_unparsed(query)
    clauses = parsed[1].get("datasetClause") or []
    defaults = [str(c["default"]) for c in clauses if "default" in c]
    named = [str(c["named"]) for c in clauses if "named" in c]
    return defaults, named, "ServiceGraphPattern" in repr(parsed)


def _inspect_unparsed(query: str) -> tuple[list[str], list[str], bool]:
    """rdflib could not parse it: refuse rather than risk SERVICE or a foreign FROM."""
    if re.search(r"\bSERVICE\b", query, re.IGNORECASE):
        return [], [], True
    raise QueryRefused(
        "The query uses FROM in a way this endpoint could not check; "
        "use default-graph-uri / named-graph-uri parameters instead.")


def negotiate(result: QueryResult, accept) -> tuple[str, bytes]:  # type: ignore[no-untyped-def]
    """The media type and body for `result`, given the Accept header."""
    if isinstance(result, Triples):
        media = _best(accept, list(GRAPH_FORMATS), "text/turtle")
        body = ox.serialize(result.triples, format=GRAPH_FORMATS[media])
        return media, body
    media = _best(accept, list(RESULT_FORMATS), "application/sparql-results+json")
    return media, RESULT_FORMATS[media](result).encode("utf-8")


def _best(accept, offers: list[str], default: str) -> str:  # type: ignore[no-untyped-def]
    if not accept or not accept.values() or accept.best == "*/*":
        return default
    preferred = max(accept.quality(o) for o in offers)
    if accept.quality(default) and accept.quality(default) >= preferred:
        return default
    best = accept.best_match(offers)
    if best is None:
        raise NotAcceptable(
            f"None of the requested formats can be produced; offered: {', '.join(offers)}.")
    return best


def is_truncated(result: QueryResult) -> bool:
    return isinstance(result, (Table, Triples)) and result.truncated
