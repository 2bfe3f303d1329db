"""`skg validate`, `skg import`, `skg imports`, `skg revert`: the real CLI, its own state folder."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from tests.conftest import ROOT, clean_env

TEMPLATES = ROOT / "data" / "templates"
ORDER = ("sources", "plants", "employers", "unions", "supply-flows", "statistics",
         "law-provisions")
PLANTS_HEADER = (TEMPLATES / "plants.csv").read_text(encoding="utf-8").splitlines()[0]


@pytest.fixture()
def state(tmp_path):
    """A state folder next to its own copy of the data (edits elsewhere cannot move counts)."""
    folder = tmp_path / "state"
    folder.mkdir()
    shutil.copytree(ROOT / "data", tmp_path / "data")
    shutil.copytree(ROOT / "ontology", tmp_path / "ontology")
    return folder


def env_for(state: Path) -> dict[str, str]:
    return clean_env(SKG_STATE_DIR=str(state), SKG_MAX_UPLOAD_MB="5",
                     SKG_DATA_DIR=str(state.parent / "data"),
                     SKG_ONTOLOGY_DIR=str(state.parent / "ontology"))


def graphs_and_size(skg, state: Path) -> tuple[str, str]:
    result = skg("query", "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }",
                 "--format", "csv", env=env_for(state))
    graphs = skg("query", "SELECT ?g WHERE { GRAPH ?g {} } ORDER BY ?g", "--format", "csv",
                 env=env_for(state))
    return result.stdout, graphs.stdout


def test_every_template_example_imports_in_order_and_reverts(skg, state, tmp_path):
    before = graphs_and_size(skg, state)
    for name in ORDER:
        result = skg("import", str(TEMPLATES / f"{name}.csv"), "--who", "tester",
                     env=env_for(state))
        assert result.returncode == 0, result.stdout + result.stderr
        assert "0 violation(s)" in result.stdout
    listed = skg("imports", env=env_for(state)).stdout.splitlines()
    assert [line.split("\t")[3] for line in listed] == [f"{n}.csv" for n in ORDER]
    assert all("\ttester\t" in line for line in listed)
    for line in reversed(listed):
        result = skg("revert", line.split("\t")[0], env=env_for(state))
        assert result.returncode == 0, result.stderr
    assert skg("imports", env=env_for(state)).stdout.strip() == "No imports yet."
    assert graphs_and_size(skg, state) == before


def test_validate_reports_row_column_and_exits_non_zero(skg, state, tmp_path):
    bad = tmp_path / "plants.csv"
    bad.write_text(PLANTS_HEADER + "\nbad-plant,Bad Plant,parts,CA,CA-ON,Windsor,42.3,-83.0,"
                   ",,,many,,,,,,,\n", encoding="utf-8")
    result = skg("validate", str(bad), "--format", "json", env=env_for(state))
    assert result.returncode == 1
    report = json.loads(result.stdout)
    assert report["ok"] is False
    assert {"row": 2, "column": "workers", "value": "many",
            "message": "The number of workers is one whole number, zero or more."
            }.items() <= report["violations"][0].items()
    assert not (state / "imports").exists()


def test_import_refuses_a_file_with_violations_and_changes_nothing(skg, state, tmp_path):
    bad = tmp_path / "plants.csv"
    bad.write_text(PLANTS_HEADER + "\nbad-plant,Bad Plant,parts,XX,,,,,,,,,,,,,,,\n",
                   encoding="utf-8")
    result = skg("import", str(bad), env=env_for(state))
    assert result.returncode != 0
    assert "violation(s); nothing was imported" in result.stderr
    assert skg("imports", env=env_for(state)).stdout.strip() == "No imports yet."


def test_the_same_file_is_not_imported_twice(skg, state):
    first = skg("import", str(TEMPLATES / "sources.csv"), env=env_for(state))
    assert first.returncode == 0
    again = skg("import", str(TEMPLATES / "sources.csv"), env=env_for(state))
    assert again.returncode != 0 and "was imported already" in again.stderr


BAD_INPUT = {
    "wrong-encoding": ("plants.csv", (PLANTS_HEADER + "\nx,Usine Bécancour,parts,CA\n")
                       .encode("latin-1"), "line 2: byte 0xe9 is not UTF-8 text"),
    "missing-header": ("plants.csv", b"x,Some plant,parts,CA\n",
                       "row 1 must be the header naming the columns of the plants template"),
    "unknown-column": ("plants.csv", b"slug,name,type,country,colour\nx,X,parts,CA,red\n",
                       "row 1, column 5: unknown column 'colour'"),
    "empty-file": ("plants.csv", b"", "plants.csv: the file is empty."),
    "header-only": ("plants.csv", PLANTS_HEADER.encode() + b"\n",
                    "the file has a header but no rows of data"),
    "too-many-cells": ("plants.csv", b"slug,name,type,country\nx,Plant, Inc,parts,CA\n",
                       "row 2 has 5 cells but the header names 4 columns"),
    "missing-required-column": ("plants.csv", b"slug,name,type\nx,X,parts\n",
                                "lacks the required column(s) country"),
    "turtle-syntax": ("bad.ttl", b"@prefix ex: <http://example.org/> .\n\nex:a ex:b ex:c ;\n"
                      b"  ex:d \"unclosed .\n", "bad.ttl: line 4"),
    "json-ld-remote-context": ("remote.jsonld", b'{"@context": "http://127.0.0.1:9/ctx",'
                               b' "@id": "http://example.org/a"}',
                               "names a remote context (http://127.0.0.1:9/ctx)"),
    "json-ld-nested-import": ("nested.jsonld", b'{"@context": [{"@import": "https://e.org/c"}],'
                              b' "@id": "http://example.org/a"}', "remote context"),
    "unknown-template": ("data.csv", b"a,b\n1,2\n", "say which template the file follows"),
}


@pytest.mark.parametrize("case", sorted(BAD_INPUT))
def test_bad_input_gets_a_clear_message_and_the_store_is_untouched(skg, state, tmp_path, case):
    name, data, expected = BAD_INPUT[case]
    path = tmp_path / name
    path.write_bytes(data)
    result = skg("import", str(path), env=env_for(state))
    assert result.returncode != 0
    assert expected in result.stderr, result.stderr
    assert "Traceback" not in result.stderr
    assert not list((state / "imports").glob("*")) if (state / "imports").exists() else True


def test_a_200_mb_file_is_refused_before_reading(skg, state, tmp_path):
    huge = tmp_path / "plants.csv"
    with huge.open("wb") as handle:  # sparse: instant, takes no disk space
        handle.truncate(200 * 1024 * 1024)
    result = skg("validate", str(huge), env=env_for(state))
    assert result.returncode != 0
    assert "plants.csv is 200.0 MB; the limit is 5 MB (SKG_MAX_UPLOAD_MB)" in result.stderr


def test_revert_of_an_unknown_graph_says_so(skg, state):
    result = skg("revert", "https://w3id.org/solidarity-graph/graph/import-nothing",
                 env=env_for(state))
    assert result.returncode != 0 and "There is no accepted import" in result.stderr


def test_a_complete_journal_file_survives_a_copy_to_a_fresh_state(skg, state, tmp_path):
    assert skg("import", str(TEMPLATES / "sources.csv"), env=env_for(state)).returncode == 0
    fresh = tmp_path / "fresh"
    shutil.copytree(state, fresh)
    found = skg("query", "ASK { <https://w3id.org/solidarity-graph/id/source/"
                "example-union-newsletter-2024> a ?t }", env=env_for(fresh))
    assert "true" in found.stdout.lower()
