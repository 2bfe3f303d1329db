"""The real `skg` command, run as a child process."""

from __future__ import annotations

import csv
import io
import json
import shutil

import pyoxigraph as ox
import pytest

from tests.conftest import ROOT, clean_env, free_port

PHASES = ("SELECT ?phase WHERE { ?phase a <https://w3id.org/solidarity-graph/ontology#Phase> } "
          "ORDER BY ?phase")


def test_unknown_subcommand_prints_usage(skg):
    result = skg("frobnicate")
    assert result.returncode == 2
    assert "Usage:" in result.stderr and "No such command" in result.stderr


def test_unknown_option_prints_usage(skg):
    result = skg("query", "--colour", "red")
    assert result.returncode == 2 and "Usage:" in result.stderr


@pytest.mark.parametrize("fmt", ["table", "csv", "json"])
def test_query_formats(skg, fmt):
    result = skg("query", PHASES, "--format", fmt)
    assert result.returncode == 0, result.stderr
    if fmt == "json":
        bindings = json.loads(result.stdout)["results"]["bindings"]
        assert len(bindings) == 3
    elif fmt == "csv":
        assert next(csv.reader(io.StringIO(result.stdout))) == ["phase"]
        assert result.stdout.count("phase-mining-") == 3
    else:
        assert result.stdout.splitlines()[0].strip() == "phase" and "(3 rows)" in result.stdout


def test_query_from_a_file(skg, tmp_path):
    query = tmp_path / "phases.rq"
    query.write_text(PHASES, encoding="utf-8")
    result = skg("query", "--file", str(query), "--format", "csv")
    assert result.returncode == 0 and result.stdout.count("phase-mining-") == 3


def test_query_syntax_error_names_line_and_column(skg):
    result = skg("query", "SELECT ?s\nWHERE { ?s ?p }")
    assert result.returncode != 0
    assert "line 2, column" in result.stderr and "Traceback" not in result.stderr


def test_query_needs_exactly_one_source_of_text(skg):
    result = skg("query")
    assert result.returncode == 2 and "either inline or with --file" in result.stderr


@pytest.mark.parametrize(("fmt", "rdf_format"), [("trig", ox.RdfFormat.TRIG),
                                                  ("nquads", ox.RdfFormat.N_QUADS)])
def test_export_every_graph(skg, tmp_path, store, fmt, rdf_format):
    out = tmp_path / f"all.{fmt}"
    result = skg("export", "--format", fmt, "--output", str(out))
    assert result.returncode == 0, result.stderr
    copy = ox.Store()
    copy.load(path=str(out), format=rdf_format)
    assert len(copy) == len(store)
    assert sorted(g.value for g in copy.named_graphs()) == store.graphs()


def test_load_reports_progress_and_counts(skg, store):
    result = skg("load")
    assert result.returncode == 0
    assert "data/curated/mining-case.ttl" in result.stderr
    assert f"{len(store):,} triples" in result.stdout


def copy_project_data(tmp_path):
    data = tmp_path / "data"
    shutil.copytree(ROOT / "data", data)
    return data


def test_malformed_turtle_stops_load_with_file_and_line(skg, tmp_path):
    data = copy_project_data(tmp_path)
    (data / "curated" / "broken.ttl").write_text(
        '@prefix ex: <http://example.org/> .\nex:a ex:b ex:c .\nex:a ex:b "unclosed .\n',
        encoding="utf-8")
    env = clean_env(SKG_DATA_DIR=str(data))
    for command in (["load"], ["query", PHASES], ["check", "--no-reasoner"]):
        result = skg(*command, env=env)
        assert result.returncode != 0
        assert "broken.ttl: line 3" in result.stderr, result.stderr
        assert "Traceback" not in result.stderr


def test_malformed_ontology_stops_serve(skg, tmp_path):
    ontology = tmp_path / "ontology"
    shutil.copytree(ROOT / "ontology", ontology)
    with (ontology / "skg.ttl").open("a", encoding="utf-8") as f:
        f.write('\nskg:Broken a owl:Class ; rdfs:label "unterminated .\n')
    result = skg("serve", "--port", str(free_port()),
                 env=clean_env(SKG_ONTOLOGY_DIR=str(ontology)), timeout=60)
    assert result.returncode != 0 and "skg.ttl: line" in result.stderr


def test_bad_setting_is_named(skg):
    result = skg("load", env=clean_env(SKG_ROW_LIMIT="lots"))
    assert result.returncode == 2 and "SKG_ROW_LIMIT='lots' is not valid" in result.stderr


@pytest.mark.slow
def test_check_passes_on_the_curated_data(skg):
    result = skg("check", timeout=300)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "The ontology is consistent" in result.stdout
    assert "the data conforms" in result.stdout
    assert "All checks passed." in result.stdout
    assert "unverified fact(s)" in result.stdout
