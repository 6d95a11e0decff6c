"""Shared Streamlit chrome: the dataset guard, the sources footer, safe text helpers."""
from __future__ import annotations

import re
from typing import NamedTuple

import pandas as pd
import streamlit as st

from . import cache
from .load import Dataset, DataUnavailable
from .views import source_domains

_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|>~<$&:])")


def md_escape(text: object) -> str:
    """Escape data for st.markdown so names and notes are shown as text, never as markup or links."""
    return _MD_SPECIAL.sub(r"\\\1", str(text))


def _route_through_dashboard() -> None:
    """Make a deep link on a fresh server run dashboard.py, not the page file alone.

    Streamlit treats a folder named ``pages/`` as an old-style multipage app until the entry
    script has called ``st.navigation`` once in the process; the first session that opens
    ``/map`` would get the page without the app's chrome. Clearing that flag and rerunning
    routes the request through ``st.navigation`` as every later session is.
    """
    from streamlit.runtime.pages_manager import PagesManager

    if PagesManager.uses_pages_directory:
        PagesManager.uses_pages_directory = False
        st.rerun()


def require_dataset() -> Dataset:
    """The dataset, or a plain explanation and a stop when it cannot be read."""
    _route_through_dashboard()
    try:
        return cache.dataset()
    except DataUnavailable as exc:
        st.error(str(exc), icon=":material/database:")
        st.stop()
        raise  # unreachable; st.stop raises


def footer_text(data: Dataset, events: pd.DataFrame) -> str:
    """The sources line shown under every view, built from the facts on it."""
    n_pages = events["source_url"].nunique()
    top = ", ".join(f"{h} ({n})" for h, n in source_domains(events["source_url"]))
    first_read = min(events["accessed"]) if len(events) else "–"
    last_read = max(events["accessed"]) if len(events) else "–"
    return (
        f"Sources: {n_pages} pages, read {first_read} to {last_read}; most cited: {top or '–'}. "
        f"Every fact links to its page on the Data page. {data.citation}"
    )


def source_footer(data: Dataset, events: pd.DataFrame | None = None) -> None:
    st.divider()
    st.caption(md_escape(footer_text(data, data.events if events is None else events)))


# ---- the view state, bound to sidebar widgets and mirrored in the URL ----------------------------

_LAST_QUERY = "_hrc_last_query"
_SHADOW = "_hrc_state"
_LIST_WIDGETS = {k: f"f_{k}" for k in ("region", "subregion", "country", "network", "theme", "type", "status")}


def _widget_values(state, years: tuple[int, int]) -> dict[str, object]:
    values: dict[str, object] = {w: list(getattr(state, k)) for k, w in _LIST_WIDGETS.items()}
    values["f_years"] = (state.year_from or years[0], state.year_to or years[1])
    values["f_q"] = state.q
    values["f_colour"] = state.colour
    values["f_split"] = state.split
    values["f_shade"] = state.shade
    values["f_city"] = state.city
    values["f_year"] = state.year or years[1]
    return values


def load_state() -> tuple[object, object]:
    """Read the URL; seed the widgets when the URL is new to this session. Returns (facets, options)."""
    from .state import ViewState, from_query, to_query

    facets, options = cache.facets_and_options()
    incoming = from_query(st.query_params, options)
    last = st.session_state.get(_LAST_QUERY)
    changed_outside = bool(st.query_params) and to_query(incoming) != last
    if last is None or changed_outside:
        for key, value in _widget_values(incoming, options.years).items():
            st.session_state[key] = value
        st.session_state[_SHADOW] = incoming
    else:
        # keys of widgets the previous page did not draw were dropped by Streamlit: restore them
        shadow = st.session_state.get(_SHADOW, ViewState())
        for key, value in _widget_values(shadow, options.years).items():
            st.session_state.setdefault(key, value)
    for notice in incoming.notices:
        st.info(notice, icon=None)
    return facets, options


def sidebar_filters(facets, options):
    """The shared filters; returns the ViewState they describe (page-level choices from the shadow)."""
    from .state import ViewState

    sb = st.sidebar
    sb.header("Filters")
    sb.text_input("Find a place", key="f_q", placeholder="Name or country", max_chars=80)
    sb.multiselect("Continent", options.region, key="f_region", format_func=lambda v: facets.label("region", v))
    regions = set(st.session_state.get("f_region") or [])
    subregions = options.subregion
    if regions:
        # only subregions of the chosen continents, but keep any already chosen
        sub_of = facets.labels.get("subregion_region", {})
        subregions = tuple(s for s in options.subregion if sub_of.get(s) in regions or s in (st.session_state.get("f_subregion") or []))
    sb.multiselect("Subregion", subregions, key="f_subregion", format_func=lambda v: facets.label("subregion", v))
    sb.multiselect("Country", options.country, key="f_country", format_func=lambda v: facets.label("country", v))
    sb.multiselect("Network", options.network, key="f_network", format_func=lambda v: facets.label("network", v))
    sb.multiselect("Theme", options.theme, key="f_theme", format_func=lambda v: facets.label("theme", v))
    sb.multiselect("Commitment type", options.type, key="f_type", format_func=lambda v: facets.label("type", v))
    sb.multiselect("Status after the event", options.status, key="f_status", format_func=lambda v: facets.label("status", v))
    lo, hi = options.years
    sb.slider("Years", min_value=lo, max_value=hi, key="f_years")
    if sb.button("Reset filters", width="stretch"):
        for key in (*_LIST_WIDGETS.values(), "f_q"):
            st.session_state[key] = [] if key != "f_q" else ""
        st.session_state["f_years"] = (lo, hi)
        st.rerun()
    y0, y1 = st.session_state.get("f_years", (lo, hi))
    shadow = st.session_state.get(_SHADOW, ViewState())
    return ViewState(
        **{k: tuple(st.session_state.get(w) or ()) for k, w in _LIST_WIDGETS.items()},
        year_from=None if y0 == lo else int(y0), year_to=None if y1 == hi else int(y1),
        q=(st.session_state.get("f_q") or "").strip()[:80],
        city=shadow.city, year=shadow.year, colour=shadow.colour, split=shadow.split, shade=shadow.shade,
    )


