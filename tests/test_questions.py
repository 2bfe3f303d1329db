"""Every prepared question, answered by the real app over a small fixture graph.

Each question's CSV answer is compared with tests/golden/<slug>.csv
(`pytest --update-golden` rewrites them; review the diff). Parameters take
their example values (see FIXTURE_ARGS for the exceptions), so that answers
do not depend on today's date.
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from app.config import load_settings
from app.loading import build_store
from app.questions import load_catalog, run_question
from app.questions.catalog import QuerySpec
from tests.conftest import ROOT, clean_env

FIXTURE_DATA = Path(__file__).resolve().parent / "fixtures" / "questions"
GOLDEN_DIR = Path(__file__).resolve().parent / "golden"
CATALOG = load_catalog(ROOT / "queries")
SLUGS = sorted(CATALOG)


# Golden answers use each parameter's example, except where the example names a
# real entity that the fixture lacks, or where leaving a filter empty tests more.
FIXTURE_ARGS = {
    "plants-by-employer": {"employer": "https://w3id.org/solidarity-graph/id/organization/"
                                       "fx-global-group"},
    "refusal-leverage": {"supplier": "https://w3id.org/solidarity-graph/id/workplace/"
                                     "fx-seatsco-frames"},
    "case-linkage": {"concept": ""},
    "non-union-parts-plants": {"country": ""},
    "organizing-targets": {"country": ""},
    "trade-rules": {"agreement": ""},
    "work-time-scenario": {"employer": "https://w3id.org/solidarity-graph/id/organization/"
                                       "fx-bigauto", "country": ""},
}


def golden_args(spec: QuerySpec) -> dict[str, str]:
    args = {p.name: p.example for p in spec.params} | FIXTURE_ARGS.get(spec.slug, {})
    return {name: value for name, value in args.items() if value}


@pytest.fixture(scope="module")
def fixture_settings():
    return load_settings(clean_env(), overrides={"SKG_DATA_DIR": FIXTURE_DATA,
                                                 "SKG_INCLUDE_DEMO": True,
                                                 "SKG_QUERY_WORKERS": 1})


@pytest.fixture(scope="module")
def qapp(fixture_settings):
    from app.web import create_app

    application = create_app({"TESTING": True}, settings=fixture_settings,
                             store=build_store(fixture_settings))
    yield application
    application.extensions["skg.pool"].close()


@pytest.fixture()
def qclient(qapp):
    return qapp.test_client()


@pytest.mark.parametrize("slug", SLUGS)
def test_answer_matches_the_golden_file(qclient, request, slug):
    spec = CATALOG[slug]
    response = qclient.get(f"/questions/{slug}.csv", query_string=golden_args(spec))
    assert response.status_code == 200, response.get_data(as_text=True)
    text = response.get_data(as_text=True)
    golden = GOLDEN_DIR / f"{slug}.csv"
    if request.config.getoption("--update-golden"):
        golden.write_text(text, encoding="utf-8", newline="")
    assert golden.is_file(), f"no golden answer; run pytest --update-golden and review {golden}"
    assert text == golden.read_bytes().decode("utf-8")
    assert len(text.splitlines()) > 1, f"{slug}: the fixture data gives no rows"


@pytest.mark.parametrize("slug", SLUGS)
def test_json_is_sparql_results_with_the_declared_columns(qclient, slug):
    spec = CATALOG[slug]
    response = qclient.get(f"/questions/{slug}.json", query_string=golden_args(spec))
    assert response.status_code == 200
    assert response.mimetype == "application/sparql-results+json"
    body = json.loads(response.get_data(as_text=True))
    assert body["head"]["vars"] == [c.name for c in spec.columns]
    assert isinstance(body["results"]["bindings"], list)


@pytest.mark.parametrize("slug", SLUGS)
def test_csv_header_is_the_columns(qclient, slug):
    spec = CATALOG[slug]
    response = qclient.get(f"/questions/{slug}.csv", query_string=golden_args(spec))
    assert response.mimetype == "text/csv"
    header = next(csv.reader(io.StringIO(response.get_data(as_text=True))))
    assert header == [c.name for c in spec.columns]


@pytest.mark.parametrize("slug", SLUGS)
def test_page_has_a_labelled_form_and_a_table(qclient, slug):
    spec = CATALOG[slug]
    response = qclient.get(f"/questions/{slug}", query_string=golden_args(spec))
    assert response.status_code == 200
    assert 'rel="alternate"' in response.headers["Link"]
    page = BeautifulSoup(response.get_data(as_text=True), "html.parser")
    assert page.h1.get_text(strip=True) == spec.title
    for param in spec.params:
        field = page.find(attrs={"name": param.name})
        assert field is not None and field.get("id"), param.name
        assert page.find("label", attrs={"for": field["id"]}), param.name
    table = page.find("table", class_="results")
    headers = [th.get_text(strip=True) for th in table.thead.find_all("th")]
    assert headers == [c.meaning for c in spec.columns]
    links = {a.get_text(strip=True): a["href"] for a in page.select(".downloads a")}
    assert links["JSON"].startswith(f"/questions/{slug}.json")
    assert links["CSV"].startswith(f"/questions/{slug}.csv")


def test_entity_iris_link_to_entity_pages(qclient):
    response = qclient.get("/questions/non-union-parts-plants",
                           query_string={"as_of": "2024-06-01"})
    page = BeautifulSoup(response.get_data(as_text=True), "html.parser")
    hrefs = [a["href"] for a in page.select("table.results a")]
    assert "/id/workplace/fx-partsco-seats" in hrefs


def test_pivot_page_has_one_column_per_jurisdiction(qclient):
    response = qclient.get("/questions/labor-law-comparison")
    page = BeautifulSoup(response.get_data(as_text=True), "html.parser")
    heads = [th.get_text(strip=True) for th in page.select("table.pivot thead th")]
    assert heads == ["Provision category", "CA-QC", "CL", "PE"]
    rows = [tr.th.get_text(strip=True) for tr in page.select("table.pivot tbody tr")]
    assert rows == ["conditions for forming a union", "strikes and disputes"]


def test_multiple_choice_accepts_repeated_values(qclient):
    response = qclient.get("/questions/labor-law-comparison.csv?jurisdictions=CL&jurisdictions=PE")
    rows = csv.DictReader(io.StringIO(response.get_data(as_text=True)))
    codes = {row["notation"] for row in rows}
    assert codes == {"CL", "PE"}


def test_missing_parameter_shows_the_form_only(qclient):
    response = qclient.get("/questions/refusal-leverage")
    assert response.status_code == 200
    page = BeautifulSoup(response.get_data(as_text=True), "html.parser")
    assert page.find("input", attrs={"name": "supplier"})
    assert page.find("table", class_="results") is None


def test_missing_parameter_in_the_api_is_a_400(qclient):
    response = qclient.get("/questions/refusal-leverage.json")
    assert response.status_code == 400
    body = response.get_json()
    assert body["code"] == "bad-parameter" and body["details"]["parameter"] == "supplier"
    assert body["ok"] is False and "example" in body["details"]


def test_a_wrong_value_is_a_400_naming_the_parameter(qclient):
    response = qclient.get("/questions/non-union-parts-plants.csv?as_of=last+year")
    assert response.status_code == 400
    body = response.get_json()
    assert "'as_of'" in body["error"] and body["details"]["example"] == "2024-06-01"
    page = qclient.get("/questions/non-union-parts-plants?as_of=last+year")
    assert page.status_code == 400 and "as_of" in page.get_data(as_text=True)


@pytest.mark.parametrize("payload", ['"', "}", ">", "\n", "#", "<http://x> } ; DROP"])
def test_injection_in_the_web_api_is_refused(qclient, payload):
    for slug, name in [("refusal-leverage", "supplier"), ("non-union-parts-plants", "as_of"),
                       ("non-union-parts-plants", "country"), ("case-linkage", "concept"),
                       ("production-vs-market-share", "year")]:
        response = qclient.get(f"/questions/{slug}.json", query_string={name: "x" + payload})
        assert response.status_code == 400, (slug, name)
        assert response.get_json()["details"]["parameter"] == name


def test_optional_filter_narrows_and_empty_does_not_filter(qclient):
    def plants(query: str) -> set[str]:
        text = qclient.get("/questions/non-union-parts-plants.csv?" + query).get_data(as_text=True)
        return {row["label"] for row in csv.DictReader(io.StringIO(text))}

    everything = plants("as_of=2024-06-01&country=")
    assert plants("as_of=2024-06-01&country=US") == {"BigAuto Engine Plant",
                                                       "SeatsCo Frames Plant"}
    assert len(everything) == 4


def test_content_negotiation_and_the_suffix_wins(qclient):
    url = "/questions/alliance-phases"
    assert qclient.get(url, headers={"Accept": "text/csv"}).mimetype == "text/csv"
    as_json = qclient.get(url, headers={"Accept": "application/sparql-results+json"})
    assert as_json.mimetype == "application/sparql-results+json"
    assert qclient.get(url, headers={"Accept": "text/html"}).mimetype == "text/html"
    assert qclient.get(url + ".csv", headers={"Accept": "application/json"}).mimetype == "text/csv"
    assert qclient.get(url + ".xlsx").status_code == 404


def test_unknown_question_is_a_404_in_the_error_shape(qclient):
    body = qclient.get("/questions/no-such-question.json").get_json()
    assert body["status"] == 404 and body["code"] == "unknown-question"
    assert set(body) == {"ok", "status", "code", "error", "details"}


def test_index_lists_every_question(qclient):
    page = BeautifulSoup(qclient.get("/questions/").get_data(as_text=True), "html.parser")
    hrefs = {a["href"] for a in page.select("main a")}
    assert all(f"/questions/{slug}" in hrefs for slug in SLUGS)
    listed = qclient.get("/questions/index.json").get_json()["questions"]
    assert sorted(q["slug"] for q in listed) == SLUGS


def test_openapi_describes_every_question(qclient):
    spec = qclient.get("/api/openapi.json").get_json()
    assert spec["openapi"].startswith("3.")
    paths = spec["paths"]
    assert sorted(paths) == sorted(f"/questions/{slug}.{{format}}" for slug in SLUGS)
    country = {p["name"]: p for p in paths["/questions/non-union-parts-plants.{format}"]["get"]
               ["parameters"]}
    assert country["country"]["schema"]["enum"] == ["CA", "US", "MX"]
    assert country["as_of"]["schema"]["format"] == "date"
    year = {p["name"]: p for p in paths["/questions/production-vs-market-share.{format}"]["get"]
            ["parameters"]}["year"]
    assert year["schema"] == {"type": "integer", "default": 2004} and year["example"] == 2004
    responses = paths["/questions/refusal-leverage.{format}"]["get"]["responses"]
    assert {"application/sparql-results+json", "text/csv"} <= set(responses["200"]["content"])


def test_every_question_runs_on_the_curated_graph(store):
    for slug, spec in CATALOG.items():
        result = run_question(store, spec, golden_args(spec))
        assert result.variables == tuple(c.name for c in spec.columns), slug


def fixture_env() -> dict[str, str]:
    return clean_env(SKG_DATA_DIR=str(FIXTURE_DATA), SKG_INCLUDE_DEMO="true")


def test_cli_ask_prints_csv_like_the_api(skg):
    result = skg("ask", "refusal-leverage", "--param",
                 "supplier=https://w3id.org/solidarity-graph/id/workplace/fx-seatsco-frames",
                 "-p", "as_of=2024-06-01", "--format", "csv", env=fixture_env())
    assert result.returncode == 0, result.stderr
    golden = (GOLDEN_DIR / "refusal-leverage.csv").read_bytes().decode("utf-8")
    assert result.stdout.replace("\r\n", "\n") == golden.replace("\r\n", "\n")


def test_cli_ask_table_json_and_list(skg):
    table = skg("ask", "alliance-phases", env=fixture_env())
    assert table.returncode == 0 and "Blurred employer" in table.stdout
    assert "(3 rows)" in table.stdout
    as_json = skg("ask", "alliance-phases", "--format", "json", env=fixture_env())
    assert json.loads(as_json.stdout)["head"]["vars"][0] == "phase"
    listing = skg("ask", "--list", env=fixture_env())
    assert all(slug in listing.stdout for slug in SLUGS)


def test_cli_ask_fails_clearly(skg):
    unknown = skg("ask", "no-such-question", env=fixture_env())
    assert unknown.returncode != 0 and "no-such-question" in unknown.stderr
    assert "Traceback" not in unknown.stderr
    bad = skg("ask", "production-vs-market-share", "-p", "year=soon", env=fixture_env())
    assert bad.returncode != 0 and "'year'" in bad.stderr and "2004" in bad.stderr
    wrong_name = skg("ask", "production-vs-market-share", "-p", "colour=red", env=fixture_env())
    assert wrong_name.returncode != 0 and "colour" in wrong_name.stderr


def test_bar_chart_hint_draws_one_bar_per_row(qclient):
    response = qclient.get("/questions/production-vs-market-share", query_string={"year": "2004"})
    page = BeautifulSoup(response.get_data(as_text=True), "html.parser")
    bars = page.select("figure.chart svg rect")
    assert len(bars) == 3
    titles = {bar.title.get_text() for bar in bars}
    assert titles == {"country/US: -5", "country/CA: 5.8", "country/MX: -0.8"}
