"""The build's bad-input suite: each kind of broken raw data gives its exact message and writes nothing.

Kinds covered (one test case each):
 1. missing source URL              12. date that does not exist (30 February)
 2. source URL without http(s)      13. date outside the row's year
 3. year in the future              14. date precision that does not match the date
 4. year before 1948                15. theme that is not in themes.csv
 5. year that is not a number       16. conflict group with a single row
 6. unknown network id              17. withdrawn event whose status is still active
 7. unknown place id                18. year before the network was founded
 8. duplicate event id              19. place with no event
 9. duplicate place id              20. explicit coordinates without a source
10. empty place name                21. latitude without longitude
11. event type not in the list      22. control character in a note
23. non-UTF-8 file                  24. missing file
25. column missing from the header  26. unknown country code
27. coordinates in the wrong country (lat and lon swapped)
28. ambiguous place name (two Gwangjus)
29. place the gazetteer does not know, with no coordinates
30. row with an extra cell (an unquoted comma)
31. row of 200,000 cells                 32. header of 200,000 cells
33. table with a header and no rows       34. every table with a header and no rows
35. folder where a table should be        36. empty file (not even a header)
37. quote never closed                    38. text after a closing quote
39. cell longer than the CSV reader takes 40. error after a cell spanning two lines
41. year written 2_003                    42. year written with a leading space
43. year in full-width digits             44. founding year written 2_004
45. id with a trailing newline            46. latitude 'nan'
47. access date with a one-digit month    48. id with a zero-width space
49. carriage return inside a cell        50. blank first line
51. NUL byte
"""

from __future__ import annotations

import time
import tracemalloc
from pathlib import Path

import pytest

from hrcmap.build import build
from hrcmap.schema import RAW_TABLES
from hrcmap.validate import ValidationError, validate_raw

from .conftest import edit


def append(path: Path, line: str) -> None:
    with path.open("a", encoding="utf-8") as f:
        f.write(line + "\n")


def header_only(path: Path) -> None:
    path.write_text(path.read_text(encoding="utf-8").splitlines()[0] + "\n", encoding="utf-8")


def widen_header(path: Path, cells: int) -> None:
    header, rest = path.read_text(encoding="utf-8").split("\n", 1)
    path.write_text(header + "," * cells + "\n" + rest, encoding="utf-8")


def as_folder(path: Path) -> None:
    path.unlink()
    path.mkdir()
    (path / "events.csv").write_text("inside\n")


