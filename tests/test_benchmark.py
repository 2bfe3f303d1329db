"""The benchmark's synthetic data: shaped like the project's, so every question runs on it.

The generator writes about 10k triples into a data folder, the real loader
builds the real store from it (with the project's ontology), and every
prepared question runs with the parameters the benchmark uses. No timing is
asserted here: the numbers belong to `python -m benchmarks`.
"""

from __future__ import annotations

import io
from pathlib import Path

import pyoxigraph as ox
import pytest

from app.config import load_settings
from app.loading import build_store
from app.questions import load_catalog
from app.questions.run import bind
from app.store import Table
from app.store.embedded import EmbeddedStore
from benchmarks.generate import AUTOMAKER, SUPPLIER, generate, parse_count
from benchmarks.questions import bench_settings, prepare_data, question_texts

PARTS_PLANTS = """
PREFIX skg: <https://w3id.org/solidarity-graph/ontology#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
SELECT (COUNT(DISTINCT ?plant) AS ?plants)
WHERE { ?plant a ?class . ?class rdfs:subClassOf* skg:PartsPlant }
"""
CORE = ("non-union-parts-plants", "organizing-targets", "ultimate-parent",
        "production-vs-market-share")


@pytest.fixture(scope="module")
def data_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return prepare_data(tmp_path_factory.mktemp("bench") / "data", 10_000)


@pytest.fixture(scope="module")
def store(data_dir: Path) -> EmbeddedStore:
    return build_store(bench_settings(data_dir))


@pytest.fixture(scope="module")
def answers(data_dir: Path, store: EmbeddedStore) -> dict[str, Table | bool]:
    texts = question_texts(bench_settings(data_dir))
    return {slug: store.query(sparql) for slug, sparql in texts.items()}


def test_every_question_runs_on_the_synthetic_data(answers: dict[str, Table | bool]) -> None:
    assert set(CORE) <= set(answers)
    assert all(isinstance(result, Table | bool) for result in answers.values())


@pytest.mark.parametrize("slug", CORE)
def test_core_organizing_questions_return_rows(answers: dict[str, Table], slug: str) -> None:
    assert len(answers[slug].rows) >= 1


def test_about_four_in_five_parts_plants_are_non_union(
        answers: dict[str, Table], store: EmbeddedStore) -> None:
    parts = store.query(PARTS_PLANTS)
    assert isinstance(parts, Table)
    share = len(answers["non-union-parts-plants"].rows) / int(parts.rows[0][0].value)
    assert 0.7 <= share <= 0.9


def test_generator_is_deterministic_and_near_its_target() -> None:
    first, second = io.StringIO(), io.StringIO()
    count = generate(first, 10_000)
    generate(second, 10_000)
    assert first.getvalue() == second.getvalue()
    assert 9_000 <= count <= 11_000


def test_nquads_name_the_graph_and_mark_it_as_demonstration() -> None:
    out = io.StringIO()
    generate(out, 10_000, graph_name="bench-test", quads=True)
    store = ox.Store()
    store.load(out.getvalue().encode(), format=ox.RdfFormat.N_QUADS)
    graph = ox.NamedNode("https://w3id.org/solidarity-graph/graph/bench-test")
    flag = ox.NamedNode("https://w3id.org/solidarity-graph/ontology#isDemonstration")
    assert [q.object.value for q in store.quads_for_pattern(graph, flag, None, graph)] == ["true"]
    assert {q.graph_name for q in store} == {graph}


def test_counts_read_like_people_write_them() -> None:
    assert [parse_count(t) for t in ("10k", "1M", "5m", "1_000")] == [10_000, 10**6, 5 * 10**6,
                                                                    1000]


# --- Reference forms: the same answers, slower (benchmarks/reference/README.md) -----

REFERENCES = load_catalog(Path(__file__).resolve().parent.parent / "benchmarks" / "reference")
QUESTIONS = load_catalog(Path(__file__).resolve().parent.parent / "queries")
FIXTURE_DATA = Path(__file__).resolve().parent / "fixtures" / "questions"
EDGE_CASES = Path(__file__).resolve().parent / "fixtures" / "rewrite-edges" / "edges.ttl"
SUPPLIERS = ("https://w3id.org/solidarity-graph/id/workplace/fx-seatsco-frames", SUPPLIER)
DATES = ("2026-11-22", "2024-06-01", "2019-01-01", "2010-06-30")
EMPLOYERS = ("https://w3id.org/solidarity-graph/id/organization/fx-old-group",
             "https://w3id.org/solidarity-graph/id/organization/fx-bigauto", AUTOMAKER)


