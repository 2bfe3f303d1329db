"""Imports on a remote server: the same validation report as on the embedded store, and
an accepted import lands on the server as its own graph (and leaves it on revert)."""

from __future__ import annotations

import datetime as dt
import re

from app.imports import service
from app.imports.staging import Upload, stage
from app.store.remote import RemoteStore
from tests.conftest import ROOT, clean_env, run_skg

NOW = dt.datetime(2026, 11, 22, 1, 2, 3, tzinfo=dt.UTC)


def plants_csv(*rows: str) -> bytes:
    header = (ROOT / "data" / "templates" / "plants.csv").read_text().splitlines()[0]
    return ("\n".join([header, *rows]) + "\n").encode()


def plant(slug: str, name: str, country: str = "CA") -> str:
    return f"{slug},{name},parts,{country},,Windsor,,,,,,,,,,,,,"


def problems(report) -> set[tuple]:  # type: ignore[no-untyped-def]
    return {(p.severity, p.row, p.column, p.message, p.value) for p in report.problems}


def test_the_report_is_the_same_as_on_the_embedded_store(oxigraph_server, settings, store):
    upload = Upload(plants_csv(plant("remote-a", "Remote A", country=""),
                               plant("ajax-seats", "Lear Ajax seating plant")),
                    "plants.csv", "plants", "tester")
    remote = RemoteStore.from_settings(oxigraph_server.load())
    on_server = stage(upload, remote.store.raw, settings, NOW).report
    embedded = stage(upload, store.raw, settings, NOW).report
    assert problems(on_server) == problems(embedded) and problems(embedded)


def test_an_accepted_import_is_a_graph_on_the_server_until_reverted(oxigraph_server,
                                                                    tmp_path):
    config = oxigraph_server.load(SKG_STATE_DIR=str(tmp_path))
    remote = RemoteStore.from_settings(config)
    upload = Upload(plants_csv(plant("remote-import-plant", "Remote import plant")),
                    "plants.csv", "plants", "tester")
    staged = stage(upload, remote.store.raw, config, NOW)
    assert staged.report.ok, staged.report.problems
    summary = service.commit(config, staged, apply=remote.write)
    assert summary.graph in remote.graphs()
    label = remote.query(f"""ASK {{ GRAPH <{summary.graph}> {{
        ?plant <http://www.w3.org/2000/01/rdf-schema#label> "Remote import plant"@en }} }}""")
    assert label is True
    service.revert(config, summary.graph, apply=remote.write)
    assert summary.graph not in remote.graphs()


def test_the_command_line_imports_to_the_server_and_reverts_there(oxigraph_server, tmp_path):
    env = clean_env(**oxigraph_server.settings, SKG_STATE_DIR=str(tmp_path))
    remote = RemoteStore.from_settings(oxigraph_server.load(SKG_STATE_DIR=str(tmp_path)))
    sent = tmp_path / "plants.csv"
    sent.write_bytes(plants_csv(plant("cli-remote-plant", "CLI remote plant")))
    done = run_skg("import", str(sent), "--who", "tester", env=env)
    assert done.returncode == 0, done.stderr
    graph = re.search(r"^Imported \d+ triples as (\S+)\.$", done.stdout, re.M).group(1)
    assert graph in remote.graphs()
    assert run_skg("revert", graph, env=env).returncode == 0
    remote.forget()
    assert graph not in remote.graphs()
