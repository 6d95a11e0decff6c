"""Shared Streamlit chrome: the dataset guard, the sources footer, safe text helpers."""
from __future__ import annotations

import re
from urllib.parse import urlparse

import pandas as pd
import streamlit as st

from . import cache
from .load import Dataset, DataUnavailable

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


def source_domains(urls: pd.Series, most: int = 6) -> list[tuple[str, int]]:
    """The sites most cited among ``urls``, with how many facts each supports."""
    hosts = urls.map(lambda u: (urlparse(u).hostname or "").removeprefix("www."))
    counts = hosts[hosts != ""].value_counts()
    return [(h, int(n)) for h, n in counts.head(most).items()]


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
