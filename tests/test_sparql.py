"""The /sparql endpoint, queried by real clients against a real server process."""

from __future__ import annotations

import json
import threading
import time
import urllib.error
import urllib.parse
import urllib.request

import pytest
import rdflib
from rdflib.plugins.stores.sparqlstore import SPARQLStore
from SPARQLWrapper import JSON, POST, SPARQLWrapper

from tests.conftest import clean_env, fetch, start_server, stop_server

SKG = "https://w3id.org/solidarity-graph/ontology#"
PHASES = f"SELECT ?phase WHERE {{ ?phase a <{SKG}Phase> }} ORDER BY ?phase"
GRAPH = "https://w3id.org/solidarity-graph/graph/"
SLOW = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"


def get(base: str, query: str, accept: str = "application/sparql-results+json", **extra: str):
    params = urllib.parse.urlencode({"query": query, **extra})
    return fetch(f"{base}/sparql?{params}", headers={"Accept": accept})


def test_sparqlwrapper_post_select(live_server):
    client = SPARQLWrapper(live_server + "/sparql")
    client.setMethod(POST)
    client.setReturnFormat(JSON)
    client.setQuery(PHASES)
    client.setTimeout(30)
    bindings = client.queryAndConvert()["results"]["bindings"]
    assert [b["phase"]["value"].rsplit("/", 1)[-1] for b in bindings] == [
        "phase-mining-1", "phase-mining-2", "phase-mining-3"]


def test_rdflib_sparqlstore_reads_the_graph(live_server):
    graph = rdflib.Graph(store=SPARQLStore(live_server + "/sparql", returnFormat="json"))
    rows = list(graph.query(
        "SELECT ?label WHERE { <https://w3id.org/solidarity-graph/id/organization/euromin> "
        "<http://www.w3.org/2000/01/rdf-schema#label> ?label }"))
    assert [str(r[0]) for r in rows] == ["EuroMin (pseudonym)"]


@pytest.mark.parametrize(("accept", "media", "marker"), [
    ("application/sparql-results+json", "application/sparql-results+json", b'"bindings"'),
    ("application/sparql-results+xml", "application/sparql-results+xml", b"<sparql"),
    ("text/csv", "text/csv", b"phase\r\n"),
    ("text/tab-separated-values", "text/tab-separated-values", b"?phase\n"),
])
def test_select_results_in_every_format(live_server, accept, media, marker):
    status, headers, body = get(live_server, PHASES, accept)
    assert status == 200
    assert headers["Content-Type"].startswith(media)
    assert marker in body
    assert body.count(b"phase-mining-") == 3


@pytest.mark.parametrize(("accept", "rdflib_format"), [
    ("text/turtle", "turtle"), ("application/n-triples", "nt"),
    ("application/rdf+xml", "xml"), ("application/ld+json", "json-ld"),
])
def test_construct_in_every_rdf_format(live_server, accept, rdflib_format):
    query = f"CONSTRUCT WHERE {{ ?phase a <{SKG}Phase> }}"
    status, headers, body = get(live_server, query, accept)
    assert status == 200 and headers["Content-Type"].startswith(accept)
    graph = rdflib.Graph().parse(data=body, format=rdflib_format)
    assert len(graph) == 3


def test_post_form_and_direct_give_the_same_answer(live_server):
    form = urllib.parse.urlencode({"query": PHASES}).encode()
    _, _, by_form = fetch(live_server + "/sparql", data=form, headers={
        "Content-Type": "application/x-www-form-urlencoded", "Accept": "text/csv"})
    _, _, direct = fetch(live_server + "/sparql", data=PHASES.encode(), headers={
        "Content-Type": "application/sparql-query", "Accept": "text/csv"})
    assert by_form == direct and by_form.count(b"\r\n") == 4


def test_default_graph_uri_limits_the_dataset(live_server):
    query = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
    _, _, all_graphs = get(live_server, query, "text/csv")
    _, _, one = get(live_server, query, "text/csv", **{"default-graph-uri": GRAPH + "sources"})
    assert int(one.split()[-1]) < int(all_graphs.split()[-1])


def test_from_a_store_graph_is_honoured_and_foreign_from_refused(live_server):
    query = "SELECT (COUNT(*) AS ?n) FROM <{}> WHERE {{ ?s ?p ?o }}"
    status, _, body = get(live_server, query.format(GRAPH + "sources"), "text/csv")
    assert status == 200 and 0 < int(body.split()[-1]) < 1000
    status, _, body = get(live_server, query.format("http://127.0.0.1:9/elsewhere"))
    assert status == 400 and json.loads(body)["code"] == "query-refused"


