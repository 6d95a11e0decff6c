"""``python -m hrcmap publish OUT/``: the atlas as plain files any static host or CDN can serve.

One page per view an article would embed: the world map, the growth timeline with its play slider,
each continent and each network with places. Each page is self-contained: its figure (drawn on the
shipped outlines, no tiles), its title, filter sentence, source line, licence and dataset version,
a link back to the live view, the tags a link preview reads (title, description, a preview image
made by the map's still export), and its data as a JSON file beside it. Plotly's JavaScript is
written once into ``assets/`` and loaded by a relative path, so a page works from ``file://`` with
no outside request. The site is written to a new folder and swapped in whole: a failed publish
leaves the old site as it was.
"""

from __future__ import annotations

import html
import json
import os
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlencode

import pandas as pd

from . import filters, growth_map, mapstill, sentences
from .legend import legend_html, map_legend_items
from .links import static_page
from .load import Dataset
from .mapscene import window
from .provenance import image_source, licence_name
from .state import ViewState, to_query
from .swap import BuildError, _exchange, _remove

MARKER = "hrcmap-site.json"  # names a folder as an earlier publish, which a new one may replace
PREVIEW_SIZE = (1200, 630)  # what link previews show


@dataclass(frozen=True)
class Page:
    path: str  # folder inside the site, "" for the front page
    title: str
    state: ViewState
    animated: bool  # the growth timeline's play slider, or the map as of today


def pages(data: Dataset) -> list[Page]:
    """The world map, the growth timeline, each continent with places and each network with places."""
    names = dict(zip(data.networks["network_id"], data.networks["short_name"]))
    views = [("Human rights cities of the world", ViewState(), False)]
    views.append(("The human rights cities movement, year by year", ViewState(), True))
    views += [(f"Human rights cities in {r}", ViewState(region=(r,)), False) for r in sorted(set(data.events["region"]))]
    views += [
        (f"Places in {names.get(n, n)}", ViewState(network=(n,)), False) for n in sorted(set(data.events["network_id"]) - {""})
    ]
    # each page's folder is the one the share button offers for the same view (links.static_page)
    return [Page(str(static_page(state.as_dict(), animated)), title, state, animated) for title, state, animated in views]


def _figure_json(places: pd.DataFrame, outline: tuple, animated: bool, title: str) -> str:
    fig = growth_map.growth_figure(places, outline, title=title)
    if not animated:  # the map as of the last year: no frames, no play button, no slider, framed on its places
        fig.frames = []
        fig.layout.updatemenus = []
        fig.layout.sliders = []
        fig.layout.title = {"text": title}
        if len(places):
            west, east, south, north = window(places["lon"].astype(float), places["lat"].astype(float))
            fig.layout.xaxis.range = [west, east]
            fig.layout.yaxis.range = [south, north]
    return fig.to_json()


def _page_html(page: Page, depth: int, figure: str, sentence: str, source: str, live: str | None, preview: str, key: str) -> str:
    """The page: text escaped as HTML, the figure's JSON made safe to sit inside a script element."""
    up = "../" * depth
    esc = html.escape
    safe_json = figure.replace("</", "<\\/")
    back = f' · <a href="{esc(live)}">Open the live view</a>' if live else ""
    return f"""<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{esc(page.title)} · hrcmap</title>
<meta name="description" content="{esc(sentence)}">
<meta property="og:type" content="website">
<meta property="og:title" content="{esc(page.title)}">
<meta property="og:description" content="{esc(sentence)}">
<meta property="og:image" content="{esc(preview)}">
<meta name="twitter:card" content="summary_large_image">
<style>
body {{ font-family: "Source Sans Pro", "Helvetica Neue", Arial, sans-serif; margin: 0 auto; max-width: 1100px;
  padding: 12px 16px; color: #111; background: #fff; }}
h1 {{ font-size: 1.6rem; margin: 0.3rem 0; }} p {{ line-height: 1.45; }} .source {{ color: #444; font-size: 0.85rem; }}
a {{ color: #0b57a4; }} #figure {{ width: 100%; min-height: 420px; }}
</style>
</head>
<body>
<h1>{esc(page.title)}</h1>
<p>{esc(sentence)}</p>
<div id="figure" role="img" aria-label="{esc(page.title)}"></div>
{key}
<p class="source">{esc(source)}{back} · <a href="data.json">This page's data (JSON)</a></p>
<script src="{up}assets/plotly.min.js"></script>
<script>
const figure = {safe_json};
Plotly.newPlot("figure", figure.data, figure.layout, {{responsive: true, displaylogo: false}})
  .then(gd => figure.frames && figure.frames.length ? Plotly.addFrames(gd, figure.frames) : gd);
</script>
</body>
</html>
"""


