"""The map as a still image for slides: what a reader of the PNG or SVG sees."""

from __future__ import annotations

import io
import json
import re
import xml.etree.ElementTree as ET

import pytest
from PIL import Image

from hrcmap import mapstill
from hrcmap.filters import filter_events, places_view
from hrcmap.load import load_dataset
from hrcmap.palette import FAMILY_COLORS
from hrcmap.paths import COUNTRIES_GEOJSON
from hrcmap.schema import FAMILIES
from hrcmap.state import ViewState

SOURCE = "Source: hrcmap test, CC BY 4.0, from 11 cited pages (most cited: example.org)."


@pytest.fixture(scope="module")
def data(built):
    return load_dataset(built)


def _places(data, state: ViewState):
    return places_view(data.places, filter_events(data.events, state), data.networks)


@pytest.fixture(scope="module")
def outlines():
    return json.loads(COUNTRIES_GEOJSON.read_text(encoding="utf-8"))


def _svg_texts(svg: bytes) -> list[str]:
    root = ET.fromstring(svg)  # also proves the SVG is well-formed XML
    return ["".join(t.itertext()) for t in root.iter("{http://www.w3.org/2000/svg}text")]


def test_png_is_a_slide_with_the_places_drawn_in_their_colours(data, outlines):
    places = _places(data, ViewState())
    png = mapstill.map_image(places, outlines, "png", "Human rights cities of the world", "8 places", SOURCE)
    image = Image.open(io.BytesIO(png)).convert("RGB")
    assert image.size == mapstill.SIZE
    colours = {"#{:02x}{:02x}{:02x}".format(*c) for _, c in image.getcolors(maxcolors=1 << 20)}
    for family in set(places["family"]):
        assert FAMILY_COLORS[family].lower() in colours, f"no circle in the colour of {family}"


def test_svg_says_what_it_shows_title_subtitle_legend_names_and_source(data, outlines):
    places = _places(data, ViewState())
    svg = mapstill.map_image(places, outlines, "svg", "Human rights cities of the world", "8 places in 7 countries", SOURCE)
    texts = _svg_texts(svg)
    assert "Human rights cities of the world" in texts
    assert "8 places in 7 countries" in texts
    assert texts[-1] == SOURCE
    for family in set(places["family"]):
        assert FAMILIES[family] in texts, f"the legend does not name {FAMILIES[family]}"
    named = set(texts) & set(places["name"])
    assert named, "no place is named on the map"


def test_the_selected_place_is_ringed_and_named_in_bold(data, outlines):
    places = _places(data, ViewState())
    svg = mapstill.map_image(places, outlines, "svg", "T", "S", SOURCE, selected="walewale-gha").decode()
    assert re.search(r'<text[^>]*font-weight="bold"[^>]*>Walewale</text>', svg)
    assert re.search(r'<circle[^>]*r="14" fill="none"', svg)


def test_names_never_overlap_and_stay_on_the_map(data, outlines):
    places = _places(data, ViewState())
    drawn = mapstill.scene(places, outlines, "T", "S", SOURCE)
    width, height = drawn.size
    boxes = []
    from PIL import ImageDraw

    from hrcmap.animation import _font

    measure = ImageDraw.Draw(Image.new("RGB", (1, 1)))
    for label in drawn.labels:
        w = measure.textlength(label.text, font=_font(14, bold=label.bold))
        left = label.x if label.anchor == "start" else label.x - w
        boxes.append((left, label.y - 9, left + w, label.y + 9))
    assert boxes
    for i, a in enumerate(boxes):
        assert a[0] >= 0 and a[2] <= width and a[1] >= mapstill.HEADER and a[3] <= height - mapstill.FOOTER
        for b in boxes[i + 1 :]:
            assert not (a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]), f"{a} overlaps {b}"


def test_a_region_is_framed_on_its_own_not_as_a_corner_of_the_world(data, outlines):
    europe = _places(data, ViewState(region=("Europe",)))
    assert len(europe) >= 2
    world_frame = mapstill.scene(europe, outlines, "T", "S", SOURCE, size=mapstill.SIZE)
    xs = [p.x for p in world_frame.points]
    ys = [p.y for p in world_frame.points]
    # on a world map, Graz to York spans about 60 px; framed on Europe it fills a good part of the width
    assert max(xs) - min(xs) > 200 or max(ys) - min(ys) > 150
    for p in world_frame.points:
        assert 0 <= p.x <= mapstill.SIZE[0] and mapstill.HEADER <= p.y <= mapstill.SIZE[1] - mapstill.FOOTER


def test_markup_in_names_and_titles_stays_text(data, outlines):
    places = _places(data, ViewState()).copy()
    places["name"] = places["name"].astype(str)
    places.loc[places.index[0], "name"] = "<script>alert(1)</script> & Co"
    places["label"] = ""
    svg = mapstill.map_image(places, outlines, "svg", 'Title <b>"x"</b>', "S & <i>t</i>", SOURCE)
    texts = _svg_texts(svg)
    assert 'Title <b>"x"</b>' in texts
    assert "S & <i>t</i>" in texts
    assert b"<script>" not in svg and b"<b>" not in svg


def test_long_subtitle_wraps_to_two_lines_and_is_cut_beyond(data, outlines):
    places = _places(data, ViewState())
    long = "87 places in 23 countries made 124 commitments on anti-racism " * 6
    texts = _svg_texts(mapstill.map_image(places, outlines, "svg", "T", long, SOURCE))
    sub = [t for t in texts if t.startswith("87 places") or t.startswith("commitments") or "anti-racism" in t]
    assert len(sub) == 2 and sub[1].endswith("…")


def test_an_empty_view_draws_the_world_without_places_and_a_bad_format_is_refused(data, outlines):
    empty = _places(data, ViewState()).iloc[0:0]
    drawn = mapstill.scene(empty, outlines, "T", "No place matches", SOURCE)
    assert drawn.land and not drawn.points and not drawn.labels
    with pytest.raises(ValueError, match="PNG or SVG"):
        mapstill.map_image(empty, outlines, "gif", "T", "S", SOURCE)
