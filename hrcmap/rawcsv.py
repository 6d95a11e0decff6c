"""Read a raw CSV table as strings, bounded in time and memory whatever its shape, and say where
and why a file cannot be read (a quote left open, text after a closing quote, a cell too long)."""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .problems import Problem

_LINE_BREAK = re.compile(r"\r\n|\r|\n")


# a record: column -> cell, and "__row__" -> the line it starts on
Record = dict[str, Any]


@dataclass
class Table:
    """A raw table as read: its header, its records (strings, with ``__row__``: the line each starts
    on), and the same records as lists cut to the header's width, for the schema checks."""

    header: list[str]
    records: list[Record]
    cells: list[list[str]]


# A header this much wider than its schema is cut (and reported): a line of stray commas must not
# make every row carry thousands of cells into the schema checks.
_HEADER_SLACK = 10
# The longest cell read (Python's default); longer ones are nearly always a quote left open. Set
# on each read because the limit is global and other libraries raise it.
CELL_LIMIT = 131_072


def read_table(path: Path, rel: str, problems: list[Problem], columns: int | None = None) -> Table | None:
    """Read a CSV as strings, bounded in time and memory whatever its shape; None if it cannot be read.

    Row numbers are the file lines records start on (the header is row 1), also after a cell
    that spans lines. A row with more cells than the header is reported and cut to the header's
    width, so no later check sees its extra cells; so is a header far wider than the table's
    ``columns``.

    Long because the limits (row width, header width, quotes, encoding) are checked in one pass.
    """
    text = _text(path, rel, problems)
    if text is None:
        return None
    header: list[str] | None = None
    width = 0  # cells in the header as written
    records: list[Record] = []
    cells: list[list[str]] = []
    end = 0  # the line the previous record ended on
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    limit = csv.field_size_limit(CELL_LIMIT)
    try:
        for row in reader:
            start, end = end + 1, reader.line_num
            if header is None:
                if not any(row):
                    problems.append(
                        Problem(rel, start, None, "the first line is empty; it must be the header naming the columns")
                    )
                    return None
                header, width = row, len(row)
                if columns is not None and len(header) > columns + _HEADER_SLACK:
                    problems.append(
                        Problem(
                            rel,
                            1,
                            str(columns + 1),
                            f"the header has {len(header):,} cells but the table has {columns} columns; remove the extra ones",
                        )
                    )
                    header = header[:columns]
                continue
            if not any(row):
                problems.append(Problem(rel, start, None, "the row is empty; delete it"))
                continue
            if len(row) > width:
                problems.append(
                    Problem(
                        rel,
                        start,
                        str(width + 1),
                        f"the row has {len(row):,} cells but the header has {width:,}; check for an unquoted comma",
                    )
                )
            del row[len(header) :]
            record: Record = dict(zip(header, row))
            record["__row__"] = start
            records.append(record)
            cells.append(row)
    except csv.Error as exc:
        problems.append(_syntax_problem(rel, text, end + 1, header or [], str(exc)))
        return None
    finally:
        csv.field_size_limit(limit)
    if header is None:
        problems.append(Problem(rel, 1, None, "the file is empty; it needs at least its header row"))
        return None
    return Table(header, records, cells)


def _text(path: Path, rel: str, problems: list[Problem]) -> str | None:
    """The file's text, or None with a problem saying why it cannot be read."""
    if path.is_dir():
        problems.append(Problem(rel, None, None, "is a folder, not a file; put the CSV table in its place"))
        return None
    if not path.exists():
        problems.append(Problem(rel, None, None, "the file is missing; restore it from git or create it with its header"))
        return None
    try:
        data = path.read_bytes()
    except OSError as exc:
        problems.append(
            Problem(rel, None, None, f"cannot be read ({exc.strerror or 'unknown error'}); check the file and its permissions")
        )
        return None
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        problems.append(
            Problem(
                rel,
                line,
                None,
                f"not valid UTF-8 (byte 0x{data[exc.start]:02x}); save the file as UTF-8",
            )
        )
        return None
    return text.removeprefix("\ufeff")


_CELL_END = re.compile(r"[,\r\n]")


def _syntax_problem(rel: str, text: str, line: int, header: list[str], error: str) -> Problem:
    """Say where and why a CSV record cannot be read, scanning its cells from the line it starts on."""
    pos = 0
    for _ in range(line - 1):
        m = _LINE_BREAK.search(text, pos)
        if m is None:
            break
        pos = m.end()

    def at(offset: int, field: int, reason: str) -> Problem:
        column = header[field] if field < len(header) else str(field + 1)
        return Problem(rel, line + len(_LINE_BREAK.findall(text, pos, offset)), column, reason)

    field, i, n = 0, pos, len(text)
    while i < n:
        first = i
        if text[i] == '"':
            close = i + 1
            while (close := text.find('"', close)) != -1 and text.startswith('""', close):
                close += 2
            if close == -1:
                return at(first, field, "a quoted cell starts here but its closing quote is missing; add it")
            i = close + 1
            if i < n and text[i] not in ",\r\n":
                return at(
                    first,
                    field,
                    'text follows the closing quote of a quoted cell; quote the whole cell and double each " inside it',
                )
        else:
            m = _CELL_END.search(text, i)
            i = m.start() if m else n
        if i - first > CELL_LIMIT:
            return at(first, field, f"a cell is longer than {CELL_LIMIT:,} characters; check for a missing closing quote")
        if i >= n or text[i] != ",":
            break
        field, i = field + 1, i + 1
    return Problem(rel, line, None, f"the CSV cannot be read here ({error})")
