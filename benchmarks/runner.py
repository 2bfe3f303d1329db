"""The benchmark runner: every backend at every size, side by side, into one Markdown file.

Run: python -m benchmarks [--sizes 10k,100k,1M] [--budget 30] (or `skg bench`).
Each backend is measured in a fresh process (servers in their own) so that
its load time and peak memory are its own; every question runs a few times
with default parameters and is stopped at the time budget.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from benchmarks import report
from benchmarks.generate import parse_count
from benchmarks.questions import bench_settings, load_files, prepare_data

CLIENT_NOTE = {True: "the app's remote store (app/store/remote.py)",
               False: "SPARQLWrapper straight to the server (no app/store/remote.py yet)"}
ROOT = Path(__file__).resolve().parent.parent
OUTPUT = ROOT / "benchmarks" / "results" / "latest.md"
SETUP = ("Synthetic data from `python -m benchmarks.generate` (seed 2026) plus the project's "
         "ontology files; every prepared question with its default parameters (today's date), "
         "up to {reps} runs each (fewer once a third of the budget is spent), stopped at "
         "{budget:g} s; runs under 50 ms in a question's first 0.5 s are warm-up and not "
         "counted (benchmarks/timing.py). Cells: median / 95th percentile in ms. Load: embedded = "
         "`build_store`; rdflib = parse into a Dataset; Oxigraph server = `oxigraph load` "
         "into its on-disk store; Virtuoso = bulk loader with checkpoint. Peak memory: the "
         "highest RSS of the measuring process (embedded, rdflib) or of the server process.")


def measure_in_child(backend: str, data: Path, args: argparse.Namespace,
                     endpoint: str = "", dataset: str = "union") -> dict[str, Any]:
    command = [sys.executable, "-m", "benchmarks.measure", backend, str(data),
               "--reps", str(args.reps), "--budget", str(args.budget)]
    if endpoint:
        command += ["--endpoint", endpoint, "--dataset", dataset]
    limit = 1800 + 30 * args.budget
    try:
        done = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=limit,
                              check=False)
    except subprocess.TimeoutExpired:
        return {"note": f"stopped after {limit:g} s"}
    if done.returncode != 0:
        return {"note": "failed: " + done.stderr.strip().splitlines()[-1][:300]}
    return json.loads(done.stdout)


def measure_server(backend: str, data: Path, work: Path,
                   args: argparse.Namespace) -> dict[str, Any]:
    from benchmarks.client import via_app
    from benchmarks.servers import start_oxigraph
    from benchmarks.virtuoso import start_virtuoso

    start = start_oxigraph if backend == "oxigraph" else start_virtuoso
    try:
        server = start(load_files(bench_settings(data)), work)
    except (OSError, RuntimeError, TimeoutError) as exc:
        return {"note": f"not measured: {exc}"}
    try:
        dataset = "union" if backend == "oxigraph" else "explicit"
        result = measure_in_child("remote", data, args, server.endpoint, dataset)
        note = f"through {CLIENT_NOTE[via_app()]}, SKG_SPARQL_DATASET={dataset}"
        result.update(load_seconds=server.load_seconds, peak_rss_mb=server.peak_rss_mb(),
                      note="; ".join(filter(None, [result.get("note"), note])))
    finally:
        server.stop()
    return result


def run_size(size: str, args: argparse.Namespace, work: Path) -> dict[str, Any]:
    data = prepare_data(work / f"data-{size}", parse_count(size))
    runs: dict[str, Any] = {}
    for backend in args.backends:
        if backend == "rdflib" and parse_count(size) > args.rdflib_max:
            runs[backend] = {"note": f"not run above {args.rdflib_max:,} triples "
                                     "(loading alone takes minutes)"}
            continue
        started = time.perf_counter()
        if backend in ("embedded", "rdflib"):
            runs[backend] = measure_in_child(backend, data, args)
        else:
            runs[backend] = measure_server(backend, data, work, args)
        print(f"{size} {backend}: {time.perf_counter() - started:.0f} s", file=sys.stderr)
    return runs


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m benchmarks", description=__doc__)
    parser.add_argument("--sizes", default="10k,100k,1M", help="comma-separated: 10k,100k,1M,5M")
    parser.add_argument("--backends", default="embedded,rdflib,oxigraph,virtuoso")
    parser.add_argument("--reps", type=int, default=5)
    parser.add_argument("--budget", type=float, default=30.0, help="seconds per question")
    parser.add_argument("--rdflib-max", type=parse_count, default=1_000_000)
    parser.add_argument("--load-size", default="100k", help="size for the web throughput test")
    parser.add_argument("--no-load-test", action="store_true")
    parser.add_argument("--work", type=Path, help="folder for data and servers (a temp one)")
    parser.add_argument("-o", "--output", type=Path, default=OUTPUT)
    parser.add_argument("--merge", action="store_true",
                        help="keep the other sizes, backends and sections of the output")
    args = parser.parse_args(argv)
    args.sizes = [s.strip() for s in args.sizes.split(",") if s.strip()]
    args.backends = [b.strip() for b in args.backends.split(",") if b.strip()]
    return args


def main(argv: list[str] | None = None) -> None:
    args = parse_args(argv)
    work = args.work or Path(tempfile.mkdtemp(prefix="skg-bench-"))
    setup = SETUP.format(reps=args.reps, budget=args.budget)
    results, extra = earlier(args.output) if args.merge else ({}, [])
    for size in args.sizes:
        results[size] = results.get(size, {}) | run_size(size, args, work)
        write(args.output, report.render(results, extra, setup), results, extra)
    if not args.no_load_test:
        from benchmarks.web_load import web_section

        data = prepare_data(work / f"data-{args.load_size}", parse_count(args.load_size))
        extra = web_section(data, work, args.load_size)
    from benchmarks.targets import targets_section

    sections = extra + targets_section(results)
    write(args.output, report.render(results, sections, setup), results, extra)
    print(f"Wrote {args.output}", file=sys.stderr)


def write(path: Path, text: str, results: report.Results, web: list[str]) -> None:
    """The Markdown report, and every number behind it beside it (.json)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    numbers = {"results": results, "web": web}
    path.with_suffix(".json").write_text(json.dumps(numbers, indent=1), encoding="utf-8")


def earlier(path: Path) -> tuple[report.Results, list[str]]:
    """The results and web section of an earlier run (for --merge)."""
    try:
        numbers = json.loads(path.with_suffix(".json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}, []
    return numbers.get("results", numbers), numbers.get("web", [])
