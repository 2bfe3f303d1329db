"""Measure one backend in this (fresh) process and print the result as JSON.

Run by the benchmark runner, one process per backend and size, so that the
peak memory read here belongs to that backend alone:

    python -m benchmarks.measure embedded|rdflib|remote DATA_DIR [--endpoint URL]

embedded: the project's store (app.loading.build_store, pyoxigraph in memory);
rdflib: rdflib's own in-memory Dataset (the baseline); remote: a SPARQL
server that the runner started and loaded (its memory is measured there).
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

from benchmarks.questions import bench_settings, load_files, question_texts
from benchmarks.timing import Runner, peak_rss_mb, time_query


def embedded(data_dir: Path) -> tuple[float, Runner]:
    from app.loading import build_store
    from app.store import Table

    started = time.perf_counter()
    store = build_store(bench_settings(data_dir))
    load_seconds = time.perf_counter() - started

    def run(sparql: str) -> int:
        result = store.query(sparql)
        return len(result.rows) if isinstance(result, Table) else 1

    return load_seconds, run


def with_rdflib(data_dir: Path) -> tuple[float, Runner]:
    import rdflib

    started = time.perf_counter()
    dataset = rdflib.Dataset(default_union=True)
    for path, graph in load_files(bench_settings(data_dir)):
        fmt = "nt" if path.suffix == ".nt" else "turtle"
        dataset.graph(rdflib.URIRef(graph)).parse(str(path), format=fmt)
    load_seconds = time.perf_counter() - started

    def run(sparql: str) -> int:
        return len(list(dataset.query(sparql)))

    return load_seconds, run


def remote(endpoint: str, timeout: float, dataset: str) -> tuple[float, Runner]:
    from benchmarks.client import remote_runner

    return 0.0, remote_runner(endpoint, timeout, dataset)


def measure(args: argparse.Namespace) -> dict[str, object]:
    if args.backend == "embedded":
        load_seconds, run = embedded(args.data_dir)
    elif args.backend == "rdflib":
        load_seconds, run = with_rdflib(args.data_dir)
    else:
        load_seconds, run = remote(args.endpoint, args.budget, args.dataset)
    loaded_rss = peak_rss_mb()
    texts = question_texts(bench_settings(args.data_dir), rewrites=True)
    timings = {slug: time_query(run, sparql, reps=args.reps, budget=args.budget)
               for slug, sparql in texts.items()}
    peak = max([loaded_rss, peak_rss_mb()] + [t.peak_rss_mb for t in timings.values()])
    return {"backend": args.backend, "load_seconds": load_seconds, "loaded_rss_mb": loaded_rss,
            "peak_rss_mb": peak, "questions": {s: t.as_dict() for s, t in timings.items()}}


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.measure")
    parser.add_argument("backend", choices=["embedded", "rdflib", "remote"])
    parser.add_argument("data_dir", type=Path)
    parser.add_argument("--endpoint", default="")
    parser.add_argument("--dataset", choices=["union", "explicit"], default="union")
    parser.add_argument("--reps", type=int, default=5)
    parser.add_argument("--budget", type=float, default=30.0)
    print(json.dumps(measure(parser.parse_args())))


if __name__ == "__main__":
    main()
