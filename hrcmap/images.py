"""Still images of the app's charts for slides and articles: PNG or SVG, title and source line inside.

The plotly figures the app shows are drawn again with matplotlib, on the server and without a
browser, so an export needs no Chrome, no network and no JavaScript. Only the trace kinds the
app's own builders make are handled: lines (also stacked), markers, marker text, bars (stacked,
with patterns) and heat maps. Text is kept as text in SVG, so a slide tool can search and edit it.
"""

from __future__ import annotations

import io
import math
from collections.abc import Sequence

import matplotlib

matplotlib.use("Agg")  # no display; must precede any pyplot-using import elsewhere

import numpy as np
import plotly.graph_objects as go
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.lines import Line2D

from .escape import matplotlib as plain

FORMATS = {"png": "image/png", "svg": "image/svg+xml"}
SLIDE = (1280, 720)  # 16:9 pixels
DPI = 100
INK = "#111111"
MUTED = "#444444"

_DASH = {"solid": "-", "dot": ":", "dash": "--", "longdash": (0, (8, 3)), "dashdot": "-.", "longdashdot": (0, (8, 3, 2, 3))}
_SYMBOL = {"circle": "o", "diamond": "D", "square": "s", "triangle-up": "^", "x": "x", "cross": "P"}
_HATCH = {"": "", "/": "//", "\\": "\\\\", "x": "xx", ".": "..", "+": "++", "-": "--", "|": "||"}


def _text(value) -> str:
    """The text of a plotly title object, or ''."""
    if value is None:
        return ""
    return plain(getattr(value, "text", value) or "")


def _scale_colour(value: float, scale, cmin: float, cmax: float) -> str:
    """The colour a plotly colour scale gives ``value`` (stepped scales are read edge by edge)."""
    t = 0.0 if cmax == cmin else (value - cmin) / (cmax - cmin)
    chosen = scale[0][1]
    for edge, colour in scale:
        if edge <= t:
            chosen = colour
    return chosen


def _marker_colours(marker, count: int):
    colour = marker.color
    if colour is None:
        return None
    if isinstance(colour, str):
        return colour
    values = list(colour)
    if values and all(isinstance(v, (int, float, np.integer, np.floating)) for v in values) and marker.colorscale:
        scale = [(float(e), c) for e, c in marker.colorscale]
        cmin = marker.cmin if marker.cmin is not None else min(values)
        cmax = marker.cmax if marker.cmax is not None else max(values)
        return [_scale_colour(float(v), scale, cmin, cmax) for v in values]
    return values[:count]


def _draw_scatter(ax, trace, stacks: dict) -> None:
    x = np.asarray(trace.x if trace.x is not None else [], dtype=float)
    y = np.asarray(trace.y if trace.y is not None else [], dtype=float)
    mode = trace.mode or "lines"
    line = trace.line
    colour = line.color if line and line.color else None
    style = _DASH.get(line.dash if line and line.dash else "solid", "-")
    width = (line.width if line and line.width else 2) * 0.9
    label = plain(trace.name) if trace.showlegend is not False and trace.name else None
    if getattr(trace, "stackgroup", None):
        base = stacks.setdefault(trace.stackgroup, {})
        lower = np.array([base.get(v, 0.0) for v in x])
        upper = lower + y
        for v, top in zip(x, upper):
            base[v] = top
        ax.fill_between(x, lower, upper, color=colour, alpha=0.35, linewidth=0)
        ax.plot(x, upper, color=colour, linestyle=style, linewidth=width, label=label)
        return
    if "lines" in mode:
        ax.plot(x, y, color=colour, linestyle=style, linewidth=width, label=label if "markers" not in mode else None)
    if "markers" in mode:
        marker = trace.marker
        colours = _marker_colours(marker, len(x)) if marker else None
        size = marker.size if marker and isinstance(marker.size, (int, float)) else 6
        edge = marker.line.color if marker and marker.line and marker.line.color else "none"
        ax.scatter(
            x,
            y,
            s=(size * 1.1) ** 2,
            c=colours,
            marker=_SYMBOL.get(str(marker.symbol) if marker else "", "o"),
            edgecolors=edge,
            linewidths=0.6,
            label=label,
            zorder=3,
        )
    if "text" in mode and trace.text is not None:
        texts = [trace.text] * len(x) if isinstance(trace.text, str) else list(trace.text)
        where = trace.textposition or ""
        positions = [where] * len(x) if isinstance(where, str) else list(where)
        for xv, yv, t, pos in zip(x, y, texts, positions):
            above = pos.startswith("top")
            ha = "left" if pos.endswith("right") else "right" if pos.endswith("left") else "center" if above else "left"
            ax.annotate(
                plain(t),
                (xv, yv),
                xytext=(0, 7) if above else (8, 0),
                textcoords="offset points",
                fontsize=9,
                color=INK,
                ha=ha,
                va="bottom" if above else "center",
                annotation_clip=False,
            )


