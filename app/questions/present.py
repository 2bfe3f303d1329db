"""Turn result terms into what a page shows: text, and a link for IRIs.

Entity IRIs (`https://w3id.org/solidarity-graph/id/...`) link to their page
on this site (`/id/...`); other http(s) IRIs link out. Templates receive
these plain cells and escape them; no HTML is built here.
"""

from __future__ import annotations

from dataclasses import dataclass

import pyoxigraph as ox

from app.results import plain
from app.store import Table, Term

ENTITY_BASE = "https://w3id.org/solidarity-graph"
ID_PREFIX = ENTITY_BASE + "/id/"
XSD = "http://www.w3.org/2001/XMLSchema#"
NUMERIC = {XSD + name for name in ("integer", "decimal", "double", "float", "long", "int")}


@dataclass(frozen=True)
class Cell:
    text: str
    href: str | None = None
    kind: str = "literal"  # iri, literal, number, empty
    title: str | None = None


def cell(term: Term | None) -> Cell:
    if term is None:
        return Cell("", kind="empty")
    if isinstance(term, ox.NamedNode):
        return _iri_cell(term.value)
    if isinstance(term, ox.Literal) and term.datatype.value in NUMERIC:
        return Cell(term.value, kind="number")
    return Cell(plain(term))


def _iri_cell(iri: str) -> Cell:
    if iri.startswith(ID_PREFIX):
        return Cell(iri[len(ID_PREFIX):], href=iri[len(ENTITY_BASE):], kind="iri", title=iri)
    if iri.startswith(("http://", "https://")):
        return Cell(iri, href=iri, kind="iri", title=iri)
    return Cell(iri, kind="iri")


def rows_of_cells(table: Table) -> list[list[Cell]]:
    return [[cell(term) for term in row] for row in table.rows]


@dataclass(frozen=True)
class Pivot:
    """One row per value of `rows`, one column per value of `columns` (Table 3 layout)."""

    row_header: str
    column_keys: tuple[Cell, ...]
    rows: tuple[tuple[Cell, tuple[Cell, ...]], ...]


def pivot(table: Table, rows: str, columns: str, values: str, row_header: str) -> Pivot:
    """Pivot a long table; order of first appearance is kept (the query's ORDER BY)."""
    r, c, v = (table.variables.index(name) for name in (rows, columns, values))
    row_keys: dict[str, Cell] = {}
    col_keys: dict[str, Cell] = {}
    cells: dict[tuple[str, str], Cell] = {}
    for row in table.rows:
        rk, ck = plain(row[r]), plain(row[c])
        row_keys.setdefault(rk, cell(row[r]))
        col_keys.setdefault(ck, cell(row[c]))
        cells[(rk, ck)] = cell(row[v])
    body = tuple(
        (row_keys[rk], tuple(cells.get((rk, ck), Cell("", kind="empty")) for ck in col_keys))
        for rk in row_keys
    )
    return Pivot(row_header, tuple(col_keys.values()), body)


@dataclass(frozen=True)
class Bar:
    label: str
    value: str
    x: float  # left edge, 0-100
    width: float
    y: int


def bar_chart(table: Table, x: str, y: str) -> list[Bar]:
    """Horizontal bars for the chart hint, on a 0-100 scale with zero inside it."""
    xi, yi = table.variables.index(x), table.variables.index(y)
    points = [(cell(row[xi]).text, _number(row[yi])) for row in table.rows]
    points = [(label, value) for label, value in points if value is not None]
    low = min([0.0] + [v for _, v in points])
    high = max([0.0] + [v for _, v in points])
    span = (high - low) or 1.0
    zero = -low / span * 100
    bars = []
    for index, (label, value) in enumerate(points):
        end = (value - low) / span * 100
        bars.append(Bar(label, f"{value:g}", min(zero, end), abs(end - zero), index * 10))
    return bars


def _number(term: Term | None) -> float | None:
    try:
        return float(plain(term)) if term is not None else None
    except ValueError:
        return None
