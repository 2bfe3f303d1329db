"""A smaller run of the load test (issue 6); the full one is `python -m benchmarks.load`."""

from __future__ import annotations

from benchmarks.load import main


def test_concurrent_clients_and_an_import_without_errors(capsys):
    assert main(["--clients", "12", "--seconds", "6"]) == 0
    out = capsys.readouterr().out
    assert "| question |" in out and "| sparql |" in out
    assert "import: committed https://w3id.org/solidarity-graph/graph/import-" in out
