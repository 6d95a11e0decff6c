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
    label: str
    key: str
    name: str  # file name after "hrcmap-<version>-"
    mime: str
    make: Callable[[Dataset, pd.DataFrame, pd.DataFrame], Any]


DOWNLOADS = (
    Download(
        "filtered",
        "Events (CSV)",
        "dl-f-csv",
        "filtered-events.csv",
        "text/csv",
        lambda d, ev, pl: export.events_csv(ev, d.citation),
    ),
    Download(
        "filtered",
        "Places (GeoJSON)",
        "dl-f-geojson",
        "filtered-places.geojson",
        "application/geo+json",
        lambda d, ev, pl: export.places_geojson(pl, d.citation),
    ),
    Download("full", "Events (CSV)", "dl-a-csv", "events.csv", "text/csv", lambda d, ev, pl: cache.full_downloads()[0]),
    Download(
        "full",
        "Places (GeoJSON)",
        "dl-a-geojson",
        "places.geojson",
        "application/geo+json",
        lambda d, ev, pl: cache.full_downloads()[1],
    ),
    Download(
        "full",
        "Data package (zip)",
        "dl-a-zip",
        "datapackage.zip",
        "application/zip",
        lambda d, ev, pl: cache.package_zip(d.citation),
    ),
)
HEADINGS = {"filtered": "What the filters show", "full": "The whole dataset"}


def download_section(data: Dataset, events: pd.DataFrame, places: pd.DataFrame) -> None:
    """Two columns of download buttons: the filtered view and the whole dataset, each file named by version."""
    columns = dict(zip(HEADINGS, st.columns(len(HEADINGS))))
    for which, heading in HEADINGS.items():
        columns[which].markdown(f"**{escape.markdown(heading)}**")
    for d in DOWNLOADS:
        columns[d.column].download_button(
            escape.markdown(d.label),
            d.make(data, events, places),
            file_name=f"hrcmap-{data.version}-{d.name}",
            mime=d.mime,
            width="stretch",
            key=d.key,
        )
