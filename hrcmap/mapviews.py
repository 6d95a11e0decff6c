"""Where a map opens: the whole inhabited world, a place, or the places a filter leaves (pydeck view states)."""

from __future__ import annotations

import math

import pandas as pd
import pydeck as pdk

# The inhabited world on load: zoom 0.3 fills a desktop map's width (wider screens see the wrapped
# copies beside it); a 400-px phone needs a world narrower than the screen (512 px × 2^zoom ≤ ~370).
WORLD = pdk.ViewState(latitude=25, longitude=15, zoom=0.3, min_zoom=0)
PHONE_WORLD = pdk.ViewState(latitude=20, longitude=15, zoom=-0.5, min_zoom=-1)


def locator_view(places: pd.DataFrame) -> pdk.ViewState:
    """A close view on one place (or the middle of a few)."""
    return pdk.ViewState(
        latitude=float(places["lat"].astype(float).mean()), longitude=float(places["lon"].astype(float).mean()), zoom=3.2
    )


def fit_view(places: pd.DataFrame, min_zoom: float = 1.2, max_zoom: float = 5.0) -> pdk.ViewState:
    """A view framing the places, for wide screens (presentations): never so far out that the world repeats."""
    if places.empty:
        return pdk.ViewState(latitude=25, longitude=15, zoom=min_zoom)
    lat, lon = places["lat"].astype(float), places["lon"].astype(float)
    # at least a country-sized span, so a lone place is shown with its surroundings
    span = max(float(lat.max() - lat.min()), float(lon.max() - lon.min()) / 2, 8.0)
    zoom = min(max_zoom, max(min_zoom, 7.2 - 1.45 * math.log2(span)))
    return pdk.ViewState(
        latitude=float((lat.max() + lat.min()) / 2), longitude=float((lon.max() + lon.min()) / 2), zoom=round(zoom, 2)
    )


FRAME = {False: (560, 520), True: (370, 340)}  # the map's frame in pixels, desktop (1280-px screen) and phone


def _fitted(places: pd.DataFrame, width: int, height: int) -> tuple[float, float, float]:
    """(latitude, longitude, zoom) of the Web Mercator view that holds every place in a frame of that size."""
    lat = places["lat"].astype(float).clip(-80, 80)
    lon = places["lon"].astype(float)
    south, north, west, east = float(lat.min()), float(lat.max()), float(lon.min()), float(lon.max())

    def merc(value: float) -> float:
        return math.log(math.tan(math.pi / 4 + math.radians(value) / 2))

    span_lon = max(east - west, 10.0)  # at least a country's worth of surroundings
    span_y = max(merc(north) - merc(south), 0.15)
    zoom = min(math.log2(width * 360 / (512 * span_lon)), math.log2(height * 2 * math.pi / (512 * span_y))) - 0.25
    mid_y = (merc(north) + merc(south)) / 2
    mid_lat = math.degrees(2 * math.atan(math.exp(mid_y)) - math.pi / 2)
    return round(mid_lat, 3), round((west + east) / 2, 3), round(zoom, 2)


def opening_view(places: pd.DataFrame, selected: str | None = None, filtered: bool = False, phone: bool = False) -> pdk.ViewState:
    """Where the map opens: close on the selected place (a search that found it, a shared link), on the
    places a filter leaves (a continent, a country, a network), or on the whole inhabited world."""
    world = PHONE_WORLD if phone else WORLD
    if selected is not None and len(places):
        row = places[places["place_id"] == selected]
        if len(row):
            return pdk.ViewState(
                latitude=round(float(row["lat"].iloc[0]), 3),
                longitude=round(float(row["lon"].iloc[0]), 3),
                zoom=3.0 if phone else 4.0,
                min_zoom=world.min_zoom,
            )
    if filtered and len(places):
        lat, lon, zoom = _fitted(places, *FRAME[phone])
        if zoom <= world.zoom + 0.3:  # the places spread over the world: the world view, not a slice of it
            return world
        return pdk.ViewState(latitude=lat, longitude=lon, zoom=min(zoom, 6.0), min_zoom=world.min_zoom)
    return world
