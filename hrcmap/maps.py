"""pydeck map builders: data in, ``pdk.Deck`` out. No basemap tiles: outlines come from data/reference."""

from __future__ import annotations

import html

import pandas as pd
import pydeck as pdk

from .deckjson import CompactDeck, records
from .firsts import headline_year
from .mapcells import aggregated, cells_layer
from .maplabels import country_names_layer, place_names_layer
from .mapviews import WORLD
from .palette import FAMILY_COLORS, rgb, year_colour
from .paths import WEB_OUTLINES_URL
from .text import place_names

# What the places layer ships to the browser, with one-letter keys because every byte is sent per
# place on every filter change: p position [lon, lat]; f one small integer packing what is drawn,
# 100 × withdrawn-or-repealed + 10 × colour index + radius in pixels (deck.gl's JSON expressions
# unpack it, see :func:`encode`); t the tooltip's name line ("Louisville, Colorado, United States",
# and where the point comes from when it is not the place itself); y the first year as every view
# writes it. The networks come with a click, in the side panel.
PLACE_COLUMNS = ["p", "f", "t", "y"]
SEAT_LAYER = "places-at-seat"
MAX_RINGS = 5  # rings drawn one inside the next at one point, at most (the world view must not show a target)
TOOLTIP = {"text": "{t}\nFirst commitment: {y}"}
YEAR_STEPS = 8


def placeholder_html(n_places: int, height: int) -> str:
    """A box of the map's size saying "Drawing N places…", shown at once where the map will be and
    hidden by CSS as soon as the map's canvas exists (the map component loads after the page)."""
    words = "1 place" if n_places == 1 else f"{int(n_places):,} places"
    h = int(height)
    return (
        "<style>"
        ".hrcmap-wait{position:relative;z-index:1;display:flex;align-items:center;justify-content:center;"
        f"height:{h}px;margin-bottom:-{h}px;background:#f4f4f0;color:#555;border-radius:4px}}"
        '[data-testid="stVerticalBlock"]:has([data-testid="stDeckGlJsonChart"] canvas) .hrcmap-wait{display:none}'
        "</style>"
        f'<div class="hrcmap-wait" role="status">Drawing {html.escape(words)}…</div>'
    )


def palette(colour: str) -> list[list[int]]:
    """The colours the ``f`` index points into: the network families, or steps from early to recent years."""
    if colour == "year":
        return [year_colour(i, 0, YEAR_STEPS - 1) for i in range(YEAR_STEPS)]
    return [rgb(c) for c in FAMILY_COLORS.values()]


def encode(colour_index: int, radius: int, ended: int) -> int:
    """What one circle looks like, in one integer: 100 × ended + 10 × colour index + radius (4–9 px)."""
    return 100 * int(ended) + 10 * int(colour_index) + int(radius)


def colour_expression(colours: list[list[int]]) -> str:
    """A deck.gl JSON expression that turns ``f`` into its colour (it can compare, not index arrays)."""
    tens = "(f % 100 - f % 10)"
    return "".join(f"{tens} == {10 * i} ? {list(c)} : " for i, c in enumerate(colours[:-1])) + str(list(colours[-1]))


def tooltip_names(places: pd.DataFrame) -> list[str]:
    """ "Osaka Prefecture, Japan" and, when the point is not the place itself, where it comes from."""
    names = zip(place_names(places).tolist(), places["country_name"].tolist(), _coord_notes(places))
    return [f"{n}, {c}\n{k}" if k else f"{n}, {c}" for n, c, k in names]


def _column(places: pd.DataFrame, name: str, default: str = "") -> list[str]:
    return [str(k) for k in places[name].tolist()] if name in places else [default] * len(places)


def _coord_notes(places: pd.DataFrame) -> list[str]:
    return _column(places, "coord_note")


