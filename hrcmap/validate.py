"""Validate the raw tables: every problem found at once, each as one line a person can act on.

Frictionless checks types, required fields, enums, patterns, ranges, unique ids and foreign
keys from the schemas in :mod:`hrcmap.schema`; the checks below it cover what a Table Schema
cannot say (list-valued theme fields, dates that must agree with years, conflict groups,
coordinates that need a source, places without any event).
"""
from __future__ import annotations

import csv
import datetime as _dt
import io
import re
from dataclasses import dataclass
from pathlib import Path

from frictionless import Package, Resource, Schema

from . import schema as S


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


_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_CONSTRAINT = re.compile(r'constraint "(\w+)"')
_POSITION = re.compile(r"position (\d+)")
_FK = re.compile(r'values? "([^"]*)" not found in the lookup table "(\w+)"')


def read_rows(path: Path, rel: str, problems: list[Problem]) -> list[dict[str, str]] | None:
    """Read a CSV as strings (row numbers are file lines). None if it cannot be read at all."""
    if not path.exists():
        problems.append(Problem(rel, None, None, "the file is missing; restore it from git or create it with its header"))
        return None
    data = path.read_bytes()
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        problems.append(Problem(
            rel, line, None,
            f"not valid UTF-8 (byte 0x{data[exc.start]:02x}); save the file as UTF-8",
        ))
        return None
    text = text.removeprefix("\ufeff")
    rows = []
    reader = csv.DictReader(io.StringIO(text, newline=""))
    for record in reader:
        record = {k: (v if isinstance(v, str) else "") for k, v in record.items() if k is not None}
        record["__row__"] = reader.line_num
        rows.append(record)
    return rows


def _label(rel_file: str) -> str:
    return Path(rel_file).stem


def _field(table: str, name: str) -> dict:
    return next((f for f in S.RAW_SCHEMAS[table]["fields"] if f["name"] == name), {})


def _constraint_reason(table: str, name: str, constraint: str, cell: str, today: _dt.date) -> str:
    field = _field(table, name)
    cons = field.get("constraints", {})
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


def frictionless_problems(raw_dir: Path, rel_dir: str, tables: list[str], today: _dt.date) -> list[Problem]:
    """Validate the readable tables with frictionless; map its report to :class:`Problem` lines."""
    resources = []
    for table in tables:
        descriptor = S.raw_schema(table, today)
        if table in ("events", "milestones", "network_counts"):
            # Foreign keys only to tables that could be read (a missing one is reported already).
            descriptor["foreignKeys"] = [
                fk for fk in descriptor.get("foreignKeys", []) if fk["reference"]["resource"] in tables
            ]
        resources.append(Resource(
            path=f"{table}.csv", name=table, format="csv", encoding="utf-8",
            schema=Schema.from_descriptor(descriptor),
        ))
    package = Package(resources=resources, basepath=str(raw_dir))
    report = package.validate(limit_errors=100_000)
    problems: list[Problem] = []
    for task in report.tasks:
        table = task.name
        rel = f"{rel_dir}/{table}.csv"
        for err in task.errors:
            etype = err.type
            row = getattr(err, "row_number", None)
            name = getattr(err, "field_name", None)
            cell = getattr(err, "cell", None)
            cell = "" if cell is None else str(cell)
            note = err.note or ""
            if etype == "constraint-error":
                m = _CONSTRAINT.search(note)
                problems.append(Problem(rel, row, name, _constraint_reason(table, name, m.group(1) if m else "?", cell, today)))
            elif etype == "type-error":
                ftype = _field(table, name).get("type", "value")
                problems.append(Problem(rel, row, name, f"'{cell}' is not {_TYPE_WORDS.get(ftype, ftype)}"))
            elif etype == "unique-error":
                m = _POSITION.search(note)
                first = f" (first at row {m.group(1)})" if m else ""
                problems.append(Problem(rel, row, name, f"'{cell}' appears more than once{first}; ids must be unique"))
            elif etype == "primary-key":
                continue  # the same duplicate is already reported as a unique-error on its column
            elif etype == "foreign-key":
                m = _FK.search(note)
                value, target = (m.group(1), m.group(2)) if m else ("?", "?")
                column = {"places": "place_id", "networks": "network_id"}.get(target, target)
                problems.append(Problem(rel, row, column, f"'{value}' is not a known {column} in {rel_dir}/{target}.csv"))
            elif etype in ("missing-label", "extra-label", "incorrect-label", "blank-label", "duplicate-label"):
                label = getattr(err, "label", None) or name
                words = {
                    "missing-label": f"the header lacks the column '{name}'",
                    "extra-label": f"the header has a column '{label}' that this table does not use",
                    "incorrect-label": f"the header says '{label}' where '{name}' is expected (columns must follow the documented order)",
                    "blank-label": "the header has an empty column name",
                    "duplicate-label": f"the header names '{label}' twice",
                }[etype]
                problems.append(Problem(rel, 1, None, words))
            elif etype == "extra-cell":
                problems.append(Problem(rel, row, None, "the row has more cells than the header; check for an unquoted comma"))
            elif etype == "missing-cell":
                problems.append(Problem(rel, row, None, "the row has fewer cells than the header; check for a missing comma"))
            elif etype == "blank-row":
                problems.append(Problem(rel, row, None, "the row is empty; delete it"))
            else:
                problems.append(Problem(rel, row, name, f"{err.title}: {note}"))
    return problems


