"""Killing an import (CLI or server) at any point leaves the store as before or as after.

A test-only hook (SOLIDARITY_GRAPH_TEST_PAUSE_AT=<step>:<marker>) makes the
process stop right after a journal step so that SIGKILL lands exactly there;
a loop of kills at random moments covers the steps in between.
"""

from __future__ import annotations

import contextlib
import json
import random
import re
import shutil
import signal
import subprocess
import sys
import threading
import time
import urllib.request
from pathlib import Path

import pytest

from app.imports.journal import PAUSE_VARIABLE
from tests.conftest import ROOT, clean_env, start_server, stop_server

PLANTS = ROOT / "data" / "templates" / "plants.csv"
COUNT = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"
GRAPHS = "SELECT ?g WHERE { GRAPH ?g {} } ORDER BY ?g"


def snapshot(skg, env: dict[str, str]) -> tuple[str, str]:
    """(number of quads, list of graphs) of the store a fresh start builds; an import's
    graph is named by its checksum (its time differs from one run to the next)."""
    graphs = skg("query", GRAPHS, "--format", "csv", env=env).stdout
    return (skg("query", COUNT, "--format", "csv", env=env).stdout,
            re.sub(r"import-\d{8}-\d{6}-\d{6}-", "import-", graphs))


def wait_for_file(path: Path, process: subprocess.Popen, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while not path.exists():
        assert process.poll() is None, "the process ended before reaching the step"
        assert time.monotonic() < deadline, "the process never reached the step"
        time.sleep(0.05)


def start_import(env: dict[str, str]) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "app", "import", str(PLANTS)], cwd=ROOT,
                            env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


@pytest.fixture()
def env(tmp_path):
    """Its own state, and its own copy of the data, so edits elsewhere cannot move counts."""
    shutil.copytree(ROOT / "data", tmp_path / "data")
    shutil.copytree(ROOT / "ontology", tmp_path / "ontology")
    return clean_env(SKG_STATE_DIR=str(tmp_path / "state"), SKG_DATA_DIR=str(tmp_path / "data"),
                     SKG_ONTOLOGY_DIR=str(tmp_path / "ontology"))


def imported_snapshot(skg, env) -> tuple[str, str]:
    assert skg("import", str(PLANTS), env=env).returncode == 0
    after = snapshot(skg, env)
    graph = skg("imports", env=env).stdout.split("\t")[0]
    assert skg("revert", graph, env=env).returncode == 0
    return after


@pytest.mark.parametrize(("step", "expected"), [("written", "before"), ("renamed", "after")])
def test_cli_killed_at_a_journal_step(skg, env, tmp_path, step, expected):
    before = snapshot(skg, env)
    after = imported_snapshot(skg, env)
    assert after != before
    marker = tmp_path / "reached"
    process = start_import({**env, PAUSE_VARIABLE: f"{step}:{marker}"})
    wait_for_file(marker, process)
    process.send_signal(signal.SIGKILL)
    process.wait()
    assert snapshot(skg, env) == (before if expected == "before" else after)


def test_cli_killed_at_random_moments_is_never_half_imported(skg, env):
    before = snapshot(skg, env)
    after = imported_snapshot(skg, env)
    outcomes = set()
    for delay in random.Random(5).sample(  # noqa: S311 (not security)
            [x / 10 for x in range(5, 40)], 5):
        process = start_import(env)
        time.sleep(delay)
        process.send_signal(signal.SIGKILL)
        process.wait()
        now = snapshot(skg, env)
        assert now in (before, after), f"half an import after a kill at {delay} s"
        outcomes.add("after" if now == after else "before")
        if now == after:
            graph = skg("imports", env=env).stdout.split("\t")[0]
            skg("revert", graph, env=env)
    assert outcomes  # at least one kill happened


def curator_token(skg, env) -> str:
    result = skg("tokens", "create", "--role", "curator", "--name", "crash-test", env=env)
    return result.stdout.strip()


def upload_and_confirm(base: str, token: str) -> None:
    """POST the plants example as JSON, then confirm it (the call may never return)."""
    boundary = "crashtestboundary"
    body = (f"--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; "
            f"filename=\"plants.csv\"\r\nContent-Type: text/csv\r\n\r\n").encode() \
        + PLANTS.read_bytes() + f"\r\n--{boundary}--\r\n".encode()
    headers = {"Authorization": f"Bearer {token}", "Accept": "application/json",
               "Content-Type": f"multipart/form-data; boundary={boundary}"}
    request = urllib.request.Request(base + "/import", data=body, headers=headers)
    with urllib.request.urlopen(request, timeout=60) as response:
        confirm = json.load(response)["confirm"]
    with contextlib.suppress(OSError):  # the server is killed under it
        urllib.request.urlopen(urllib.request.Request(base + confirm, data=b"",
                                                      headers=headers), timeout=120)


@pytest.mark.parametrize(("step", "expected"), [("written", "before"), ("renamed", "after")])
def test_server_killed_during_an_import_restarts_whole(skg, env, tmp_path, step, expected):
    before = snapshot(skg, env)
    after = imported_snapshot(skg, env)
    token = curator_token(skg, env)
    marker = tmp_path / "reached"
    process, base = start_server({**env, PAUSE_VARIABLE: f"{step}:{marker}"})
    try:
        worker = threading.Thread(target=upload_and_confirm, args=(base, token), daemon=True)
        worker.start()
        wait_for_file(marker, process)
        process.send_signal(signal.SIGKILL)
        process.wait()
    finally:
        stop_server(process)
    assert snapshot(skg, env) == (before if expected == "before" else after)
    process, base = start_server(env)
    try:
        with urllib.request.urlopen(base + "/id/workplace/example-seating-windsor") as page:
            found = page.status == 200
    except urllib.error.HTTPError as exc:
        found = exc.code != 404
    finally:
        stop_server(process)
    assert found == (expected == "after")