E, P = "events", "places"
CASES = [
    (
        "missing source URL",
        lambda d: edit(d / "events.csv", 2, "source_url", ""),
        "data/raw/events.csv, row 2, column source_url: is empty; it is required",
    ),
    (
        "URL without scheme",
        lambda d: edit(d / "events.csv", 2, "source_url", "example.org/page"),
        "data/raw/events.csv, row 2, column source_url: 'example.org/page' is not a web address; give the full http:// or https:// address of the page",
    ),
    (
        "future year",
        lambda d: (edit(d / "events.csv", 2, "year", "2031"), edit(d / "events.csv", 2, "date", "")),
        "data/raw/events.csv, row 2, column year: year 2031 is in the future",
    ),
    (
        "year before 1948",
        lambda d: (edit(d / "events.csv", 2, "year", "1900"), edit(d / "events.csv", 2, "date", "")),
        "data/raw/events.csv, row 2, column year: year 1900 is before 1948, the start of the period hrcmap covers",
    ),
    (
        "year not a number",
        lambda d: (edit(d / "events.csv", 2, "year", "1997a"), edit(d / "events.csv", 2, "date", "")),
        "data/raw/events.csv, row 2, column year: '1997a' is not a whole number",
    ),
    (
        "unknown network",
        lambda d: edit(d / "events.csv", 5, "network_id", "eccarr"),
        "data/raw/events.csv, row 5, column network_id: 'eccarr' is not a known network_id in data/raw/networks.csv",
    ),
    (
        "unknown place",
        lambda d: edit(d / "events.csv", 2, "place_id", "rosaro-arg"),
        "data/raw/events.csv, row 2, column place_id: 'rosaro-arg' is not a known place_id in data/raw/places.csv",
    ),
    (
        "duplicate event id",
        lambda d: edit(d / "events.csv", 3, "event_id", "rosario-arg-1997-declared"),
        "data/raw/events.csv, row 3, column event_id: 'rosario-arg-1997-declared' appears more than once (first at row 2); ids must be unique",
    ),
    (
        "duplicate place id",
        lambda d: append(d / "places.csv", "graz-aut,Linz,,AUT,city,,,,,,"),
        "data/raw/places.csv, row 10, column place_id: 'graz-aut' appears more than once (first at row 2); ids must be unique",
    ),
    (
        "empty name",
        lambda d: edit(d / "places.csv", 2, "name", ""),
        "data/raw/places.csv, row 2, column name: is empty; it is required",
    ),
    (
        "unknown event type",
        lambda d: edit(d / "events.csv", 2, "event_type", "celebrated"),
        "data/raw/events.csv, row 2, column event_type: 'celebrated' is not one of: declared, ordinance",
    ),
    (
        "impossible date",
        lambda d: edit(d / "events.csv", 2, "date", "1997-02-30"),
        "data/raw/events.csv, row 2, column date: 1997-02-30 is not a real calendar date",
    ),
    (
        "date outside its year",
        lambda d: edit(d / "events.csv", 2, "date", "1998-06-30"),
        "data/raw/events.csv, row 2, column date: 1998-06-30 does not fall in the row's year 1997",
    ),
    (
        "precision mismatch",
        lambda d: edit(d / "events.csv", 2, "date_precision", "year"),
        "data/raw/events.csv, row 2, column date_precision: is 'year' but the date 1997-06-30 is precise to the day",
    ),
    (
        "unknown theme",
        lambda d: edit(d / "events.csv", 2, "themes", "happiness"),
        "data/raw/events.csv, row 2, column themes: 'happiness' is not a theme_id in data/raw/themes.csv",
    ),
    (
        "lonely conflict group",
        lambda d: edit(d / "events.csv", 2, "conflict_group", "alone"),
        "data/raw/events.csv, row 2, column conflict_group: 'alone' has only this row; a conflict group links two or more sources that disagree",
    ),
    (
        "withdrawn but active",
        lambda d: edit(d / "events.csv", 12, "status_after", "active"),
        "data/raw/events.csv, row 12, column status_after: is 'active' but the event is 'withdrawn'; set it to 'withdrawn'",
    ),
    (
        "before the network existed",
        lambda d: edit(d / "events.csv", 5, "year", "2003") or edit(d / "events.csv", 5, "date", ""),
        "data/raw/events.csv, row 5, column year: 2003 is before fx-coalition was founded (2004); check the year or the network",
    ),
    (
        "place without events",
        lambda d: append(d / "places.csv", "linz-aut,Linz,,AUT,city,,,,,,"),
        "data/raw/places.csv, row 10, column place_id: 'linz-aut' has no event in data/raw/events.csv; every place needs at least one sourced commitment",
    ),
    (
        "coordinates without source",
        lambda d: edit(d / "places.csv", 5, "coord_source_url", ""),
        "data/raw/places.csv, row 5, column coord_source_url: explicit coordinates need the address of the page that gives them",
    ),
    (
        "latitude alone",
        lambda d: edit(d / "places.csv", 5, "lon", ""),
        "data/raw/places.csv, row 5, column lon: give both lat and lon, or neither",
    ),
    (
        "control character",
        lambda d: edit(d / "events.csv", 2, "note", "ring\x07ring"),
        "data/raw/events.csv, row 2, column note: contains an invisible control character; retype the value",
    ),
    (
        "carriage return",
        lambda d: edit(d / "events.csv", 2, "note", "line one\r\nline two"),
        "data/raw/events.csv, row 2, column note: contains a carriage return (a Windows line break); use a plain line break",
    ),
    (
        "not UTF-8",
        lambda d: (d / "places.csv").write_bytes((d / "places.csv").read_bytes().replace(b"Graz", "Gr\xe4z".encode("latin-1"))),
        "data/raw/places.csv, row 2: not valid UTF-8 (byte 0xe4); save the file as UTF-8",
    ),
    (
        "missing file",
        lambda d: (d / "themes.csv").unlink(),
        "data/raw/themes.csv: the file is missing; restore it from git or create it with its header",
    ),
    (
        "missing column",
        lambda d: (d / "milestones.csv").write_text(
            "\n".join(",".join(r.split(",")[:-1]) for r in (d / "milestones.csv").read_text().splitlines()) + "\n"
        ),
        "data/raw/milestones.csv, row 1: the header lacks the column 'accessed'",
    ),
    (
        "unknown country",
        lambda d: edit(d / "places.csv", 2, "country_iso3", "XYZ"),
        "data/raw/places.csv, row 2, column country_iso3: 'XYZ' is not a known ISO 3166 alpha-3 country code",
    ),
    (
        "wrong country",
        lambda d: (edit(d / "places.csv", 5, "lat", "-0.8"), edit(d / "places.csv", 5, "lon", "10.35")),
        "data/raw/places.csv, row 5, column lat: point (-0.8, 10.35) lies",
    ),
    (
        "ambiguous name",
        lambda d: edit(d / "places.csv", 3, "geonameid", ""),
        "data/raw/places.csv, row 3, column geonameid: 'Gwangju' is ambiguous in KOR: geonameid 1841811",
    ),
    (
        "unknown to the gazetteer",
        lambda d: (
            append(d / "places.csv", "bongo-gha,Bongo,,GHA,community,,,,,,,")
            or append(
                d / "events.csv",
                "bongo-gha-2005,bongo-gha,,declared,2005,,,active,,https://example.org/bongo,Fixture,2026-11-01,high,,Fixture.",
            )
        ),
        "data/raw/places.csv, row 10, column name: 'Bongo' is not in the offline gazetteer for GHA; try its local spelling, or give lat, lon and coord_source_url",
    ),
    (
        "extra cell",
        lambda d: append(d / "themes.csv", "extra,Extra,One, two"),
        "data/raw/themes.csv, row 17, column 4: the row has 4 cells but the header has 3; check for an unquoted comma",
    ),
    (
        "row of 200,000 cells",
        lambda d: append(d / "themes.csv", "x" + ",x" * 200_000),
        "data/raw/themes.csv, row 17, column 4: the row has 200,001 cells but the header has 3; check for an unquoted comma",
    ),
    (
        "header of 200,000 cells",
        lambda d: widen_header(d / "events.csv", 200_000),
        "data/raw/events.csv, row 1, column 16: the header has 200,015 cells but the table has 15 columns; remove the extra ones",
    ),
    (
        "no rows",
        lambda d: header_only(d / "events.csv"),
        "data/raw/events.csv, row 2: the table has no rows below its header; the atlas needs at least one event",
    ),
    (
        "no rows anywhere",
        lambda d: [header_only(d / f"{t}.csv") for t in RAW_TABLES],
        "data/raw/places.csv, row 2: the table has no rows below its header; the atlas needs at least one place",
    ),
    (
        "folder for a file",
        lambda d: as_folder(d / "events.csv"),
        "data/raw/events.csv: is a folder, not a file; put the CSV table in its place",
    ),
    (
        "empty file",
        lambda d: (d / "themes.csv").write_bytes(b""),
        "data/raw/themes.csv, row 1: the file is empty; it needs at least its header row",
    ),
    (
        "blank first line",
        lambda d: (d / "themes.csv").write_text("\n" + (d / "themes.csv").read_text()),
        "data/raw/themes.csv, row 1: the first line is empty; it must be the header naming the columns",
    ),
    (
        "NUL byte",
        lambda d: append(d / "themes.csv", "x,La\x00bel,Description"),
        "data/raw/themes.csv, row 17, column label: contains an invisible control character; retype the value",
    ),
    (
        "quote never closed",
        lambda d: append(d / "events.csv", 'x-2001,"graz-aut,,declared,2001'),
        "data/raw/events.csv, row 13, column place_id: a quoted cell starts here but its closing quote is missing; add it",
    ),
    (
        "text after a closing quote",
        lambda d: append(d / "themes.csv", 'x,"Label" and more,Description'),
        'data/raw/themes.csv, row 17, column label: text follows the closing quote of a quoted cell; quote the whole cell and double each " inside it',
    ),
    (
        "cell too long",
        lambda d: append(d / "themes.csv", "x,Label," + "d" * 200_000),
        "data/raw/themes.csv, row 17, column description: a cell is longer than 131,072 characters; check for a missing closing quote",
    ),
    (
        "after a two-line cell",
        lambda d: (edit(d / "events.csv", 2, "note", "line one\nline two"), edit(d / "events.csv", 3, "year", "abc")),
        "data/raw/events.csv, row 4, column year: 'abc' is not a whole number",
    ),
    (
        "year 2_003",
        lambda d: edit(d / "events.csv", 2, "year", "1_997"),
        "data/raw/events.csv, row 2, column year: '1_997' is not a whole number",
    ),
    (
        "year with a space",
        lambda d: edit(d / "events.csv", 2, "year", " 1997"),
        "data/raw/events.csv, row 2, column year: ' 1997' is not a whole number",
    ),
    (
        "full-width year",
        lambda d: edit(d / "events.csv", 2, "year", "\uff11\uff19\uff19\uff17"),
        "data/raw/events.csv, row 2, column year: '\uff11\uff19\uff19\uff17' is not a whole number",
    ),
    (
        "founding year 2_004",
        lambda d: edit(d / "networks.csv", 2, "founded_year", "2_004"),
        "data/raw/networks.csv, row 2, column founded_year: '2_004' is not a whole number",
    ),
    (
        "id with a newline",
        lambda d: edit(d / "places.csv", 2, "place_id", "graz-aut\n"),
        "data/raw/places.csv, row 2, column place_id: 'graz-aut\\n' is not a valid id; use lower-case letters",
    ),
    (
        "latitude nan",
        lambda d: edit(d / "places.csv", 5, "lat", "nan"),
        "data/raw/places.csv, row 5, column lat: 'nan' is not a number",
    ),
    (
        "one-digit month",
        lambda d: edit(d / "events.csv", 2, "accessed", "2026-1-01"),
        "data/raw/events.csv, row 2, column accessed: '2026-1-01' is not a date in the form YYYY-MM-DD",
    ),
    (
        "zero-width space in an id",
        lambda d: edit(d / "events.csv", 2, "event_id", "rosario\u200b-arg"),
        "data/raw/events.csv, row 2, column event_id: 'rosario\\u200b-arg' is not a valid id",
    ),
]


