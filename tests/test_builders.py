"""Pure builders: the Deck and Figures the pages draw, inspected as objects."""

from __future__ import annotations

import json

import pandas as pd
import pytest

from hrcmap import charts, growth_map, legend, mapcells, maps, mapviews, network_views, sentences
from hrcmap.filters import filter_events, places_view
from hrcmap.load import load_dataset
from hrcmap.paths import COUNTRIES_GEOJSON, WEB_LABELS
from hrcmap.state import ViewState


@pytest.fixture(scope="module")
def data(built):
    return load_dataset(built)


@pytest.fixture(scope="module")
def outlines():
    return json.loads(COUNTRIES_GEOJSON.read_text())


@pytest.fixture(scope="module")
def places(data):
    return places_view(data.places, data.events, data.networks)


def _layers(deck) -> dict:
    return {layer["id"]: layer for layer in json.loads(deck.to_json())["layers"]}


def test_deck_layers_have_fixed_ids_and_no_basemap(places, outlines):
    deck = maps.build_map(places, outlines)
    spec = json.loads(deck.to_json())
    # drawn in this order: land, country names, circles, then place names above the circles
    assert [layer["id"] for layer in spec["layers"]] == ["countries", "country-names", "places", "place-names"]
    assert spec["layers"][0]["data"] == "app/static/countries.geojson"  # fetched once from the app itself
    assert spec["layers"][1]["data"] == "app/static/country_labels.json"
    assert deck.map_provider is None
    assert set(spec["layers"][2]["data"][0]) == set(maps.PLACE_COLUMNS)
    # a literal, not an accessor: circles keep their size in pixels at every zoom
    assert spec["layers"][2]["radiusUnits"] == "pixels"


def test_names_appear_as_the_reader_zooms_in_and_the_selected_place_is_always_named(places, outlines):
    layers = _layers(maps.build_map(places, outlines, selected="walewale-gha"))
    names = layers["place-names"]
    assert names["sizeUnits"] == "meters" and names["sizeMaxPixels"] <= 14 and names["sizeMinPixels"] == 0
    rows = {r["n"]: r for r in names["data"]}
    assert rows["Walewale"]["s"] >= 10 * rows["Graz"]["s"]  # at its pixel cap from the world view on
    assert names["data"][0]["n"] == "Walewale"  # the selected name is drawn first, never left out
    countries = json.loads(WEB_LABELS.read_text(encoding="utf-8"))
    size = {c["n"]: c["s"] for c in countries}
    assert size["Russia"] > 5 * size["Belgium"]  # a large country is named first, a small one closer in


def test_country_layer_only_when_asked(places, outlines):
    deck = maps.build_map(places, outlines, country_counts=legend.country_counts(places))
    layer = _layers(deck)["country-counts"]
    assert len(layer["data"]["features"]) == 7  # one per country with places; Austria once for its two places


def _deck_colour(expression: str, f: int) -> list[int]:
    """What deck.gl's JSON expression gives for ``f``: the chain of "tens == k ? [r, g, b]" choices."""
    tens = f % 100 - f % 10
    for part in expression.split(" : "):
        if " ? " not in part:
            return json.loads(part)
        condition, colour = part.split(" ? ")
        if tens == int(condition.split("==")[1]):
            return json.loads(colour)
    raise AssertionError(expression)


def test_colour_by_year_runs_from_dark_to_light(places):
    df = maps.place_layer_data(places, colour="year")
    expression, pal = maps.colour_expression(maps.palette("year")), maps.palette("year")
    order = places["first_year"].astype(int).reset_index(drop=True).sort_values().index
    assert _deck_colour(expression, df.at[order[0], "f"]) == pal[0]
    assert _deck_colour(expression, df.at[order[-1], "f"]) == pal[-1]
    assert sum(pal[0]) < sum(pal[-1])


def test_colour_by_family_uses_the_family_palette(places, outlines):
    df = maps.place_layer_data(places).set_index("t")
    layer = _layers(maps.build_map(places, outlines))["places"]
    expression = layer["getFillColor"].removeprefix("@@=")
    assert _deck_colour(expression, df.at["Graz, Austria", "f"]) == [0, 114, 178]  # a coalition member, whatever its first act


def test_withdrawn_place_has_a_black_ring(places, outlines):
    df = maps.place_layer_data(places).set_index("t")
    assert df.at["Wonosobo, Indonesia", "f"] >= 100 and df.at["Graz, Austria", "f"] < 100
    layer = _layers(maps.build_map(places, outlines))["places"]
    assert layer["getLineColor"] == "@@=f >= 100 ? [0, 0, 0] : [255, 255, 255]"
    assert layer["getRadius"] == "@@=f % 10" and all(4 <= f % 10 <= 9 for f in df["f"])


