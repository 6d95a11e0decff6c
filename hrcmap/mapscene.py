"""What the map's still image shows, in pixels: the frame, the land, the circles, the names and the legend.

The same picture is written as PNG or SVG by :mod:`hrcmap.mapstill`. The frame follows the places:
the whole inhabited world, or the region they lie in. The names are those of the selected place and
of the places with the most recorded events, never overlapping.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

import numpy as np
import pandas as pd
from PIL import Image, ImageDraw

from .animation import _font
from .legend import MARKS, map_legend_items
from .maps import colour_indices, palette, radii, ring_radii
from .palette import hex_of
from .text import place_names

SIZE = (1280, 720)  # 16:9, as the chart exports
HEADER = 84  # title and subtitle
FOOTER = 92  # legend and source line
WORLD = (-170.0, 190.0, -58.0, 84.0)  # lon west, lon east, lat south, lat north: the app's growth map window
LABELS = 10  # at most this many place names besides the selected one


@dataclass(frozen=True)
class Point:
    x: float
    y: float
    r: float
    colour: str
    mark: str  # "" (a filled circle), "ended" (black ring) or "seat" (a hollow ring in the colour)


@dataclass(frozen=True)
class Label:
    x: float
    y: float
    text: str
    anchor: str  # "start" (right of the point) or "end" (left of it)
    bold: bool = False


@dataclass
class Scene:
    """Everything the image shows, in pixels; the two writers only draw it."""

    size: tuple[int, int]
    title: str
    subtitle: str
    source: str
    land: list[list[tuple[float, float]]] = field(default_factory=list)
    points: list[Point] = field(default_factory=list)
    labels: list[Label] = field(default_factory=list)
    legend: list[tuple[str, str]] = field(default_factory=list)  # (label, colour); marks use "ended"/"seat"
    selected: tuple[float, float] | None = None


def window(lon: pd.Series, lat: pd.Series) -> tuple[float, float, float, float]:
    """The part of the world to show: the places' box with a margin, or the whole world when they spread wide."""
    if lon.empty:
        return WORLD
    west, east, south, north = float(lon.min()), float(lon.max()), float(lat.min()), float(lat.max())
    if east - west > 150 or north - south > 90:
        return WORLD
    # at least a country's worth of surroundings around a lone place or a small cluster
    pad_lon = max((east - west) * 0.12, 6.0)
    pad_lat = max((north - south) * 0.12, 4.0)
    return (west - pad_lon, east + pad_lon, max(south - pad_lat, -80.0), min(north + pad_lat, 84.0))


class Projection:
    """Longitude/latitude to pixels: plate carrée for the world; for a region, longitudes shrunk by the
    cosine of its middle latitude (so Europe is not squashed), the window widened to fill the frame."""

    def __init__(self, box: tuple[float, float, float, float], size: tuple[int, int]):
        west, east, south, north = box
        width, height = size
        self.world = box == WORLD
        self.k = 1.0 if self.world else math.cos(math.radians((south + north) / 2))
        area_w, area_h = width, height - HEADER - FOOTER
        span_x, span_y = (east - west) * self.k, north - south
        self.scale = min(area_w / span_x, area_h / span_y)
        mid_lon, mid_lat = (west + east) / 2, (south + north) / 2
        self.west = mid_lon - area_w / self.scale / self.k / 2
        self.north = mid_lat + area_h / self.scale / 2
        self.top = HEADER
        self.west_edge = box[0]

    def __call__(self, lon, lat) -> tuple[np.ndarray, np.ndarray]:
        lon = np.asarray(lon, dtype=float)
        if self.world:  # the far east of Russia and Fiji's west wrap to the window's east edge
            lon = np.where(lon < self.west_edge, lon + 360, lon)
        x = (lon - self.west) * self.k * self.scale
        y = self.top + (self.north - np.asarray(lat, dtype=float)) * self.scale
        return x, y


