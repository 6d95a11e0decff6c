"""A chart as every page shows it: a sentence, the chart, its numbers, its sources, downloads for slides."""

from __future__ import annotations

from collections.abc import Callable

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from .. import cache, escape
from ..profile import PlaceCard
from ..provenance import image_source, licence_name, source_domains
from .share import view_link


def chart_block(
    fig: go.Figure,
    table: pd.DataFrame,
    sentence: str,
    events: pd.DataFrame,
    key: str,
    config: dict | None = None,
    context: str = "",
) -> None:
    """A chart with its text alternative (a sentence and the plotted numbers), its sources line and
    PNG/SVG downloads for slides. ``context`` (the filter sentence) is printed in the image's source line."""
    st.markdown(escape.markdown(sentence))
    st.plotly_chart(fig, width="stretch", key=key, config=config or {"displaylogo": False})
    with st.expander("The numbers behind this chart"):
        st.dataframe(table, width="stretch")
    top = ", ".join(h for h, _ in source_domains(events["source_url"], most=4))
    st.caption(escape.markdown(f"Sources: {events['source_url'].nunique()} pages ({top}); each is linked on the Data page."))
    title = fig.layout.title
    image_downloads(fig, escape.plain(title.text) if title is not None and title.text else sentence, events, key, context)


def _source_line(events: pd.DataFrame, context: str) -> Callable[[], str]:
    """The image's source line, worked out when a download is clicked (it counts the view's sources);
    the view's link is read now, while the page knows it."""
    data, link = cache.dataset(), view_link()
    return lambda: image_source(data.version, licence_name(data.package), events, context, link)


def image_downloads(fig: go.Figure, title: str, events: pd.DataFrame, key: str, context: str = "") -> None:
    """Two buttons that draw the chart as a 16:9 PNG or SVG with title and source line, only when clicked."""
    from .. import images

    version = cache.dataset().version
    source = _source_line(events, context)

    def draw(fmt: str) -> Callable[[], bytes]:
        return lambda: images.figure_image(fig, fmt, title, source())

    _png_and_svg(draw, "Download {} for slides", f"hrcmap-{version}-{key}", f"img-{key}")


def _png_and_svg(draw: Callable[[str], Callable[[], bytes]], label: str, file_stem: str, key: str) -> None:
    """Two buttons side by side, PNG and SVG, each drawing its file only when clicked."""
    png, svg = st.columns(2)
    for column, fmt in ((png, "png"), (svg, "svg")):
        column.download_button(
            escape.markdown(label.format(fmt.upper())),
            data=draw(fmt),
            file_name=f"{file_stem}.{fmt}",
            mime="image/png" if fmt == "png" else "image/svg+xml",
            on_click="ignore",
            key=f"{key}-{fmt}",
            icon=":material/download:",
            width="stretch",
        )


def animation_downloads(places: pd.DataFrame, events: pd.DataFrame, key: str, title: str = "") -> None:
    """GIF and MP4 of the growth of the places shown, drawn on the server only when a button is clicked.

    The title names the view; each frame counts its own year's places, so the source line carries
    no count of its own (a "today" figure would be wrong on every frame but the last)."""
    from .. import animation

    if places.empty:
        return
    version = cache.dataset().version
    source = _source_line(events, "")
    outlines = cache.outlines_geojson()

    def draw(make: Callable[..., bytes]) -> Callable[[], bytes]:
        return lambda: make(places, outlines, title or animation.DEFAULT_TITLE, source())

    gif, mp4 = st.columns(2)
    for column, kind, make, mime in ((gif, "gif", animation.gif, "image/gif"), (mp4, "mp4", animation.mp4, "video/mp4")):
        column.download_button(
            escape.markdown(f"Download the animation ({kind.upper()}, 1280×720)"),
            data=draw(make),
            file_name=f"hrcmap-{version}-{key}.{kind}",
            mime=mime,
            on_click="ignore",
            key=f"anim-{key}-{kind}",
            icon=":material/movie:",
            width="stretch",
        )


def map_downloads(
    places: pd.DataFrame,
    events: pd.DataFrame,
    title: str,
    subtitle: str,
    key: str,
    colour: str = "family",
    selected: str | None = None,
) -> None:
    """Two buttons that draw this map as a 16:9 PNG or SVG (title, legend, names, source line), only when clicked."""
    from .. import mapstill

    if places.empty:
        return
    version = cache.dataset().version
    source = _source_line(events, "")
    outlines = cache.outlines_geojson()

    def draw(fmt: str) -> Callable[[], bytes]:
        return lambda: mapstill.map_image(places, outlines, fmt, title, subtitle, source(), colour, selected)

    _png_and_svg(draw, "Download this map as {} for slides", f"hrcmap-{version}-{key}", f"map-{key}")


def map_placeholder(n_places: int, height: int) -> None:
    """A box of the map's size saying "Drawing N places…" where the map will be, until its canvas exists."""
    from ..maps import placeholder_html

    st.html(placeholder_html(n_places, height))


def place_dialog(card: PlaceCard, place_id: str) -> None:
    """A tapped place's commitments and sources over the map, where a phone reader is looking
    (the side panel of a desktop stacks far below the map on a narrow screen)."""

    def body() -> None:
        for line in card.lines:
            st.markdown(line.markdown)
        st.page_link("pages/cities.py", label="Open the full profile", query_params={"city": place_id})

    st.dialog(card.title_markdown, width="small")(body)()
