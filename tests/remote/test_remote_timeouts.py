"""A query past the time limit is a QueryTimeout on each real server, never partial rows.

Oxigraph server cuts its HTTP 200 body off at its `--timeout-s`; Virtuoso
answers HTTP 500 (SR171) at its MaxQueryExecutionTime, or HTTP 200 with the
header X-SQL-State: S1TAT and partial rows when the app sends its own limit.
(This module runs last in tests/remote: a timed-out query may keep a server busy.)
"""

from __future__ import annotations

import time

import pytest

from app.errors import QueryTimeout
from app.store.remote import RemoteStore
from tests.remote.conftest import SERVER_QUERY_SECONDS

# Never finishes on the curated graph, and yields no row before it is stopped.
ENDLESS = {
    "oxigraph": """SELECT ?a WHERE { GRAPH ?x { ?a ?b ?c } GRAPH ?y { ?d ?e ?f }
                   FILTER(STRLEN(STR(?c)) = STRLEN(STR(?f)) + 100000) }""",
    "virtuoso": "SELECT ?a (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i } GROUP BY ?a",
}


def test_the_servers_own_time_limit_is_a_timeout(server):
    remote = RemoteStore.from_settings(server.load(SKG_SPARQL_TIMEOUT="60",
                                                   SKG_SPARQL_TIMEOUT_PARAM="none"))
    started = time.monotonic()
    with pytest.raises(QueryTimeout):
        remote.query(ENDLESS[server.name])
    assert time.monotonic() - started < SERVER_QUERY_SECONDS + 20


def test_the_apps_time_limit_is_a_timeout(server):
    remote = RemoteStore.from_settings(server.load(SKG_SPARQL_TIMEOUT="1"))
    started = time.monotonic()
    with pytest.raises(QueryTimeout, match="1 s"):
        remote.query(ENDLESS[server.name])
    assert time.monotonic() - started < 10


@pytest.mark.virtuoso
def test_virtuoso_partial_answer_is_a_timeout(virtuoso_server):
    """With the limit sent as `timeout`, Virtuoso returns partial rows marked S1TAT."""
    remote = RemoteStore.from_settings(virtuoso_server.load(
        SKG_SPARQL_TIMEOUT="1", SKG_SPARQL_TIMEOUT_PARAM="milliseconds"))
    with pytest.raises(QueryTimeout, match="only part of the answer"):
        remote.query(ENDLESS["virtuoso"])
