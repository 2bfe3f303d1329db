"""The validation report of an import: every problem, where it is, in plain words.

A problem has its severity (violations block the import; warnings do not),
the rule's message (the shape's sh:message, or the quality check's title),
where it is (row and column of a CSV, line of an RDF file), the offending
value, and the technical columns (focus node, property, rule) after.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import asdict, dataclass

from app.checks.shacl import SEVERITY_ORDER, ValidationResult


@dataclass(frozen=True)
class Problem:
    severity: str
    message: str
    file: str
    row: int | None = None
    column: str | None = None
    line: int | None = None
    value: str = ""
    focus_node: str = ""
    path: str = ""
    rule: str = ""
    constraint: str = ""

    @property
    def where(self) -> str:
        if self.row is not None:
            return f"row {self.row}" + (f", column {self.column}" if self.column else "")
        if self.line is not None:
            return f"line {self.line}"
        return ""


@dataclass(frozen=True)
class ImportReport:
    file: str
    template: str | None
    sha256: str
    graph: str
    triples: int
    problems: tuple[Problem, ...]

    @property
    def violations(self) -> tuple[Problem, ...]:
        return tuple(p for p in self.problems if p.severity == "Violation")

    @property
    def warnings(self) -> tuple[Problem, ...]:
        return tuple(p for p in self.problems if p.severity != "Violation")

    @property
    def ok(self) -> bool:
        return not self.violations

    def to_json(self) -> dict:
        return {
            "ok": self.ok, "file": self.file, "template": self.template,
            "sha256": self.sha256, "graph": self.graph, "triples": self.triples,
            "violations": [_entry(p) for p in self.violations],
            "warnings": [_entry(p) for p in self.warnings],
        }


def _entry(problem: Problem) -> dict:
    return {k: v for k, v in asdict(problem).items() if v not in (None, "")}


Locator = Callable[[str, str, str], tuple[int | None, str | None, int | None, str | None]]
"""(focus node, path, value) -> (row, column, line, the cell as written) in the file."""


def from_shacl(result: ValidationResult, file: str, locate: Locator) -> Problem:
    row, column, line, text = locate(result.focus_node, result.path, result.value)
    return Problem(result.severity, result.message, file, row, column, line, text or result.value,
                   result.focus_node, result.path, result.source_shape, result.constraint)


def sort_problems(problems: list[Problem]) -> tuple[Problem, ...]:
    """Sorted by severity and place; one entry per problem, even when two rules
    (a shape and a quality check, two constraints of one shape) say the same."""
    shape_said = {(p.focus_node, p.value) for p in problems if p.constraint != "quality check"}
    unique = {(p.severity, p.message, p.row, p.line, p.column, p.value, p.focus_node): p
              for p in problems
              if p.constraint != "quality check" or (p.focus_node, p.value) not in shape_said}
    return tuple(sorted(unique.values(), key=lambda p: (
        SEVERITY_ORDER.get(p.severity, 9), p.row or 0, p.line or 0, p.column or "",
        p.focus_node, p.message)))


def print_report(report: ImportReport, echo: Callable[[str], None]) -> None:
    """The report as `skg validate` and `skg import` print it."""
    echo(f"{report.file} ({report.template or 'RDF'}): {report.triples} triples, "
         f"{len(report.violations)} violation(s), {len(report.warnings)} warning(s).")
    for title, problems in (("Violations", report.violations), ("Warnings", report.warnings)):
        if problems:
            echo(f"{title}:")
        for p in problems:
            where = f"{p.file}: {p.where}: " if p.where else f"{p.file}: "
            value = f" [value: {p.value}]" if p.value else ""
            echo(f"  {where}{p.message}{value} ({p.focus_node or p.rule})")
