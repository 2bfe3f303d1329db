"""Building a large result (store, worker pipe, server JSON) does not set off the cycle collector.

Every value of a result row is an object the collector tracks; before the
collector was paused while rows are built, 4,216 rows of ten columns set it off
about sixty times, with a full pass every second query (app/store/embedded.py).
"""

from __future__ import annotations

import gc
import json
from collections.abc import Iterator

import pyoxigraph as ox
import pytest

from app.store import Table
from app.store.embedded import EmbeddedStore, convert_result
from app.store.pool import QueryPool
from app.store.remote_answers import to_result

ROWS = 5_000
EX = "http://example.org/"


@pytest.fixture(scope="module")
def store() -> EmbeddedStore:
    store = EmbeddedStore(row_limit=100_000)
    store.raw.extend(ox.Quad(ox.NamedNode(f"{EX}s{i}"), ox.NamedNode(f"{EX}p"),
                             ox.Literal(f"value {i}"), ox.NamedNode(f"{EX}g"))
                     for i in range(ROWS))
    return store


@pytest.fixture
def passes() -> Iterator[list[int]]:
    """The generation of every collector pass that starts while the test runs."""
    seen: list[int] = []

    def note(phase: str, info: dict[str, int]) -> None:
        if phase == "start":
            seen.append(info["generation"])

    gc.callbacks.append(note)
    yield seen
    gc.callbacks.remove(note)


def from_a_clean_start(passes: list[int]) -> None:
    """Collect now and forget that pass, so that only the query's own passes are counted."""
    gc.collect()
    passes.clear()


def test_a_large_result_is_built_without_a_collector_pass(store, passes) -> None:
    from_a_clean_start(passes)
    result = store.query("SELECT ?s ?o WHERE { ?s ?p ?o }")
    assert isinstance(result, Table) and len(result.rows) == ROWS
    # At most one pass of the youngest generation, when the collector resumes
    # (without the pause: one every 700 new objects, about twenty here).
    assert passes in ([], [0])
    assert gc.isenabled()


def test_a_large_result_from_a_query_worker_is_read_without_a_collector_pass(
        store, passes) -> None:
    pool = QueryPool(store, workers=1)
    try:
        from_a_clean_start(passes)
        result = pool.query("SELECT ?s ?o WHERE { ?s ?p ?o }")
        assert isinstance(result, Table) and len(result.rows) == ROWS
        assert passes in ([], [0])
    finally:
        pool.close()


def test_a_large_answer_from_a_sparql_server_is_read_without_a_collector_pass(passes) -> None:
    bindings = [{"s": {"type": "uri", "value": f"{EX}s{i}"},
                 "o": {"type": "literal", "value": f"value {i}"}} for i in range(ROWS)]
    body = json.dumps({"head": {"vars": ["s", "o"]},
                       "results": {"bindings": bindings}}).encode()
    from_a_clean_start(passes)
    result = to_result(body, "application/sparql-results+json", "SELECT", row_limit=100_000,
                       limit=10.0)
    assert isinstance(result, Table) and len(result.rows) == ROWS
    assert passes in ([], [0])


def test_a_collector_turned_off_by_the_caller_stays_off(store) -> None:
    gc.disable()
    try:
        store.query("SELECT ?s WHERE { ?s ?p ?o }")
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_the_collector_comes_back_when_reading_a_result_fails() -> None:
    def triples_that_break() -> Iterator[ox.Triple]:
        yield ox.Triple(ox.NamedNode(f"{EX}s"), ox.NamedNode(f"{EX}p"), ox.Literal("o"))
        raise OSError("connection lost while reading the result")

    with pytest.raises(OSError):
        convert_result(triples_that_break(), row_limit=10)
    assert gc.isenabled()
