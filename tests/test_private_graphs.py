"""Private graphs (issue 6): invisible without a member token, by every way in.

The sample private graph (tests/fixtures/private/) holds made-up campaign
notes whose every label carries the marker SECRETPLAN.
"""

from __future__ import annotations

import shutil
import urllib.parse

import pytest

from app.auth import TokenStore
from app.config import load_settings
from app.loading import build_store
from tests.conftest import FIXTURES, ROOT, clean_env

MARK = "SECRETPLAN"
ID = "https://w3id.org/solidarity-graph/id/"
PRIVATE_GRAPH = "https://w3id.org/solidarity-graph/graph/private-campaign-notes"
SECRET_PLANT = ID + "workplace/secretplan-warehouse"
SECRET_FACT = ID + "fact/private-target-list"


@pytest.fixture(scope="module")
def private_app(tmp_path_factory):
    from app.web import create_app

    root = tmp_path_factory.mktemp("private")
    shutil.copytree(ROOT / "data", root / "data")
    shutil.copy(FIXTURES / "private" / "private-campaign-notes.ttl", root / "data" / "curated")
    settings = load_settings(
        clean_env(),
        overrides={
            "SKG_DATA_DIR": root / "data",
            "SKG_STATE_DIR": root / "state",
            "SKG_RATE_LIMIT": 10**9,
        },
    )
    app = create_app({"TESTING": True}, settings=settings, store=build_store(settings))
    _, secret = TokenStore(root / "state").create("organizer", "member")
    app.extensions["test.member_token"] = secret
    yield app
    app.extensions["skg.access"].close()


def sparql(client, query: str, *, headers=None, **params) -> tuple[int, str]:
    response = client.get(
        "/sparql",
        query_string={"query": query, **params},
        headers={"Accept": "text/csv", **(headers or {})},
    )
    return response.status_code, response.get_data(as_text=True)


WAYS_IN = {
    "named graphs": (
        "SELECT ?s ?l WHERE { GRAPH ?g { ?s ?p ?l } FILTER CONTAINS(STR(?l), 'SECRETPLAN') }"
    ),
    "default graph": "SELECT ?s ?l WHERE { ?s ?p ?l FILTER CONTAINS(STR(?l), 'SECRETPLAN') }",
    "graph names": "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }",
    "describe": f"DESCRIBE <{SECRET_FACT}>",
    "construct": f"CONSTRUCT {{ <{SECRET_PLANT}> ?p ?o }} WHERE {{ <{SECRET_PLANT}> ?p ?o }}",
    "ask": f"ASK {{ <{SECRET_FACT}> ?p ?o }}",
}


@pytest.mark.parametrize("way", sorted(WAYS_IN))
def test_sparql_without_token_finds_nothing(private_app, way):
    status, body = sparql(
        private_app.test_client(), WAYS_IN[way], headers={"Accept": "text/csv, text/turtle;q=0.9"}
    )
    assert status == 200
    assert MARK not in body and "private-campaign-notes" not in body
    assert "secretplan" not in body.lower()
    if way == "ask":
        assert "false" in body


def test_sparql_from_named_private_graph_is_refused(private_app):
    client = private_app.test_client()
    status, _ = sparql(
        client, f"SELECT * FROM NAMED <{PRIVATE_GRAPH}> WHERE {{ GRAPH ?g {{ ?s ?p ?o }} }}"
    )
    assert status == 400
    status, body = sparql(
        client, "SELECT * WHERE { ?s ?p ?o }", **{"default-graph-uri": PRIVATE_GRAPH}
    )
    assert status == 400 and MARK not in body


def test_a_member_token_sees_the_private_graph(private_app):
    token = private_app.extensions["test.member_token"]
    client = private_app.test_client()
    auth = {"Authorization": f"Bearer {token}"}
    status, body = sparql(client, WAYS_IN["default graph"], headers=auth)
    assert status == 200 and MARK in body
    assert client.get("/id/workplace/secretplan-warehouse", headers=auth).status_code == 200


def test_pages_search_and_downloads_hide_it(private_app):
    client = private_app.test_client()
    html = {"Accept": "text/html"}
    assert client.get("/id/workplace/secretplan-warehouse", headers=html).status_code == 404
    assert client.get("/id/fact/private-target-list.ttl").status_code == 404
    assert client.get("/id/organization/private-contact-employer.jsonld").status_code == 404
    assert client.get("/search.json?q=SECRETPLAN").json["results"] == []
    assert "secretplan-warehouse" not in client.get("/search?q=SECRETPLAN", headers=html).get_data(
        as_text=True
    )
    for path in ("/", "/health", "/sparql"):
        body = client.get(path, headers=html).get_data(as_text=True)
        assert MARK not in body and "private-campaign-notes" not in body, path
    member = {"Authorization": f"Bearer {private_app.extensions['test.member_token']}"}
    assert client.get("/search.json?q=SECRETPLAN", headers=member).json["count"] >= 1


