"""What a remote SPARQL server answers, turned into the app's results and errors.

Servers report trouble in different ways, and some report a timeout as
success: Oxigraph server answers HTTP 200 and cuts the body off with an
error text; Virtuoso answers HTTP 200 with partial results and only the
header `X-SQL-State: S1TAT` says so. Every such answer becomes QueryTimeout:
the app never shows a partial result as if it were whole.
"""

from __future__ import annotations

import http.client
import json
import logging
import re
import time
import urllib.error
from typing import Any
from urllib.parse import urlsplit

import pyoxigraph as ox
from SPARQLWrapper import SPARQLExceptions

from app.errors import QueryTimeout, SkgError, SparqlSyntaxError, StoreRefused, StoreUnavailable
from app.store import QueryResult, Table, Term, Triples, collector_paused

_TIMEOUT_WORDS = re.compile(r"timed? ?out|timeout|S1T00|SR171|cancell?ed", re.IGNORECASE)
_BLANK_LABEL = re.compile(r"[^A-Za-z0-9_]")
_CHUNK = 1 << 16
_BOOLEAN = "http://www.w3.org/2001/XMLSchema#boolean"
log = logging.getLogger(__name__)


def where(url: str) -> str:
    """host:port of a URL: what errors name (never the path, query or credentials)."""
    parts = urlsplit(url)
    port = parts.port or (443 if parts.scheme == "https" else 80)
    return f"{parts.hostname}:{port}"


def timeout_error(limit: float, how: str = "") -> QueryTimeout:
    return QueryTimeout(
        f"The query ran past the time limit of {limit:g} s and was stopped{how}. "
        "Narrow it (fewer property paths, a LIMIT, more specific patterns) and try again.",
        {"timeout_seconds": limit})


def cut_off(limit: float) -> QueryTimeout:
    return timeout_error(limit, " (the SPARQL server cut its answer off; no partial "
                                "result is shown)")


def read_body(response: Any, limit: float, started: float) -> bytes:
    """The whole body, or QueryTimeout once the time limit has passed."""
    chunks = []
    while True:
        if time.monotonic() - started > limit:
            response.close()
            raise timeout_error(limit)
        chunk = response.read(_CHUNK)
        if not chunk:
            return b"".join(chunks)
        chunks.append(chunk)


def check_headers(headers: Any, limit: float) -> None:
    """Virtuoso marks an interrupted ('anytime') answer only in a header."""
    if (headers.get("X-SQL-State") or "").strip().upper() == "S1TAT":
        raise timeout_error(limit, " by the SPARQL server, which returned only part of "
                                   "the answer; no partial result is shown")


def to_result(body: bytes, media_type: str, form: str, row_limit: int,
              limit: float) -> QueryResult:
    """Parse a complete body; a body that does not parse was cut off."""
    try:
        with collector_paused():
            if form in {"CONSTRUCT", "DESCRIBE"}:
                return _triples(body, media_type, row_limit)
            return _solutions(json.loads(body), form, row_limit)
    except (ValueError, SyntaxError, KeyError, TypeError):
        raise cut_off(limit) from None


def _triples(body: bytes, media_type: str, row_limit: int) -> Triples:
    rdf_format = ox.RdfFormat.from_media_type(media_type) or ox.RdfFormat.N_TRIPLES
    triples = [quad.triple for quad in ox.parse(body, format=rdf_format)]
    return Triples(tuple(triples[:row_limit]), truncated=len(triples) > row_limit)


def _solutions(document: dict[str, Any], form: str, row_limit: int) -> QueryResult:
    if "boolean" in document:
        return bool(document["boolean"])
    bindings = document["results"]["bindings"]
    if form == "ASK":  # Virtuoso may answer ASK as one row holding 1 or 0
        return bool(bindings) and _truthy(next(iter(bindings[0].values()), None))
    names = tuple(document["head"].get("vars", ()))
    rows = tuple(tuple(term(b.get(n)) for n in names) for b in bindings[:row_limit])
    return Table(names, rows, truncated=len(bindings) > row_limit)


def _truthy(value: dict[str, str] | None) -> bool:
    return value is not None and value.get("value") in {"1", "true"}


