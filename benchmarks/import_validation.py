"""How long validating a 1,000-row CSV takes against a store of about a million triples.

Run: python -m benchmarks.import_validation [--triples 1M] [--rows 1000] [--runs 3]

The store is the curated graph plus synthetic data from benchmarks/generate.py
(loaded as one demonstration graph). Two files are validated, each a real
template: plants (1,000 new plants, each operated by a synthetic automaker)
and supply flows (1,000 flows between synthetic plants, so the context pulled
from the store is large). The target is under 5 s each: validation reads only
the part of the store an import refers to, never the whole store.
"""

from __future__ import annotations

import argparse
import io
import statistics
import sys
import tempfile
import time
from pathlib import Path

import pyoxigraph as ox

from app.config import load_settings
from app.imports.staging import Upload, stage
from app.loading import build_store
from app.namespaces import GRAPH
from benchmarks.generate import generate, parse_count

TARGET_SECONDS = 5.0
PLANT_HEADER = ("slug,name,type,country,region,locality,lat,long,opening_year,closing_year,"
                "status,workers,workers_year,operator,operator_from,source,locator,unverified,"
                "estimate")


def plants_csv(rows: int) -> bytes:
    lines = [PLANT_HEADER]
    for i in range(rows):
        lines.append(f"bench-import-{i},Benchmark import plant {i},parts,CA,CA-ON,Town {i},"
                     f"{43 + (i % 50) / 100:.2f},{-80 - (i % 50) / 100:.2f},2001,,operating,"
                     f"{100 + i},2024,bench-automaker-{i % 4},2001-01-01,,,,")
    return ("\n".join(lines) + "\n").encode()


def supply_csv(store: ox.Store, rows: int) -> bytes:
    plants = [s["subject"].value.rsplit("/", 1)[-1] for s in store.query(
        "SELECT DISTINCT ?subject WHERE { ?subject a <https://w3id.org/solidarity-graph/"
        f"ontology#PartsPlant> }} ORDER BY ?subject LIMIT {rows + 1}",
        use_default_graph_as_union=True)]
    lines = ["supplier_plant,customer_plant,component,tier,from,to,source,locator,unverified"]
    for i in range(rows):
        supplier, customer = plants[i % len(plants)], plants[(i + 1) % len(plants)]
        lines.append(f"{supplier},{customer},benchmark part {i},2,2020-01-01,,,,")
    return ("\n".join(lines) + "\n").encode()


def build(triples: int):  # type: ignore[no-untyped-def]
    settings = load_settings()
    store = build_store(settings)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "bench.nt"
        with path.open("w", encoding="utf-8") as out:
            generate(out, triples)
        store.raw.bulk_load(path=str(path), format=ox.RdfFormat.N_TRIPLES,
                            to_graph=ox.NamedNode(str(GRAPH["bench"])))
    return settings, store


def measure(settings, store, name: str, data: bytes, runs: int) -> float:  # type: ignore[no-untyped-def]
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        report = stage(Upload(data, name), store.raw, settings).report
        times.append(time.perf_counter() - started)
    print(f"{name}: {report.triples:,} triples staged, {len(report.violations)} violation(s), "
          f"{len(report.warnings)} warning(s); median {statistics.median(times):.2f} s "
          f"(runs: {', '.join(f'{t:.2f}' for t in times)})")
    return statistics.median(times)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.import_validation",
                                     description=__doc__.split("\n\n")[0])
    parser.add_argument("--triples", type=parse_count, default=1_000_000)
    parser.add_argument("--rows", type=int, default=1000)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args(argv)
    started = time.perf_counter()
    settings, store = build(args.triples)
    print(f"Store: {len(store):,} triples (built in {time.perf_counter() - started:.1f} s)")
    worst = max(measure(settings, store, "plants.csv", plants_csv(args.rows), args.runs),
                measure(settings, store, "supply-flows.csv", supply_csv(store.raw, args.rows),
                        args.runs))
    verdict = "within" if worst < TARGET_SECONDS else "OVER"
    print(f"Slowest median {worst:.2f} s: {verdict} the {TARGET_SECONDS:g} s target.")
    return 0 if worst < TARGET_SECONDS else 1


if __name__ == "__main__":
    sys.stdout = io.TextIOWrapper(sys.stdout.buffer, line_buffering=True)
    sys.exit(main())
