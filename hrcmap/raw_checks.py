"""What a table schema cannot say about the raw tables: checks across rows and tables, by hand.

Theme lists, dates that agree with years and precisions, lone conflict groups, ended but active
rows, years before a network's founding, coordinates without a source, places without events,
control characters. Every problem is collected, none raised.
"""

from __future__ import annotations

import datetime as _dt
import re

from . import schema as S
from .problems import Problem, show
from .rawcsv import Record

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_YEAR = re.compile(r"-?[0-9]+")  # written plainly: no sign tricks, spaces, underscores or other digits


def _is_year(value: str) -> bool:
    """A year written as plain digits (anything else is reported by the form check)."""
    return bool(_YEAR.fullmatch(value or ""))


def _split(value: str) -> list[str]:
    return [v.strip() for v in (value or "").split(";") if v.strip()]


def extra_problems(rows: dict[str, list[Record]], rel_dir: str, today: _dt.date) -> list[Problem]:
    """Checks a Table Schema cannot express. ``rows`` holds the tables that could be read."""

    def rel(table: str) -> str:
        return f"{rel_dir}/{table}.csv"

    problems = _character_problems(rows, rel)
    theme_ids = {r.get("theme_id", "") for r in rows.get("themes", [])}
    if "themes" in rows:
        for table in ("networks", "events"):
            for r in rows.get(table, []):
                for theme in _split(r.get("themes", "")):
                    if theme not in theme_ids:
                        problems.append(
                            Problem(rel(table), r["__row__"], "themes", f"'{show(theme)}' is not a theme_id in {rel('themes')}")
                        )
    problems += _event_problems(rows, rel("events"))
    for r in rows.get("milestones", []):
        if r.get("date"):
            problems.extend(_date_problems(rel("milestones"), r["__row__"], r.get("year", ""), r["date"], None))
    with_events = {r.get("place_id") for r in rows.get("events", [])}
    for r in rows.get("places", []):
        row = r["__row__"]
        has_lat, has_lon = bool(r.get("lat")), bool(r.get("lon"))
        if has_lat != has_lon:
            problems.append(Problem(rel("places"), row, "lat" if not has_lat else "lon", "give both lat and lon, or neither"))
        if (has_lat or has_lon) and not r.get("coord_source_url"):
            problems.append(
                Problem(
                    rel("places"), row, "coord_source_url", "explicit coordinates need the address of the page that gives them"
                )
            )
        if "events" in rows and r.get("place_id") and r["place_id"] not in with_events:
            problems.append(
                Problem(
                    rel("places"),
                    row,
                    "place_id",
                    f"'{show(r['place_id'])}' has no event in {rel('events')}; every place needs at least one sourced commitment",
                )
            )
    return problems


def _character_problems(rows: dict[str, list[Record]], rel) -> list[Problem]:
    problems = []
    for table, records in rows.items():
        for r in records:
            for key, value in r.items():
                if key == "__row__":
                    continue
                if _CONTROL.search(value):
                    problems.append(
                        Problem(rel(table), r["__row__"], key, "contains an invisible control character; retype the value")
                    )
                elif "\r" in value:
                    # the processed CSVs end lines with \n alone, and a bare \r would split a row there
                    problems.append(
                        Problem(
                            rel(table),
                            r["__row__"],
                            key,
                            "contains a carriage return (a Windows line break); use a plain line break",
                        )
                    )
    return problems


def _event_problems(rows: dict[str, list[Record]], rel: str) -> list[Problem]:
    founded = {r["network_id"]: int(r["founded_year"]) for r in rows.get("networks", []) if _is_year(r.get("founded_year", ""))}
    problems: list[Problem] = []
    groups: dict[str, list[Record]] = {}
    for r in rows.get("events", []):
        row, year, date, precision = r["__row__"], r.get("year", ""), r.get("date", ""), r.get("date_precision", "")
        if date:
            later_ok = r.get("event_type") == "award"  # an award's certificate may be handed over after its round
            problems.extend(_date_problems(rel, row, year, date, precision, later_ok))
        elif precision and precision != "year":
            problems.append(Problem(rel, row, "date_precision", f"is '{show(precision)}' but no date is given"))
        etype, status = r.get("event_type", ""), r.get("status_after", "")
        if etype in ("withdrawn", "repealed") and status and status != etype:
            problems.append(
                Problem(rel, row, "status_after", f"is '{show(status)}' but the event is '{etype}'; set it to '{etype}'")
            )
        net = r.get("network_id", "")
        if net in founded and _is_year(year) and int(year) < founded[net] and etype != "founded":
            problems.append(
                Problem(rel, row, "year", f"{year} is before {net} was founded ({founded[net]}); check the year or the network")
            )
        if r.get("conflict_group"):
            groups.setdefault(r["conflict_group"], []).append(r)
    for group, members in groups.items():
        if len(members) == 1:
            problems.append(
                Problem(
                    rel,
                    members[0]["__row__"],
                    "conflict_group",
                    f"'{show(group)}' has only this row; a conflict group links two or more sources that disagree",
                )
            )
    return problems


def _date_problems(file: str, row: int, year: str, date: str, precision: str | None, later_ok: bool = False) -> list[Problem]:
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
    if _is_year(year) and not date.startswith(year):
        if not later_ok:
            out.append(Problem(file, row, "date", f"{date} does not fall in the row's year {year}"))
        elif not date.startswith(str(int(year) + 1)):
            out.append(
                Problem(
                    file,
                    row,
                    "date",
                    f"{date} is neither in the award's round {year} nor in the next year; "
                    "an award is dated by its round, with the ceremony date in `date`",
                )
            )
    if precision is not None:
        expected = {4: "year", 7: "month", 10: "day"}[len(date)]
        if precision != expected:
            out.append(
                Problem(
                    file, row, "date_precision", f"is '{precision or 'empty'}' but the date {date} is precise to the {expected}"
                )
            )
    return out