def _draw_bars(ax, traces: Sequence, stacked: bool) -> None:
    categories = sorted({v for t in traces for v in (t.x or [])})
    index = {v: i for i, v in enumerate(categories)}
    bottoms = np.zeros(len(categories))
    width = 0.8 / (1 if stacked else max(1, len(traces)))
    for k, trace in enumerate(traces):
        pos = np.array([index[v] for v in trace.x], dtype=float)
        heights = np.asarray(trace.y, dtype=float)
        marker = trace.marker
        hatch = _HATCH.get(marker.pattern.shape if marker and marker.pattern and marker.pattern.shape else "", "")
        left = pos if stacked else pos - 0.4 + width * (k + 0.5)
        ax.bar(
            left,
            heights,
            width=width,
            bottom=bottoms[pos.astype(int)] if stacked else 0,
            color=marker.color if marker else None,
            hatch=hatch,
            edgecolor="#333333",
            linewidth=0.3,
            label=plain(trace.name),
        )
        if stacked:
            np.add.at(bottoms, pos.astype(int), heights)
    step = max(1, math.ceil(len(categories) / 16))
    ax.set_xticks(range(0, len(categories), step), [plain(c) for c in categories][::step])


def _draw_heatmap(ax, trace) -> None:
    z = np.asarray(trace.z, dtype=float)
    ax.imshow(z, cmap="Blues", aspect="auto")
    ax.set_xticks(range(len(trace.x)), [plain(v) for v in trace.x], rotation=45, ha="right", fontsize=9)
    ax.set_yticks(range(len(trace.y)), [plain(v) for v in trace.y], fontsize=9)
    top = np.nanmax(z) if z.size else 0
    for (i, j), v in np.ndenumerate(z):
        ax.text(j, i, f"{v:g}", ha="center", va="center", fontsize=8, color="#FFFFFF" if v > top * 0.6 else INK)


def render(fig: go.Figure, title: str, source: str, size: tuple[int, int] = SLIDE) -> Figure:
    """A matplotlib figure of ``fig`` at ``size`` pixels, with ``title`` on top and ``source`` at the foot."""
    width, height = size
    out = Figure(figsize=(width / DPI, height / DPI), dpi=DPI, facecolor="#FFFFFF")
    FigureCanvasAgg(out)
    ax = out.add_axes((0.07, 0.2, 0.9, 0.66))
    layout = fig.layout
    traces = list(fig.data)
    bars = [t for t in traces if t.type == "bar"]
    stacks: dict = {}
    for trace in traces:
        if trace.type in ("scatter", "scattergl"):
            _draw_scatter(ax, trace, stacks)
        elif trace.type == "heatmap":
            _draw_heatmap(ax, trace)
    if bars:
        _draw_bars(ax, bars, stacked=layout.barmode in ("stack", "relative"))
    xaxis, yaxis = layout.xaxis, layout.yaxis
    if xaxis.visible is False and yaxis.visible is False:
        ax.set_axis_off()
        if xaxis.range:
            ax.set_xlim(*xaxis.range)
        if yaxis.range:
            ax.set_ylim(*yaxis.range)
        if yaxis.scaleanchor:
            ax.set_aspect("equal", adjustable="box")
    else:
        ax.set_xlabel(_text(xaxis.title), color=INK, fontsize=11)
        ax.set_ylabel(_text(yaxis.title), color=INK, fontsize=11)
        if yaxis.visible is False:
            ax.get_yaxis().set_visible(False)
        if yaxis.range and yaxis.visible is False:
            ax.set_ylim(*yaxis.range)
        if yaxis.autorange == "reversed" and not any(t.type == "heatmap" for t in traces):
            ax.invert_yaxis()
        for side in ("top", "right"):
            ax.spines[side].set_visible(False)
        ax.tick_params(colors=INK, labelsize=10)
        ax.grid(axis="y", color="#DDDDDD", linewidth=0.6)
        ax.set_axisbelow(True)
    handles, labels = ax.get_legend_handles_labels()
    meta = layout.meta if isinstance(layout.meta, dict) else {}
    for label, colour in meta.get("legend", []):  # a colour key the figure carries for its markers
        handles.append(Line2D([], [], marker="o", linestyle="", markersize=9, markerfacecolor=colour, markeredgecolor="#FFFFFF"))
        labels.append(plain(label))
    if len(labels) > 1:
        out.legend(
            handles,
            labels,
            loc="lower center",
            bbox_to_anchor=(0.5, 0.055),
            ncol=min(4 if meta.get("legend") else 6, len(labels)),
            frameon=False,
            fontsize=10,
        )
    out.text(0.02, 0.95, plain(title), fontsize=20, fontweight="bold", color=INK, va="top", ha="left", wrap=True)
    out.text(0.02, 0.015, plain(source), fontsize=9.5, color=MUTED, va="bottom", ha="left", wrap=True)
    return out


def figure_image(fig: go.Figure, fmt: str, title: str, source: str, size: tuple[int, int] = SLIDE) -> bytes:
    """``fig`` as PNG or SVG bytes, its title and source line drawn inside the picture."""
    if fmt not in FORMATS:
        raise ValueError(f"Unknown image format {fmt!r}: use one of {', '.join(FORMATS)}.")
    buffer = io.BytesIO()
    _save(render(fig, title, source, size), fmt, buffer)
    return buffer.getvalue()


def _save(out: Figure, fmt: str, buffer: io.BytesIO) -> None:
    if fmt == "svg":
        with matplotlib.rc_context({"svg.fonttype": "none", "svg.hashsalt": "hrcmap"}):
            out.savefig(buffer, format="svg", metadata={"Date": None})
    else:
        out.savefig(buffer, format="png", dpi=DPI, metadata={"Software": None})
