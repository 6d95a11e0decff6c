"""The growth of the movement as an animated map, drawn on the shipped country outlines (no tiles, no CDN)."""

from __future__ import annotations

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from .escape import plotly as safe
from .firsts import committed
from .palette import FAMILY_COLORS
from .schema import FAMILIES
from .text import place_names


def outline_xy(outlines: dict, step: int = 1) -> tuple[np.ndarray, np.ndarray]:
    """Country outlines as one line trace's x (lon) and y (lat), rings separated by gaps (NaN, sent as null)."""
    xs: list[float | None] = []
    ys: list[float | None] = []
    for feature in outlines["features"]:
        geom = feature["geometry"]
        polygons = geom["coordinates"] if geom["type"] == "MultiPolygon" else [geom["coordinates"]]
        for polygon in polygons:
            ring = [*polygon[0][::step], polygon[0][0]]
            xs.extend(round(p[0], 2) for p in ring)
            ys.extend(round(p[1], 2) for p in ring)
            xs.append(None)
            ys.append(None)
    return np.array(xs, dtype=float), np.array(ys, dtype=float)


BUTTON_BACKGROUND, BUTTON_TEXT = "#e6e9ef", "#111111"  # 15:1, and above 14:1 on the active button's #F4FAFF


def growth_figure(
    places: pd.DataFrame,
    outline: tuple[list, list],
    as_of: int | None = None,
    title: str = "The movement's growth",
    until: int | None = None,
) -> go.Figure:
    """An animated map, one frame per year, drawn on shipped outlines (no tiles, no CDN).

    Each frame shows the places whose first matching commitment came in or before that year, up to
    ``until`` (the last year of the page's own year control, so the two never disagree);
    coloured by network family (the legend is the map legend under it); the play button and the
    slider run in the browser. One points trace per frame keeps the figure quick to build.
    Long because the animation's layout (frames, buttons, slider) is one declaration.
    """
    outline_trace = go.Scattergl(
        x=outline[0], y=outline[1], mode="lines", line={"color": "#A0A0A0", "width": 0.6}, hoverinfo="skip", showlegend=False
    )
    ordered = committed(places).sort_values(["first_year", "place_id"], kind="stable")  # first steps are not drawn
    if ordered.empty:
        return go.Figure(data=[outline_trace], layout={"title": {"text": title}})
    # frames run to ``until`` (the page's year control ends there) even when no place started that late
    last = max(int(ordered["first_year"].max()), int(until or 0))
    years = list(range(int(ordered["first_year"].min()), last + 1))
    start = as_of if as_of in years else years[-1]
    # numpy arrays pass plotly's checks in one step where lists are checked item by item
    lon = ordered["lon"].astype(float).round(2).to_numpy()
    lat = ordered["lat"].astype(float).round(2).to_numpy()
    # colours as numbers on a stepped colour scale: plotly checks numbers far faster than colour names
    families = list(FAMILY_COLORS)
    colour = np.array([families.index(f) if f in families else families.index("local") for f in ordered["family"]])
    n = len(families)
    scale = [[edge, FAMILY_COLORS[f]] for i, f in enumerate(families) for edge in (i / n, (i + 1) / n)]
    label = np.array(
        [
            safe(f"{n} ({y}, {FAMILIES.get(f, f)})")
            for n, y, f in zip(place_names(ordered), ordered["first_year"], ordered["family"])
        ],
        dtype=object,
    )
    first = ordered["first_year"].astype(int).tolist()

    def points(year: int) -> dict:
        k = sum(1 for y in first if y <= year)  # places are sorted by first year: the first k are in
        return {
            "type": "scatter",
            "x": lon[:k],
            "y": lat[:k],
            "mode": "markers",
            "text": label[:k],
            "marker": {
                "size": 7,
                "color": colour[:k],
                "colorscale": scale,
                "cmin": -0.5,
                "cmax": n - 0.5,
                "line": {"color": "#FFFFFF", "width": 0.5},
            },
            "hovertemplate": "%{text}<extra></extra>",
            "showlegend": False,
        }

    def caption(year: int) -> str:
        return f"{title}: as of {year}, {sum(1 for y in first if y <= year)} places"

    frames = [{"name": str(y), "data": [points(y)], "traces": [1], "layout": {"title": {"text": caption(y)}}} for y in years]
    present = [f for f in families if f in set(ordered["family"])]
    layout = {
        "title": {"text": caption(start)},
        # the colour key, for still exports (the app draws its own legend under the map)
        "meta": {"legend": [[FAMILIES.get(f, f), FAMILY_COLORS[f]] for f in present]},
        "xaxis": {"visible": False, "range": [-170, 190], "fixedrange": True},
        "yaxis": {"visible": False, "range": [-58, 84], "scaleanchor": "x", "scaleratio": 1, "fixedrange": True},
        "margin": {"l": 0, "r": 0, "t": 50, "b": 10},
        "height": 540,
        "updatemenus": [
            {
                "type": "buttons",
                "direction": "left",
                "x": 0.0,
                "y": 0,
                "xanchor": "left",
                "yanchor": "top",
                "pad": {"t": 40},
                # dark text on a light button in either theme: plotly's highlight of the active button
                # is near-white, and a dark theme's light text on it could not be read
                "bgcolor": BUTTON_BACKGROUND,
                "bordercolor": "#767676",
                "font": {"color": BUTTON_TEXT},
                "buttons": [
                    {
                        "label": "▶ Play",
                        "method": "animate",
                        "args": [
                            None,
                            {"frame": {"duration": 400, "redraw": True}, "fromcurrent": True, "transition": {"duration": 0}},
                        ],
                    },
                    {
                        "label": "❚❚ Pause",
                        "method": "animate",
                        "args": [[None], {"frame": {"duration": 0, "redraw": False}, "mode": "immediate"}],
                    },
                ],
            }
        ],
        "sliders": [
            {
                "active": years.index(start),
                "currentvalue": {"prefix": "Year: "},
                "pad": {"t": 30},
                "x": 0.16,
                "len": 0.84,
                "steps": [
                    {
                        "label": str(y),
                        "method": "animate",
                        "args": [
                            [str(y)],
                            {"mode": "immediate", "frame": {"duration": 0, "redraw": True}, "transition": {"duration": 0}},
                        ],
                    }
                    for y in years
                ],
            }
        ],
    }
    # plotly would check every property of every frame (about 150 ms on the bundled data, on every
    # rerun); tests/test_builders.py checks this spec with plotly's validation instead
    return go.Figure(data=[outline_trace, points(start)], layout=layout, frames=frames, _validate=False)