def test_payload_per_place_is_small(places):
    rows = json.loads(maps.place_layer_data(places).to_json(orient="records"))
    per_place = len(json.dumps(rows, separators=(",", ":"))) / len(rows)
    assert per_place < 75  # the columns drawn and the tooltip text, nothing more; the networks come on click


def test_selected_place_is_matched_by_what_was_drawn(places):
    row = json.loads(maps.place_layer_data(places).to_json(orient="records"))[2]
    picked = {"selection": {"indices": {"places": [2]}, "objects": {"places": [row]}}}
    assert maps.selected_place_id(picked, places) == places.iloc[2]["place_id"]
    assert maps.selected_place_id(picked, places[places.index != 2]) is None  # filtered away since
    assert maps.selected_place_id({"selection": {"indices": {}, "objects": {}}}, places) is None
    assert maps.selected_place_id(None, places) is None


def test_selected_place_gets_a_ring_layer(places, outlines):
    spec = json.loads(maps.build_map(places, outlines, selected="graz-aut").to_json())
    assert [layer["id"] for layer in spec["layers"]][-1] == "selected"
    assert spec["layers"][-1]["data"] == [{"lon": 15.442, "lat": 47.067}]


def test_growth_figure_has_a_frame_per_year(places, outlines):
    fig = growth_map.growth_figure(places, growth_map.outline_xy(outlines))
    years = [int(f.name) for f in fig.frames]
    assert years == list(range(1997, 2018))  # to the last first commitment (2019 is a withdrawal)
    frame_2005 = next(f for f in fig.frames if f.name == "2005")
    shown = sum(len(t.x) for t in frame_2005.data)
    assert shown == int((places["first_year"] <= 2005).sum()) == 3
    assert "as of 2005, 3 places" in frame_2005.layout.title.text


def test_cumulative_figure_carries_milestones_with_sources(data, places):
    table = charts.cumulative_places(places, by="region")
    fig = charts.cumulative_figure(table, data.milestones)
    milestones = next(t for t in fig.data if t.name == "Milestones")
    assert list(milestones.x) == [1997]  # the 1948 milestone is outside the plotted years
    assert milestones.customdata[0][1] == "https://example.org/rosario"


def test_coverage_table_sets_mapped_beside_reported(data):
    table = charts.coverage_table("fx-coalition", data.events, data.network_counts).set_index("year")
    assert table.at[2009, "reported"] == 97 and table.at[2009, "mapped"] == 1
    assert table.at[2019, "reported"] == 140 and table.at[2019, "mapped"] == 2


def test_filtered_places_only(data):
    ev = filter_events(data.events, ViewState(region=("Asia",)))
    assert set(places_view(data.places, ev, data.networks)["place_id"]) == {"gwangju-kor", "wonosobo-idn"}


def test_network_overlap_counts_shared_places(data):
    names = dict(zip(data.networks["network_id"], data.networks["short_name"]))
    m = network_views.network_overlap(data.events, names)
    assert m.at["Fixture Coalition", "Fixture Coalition"] == 2  # Graz and Wonosobo
    assert m.at["Fixture Coalition", "Fixture Charter"] == 0
    spread = network_views.membership_spread(data.events).set_index("Networks")["Places"].to_dict()
    assert spread == {0: 5, 1: 3}


def test_fit_view_frames_places_without_repeating_the_world(places):
    europe = places[places["region"] == "Europe"]
    v = mapviews.fit_view(europe)
    assert 40 < v.latitude < 60 and 0 < v.longitude < 20 and v.zoom >= 1.2
    assert mapviews.fit_view(places.iloc[0:0]).zoom == 1.2


def test_listing_caveat_counts_places_first_seen_on_a_list():
    events = pd.DataFrame(
        {
            "place_id": ["a", "a", "b", "c", "c"],
            "year": ["2010", "2012", "2015", "2009", "2009"],
            "event_type": ["listed", "joined", "joined", "listed", "declared"],
        }
    )
    assert sentences.listing_caveat(events).startswith("For 1 of these 3 places")  # only a: c's first year has a declaration too
    assert sentences.listing_caveat(events[events["place_id"] == "b"]) == ""


