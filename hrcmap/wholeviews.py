"""Views of the whole dataset that no filter changes: the About page's tables, the Networks page's
table and overlaps, one network's map and coverage chart.

Pure functions of a :class:`~hrcmap.load.Dataset` (and a network id); the app computes each once
per build and shares it (``cache.whole``) instead of redoing it on every rerun.
"""

from __future__ import annotations

from typing import Any, NamedTuple

import pandas as pd

from . import charts, filters, maps, network_views, sentences, tables
from .load import Dataset
from .state import ViewState

#: A network's map shades no country, so it needs no outlines (they come from the app's static file).
NO_OUTLINES: dict = {"type": "FeatureCollection", "features": []}


class About(NamedTuple):
    overview: str
    known_gaps: pd.DataFrame
    by_continent: pd.DataFrame


class Networks(NamedTuple):
    table: pd.DataFrame
    names: dict[str, str]  # network_id → short name
    ids: list[str]  # largest first
    overlap: pd.DataFrame
    overlap_figure: Any
    overlap_sentence: str


class Coverage(NamedTuple):
    table: pd.DataFrame
    figure: Any
    sentence: str
    events: pd.DataFrame  # the network's events, for the chart's sources line


class NetworkDetail(NamedTuple):
    members: pd.DataFrame
    places: pd.DataFrame
    deck: Any
    coverage: Coverage


def about(d: Dataset) -> About:
    return About(
        sentences.overview_sentence(d.events, d.places),
        network_views.known_gaps(d.networks, d.network_counts),
        tables.coverage_by_region(d.places),
    )


def networks(d: Dataset) -> Networks:
    names = dict(zip(d.networks["network_id"], d.networks["short_name"]))
    matrix = network_views.network_overlap(d.events, names)
    return Networks(
        network_views.network_table(d.networks, d.network_counts),
        names,
        list(d.networks.sort_values("places_mapped", ascending=False)["network_id"]),
        matrix,
        charts.overlap_figure(matrix),
        network_views.overlap_sentence(d.events),
    )


def coverage(d: Dataset, network: str, name: str) -> Coverage:
    """The places we map in ``network`` year by year beside the totals it reported, as a chart."""
    table = charts.coverage_table(network, d.events, d.network_counts)
    return Coverage(
        table,
        charts.coverage_figure(table, name),
        sentences.coverage_sentence(table, name),
        d.events[d.events["network_id"] == network],
    )


def network_detail(d: Dataset, network: str, name: str) -> NetworkDetail:
    members = filters.filter_events(d.events, ViewState(network=(network,)))
    places = filters.places_view(d.places, members, d.networks)
    return NetworkDetail(members, places, maps.build_map(places, NO_OUTLINES), coverage(d, network, name))
