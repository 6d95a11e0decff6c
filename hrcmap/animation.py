"""The movement's growth as an animated GIF or MP4, drawn on the server from the shipped outlines.

One frame per year, from the first commitment to the last: every place whose first commitment
came in or before that year, coloured by network family, with the title, a large year counter,
the count of places and countries, a legend and the source line in every frame. Pillow draws
the frames (no browser, no tiles, no network); MP4 goes through the ffmpeg binary that the
imageio-ffmpeg wheel carries.
"""

from __future__ import annotations

import io
import os
import tempfile
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np
import pandas as pd
from PIL import Image, ImageDraw, ImageFont

from .palette import FAMILY_COLORS
from .schema import FAMILIES

SIZE = (1280, 720)  # 16:9, fits a slide
LON = (-170.0, 190.0)  # the same window as the app's growth map
LAT = (-58.0, 84.0)
MAP_TOP = 92  # pixels above the map: title and counter
BACKGROUND = (255, 255, 255)
INK = (17, 17, 17)
MUTED = (68, 68, 68)
LAND_EDGE = (150, 150, 150)
RADIUS = 5
FRAME_MS = 600
HOLD_MS = 3000
DEFAULT_TITLE = "The human rights cities movement, year by year"  # the last year stays on screen before the loop starts again


@dataclass(frozen=True)
class Frame:
    year: int
    places: int  # places in by this year
    countries: int


def frame_plan(places: pd.DataFrame) -> list[Frame]:
    """One frame per year from the first year to the last, with the running counts it shows."""
    if places.empty:
        return []
    first = places["first_year"].astype(int)
    frames = []
    for year in range(int(first.min()), int(first.max()) + 1):
        shown = places[first <= year]
        frames.append(Frame(year, len(shown), shown["country_iso3"].nunique()))
    return frames


def project(lon, lat, size: tuple[int, int] = SIZE, wrap: bool = True) -> tuple[np.ndarray, np.ndarray]:
    """Longitude/latitude → pixel x/y on the frame (plate carrée over the map window).

    Points west of the window wrap to its east edge (the far east of Russia, Fiji); outlines are
    projected with ``wrap=False`` so a ring stays whole and its western tip is simply cut off.
    """
    width, _ = size
    scale = width / (LON[1] - LON[0])
    lon = np.asarray(lon, dtype=float)
    if wrap:
        lon = np.where(lon < LON[0], lon + 360, lon)
    return (lon - LON[0]) * scale, MAP_TOP + (LAT[1] - np.asarray(lat, dtype=float)) * scale


@lru_cache(maxsize=8)
def _font(size: int, bold: bool = False) -> ImageFont.FreeTypeFont:
    """DejaVu Sans from matplotlib's own files: wide script coverage, no system font needed."""
    import matplotlib

    name = "DejaVuSans-Bold.ttf" if bold else "DejaVuSans.ttf"
    return ImageFont.truetype(str(Path(matplotlib.get_data_path()) / "fonts" / "ttf" / name), size)


def _wrap(draw: ImageDraw.ImageDraw, text: str, font, width: int) -> list[str]:
    lines, line = [], ""
    for word in text.split():
        trial = f"{line} {word}".strip()
        if line and draw.textlength(trial, font=font) > width:
            lines.append(line)
            line = word
        else:
            line = trial
    return lines + ([line] if line else [])


def _background(outlines: dict, title: str, source: str, families: list[str], size: tuple[int, int]) -> Image.Image:
    image = Image.new("RGB", size, BACKGROUND)
    draw = ImageDraw.Draw(image)
    for feature in outlines["features"]:
        geom = feature["geometry"]
        polygons = geom["coordinates"] if geom["type"] == "MultiPolygon" else [geom["coordinates"]]
        for polygon in polygons:
            ring = np.asarray(polygon[0], dtype=float)
            if ring[:, 1].max() < LAT[0]:
                continue  # Antarctica lies below the window
            x, y = project(ring[:, 0], ring[:, 1], size, wrap=False)
            draw.line(list(zip(x.tolist(), y.tolist())), fill=LAND_EDGE, width=1)
    width, height = size
    map_bottom = int(MAP_TOP + (LAT[1] - LAT[0]) * width / (LON[1] - LON[0]))
    draw.rectangle((0, map_bottom, width, height), fill=BACKGROUND)
    draw.text((24, 18), title, font=_font(30, bold=True), fill=INK)
    # legend: one dot and label per family present
    pen_x, pen_y = 24, height - 86  # the legend's pen, in pixels
    for family in families:
        label = FAMILIES.get(family, family)
        draw.ellipse((pen_x, pen_y + 3, pen_x + 2 * RADIUS + 2, pen_y + 2 * RADIUS + 5), fill=FAMILY_COLORS[family], outline=INK)
        draw.text((pen_x + 18, pen_y), label, font=_font(15), fill=INK)
        pen_x += 40 + int(draw.textlength(label, font=_font(15)))
        if pen_x > width - 260:
            pen_x, pen_y = 24, pen_y + 22
    lines = _wrap(draw, source, _font(13), width - 48)[:2]
    for k, line in enumerate(lines):
        draw.text((24, height - 40 + 17 * k), line, font=_font(13), fill=MUTED)
    return image