@pytest.mark.parametrize("kind,breaks,message", CASES, ids=[c[0] for c in CASES])
def test_bad_input_is_reported_and_nothing_is_written(raw_copy: Path, tmp_path: Path, kind, breaks, message):
    breaks(raw_copy)
    out = tmp_path / "out"
    with pytest.raises(ValidationError) as info:
        build(raw_copy, out, rel_dir="data/raw")
    report = info.value.report()
    assert any(line.startswith(message) for line in report.splitlines()), report
    assert len(report.splitlines()) == len(info.value.problems)  # one line each
    assert not out.exists() or not any(out.iterdir())
    assert not list(tmp_path.glob(".build-*"))


def test_the_suite_covers_at_least_twenty_kinds():
    assert len({c[0] for c in CASES}) >= 20


def test_each_problem_is_one_line_naming_its_file(raw_copy: Path):
    """A quote never closed is blamed on its own file only, and no message spans lines."""
    append(raw_copy / "events.csv", 'x-2001,"graz-aut,,declared,2001')
    edit(raw_copy / "places.csv", 2, "note", "two\nlines")
    with pytest.raises(ValidationError) as info:
        validate_raw(raw_copy, "data/raw")
    assert info.value.report() == (
        "data/raw/events.csv, row 13, column place_id: a quoted cell starts here but its closing quote is missing; add it"
    )


def test_a_row_of_200000_cells_is_reported_in_seconds_and_bounded_memory(raw_copy: Path):
    """Before the fix this took minutes and gigabytes (quadratic in the row's width)."""
    append(raw_copy / "events.csv", "x" + ",x" * 200_000)
    widen_header(raw_copy / "themes.csv", 200_000)
    tracemalloc.start()
    started = time.perf_counter()
    try:
        with pytest.raises(ValidationError) as info:
            validate_raw(raw_copy, "data/raw")
        seconds = time.perf_counter() - started
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert "data/raw/events.csv, row 13, column 16: the row has 200,001 cells but the header has 15" in info.value.report()
    assert seconds < 10 and peak < 100_000_000, (seconds, peak)