def test_service_description_on_bare_get(live_server):
    status, headers, body = fetch(live_server + "/sparql", headers={"Accept": "text/turtle"})
    assert status == 200 and headers["Content-Type"].startswith("text/turtle")
    graph = rdflib.Graph().parse(data=body, format="turtle")
    sd = rdflib.Namespace("http://www.w3.org/ns/sparql-service-description#")
    assert (None, rdflib.RDF.type, sd.Service) in graph
    names = {str(o) for o in graph.objects(None, sd.name)}
    assert GRAPH + "mining-case" in names


@pytest.mark.parametrize(("request_kwargs", "status", "code"), [
    ({"query": "SELECT * WHERE { ?s ?p }"}, 400, "sparql-syntax-error"),
    ({"query": "SELECT * WHERE { SERVICE <http://127.0.0.1:9/> { ?s ?p ?o } }"}, 400,
     "query-refused"),
])
def test_bad_queries_get_a_clear_400(live_server, request_kwargs, status, code):
    got, _, body = get(live_server, request_kwargs["query"])
    payload = json.loads(body)
    assert (got, payload["code"], payload["ok"]) == (status, code, False)


def test_syntax_error_names_line_and_column(live_server):
    _, _, body = get(live_server, "SELECT ?s\nWHERE { ?s ?p }")
    details = json.loads(body)["details"]
    assert details["line"] == 2 and details["column"] > 0


def test_malformed_requests(live_server):
    status, _, _ = fetch(live_server + "/sparql?query=ASK%7B%7D&query=ASK%7B%7D",
                         headers={"Accept": "application/json"})
    assert status == 400
    status, _, _ = fetch(live_server + "/sparql", data=b"ASK {}",
                         headers={"Content-Type": "text/plain"})
    assert status == 400
    status, _, _ = fetch(live_server + "/sparql", data=b"",
                         headers={"Content-Type": "application/x-www-form-urlencoded"})
    assert status == 400


def test_updates_are_refused_and_change_nothing(live_server):
    count = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
    before = get(live_server, count, "text/csv")[2]
    for body, ctype in [(b"update=DROP+ALL", "application/x-www-form-urlencoded"),
                        (b"DROP ALL", "application/sparql-update"),
                        (b"LOAD <http://127.0.0.1:9/x>", "application/sparql-update")]:
        status, _, _ = fetch(live_server + "/sparql", data=body, headers={"Content-Type": ctype})
        assert status == 403
    status, _, _ = get(live_server, "DROP ALL")
    assert status == 400
    assert get(live_server, count, "text/csv")[2] == before


def test_406_when_no_format_fits(live_server):
    status, _, body = get(live_server, PHASES, "image/png")
    assert status == 406 and json.loads(body)["code"] == "not-acceptable"


def test_row_cap_cuts_and_says_so():
    process, base = start_server(clean_env(SKG_ROW_LIMIT="5"))
    try:
        status, headers, body = get(base, "SELECT ?s WHERE { ?s ?p ?o } ORDER BY ?s")
    finally:
        stop_server(process)
    payload = json.loads(body)
    assert status == 200 and len(payload["results"]["bindings"]) == 5
    assert payload["truncated"] is True and headers["SKG-Results-Truncated"] == "5"


def test_time_limit_stops_a_query_while_others_answer():
    process, base = start_server(clean_env(SKG_QUERY_TIMEOUT="2", SKG_QUERY_WORKERS="3"))
    try:
        outcome: dict[str, object] = {}

        def slow() -> None:
            started = time.monotonic()
            outcome["slow"] = get(base, SLOW, timeout=60)
            outcome["slow_seconds"] = time.monotonic() - started

        thread = threading.Thread(target=slow)
        thread.start()
        time.sleep(0.5)
        status, _, body = get(base, PHASES, "text/csv")
        assert status == 200 and body.count(b"phase-mining-") == 3
        thread.join(timeout=60)
        slow_status, _, slow_body = outcome["slow"]  # type: ignore[misc]
        assert slow_status == 504 and json.loads(slow_body)["code"] == "query-timeout"
        assert outcome["slow_seconds"] < 10
        assert get(base, PHASES, "text/csv")[0] == 200
    finally:
        stop_server(process)


def test_query_page_for_people(client):
    response = client.get("/sparql", headers={"Accept": "text/html"})
    assert response.status_code == 200 and b'<textarea id="query"' in response.data
    response = client.get("/sparql", query_string={"query": PHASES},
                          headers={"Accept": "text/html"})
    assert response.data.count(b"phase-mining-") >= 3
    response = client.get("/sparql", query_string={"query": "SELECT * WHERE { ?s ?p }"},
                          headers={"Accept": "text/html"})
    assert response.status_code == 200 and b"line 1" in response.data
