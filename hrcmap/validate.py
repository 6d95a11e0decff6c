"""Validate the raw tables: every problem found at once, each as one line a person can act on.

:mod:`hrcmap.rawcsv` reads the files, bounded whatever their shape; frictionless checks types,
required fields, enums, patterns, ranges, unique ids and foreign keys from :mod:`hrcmap.schema`;
the checks here cover what a Table Schema cannot say (written forms, list-valued themes, dates
that must agree with years, conflict groups, coordinates that need a source, places without events).
"""

from __future__ import annotations

import datetime as _dt
import re
from copy import deepcopy
from pathlib import Path

from . import schema as S
from .problems import Problem, ValidationError, show
from .raw_checks import extra_problems
from .rawcsv import Record, Table, read_table

_CONSTRAINT = re.compile(r'constraint "(\w+)"')
_POSITION = re.compile(r"position (\d+)")
_FK = re.compile(r'values? "([^"]*)" not found in the lookup table "(\w+)"')


def raw_schema(table: str, today: _dt.date | None = None) -> dict:
    """Return the Table Schema of a raw table, with year and date limits set to ``today``."""
    today = today or _dt.date.today()
    schema = deepcopy(S.RAW_SCHEMAS[table])
    for field in schema["fields"]:
        cons = field.get("constraints", {})
        if field["name"] == "year" or field["name"] == "founded_year":
            cons["maximum"] = today.year
        if field["type"] == "date":
            cons["maximum"] = today.isoformat()
        if cons:
            field["constraints"] = cons
    return schema


def _field(table: str, name: str) -> dict:
    return next((f for f in S.RAW_SCHEMAS[table]["fields"] if f["name"] == name), {})


def _constraint_reason(table: str, name: str, constraint: str, cell: str, today: _dt.date) -> str:
    field = _field(table, name)
    cons = field.get("constraints", {})
    cell = show(cell)
    if constraint == "required":
        return "is empty; it is required"
    if constraint == "enum":
        return f"'{cell}' is not one of: {', '.join(cons.get('enum', []))}"
    if constraint == "pattern":
        pattern = cons.get("pattern")
        if pattern == S.URL_PATTERN:
            return f"'{cell}' is not a web address; give the full http:// or https:// address of the page"
        if pattern == S.ID_PATTERN:
            return f"'{cell}' is not a valid id; use lower-case letters, digits and single hyphens (e.g. graz-aut)"
        if pattern == S.ISO3_PATTERN:
            return f"'{cell}' is not an ISO 3166 alpha-3 code (three capital letters, e.g. AUT)"
        if pattern == S.DATE_PATTERN:
            return f"'{cell}' is not a date; write YYYY, YYYY-MM or YYYY-MM-DD"
        return f"'{cell}' does not have the expected form"
    if constraint == "maximum":
        if name in ("year", "founded_year"):
            return f"year {cell} is in the future (this year is {today.year})"
        if field.get("type") == "date":
            return f"{cell} is in the future (today is {today.isoformat()})"
        return f"{cell} is above the largest allowed value ({cons.get('maximum')})"
    if constraint == "minimum":
        if name in ("year", "founded_year"):
            return f"year {cell} is before {S.FIRST_YEAR}, the start of the period hrcmap covers"
        return f"{cell} is below the smallest allowed value ({cons.get('minimum')})"
    return f"'{cell}' breaks the '{constraint}' rule"


_TYPE_WORDS = {
    "integer": "a whole number",
    "number": "a number",
    "date": "a date in the form YYYY-MM-DD",
    "boolean": "true or false",
}
# The written forms a typed cell may take. Frictionless parses with Python, which also accepts
# '2_003', ' 2003', '２００３', 'nan', '1e3' and '2003-1-1': each would slip past the checks below.
_FORMS = {
    "integer": re.compile(r"-?[0-9]+"),
    "number": re.compile(r"-?([0-9]+(\.[0-9]*)?|\.[0-9]+)"),
    "date": re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}"),
}


def _type_reason(table: str, name: str, cell: str) -> str:
    ftype = _field(table, name).get("type", "value")
    return f"'{show(cell)}' is not {_TYPE_WORDS.get(ftype, ftype)}"


def form_problems(tables: dict[str, Table], rel_dir: str, today: _dt.date) -> list[Problem]:
    """Cells whose written form is wrong although a lenient parser would read them: numbers, dates,
    and patterns matched over the whole cell (a regular expression's ``$`` allows a final newline)."""
    problems = []
    for table, t in tables.items():
        rel = f"{rel_dir}/{table}.csv"
        checks = []
        for f in S.RAW_SCHEMAS[table]["fields"]:
            pattern = f.get("constraints", {}).get("pattern")
            if f["type"] in _FORMS:
                checks.append((f["name"], _FORMS[f["type"]], lambda c, t=table, n=f["name"]: _type_reason(t, n, c)))
            elif pattern:
                checks.append(
                    (
                        f["name"],
                        re.compile(pattern),
                        lambda c, t=table, n=f["name"]: _constraint_reason(t, n, "pattern", c, today),
                    )
                )
        for r in t.records:
            for name, form, reason in checks:
                cell = r.get(name, "")
                if cell and not form.fullmatch(cell):
                    problems.append(Problem(rel, r["__row__"], name, reason(cell)))
    return problems


