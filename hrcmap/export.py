"""Downloads: plain CSV and GeoJSON, a zip of the current view with its citation and dictionary,
and the whole data package as a zip.

Every CSV starts with its header (pandas, Excel, Sheets and Datawrapper read it as it is); the
citation, licence and what each column means travel beside it, in README.txt and CITATION.cff.
CSV cells that a spreadsheet would run as a formula are neutralised, in every CSV of every
download (one rule, :func:`neutralise`); nothing else is changed.
"""

from __future__ import annotations

import hashlib
import io
import json
import time
import zipfile
from pathlib import Path

import pandas as pd

from .licence import LICENSE, TITLE, licence_line
from .load import folder_files
from .schema import EVENTS_OUT_COLUMNS, EVENTS_OUT_FIELDS

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
LICENCE_LINE = licence_line()


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


def neutralised(table: pd.DataFrame) -> pd.DataFrame:
    """A copy of ``table`` with every cell passed through :func:`neutralise`."""
    return table.map(neutralise)


def _csv(table: pd.DataFrame) -> str:
    return table.to_csv(index=False, lineterminator="\n")


def safe_csv(data: bytes) -> bytes:
    """A CSV file (as the build writes them) with formula-like cells neutralised; the same bytes if none is."""
    table = pd.read_csv(io.BytesIO(data), dtype=str, keep_default_na=False, encoding="utf-8")
    safe = neutralised(table)
    return data if safe.equals(table) else _csv(safe).encode("utf-8")


def events_csv(events: pd.DataFrame) -> bytes:
    """The events in the events.csv contract's columns: the header on the first line, nothing above it."""
    return _csv(neutralised(events[EVENTS_OUT_COLUMNS])).encode("utf-8")


def citation_cff(version: str) -> str:
    """CITATION.cff (Citation File Format 1.2) for a data version: what reference managers read."""
    return (
        "cff-version: 1.2.0\n"
        'message: "If you use these data, please cite them as below."\n'
        "type: dataset\n"
        f"title: {json.dumps(TITLE)}\n"
        "authors:\n"
        '  - name: "hrcmap contributors"\n'
        f"version: {json.dumps(version)}\n"
        f"license: {LICENSE['name']}\n"
    )


def view_readme(citation: str, sentence: str) -> str:
    """README.txt of a downloaded view: what it shows, how to cite it, and what every column means."""
    lines = [
        TITLE,
        "",
        "What this view shows: " + sentence,
        "",
        "Cite as: " + citation,
        LICENCE_LINE + " The source of every row is in its source_url column.",
        "",
        "events.csv: one row per dated fact. Columns:",
        *(f"  {f['name']}: {f['description']}" for f in EVENTS_OUT_FIELDS),
        "",
        "places.geojson: one point per place (WGS 84), with the place's columns as properties.",
    ]
    return "\n".join(lines) + "\n"


def view_zip(events: pd.DataFrame, places: pd.DataFrame, citation: str, sentence: str, version: str) -> bytes:
    """The current view in one zip: its events (CSV), its places (GeoJSON), README.txt and CITATION.cff."""
    files = {
        "events.csv": events_csv(events),
        "places.geojson": places_geojson(places, citation),
        "README.txt": view_readme(citation, sentence).encode("utf-8"),
        "CITATION.cff": citation_cff(version).encode("utf-8"),
    }
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", compression=zipfile.ZIP_DEFLATED) as z:
        for name, data in files.items():
            # a fixed date: the same view gives the same bytes
            z.writestr(zipfile.ZipInfo(f"hrcmap-view/{name}", date_time=(2026, 1, 1, 0, 0, 0)), data, zipfile.ZIP_DEFLATED)
    return buf.getvalue()


def point_features(places: pd.DataFrame) -> list[dict]:
    """One GeoJSON Point feature per place (coordinates in GeoJSON order, [lon, lat]), other columns as properties."""
    features = []
    for r in places.to_dict("records"):
        props = {k: (v.item() if hasattr(v, "item") else v) for k, v in r.items() if k not in ("lat", "lon")}
        features.append(
            {
                "type": "Feature",
                "geometry": {"type": "Point", "coordinates": [float(r["lon"]), float(r["lat"])]},
                "properties": props,
            }
        )
    return features


def places_geojson(places: pd.DataFrame, citation: str) -> bytes:
    """The places as a GeoJSON FeatureCollection (WGS 84) with the citation as a member."""
    doc = {"type": "FeatureCollection", "citation": citation, "license": LICENCE_LINE, "features": point_features(places)}
    return (json.dumps(doc, ensure_ascii=False, default=str) + "\n").encode("utf-8")


def package_zip(folder: Path, citation: str) -> bytes:
    """Every file of the built data package in one zip, with a CITATION.txt beside them.

    Its CSV tables are neutralised like every CSV download; where that changes a file, the
    zip's datapackage.json records the size and hash of the file as zipped.
    """
    read = folder_files(folder)
    files = {name: data for name, (_, data) in read.items()}
    changed = {}
    for name, data in files.items():
        if name.endswith(".csv"):
            safe = safe_csv(data)
            if safe != data:
                files[name] = changed[name] = safe
    if changed and "datapackage.json" in files:
        files["datapackage.json"] = _restated(files["datapackage.json"], changed)
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", compression=zipfile.ZIP_DEFLATED) as z:
        for name, data in files.items():
            st = read[name][0]
            info = zipfile.ZipInfo(f"hrcmap/{name}", date_time=time.localtime(st.st_mtime)[:6])
            info.external_attr = (st.st_mode & 0xFFFF) << 16
            z.writestr(info, data, compress_type=zipfile.ZIP_DEFLATED)
        z.writestr("hrcmap/CITATION.txt", f"{citation}\n{LICENCE_LINE}\n")
        package = json.loads(files["datapackage.json"]) if "datapackage.json" in files else {}
        z.writestr("hrcmap/CITATION.cff", citation_cff(str(package.get("version", ""))))
    return buf.getvalue()


def _restated(package_json: bytes, changed: dict[str, bytes]) -> bytes:
    """datapackage.json with the size and hash of the files the zip changed."""
    package = json.loads(package_json)
    for r in package.get("resources", []):
        if r.get("path") in changed and "hash" in r:
            data = changed[r["path"]]
            r["bytes"], r["hash"] = len(data), "sha256:" + hashlib.sha256(data).hexdigest()
    return (json.dumps(package, ensure_ascii=False, indent=1) + "\n").encode("utf-8")
