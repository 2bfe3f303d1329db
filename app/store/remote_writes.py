"""Whole-graph writes to a remote SPARQL server.

With a Graph Store Protocol URL a graph is replaced by one PUT (the server
swaps it whole) and dropped by DELETE; otherwise one SPARQL Update request
does `DROP SILENT GRAPH` then `INSERT DATA`. Data is parsed here first, so
a malformed file never reaches the server, and sent as N-Triples (which every
server reads as Turtle).
"""

from __future__ import annotations

import base64
import re
import time
import urllib.error
import urllib.request
from typing import TYPE_CHECKING
from urllib.parse import quote

import pyoxigraph as ox
from SPARQLWrapper import POST, SPARQLWrapper

from app.errors import DataFileError
from app.store.remote_answers import read_body, to_error

if TYPE_CHECKING:
    from app.store.remote import RemoteConfig

WRITE_FACTOR = 10  # a write may take this many times the query time limit
MIN_WRITE_SECONDS = 120.0
_NON_ASCII = re.compile(r"[^\x00-\x7f]")


class GraphWriter:
    def __init__(self, config: RemoteConfig) -> None:
        self.config = config
        self.limit = max(config.timeout * WRITE_FACTOR, MIN_WRITE_SECONDS)

    def replace_graph(self, graph: str, data: bytes, *, format: ox.RdfFormat) -> int:
        triples = parse_triples(data, format)
        body = ascii_only(ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES))
        if self.config.gsp_url:
            self._gsp("PUT", graph, body)
        else:
            self._update(f"DROP SILENT GRAPH <{graph}> ;\n"
                         f"INSERT {{ GRAPH <{graph}> {{\n{body.decode()}\n}} }} WHERE {{}}")
        return len(triples)

    def drop_graph(self, graph: str) -> None:
        if self.config.gsp_url:
            self._gsp("DELETE", graph, None)
        else:
            self._update(f"DROP SILENT GRAPH <{graph}>")

    def _gsp(self, method: str, graph: str, body: bytes | None) -> None:
        url = f"{self.config.gsp_url}?graph={quote(graph, safe='')}"
        request = urllib.request.Request(url, data=body, method=method)  # noqa: S310 (http(s) only: checked in app.config)
        if body is not None:
            request.add_header("Content-Type", "text/turtle; charset=utf-8")
        started = time.monotonic()
        try:
            answer = authorization(self.config, url, method)
            if answer:
                request.add_unredirected_header("Authorization", answer)
            with urllib.request.build_opener().open(request, timeout=self.limit) as response:
                read_body(response, self.limit, started)
        except urllib.error.HTTPError as exc:
            if not (method == "DELETE" and exc.code == 404):  # dropping what is not there
                raise to_error(exc, url, self.limit) from None
        except OSError as exc:
            raise to_error(exc, url, self.limit) from None

    def _update(self, update: str) -> None:
        wrapper = SPARQLWrapper(self.config.query_url, updateEndpoint=self.config.update_url)
        wrapper.setMethod(POST)
        wrapper.timeout = self.limit  # setTimeout() truncates to whole seconds
        wrapper.setQuery(update)
        started = time.monotonic()
        try:
            answer = authorization(self.config, self.config.update_url, "POST")
            if answer:
                wrapper.addCustomHttpHeader("Authorization", answer)
            response = wrapper.query().response
            try:
                read_body(response, self.limit, started)
            finally:
                response.close()
        except Exception as exc:
            raise to_error(exc, self.config.update_url, self.limit) from None


def authorization(config: RemoteConfig, url: str, method: str) -> str | None:
    """The Authorization header for one request, sent with its body the first time.

    A server may close the connection on its 401 before reading a large body
    (Virtuoso does), and urllib's own handlers then never see the challenge:
    basic credentials go up front, and a digest challenge is fetched first
    with a body-less HEAD.
    """
    if not config.user:
        return None
    if config.auth == "basic":
        secret = base64.b64encode(f"{config.user}:{config.password}".encode()).decode()
        return f"Basic {secret}"
    probe = urllib.request.Request(url, method="HEAD")  # noqa: S310 (http(s): app.config)
    try:
        urllib.request.build_opener().open(probe, timeout=30).close()
        return None  # no challenge: nothing to answer
    except urllib.error.HTTPError as exc:
        challenge = exc.headers.get("WWW-Authenticate") or ""
    if not challenge.lower().startswith("digest "):
        return None
    passwords = urllib.request.HTTPPasswordMgrWithDefaultRealm()
    passwords.add_password(None, url, config.user, config.password)
    fields = urllib.request.parse_keqv_list(
        filter(None, urllib.request.parse_http_list(challenge[7:])))
    request = urllib.request.Request(url, data=b"", method=method)  # noqa: S310
    answer = urllib.request.HTTPDigestAuthHandler(passwords).get_authorization(request, fields)
    return f"Digest {answer}" if answer else None


def ascii_only(ntriples: bytes) -> bytes:
    """N-Triples with every non-ASCII character as a \\u or \\U escape.

    Virtuoso stores characters beyond Latin-1 sent as raw UTF-8 as '?'; the
    escapes are standard N-Triples (in IRIs and literals) that every server reads.
    """
    return _NON_ASCII.sub(_escape, ntriples.decode("utf-8")).encode("ascii")


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\u{code:04X}" if code <= 0xFFFF else f"\\U{code:08X}"


def parse_triples(data: bytes, format: ox.RdfFormat) -> list[ox.Triple]:
    """Every triple of `data` (quads lose their graph), or DataFileError."""
    try:
        return [quad.triple for quad in ox.parse(data, format=format)]
    except SyntaxError as exc:
        raise DataFileError(f"The data does not parse: {exc}") from None
