"""The built dataset's files: their contents, and the Frictionless data package that lists them.

datapackage.json records the size and hash of every other file (``bytes`` and ``hash``), so the
loader can tell a complete build from a mix of two.
"""

from __future__ import annotations

import hashlib
import io
import json

import pandas as pd

from . import schema as S
from .export import point_features
from .licence import LICENSE, TITLE, short_name

OUTPUT_FILES = (
    "events.csv",
    "events.parquet",
    "places.csv",
    "places.parquet",
    "places.geojson",
    "networks.csv",
    "network_counts.csv",
    "milestones.csv",
    "themes.csv",
    "datapackage.json",
)


def places_geojson(places: pd.DataFrame) -> str:
    """The places as the build writes them to places.geojson."""
    return json.dumps({"type": "FeatureCollection", "features": point_features(places)}, ensure_ascii=False, indent=1) + "\n"


def datapackage(events_out: pd.DataFrame, version: str, as_of: str) -> dict:
    """The Frictionless data package descriptor: licence, sources, and every field described.

    Long because the descriptor is one declaration (title, licence, sources, one resource per file).
    """
    sources = sorted(set(events_out["source_url"]))

    def res(name: str, path: str, fields: list[dict], fmt: str = "csv") -> dict:
        return {
            "name": name,
            "path": path,
            "format": fmt,
            "mediatype": "text/csv",
            "encoding": "utf-8",
            "schema": {"fields": [{k: v for k, v in f.items() if k != "constraints"} for f in fields]},
        }

    raw_fields = {t: S.RAW_SCHEMAS[t]["fields"] for t in S.RAW_TABLES}
    return {
        "profile": "data-package",
        "name": "hrcmap",
        "title": TITLE,
        "version": version,
        "description": (
            "Places that declared themselves human rights cities, adopted human rights ordinances or "
            f"charters, or joined networks of such cities, with years, networks, themes and status. Data as of {as_of}; "
            "every event carries the address of the page that states it and the day it was read."
        ),
        "licenses": [LICENSE],
        "citation": citation(version, as_of),
        "sources": [{"title": url, "path": url} for url in sources],
        "resources": [
            res("events", "events.csv", S.EVENTS_OUT_FIELDS),
            res("places", "places.csv", S.PLACES_OUT_FIELDS),
            {
                "name": "places-geojson",
                "path": "places.geojson",
                "format": "geojson",
                "mediatype": "application/geo+json",
                "description": "The places as GeoJSON points (WGS 84) with the same properties as places.csv.",
            },
            res(
                "networks",
                "networks.csv",
                raw_fields["networks"]
                + [
                    {
                        "name": "places_mapped",
                        "type": "integer",
                        "description": "Places in this dataset with an event in the network.",
                    }
                ],
            ),
            res("network_counts", "network_counts.csv", raw_fields["network_counts"]),
            res("milestones", "milestones.csv", raw_fields["milestones"]),
            res("themes", "themes.csv", raw_fields["themes"]),
        ],
        # The app's fast copies of two resources. Listed apart because frictionless cannot count
        # the bytes of a Parquet resource; sizes and hashes are checked by hrcmap's loader.
        "binary_copies": [
            {
                "name": "events-parquet",
                "path": "events.parquet",
                "copy_of": "events",
                "format": "parquet",
                "mediatype": "application/vnd.apache.parquet",
            },
            {
                "name": "places-parquet",
                "path": "places.parquet",
                "copy_of": "places",
                "format": "parquet",
                "mediatype": "application/vnd.apache.parquet",
            },
        ],
    }


def citation(version: str, as_of: str) -> str:
    """The "cite as" line of a data version."""
    return f"hrcmap contributors. {TITLE}. Data version {version}, sources read up to {as_of}. Licence {short_name()}."


def _csv(df: pd.DataFrame) -> bytes:
    return df.to_csv(index=False, lineterminator="\n").encode("utf-8")


def _parquet(df: pd.DataFrame) -> bytes:
    buf = io.BytesIO()
    df.to_parquet(buf, index=False, engine="pyarrow", compression="zstd")
    return buf.getvalue()


def file_stats(data: bytes) -> dict:
    """The Frictionless ``bytes`` and ``hash`` of a file's contents (the loader checks both)."""
    return {"bytes": len(data), "hash": "sha256:" + hashlib.sha256(data).hexdigest()}


def with_stats(package: dict, contents: dict[str, bytes]) -> dict:
    """``package`` with the size and hash of every file it lists, from the bytes about to be written."""
    out = dict(package)
    out["resources"] = [{**r, **file_stats(contents[r["path"]])} for r in package["resources"]]
    out["binary_copies"] = [{**r, **file_stats(contents[r["path"]])} for r in package["binary_copies"]]
    return out


def output_files(out: dict[str, pd.DataFrame], package: dict) -> dict[str, bytes]:
    """The contents of every output file, ``datapackage.json`` last (it holds the others' hashes)."""
    files = {
        f"{name}.csv": _csv(out[name]) for name in ("events", "places", "networks", "network_counts", "milestones", "themes")
    }
    files["events.parquet"] = _parquet(out["events"])
    files["places.parquet"] = _parquet(out["places"])
    files["places.geojson"] = places_geojson(out["places"]).encode("utf-8")
    files["datapackage.json"] = (json.dumps(with_stats(package, files), ensure_ascii=False, indent=1) + "\n").encode("utf-8")
    return {name: files[name] for name in OUTPUT_FILES}
