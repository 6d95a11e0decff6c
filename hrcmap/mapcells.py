"""Many places at once: past :data:`AGGREGATE_ABOVE` places the map draws grid cells, each at the
mean point of its places and sized by their number, instead of a circle per place. A filter change
then sends a few hundred cells, not tens of thousands of circles; a filter down to the threshold
brings every circle back. Pure builders: data in, a pydeck layer or a sentence out."""

from __future__ import annotations

import math

import pandas as pd
import pydeck as pdk

CELLS_LAYER = "cells"
AGGREGATE_ABOVE = 5000
CELL_DEGREES = 2.0  # about 220 km


def aggregated(places: pd.DataFrame) -> bool:
    """Whether the map draws ``places`` as grid cells rather than one circle each."""
    return len(places) > AGGREGATE_ABOVE


def _cell_of(places: pd.DataFrame, degrees: float) -> tuple[pd.Series, pd.Series]:
    """Each place's cell: its column and row in a grid of ``degrees``."""
    return (places["lon"].astype(float) // degrees).astype(int), (places["lat"].astype(float) // degrees).astype(int)


def cell_layer_data(places: pd.DataFrame, degrees: float = CELL_DEGREES) -> pd.DataFrame:
    """Places gathered into cells of ``degrees`` (about 200 km at 2°): each cell at the mean point
    of its places, with their number, the earliest first commitment and a tooltip saying so."""
    x, y = _cell_of(places, degrees)
    grouped = places.assign(
        _x=x,
        _y=y,
        _lon=places["lon"].astype(float),
        _lat=places["lat"].astype(float),
        _year=places["first_year"].astype(int),
    ).groupby(["_x", "_y"])
    cells = grouped.agg(n=("_lon", "size"), lon=("_lon", "mean"), lat=("_lat", "mean"), year=("_year", "min")).reset_index()
    return pd.DataFrame(
        {
            "p": [[round(float(x), 2), round(float(y), 2)] for x, y in zip(cells["lon"], cells["lat"])],
            "n": cells["n"].astype(int),
            "r": [round(3 + 1.5 * math.log2(n), 1) for n in cells["n"]],  # pixels: 3 for one place, 18 for a thousand
            "t": [f"{n:,} places around here (filter to see each)" if n > 1 else "1 place here" for n in cells["n"]],
            "y": [f"from {y}" for y in cells["year"]],
        }
    )


def cells_caption(places: pd.DataFrame) -> str:
    """What a reader of an aggregated map is told under it ("" when every place has its circle)."""
    if not aggregated(places):
        return ""
    cells = len(set(zip(*_cell_of(places, CELL_DEGREES))))  # counted, not drawn a second time
    return (
        f"{len(places):,} places are too many to draw one by one: the map shows them as {cells:,} cells of about "
        f"{round(CELL_DEGREES * 111, -1):.0f} km, each sized by its number of places. Filter by continent, country or "
        f"network (to {AGGREGATE_ABOVE:,} places or fewer) to see each place and its colour."
    )


def cells_layer(places: pd.DataFrame) -> pdk.Layer:
    """The cells as a scatter layer: blue discs, white edges, a tooltip with their count."""
    return pdk.Layer(
        "ScatterplotLayer",
        cell_layer_data(places),
        id=CELLS_LAYER,
        get_position="p",
        get_radius="r",
        radius_units="'pixels'",
        get_fill_color=[0, 114, 178, 170],
        get_line_color=[255, 255, 255],
        stroked=True,
        line_width_min_pixels=1,
        pickable=True,
        auto_highlight=True,
    )