def frames(places: pd.DataFrame, outlines: dict, title: str, source: str, size: tuple[int, int] = SIZE):
    """Yield (Frame, RGB image) for each year of ``frame_plan``."""
    plan = frame_plan(places)
    if not plan:
        return
    ordered = places.sort_values(["first_year", "place_id"], kind="stable")
    families = [f for f in FAMILY_COLORS if f in set(ordered["family"])]
    base = _background(outlines, title, source, families, size)
    x, y = project(ordered["lon"], ordered["lat"], size)
    first = ordered["first_year"].astype(int).to_numpy()
    colours = [FAMILY_COLORS.get(f, FAMILY_COLORS["local"]) for f in ordered["family"]]
    width = size[0]
    for frame in plan:
        image = base.copy()
        draw = ImageDraw.Draw(image)
        for i in np.flatnonzero(first <= frame.year):
            draw.ellipse(
                (x[i] - RADIUS, y[i] - RADIUS, x[i] + RADIUS, y[i] + RADIUS), fill=colours[i], outline=BACKGROUND, width=1
            )
        year_font, count_font = _font(64, bold=True), _font(20)
        draw.text((width - 24, 8), str(frame.year), font=year_font, fill=INK, anchor="ra")
        counts = f"{frame.places} places in {frame.countries} countries"
        draw.text((24, 58), counts, font=count_font, fill=INK)
        yield frame, image


def _rendered(places: pd.DataFrame, outlines: dict, title: str, source: str, size: tuple[int, int]) -> list[Image.Image]:
    rendered = [image for _, image in frames(places, outlines, title, source, size)]
    if not rendered:
        raise ValueError("No place matches this view, so there is nothing to animate.")
    return rendered


def _palette_image(families: list[str]) -> Image.Image:
    """A fixed palette: the family colours exactly, then greys for text and outline edges."""
    colours = [BACKGROUND, INK, MUTED, LAND_EDGE] + [
        tuple(int(FAMILY_COLORS[f][i : i + 2], 16) for i in (1, 3, 5)) for f in families
    ]
    greys = [(v, v, v) for v in range(0, 256, 8)]
    flat = [c for colour in colours + greys for c in colour]
    palette = Image.new("P", (1, 1))
    palette.putpalette(flat + [0] * (768 - len(flat)))
    return palette


def gif(places: pd.DataFrame, outlines: dict, title: str, source: str, size: tuple[int, int] = SIZE) -> bytes:
    """The animated GIF: one frame per year, the last one held, looping."""
    rendered = _rendered(places, outlines, title, source, size)
    palette = _palette_image(list(FAMILY_COLORS))
    still = [image.quantize(palette=palette, dither=Image.Dither.NONE) for image in rendered]
    durations = [FRAME_MS] * (len(still) - 1) + [HOLD_MS]
    out = io.BytesIO()
    still[0].save(
        out, format="GIF", save_all=True, append_images=still[1:], duration=durations, loop=0, optimize=False, disposal=1
    )
    return out.getvalue()


def mp4(places: pd.DataFrame, outlines: dict, title: str, source: str, size: tuple[int, int] = SIZE) -> bytes:
    """The same frames as an H.264 MP4 (yuv420p, plays in slide software and browsers)."""
    import imageio_ffmpeg

    rendered = _rendered(places, outlines, title, source, size)
    fps = 10
    per_year, hold = FRAME_MS * fps // 1000, HOLD_MS * fps // 1000
    handle, path = tempfile.mkstemp(suffix=".mp4")
    os.close(handle)
    try:
        writer = imageio_ffmpeg.write_frames(
            path,
            size,
            fps=fps,
            codec="libx264",
            pix_fmt_out="yuv420p",
            macro_block_size=8,
            ffmpeg_log_level="error",
            output_params=["-movflags", "+faststart"],
        )
        writer.send(None)
        for k, image in enumerate(rendered):
            data = image.tobytes()
            for _ in range(hold if k == len(rendered) - 1 else per_year):
                writer.send(data)
        writer.close()
        return Path(path).read_bytes()
    finally:
        Path(path).unlink(missing_ok=True)
