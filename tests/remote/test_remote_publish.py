"""`skg publish` puts every curated graph on the server, replacing graphs of the same name."""

from __future__ import annotations

import re
import shutil

from app import derived
from app.store.remote import RemoteStore
from tests.conftest import ROOT, clean_env, run_skg


def test_publish_replaces_each_graph_and_reports_progress(oxigraph_server, store):
    result = run_skg("publish", env=clean_env(**oxigraph_server.settings))
    assert result.returncode == 0, result.stderr
    files = len(store.graphs()) - 1  # all but the derived supply paths
    assert f"[{files}/{files}]" in result.stderr
    count = f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <{derived.PUBLIC_GRAPH}> {{ ?s ?p ?o }} }}"
    derived_triples = int(store.query(count).rows[0][0].value)
    assert f"{len(store) - derived_triples:,} triples" in result.stdout
    remote = RemoteStore.from_settings(oxigraph_server.load())
    assert remote.graphs() == store.graphs() and len(remote) == len(store)  # not doubled
    assert len(remote.graph_triples(derived.PUBLIC_GRAPH)) == derived_triples  # derived there


def test_a_malformed_file_stops_publish_before_anything_is_sent(oxigraph_server, tmp_path):
    data = tmp_path / "data"
    shutil.copytree(ROOT / "data", data)
    broken = data / "curated" / "zz-broken.ttl"
    broken.write_text("<a> <b> .\n", encoding="utf-8")
    result = run_skg("publish", env=clean_env(**oxigraph_server.settings,
                                              SKG_DATA_DIR=str(data)))
    assert result.returncode != 0 and "zz-broken.ttl" in result.stderr
    assert "Traceback" not in result.stderr
    remote = RemoteStore.from_settings(oxigraph_server.load())
    assert not any(g.endswith("/zz-broken") for g in remote.graphs())


def test_publish_without_a_server_says_which_setting_is_missing():
    result = run_skg("publish")
    assert result.returncode == 2 and "SKG_SPARQL_URL" in result.stderr


def test_query_and_export_read_the_server(oxigraph_server, store):
    env = clean_env(**oxigraph_server.settings)
    question = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"
    answer = run_skg("query", question, "--format", "csv", env=env)
    assert answer.returncode == 0, answer.stderr
    assert answer.stdout.split() == ["n", str(len(store))]
    exported = run_skg("export", "--format", "nquads", env=env)
    assert exported.returncode == 0, exported.stderr
    assert len(exported.stdout.splitlines()) == len(store)


def test_publish_sends_the_imports_accepted_into_the_journal(oxigraph_server, tmp_path):
    state = {"SKG_STATE_DIR": str(tmp_path)}
    sent = run_skg("import", str(ROOT / "data" / "templates" / "plants.csv"), "--who", "tester",
                   env=clean_env(**state))  # the embedded store: the journal only
    assert sent.returncode == 0, sent.stderr
    graph = re.search(r"^Imported \d+ triples as (\S+)\.$", sent.stdout, re.M).group(1)
    remote = RemoteStore.from_settings(oxigraph_server.load(**state))
    assert graph not in remote.graphs()
    result = run_skg("publish", env=clean_env(**oxigraph_server.settings, **state))
    try:
        assert result.returncode == 0, result.stderr
        assert f"-> {graph}: 44 triples" in result.stderr
        remote.forget()
        assert graph in remote.graphs() and len(remote.graph_triples(graph)) == 44
    finally:
        remote.write(lambda server: server.drop_graph(graph))


def test_an_unreadable_journal_file_stops_publish_before_anything_is_sent(oxigraph_server,
                                                                         tmp_path):
    (tmp_path / "imports").mkdir()
    (tmp_path / "imports" / "import-broken.nq").write_text('<a> <b> "unclosed .\n')
    remote = RemoteStore.from_settings(oxigraph_server.load())
    before = len(remote)
    result = run_skg("publish", env=clean_env(**oxigraph_server.settings,
                                              SKG_STATE_DIR=str(tmp_path)))
    assert result.returncode != 0 and "import-broken.nq" in result.stderr
    assert "Traceback" not in result.stderr
    remote.forget()
    assert len(remote) == before