def test_a_place_at_its_seat_says_so_and_can_still_be_clicked(places):
    at_seat = places.assign(coord_note=["Placed at its seat, Soreang." if i == 0 else "" for i in range(len(places))])
    rows = maps.place_layer_data(at_seat)
    assert rows.at[0, "t"].endswith("\nPlaced at its seat, Soreang.")
    picked = {"selection": {"objects": {"places": [rows.iloc[0].to_dict()]}}}
    assert maps.selected_place_id(picked, at_seat) == at_seat.iloc[0]["place_id"]


def test_a_province_at_its_capital_is_a_ring_that_does_not_hide_the_city(places, outlines):
    """Osaka Prefecture placed at Osaka: the prefecture is a hollow ring, the city stays a filled circle."""
    city = places[places["place_id"] == "graz-aut"].iloc[[0]]
    province = city.assign(
        place_id="styria-aut", name="Styria", label="Styria", kind="province", coord_note="Placed at its capital, Graz."
    )
    both = pd.concat([city.assign(coord_note=""), province], ignore_index=True)
    spec = json.loads(maps.build_map(both, outlines).to_json())
    layers = {layer["id"]: layer for layer in spec["layers"]}
    ring, dots = layers[maps.SEAT_LAYER], layers["places"]
    assert [p["t"] for p in ring["data"]] == ["Styria, Austria\nPlaced at its capital, Graz."]
    assert [p["t"] for p in dots["data"]] == ["Graz, Austria"]
    assert ring["filled"] is False and ring["stroked"] is True
    # drawn first, so the city's circle is on top; and a tap on the ring opens the province
    assert list(layers).index(maps.SEAT_LAYER) < list(layers).index("places")
    picked = {"selection": {"objects": {maps.SEAT_LAYER: [ring["data"][0]]}}}
    assert maps.selected_place_id(picked, both) == "styria-aut"


def test_districts_placed_at_their_citys_point_are_rings_apart_each_named_on_its_own_line(places, outlines):
    """Three districts of one city at the city's point: three rings of different sizes (each can be
    seen and clicked) and, when named, three names one line apart rather than on top of each other."""
    city = places[places["place_id"] == "graz-aut"].iloc[[0]].assign(coord_note="")
    districts = pd.concat(
        [
            city.assign(place_id=f"d{i}-aut", name=f"District {i}", label=f"District {i}", kind="district", n_events=5 - i)
            for i in range(3)
        ],
        ignore_index=True,
    ).assign(coord_note="Placed at its city's point, Graz.")
    spec = json.loads(maps.build_map(pd.concat([city, districts], ignore_index=True), outlines).to_json())
    layers = {layer["id"]: layer for layer in spec["layers"]}
    rings = layers[maps.SEAT_LAYER]["data"]
    assert len({r["r"] for r in rings}) == 3  # one ring inside the next
    assert min(r["r"] for r in rings) > 9  # outside the city's own circle (9 px at most)
    names = [n for n in layers["place-names"]["data"] if n["p"] == rings[0]["p"]]
    assert len({tuple(n["o"]) for n in names}) == len(names) == 4  # the city and its districts, a line each


def test_tens_of_thousands_of_places_are_drawn_as_cells_and_a_filter_brings_back_the_circles(places, outlines):
    """Past the aggregation threshold the map sends grid cells with their counts (a few kilobytes),
    not a circle per place, and says so; filtered down, each place has its circle again."""
    import numpy as np

    rng = np.random.default_rng(1)
    n = mapcells.AGGREGATE_ABOVE + 1000
    many = places.sample(n, replace=True, random_state=1).reset_index(drop=True)
    many = many.assign(
        place_id=[f"p{i}" for i in range(n)],
        lon=many["lon"].astype(float) + rng.uniform(-0.05, 0.05, n),
        lat=many["lat"].astype(float) + rng.uniform(-0.05, 0.05, n),
    )
    spec = maps.build_map(many, outlines).to_json()
    layers = {layer["id"]: layer for layer in json.loads(spec)["layers"]}
    cells = layers[mapcells.CELLS_LAYER]["data"]
    assert sum(c["n"] for c in cells) == n and len(cells) < 50  # every place counted, in a few cells
    assert all(isinstance(c["r"], (int, float)) for c in cells)  # sizes computed here: deck.gl's JSON allows no Math calls
    assert layers["places"]["data"] == [] and maps.SEAT_LAYER not in layers
    assert len(spec.encode()) < 300_000
    assert any(c["t"].endswith("places around here (filter to see each)") for c in cells)
    assert f"{n:,} places" in mapcells.cells_caption(many)
    few = many.head(mapcells.AGGREGATE_ABOVE)
    layers = {layer["id"]: layer for layer in json.loads(maps.build_map(few, outlines).to_json())["layers"]}
    assert mapcells.CELLS_LAYER not in layers and mapcells.cells_caption(few) == ""