def _split(value: str) -> list[str]:
    return [v.strip() for v in (value or "").split(";") if v.strip()]


def extra_problems(rows: dict[str, list[dict[str, str]]], rel_dir: str, today: _dt.date) -> list[Problem]:
    """Checks a Table Schema cannot express. ``rows`` holds the tables that could be read."""
    problems: list[Problem] = []

    def rel(table: str) -> str:
        return f"{rel_dir}/{table}.csv"

    for table, records in rows.items():
        for r in records:
            for key, value in r.items():
                if key != "__row__" and _CONTROL.search(value):
                    problems.append(Problem(rel(table), r["__row__"], key, "contains an invisible control character; retype the value"))

    theme_ids = {r.get("theme_id", "") for r in rows.get("themes", [])}
    if "themes" in rows:
        for table in ("networks", "events"):
            for r in rows.get(table, []):
                for theme in _split(r.get("themes", "")):
                    if theme not in theme_ids:
                        problems.append(Problem(rel(table), r["__row__"], "themes", f"'{theme}' is not a theme_id in {rel('themes')}"))

    founded = {}
    for r in rows.get("networks", []):
        if (r.get("founded_year") or "").isdigit():
            founded[r["network_id"]] = int(r["founded_year"])

    events = rows.get("events", [])
    groups: dict[str, list[dict]] = {}
    for r in events:
        row, year, date, precision = r["__row__"], r.get("year", ""), r.get("date", ""), r.get("date_precision", "")
        if date:
            problems.extend(_date_problems(rel("events"), row, year, date, precision))
        elif precision and precision != "year":
            problems.append(Problem(rel("events"), row, "date_precision", f"is '{precision}' but no date is given"))
        etype, status = r.get("event_type", ""), r.get("status_after", "")
        if etype in ("withdrawn", "repealed") and status and status != etype:
            problems.append(Problem(rel("events"), row, "status_after", f"is '{status}' but the event is '{etype}'; set it to '{etype}'"))
        net = r.get("network_id", "")
        if net in founded and year.isdigit() and int(year) < founded[net] and etype != "founded":
            problems.append(Problem(rel("events"), row, "year", f"{year} is before {net} was founded ({founded[net]}); check the year or the network"))
        if r.get("conflict_group"):
            groups.setdefault(r["conflict_group"], []).append(r)
    for group, members in groups.items():
        if len(members) == 1:
            problems.append(Problem(rel("events"), members[0]["__row__"], "conflict_group",
                                    f"'{group}' has only this row; a conflict group links two or more sources that disagree"))

    for r in rows.get("milestones", []):
        if r.get("date"):
            problems.extend(_date_problems(rel("milestones"), r["__row__"], r.get("year", ""), r["date"], None))

    places = rows.get("places", [])
    with_events = {r.get("place_id") for r in events}
    for r in places:
        row = r["__row__"]
        has_lat, has_lon = bool(r.get("lat")), bool(r.get("lon"))
        if has_lat != has_lon:
            problems.append(Problem(rel("places"), row, "lat" if not has_lat else "lon", "give both lat and lon, or neither"))
        if (has_lat or has_lon) and not r.get("coord_source_url"):
            problems.append(Problem(rel("places"), row, "coord_source_url", "explicit coordinates need the address of the page that gives them"))
        if "events" in rows and r.get("place_id") and r["place_id"] not in with_events:
            problems.append(Problem(rel("places"), row, "place_id", f"'{r['place_id']}' has no event in {rel('events')}; every place needs at least one sourced commitment"))
    return problems


def _date_problems(file: str, row: int, year: str, date: str, precision: str | None) -> list[Problem]:
    if not re.fullmatch(S.DATE_PATTERN, date):
        return []  # the pattern error is reported by the schema check
    try:
        if len(date) == 10:
            _dt.date.fromisoformat(date)
        elif len(date) == 7:
            _dt.date.fromisoformat(date + "-01")
    except ValueError:
        return [Problem(file, row, "date", f"{date} is not a real calendar date")]
    out = []
    if year and not date.startswith(year):
        out.append(Problem(file, row, "date", f"{date} does not fall in the row's year {year}"))
    if precision is not None:
        expected = {4: "year", 7: "month", 10: "day"}[len(date)]
        if precision != expected:
            out.append(Problem(file, row, "date_precision", f"is '{precision or 'empty'}' but the date {date} is precise to the {expected}"))
    return out


def validate_raw(raw_dir: Path, rel_dir: str = "data/raw", today: _dt.date | None = None) -> dict[str, list[dict[str, str]]]:
    """Validate every raw table; return their rows (strings) or raise :class:`ValidationError`."""
    today = today or _dt.date.today()
    problems: list[Problem] = []
    rows: dict[str, list[dict[str, str]]] = {}
    for table in S.RAW_TABLES:
        records = read_rows(raw_dir / f"{table}.csv", f"{rel_dir}/{table}.csv", problems)
        if records is not None:
            rows[table] = records
    problems.extend(frictionless_problems(raw_dir, rel_dir, [t for t in S.RAW_TABLES if t in rows], today))
    problems.extend(extra_problems(rows, rel_dir, today))
    if problems:
        raise ValidationError(problems)
    return rows
