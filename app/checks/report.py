"""The text `skg check` prints."""

from __future__ import annotations

from collections.abc import Callable

from app.checks.run import CheckSummary
from app.results import to_text_table


def print_summary(summary: CheckSummary, echo: Callable[[str], None]) -> None:
    if summary.reasoner is not None:
        echo(f"Ontology: {summary.reasoner.message}")
    _print_shacl(summary, echo)
    for outcome in summary.quality:
        state = "ok" if outcome.ok else f"{len(outcome.table.rows)} problem(s)"
        echo(f"Check {outcome.name}: {state}")
        if not outcome.ok:
            echo(to_text_table(outcome.table))
    c = summary.counts
    echo(f"Data: {c['triples']:,} triples in {c['graphs']} graphs; "
         f"{c['unverified']} unverified fact(s), {c['estimates']} estimate(s), "
         f"{c['demo_graphs']} demonstration graph(s).")
    echo("All checks passed." if summary.ok else "Some checks failed (see above).")


def _print_shacl(summary: CheckSummary, echo: Callable[[str], None]) -> None:
    report = summary.shacl
    if report.conforms:
        echo(f"Shapes: the data conforms ({len(report.warnings)} warning(s)).")
    else:
        echo(f"Shapes: {len(report.violations)} violation(s), {len(report.warnings)} warning(s).")
    for r in report.results[:200]:
        echo(f"  {r.severity}: {r.message} [focus {r.focus_node}"
             + (f", path {r.path}" if r.path else "")
             + (f", value {r.value}" if r.value else "") + "]")
    if len(report.results) > 200:
        echo(f"  ... and {len(report.results) - 200} more")
