"""Exports for slides: chart PNG/SVG with title and source inside, the growth GIF/MP4, the embed snippet."""

from __future__ import annotations

import io
import json
import re
import tomllib

import numpy as np
import pandas as pd
import pytest
from PIL import Image

from hrcmap import animation, charts, growth_map, images
from hrcmap.filters import filter_events, places_view
from hrcmap.links import embed_snippet
from hrcmap.load import load_dataset
from hrcmap.palette import FAMILY_COLORS
from hrcmap.paths import COUNTRIES_GEOJSON, ROOT
from hrcmap.provenance import image_source
from hrcmap.state import ViewState

SOURCE = "Source: hrcmap test, CC BY 4.0, from 11 cited pages (most cited: example.org)."


@pytest.fixture(scope="module")
def data(built):
    return load_dataset(built)


@pytest.fixture(scope="module")
def places(data):
    events = filter_events(data.events, ViewState())
    return places_view(data.places, events, data.networks)


@pytest.fixture(scope="module")
def outlines():
    return json.loads(COUNTRIES_GEOJSON.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def figures(data, places, outlines):
    events = filter_events(data.events, ViewState())
    return {
        "cumulative": charts.cumulative_figure(charts.cumulative_places(places), data.milestones, "Growth"),
        "per-year": charts.per_year_figure(charts.per_year(events), "Per year"),
        "growth-map": growth_map.growth_figure(places, growth_map.outline_xy(outlines), as_of=2005),
        "coverage": charts.coverage_figure(charts.coverage_table("fx-coalition", data.events, data.network_counts), "FX"),
        "overlap": charts.overlap_figure(pd.DataFrame([[3, 1], [1, 2]], index=["A", "B"], columns=["A", "B"])),
        "milestones": charts.milestones_figure(data.milestones),
    }


def _svg_text(svg: bytes) -> str:
    """The visible text of an SVG (text kept as <text> elements), whitespace folded."""
    texts = re.findall(r"<text[^>]*>(.*?)</text>", svg.decode("utf-8"), flags=re.S)
    return " ".join(" ".join(t.split()) for t in texts)


@pytest.mark.parametrize("name", ["cumulative", "per-year", "growth-map", "coverage", "overlap", "milestones"])
def test_every_chart_exports_as_a_16_9_png_and_an_svg_with_title_and_source(figures, name):
    fig = figures[name]
    png = images.figure_image(fig, "png", f"Title of {name}", SOURCE)
    assert Image.open(io.BytesIO(png)).size == images.SLIDE
    svg = images.figure_image(fig, "svg", f"Title of {name}", SOURCE)
    text = _svg_text(svg)
    assert f"Title of {name}" in text
    assert "hrcmap test, CC BY 4.0" in text  # the source line is inside the picture, as text


def test_the_png_source_line_is_drawn_in_the_image(figures):
    """The bottom band of the PNG carries ink only when there is a source line to print."""
    fig = figures["cumulative"]
    with_source = np.asarray(Image.open(io.BytesIO(images.figure_image(fig, "png", "T", SOURCE))).convert("L"))
    without = np.asarray(Image.open(io.BytesIO(images.figure_image(fig, "png", "T", ""))).convert("L"))
    band = slice(images.SLIDE[1] - 24, images.SLIDE[1])
    assert (with_source[band] < 128).sum() > 200
    assert (without[band] < 128).sum() == 0


def test_milestone_labels_are_kept_as_text(figures):
    svg = _svg_text(images.figure_image(figures["milestones"], "svg", "M", SOURCE))
    assert "Rosario" in svg or "rosario" in svg.lower()


def test_an_unknown_image_format_is_refused(figures):
    with pytest.raises(ValueError, match="png, svg"):
        images.figure_image(figures["cumulative"], "bmp", "T", SOURCE)


def test_exports_are_reproducible(figures):
    a = images.figure_image(figures["per-year"], "svg", "T", SOURCE)
    assert a == images.figure_image(figures["per-year"], "svg", "T", SOURCE)


# ---- the growth animation -------------------------------------------------------------------------


def _three_places() -> pd.DataFrame:
    """Three places far apart: Quito (2001), Nairobi (2003), Seoul (2005)."""
    return pd.DataFrame(
        {
            "place_id": ["quito", "nairobi", "seoul"],
            "country_iso3": ["ECU", "KEN", "KOR"],
            "lon": [-78.5, 36.8, 127.0],
            "lat": [-0.2, -1.3, 37.6],
            "first_year": [2001, 2003, 2005],
            "family": ["coalitions", "refuge", "national-frameworks"],
        }
    )


def test_the_frame_plan_has_one_frame_per_year_with_running_counts(places):
    plan = animation.frame_plan(places)
    first = places["first_year"].astype(int)
    assert [f.year for f in plan] == list(range(first.min(), first.max() + 1))
    for frame in plan:
        assert frame.places == int((first <= frame.year).sum())
        assert frame.countries == places.loc[first <= frame.year, "country_iso3"].nunique()
    assert plan[-1].places == len(places)


def test_the_gif_has_one_frame_per_year_and_shows_each_place_from_its_year(outlines):
    few = _three_places()
    gif = Image.open(io.BytesIO(animation.gif(few, outlines, "T", SOURCE)))
    assert gif.size == animation.SIZE
    assert gif.n_frames == 5  # 2001 … 2005
    x, y = animation.project(few["lon"], few["lat"])
    for k, year in enumerate(range(2001, 2006)):
        gif.seek(k)
        frame = gif.convert("RGB")
        assert gif.info["duration"] == (animation.HOLD_MS if year == 2005 else animation.FRAME_MS)
        for i, place in few.iterrows():
            colour = tuple(int(FAMILY_COLORS[place["family"]][j : j + 2], 16) for j in (1, 3, 5))
            shown = frame.getpixel((round(x[i]), round(y[i]))) == colour
            assert shown == (place["first_year"] <= year), (place["place_id"], year)


def test_the_gif_of_the_dataset_fits_a_slide(places, outlines):
    payload = animation.gif(places, outlines, animation.DEFAULT_TITLE, SOURCE)
    gif = Image.open(io.BytesIO(payload))
    assert gif.n_frames == len(animation.frame_plan(places))
    assert gif.info.get("loop") == 0
    assert len(payload) < 3_000_000


def test_the_mp4_holds_each_year_and_the_last_one_longer(outlines):
    import imageio_ffmpeg

    payload = animation.mp4(_three_places(), outlines, "T", SOURCE)
    assert payload[4:8] == b"ftyp"
    path = ROOT / ".pytest_cache" / "growth-test.mp4"
    path.parent.mkdir(exist_ok=True)
    path.write_bytes(payload)
    try:
        frames, seconds = imageio_ffmpeg.count_frames_and_secs(str(path))
    finally:
        path.unlink()
    assert frames == 4 * 6 + 30  # four years at 0.6 s, the last held 3 s, at 10 frames a second
    assert seconds == pytest.approx(5.4, abs=0.2)


def test_nothing_to_animate_says_so(outlines):
    with pytest.raises(ValueError, match="nothing to animate"):
        animation.gif(_three_places().iloc[0:0], outlines, "T", SOURCE)


# ---- source line, embed snippet, themes ----------------------------------------------------------


def test_image_source_names_version_pages_licence_and_view(data):
    line = image_source("2026.11", "CC BY 4.0", data.events, "12 places in Europe.", "http://host/timeline?region=Europe")
    assert line.startswith("12 places in Europe. Source: hrcmap 2026.11, CC BY 4.0")
    assert f"from {data.events['source_url'].nunique()} cited pages" in line
    assert line.endswith("View: http://host/timeline?region=Europe")


def test_embed_snippet_uses_embed_mode_and_escapes_what_it_quotes():
    snippet = embed_snippet('http://host/timeline?region=Europe&q="><script>&embed=false', 'hrcmap: "x" <y>')
    assert snippet.startswith('<iframe src="http://host/timeline?region=Europe&amp;q=%22%3E%3Cscript%3E&amp;embed=true"')
    assert 'title="hrcmap: &quot;x&quot; &lt;y&gt;"' in snippet
    assert snippet.count("embed=") == 1 and "<script>" not in snippet


def _luminance(hex_colour: str) -> float:
    def channel(v: int) -> float:
        v /= 255
        return v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4

    r, g, b = (int(hex_colour[i : i + 2], 16) for i in (1, 3, 5))
    return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)


def contrast(a: str, b: str) -> float:
    hi, lo = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


@pytest.mark.parametrize("theme", ["light", "dark"])
def test_both_themes_meet_wcag_aa(theme):
    config = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text(encoding="utf-8"))["theme"][theme]
    for background in (config["backgroundColor"], config["secondaryBackgroundColor"]):
        assert contrast(config["textColor"], background) >= 4.5
        assert contrast(config["linkColor"], background) >= 4.5
    assert contrast("#FFFFFF", config["primaryColor"]) >= 4.5  # label on a primary button
    assert contrast(config["primaryColor"], config["backgroundColor"]) >= 3  # sliders, focus rings
    assert contrast(charts.MARK, config["backgroundColor"]) >= 3  # milestone diamonds


def test_the_growth_map_export_carries_its_colour_key(figures, places):
    from hrcmap.schema import FAMILIES

    text = _svg_text(images.figure_image(figures["growth-map"], "svg", "Growth", SOURCE))
    for family in set(places["family"]):
        assert FAMILIES[family] in text