def test_questions_hide_it_even_when_a_parameter_points_at_it(private_app):
    client = private_app.test_client()
    for path in (
        "/questions/non-union-parts-plants.csv?country=CA",
        "/questions/non-union-parts-plants.json",
        "/questions/organizing-targets.csv",
        "/questions/ultimate-parent.csv",
        "/questions/refusal-leverage.csv?" + urllib.parse.urlencode({"supplier": SECRET_PLANT}),
        "/questions/plants-by-employer.csv?"
        + urllib.parse.urlencode({"employer": ID + "organization/private-contact-employer"}),
    ):
        response = client.get(path)
        assert response.status_code in (200, 400), path
        assert MARK not in response.get_data(
            as_text=True
        ) and "secretplan" not in response.get_data(as_text=True), path


def test_pictures_hide_it(private_app):
    client = private_app.test_client()
    for path in ("/map/plants.json", "/timeline.json"):
        response = client.get(path)
        if response.status_code == 404:
            continue
        assert "secretplan" not in response.get_data(as_text=True).lower(), path


def test_a_revoked_or_wrong_token_sees_nothing(private_app):
    client = private_app.test_client()
    status, body = sparql(
        client, WAYS_IN["default graph"], headers={"Authorization": "Bearer not-a-token"}
    )
    assert status == 401 and MARK not in body


def test_writes_reach_the_public_copy_but_private_ones_do_not(private_app):
    import pyoxigraph as ox

    graph = "https://w3id.org/solidarity-graph/graph/"
    prefix = "@prefix skg: <https://w3id.org/solidarity-graph/ontology#> .\n"
    public = (
        prefix + f"<{graph}late-public> a skg:CuratedGraph ; <http://example.org/m> 'LATEPUBLIC' ."
    )
    secret = prefix + (
        f"<{graph}late-private> a skg:CuratedGraph ; skg:isPrivate true ;"
        " <http://example.org/m> 'LATESECRET' ."
    )
    pool = private_app.extensions["skg.pool"]
    for name, turtle in (("late-public", public), ("late-private", secret)):
        pool.write(
            lambda store, n=name, t=turtle: store.replace_graph(
                graph + n, t.encode(), format=ox.RdfFormat.TURTLE
            )
        )
    client = private_app.test_client()
    query = "SELECT ?m WHERE { ?s <http://example.org/m> ?m } ORDER BY ?m"
    _, anonymous = sparql(client, query)
    token = private_app.extensions["test.member_token"]
    _, member = sparql(client, query, headers={"Authorization": f"Bearer {token}"})
    assert "LATEPUBLIC" in anonymous and "LATESECRET" not in anonymous
    assert "LATEPUBLIC" in member and "LATESECRET" in member


def _fed(client, headers=None) -> int:
    """How many union assembly plants Essex Aluminum feeds, by the question's JSON."""
    body = client.get("/questions/non-union-parts-plants.json", query_string={"country": "CA"},
                      headers=headers or {}).get_json()
    rows = [b for b in body["results"]["bindings"]
            if b["plant"]["value"] == ID + "workplace/nemak-essex-aluminum"]
    assert len(rows) == 1
    return int(rows[0]["union_assembly_plants"]["value"])


def test_a_private_supply_flow_counts_for_members_only(private_app):
    """The derived supply paths through a private flow live in a private graph."""
    client = private_app.test_client()
    auth = {"Authorization": f"Bearer {private_app.extensions['test.member_token']}"}
    assert _fed(client) == 0
    assert _fed(client, auth) == 1
    skg = "https://w3id.org/solidarity-graph/ontology#"
    query = (f"SELECT ?g WHERE {{ GRAPH ?g {{ ?p a <{skg}SupplyPath> ; "
             f"<{skg}pathSupplier> <{ID}workplace/nemak-essex-aluminum> }} }}")
    status, body = sparql(client, query)
    assert status == 200 and "derived-supply-paths-private" not in body
    status, body = sparql(client, query, headers=auth)
    assert status == 200 and "derived-supply-paths-private" in body
