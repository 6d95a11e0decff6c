"""A still image of the map as the reader sees it, for slides and articles: PNG or SVG, drawn on the server.

One :class:`~hrcmap.mapscene.Scene` (the shipped outlines, the map's circles in its colours and sizes,
names, title, subtitle, legend, source line), written by Pillow as PNG or by hand as SVG. No browser,
tiles or network are needed; SVG keeps its text as text, so a slide tool can edit it.
"""

from __future__ import annotations

import io
from xml.sax.saxutils import escape as xml_escape

import pandas as pd
from PIL import Image, ImageDraw

from .animation import _font, _wrap
from .mapscene import FOOTER, HEADER, SIZE, Scene, scene

FORMATS = {"png": "image/png", "svg": "image/svg+xml"}
LAND, LAND_EDGE, WATER = "#ecece6", "#a0a0a0", "#ffffff"
INK, MUTED = "#111111", "#444444"
FONT = "DejaVu Sans, Verdana, Arial, sans-serif"


def _legend_layout(scene: Scene, draw: ImageDraw.ImageDraw) -> list[tuple[float, float, str, str]]:
    """(x, y, label, colour-or-mark) for each legend entry, wrapped onto lines within the width."""
    width, height = scene.size
    pen_x, pen_y = 24.0, float(height - FOOTER + 12)
    out: list[tuple[float, float, str, str]] = []
    for label, colour in scene.legend:
        w = draw.textlength(label, font=_font(14)) + 40
        if pen_x + w > width - 24 and pen_x > 24:
            pen_x, pen_y = 24.0, pen_y + 22
        out.append((pen_x, pen_y, label, colour))
        pen_x += w
    return out


def _subtitle(scene: Scene, draw: ImageDraw.ImageDraw) -> tuple[int, list[str]]:
    """The subtitle in one line at 17 px, or in two at 14 px when it is long (cut with … beyond that)."""
    width = scene.size[0] - 48
    lines = _wrap(draw, scene.subtitle, _font(17), width)
    if len(lines) <= 1:
        return 17, lines
    lines = _wrap(draw, scene.subtitle, _font(14), width)
    if len(lines) > 2:
        lines = [lines[0], lines[1].rstrip(".,;") + " …"]
    return 14, lines


def _source_lines(scene: Scene, draw: ImageDraw.ImageDraw) -> list[str]:
    return _wrap(draw, scene.source, _font(12), scene.size[0] - 48)[:2]


def png(scene: Scene) -> bytes:
    width, height = scene.size
    image = Image.new("RGB", scene.size, WATER)
    draw = ImageDraw.Draw(image)
    for ring in scene.land:
        draw.polygon(ring, fill=LAND, outline=LAND_EDGE)
    for p in scene.points:
        box = (p.x - p.r, p.y - p.r, p.x + p.r, p.y + p.r)
        if p.mark == "seat":
            draw.ellipse((box[0] - 3, box[1] - 3, box[2] + 3, box[3] + 3), outline=p.colour, width=3)
        else:
            draw.ellipse(box, fill=p.colour, outline="#000000" if p.mark == "ended" else "#ffffff", width=2 if p.mark else 1)
    if scene.selected:
        sx, sy = scene.selected
        draw.ellipse((sx - 14, sy - 14, sx + 14, sy + 14), outline=INK, width=3)
    for label in scene.labels:
        draw.text(
            (label.x, label.y),
            label.text,
            font=_font(14, bold=label.bold),
            fill=INK,
            anchor="lm" if label.anchor == "start" else "rm",
            stroke_width=3,
            stroke_fill=WATER,
        )
    # the words: on white bands above and below the map
    draw.rectangle((0, 0, width, HEADER), fill=WATER)
    draw.rectangle((0, height - FOOTER, width, height), fill=WATER)
    draw.text((24, 14), scene.title, font=_font(28, bold=True), fill=INK)
    size, lines = _subtitle(scene, draw)
    for k, line in enumerate(lines):
        draw.text((24, 50 + (size + 3) * k), line, font=_font(size), fill=MUTED)
    for x, y, name, colour in _legend_layout(scene, draw):
        _legend_mark_png(draw, x, y + 9, colour)
        draw.text((x + 20, y + 9), name, font=_font(14), fill=INK, anchor="lm")
    for k, line in enumerate(_source_lines(scene, draw)):
        draw.text((24, height - 38 + 16 * k), line, font=_font(12), fill=MUTED)
    out = io.BytesIO()
    image.save(out, format="PNG", optimize=True)
    return out.getvalue()