def colour_indices(places: pd.DataFrame, colour: str = "family") -> list[int]:
    """Each place's index into :func:`palette`: its network family, or its first year's step."""
    if colour == "year":
        lo = int(places["first_year"].min()) if len(places) else 0
        hi = int(places["first_year"].max()) if len(places) else 0
        span = max(hi - lo, 1)
        return [round((int(y) - lo) / span * (YEAR_STEPS - 1)) for y in places["first_year"]]
    order = {k: i for i, k in enumerate(FAMILY_COLORS)}
    families = places["family"] if "family" in places else pd.Series("local", index=places.index)
    return [order.get(f, order["local"]) for f in families]


def radii(places: pd.DataFrame) -> pd.Series:
    """Circle radius in pixels: 4 for one recorded event, growing to 9 for six or more."""
    return 3 + places["n_events"].astype(int).clip(upper=6)


def ring_radii(places: pd.DataFrame) -> pd.Series:
    """Pixel radius of the ring drawn for each place placed at its seat or its city's point: just
    outside its circle's size, and where several share one point (the districts of a city), one
    ring inside the next (10, 13, 16 px …, at most :data:`MAX_RINGS`), most-recorded innermost, so
    each can be seen and clicked."""
    n_events = places["n_events"].astype(int).tolist()
    ids = places["place_id"].tolist()
    points = zip(places["lon"].astype(float).round(2).tolist(), places["lat"].astype(float).round(2).tolist())
    out = (radii(places) + 5).to_numpy().copy()
    sharing: dict[tuple[float, float], list[int]] = {}
    for i, point in enumerate(points):
        sharing.setdefault(point, []).append(i)
    for rows in sharing.values():
        if len(rows) > 1:
            # past five rings (22 px) the next ones share the outermost: a bullseye must not cover a region
            for k, i in enumerate(sorted(rows, key=lambda i: (-n_events[i], ids[i]))):
                out[i] = 10 + 3 * min(k, MAX_RINGS - 1)
    return pd.Series(out, index=places.index, dtype=int)


def place_layer_data(places: pd.DataFrame, colour: str = "family") -> pd.DataFrame:
    """Project places to the columns the scatter layer draws; coordinates rounded to ~1 km."""
    radius = radii(places).tolist()
    ended = [s in ("withdrawn", "repealed") for s in places["status"].tolist()]
    years = [
        headline_year(y, d, k)
        for y, d, k in zip(
            places["first_year"].tolist(), _column(places, "first_year_disputed"), _column(places, "first_kind", "commitment")
        )
    ]
    return pd.DataFrame(
        {
            # GeoJSON and deck.gl order: [lon, lat]
            "p": [
                [round(x, 2), round(y, 2)]
                for x, y in zip(places["lon"].astype(float).tolist(), places["lat"].astype(float).tolist())
            ],
            "f": [encode(i, r, w) for i, r, w in zip(colour_indices(places, colour), radius, ended)],
            "t": pd.Series(tooltip_names(places), dtype=object),
            "y": [int(y) if y.isdigit() else y for y in years],  # 2001 as a number: two bytes fewer than "2001"
        },
        columns=PLACE_COLUMNS,
    )


def country_counts_geojson(outlines: dict, counts: dict[str, int]) -> dict:
    """Only the countries with places, each filled by how many (a light-to-dark blue scale)."""
    top = max(counts.values(), default=1)
    features = []
    for f in outlines["features"]:
        iso = f["properties"].get("iso_a3")
        n = counts.get(iso, 0)
        if n:
            shade = 0.15 + 0.85 * (n / top) ** 0.5
            colour = [int(240 - 200 * shade), int(245 - 130 * shade), int(255 - 80 * shade), 200]
            features.append({"type": "Feature", "geometry": f["geometry"], "properties": {"fill": colour}})
    return {"type": "FeatureCollection", "features": features}