def _page_data(places: pd.DataFrame, page: Page, sentence: str, data: Dataset) -> bytes:
    columns = ["place_id", "name", "country_iso3", "country_name", "lat", "lon", "first_year", "networks"]
    rows = places[[c for c in columns if c in places]].to_dict(orient="records")
    meta = {"title": page.title, "sentence": sentence, "version": data.version, "citation": data.citation,
            "licence": licence_name(data.package), "places": rows}  # fmt: skip
    return json.dumps(meta, ensure_ascii=False, indent=1, default=str).encode("utf-8")


def site_files(data: Dataset, outlines: dict, live_url: str | None = None, base_url: str | None = None) -> dict[str, bytes]:
    """Every file of the site, by its path inside the site."""
    from plotly.offline import get_plotlyjs

    outline = growth_map.outline_xy(outlines)
    files: dict[str, bytes] = {"assets/plotly.min.js": get_plotlyjs().encode("utf-8")}
    listing = []
    for page in pages(data):
        events = filters.filter_events(data.events, page.state)
        places = filters.places_view(data.places, events, data.networks)
        sentence = sentences.describe(
            events, page.state, {"network": dict(zip(data.networks["network_id"], data.networks["short_name"]))}
        )
        query = urlencode(to_query(page.state))
        live = None
        if live_url:
            live = live_url.rstrip("/") + ("/timeline" if page.animated else "/") + (f"?{query}" if query else "")
        source = image_source(data.version, licence_name(data.package), events)
        prefix = f"{page.path}/" if page.path else ""
        preview = (base_url.rstrip("/") + "/" + prefix if base_url else "") + "preview.png"
        depth = page.path.count("/") + 1 if page.path else 0
        figure = _figure_json(places, outline, page.animated, page.title)
        key = legend_html(map_legend_items(places), marks=False)  # escaped by the builder
        files[prefix + "index.html"] = _page_html(page, depth, figure, sentence, source, live, preview, key).encode("utf-8")
        files[prefix + "data.json"] = _page_data(places, page, sentence, data)
        files[prefix + "preview.png"] = mapstill.map_image(
            places, outlines, "png", page.title, sentence, source, size=PREVIEW_SIZE
        )
        listing.append({"path": prefix or "./", "title": page.title, "places": len(places)})
    files[MARKER] = json.dumps({"name": "hrcmap", "version": data.version, "pages": listing}, indent=1).encode("utf-8")
    return files


def _check(folder: Path, files: dict[str, bytes]) -> None:
    for name, content in files.items():
        if (folder / name).read_bytes() != content:
            raise BuildError(f"{name} was not written whole; the old site was kept")


def publish(data: Dataset, outlines: dict, out: Path, live_url: str | None = None, base_url: str | None = None) -> int:
    """Write the site to a new folder beside ``out`` and swap it in whole; returns the number of pages.

    Refuses to replace a folder that is neither empty nor an earlier publish (it would be deleted)."""
    out = Path(os.path.realpath(out))
    if out.exists() and (not out.is_dir() or (any(out.iterdir()) and not (out / MARKER).is_file())):
        raise BuildError(f"{out} is not an earlier published site (no {MARKER}); give an empty or new folder")
    files = site_files(data, outlines, live_url, base_url)
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=f".{out.name}.publish-", dir=out.parent))
    try:
        for name, content in files.items():
            (tmp / name).parent.mkdir(parents=True, exist_ok=True)
            (tmp / name).write_bytes(content)
        _check(tmp, files)
        os.chmod(tmp, 0o755)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    if not out.exists():
        os.rename(tmp, out)
    elif _exchange(tmp, out):
        _remove(tmp)  # ``tmp`` now names the old site
    else:
        old = out.with_name(f".{out.name}.old-{tmp.name.rsplit('-', 1)[-1]}")
        os.rename(out, old)
        os.rename(tmp, out)
        _remove(old)
    return sum(1 for name in files if name.endswith("index.html"))
