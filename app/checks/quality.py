"""Quality checks: SPARQL queries in queries/checks/ that must return no rows."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from app.store import Store, Table


@dataclass(frozen=True)
class CheckOutcome:
    name: str
    title: str
    table: Table

    @property
    def ok(self) -> bool:
        return not self.table.rows


def check_files(query_dir: Path) -> list[Path]:
    return sorted((query_dir / "checks").glob("*.rq"))


def run_checks(store: Store, query_dir: Path) -> list[CheckOutcome]:
    outcomes = []
    for path in check_files(query_dir):
        text = path.read_text(encoding="utf-8")
        result = store.query(text)
        if not isinstance(result, Table):
            raise TypeError(f"{path.name} must be a SELECT query")
        outcomes.append(CheckOutcome(path.stem, _title(text, path.stem), result))
    return outcomes


def _title(text: str, default: str) -> str:
    for line in text.splitlines():
        if line.startswith("#+ title:"):
            return line.split(":", 1)[1].strip()
    return default