def save_state(state) -> None:
    """Write the state to the URL (canonical, defaults omitted) and remember it for the next page."""
    from .state import to_query

    query = to_query(state)
    if query != st.query_params.to_dict():
        st.query_params.from_dict(query)
    st.session_state[_LAST_QUERY] = query
    st.session_state[_SHADOW] = state


class Explore(NamedTuple):
    """What an exploring page starts from: the dataset, the view state and what it selects."""

    data: Dataset
    state: object
    facets: object
    options: object
    events: pd.DataFrame
    places: pd.DataFrame


def explore_view() -> Explore:
    """The dataset, the filters (URL and sidebar) and the events and places they select."""
    from . import filters

    data = require_dataset()
    facets, options = load_state()
    state = sidebar_filters(facets, options)
    events = filters.filter_events(data.events, state)
    return Explore(data, state, facets, options, events, filters.places_view(data.places, events, data.networks))


def chart_block(fig, table: pd.DataFrame, sentence: str, events: pd.DataFrame, key: str, config: dict | None = None,
                context: str = "") -> None:
    """A chart with its text alternative (a sentence and the plotted numbers), its sources line and
    PNG/SVG downloads for slides. ``context`` (the filter sentence) is printed in the image's source line."""
    st.markdown(md_escape(sentence))
    st.plotly_chart(fig, width="stretch", key=key, config=config or {"displaylogo": False})
    with st.expander("The numbers behind this chart"):
        st.dataframe(table, width="stretch")
    top = ", ".join(h for h, _ in source_domains(events["source_url"], most=4))
    st.caption(md_escape(f"Sources: {events['source_url'].nunique()} pages ({top}); each is linked on the Data page."))
    image_downloads(fig, _figure_title(fig) or sentence, events, key, context)


def _figure_title(fig) -> str:
    title = fig.layout.title
    return str(title.text) if title is not None and title.text else ""


def view_link() -> str | None:
    """The address of the current view (page and query), when the browser has told us where it is."""
    from urllib.parse import urlencode

    url = st.context.url
    if not url:
        return None
    query = urlencode(st.query_params.to_dict())
    return url + (f"?{query}" if query else "")


def image_downloads(fig, title: str, events: pd.DataFrame, key: str, context: str = "") -> None:
    """Two buttons that draw the chart as a 16:9 PNG or SVG with title and source line, only when clicked."""
    from . import images
    from .views import image_source

    data = cache.dataset()
    source = image_source(data.version, events, context, view_link())
    png, svg = st.columns(2)
    for column, fmt in ((png, "png"), (svg, "svg")):
        column.download_button(
            f"Download {fmt.upper()} for slides", data=lambda fmt=fmt: images.figure_image(fig, fmt, title, source),
            file_name=f"hrcmap-{data.version}-{key}.{fmt}", mime=images.FORMATS[fmt], on_click="ignore",
            key=f"img-{key}-{fmt}", icon=":material/download:", width="stretch",
        )


def animation_downloads(places: pd.DataFrame, events: pd.DataFrame, key: str, context: str = "") -> None:
    """GIF and MP4 of the growth of the places shown, drawn on the server only when a button is clicked."""
    from . import animation
    from .views import image_source

    if places.empty:
        return
    data = cache.dataset()
    source = image_source(data.version, events, context, view_link())
    outlines = cache.outlines_geojson()
    gif, mp4 = st.columns(2)
    for column, kind, draw, mime in ((gif, "gif", animation.gif, "image/gif"), (mp4, "mp4", animation.mp4, "video/mp4")):
        column.download_button(
            f"Download the animation ({kind.upper()}, 1280×720)",
            data=lambda draw=draw: draw(places, outlines, animation.DEFAULT_TITLE, source),
            file_name=f"hrcmap-{data.version}-{key}.{kind}", mime=mime, on_click="ignore",
            key=f"anim-{key}-{kind}", icon=":material/movie:", width="stretch",
        )


def share_box(title: str) -> None:
    """Sidebar: the link to this view, an iframe snippet to embed it, and the way into presentation mode."""
    from .views import embed_snippet

    box = st.sidebar.expander("Share, embed, present", icon=":material/share:")
    link = view_link()
    if link is None:
        box.caption("The address of this view appears here once the page has loaded in a browser.")
    else:
        box.caption("Link to exactly this view (filters included):")
        box.code(link, language=None, wrap_lines=True)
        box.caption("Embed this view in an article or a slide (Streamlit's embed mode):")
        box.code(embed_snippet(link, f"hrcmap: {title}"), language="html", wrap_lines=True)
    box.page_link("pages/present.py", label="Present the movement's story", icon=":material/slideshow:")


def safe_link(label: str, url: object) -> str:
    """A markdown link to an http(s) page, or the plain label when the address is unusable."""
    from .views import safe_url

    clean = safe_url(url) if isinstance(url, str) else None
    return f"[{md_escape(label)}]({clean})" if clean else md_escape(label)
