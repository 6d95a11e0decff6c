"""A problem with input data as one line a person can act on: file, row, column and reason."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong with the raw data: where it is and what to do about it."""

    file: str
    row: int | None  # line number in the file; the header is row 1
    column: str | None
    reason: str

    def __str__(self) -> str:
        where = [self.file]
        if self.row is not None:
            where.append(f"row {self.row}")
        if self.column:
            where.append(f"column {self.column}")
        return f"{', '.join(where)}: {self.reason}"


class ValidationError(Exception):
    """Raised with every problem found, so they can be fixed in one pass."""

    def __init__(self, problems: list[Problem]):
        self.problems = sorted(set(problems), key=lambda p: (p.file, p.row or 0, p.column or "", p.reason))
        super().__init__(f"{len(self.problems)} problem(s) in the raw data")

    def report(self) -> str:
        return "\n".join(str(p) for p in self.problems)


def show(cell: str, limit: int = 60) -> str:
    """A cell as one short line for a message: invisible characters spelled out, long text cut."""
    text = "".join(c if c.isprintable() else repr(c)[1:-1] for c in cell[: limit + 1])
    return text[:limit] + "…" if len(cell) > limit else text
