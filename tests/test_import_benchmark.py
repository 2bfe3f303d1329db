"""The import benchmark runs (at a small scale here; the full run is documented in the README)."""

from __future__ import annotations

import subprocess
import sys

from tests.conftest import ROOT, clean_env


def test_the_import_benchmark_runs_and_meets_its_target_at_small_scale(tmp_path):
    result = subprocess.run(
        [sys.executable, "-m", "benchmarks.import_validation", "--triples", "20k", "--rows",
         "200", "--runs", "1"], cwd=ROOT, env=clean_env(SKG_STATE_DIR=str(tmp_path)),
        capture_output=True, text=True, timeout=300, check=False)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "plants.csv: " in result.stdout and "supply-flows.csv: " in result.stdout
    assert "within the 5 s target" in result.stdout
