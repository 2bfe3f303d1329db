"""Issue 9 section 2: the targets, checked against the measured numbers."""

from __future__ import annotations

from typing import Any

from benchmarks.questions import REFERENCE_SUFFIX
from benchmarks.report import Results

TRANSITIVE = ("non-union-parts-plants", "organizing-targets", "refusal-leverage",
              "ultimate-parent", "plants-by-employer", "employer-succession")
LOAD_SECONDS, MEMORY_MB, SPEEDUP = 5.0, 600.0, 50.0


def seconds(run: dict[str, Any] | None, slug: str) -> float | None:
    """The median, or the budget for a question stopped at it (a lower bound)."""
    question = (run or {}).get("questions", {}).get(slug)
    if not question or question.get("error"):
        return None
    return question.get("over_budget") or question.get("median")


def prepared(run: dict[str, Any]) -> list[str]:
    """The prepared questions measured in `run`, without the slower reference forms."""
    return [s for s in run.get("questions", {}) if not s.endswith(REFERENCE_SUFFIX)]


def slow_questions(run: dict[str, Any], limit: float) -> list[str]:
    return sorted(s for s in prepared(run)
                  if (seconds(run, s) or 0) >= limit or run["questions"][s].get("over_budget"))


def speedups(embedded: dict[str, Any], other: dict[str, Any]) -> dict[str, float]:
    found = {}
    for slug in prepared(embedded):
        mine, theirs = seconds(embedded, slug), seconds(other, slug)
        if mine and theirs and not embedded["questions"][slug].get("over_budget"):
            found[slug] = theirs / mine
    return found


def rdflib_line(embedded: dict[str, Any], rdflib: dict[str, Any]) -> str:
    """Missed where rdflib finished under 50x; not shown where it was stopped first."""
    found = speedups(embedded, rdflib)
    stopped = {s for s in found if rdflib["questions"][s].get("over_budget")}
    below = sorted(s for s, x in found.items() if x < SPEEDUP and s not in stopped)
    unshown = sorted(s for s, x in found.items() if x < SPEEDUP and s in stopped)
    verdict = "met" if not below else f"missed by {', '.join(below)}"
    if unshown:
        verdict += (f"; not shown for {', '.join(unshown)} (rdflib stopped at the budget "
                    "before 50x the embedded time)")
    least = min((x for s, x in found.items() if s not in stopped), default=0)
    return (f"| >= {SPEEDUP:g}x faster than rdflib at 1M (least where rdflib finished: "
            f"{least:.0f}x) | {verdict} |")


def latency_lines(results: Results) -> list[str]:
    lines = []
    for size, limit in (("100k", 0.1), ("1M", 1.0)):
        run = results.get(size, {}).get("embedded")
        if run and run.get("questions"):
            slow = slow_questions(run, limit)
            verdict = "met" if not slow else f"missed by {', '.join(slow)}"
            lines.append(f"| every median under {limit * 1000:g} ms at {size} | {verdict} |")
    return lines


def comparison_lines(results: Results) -> list[str]:
    runs = results.get("1M", {})
    lines = []
    if runs.get("embedded") and runs.get("rdflib", {}).get("questions"):
        lines.append(rdflib_line(runs["embedded"], runs["rdflib"]))
    if runs.get("embedded") and runs.get("virtuoso", {}).get("questions"):
        found = speedups(runs["embedded"], runs["virtuoso"])
        behind = [s for s in TRANSITIVE if s in found and found[s] < 1]
        unknown = [s for s in TRANSITIVE if s not in found]
        verdict = "met" if not behind else f"missed by {', '.join(behind)}"
        if unknown:
            verdict += f" (no comparison for {', '.join(unknown)})"
        lines.append(f"| at least as fast as Virtuoso on transitive questions at 1M | "
                     f"{verdict} |")
    return lines


def resource_lines(results: Results) -> list[str]:
    run = results.get("1M", {}).get("embedded")
    if not run or "load_seconds" not in run:
        return []
    load, memory = run["load_seconds"], run["peak_rss_mb"]
    return [f"| load under {LOAD_SECONDS:g} s at 1M | {load:.2f} s: "
            f"{'met' if load < LOAD_SECONDS else 'missed'} |",
            f"| peak memory under {MEMORY_MB:g} MB at 1M | {memory:.0f} MB: "
            f"{'met' if memory < MEMORY_MB else 'missed'} |"]


def targets_section(results: Results) -> list[str]:
    rows = latency_lines(results) + comparison_lines(results) + resource_lines(results)
    if not rows:
        return []
    return ["## Targets (issue 9, section 2), embedded default", "",
            "| target | result |", "| --- | --- |", *rows, ""]