def _passes_plotly_validation(fig) -> None:
    import plotly.graph_objects as go
    from plotly.utils import PlotlyJSONEncoder

    checked = go.Figure(fig.to_dict())  # raises on any property plotly does not know
    assert json.dumps(checked.to_dict(), cls=PlotlyJSONEncoder, sort_keys=True) == json.dumps(
        fig.to_dict(), cls=PlotlyJSONEncoder, sort_keys=True
    )


def test_the_unchecked_figures_pass_plotly_validation(data, places, outlines):
    """The app builds the growth map and the timeline's charts without plotly's per-property checks
    (they cost more than the rest of the page); the same specs, validated here, must be accepted
    and unchanged, titled or not, milestones named or not."""
    from hrcmap import legend

    _passes_plotly_validation(growth_map.growth_figure(places, growth_map.outline_xy(outlines), as_of=2010))
    for split in ("region", "family", "none"):
        grouped, colours = legend.growth_groups(places, split)
        growth = charts.cumulative_places(grouped, by="group")
        for title in ("", "Places"):
            _passes_plotly_validation(charts.cumulative_figure(growth, data.milestones, title, colours))
            _passes_plotly_validation(charts.cumulative_figure(growth, data.milestones, title, colours, named=()))
    for title in ("", "New commitments"):
        _passes_plotly_validation(charts.per_year_figure(charts.commitments_per_year(data.events), title))


def test_the_growth_map_runs_to_the_last_year_of_the_page_control(places, outlines):
    """One year control per chart: the animation's frames, its slider and its title reach the same
    last year as the page's "As of year" control, even when no place started that year."""
    last = int(places["first_year"].max()) + 3
    fig = growth_map.growth_figure(places, growth_map.outline_xy(outlines), as_of=last, until=last)
    assert fig.frames[-1].name == str(last)
    assert fig.layout.sliders[0].steps[-1].label == str(last)
    assert f"as of {last}," in fig.layout.title.text


def _frame_px(view, lat, lon):
    """Web Mercator pixel offsets of points from the view's centre at its zoom."""
    import math

    size = 512 * 2**view.zoom

    def y(v):
        return math.log(math.tan(math.pi / 4 + math.radians(v) / 2)) / (2 * math.pi) * size

    return [((x - view.longitude) / 360 * size, y(view.latitude) - y(a)) for a, x in zip(lat, lon)]


def test_the_map_opens_on_a_searched_place_on_a_filters_places_or_on_the_world():
    from hrcmap.mapviews import FRAME, WORLD, opening_view

    places = pd.DataFrame(
        {"place_id": ["graz-aut", "york-gbr", "lund-swe"], "lat": [47.07, 53.96, 55.7], "lon": [15.44, -1.08, 13.19]}
    )
    one = opening_view(places, "york-gbr", filtered=True)
    assert (one.latitude, one.longitude) == (53.96, -1.08) and one.zoom >= 4
    region = opening_view(places, None, filtered=True)
    assert region.zoom > WORLD.zoom + 1  # closer than the world
    width, height = FRAME[False]
    for dx, dy in _frame_px(region, places["lat"], places["lon"]):
        assert abs(dx) <= width / 2 and abs(dy) <= height / 2, "a filtered place falls outside the opening frame"
    phone = opening_view(places, None, filtered=True, phone=True)
    assert phone.zoom < region.zoom
    spread = pd.DataFrame({"place_id": ["a", "b"], "lat": [-33.9, 60.2], "lon": [151.2, -135.0]})
    assert opening_view(spread, None, filtered=True) is WORLD
    assert opening_view(places, None, filtered=False) is WORLD


def test_the_overview_writes_large_counts_with_thousands_separators():
    """The About page's first sentence, as a journalist would quote it: "1,952 recorded commitments"."""
    n = 1200
    events = pd.DataFrame(
        {
            "event_type": ["joined"] * n,
            "year": [2000 + i % 20 for i in range(n)],
            "place_id": [f"p{i}" for i in range(n)],
            "country_iso3": ["AUT"] * n,
        }
    )
    said = sentences.overview_sentence(events, events[["place_id", "country_iso3"]])
    assert said.startswith("1,200 places in 1 country made 1,200 recorded commitments between 2000 and 2019")


def test_the_growth_sentence_writes_thousands_with_a_separator():
    table = pd.DataFrame({"Asia": [600, 1308]}, index=pd.Index([2024, 2025], name="year"))
    assert "grew to 1,308; the largest group is Asia with 1,308." in sentences.growth_sentence(table)
