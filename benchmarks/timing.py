"""Time a query a few times in a forked child that is killed at a time budget.

No engine here can be interrupted from Python (docs/decisions/0001), so each
question runs in a child forked after the data is loaded (it shares the
loaded store copy-on-write); the parent stops waiting at the budget, kills
the child and reports "> budget" instead of a number.
"""

from __future__ import annotations

import math
import multiprocessing
import os
import statistics
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from multiprocessing.connection import Connection
from typing import Any

_FORK = multiprocessing.get_context("fork")
Runner = Callable[[str], int]  # runs a query, returns its number of rows
WARM_UP_SECONDS = 0.5


@dataclass
class Timing:
    seconds: list[float] = field(default_factory=list)
    rows: int | None = None
    over_budget: float | None = None
    error: str | None = None
    peak_rss_mb: float = 0.0

    def median(self) -> float | None:
        return statistics.median(self.seconds) if self.seconds else None

    def p95(self) -> float | None:
        if not self.seconds:
            return None
        ordered = sorted(self.seconds)
        return ordered[min(len(ordered) - 1, math.ceil(0.95 * len(ordered)) - 1)]

    def as_dict(self) -> dict[str, Any]:
        return {"seconds": self.seconds, "rows": self.rows, "over_budget": self.over_budget,
                "error": self.error, "median": self.median(), "p95": self.p95(),
                "peak_rss_mb": self.peak_rss_mb}


def peak_rss_mb(pid: int | str = "self") -> float:
    """Highest resident set size of a process so far (VmHWM), in MB."""
    try:
        with open(f"/proc/{pid}/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        return 0.0
    return 0.0


def _repeat(conn: Connection, run: Runner, sparql: str, reps: int, spend: float) -> None:
    """Child: run up to `reps` counted times (fewer once `spend` seconds are used),
    report each.

    Runs in the child's first WARM_UP_SECONDS are warm-up and not counted unless
    slower than a tenth of that: a freshly forked child pays page faults that the
    app's long-lived query workers have long paid (its first few hundred small
    queries write to pages it still shares with the parent, about 40 faults a
    query, measured), while a slow question is timed from its first run as before.
    """
    used, counted = 0.0, 0
    warm_until = time.perf_counter() + WARM_UP_SECONDS
    try:
        while counted < reps:
            started = time.perf_counter()
            rows = run(sparql)
            elapsed = time.perf_counter() - started
            if started + elapsed < warm_until and elapsed < WARM_UP_SECONDS / 10:
                continue
            used += elapsed
            counted += 1
            conn.send(("time", elapsed, rows))
            if used > spend:
                break
    except Exception as exc:
        conn.send(("error", f"{type(exc).__name__}: {str(exc)[:200]}", None))
    conn.send(("done", peak_rss_mb(), None))
    conn.close()
    os._exit(0)


def time_query(run: Runner, sparql: str, *, reps: int = 5, budget: float = 30.0) -> Timing:
    """Time `sparql` up to `reps` times within `budget` seconds in a killable child."""
    parent_end, child_end = _FORK.Pipe()
    child = _FORK.Process(target=_repeat, args=(child_end, run, sparql, reps, budget / 3))
    child.start()
    child_end.close()
    timing, deadline = Timing(), time.monotonic() + budget
    while True:
        if not parent_end.poll(max(0.0, deadline - time.monotonic())):
            child.kill()
            if not timing.seconds:
                timing.over_budget = budget
            break
        kind, value, rows = parent_end.recv()
        if kind == "time":
            timing.seconds.append(value)
            timing.rows = rows
        elif kind == "error":
            timing.error = value
        else:
            timing.peak_rss_mb = value
            break
    child.join(timeout=10)
    parent_end.close()
    return timing