def _legend_mark_png(draw: ImageDraw.ImageDraw, x: float, y: float, colour: str) -> None:
    box = (x, y - 6, x + 12, y + 6)
    if colour == "ended":
        draw.ellipse(box, fill=WATER, outline="#000000", width=2)
    elif colour == "seat":
        draw.ellipse((x - 1, y - 7, x + 13, y + 7), outline="#767676", width=3)
    else:
        draw.ellipse(box, fill=colour, outline="#767676")


def svg(scene: Scene) -> bytes:
    width, height = scene.size
    measure = ImageDraw.Draw(Image.new("RGB", (1, 1)))

    def t(value: str) -> str:
        return xml_escape(value, {'"': "&quot;"})

    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" viewBox="0 0 {width} {height}" '
        f'font-family="{FONT}">',
        f"<title>{t(scene.title)}</title>",
        f'<rect width="{width}" height="{height}" fill="{WATER}"/>',
        f'<g fill="{LAND}" stroke="{LAND_EDGE}" stroke-width="1" stroke-linejoin="round">',
    ]
    parts += ['<path d="M' + " L".join(f"{a},{b}" for a, b in ring) + 'Z"/>' for ring in scene.land]
    parts.append("</g>")
    for p in scene.points:
        if p.mark == "seat":
            parts.append(
                f'<circle cx="{p.x:.1f}" cy="{p.y:.1f}" r="{p.r + 2:.1f}" fill="none" stroke="{p.colour}" stroke-width="3"/>'
            )
        else:
            edge, w = ("#000000", 2) if p.mark == "ended" else ("#ffffff", 1)
            parts.append(
                f'<circle cx="{p.x:.1f}" cy="{p.y:.1f}" r="{p.r:.1f}" fill="{p.colour}" stroke="{edge}" stroke-width="{w}"/>'
            )
    if scene.selected:
        sx, sy = scene.selected
        parts.append(f'<circle cx="{sx:.1f}" cy="{sy:.1f}" r="14" fill="none" stroke="{INK}" stroke-width="3"/>')
    for label in scene.labels:
        weight = ' font-weight="bold"' if label.bold else ""
        parts.append(
            f'<text x="{label.x:.1f}" y="{label.y:.1f}" font-size="14"{weight} text-anchor="{label.anchor}" '
            f'dominant-baseline="central" fill="{INK}" stroke="{WATER}" stroke-width="3" paint-order="stroke">'
            f"{t(label.text)}</text>"
        )
    parts += [
        f'<rect width="{width}" height="{HEADER}" fill="{WATER}"/>',
        f'<rect y="{height - FOOTER}" width="{width}" height="{FOOTER}" fill="{WATER}"/>',
        f'<text x="24" y="42" font-size="28" font-weight="bold" fill="{INK}">{t(scene.title)}</text>',
    ]
    size, lines = _subtitle(scene, measure)
    parts += [
        f'<text x="24" y="{50 + size + (size + 3) * k - 2}" font-size="{size}" fill="{MUTED}">{t(line)}</text>'
        for k, line in enumerate(lines)
    ]
    for x, y, name, colour in _legend_layout(scene, measure):
        cy = y + 9
        if colour == "ended":
            parts.append(f'<circle cx="{x + 6}" cy="{cy}" r="5" fill="{WATER}" stroke="#000000" stroke-width="2"/>')
        elif colour == "seat":
            parts.append(f'<circle cx="{x + 6}" cy="{cy}" r="6" fill="none" stroke="#767676" stroke-width="3"/>')
        else:
            parts.append(f'<circle cx="{x + 6}" cy="{cy}" r="6" fill="{t(colour)}" stroke="#767676"/>')
        parts.append(f'<text x="{x + 20}" y="{cy}" font-size="14" dominant-baseline="central" fill="{INK}">{t(name)}</text>')
    for k, line in enumerate(_source_lines(scene, measure)):
        parts.append(f'<text x="24" y="{height - 27 + 16 * k}" font-size="12" fill="{MUTED}">{t(line)}</text>')
    parts.append("</svg>")
    return "\n".join(parts).encode("utf-8")


def map_image(
    places: pd.DataFrame,
    outlines: dict,
    fmt: str,
    title: str,
    subtitle: str,
    source: str,
    colour: str = "family",
    selected: str | None = None,
    size: tuple[int, int] = SIZE,
) -> bytes:
    """The map of ``places`` as PNG or SVG bytes."""
    if fmt not in FORMATS:
        raise ValueError(f"A map image is PNG or SVG, not {fmt!r}.")
    drawn = scene(places, outlines, title, subtitle, source, colour, selected, size)
    return png(drawn) if fmt == "png" else svg(drawn)
