"""The build: outputs, determinism, atomic writes, and the events.csv contract."""

from __future__ import annotations

import json
from pathlib import Path

import geopandas as gpd
import pandas as pd
import pytest
from frictionless import Package

from hrcmap import build as B
from hrcmap import package
from hrcmap import schema as S
from hrcmap.validate import ValidationError

from .conftest import INVALID, VALID


def _snapshot(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir()) if p.is_file()}


def test_build_writes_every_output(built: Path):
    assert sorted(p.name for p in built.iterdir()) == sorted(B.OUTPUT_FILES)


def test_events_csv_follows_the_contract(built: Path):
    events = pd.read_csv(built / "events.csv", dtype=str, keep_default_na=False)
    assert list(events.columns) == S.EVENTS_OUT_COLUMNS
    assert len(events) == 11
    graz = events[events["event_id"] == "graz-aut-2006-joined"].iloc[0]
    assert (graz["country_name"], graz["region"], graz["subregion"]) == ("Austria", "Europe", "Western Europe")
    assert graz["themes"] == "anti-racism"  # inherited from the network
    gwangju = events[events["event_id"] == "gwangju-kor-2012-charter"].iloc[0]
    assert gwangju["themes"] == "participation;peace;right-to-the-city"  # network's and its own


def test_place_aggregates(built: Path):
    places = pd.read_parquet(built / "places.parquet").set_index("place_id")
    assert places.at["wonosobo-idn", "status"] == "withdrawn"
    assert places.at["graz-aut", "status"] == "active"
    assert places.at["graz-aut", "first_year"] == 2001 and places.at["graz-aut", "n_events"] == 2
    assert bool(places.at["vienna-aut", "has_conflict"]) and not bool(places.at["york-gbr", "has_conflict"])
    assert places.at["walewale-gha", "lat"] == 10.35


def test_geojson_round_trips_through_geopandas(built: Path):
    gdf = gpd.read_file(built / "places.geojson")
    assert len(gdf) == 8 and gdf.crs.to_epsg() == 4326
    graz = gdf[gdf["place_id"] == "graz-aut"].geometry.iloc[0]
    assert (round(graz.x, 2), round(graz.y, 2)) == (15.44, 47.07)  # x is longitude


def test_datapackage_is_valid_and_describes_every_field(built: Path):
    package = json.loads((built / "datapackage.json").read_text())
    assert package["licenses"][0]["name"] == "CC-BY-4.0"
    assert "https://example.org/graz" in {s["path"] for s in package["sources"]}
    events = next(r for r in package["resources"] if r["name"] == "events")
    assert [f["name"] for f in events["schema"]["fields"]] == S.EVENTS_OUT_COLUMNS
    assert all(f["description"] for f in events["schema"]["fields"])
    report = Package(str(built / "datapackage.json")).validate()
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])


def test_same_input_gives_byte_identical_outputs(built: Path, tmp_path: Path):
    B.build(VALID, tmp_path / "again", rel_dir="data/raw")
    assert _snapshot(tmp_path / "again") == _snapshot(built)


def test_failed_validation_leaves_outputs_untouched(built: Path, tmp_path: Path):
    out = tmp_path / "out"
    B.build(VALID, out, rel_dir="data/raw")
    before = _snapshot(out)
    with pytest.raises(ValidationError):
        B.build(INVALID, out, rel_dir="data/raw")
    assert _snapshot(out) == before
    assert not list(tmp_path.glob(".build-*"))


def test_failure_mid_write_leaves_old_outputs(tmp_path: Path, raw_copy: Path, monkeypatch):
    out = tmp_path / "out"
    B.build(VALID, out, rel_dir="data/raw")
    before = _snapshot(out)
    (raw_copy / "events.csv").write_text((raw_copy / "events.csv").read_text().replace("Fixture: declared first.", "Changed."))

    def crash(*args, **kwargs):
        raise OSError("disk full")

    monkeypatch.setattr(package, "_parquet", crash)
    with pytest.raises(OSError):
        B.build(raw_copy, out, rel_dir="data/raw")
    assert _snapshot(out) == before
    assert not list(tmp_path.glob(".build-*"))


def test_point_outside_its_country_fails_the_build(raw_copy: Path, tmp_path: Path):
    text = (raw_copy / "places.csv").read_text().replace("10.35,-0.8,", "-0.8,10.35,")
    (raw_copy / "places.csv").write_text(text)
    with pytest.raises(ValidationError) as info:
        B.build(raw_copy, tmp_path / "out", rel_dir="data/raw")
    assert "data/raw/places.csv, row 5, column lat: point (-0.8, 10.35) lies" in info.value.report()
    assert "outside GHA; lat and lon look swapped" in info.value.report()
    assert not (tmp_path / "out" / "events.csv").exists()


def test_ambiguous_place_fails_the_build(raw_copy: Path, tmp_path: Path):
    (raw_copy / "places.csv").write_text((raw_copy / "places.csv").read_text().replace(",1841811,", ",,"))
    with pytest.raises(ValidationError) as info:
        B.build(raw_copy, tmp_path / "out", rel_dir="data/raw")
    assert "data/raw/places.csv, row 3, column geonameid: 'Gwangju' is ambiguous in KOR" in info.value.report()


def test_cli_summary_and_exit_codes(tmp_path: Path, capsys):
    from hrcmap.__main__ import main

    assert main(["build", "--raw", str(VALID), "--out", str(tmp_path / "o")]) == 0
    out = capsys.readouterr().out
    assert "places         8   in 7 countries" in out and "events        11" in out
    # each network's places against its latest reported total (2019's "about 140", not 2009's 97)
    coverage = next(line for line in out.splitlines() if line.strip().startswith("coverage"))
    assert "Fixture Coalition 2 of about 140 (2019)" in coverage and "Fixture Charter 1 of ?" in coverage
    assert main(["build", "--raw", str(INVALID), "--out", str(tmp_path / "o")]) == 1
    err = capsys.readouterr().err
    assert err.strip().endswith("14 problem(s) found; nothing was written.")
