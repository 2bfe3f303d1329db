"""Two real SPARQL servers on 127.0.0.1, started once per session, holding the curated graph.

- Oxigraph server: the `oxigraph` command from PyPI (test extra), on disk in a
  temporary folder, with its own query time limit (`--timeout-s`) and its
  default graph the union of the named graphs (SKG_SPARQL_DATASET=union).
- Virtuoso: Debian's `virtuoso-opensource` (`virtuoso-t`), with a temporary
  database and virtuoso.ini of its own (ports on 127.0.0.1 only, a short
  MaxQueryExecutionTime), queried with an explicit dataset and the time limit
  sent along. Tests marked `virtuoso` are skipped, saying why, when
  `virtuoso-t` is not installed; run them alone with `pytest -m virtuoso`.

Both are filled with `skg publish`'s service, so publishing is tested too.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import urllib.parse
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from app.config import Settings, load_settings
from app.publish import publish
from benchmarks.virtuoso import virtuoso_ini
from tests.conftest import clean_env, free_port, stop_server, wait_for

SERVER_QUERY_SECONDS = 5  # the servers' own time limit, which timeout tests run into


@dataclass(frozen=True)
class Server:
    name: str
    settings: dict[str, str]  # SKG_* environment variables that point the app at it

    def load(self, **extra: str) -> Settings:
        return load_settings(clean_env(**{**self.settings, **extra}))


def oxigraph_command() -> str | None:
    beside_python = Path(sys.executable).parent / "oxigraph"
    return str(beside_python) if beside_python.exists() else shutil.which("oxigraph")


def wait_until_answers(url: str, process: subprocess.Popen[bytes], seconds: float) -> None:
    """Bounded wait for `ASK {}` to succeed at the query endpoint `url`."""
    wait_for(url + "?" + urllib.parse.urlencode({"query": "ASK {}"}), process, seconds)


@pytest.fixture(scope="session")
def oxigraph_server(tmp_path_factory) -> Iterator[Server]:
    command = oxigraph_command()
    if command is None:
        pytest.skip("the oxigraph command is not installed (pip install oxigraph)")
    port = free_port()
    folder = tmp_path_factory.mktemp("oxigraph")
    process = subprocess.Popen(
        [command, "serve", "--location", str(folder / "db"), "--bind", f"127.0.0.1:{port}",
         "--timeout-s", str(SERVER_QUERY_SECONDS), "--union-default-graph"],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    try:
        wait_until_answers(base + "/query", process, 30)
        server = Server("oxigraph", {"SKG_STORE": "remote", "SKG_SPARQL_URL": base + "/query",
                                     "SKG_SPARQL_GSP_URL": base + "/store",
                                     "SKG_SPARQL_UPDATE_URL": base + "/update",
                                     "SKG_SPARQL_DATASET": "union"})
        publish(server.load(), lambda _: None)
        yield server
    finally:
        stop_server(process, seconds=20)


@pytest.fixture(scope="session")
def virtuoso_server(tmp_path_factory) -> Iterator[Server]:
    command = shutil.which("virtuoso-t")
    if command is None:
        pytest.skip("Virtuoso is not installed (apt-get install virtuoso-opensource)")
    folder = tmp_path_factory.mktemp("virtuoso")
    http_port = free_port()
    ini = folder / "virtuoso.ini"
    ini.write_text(virtuoso_ini(folder, free_port(), http_port, dirs=[str(folder)],
                                buffers=20_000, max_rows=1_000_000,
                                seconds=SERVER_QUERY_SECONDS), encoding="utf-8")
    process = subprocess.Popen([command, "+configfile", str(ini), "+foreground"], cwd=folder,
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{http_port}"
    try:
        wait_until_answers(base + "/sparql", process, 90)
        server = Server("virtuoso", {
            "SKG_STORE": "remote", "SKG_SPARQL_URL": base + "/sparql",
            "SKG_SPARQL_GSP_URL": base + "/sparql-graph-crud-auth",
            "SKG_SPARQL_UPDATE_URL": base + "/sparql-auth",
            "SKG_SPARQL_USER": "dba", "SKG_SPARQL_PASSWORD": "dba",
            "SKG_SPARQL_AUTH": "digest", "SKG_SPARQL_TIMEOUT_PARAM": "milliseconds"})
        publish(server.load(), lambda _: None)
        yield server
    finally:
        stop_server(process, seconds=20)


@pytest.fixture(scope="session", params=[
    "oxigraph", pytest.param("virtuoso", marks=pytest.mark.virtuoso)])
def server(request) -> Server:
    """Each real server in turn."""
    return request.getfixturevalue(f"{request.param}_server")
