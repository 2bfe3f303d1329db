"""Reading a CSV upload: UTF-8 text, a header row of template columns, rows.

Every way a file can be unreadable raises BadImportFile naming the file and
the row (row 1 is the header, as in a spreadsheet) or column.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass

from app.imports.errors import BadImportFile
from app.imports.templates import Template, pick_template


@dataclass(frozen=True)
class CsvTable:
    template: Template
    header: tuple[str, ...]
    rows: tuple[tuple[int, dict[str, str]], ...]  # (spreadsheet row number, cells)


def decode(data: bytes, file_name: str) -> str:
    """The text of an upload; anything but UTF-8 (with or without BOM) is refused."""
    if not data.strip():
        raise BadImportFile(f"{file_name}: the file is empty.", {"file": file_name})
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise BadImportFile(
            f"{file_name}: line {line}: byte 0x{data[exc.start]:02x} is not UTF-8 text. "
            "Save the file as 'CSV UTF-8' (or UTF-8 text) and try again.",
            {"file": file_name, "line": line}) from None


def read_csv(data: bytes, file_name: str, templates: dict[str, Template],
             template_name: str | None) -> CsvTable:
    records = _records(decode(data, file_name), file_name)
    header = tuple(cell.strip() for cell in records[0])
    template = pick_template(templates, template_name, list(header), file_name)
    _check_header(header, template, file_name)
    rows = tuple(_row(number, cells, header, file_name)
                 for number, cells in enumerate(records[1:], start=2)
                 if any(cell.strip() for cell in cells))
    if not rows:
        raise BadImportFile(f"{file_name}: the file has a header but no rows of data.",
                            {"file": file_name})
    return CsvTable(template, header, rows)


def _records(text: str, file_name: str) -> list[list[str]]:
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    try:
        return list(reader)
    except csv.Error as exc:
        raise BadImportFile(f"{file_name}: line {reader.line_num}: the CSV is malformed: "
                            f"{exc}.", {"file": file_name, "line": reader.line_num}) from None


def _check_header(header: tuple[str, ...], template: Template, file_name: str) -> None:
    known = set(template.column_names)
    expected = ", ".join(template.column_names)
    if not known & set(header):
        raise BadImportFile(
            f"{file_name}: row 1 must be the header naming the columns of the "
            f"{template.name} template ({expected}); found: {', '.join(header)}.",
            {"file": file_name, "row": 1})
    for index, name in enumerate(header, start=1):
        if name not in known:
            raise BadImportFile(
                f"{file_name}: row 1, column {index}: unknown column {name!r}; the "
                f"{template.name} template has: {expected}.",
                {"file": file_name, "row": 1, "column": name})
        if header.count(name) > 1:
            raise BadImportFile(f"{file_name}: row 1: the column {name!r} appears twice.",
                                {"file": file_name, "row": 1, "column": name})
    missing = [c for c in template.required_columns if c not in header]
    if missing:
        raise BadImportFile(
            f"{file_name}: row 1: the header lacks the required column(s) "
            f"{', '.join(missing)} of the {template.name} template.",
            {"file": file_name, "row": 1, "column": missing[0]})


def _row(number: int, cells: list[str], header: tuple[str, ...],
         file_name: str) -> tuple[int, dict[str, str]]:
    if len(cells) > len(header):
        raise BadImportFile(
            f"{file_name}: row {number} has {len(cells)} cells but the header names "
            f"{len(header)} columns. A value with a comma needs double quotes around it.",
            {"file": file_name, "row": number})
    values = {name: cell.strip() for name, cell in zip(header, cells, strict=False)}
    return number, values
