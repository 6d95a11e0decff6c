"""pydeck map builders: data in, ``pdk.Deck`` out. No basemap tiles: outlines come from data/reference."""
from __future__ import annotations

import math

import pandas as pd
import pydeck as pdk

from .palette import REGION_COLORS, STATUS_OUTLINE, rgb

# What each layer ships to the browser; nothing else leaves the server.
PLACE_COLUMNS = ["lon", "lat", "r", "fill", "line", "name", "country_name", "networks", "first_year"]
TOOLTIP = {"text": "{name}\n{country_name}\nFirst commitment: {first_year}\nNetworks: {networks}"}


def place_layer_data(places: pd.DataFrame) -> pd.DataFrame:
    """Project places to the columns the scatter layer draws; coordinates rounded to ~100 m."""
    df = pd.DataFrame({
        "lon": places["lon"].astype(float).round(3),
        "lat": places["lat"].astype(float).round(3),
        "r": (3 + places["n_events"].astype(int).clip(upper=6)).astype(int),
        "fill": [rgb(REGION_COLORS.get(r, "#999999")) for r in places["region"]],
        "line": [rgb(STATUS_OUTLINE.get(s, "#000000")) for s in places["status"]],
        "name": places["name"].astype(str),
        "country_name": places["country_name"].astype(str),
        "networks": [n.replace(";", ", ") or "local act only" for n in places["networks"]],
        "first_year": places["first_year"].astype(int),
    })
    return df[PLACE_COLUMNS]


def view_for(places: pd.DataFrame) -> pdk.ViewState:
    """A view that shows the whole world, or the places when they are few and close."""
    if places.empty:
        return pdk.ViewState(latitude=20, longitude=10, zoom=0.6)
    lat, lon = places["lat"].astype(float), places["lon"].astype(float)
    span = max(lat.max() - lat.min(), (lon.max() - lon.min()) / 2, 0.5)
    zoom = 0.6 if span > 60 else max(0.6, min(8.0, 7.5 - 1.45 * math.log2(span)))
    return pdk.ViewState(latitude=float(lat.mean()), longitude=float(lon.mean()), zoom=zoom)


def build_map(places: pd.DataFrame, outlines: dict, view: pdk.ViewState | None = None) -> pdk.Deck:
    """The atlas map: country outlines and one circle per place."""
    base = pdk.Layer(
        "GeoJsonLayer", outlines, id="countries",
        stroked=True, filled=True, get_fill_color=[236, 236, 230], get_line_color=[160, 160, 160],
        line_width_min_pixels=0.5, pickable=False,
    )
    points = pdk.Layer(
        "ScatterplotLayer", place_layer_data(places), id="places",
        get_position=["lon", "lat"], get_radius="r", radius_units="pixels",
        get_fill_color="fill", get_line_color="line", stroked=True, line_width_min_pixels=1.5,
        pickable=True, auto_highlight=True,
    )
    return pdk.Deck(
        layers=[base, points], initial_view_state=view or view_for(places),
        map_provider=None, tooltip=TOOLTIP,
        views=[pdk.View(type="MapView", controller=True)],
    )
