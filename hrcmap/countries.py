"""Countries: names, continents and UN subregions, outlines, and the point-in-country check.

Names and regions come from country_converter's table, read by us with ``keep_default_na=False``
because its own loader turns Namibia's code "NA" into a missing value under pandas 3.
Outlines are Natural Earth's low-resolution countries (public domain) in data/reference.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import country_converter
import geopandas as gpd
import pandas as pd
from shapely.geometry import Point

from .paths import COUNTRIES_GEOJSON

# Natural Earth's low-resolution outlines blur coasts by several km; beyond this a point is wrong.
TOLERANCE_KM = 25.0
# Small islands (Jeju, Bangka) are missing from those outlines: a point that lies in no country at
# all is accepted when its own country is the nearest outline and no farther than this.
ISLAND_KM = 300.0


@dataclass(frozen=True)
class Country:
    iso3: str
    iso2: str
    name: str
    region: str  # continent, with the Americas split in two
    subregion: str  # UN M49 subregion


@lru_cache(maxsize=1)
def _table() -> dict[str, Country]:
    path = Path(country_converter.__file__).with_name("country_data.tsv")
    df = pd.read_csv(path, sep="\t", encoding="utf-8", dtype=str, keep_default_na=False)
    out = {}
    for r in df.itertuples(index=False):
        if r.ISO3 and r.Continent_7 and r.Continent_7 != "Antarctica":
            # the ISO2 column holds a regex for a few countries (GB: "^GB$|^UK$")
            m = re.search("[A-Z]{2}", r.ISO2)
            out[r.ISO3] = Country(r.ISO3, m.group(0) if m else "", r.name_short, r.Continent_7, r.UNregion)
    return out


def web_outlines(path: Path = COUNTRIES_GEOJSON, decimals: int = 2) -> str:
    """The outlines as compact GeoJSON for the browser (about 1 km precision): only iso_a3 kept.

    Antarctica is left out: no place is there, and web Mercator stretches it into a band that takes
    the bottom of every world view."""
    import json

    def rnd(coords):
        if isinstance(coords[0], (int, float)):
            return [round(coords[0], decimals), round(coords[1], decimals)]
        return [rnd(c) for c in coords]

    src = json.loads(Path(path).read_text(encoding="utf-8"))
    features = [
        {
            "type": "Feature",
            "properties": {"iso_a3": f["properties"]["iso_a3"]},
            "geometry": {"type": f["geometry"]["type"], "coordinates": rnd(f["geometry"]["coordinates"])},
        }
        for f in src["features"]
        if f["properties"]["iso_a3"] != "ATA"
    ]
    return json.dumps({"type": "FeatureCollection", "features": features}, separators=(",", ":")) + "\n"


def country_labels(path: Path = COUNTRIES_GEOJSON) -> str:
    """Where the map writes each country's name, as compact JSON for the browser: ``n`` the name,
    ``p`` [lon, lat] of the point deepest inside its largest polygon, ``s`` the text height in metres
    (a sixth of the square root of that polygon's area), so a large country is named on the world
    view and a small one as the reader zooms in."""
    import json
    import math

    from shapely.geometry import shape
    from shapely.ops import polylabel

    src = json.loads(Path(path).read_text(encoding="utf-8"))
    rows = []
    for f in src["features"]:
        if f["properties"]["iso_a3"] == "ATA":
            continue
        geom = shape(f["geometry"])
        largest = max(geom.geoms, key=lambda g: g.area) if geom.geom_type == "MultiPolygon" else geom
        point = polylabel(largest, tolerance=0.05)
        km2 = largest.area * 111.32**2 * math.cos(math.radians(point.y))
        rows.append({"n": f["properties"]["name"], "p": [round(point.x, 2), round(point.y, 2)], "s": round(170 * math.sqrt(km2))})
    return json.dumps(rows, separators=(",", ":"), ensure_ascii=False) + "\n"


def country(iso3: str) -> Country | None:
    """The country with this ISO 3166 alpha-3 code, or None."""
    return _table().get(iso3)


def iso2_of(iso3: str) -> str | None:
    c = country(iso3)
    return c.iso2 if c else None


@lru_cache(maxsize=2)
def outlines(path: Path = COUNTRIES_GEOJSON) -> gpd.GeoDataFrame:
    """Country outlines (EPSG:4326) with an ``iso_a3`` column."""
    return gpd.read_file(path).set_crs("EPSG:4326", allow_override=True)


@dataclass(frozen=True)
class Placement:
    ok: bool
    checked: bool  # False where the country has no outline (small states)
    distance_km: float | None
    swapped_fits: bool  # True when lat and lon exchanged would fit
    offshore: bool = False  # outside every outline, its own country's or the gazetteer's (an island the outlines lack)


def _distance_km(geom, lat: float, lon: float) -> float:
    """Distance from a point to a geometry, in km, on an azimuthal equidistant projection centred on the point."""
    crs = f"+proj=aeqd +lat_0={lat} +lon_0={lon} +datum=WGS84 +units=m"
    projected = gpd.GeoSeries([geom], crs="EPSG:4326").to_crs(crs)
    return float(projected.distance(Point(0, 0)).iloc[0]) / 1000.0


@lru_cache(maxsize=512)
def _country_geometry(iso3: str, path: Path = COUNTRIES_GEOJSON):
    rows = outlines(path)
    rows = rows[rows["iso_a3"] == iso3]
    return None if rows.empty else rows.geometry.union_all()


def check_point(iso3: str, lat: float, lon: float, shapes: gpd.GeoDataFrame | None = None, gazetteer: bool = False) -> Placement:
    """Does (lat, lon) lie in, or within :data:`TOLERANCE_KM` of, the country's outline?

    A point at sea within :data:`ISLAND_KM` is an island the low-resolution outlines lack when its
    own country's outline is the nearest, or when the gazetteer itself puts it in that country
    (``gazetteer``): Batam lies nearer to Singapore's outline than to Indonesia's, yet is Indonesian.
    """
    if shapes is None:
        shapes = outlines()
        geom = _country_geometry(iso3)
    else:
        rows = shapes[shapes["iso_a3"] == iso3]
        geom = None if rows.empty else rows.geometry.union_all()
    if geom is None:
        return Placement(True, False, None, False)
    # shapely points are (x, y) = (lon, lat)
    if geom.contains(Point(lon, lat)):
        return Placement(True, True, 0.0, False)
    dist = _distance_km(geom, lat, lon)
    swapped = -90 <= lon <= 90 and geom.contains(Point(lat, lon))
    if dist <= TOLERANCE_KM:
        return Placement(True, True, dist, False)
    if dist <= ISLAND_KM and not shapes.contains(Point(lon, lat)).any():
        nearest = min(
            (_distance_km(g, lat, lon), iso)
            for iso, g in zip(shapes["iso_a3"], shapes.geometry)
            if g.distance(Point(lon, lat)) < 5  # degrees: only nearby outlines are worth measuring
        )
        if gazetteer or nearest[1] == iso3:
            return Placement(True, True, dist, False, offshore=True)
    return Placement(False, True, dist, swapped)
