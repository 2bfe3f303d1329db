"""Defences of the public application (issue 6): headers, limits, no outgoing requests."""

from __future__ import annotations

import json
import socket
import threading
import time
import urllib.parse

import pytest

from tests.conftest import clean_env, fetch, start_server, stop_server
from tests.test_sparql import get

SLOW = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"


def test_pages_carry_security_headers(client):
    response = client.get("/")
    assert "default-src 'self'" in response.headers["Content-Security-Policy"]
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.headers["X-Frame-Options"] == "DENY"


class Listener:
    """A TCP listener on 127.0.0.1 that counts the connections it receives."""

    def __init__(self) -> None:
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen()
        self.sock.settimeout(0.2)
        self.port = self.sock.getsockname()[1]
        self.connections = 0
        self.running = True
        self.thread = threading.Thread(target=self._accept, daemon=True)
        self.thread.start()

    def _accept(self) -> None:
        while self.running:
            try:
                conn, _ = self.sock.accept()
            except OSError:
                continue
            self.connections += 1
            conn.close()

    def close(self) -> None:
        self.running = False
        self.thread.join(timeout=2)
        self.sock.close()


@pytest.fixture()
def listener():
    opened = Listener()
    yield opened
    opened.close()


def test_no_request_leaves_the_server_on_a_clients_behalf(live_server, listener):
    url = f"http://127.0.0.1:{listener.port}/sparql"
    queries = [
        f"SELECT * WHERE {{ SERVICE <{url}> {{ ?s ?p ?o }} }}",
        f"select * where {{ service silent <{url}> {{ ?s ?p ?o }} }}",
        f"SELECT * FROM <{url}> WHERE {{ ?s ?p ?o }}",
        f"SELECT * FROM NAMED <{url}> WHERE {{ GRAPH ?g {{ ?s ?p ?o }} }}",
        "SELECT * FROM <file:///etc/passwd> WHERE { ?s ?p ?o }",
    ]
    for query in queries:
        status, _, _ = get(live_server, query)
        assert status == 400, query
    for update in (f"LOAD <{url}>", f"LOAD <{url}> INTO GRAPH <http://x/>"):
        status, _, _ = fetch(
            live_server + "/sparql",
            data=update.encode(),
            headers={"Content-Type": "application/sparql-update"},
        )
        assert status == 403
        status, _, _ = get(live_server, update)
        assert status == 400
    status, _, _ = get(live_server, "SELECT * WHERE { ?s ?p ?o }", **{"default-graph-uri": url})
    assert status == 400
    time.sleep(0.5)
    assert listener.connections == 0


def test_rate_limit_answers_429_with_retry_after():
    process, base = start_server(clean_env(SKG_RATE_LIMIT="5"))
    try:
        answers = [fetch(base + "/", headers={"Accept": "application/json"}) for _ in range(8)]
    finally:
        stop_server(process)
    statuses = [status for status, _, _ in answers]
    assert statuses[:5] == [200] * 5 and 429 in statuses
    _, headers, body = next(a for a in answers if a[0] == 429)
    assert int(headers["Retry-After"]) >= 1 and json.loads(body)["code"] == "rate-limited"


def test_pages_answer_while_free_queries_fill_their_slots():
    process, base = start_server(clean_env(SKG_QUERY_TIMEOUT="4", SKG_QUERY_WORKERS="2"))
    try:
        thread = threading.Thread(target=lambda: get(base, SLOW, timeout=30))
        thread.start()
        time.sleep(0.5)
        started = time.monotonic()
        status, _, _ = fetch(base + "/health")
        page_status, _, _ = fetch(
            base + "/id/organization/euromin", headers={"Accept": "text/html"}
        )
        elapsed = time.monotonic() - started
        second, headers, body = get(base, "ASK { ?s ?p ?o }")
        thread.join(timeout=30)
    finally:
        stop_server(process)
    assert (status, page_status) == (200, 200) and elapsed < 3
    assert second == 429 and json.loads(body)["code"] == "too-many-queries"
    assert "Retry-After" in headers


def test_oversized_query_text_is_refused(live_server):
    query = "SELECT * WHERE { ?s ?p ?o } #" + "x" * 300_000
    status, _, body = fetch(
        live_server + "/sparql",
        data=urllib.parse.urlencode({"query": query}).encode(),
        headers={"Content-Type": "application/x-www-form-urlencoded", "Accept": "application/json"},
    )
    assert status in (400, 413)
    assert json.loads(body)["ok"] is False
