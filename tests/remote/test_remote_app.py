"""The whole application on a remote server (SKG_STORE=remote): /sparql, entity pages,
questions and the home page answer as they do on the embedded store."""

from __future__ import annotations

import json

import pytest
from bs4 import BeautifulSoup

from app.config import load_settings
from app.questions.catalog import load_catalog
from app.web import create_app
from tests.conftest import clean_env

PLANTS = """PREFIX skg: <https://w3id.org/solidarity-graph/ontology#>
SELECT ?plant WHERE { ?plant a skg:AssemblyPlant } ORDER BY ?plant"""
ENTITIES = ["/id/organization/canmin1", "/id/workplace/mining-case-chile-refinery"]


@pytest.fixture(scope="module")
def remote_client(server):
    application = create_app({"TESTING": True}, settings=server.load())
    assert type(application.extensions["skg.pool"]).__name__ == "RemoteStore"
    return application.test_client()


def main_text(response) -> str:
    page = BeautifulSoup(response.data, "html.parser")
    return " ".join((page.find("main") or page).get_text(" ").split())


def test_sparql_endpoint_answers_from_the_server(remote_client, client):
    asked = {"query": PLANTS}
    accept = {"Accept": "application/sparql-results+json"}
    remote = remote_client.post("/sparql", data=asked, headers=accept)
    local = client.post("/sparql", data=asked, headers=accept)
    assert remote.status_code == 200, remote.data
    assert json.loads(remote.data) == json.loads(local.data)


def test_a_syntax_error_through_the_endpoint_is_a_400_in_the_error_shape(remote_client):
    response = remote_client.post("/sparql", data={"query": "SELECT ?x WHERE { ?x ?y }"},
                                  headers={"Accept": "application/sparql-results+json"})
    body = json.loads(response.data)
    assert response.status_code == 400 and body["ok"] is False
    assert body["code"] == "sparql-syntax-error"


@pytest.mark.parametrize("path", ENTITIES)
def test_entity_page_is_the_same_as_on_the_embedded_store(remote_client, client, path,
                                                          server, request):
    if server.name == "virtuoso" and path == ENTITIES[0]:
        request.applymarker(pytest.mark.xfail(strict=True, reason=(
            "Virtuoso evaluates EXISTS { FILTER ... } with no triple pattern as true, so "
            "the alliance that targets CanMin1 shows as a fact (app/pages/entity_queries.py)")))
    remote = remote_client.get(path)
    assert remote.status_code == 200
    assert main_text(remote) == main_text(client.get(path))


def test_home_page_counts_the_servers_graphs(remote_client, store):
    health = json.loads(remote_client.get("/health").data)
    assert health["triples"] == len(store) and health["graphs"] == len(store.graphs())


@pytest.mark.parametrize("slug", ["ultimate-parent", "plants-by-employer"])
def test_a_questions_json_api_is_the_same_as_on_the_embedded_store(remote_client, client,
                                                                    server, slug):
    spec = load_catalog(load_settings(clean_env()).query_dir)[slug]
    args = {p.name: p.example for p in spec.params if p.example}
    remote = remote_client.get(f"/questions/{slug}.json", query_string=args)
    assert remote.status_code == 200, remote.data
    remote_rows = json.loads(remote.data)["results"]["bindings"]
    local_rows = json.loads(client.get(f"/questions/{slug}.json",
                                       query_string=args).data)["results"]["bindings"]
    if server.name == "virtuoso":  # its ORDER BY on long strings is not by code point
        remote_rows, local_rows = (sorted(rows, key=json.dumps)
                                   for rows in (remote_rows, local_rows))
    assert remote_rows == local_rows
