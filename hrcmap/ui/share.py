"""Sharing a view: its link, an embed snippet, the same view on the other pages, presentation mode."""

from __future__ import annotations

import os
from urllib.parse import urlencode

import streamlit as st

from .. import escape
from ..links import embed_snippet, static_embed, static_page
from ..state import ViewState, to_query

# the exploring pages that read the shared filters, and how a link to each reads
EXPLORING = (("pages/map.py", "Map"), ("pages/timeline.py", "Timeline"), ("pages/data.py", "Data"))


def view_link(state: ViewState | None = None) -> str | None:
    """The address of a view (this page with the state's query; without a state, the URL as it stands),
    once the browser has told us where the app lives."""
    url = st.context.url
    if not url:
        return None
    query = urlencode(to_query(state) if state is not None else st.query_params.to_dict())
    return url + (f"?{query}" if query else "")


def same_view_elsewhere(state: ViewState, here: str) -> None:
    """Links that open this view's filters on the other exploring pages (the menu opens a page bare)."""
    if not state.is_filtered:
        return
    query = to_query(state)
    for page, label in EXPLORING:
        if page != here:
            st.sidebar.page_link(
                page,
                label=escape.markdown(f"These filters on the {label} page"),
                query_params=query,
                icon=":material/arrow_forward:",
            )


def share_box(title: str, state: ViewState | None = None, animated: bool = False) -> None:
    """At the top of the view, beside its title: the link to exactly this view, an iframe snippet to
    embed it, and the way into presentation mode, in one button that phones show too."""
    box = st.popover("Share or embed this view", icon=":material/share:")
    link = view_link(state)
    if link is None:
        box.caption("The address of this view appears here once the page has loaded in a browser.")
    else:
        # plain text fields, not st.code: its syntax highlighter alone is 1.6 MB of JavaScript
        box.text_input("Link to exactly this view (filters included)", value=link)
        box.text_area("Embed this view in an article or a slide", value=embed_snippet(link, f"hrcmap: {title}"), height=110)
    static = _static_link(state, animated)
    if static:
        box.text_area(
            "Or embed its static page (no server per reader: for a widely read article)",
            value=static_embed(static, f"hrcmap: {title}"),
            height=90,
        )
    box.page_link("pages/present.py", label="Present the movement's story", icon=":material/slideshow:")


def _static_link(state: ViewState | None, animated: bool) -> str | None:
    """The address of the published static page for this view, when the site's address is set
    (``HRCMAP_STATIC_URL``) and the view has a page there."""
    base = os.environ.get("HRCMAP_STATIC_URL", "").strip()
    if not base or state is None:
        return None
    path = static_page(state.as_dict(), animated)
    return None if path is None else base.rstrip("/") + "/" + (f"{path}/" if path else "")
