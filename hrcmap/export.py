"""Downloads: CSV and GeoJSON with a citation, and the whole data package as a zip.

CSV cells that a spreadsheet would run as a formula are neutralised; nothing else is changed.
"""
from __future__ import annotations

import io
import json
import zipfile
from pathlib import Path

import pandas as pd

from .schema import EVENTS_OUT_COLUMNS

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
LICENCE_LINE = "Licence: CC BY 4.0 (https://creativecommons.org/licenses/by/4.0/)."


def neutralise(value: object) -> object:
    """Prefix text that a spreadsheet would treat as a formula with an apostrophe."""
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        # a negative number is data, not a formula
        try:
            float(value)
            return value
        except ValueError:
            return "'" + value
    return value


def events_csv(events: pd.DataFrame, citation: str) -> bytes:
    """The events in the events.csv contract's columns, with '# ' citation lines on top."""
    safe = events[EVENTS_OUT_COLUMNS].map(neutralise)
    header = f"# {citation}\n# {LICENCE_LINE} The source of every row is in its source_url column.\n"
    return (header + safe.to_csv(index=False, lineterminator="\n")).encode("utf-8")


def point_features(places: pd.DataFrame) -> list[dict]:
    """One GeoJSON Point feature per place (coordinates in GeoJSON order, [lon, lat]), other columns as properties."""
    features = []
    for r in places.to_dict("records"):
        props = {k: (v.item() if hasattr(v, "item") else v) for k, v in r.items() if k not in ("lat", "lon")}
        features.append({
            "type": "Feature",
            "geometry": {"type": "Point", "coordinates": [float(r["lon"]), float(r["lat"])]},
            "properties": props,
        })
    return features


def places_geojson(places: pd.DataFrame, citation: str) -> bytes:
    """The places as a GeoJSON FeatureCollection (WGS 84) with the citation as a member."""
    doc = {"type": "FeatureCollection", "citation": citation, "license": LICENCE_LINE, "features": point_features(places)}
    return (json.dumps(doc, ensure_ascii=False, default=str) + "\n").encode("utf-8")


def package_zip(folder: Path, citation: str) -> bytes:
    """Every file of the built data package in one zip, with a CITATION.txt beside them."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", compression=zipfile.ZIP_DEFLATED) as z:
        for p in sorted(folder.iterdir()):
            if p.is_file() and not p.name.startswith("."):
                z.write(p, arcname=f"hrcmap/{p.name}")
        z.writestr("hrcmap/CITATION.txt", f"{citation}\n{LICENCE_LINE}\n")
    return buf.getvalue()
