"""Names on the pydeck map: countries from the app's static file, and places from the view.

Both are sized in metres with a pixel cap, so names appear as the reader zooms in: a large
country's on the world view, a small one's and the busiest places' closer in. The selected
place's name is shown at full size at any zoom.
"""

from __future__ import annotations

import pandas as pd
import pydeck as pdk

from .paths import WEB_LABELS_URL
from .text import place_names

LABEL_FONT = "'Source Sans', 'Source Sans Pro', 'Helvetica Neue', Arial, sans-serif'"
NAMED_PLACES = 30  # the places with most recorded events are named as the reader zooms in


def country_names_layer() -> pdk.Layer:
    """Country names from the app's static file: sized in metres, so a large country is named on the
    world view and a small one as the reader zooms in (never larger than 13 px)."""
    return pdk.Layer(
        "TextLayer",
        WEB_LABELS_URL,
        id="country-names",
        get_position="p",
        get_text="n",
        get_size="s",
        size_units="'meters'",
        size_min_pixels=0,
        size_max_pixels=13,
        get_color=[95, 95, 95, 210],
        character_set="'auto'",
        font_family=LABEL_FONT,
        font_weight=600,
        pickable=False,
    )


def place_names_layer(places: pd.DataFrame, selected: str | None = None) -> pdk.Layer:
    """The names of the places with most recorded events, appearing as the reader zooms in (about
    40 km high, at most 13 px), and the selected place's name at full size whatever the zoom."""
    ids, n_events = places["place_id"].tolist(), places["n_events"].astype(int).tolist()
    ranked = sorted(range(len(ids)), key=lambda i: (-n_events[i], ids[i]))[:NAMED_PLACES]
    rows = [i for i in range(len(ids)) if ids[i] == selected] + [i for i in ranked if ids[i] != selected]
    shown = places.iloc[rows]
    big = 400_000  # metres: the selected name is capped at its pixel size at any zoom
    lons, lats = shown["lon"].astype(float).tolist(), shown["lat"].astype(float).tolist()
    points = [[round(x, 2), round(y, 2)] for x, y in zip(lons, lats)]
    # names of places drawn at one point (a city and its districts) stack one line apart, not on top of each other
    lines: dict[tuple[float, float], int] = {}
    offsets = []
    for x, y in points:
        k = lines[(x, y)] = lines.get((x, y), -1) + 1
        offsets.append([12, 15 * k])
    data = [
        {"p": point, "n": str(name), "s": big if ids[i] == selected else 40_000, "o": offset}
        for point, name, i, offset in zip(points, place_names(shown).tolist(), rows, offsets)
    ]
    return pdk.Layer(
        "TextLayer",
        data,
        id="place-names",
        get_position="p",
        get_text="n",
        get_size="s",
        size_units="'meters'",
        size_min_pixels=0,
        size_max_pixels=14,
        get_color=[17, 17, 17],
        get_text_anchor="'start'",
        get_pixel_offset="o",
        background=True,
        get_background_color=[255, 255, 255, 200],
        character_set="'auto'",
        font_family=LABEL_FONT,
        font_weight=600,
        pickable=False,
    )
