"""The hours template through the real import gate and the real CLI (issue 8).

An organizer fills data/templates/hours.csv for their plant, imports it with
`skg import`, and `skg ask overtime-during-layoffs` shows how many laid-off
coworkers the quarter's overtime would have brought back.
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from tests.conftest import ROOT, clean_env

HOURS = ROOT / "data" / "templates" / "hours.csv"
HEADER = HOURS.read_text(encoding="utf-8").splitlines()[0]


@pytest.fixture()
def state(tmp_path):
    folder = tmp_path / "state"
    folder.mkdir()
    return folder


def env_for(state: Path) -> dict[str, str]:
    return clean_env(SKG_STATE_DIR=str(state), SKG_INCLUDE_DEMO="false")


def ask_quarter(skg, state: Path) -> list[dict[str, str]]:
    result = skg("ask", "overtime-during-layoffs", "-p", "start=2024-10-01",
                 "-p", "end=2024-12-31", "--format", "csv", env=env_for(state))
    assert result.returncode == 0, result.stderr
    return list(csv.DictReader(io.StringIO(result.stdout)))


def test_imported_hours_answer_the_overtime_question(skg, state):
    assert ask_quarter(skg, state) == []
    result = skg("import", str(HOURS), "--who", "organizer", env=env_for(state))
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 violation(s)" in result.stdout
    (row,) = ask_quarter(skg, state)
    assert row["workplace"].endswith("/workplace/gm-oshawa-assembly")
    # 26,000 overtime hours over 92 days at Ontario's 44-hour week: 44.96 full-time
    # jobs, so 44 of the 90 laid-off workers would be back.
    assert (row["standard_weekly_hours"], row["fte_jobs"]) == ("44", "45")
    assert (row["laid_off_workers"], row["workers_brought_back"]) == ("90", "44")
    assert row["demonstration"] == "false"
    graph = skg("imports", env=env_for(state)).stdout.split("\t")[0]
    assert skg("revert", graph, env=env_for(state)).returncode == 0
    assert ask_quarter(skg, state) == []


def test_a_wrong_hours_row_is_reported_by_row_and_column(skg, state, tmp_path):
    bad = tmp_path / "hours.csv"
    bad.write_text(HEADER + "\ngm-oshawa-assembly,2024-12-31,2024-10-01,100,500,-3,,,,,,\n",
                   encoding="utf-8")
    result = skg("validate", str(bad), "--format", "json", env=env_for(state))
    assert result.returncode == 1
    found = {(v["row"], v["column"]) for v in json.loads(result.stdout)["violations"]}
    assert {(2, "from"), (2, "overtime_hours"), (2, "workers_on_layoff")} <= found
    assert not (state / "imports").exists()


def test_a_plant_the_graph_does_not_know_is_refused(skg, state, tmp_path):
    bad = tmp_path / "hours.csv"
    bad.write_text(HEADER + "\nno-such-plant,2024-10-01,2024-12-31,,10,1,,,,,,\n",
                   encoding="utf-8")
    result = skg("import", str(bad), env=env_for(state))
    assert result.returncode != 0
    assert "nothing was imported" in result.stderr
    assert skg("imports", env=env_for(state)).stdout.strip() == "No imports yet."