def parameter_sets(slug: str) -> list[dict[str, str]]:
    """Several dates, every choice and two suppliers: where answers could differ."""
    params = {p.name: p for p in REFERENCES[slug].params}
    sets = [{"as_of": d} for d in DATES] if "as_of" in params else [{}]
    for name in ("country", "scope"):
        if name in params:
            sets += [sets[-1] | {name: c} for c in params[name].choices]
    if "start" in params:
        sets += [s | {"start": "2025-07-01", "end": "2025-09-30"} for s in sets]
    if "year" in params:
        sets += [s | {"year": "2023"} for s in sets]
    if "supplier" in params:
        sets = [s | {"supplier": supplier} for s in sets for supplier in SUPPLIERS]
    if "employer" in params and params["employer"].required:
        sets = [s | {"employer": employer} for s in sets for employer in EMPLOYERS]
    return sets


def build_fixture_store() -> EmbeddedStore:
    return build_store(load_settings({}, overrides={"SKG_DATA_DIR": FIXTURE_DATA,
                                                    "SKG_INCLUDE_DEMO": True}))


@pytest.fixture(scope="module")
def fixture_store() -> EmbeddedStore:
    return build_fixture_store()


@pytest.fixture(scope="module")
def edge_store() -> EmbeddedStore:
    """The question fixtures plus the cases where a rewrite could part from its reference."""
    store = build_fixture_store()
    store.replace_graph("https://w3id.org/solidarity-graph/graph/fixture-rewrite-edges",
                        EDGE_CASES.read_bytes(), format=ox.RdfFormat.TURTLE)
    return store


@pytest.mark.parametrize("slug", sorted(REFERENCES))
def test_a_rewrite_answers_exactly_as_the_question_it_rewrites(
        slug: str, store: EmbeddedStore, fixture_store: EmbeddedStore,
        edge_store: EmbeddedStore) -> None:
    assert slug in QUESTIONS
    for data in (store, fixture_store, edge_store):
        for values in parameter_sets(slug):
            answer = data.query(bind(QUESTIONS[slug], values).sparql)
            reference = data.query(bind(REFERENCES[slug], values).sparql)
            assert answer == reference, (
                f"queries/{slug}.rq no longer answers as benchmarks/reference/{slug}.rq does "
                f"(parameters {values}): bring the two back into agreement")


@pytest.mark.parametrize("slug", sorted(REFERENCES))
def test_a_rewrite_keeps_the_header_of_its_question(slug: str) -> None:
    assert REFERENCES[slug].params == QUESTIONS[slug].params
    assert REFERENCES[slug].columns == QUESTIONS[slug].columns


def test_targets_judge_the_prepared_questions_not_their_reference_forms() -> None:
    from benchmarks.targets import latency_lines

    run = {"questions": {"ultimate-parent": {"median": 0.4},
                         "ultimate-parent (reference)": {"median": 9.0}}}
    met = "| every median under 1000 ms at 1M | met |"
    assert latency_lines({"1M": {"embedded": run}}) == [met]
    run["questions"]["ultimate-parent"]["median"] = 1.2
    assert "missed by ultimate-parent |" in latency_lines({"1M": {"embedded": run}})[0]


def test_a_stopped_rdflib_query_neither_meets_nor_misses_the_speedup() -> None:
    from benchmarks.targets import rdflib_line

    embedded = {"questions": {"light": {"median": 0.002}, "heavy": {"median": 0.7}}}
    rdflib = {"questions": {"light": {"median": 0.05}, "heavy": {"over_budget": 15.0}}}
    line = rdflib_line(embedded, rdflib)
    assert "missed by light;" in line and "not shown for heavy" in line
    rdflib["questions"]["light"]["median"] = 0.2
    assert "| met; not shown for heavy" in rdflib_line(embedded, rdflib)