def term(value: dict[str, Any] | None) -> Term | None:
    """One term of SPARQL 1.1 Query Results JSON as a pyoxigraph term."""
    if value is None:
        return None
    kind, text = value["type"], value["value"]
    if kind == "uri":
        return ox.NamedNode(text)
    if kind == "bnode":  # Virtuoso labels them nodeID://b1234
        return ox.BlankNode(_BLANK_LABEL.sub("", text) or "b")
    if kind in {"literal", "typed-literal"}:
        if "xml:lang" in value:
            return ox.Literal(text, language=value["xml:lang"])
        if value.get("datatype") == _BOOLEAN:  # Virtuoso answers 1 and 0
            text = {"1": "true", "0": "false"}.get(text, text)
        if "datatype" in value:
            return ox.Literal(text, datatype=ox.NamedNode(value["datatype"]))
        return ox.Literal(text)
    if kind == "triple":
        return ox.Triple(term(text["subject"]), term(text["predicate"]),  # type: ignore[arg-type]
                         term(text["object"]))  # type: ignore[arg-type]
    raise ValueError(f"unknown term type {kind!r}")


def to_error(exc: BaseException, url: str, limit: float) -> SkgError:
    """The app's own error for what went wrong talking to the server at `url`."""
    if isinstance(exc, SkgError):
        return exc
    if isinstance(exc, SPARQLExceptions.SPARQLWrapperException):
        return _from_wrapper(exc, url, limit)
    if isinstance(exc, urllib.error.HTTPError):
        return from_status(exc.code, _read_error_body(exc), url, limit)
    if isinstance(exc, TimeoutError) or (
            isinstance(exc, urllib.error.URLError) and isinstance(exc.reason, TimeoutError)):
        return timeout_error(limit)
    if isinstance(exc, http.client.IncompleteRead):
        return cut_off(limit)
    if isinstance(exc, OSError | http.client.HTTPException):
        return unreachable(url)
    raise exc


def unreachable(url: str) -> StoreUnavailable:
    return StoreUnavailable(
        f"The SPARQL server at {where(url)} cannot be reached; check that it is running "
        "and the SKG_SPARQL_* settings.", {"server": where(url)})


def _from_wrapper(exc: SPARQLExceptions.SPARQLWrapperException, url: str,
                  limit: float) -> SkgError:
    """SPARQLWrapper keeps the body only inside its message, as a bytes repr."""
    statuses = {SPARQLExceptions.QueryBadFormed: 400, SPARQLExceptions.Unauthorized: 401,
                SPARQLExceptions.EndPointNotFound: 404, SPARQLExceptions.URITooLong: 414,
                SPARQLExceptions.EndPointInternalError: 500}
    status = next((code for kind, code in statuses.items() if isinstance(exc, kind)), 500)
    if isinstance(exc.__context__, urllib.error.HTTPError):
        exc.__context__.close()  # SPARQLWrapper read the body but left the socket open
    text = str(exc).split("\n\nResponse:\n", 1)
    return from_status(status, text[1] if len(text) == 2 else "", url, limit)


def from_status(status: int, body: str, url: str, limit: float) -> SkgError:
    server = {"server": where(url), "http_status": status}
    if status in {401, 403}:
        return StoreRefused(
            f"The SPARQL server at {where(url)} refused the request (HTTP {status}); check "
            "SKG_SPARQL_USER, SKG_SPARQL_PASSWORD and SKG_SPARQL_AUTH, and that this user "
            "may read and write there.", server)
    if status == 400:
        reason = safe_message(body)
        return SparqlSyntaxError(
            f"The SPARQL server refused the query: {reason}" if reason else
            "The SPARQL server refused the query as malformed.", server)
    if status in {408, 504} or (status >= 500 and _TIMEOUT_WORDS.search(body)):
        return timeout_error(limit, " by the SPARQL server")
    log.warning("SPARQL server %s answered HTTP %s: %s", where(url), status, safe_message(body))
    return StoreUnavailable(
        f"The SPARQL server at {where(url)} could not answer (HTTP {status}); its own "
        "message is in the application's log.", server)


def safe_message(body: str) -> str:
    """The server's own explanation, if it is short plain text (never HTML or the query)."""
    text = body.strip()
    if text.startswith(("b'", 'b"')):
        text = text[2:-1].encode("latin-1", "replace").decode("unicode_escape", "replace")
    text = re.split(r"\n\s*SPARQL query:", text, maxsplit=1)[0]
    if "<" in text and re.search(r"<\s*(html|body|!doctype|head)", text, re.IGNORECASE):
        return ""
    text = " ".join(text.split())
    text = "".join(c for c in text if c.isprintable())
    return text[:300]


def _read_error_body(exc: urllib.error.HTTPError) -> str:
    try:
        return exc.read(_CHUNK).decode("utf-8", "replace")
    except OSError:
        return ""
    finally:
        exc.close()
