"""Sharing a view: its link, an embed snippet, the same view on the other pages, presentation mode."""

from __future__ import annotations

from urllib.parse import urlencode

import streamlit as st

from .. import escape
from ..links import embed_snippet
from ..state import ViewState, to_query

# the exploring pages that read the shared filters, and how a link to each reads
EXPLORING = (("pages/map.py", "Map"), ("pages/timeline.py", "Timeline"), ("pages/data.py", "Data"))


def view_link() -> str | None:
    """The address of the current view (page and query), when the browser has told us where it is."""
    url = st.context.url
    if not url:
        return None
    query = urlencode(st.query_params.to_dict())
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


def share_box(title: str) -> None:
    """Sidebar: the link to this view, an iframe snippet to embed it, and the way into presentation mode."""
    box = st.sidebar.expander("Share, embed, present", icon=":material/share:")
    link = view_link()
    if link is None:
        box.caption("The address of this view appears here once the page has loaded in a browser.")
    else:
        # plain text fields, not st.code: its syntax highlighter alone is 1.6 MB of JavaScript
        box.text_input("Link to exactly this view (filters included)", value=link)
        box.text_area("Embed this view in an article or a slide", value=embed_snippet(link, f"hrcmap: {title}"), height=110)
    box.page_link("pages/present.py", label="Present the movement's story", icon=":material/slideshow:")
