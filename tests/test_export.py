"""Exports a journalist can open and cite: the filtered table, nothing run as a formula."""

from __future__ import annotations

import io
import zipfile

import geopandas as gpd
import pandas as pd
import pytest

from hrcmap import export
from hrcmap.filters import filter_events, places_view
from hrcmap.load import load_dataset
from hrcmap.schema import EVENTS_OUT_COLUMNS
from hrcmap.state import ViewState


@pytest.fixture(scope="module")
def data(built):
    return load_dataset(built)


def _read(csv_bytes: bytes) -> pd.DataFrame:
    return pd.read_csv(io.BytesIO(csv_bytes), dtype=str, keep_default_na=False)


def test_filtered_csv_equals_the_filtered_table(data):
    ev = filter_events(data.events, ViewState(region=("Europe",)))
    back = _read(export.events_csv(ev))
    assert list(back.columns) == EVENTS_OUT_COLUMNS
    assert list(back["event_id"]) == list(ev["event_id"])
    assert list(back["source_url"]) == list(ev["source_url"])


def test_csv_starts_with_its_header_and_opens_in_pandas_and_the_csv_module(data):
    """What a journalist opens in Excel, Sheets or Datawrapper: the header on line one, no preamble."""
    import csv

    text = export.events_csv(data.events).decode("utf-8")
    assert text.splitlines()[0] == ",".join(EVENTS_OUT_COLUMNS)
    rows = list(csv.reader(io.StringIO(text)))
    assert rows[0] == EVENTS_OUT_COLUMNS and len(rows) == len(data.events) + 1
    assert all(len(r) == len(EVENTS_OUT_COLUMNS) for r in rows)
    assert len(pd.read_csv(io.StringIO(text))) == len(data.events)  # no ParserError, no stray rows


def test_the_view_zip_holds_the_plain_csv_its_readme_and_citation(data):
    ev = filter_events(data.events, ViewState(region=("Europe",)))
    pv = places_view(data.places, ev, data.networks)
    said = "3 places in 2 countries in Europe made 4 commitments."
    z = zipfile.ZipFile(io.BytesIO(export.view_zip(ev, pv, data.citation, said, "v1")))
    names = {n.removeprefix("hrcmap-view/") for n in z.namelist()}
    assert names == {"events.csv", "places.geojson", "README.txt", "CITATION.cff"}
    assert list(_read(z.read("hrcmap-view/events.csv"))["event_id"]) == list(ev["event_id"])
    readme = z.read("hrcmap-view/README.txt").decode()
    assert said in readme and data.citation in readme and "CC BY 4.0" in readme
    assert "  source_url: Page that states the fact." in readme  # every column explained
    cff = z.read("hrcmap-view/CITATION.cff").decode()
    assert cff.startswith("cff-version: 1.2.0") and 'version: "v1"' in cff and "license: CC-BY-4.0" in cff
    assert export.view_zip(ev, pv, data.citation, said, "v1") == export.view_zip(ev, pv, data.citation, said, "v1")


