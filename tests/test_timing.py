"""The benchmark's timing harness: warm-up runs, counted runs and the time budget.

The runner handed to time_query returns how many times it has been called in
its (forked) child, so the report tells how many runs the child made.
"""

from __future__ import annotations

import itertools
import time

from benchmarks.timing import WARM_UP_SECONDS, time_query


def counting_runner(pause: float):
    calls = itertools.count(1)

    def run(_sparql: str) -> int:
        time.sleep(pause)
        return next(calls)

    return run


def test_a_fast_question_is_timed_only_after_its_warm_up_runs() -> None:
    timing = time_query(counting_runner(0.0), "ASK {}", reps=3, budget=10)
    assert len(timing.seconds) == 3
    assert timing.rows is not None and timing.rows > 3 + 10  # many untimed runs first


def test_a_slow_question_is_timed_from_its_first_run() -> None:
    timing = time_query(counting_runner(WARM_UP_SECONDS / 5), "ASK {}", reps=2, budget=10)
    assert timing.rows == 2 and len(timing.seconds) == 2
    assert min(timing.seconds) >= WARM_UP_SECONDS / 5


def test_a_question_past_the_budget_is_stopped_and_reported() -> None:
    started = time.monotonic()
    timing = time_query(counting_runner(30.0), "ASK {}", reps=2, budget=1)
    assert timing.over_budget == 1 and timing.seconds == [] and timing.median() is None
    assert time.monotonic() - started < 10
