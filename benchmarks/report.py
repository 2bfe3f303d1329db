"""Write the benchmark's results as Markdown: machine, one table per size, targets."""

from __future__ import annotations

import datetime
import os
import platform
from importlib import metadata
from typing import Any

BACKENDS = {"embedded": "Embedded (pyoxigraph in memory)", "rdflib": "rdflib Dataset",
            "oxigraph": "Oxigraph server (disk)", "virtuoso": "Virtuoso"}
PACKAGES = ("pyoxigraph", "oxigraph", "rdflib", "Flask", "waitress", "SPARQLWrapper")
Results = dict[str, dict[str, dict[str, Any]]]  # size -> backend -> measurement


def machine() -> str:
    cpu = "unknown CPU"
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as info:
            cpu = next(line.split(":", 1)[1].strip() for line in info
                       if line.startswith("model name"))
    except (OSError, StopIteration):
        pass
    ram = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    versions = ", ".join(f"{name} {_version(name)}" for name in PACKAGES)
    return (f"{cpu}, {os.cpu_count()} cores, {ram:.0f} GB RAM; Python "
            f"{platform.python_version()} on {platform.system()}; {versions}; "
            f"Virtuoso {virtuoso_version()}; "
            f"{datetime.datetime.now(datetime.UTC):%Y-%m-%d %H:%M} UTC")


def virtuoso_version() -> str:
    import shutil
    import subprocess

    binary = shutil.which("virtuoso-t")
    if not binary:
        return "not installed"
    answer = subprocess.run([binary, "-?"], capture_output=True, text=True, timeout=10)
    found = [w for line in (answer.stdout + answer.stderr).splitlines()
             if line.startswith("Version") for w in line.split()[1:2]]
    return found[0] if found else "unknown version"


def _version(name: str) -> str:
    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError:
        return "not installed"


def cell(question: dict[str, Any] | None) -> str:
    """'median / p95 ms', '> 30 s', 'error', or '-' when not run."""
    if not question:
        return "-"
    if question.get("over_budget"):
        return f"> {question['over_budget']:g} s"
    if question.get("error"):
        return "error"
    return f"{_ms(question['median'])} / {_ms(question['p95'])}"


def _ms(seconds: float) -> str:
    milliseconds = seconds * 1000
    if milliseconds >= 1000:
        return f"{milliseconds / 1000:.2f} s"
    return f"{milliseconds:.1f}" if milliseconds < 100 else f"{milliseconds:.0f}"


def size_table(size: str, runs: dict[str, dict[str, Any]]) -> list[str]:
    backends = [b for b in BACKENDS if b in runs]
    head = ["question (median / p95 ms)", *(BACKENDS[b] for b in backends), "rows"]
    lines = [f"### {size} triples", "", "| " + " | ".join(head) + " |",
             "|" + " --- |" * len(head)]
    lines.append(_row("load (s)", backends, runs, lambda r: _number(r.get("load_seconds"))))
    lines.append(_row("peak memory (MB)", backends, runs,
                      lambda r: _number(r.get("peak_rss_mb"), 0)))
    slugs = sorted({s for r in runs.values() for s in r.get("questions", {})})
    for slug in slugs:
        cells = [cell(runs[b].get("questions", {}).get(slug)) for b in backends]
        rows = _rows(runs, slug)
        lines.append(f"| {slug} | " + " | ".join(cells) + f" | {rows} |")
    notes = [f"- {BACKENDS[b]}: {runs[b]['note']}" for b in backends if runs[b].get("note")]
    return [*lines, "", *notes, ""] if notes else [*lines, ""]


def _row(name: str, backends: list[str], runs: dict[str, dict[str, Any]], value: Any) -> str:
    return f"| {name} | " + " | ".join(value(runs[b]) for b in backends) + " | |"


def _number(value: float | None, places: int = 2) -> str:
    return "-" if value is None else f"{value:.{places}f}"


def _rows(runs: dict[str, dict[str, Any]], slug: str) -> str:
    counts = {str(r["questions"][slug]["rows"]) for r in runs.values()
              if r.get("questions", {}).get(slug, {}).get("rows") is not None}
    return " / ".join(sorted(counts)) or "-"


def render(results: Results, extra: list[str], setup: str) -> str:
    lines = ["# Benchmark: latest results", "", f"Machine: {machine()}.", "", setup, ""]
    for size, runs in results.items():
        lines += size_table(size, runs)
    return "\n".join(lines + extra) + "\n"
