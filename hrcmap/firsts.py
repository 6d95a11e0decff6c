"""The headline facts of a place: which of its events comes first, its first year, its colour family.

One home for the rule every view, export and the build use: a place's first event is its
earliest commitment; only when nothing but endings (withdrawn, repealed, lapsed) is left is it
the earliest ending.
"""

from __future__ import annotations

import pandas as pd

from .schema import ENDING_EVENT_TYPES


def first_events(events: pd.DataFrame) -> pd.DataFrame:
    """One row per place (indexed by place_id): the event that gives its headline year."""
    ordered = events.assign(_ending=events["event_type"].isin(ENDING_EVENT_TYPES)).sort_values(
        ["_ending", "year", "date", "event_id"], kind="stable"
    )
    return ordered.groupby("place_id", sort=True).head(1).set_index("place_id").drop(columns="_ending")


def first_years(events: pd.DataFrame) -> pd.Series:
    """place_id → the year of its first commitment (see :func:`first_events`)."""
    return first_events(events)["year"].astype(int)


def family_of_first(events: pd.DataFrame, families: dict[str, str]) -> pd.Series:
    """place_id → the network family of its first event ("local" for an act in no network)."""
    first = first_events(events)["network_id"]
    return first.map(lambda n: families.get(n, "local") if n else "local")


def first_year_only_listed(events: pd.DataFrame) -> pd.Series:
    """Per place: True when its earliest commitment year has only ``listed`` events (a membership
    list, not the act of joining), so the place may have joined earlier."""
    starting = events[~events["event_type"].isin(ENDING_EVENT_TYPES)]
    if starting.empty:
        return pd.Series(dtype=bool)
    years = starting["year"].astype(int)
    firsts = starting[years == years.groupby(starting["place_id"]).transform("min")]
    return firsts.groupby("place_id")["event_type"].apply(lambda s: bool((s.astype(str) == "listed").all()))
