"""Loading curated files: one named graph per file, all or nothing."""

from __future__ import annotations

import shutil

import pytest

from app import derived
from app.config import load_settings
from app.errors import DataFileError
from app.loading import build_store, graph_files
from tests.conftest import ROOT, clean_env

GRAPH = "https://w3id.org/solidarity-graph/graph/"


def test_one_named_graph_per_file_and_the_derived_paths(settings, store):
    files = graph_files(settings)
    assert sorted([f.graph for f in files] + [derived.PUBLIC_GRAPH]) == store.graphs()
    assert GRAPH + "mining-case" in store.graphs() and GRAPH + "ontology" in store.graphs()


def test_every_curated_graph_describes_itself(store):
    table = store.query("""
        PREFIX skg: <https://w3id.org/solidarity-graph/ontology#>
        SELECT ?g WHERE { GRAPH ?g { ?g a skg:CuratedGraph } } ORDER BY ?g""")
    described = {row[0].value for row in table.rows}
    data_graphs = {g for g in store.graphs() if g.rsplit("/", 1)[-1] not in
                   {"ontology", "concepts", "jurisdictions", "shapes"}} - set(derived.GRAPHS)
    assert data_graphs <= described
    assert store.query(f"ASK {{ GRAPH <{derived.PUBLIC_GRAPH}> {{ <{derived.PUBLIC_GRAPH}> a "
                       "<https://w3id.org/solidarity-graph/ontology#DerivedGraph> } }")


def test_a_bad_file_leaves_no_half_loaded_store(tmp_path):
    data = tmp_path / "data"
    shutil.copytree(ROOT / "data", data)
    (data / "curated" / "zz-broken.ttl").write_text("<a> <b> .\n", encoding="utf-8")
    settings = load_settings(clean_env(), overrides={"SKG_DATA_DIR": data})
    with pytest.raises(DataFileError) as caught:
        build_store(settings)
    assert caught.value.details["file"].endswith("zz-broken.ttl")
    assert caught.value.details["line"] == 1


def test_demo_graphs_can_be_left_out(tmp_path):
    (tmp_path / "curated").mkdir()
    (tmp_path / "demo").mkdir()
    (tmp_path / "demo" / "demo-flows.ttl").write_text(
        "<http://example.org/a> <http://example.org/b> 1 .\n", encoding="utf-8")
    with_demo = load_settings(clean_env(), overrides={"SKG_DATA_DIR": tmp_path})
    without = load_settings(clean_env(SKG_INCLUDE_DEMO="false"),
                            overrides={"SKG_DATA_DIR": tmp_path})
    assert GRAPH + "demo-flows" in build_store(with_demo).graphs()
    assert GRAPH + "demo-flows" not in build_store(without).graphs()


def test_two_files_for_one_graph_are_refused(tmp_path):
    for folder in ("curated", "demo"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "same.ttl").write_text("", encoding="utf-8")
    settings = load_settings(clean_env(), overrides={"SKG_DATA_DIR": tmp_path})
    with pytest.raises(DataFileError, match="would both load into the graph"):
        graph_files(settings)
