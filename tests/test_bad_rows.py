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
"""
from __future__ import annotations

from pathlib import Path

import pytest

from hrcmap.build import build
from hrcmap.validate import ValidationError

from .conftest import edit


def append(path: Path, line: str) -> None:
    with path.open("a", encoding="utf-8") as f:
        f.write(line + "\n")


E, P = "events", "places"
CASES = [
    ("missing source URL", lambda d: edit(d / "events.csv", 2, "source_url", ""),
     "data/raw/events.csv, row 2, column source_url: is empty; it is required"),
    ("URL without scheme", lambda d: edit(d / "events.csv", 2, "source_url", "example.org/page"),
     "data/raw/events.csv, row 2, column source_url: 'example.org/page' is not a web address; give the full http:// or https:// address of the page"),
    ("future year", lambda d: (edit(d / "events.csv", 2, "year", "2031"), edit(d / "events.csv", 2, "date", "")),
     "data/raw/events.csv, row 2, column year: year 2031 is in the future"),
    ("year before 1948", lambda d: (edit(d / "events.csv", 2, "year", "1900"), edit(d / "events.csv", 2, "date", "")),
     "data/raw/events.csv, row 2, column year: year 1900 is before 1948, the start of the period hrcmap covers"),
    ("year not a number", lambda d: (edit(d / "events.csv", 2, "year", "1997a"), edit(d / "events.csv", 2, "date", "")),
     "data/raw/events.csv, row 2, column year: '1997a' is not a whole number"),
    ("unknown network", lambda d: edit(d / "events.csv", 5, "network_id", "eccarr"),
     "data/raw/events.csv, row 5, column network_id: 'eccarr' is not a known network_id in data/raw/networks.csv"),
    ("unknown place", lambda d: edit(d / "events.csv", 2, "place_id", "rosaro-arg"),
     "data/raw/events.csv, row 2, column place_id: 'rosaro-arg' is not a known place_id in data/raw/places.csv"),
    ("duplicate event id", lambda d: edit(d / "events.csv", 3, "event_id", "rosario-arg-1997-declared"),
     "data/raw/events.csv, row 3, column event_id: 'rosario-arg-1997-declared' appears more than once (first at row 2); ids must be unique"),
    ("duplicate place id", lambda d: append(d / "places.csv", "graz-aut,Linz,AUT,city,,,,,,"),
     "data/raw/places.csv, row 10, column place_id: 'graz-aut' appears more than once (first at row 2); ids must be unique"),
    ("empty name", lambda d: edit(d / "places.csv", 2, "name", ""),
     "data/raw/places.csv, row 2, column name: is empty; it is required"),
    ("unknown event type", lambda d: edit(d / "events.csv", 2, "event_type", "celebrated"),
     "data/raw/events.csv, row 2, column event_type: 'celebrated' is not one of: declared, ordinance"),
    ("impossible date", lambda d: edit(d / "events.csv", 2, "date", "1997-02-30"),
     "data/raw/events.csv, row 2, column date: 1997-02-30 is not a real calendar date"),
    ("date outside its year", lambda d: edit(d / "events.csv", 2, "date", "1998-06-30"),
     "data/raw/events.csv, row 2, column date: 1998-06-30 does not fall in the row's year 1997"),
    ("precision mismatch", lambda d: edit(d / "events.csv", 2, "date_precision", "year"),
     "data/raw/events.csv, row 2, column date_precision: is 'year' but the date 1997-06-30 is precise to the day"),
    ("unknown theme", lambda d: edit(d / "events.csv", 2, "themes", "happiness"),
     "data/raw/events.csv, row 2, column themes: 'happiness' is not a theme_id in data/raw/themes.csv"),
    ("lonely conflict group", lambda d: edit(d / "events.csv", 2, "conflict_group", "alone"),
     "data/raw/events.csv, row 2, column conflict_group: 'alone' has only this row; a conflict group links two or more sources that disagree"),
    ("withdrawn but active", lambda d: edit(d / "events.csv", 12, "status_after", "active"),
     "data/raw/events.csv, row 12, column status_after: is 'active' but the event is 'withdrawn'; set it to 'withdrawn'"),
    ("before the network existed", lambda d: edit(d / "events.csv", 5, "year", "2003") or edit(d / "events.csv", 5, "date", ""),
     "data/raw/events.csv, row 5, column year: 2003 is before fx-coalition was founded (2004); check the year or the network"),
    ("place without events", lambda d: append(d / "places.csv", "linz-aut,Linz,AUT,city,,,,,,"),
     "data/raw/places.csv, row 10, column place_id: 'linz-aut' has no event in data/raw/events.csv; every place needs at least one sourced commitment"),
    ("coordinates without source", lambda d: edit(d / "places.csv", 5, "coord_source_url", ""),
     "data/raw/places.csv, row 5, column coord_source_url: explicit coordinates need the address of the page that gives them"),
    ("latitude alone", lambda d: edit(d / "places.csv", 5, "lon", ""),
     "data/raw/places.csv, row 5, column lon: give both lat and lon, or neither"),
    ("control character", lambda d: edit(d / "events.csv", 2, "note", "ring\x07ring"),
     "data/raw/events.csv, row 2, column note: contains an invisible control character; retype the value"),
    ("not UTF-8", lambda d: (d / "places.csv").write_bytes((d / "places.csv").read_bytes().replace(b"Graz", "Gr\xe4z".encode("latin-1"))),
     "data/raw/places.csv, row 2: not valid UTF-8 (byte 0xe4); save the file as UTF-8"),
    ("missing file", lambda d: (d / "themes.csv").unlink(),
     "data/raw/themes.csv: the file is missing; restore it from git or create it with its header"),
    ("missing column", lambda d: (d / "milestones.csv").write_text(
        "\n".join(",".join(r.split(",")[:-1]) for r in (d / "milestones.csv").read_text().splitlines()) + "\n"),
     "data/raw/milestones.csv, row 1: the header lacks the column 'accessed'"),
    ("unknown country", lambda d: edit(d / "places.csv", 2, "country_iso3", "XYZ"),
     "data/raw/places.csv, row 2, column country_iso3: 'XYZ' is not a known ISO 3166 alpha-3 country code"),
    ("wrong country", lambda d: (edit(d / "places.csv", 5, "lat", "-0.8"), edit(d / "places.csv", 5, "lon", "10.35")),
     "data/raw/places.csv, row 5, column lat: point (-0.8, 10.35) lies"),
    ("ambiguous name", lambda d: edit(d / "places.csv", 3, "geonameid", ""),
     "data/raw/places.csv, row 3, column geonameid: 'Gwangju' is ambiguous in KOR: geonameid 1841811"),
    ("unknown to the gazetteer", lambda d: append(d / "places.csv", "bongo-gha,Bongo,GHA,community,,,,,,") or append(
        d / "events.csv", "bongo-gha-2005,bongo-gha,,declared,2005,,,active,,https://example.org/bongo,Fixture,2026-11-01,high,,Fixture."),
     "data/raw/places.csv, row 10, column name: 'Bongo' is not in the offline gazetteer for GHA; try its local spelling, or give lat, lon and coord_source_url"),
    ("extra cell", lambda d: append(d / "themes.csv", "extra,Extra,One, two"),
     "data/raw/themes.csv, row 17: the row has more cells than the header; check for an unquoted comma"),
]


@pytest.mark.parametrize("kind,breaks,message", CASES, ids=[c[0] for c in CASES])
def test_bad_input_is_reported_and_nothing_is_written(raw_copy: Path, tmp_path: Path, kind, breaks, message):
    breaks(raw_copy)
    out = tmp_path / "out"
    with pytest.raises(ValidationError) as info:
        build(raw_copy, out, rel_dir="data/raw")
    report = info.value.report()
    assert any(line.startswith(message) for line in report.splitlines()), report
    assert not out.exists() or not any(out.iterdir())
    assert not list(tmp_path.glob(".build-*"))


def test_the_suite_covers_at_least_twenty_kinds():
    assert len({c[0] for c in CASES}) >= 20
