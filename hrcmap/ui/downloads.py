"""The Data page's downloads, declared once: what each file holds, its name, its type, how it is made."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, NamedTuple

import pandas as pd
import streamlit as st

from .. import cache, escape, export
from ..load import Dataset


class Download(NamedTuple):
    column: str  # "filtered" or "full"
    label: str  # says what the file holds
    key: str
    name: str  # file name after "hrcmap-<version>-"
    mime: str
    make: Callable[[Dataset, pd.DataFrame, pd.DataFrame, str], Any]  # (data, events, places, view sentence)


DOWNLOADS = (
    Download(
        "filtered",
        "This view's events (CSV)",
        "dl-f-csv",
        "filtered-events.csv",
        "text/csv",
        lambda d, ev, pl, said: export.events_csv(ev),
    ),
    Download(
        "filtered",
        "This view's places (GeoJSON)",
        "dl-f-geojson",
        "filtered-places.geojson",
        "application/geo+json",
        lambda d, ev, pl, said: export.places_geojson(pl, d.citation),
    ),
    Download(
        "filtered",
        "This view with its citation and column guide (zip)",
        "dl-f-zip",
        "view.zip",
        "application/zip",
        lambda d, ev, pl, said: export.view_zip(ev, pl, d.citation, said, d.version),
    ),
    Download("full", "All events (CSV)", "dl-a-csv", "events.csv", "text/csv", lambda d, ev, pl, said: cache.full_downloads()[0]),
    Download(
        "full",
        "All places (GeoJSON)",
        "dl-a-geojson",
        "places.geojson",
        "application/geo+json",
        lambda d, ev, pl, said: cache.full_downloads()[1],
    ),
    Download(
        "full",
        "The whole data package (zip)",
        "dl-a-zip",
        "datapackage.zip",
        "application/zip",
        lambda d, ev, pl, said: cache.package_zip(d.citation),
    ),
)
HEADINGS = {"filtered": "What the filters show", "full": "The whole dataset"}


def download_section(data: Dataset, events: pd.DataFrame, places: pd.DataFrame, sentence: str) -> None:
    """Two columns of download buttons: the filtered view and the whole dataset, each file named by version.

    ``sentence`` says what the view shows; the view's zip carries it in its README. Each file is made
    when its button is clicked, not on every rerun (a filter change made all six: most of the page's time)."""
    columns = dict(zip(HEADINGS, st.columns(len(HEADINGS))))
    for which, heading in HEADINGS.items():
        columns[which].markdown(f"**{escape.markdown(heading)}**")

    def made_by(d: Download) -> Callable[[], Any]:
        return lambda: d.make(data, events, places, sentence)

    for d in DOWNLOADS:
        columns[d.column].download_button(
            escape.markdown(d.label),
            made_by(d),
            file_name=f"hrcmap-{data.version}-{d.name}",
            mime=d.mime,
            on_click="ignore",
            width="stretch",
            key=d.key,
        )
