"""Where hrcmap's files live. HRCMAP_PROCESSED points the app at another built dataset (tests, benchmarks)."""
from __future__ import annotations

import os
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "data"
RAW = DATA / "raw"
REFERENCE = DATA / "reference"
COUNTRIES_GEOJSON = REFERENCE / "countries.geojson"


def processed_dir() -> Path:
    """The built dataset the app reads: data/processed, unless HRCMAP_PROCESSED says otherwise."""
    return Path(os.environ.get("HRCMAP_PROCESSED", DATA / "processed"))