def empty_problems(tables: dict[str, Table], rel_dir: str) -> list[Problem]:
    """The atlas needs at least one place and one event."""
    return [
        Problem(f"{rel_dir}/{table}.csv", 2, None, f"the table has no rows below its header; the atlas needs at least one {what}")
        for table, what in (("places", "place"), ("events", "event"))
        if table in tables and not tables[table].records
    ]


def frictionless_problems(tables: dict[str, Table], rel_dir: str, today: _dt.date) -> list[Problem]:
    """Validate the readable tables with frictionless; map its report to :class:`Problem` lines.

    Frictionless gets the cells as read (rows cut to the header's width), not the files, so its
    row numbers are mapped back to the lines the records start on.
    """
    # imported here: the app imports Problem from this module and must stay free of frictionless
    from frictionless import Package, Resource, Schema

    resources = []
    for table in tables:
        descriptor = raw_schema(table, today)
        if table in ("events", "milestones", "network_counts"):
            # Foreign keys only to tables that could be read (a missing one is reported already).
            descriptor["foreignKeys"] = [fk for fk in descriptor.get("foreignKeys", []) if fk["reference"]["resource"] in tables]
        resources.append(
            Resource(
                data=[tables[table].header, *tables[table].cells],
                name=table,
                schema=Schema.from_descriptor(descriptor),
            )
        )
    report = Package(resources=resources).validate(limit_errors=100_000)
    found = (_problem(err, task.name, rel_dir, tables[task.name].records, today) for task in report.tasks for err in task.errors)
    return [p for p in found if p is not None]


_LABEL_ERRORS = ("missing-label", "extra-label", "incorrect-label", "blank-label", "duplicate-label")


def _problem(err, table: str, rel_dir: str, records: list[Record], today: _dt.date) -> Problem | None:
    """One frictionless error as a :class:`Problem`; None for errors reported another way."""
    rel = f"{rel_dir}/{table}.csv"
    etype, note = err.type, err.note or ""
    row = getattr(err, "row_number", None)
    if row is not None and row >= 2:
        row = records[row - 2]["__row__"]
    name: str = getattr(err, "field_name", None) or ""
    cell = getattr(err, "cell", None)
    cell = "" if cell is None else str(cell)
    if etype in ("primary-key", "extra-cell"):
        return None  # a duplicate is reported as a unique-error on its column; extra cells while reading
    if etype == "constraint-error":
        m = _CONSTRAINT.search(note)
        return Problem(rel, row, name, _constraint_reason(table, name, m.group(1) if m else "?", cell, today))
    if etype == "type-error":
        return Problem(rel, row, name, _type_reason(table, name, cell))
    if etype == "unique-error":
        m = _POSITION.search(note)
        first = f" (first at row {records[int(m.group(1)) - 2]['__row__']})" if m else ""
        return Problem(rel, row, name, f"'{show(cell)}' appears more than once{first}; ids must be unique")
    if etype == "foreign-key":
        m = _FK.search(note)
        value, target = (m.group(1), m.group(2)) if m else ("?", "?")
        column = {"places": "place_id", "networks": "network_id"}.get(target, target)
        return Problem(rel, row, column, f"'{show(value)}' is not a known {column} in {rel_dir}/{target}.csv")
    if etype in _LABEL_ERRORS:
        label = show(str(getattr(err, "label", None) or name))
        return Problem(
            rel,
            1,
            None,
            {
                "missing-label": f"the header lacks the column '{name}'",
                "extra-label": f"the header has a column '{label}' that this table does not use",
                "incorrect-label": f"the header says '{label}' where '{name}' is expected (columns must follow the documented order)",
                "blank-label": "the header has an empty column name",
                "duplicate-label": f"the header names '{label}' twice",
            }[etype],
        )
    if etype == "missing-cell":
        return Problem(rel, row, None, "the row has fewer cells than the header; check for a missing comma")
    if etype == "blank-row":
        return Problem(rel, row, None, "the row is empty; delete it")
    return Problem(rel, row, name, f"{err.title}: {show(note, 200)}")


def validate_raw(raw_dir: Path, rel_dir: str = "data/raw", today: _dt.date | None = None) -> dict[str, list[Record]]:
    """Validate every raw table; return their rows (strings) or raise :class:`ValidationError`."""
    today = today or _dt.date.today()
    problems: list[Problem] = []
    tables: dict[str, Table] = {}
    for table in S.RAW_TABLES:
        read = read_table(raw_dir / f"{table}.csv", f"{rel_dir}/{table}.csv", problems, len(S.RAW_SCHEMAS[table]["fields"]))
        if read is not None:
            tables[table] = read
    rows = {table: t.records for table, t in tables.items()}
    problems.extend(empty_problems(tables, rel_dir))
    forms = form_problems(tables, rel_dir, today)
    # a cell whose form is wrong is reported once, by the form check
    misread = {(p.file, p.row, p.column) for p in forms}
    problems.extend(forms)
    problems.extend(p for p in frictionless_problems(tables, rel_dir, today) if (p.file, p.row, p.column) not in misread)
    problems.extend(extra_problems(rows, rel_dir, today))
    if problems:
        raise ValidationError(problems)
    return rows