@pytest.mark.parametrize(
    "value,expected",
    [
        ('=HYPERLINK("http://x")', '\'=HYPERLINK("http://x")'),
        ("+1+2", "'+1+2"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("-cmd", "'-cmd"),
        ("\tcmd", "'\tcmd"),
        ("-12.5", "-12.5"),
        ("Graz", "Graz"),
        ("a=b", "a=b"),
    ],
)
def test_formula_like_cells_are_neutralised(data, value, expected):
    ev = data.events.head(1).copy()
    ev["note"] = value
    assert _read(export.events_csv(ev))["note"].iloc[0] == expected


def test_geojson_is_valid_and_round_trips(data, tmp_path):
    pv = places_view(data.places, data.events, data.networks)
    path = tmp_path / "p.geojson"
    path.write_bytes(export.places_geojson(pv, data.citation))
    gdf = gpd.read_file(path)
    assert len(gdf) == len(pv) and gdf.crs.to_epsg() == 4326
    graz = gdf[gdf["place_id"] == "graz-aut"].geometry.iloc[0]
    assert (round(graz.x, 3), round(graz.y, 3)) == (15.442, 47.067)
    assert '"citation"' in path.read_text()


def test_package_zip_holds_every_file_and_citation(built, data):
    z = zipfile.ZipFile(io.BytesIO(export.package_zip(built, data.citation)))
    names = set(z.namelist())
    assert {"hrcmap/datapackage.json", "hrcmap/events.csv", "hrcmap/CITATION.txt", "hrcmap/CITATION.cff"} <= names
    assert data.citation in z.read("hrcmap/CITATION.txt").decode()


# ---- every CSV of every download is neutralised -------------------------------------------------

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
# one formula-led value in a free-text column of every raw table (ids and codes have patterns)
INJECTED = {
    "themes": {"label": "=1+1", "description": "@SUM(A1:A9)"},
    "networks": {
        "name": '+cmd|" /C calc"!A0',
        "short_name": "-2+3",
        "founded_place": '=HYPERLINK("https://evil.example")',
        "description": "\tTab-led",
    },
    "places": {"name": '=HYPERLINK("https://evil.example","Walewale")', "admin1": "@admin", "note": "+note"},
    "events": {"source_title": "=cmd", "note": "-note"},
    "milestones": {"title": "=title", "description": "+description"},
    "network_counts": {"note": "@count"},
}


@pytest.fixture(scope="module")
def hostile(tmp_path_factory):
    """The hostile fixture with a formula in a free-text column of every table, built."""
    import csv
    import shutil

    from hrcmap.build import build

    from .conftest import HERE

    raw = tmp_path_factory.mktemp("hostile-raw") / "raw"
    shutil.copytree(HERE / "fixtures" / "hostile", raw)
    for table, cells in INJECTED.items():
        path = raw / f"{table}.csv"
        rows = list(csv.DictReader(path.open(encoding="utf-8", newline="")))
        # the place row with explicit coordinates, so the gazetteer does not look its name up
        target = next((r for r in rows if r.get("lat")), rows[0]) if table == "places" else rows[0]
        target.update(cells)
        with path.open("w", encoding="utf-8", newline="") as f:
            w = csv.DictWriter(f, fieldnames=list(rows[0]), lineterminator="\n")
            w.writeheader()
            w.writerows(rows)
    out = tmp_path_factory.mktemp("hostile-built") / "processed"
    build(raw, out, rel_dir="data/raw")
    return out


def _formula_cells(csv_bytes: bytes) -> list[str]:
    import csv

    text = csv_bytes.decode("utf-8")
    lines = [line for line in text.splitlines(keepends=True) if not line.startswith("# ")]
    cells = [c for row in csv.reader(io.StringIO("".join(lines), newline="")) for c in row]
    return [c for c in cells if c.startswith(FORMULA_START) and export.neutralise(c) != c]


def test_the_hostile_dataset_holds_formulas(hostile):
    """The check below is not vacuous: the built files themselves hold formula-led cells."""
    for name in ("events.csv", "places.csv", "networks.csv", "network_counts.csv", "milestones.csv", "themes.csv"):
        assert _formula_cells((hostile / name).read_bytes()), name


def test_every_csv_in_the_package_zip_is_neutralised(hostile, tmp_path):
    from frictionless import Package

    data = load_dataset(hostile)
    z = zipfile.ZipFile(io.BytesIO(export.package_zip(hostile, data.citation)))
    csvs = [n for n in z.namelist() if n.endswith(".csv")]
    assert sorted(csvs) == [f"hrcmap/{t}.csv" for t in sorted(INJECTED)]
    for name in csvs:
        assert _formula_cells(z.read(name)) == [], name
    assert "'=1+1" in z.read("hrcmap/themes.csv").decode()
    # the zip's datapackage.json describes the files as zipped: still a valid package, still loadable
    z.extractall(tmp_path)
    report = Package(str(tmp_path / "hrcmap" / "datapackage.json")).validate()
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])
    assert load_dataset(tmp_path / "hrcmap").version == data.version


def test_the_events_downloads_are_neutralised(hostile, monkeypatch):
    from hrcmap import cache

    data = load_dataset(hostile)
    assert _formula_cells(export.events_csv(data.events)) == []
    filtered = filter_events(data.events, ViewState(region=("Africa",)))
    assert len(filtered) and _formula_cells(export.events_csv(filtered)) == []
    monkeypatch.setenv("HRCMAP_PROCESSED", str(hostile))
    events_download, _ = cache.full_downloads()
    assert _formula_cells(events_download) == []
    assert _formula_cells(zipfile.ZipFile(io.BytesIO(cache.package_zip(data.citation))).read("hrcmap/places.csv")) == []


def test_a_clean_package_is_zipped_byte_for_byte(built, data):
    z = zipfile.ZipFile(io.BytesIO(export.package_zip(built, data.citation)))
    for p in sorted(built.iterdir()):
        assert z.read(f"hrcmap/{p.name}") == p.read_bytes(), p.name
