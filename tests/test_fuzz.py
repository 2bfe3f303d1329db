"""Property-based fuzzing (issue 6): hostile input never gives a 500 nor changes data.

Bounded: a fixed number of examples per property, no deadline surprises.
"""

from __future__ import annotations

import string

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.questions.catalog import load_catalog
from tests.conftest import ROOT

FUZZ = settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
SPARQL_WORDS = [
    "SELECT",
    "ASK",
    "CONSTRUCT",
    "DESCRIBE",
    "WHERE",
    "{",
    "}",
    "?s",
    "?p",
    "?o",
    "FILTER",
    "(",
    ")",
    "GRAPH",
    "FROM",
    "NAMED",
    "SERVICE",
    "<http://x/>",
    ".",
    ";",
    "LIMIT",
    "1",
    '"a"',
    "'\\'",
    "#",
    "\n",
    "OPTIONAL",
    "UNION",
    "*",
    "VALUES",
    "BIND",
    "AS",
    "INSERT",
    "DELETE",
    "LOAD",
    "DROP",
    "PREFIX",
    "x:",
    "<",
    ">",
]
query_text = st.one_of(
    st.text(max_size=200),
    st.lists(st.sampled_from(SPARQL_WORDS), max_size=30).map(" ".join),
)
hostile = st.one_of(
    st.text(max_size=80),
    st.sampled_from(
        [
            '"',
            "}",
            ">",
            "\n",
            "#",
            "<http://x> } ; DROP ALL",
            "\\",
            "'",
            "\u0000",
            "%00",
            "../../etc/passwd",
            "1e999",
            "-1",
            "2024-13-45",
            "javascript:alert(1)",
            "http://127.0.0.1:9/x",
            "<script>",
        ]
    ),
    st.text(alphabet=string.printable, max_size=40),
)
COUNT = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"


def count(client) -> bytes:
    return client.get("/sparql", query_string={"query": COUNT}, headers={"Accept": "text/csv"}).data


@FUZZ
@given(
    query=query_text,
    accept=st.sampled_from(
        [
            "application/sparql-results+json",
            "text/csv",
            "text/turtle",
            "text/html",
            "*/*",
            "image/png",
            "",
        ]
    ),
)
def test_sparql_endpoint_never_fails_with_500(client, query, accept):
    before = count(client)
    for method in ("get", "post"):
        call = getattr(client, method)
        kwargs = (
            {"query_string": {"query": query}} if method == "get" else {"data": {"query": query}}
        )
        response = call("/sparql", headers={"Accept": accept}, **kwargs)
        assert response.status_code < 500 or response.status_code == 504, response.data[:300]
    assert count(client) == before


CATALOG = load_catalog(ROOT / "queries")
PARAMETRIZED = sorted(slug for slug, spec in CATALOG.items() if spec.params)


@FUZZ
@given(
    slug=st.sampled_from(PARAMETRIZED), value=hostile, suffix=st.sampled_from(["", ".json", ".csv"])
)
def test_question_parameters_never_fail_with_500(client, slug, value, suffix):
    before = count(client)
    spec = CATALOG[slug]
    args = {p.name: value for p in spec.params}
    response = client.get(f"/questions/{slug}{suffix}", query_string=args)
    assert response.status_code in (200, 400, 429, 504), (slug, value, response.data[:300])
    assert count(client) == before


PLANT_HEADER = (
    "slug,name,type,country,region,locality,lat,long,opening_year,closing_year,status,"
    "workers,workers_year,operator,operator_from,source,locator,unverified,estimate"
)
cell = st.one_of(
    st.text(max_size=12),
    st.sampled_from(
        [
            "",
            "CA",
            "ZZ",
            "parts",
            "assembly",
            "-999",
            "1e9",
            "2020-02-30",
            "true",
            '"',
            '","',
            "\r",
            "\n",
            "<script>",
            "magna-international",
            "1.5",
            "NaN",
        ]
    ),
)
csv_rows = st.lists(st.lists(cell, min_size=0, max_size=22), min_size=0, max_size=6)


@pytest.fixture(scope="module")
def curator_app(tmp_path_factory, settings, store):
    from app.auth import TokenStore
    from app.web import create_app

    state = tmp_path_factory.mktemp("fuzz-state")
    overrides = dict(settings.values) | {"SKG_STATE_DIR": state}
    app = create_app({"TESTING": True}, settings=type(settings)(overrides), store=store)
    _, token = TokenStore(state).create("fuzzer", "curator")
    app.extensions["test.token"] = token
    yield app
    app.extensions["skg.access"].close()


@FUZZ
@given(
    rows=csv_rows,
    header=st.sampled_from([PLANT_HEADER, "", "slug,name", PLANT_HEADER + ",x"]),
    raw=st.binary(max_size=60),
)
def test_csv_importer_never_fails_with_500(curator_app, rows, header, raw):
    import csv
    import io

    client = curator_app.test_client()
    auth = {
        "Authorization": f"Bearer {curator_app.extensions['test.token']}",
        "Accept": "application/json",
    }
    before = count(client)
    out = io.StringIO()
    csv.writer(out).writerows(rows)
    for content in ((header + "\n" + out.getvalue()).encode(), raw):
        response = client.post(
            "/import.json",
            headers=auth,
            content_type="multipart/form-data",
            data={"template": "plants", "file": (io.BytesIO(content), "p.csv")},
        )
        assert response.status_code in (200, 400, 413, 422), response.data[:300]
    assert count(client) == before
