"""Private graphs stay private on a remote server: the public's queries name only the
visible graphs, even when the server's default graph is the union of all of them."""

from __future__ import annotations

import pyoxigraph as ox

from app.auth import TokenStore
from app.store.remote import RemoteStore
from app.web import create_app
from tests.conftest import FIXTURES

PRIVATE_GRAPH = "https://w3id.org/solidarity-graph/graph/private-campaign-notes"
WAYS_IN = [
    "SELECT ?s ?l WHERE { ?s ?p ?l FILTER CONTAINS(STR(?l), 'SECRETPLAN') }",
    "SELECT ?s ?l WHERE { GRAPH ?g { ?s ?p ?l } FILTER CONTAINS(STR(?l), 'SECRETPLAN') }",
    "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }",
]


def answers(client, query: str, headers: dict[str, str] | None = None) -> str:  # type: ignore[no-untyped-def]
    response = client.get("/sparql", query_string={"query": query},
                          headers={"Accept": "text/csv", **(headers or {})})
    assert response.status_code == 200, response.data
    return response.get_data(as_text=True)


def test_only_members_see_a_private_graph_on_the_server(oxigraph_server, tmp_path):
    config = oxigraph_server.load(SKG_STATE_DIR=str(tmp_path), SKG_RATE_LIMIT="1000000")
    remote = RemoteStore.from_settings(config)
    notes = (FIXTURES / "private" / "private-campaign-notes.ttl").read_bytes()
    remote.write(lambda s: s.replace_graph(PRIVATE_GRAPH, notes, format=ox.RdfFormat.TURTLE))
    try:
        app = create_app({"TESTING": True}, settings=config)
        _, secret = TokenStore(tmp_path).create("organizer", "member")
        client = app.test_client()
        for query in WAYS_IN:
            public = answers(client, query)
            assert "SECRETPLAN" not in public and "private-campaign-notes" not in public
        member = answers(client, WAYS_IN[0], {"Authorization": f"Bearer {secret}"})
        assert "SECRETPLAN" in member
    finally:
        remote.write(lambda s: s.drop_graph(PRIVATE_GRAPH))
    assert PRIVATE_GRAPH not in remote.graphs()


def test_a_private_graph_published_while_the_app_runs_stays_hidden(oxigraph_server, tmp_path):
    """Another process (`skg publish`) adds a private graph: the public never sees it,
    neither before the app's graph list is refreshed nor after."""
    config = oxigraph_server.load(SKG_STATE_DIR=str(tmp_path), SKG_RATE_LIMIT="1000000")
    app = create_app({"TESTING": True}, settings=config)
    client = app.test_client()
    assert "SECRETPLAN" not in answers(client, WAYS_IN[0])
    other = RemoteStore.from_settings(config)
    notes = (FIXTURES / "private" / "private-campaign-notes.ttl").read_bytes()
    other.write(lambda s: s.replace_graph(PRIVATE_GRAPH, notes, format=ox.RdfFormat.TURTLE))
    try:
        for query in WAYS_IN:
            assert "SECRETPLAN" not in answers(client, query)
        app.extensions["skg.pool"].forget()  # as when the app's cache runs out
        for query in WAYS_IN:
            public = answers(client, query)
            assert "SECRETPLAN" not in public and "private-campaign-notes" not in public
    finally:
        other.write(lambda s: s.drop_graph(PRIVATE_GRAPH))
