"""What every page shares: the dataset or a plain message, text shown as text, the sources footer."""

from __future__ import annotations

import logging

import pandas as pd
import streamlit as st

from .. import cache, escape
from ..load import Dataset, DataUnavailable
from ..provenance import footer_text

log = logging.getLogger("hrcmap")


def route_through_dashboard() -> None:
    """Make a deep link on a fresh server run dashboard.py, not the page file alone.

    Streamlit treats a folder named ``pages/`` as an old-style multipage app until the entry
    script has called ``st.navigation`` once in the process; the first session that opens
    ``/timeline`` would get the page without the app's chrome. Clearing that flag (a private
    attribute: ``tests/test_streamlit_contract.py`` fails loudly if Streamlit renames it) and
    rerunning routes the request through ``st.navigation`` as every later session is.
    """
    from streamlit.runtime.pages_manager import PagesManager

    if PagesManager.uses_pages_directory:
        PagesManager.uses_pages_directory = False
        st.rerun()


def require_dataset() -> Dataset:
    """The dataset, or a plain explanation and a stop when it cannot be read."""
    route_through_dashboard()
    try:
        return cache.dataset()
    except DataUnavailable as exc:
        log.warning("dataset unavailable: %s", exc)
        st.error(escape.markdown(str(exc)), icon=":material/database:")
        st.stop()
        raise  # unreachable; st.stop raises


def text(value: object) -> None:
    """A paragraph of text from the data or the URL, shown exactly as written."""
    st.markdown(escape.markdown(value))


def caption(value: object) -> None:
    st.caption(escape.markdown(value))


def notice(value: object) -> None:
    st.info(escape.markdown(value))


def source_footer(data: Dataset, events: pd.DataFrame | None = None) -> None:
    """The sources line under every view, built from the facts on it."""
    st.divider()
    caption(footer_text(data.citation, data.events if events is None else events))


def on_phone() -> bool:
    """Whether the reader's browser says it is a phone (its User-Agent names a mobile device):
    the map then opens on a narrower world and a shorter frame, which a phone's width needs."""
    agent = st.context.headers.get("User-Agent", "") if st.context.headers else ""
    return "Mobi" in agent or "Android" in agent