def build_map(
    places: pd.DataFrame,
    outlines: dict,
    colour: str = "family",
    country_counts: dict[str, int] | None = None,
    view: pdk.ViewState | None = None,
    selected: str | None = None,
) -> pdk.Deck:
    """The atlas map: country outlines, optionally places-per-country shading, and one circle per place.

    The outlines layer is given the URL of the app's own static copy, so the browser fetches it once
    and every rerun ships only the places.


    Long because the deck (outline, shading and place layers, tooltip, view) is one declaration.
    """
    layers = [
        pdk.Layer(
            "GeoJsonLayer",
            WEB_OUTLINES_URL,
            id="countries",
            stroked=True,
            filled=True,
            get_fill_color=[236, 236, 230],
            get_line_color=[160, 160, 160],
            line_width_min_pixels=0.5,
            pickable=False,
        )
    ]
    layers.append(country_names_layer())
    if country_counts:
        layers.append(
            pdk.Layer(
                "GeoJsonLayer",
                country_counts_geojson(outlines, country_counts),
                id="country-counts",
                stroked=False,
                filled=True,
                get_fill_color="properties.fill",
                pickable=False,
            )
        )
    drawn = places  # the places that get a circle each
    if aggregated(places):
        layers.append(cells_layer(places))
        drawn = places.iloc[0:0]  # no circle per place; the names and the selected ring still follow
    # a province or regency placed at its seat is a hollow ring around the point, so the city there stays visible
    at_seat = (drawn["coord_note"].astype(str) != "").tolist() if "coord_note" in drawn else [False] * len(drawn)
    rows = records(place_layer_data(drawn, colour))  # one pass over every place, then split in two layers
    if any(at_seat):
        rings = ring_radii(drawn.loc[at_seat, ["lon", "lat", "n_events", "place_id"]]).tolist()
        layers.append(
            pdk.Layer(
                "ScatterplotLayer",
                [{**row, "r": r} for row, r in zip((row for row, seat in zip(rows, at_seat) if seat), rings)],
                id=SEAT_LAYER,
                get_position="p",
                get_radius="r",
                radius_units="'pixels'",
                filled=False,
                stroked=True,
                get_line_color=colour_expression(palette(colour)),
                line_width_min_pixels=2,
                pickable=True,
                auto_highlight=True,
            )
        )
    layers.append(
        pdk.Layer(
            "ScatterplotLayer",
            [row for row, seat in zip(rows, at_seat) if not seat],
            id="places",
            get_position="p",
            get_radius="f % 10",
            radius_units="'pixels'",
            get_fill_color=colour_expression(palette(colour)),
            get_line_color="f >= 100 ? [0, 0, 0] : [255, 255, 255]",
            stroked=True,
            line_width_min_pixels=1.5,
            pickable=True,
            auto_highlight=True,
        )
    )
    layers.append(place_names_layer(places, selected))
    if selected is not None and selected in set(places["place_id"]):
        row = places[places["place_id"] == selected]
        layers.append(
            pdk.Layer(
                "ScatterplotLayer",
                pd.DataFrame({"lon": row["lon"].astype(float).round(3), "lat": row["lat"].astype(float).round(3)}),
                id="selected",
                get_position=["lon", "lat"],
                get_radius=14,
                radius_units="'pixels'",
                filled=False,
                stroked=True,
                get_line_color=[0, 0, 0],
                line_width_min_pixels=3,
                pickable=False,
            )
        )
    return CompactDeck(
        layers=layers,
        initial_view_state=view or WORLD,
        map_provider=None,
        tooltip=TOOLTIP,
        views=[pdk.View(type="MapView", controller=True, repeat=True)],
    )


def selected_place_id(selection: object, places: pd.DataFrame) -> str | None:
    """The place picked on the map, from st.pydeck_chart's selection state.

    The selection carries the picked row as it was drawn; we match it back by its name line and
    position rather than by row index, which may point elsewhere once the filters have changed.
    """
    try:
        objects = selection["selection"]["objects"]  # type: ignore[index]
        picked = objects.get("places") or objects.get(SEAT_LAYER) or []
    except (KeyError, TypeError, AttributeError):
        return None
    if not picked:
        return None
    obj = picked[0]
    try:
        lon, lat = (float(v) for v in obj.get("p"))
        match = places[
            (pd.Series(tooltip_names(places), index=places.index) == obj.get("t"))
            & ((places["lon"].astype(float).round(2) - lon).abs() < 1e-6)
            & ((places["lat"].astype(float).round(2) - lat).abs() < 1e-6)
        ]
    except (TypeError, ValueError):
        return None
    return str(match.iloc[0]["place_id"]) if len(match) else None