def _land(outlines: dict, project: Projection, size: tuple[int, int]) -> list[list[tuple[float, float]]]:
    width, height = size
    rings = []
    for feature in outlines["features"]:
        geom = feature["geometry"]
        polygons = geom["coordinates"] if geom["type"] == "MultiPolygon" else [geom["coordinates"]]
        for polygon in polygons:
            ring = np.asarray(polygon[0], dtype=float)
            shifts = [0.0, 360.0] if project.world and ring[:, 0].min() < project.west_edge else [0.0]
            for shift in shifts:
                lon = ring[:, 0] + shift
                x = (lon - project.west) * project.k * project.scale
                y = project.top + (project.north - ring[:, 1]) * project.scale
                if x.max() < 0 or x.min() > width or y.max() < HEADER or y.min() > height - FOOTER:
                    continue
                rings.append([(round(a, 1), round(b, 1)) for a, b in zip(x.tolist(), y.tolist())])
    return rings


def _labels(candidates: list[tuple[float, float, float, str, bool]], size: tuple[int, int]) -> list[Label]:
    """Names beside their points, first come first placed, skipping any that would overlap."""
    width, height = size
    placed: list[tuple[float, float, float, float]] = []
    labels = []
    measure = ImageDraw.Draw(Image.new("RGB", (1, 1)))
    for x, y, r, name, bold in candidates:
        w = measure.textlength(name, font=_font(14, bold=bold))
        for anchor, left in (("start", x + r + 4), ("end", x - r - 4 - w)):
            box = (left - 2, y - 10, left + w + 2, y + 10)
            inside = box[0] >= 4 and box[2] <= width - 4 and box[1] >= HEADER and box[3] <= height - FOOTER
            if inside and not any(_overlap(box, other) for other in placed):
                placed.append(box)
                labels.append(Label(x + r + 4 if anchor == "start" else x - r - 4, y, name, anchor, bold))
                break
    return labels


def _overlap(a, b) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def scene(
    places: pd.DataFrame,
    outlines: dict,
    title: str,
    subtitle: str,
    source: str,
    colour: str = "family",
    selected: str | None = None,
    size: tuple[int, int] = SIZE,
) -> Scene:
    """The picture of ``places`` (the rows the map draws) with its words."""
    out = Scene(size=size, title=title, subtitle=subtitle, source=source)
    box = window(places["lon"].astype(float), places["lat"].astype(float)) if len(places) else WORLD
    project = Projection(box, size)
    out.land = _land(outlines, project, size)
    if places.empty:
        return out
    x, y = project(places["lon"], places["lat"])
    colours = [hex_of(c) for c in palette(colour)]
    index = colour_indices(places, colour)
    radius = radii(places).to_numpy()
    seat = places["coord_note"].astype(str).ne("").to_numpy() if "coord_note" in places else np.zeros(len(places), bool)
    if seat.any():  # rings as on the live map: places sharing one point, one inside the next
        radius = radius.astype(float)
        radius[seat] = ring_radii(places[seat]).to_numpy() - 3
    ended = places["status"].isin(["withdrawn", "repealed"]).to_numpy()
    order = np.argsort(-radius, kind="stable")  # big circles first, so small ones stay visible on top
    out.points = [
        Point(float(x[i]), float(y[i]), float(radius[i]), colours[index[i]], "seat" if seat[i] else "ended" if ended[i] else "")
        for i in order
    ]
    names = place_names(places).astype(str).to_numpy()
    ranked = places.assign(_i=range(len(places))).sort_values(["n_events", "place_id"], ascending=[False, True])
    candidates = []
    ids = places["place_id"].astype(str).to_numpy()
    if selected is not None and selected in set(ids):
        i = int(np.flatnonzero(ids == selected)[0])
        out.selected = (float(x[i]), float(y[i]))
        candidates.append((float(x[i]), float(y[i]), 14.0, names[i], True))
    for i in ranked["_i"].head(LABELS * 3):
        if ids[i] != selected:
            candidates.append((float(x[i]), float(y[i]), float(radius[i]), names[i], False))
    out.labels = _labels(candidates, size)[: LABELS + (1 if out.selected else 0)]
    out.legend = map_legend_items(places, colour)
    present = {p.mark for p in out.points}
    out.legend += [(label, mark) for label, mark in MARKS if mark in present]
    return out
