"""Exports for slides: how long each takes on the server and how big it is, beside a baseline.

The baseline **E0** is the cheapest still image matplotlib can make at the same size: an empty
1280×720 figure with one line of text, saved as PNG, measured in the same run. Each export of
the whole dataset (chart PNG/SVG, growth GIF/MP4) is printed as a median time, its ratio to E0
and its size. Not a test: it prints figures.

    .venv/bin/python bench/exports.py [--repeat N]
"""

from __future__ import annotations

import argparse
import io
import json
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure

from hrcmap import animation, charts, filters, growth_map, images, provenance, sentences
from hrcmap.load import load_dataset
from hrcmap.paths import COUNTRIES_GEOJSON, processed_dir
from hrcmap.state import ViewState


def e0() -> bytes:
    fig = Figure(figsize=(12.8, 7.2), dpi=100)
    FigureCanvasAgg(fig)
    fig.text(0.02, 0.95, "E0")
    out = io.BytesIO()
    fig.savefig(out, format="png")
    return out.getvalue()


def timed(fn, repeat: int) -> tuple[float, int]:
    times, size = [], 0
    for _ in range(repeat):
        start = time.perf_counter()
        size = len(fn())
        times.append(time.perf_counter() - start)
    return statistics.median(times), size


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    data = load_dataset(processed_dir())
    events = filters.filter_events(data.events, ViewState())
    places = filters.places_view(data.places, events, data.networks)
    outlines = json.loads(COUNTRIES_GEOJSON.read_text(encoding="utf-8"))
    source = provenance.image_source(
        data.version, provenance.licence_name(data.package), events, sentences.describe(events, ViewState(), {})
    )
    figures = {
        "cumulative": charts.cumulative_figure(charts.cumulative_places(places), data.milestones, ""),
        "per-year": charts.per_year_figure(charts.per_year(events)),
        "growth-map": growth_map.growth_figure(places, growth_map.outline_xy(outlines)),
    }
    base, _ = timed(e0, args.repeat * 2)
    print(f"{len(places)} places, {len(events)} events; E0 (empty 1280×720 PNG) {base * 1000:.0f} ms\n")
    print(f"{'export':<22}{'median':>10}{'× E0':>8}{'size':>12}")
    for name, fig in figures.items():
        for fmt in images.FORMATS:
            t, size = timed(lambda fig=fig, fmt=fmt, name=name: images.figure_image(fig, fmt, name, source), args.repeat)
            print(f"{name + ' ' + fmt:<22}{t * 1000:>8.0f}ms{t / base:>8.1f}{size / 1024:>10.0f}kB")
    frames = len(animation.frame_plan(places))
    for kind, draw, repeat in (("gif", animation.gif, args.repeat), ("mp4", animation.mp4, max(1, args.repeat // 2))):
        t, size = timed(lambda draw=draw: draw(places, outlines, animation.DEFAULT_TITLE, source), repeat)
        print(f"{'growth ' + kind + f' ({frames} yrs)':<22}{t * 1000:>8.0f}ms{t / base:>8.1f}{size / 1024:>10.0f}kB")


if __name__ == "__main__":
    main()
