"""`skg import` and `skg revert` on the command line reach a server that is running.

A real server and the real CLI share one state folder; the server applies
the journal's changes at its next request (app/imports/watch.py).
"""

from __future__ import annotations

import json
import urllib.error
import urllib.request

import pytest

from app.imports.provenance import IMPORT_PREFIX
from tests.conftest import ROOT, clean_env, run_skg, start_server, stop_server

PLANTS = ROOT / "data" / "templates" / "plants.csv"
PLANT_PAGE = "/id/workplace/example-seating-windsor"


@pytest.fixture(scope="module")
def live(tmp_path_factory):
    state = tmp_path_factory.mktemp("state")
    env = clean_env(SKG_STATE_DIR=str(state), SKG_RATE_LIMIT="1000000")
    process, base = start_server(env)
    yield base, env, state
    stop_server(process)


def status(url: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=30) as reply:
            return reply.status, reply.read().decode()
    except urllib.error.HTTPError as exc:
        return exc.code, exc.read().decode()


def test_an_import_and_a_revert_on_the_command_line_show_without_a_restart(live):
    base, env, _ = live
    assert status(base + PLANT_PAGE)[0] == 404
    done = run_skg("import", str(PLANTS), "--who", "Tester", env=env)
    assert done.returncode == 0, done.stderr
    assert "shows it from its next request" in done.stdout
    code, page = status(base + PLANT_PAGE)
    assert code == 200 and "Import of plants.csv by Tester" in page
    _, answer = status(base + "/questions/non-union-parts-plants.json?as_of=2024-06-01")
    assert "example-seating-windsor" in answer  # the derived supply paths followed
    assert run_skg("revert", _import_graph(env), env=env).returncode == 0
    assert status(base + PLANT_PAGE)[0] == 404


def test_an_unreadable_journal_file_is_left_out_and_the_rest_applied(live):
    base, _, state = live
    before = triples(base)
    folder = state / "imports"
    folder.mkdir(exist_ok=True)
    made = folder / "import-handmade.nq"
    made.write_text(f'<https://example.org/x> <http://www.w3.org/2000/01/rdf-schema#label> '
                    f'"Handmade" <{IMPORT_PREFIX}handmade> .\n')
    broken = folder / "import-broken.nq"
    broken.write_text('<a> <b> "unclosed .\n')
    try:
        assert triples(base) == before + 1
        assert status(base + "/questions")[0] == 200
    finally:
        made.unlink()
        broken.unlink()
    assert triples(base) == before


def triples(base: str) -> int:
    code, body = status(base + "/health")
    assert code == 200
    return json.loads(body)["triples"]


def _import_graph(env: dict[str, str]) -> str:
    listing = run_skg("imports", env=env)
    assert listing.returncode == 0, listing.stderr
    return listing.stdout.splitlines()[-1].split("\t")[0]
