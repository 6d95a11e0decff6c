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
    return pd.read_csv(io.BytesIO(csv_bytes), comment="#", dtype=str, keep_default_na=False)


def test_filtered_csv_equals_the_filtered_table(data):
    ev = filter_events(data.events, ViewState(region=("Europe",)))
    back = _read(export.events_csv(ev, data.citation))
    assert list(back.columns) == EVENTS_OUT_COLUMNS
    assert list(back["event_id"]) == list(ev["event_id"])
    assert list(back["source_url"]) == list(ev["source_url"])


def test_csv_starts_with_citation_and_licence(data):
    text = export.events_csv(data.events, data.citation).decode()
    first, second = text.splitlines()[:2]
    assert first == f"# {data.citation}" and "CC BY 4.0" in second


@pytest.mark.parametrize("value,expected", [
    ("=HYPERLINK(\"http://x\")", "'=HYPERLINK(\"http://x\")"), ("+1+2", "'+1+2"), ("@SUM(A1)", "'@SUM(A1)"),
    ("-cmd", "'-cmd"), ("-12.5", "-12.5"), ("Graz", "Graz"), ("a=b", "a=b"),
])
def test_formula_like_cells_are_neutralised(data, value, expected):
    ev = data.events.head(1).copy()
    ev["note"] = value
    assert _read(export.events_csv(ev, data.citation))["note"].iloc[0] == expected


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
    assert {"hrcmap/datapackage.json", "hrcmap/events.csv", "hrcmap/CITATION.txt"} <= names
    assert data.citation in z.read("hrcmap/CITATION.txt").decode()
