"""Generate synthetic, realistically shaped supply-chain data at a chosen scale.

Run: python -m benchmarks.generate --triples 1000000 -o bench.nt

Plants in Canada, the U.S. and Mexico (coordinates inside the country),
suppliers owned through chains of up to four levels, about 80% of parts
plants non-union, representation and ownership that change over time, tiered
supply flows (tier 3 -> 2 -> 1 -> assembly), yearly statistics, research
records for the mining-case questions, and a source on every fact. The whole
file is one graph described as demonstration data. Deterministic for a seed;
streamed, so memory stays flat. `.nq` writes N-Quads into the graph named
after the file; `.nt` and `.ttl` write N-Triples lines (valid Turtle), which
the loader puts in that same graph.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path
from random import Random
from typing import TextIO

from benchmarks import world_other, world_stats, world_work
from benchmarks.terms import BASE, Writer, graph_iri
from benchmarks.world_auto import Auto, setup
from benchmarks.world_blocks import block

SUPPLIER = f"{BASE}id/workplace/bench-0-t2-0"  # a tier-2 plant that feeds union plants
AUTOMAKER = f"{BASE}id/organization/bench-automaker-0"
SUFFIXES = (".nq", ".nt", ".ttl")
STATISTICS_SHARE = 0.07


def generate(out: TextIO, triples: int, *, graph_name: str = "bench", quads: bool = False,
             seed: int = 2026) -> int:
    """Write about `triples` triples to `out`; returns how many were written."""
    graph = graph_iri(graph_name)
    writer = Writer(out, graph if quads else None)
    auto = Auto(Random(seed), writer)  # noqa: S311 (reproducible synthetic data)
    factor = max(1, triples // 100_000)
    world_other.header(auto, graph)
    for part in (world_other.succession, world_other.alliances, world_other.interviews,
                 world_other.labor_law, world_other.passages, world_other.trade_rules):
        part(auto, factor)
    world_work.work_time(auto)
    world_stats.density(auto)
    setup(auto, automakers=max(4, min(40, triples // 25_000)))
    world_work.strike_funds(auto)
    statistics_budget = int(triples * STATISTICS_SHARE)
    number = 0
    while number == 0 or writer.count < triples - statistics_budget:
        block(auto, number)
        number += 1
    world_stats.statistics(auto, triples - writer.count)
    writer.flush()
    return writer.count


def write_file(path: Path, triples: int, seed: int = 2026) -> int:
    if path.suffix not in SUFFIXES:
        raise ValueError(f"{path.name}: the file must end in one of {', '.join(SUFFIXES)}")
    with path.open("w", encoding="utf-8", buffering=1 << 20) as out:
        return generate(out, triples, graph_name=path.stem, quads=path.suffix == ".nq",
                        seed=seed)


def parse_count(text: str) -> int:
    """'1000000', '1_000_000', '100k' or '5M'."""
    units = {"k": 1_000, "m": 1_000_000}
    text = text.strip().lower().replace("_", "")
    if text and text[-1] in units:
        return int(float(text[:-1]) * units[text[-1]])
    return int(text)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.generate",
                                     description=__doc__.split("\n\n")[0])
    parser.add_argument("--triples", type=parse_count, default=100_000,
                        help="about how many triples (10k, 100k, 1M, 5M)")
    parser.add_argument("-o", "--output", type=Path, required=True,
                        help="file to write: .nq, .nt or .ttl")
    parser.add_argument("--seed", type=int, default=2026)
    args = parser.parse_args(argv)
    started = time.perf_counter()
    count = write_file(args.output, args.triples, args.seed)
    print(f"Wrote {count:,} triples to {args.output} in {time.perf_counter() - started:.1f} s",
          file=sys.stderr)


if __name__ == "__main__":
    main()
