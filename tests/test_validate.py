"""Raw-table validation: every error class reported at once, one actionable line each."""

from __future__ import annotations

from pathlib import Path

import pytest

from hrcmap.validate import ValidationError, validate_raw

from .conftest import INVALID, VALID, edit


def test_valid_fixture_passes():
    rows = validate_raw(VALID, "data/raw")
    assert len(rows["events"]) == 11 and len(rows["places"]) == 8


def test_invalid_fixture_reports_every_problem_exactly():
    expected = (INVALID / "expected_report.txt").read_text(encoding="utf-8").strip()
    with pytest.raises(ValidationError) as info:
        validate_raw(INVALID, "data/raw")
    assert info.value.report() == expected


def test_non_utf8_file_names_file_and_line(raw_copy: Path):
    path = raw_copy / "places.csv"
    path.write_bytes(path.read_bytes().replace(b"Graz", "Gr\xe4z".encode("latin-1")))
    with pytest.raises(ValidationError) as info:
        validate_raw(raw_copy, "data/raw")
    assert "data/raw/places.csv, row 2: not valid UTF-8 (byte 0xe4); save the file as UTF-8" in info.value.report()


def test_missing_file_is_reported(raw_copy: Path):
    (raw_copy / "milestones.csv").unlink()
    with pytest.raises(ValidationError) as info:
        validate_raw(raw_copy, "data/raw")
    assert info.value.report() == "data/raw/milestones.csv: the file is missing; restore it from git or create it with its header"


@pytest.mark.parametrize(
    "table,row,column,value,message",
    [
        (
            "places",
            5,
            "coord_source_url",
            "",
            "data/raw/places.csv, row 5, column coord_source_url: explicit coordinates need the address of the page that gives them",
        ),
        ("places", 5, "lon", "", "data/raw/places.csv, row 5, column lon: give both lat and lon, or neither"),
        (
            "events",
            2,
            "note",
            "bad\x07bell",
            "data/raw/events.csv, row 2, column note: contains an invisible control character; retype the value",
        ),
        (
            "events",
            3,
            "conflict_group",
            "lonely",
            "data/raw/events.csv, row 3, column conflict_group: 'lonely' has only this row; a conflict group links two or more sources that disagree",
        ),
        (
            "events",
            2,
            "date_precision",
            "month",
            "data/raw/events.csv, row 2, column date_precision: is 'month' but the date 1997-06-30 is precise to the day",
        ),
        ("events", 2, "accessed", "2099-01-01", "data/raw/events.csv, row 2, column accessed: 2099-01-01 is in the future"),
        (
            "places",
            2,
            "country_iso3",
            "austria",
            "data/raw/places.csv, row 2, column country_iso3: 'austria' is not an ISO 3166 alpha-3 code (three capital letters, e.g. AUT)",
        ),
        (
            "events",
            12,
            "status_after",
            "active",
            "data/raw/events.csv, row 12, column status_after: is 'active' but the event is 'withdrawn'; set it to 'withdrawn'",
        ),
    ],
)
def test_single_problem_messages(raw_copy: Path, table, row, column, value, message):
    edit(raw_copy / f"{table}.csv", row, column, value)
    with pytest.raises(ValidationError) as info:
        validate_raw(raw_copy, "data/raw")
    assert any(line.startswith(message) for line in info.value.report().splitlines()), info.value.report()


def test_place_without_events_is_reported(raw_copy: Path):
    with (raw_copy / "places.csv").open("a", encoding="utf-8") as f:
        f.write("lonely-aut,Linz,,AUT,city,,,,,,\n")
    with pytest.raises(ValidationError) as info:
        validate_raw(raw_copy, "data/raw")
    assert "data/raw/places.csv, row 10, column place_id: 'lonely-aut' has no event in data/raw/events.csv" in info.value.report()
