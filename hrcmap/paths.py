"""Where hrcmap's files live. HRCMAP_PROCESSED points the app at another built dataset (tests, benchmarks)."""

from __future__ import annotations

import os
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "data"
RAW = DATA / "raw"
REFERENCE = DATA / "reference"
COUNTRIES_GEOJSON = REFERENCE / "countries.geojson"
# Served to browsers by Streamlit's static file server (server.enableStaticServing) at this URL,
# relative to any page of the app, so the map's outlines are fetched once and cached.
CHAPTERS = DATA / "presentation" / "chapters.csv"
STATIC = ROOT / "static"
WEB_OUTLINES = STATIC / "countries.geojson"
WEB_OUTLINES_URL = "app/static/countries.geojson"
WEB_LABELS = STATIC / "country_labels.json"
WEB_LABELS_URL = "app/static/country_labels.json"


def processed_dir() -> Path:
    """The built dataset the app reads: data/processed, unless HRCMAP_PROCESSED says otherwise."""
    return Path(os.environ.get("HRCMAP_PROCESSED", DATA / "processed"))
