"""Apply a :class:`ViewState` to the tables: the events every declared filter keeps, and their places."""

from __future__ import annotations

import pandas as pd

from .firsts import families_of_places, headlines
from .params import Param
from .state import LIST_FILTERS, PARAMS, ViewState

#: The parameters that narrow the events (the others choose how a view looks, not what it shows).
NARROWING = tuple(p for p in PARAMS if type(p).narrow is not Param.narrow)


def selection_key(state: ViewState) -> tuple:
    """The part of a view state that decides which events and places a view shows: views that
    differ only in colours, the open place or the as-of year share it (and a cached selection)."""
    values = state.as_dict()
    return tuple((f, values[f]) for p in NARROWING for f in p.fields)


def filter_events(events: pd.DataFrame, state: ViewState) -> pd.DataFrame:
    """The events that match every active filter (lists are OR within a key, AND across keys)."""
    values = state.as_dict()
    mask = pd.Series(True, index=events.index)
    for param in PARAMS:
        narrowed = param.narrow(events, values)
        if narrowed is not None:
            mask &= narrowed
    return events[mask]


def live_counts(events: pd.DataFrame, state: ViewState) -> dict[str, dict[str, int]]:
    """For each list filter, the places each of its values would show with the other filters as set.

    What a reader sees beside "Asia": how many places choosing it leaves, given the network, years
    and search already chosen (a filter's own choice does not narrow its own counts). Each filter's
    mask is computed once and combined per list filter.
    """
    values = state.as_dict()
    masks = {p.key: m for p in PARAMS if (m := p.narrow(events, values)) is not None}
    out: dict[str, dict[str, int]] = {}
    for p in LIST_FILTERS:
        keep = pd.Series(True, index=events.index)
        for key, mask in masks.items():
            if key != p.key:
                keep &= mask
        shown = events.loc[keep, ["place_id", p.column]]
        if p.contains:
            shown = shown.assign(**{p.column: shown[p.column].str.split(";")}).explode(p.column)
        counts = shown.groupby(p.column)["place_id"].nunique()
        out[p.key] = {str(k): int(v) for k, v in counts.items() if k != ""}
    return out


def joined_per_place(events: pd.DataFrame, column: str) -> pd.Series:
    """place_id → its distinct non-empty values of ``column``, sorted and ";"-joined (one pass in
    Python: a groupby's join runs Python per group anyway, and costs ten times more)."""
    found: dict[str, set[str]] = {}
    for place, value in zip(events["place_id"].tolist(), events[column].tolist()):
        if value:
            found.setdefault(place, set()).add(value)
    return pd.Series({p: ";".join(sorted(v)) for p, v in found.items()}, dtype=object)


def places_view(places: pd.DataFrame, events: pd.DataFrame, networks: pd.DataFrame) -> pd.DataFrame:
    """The places that have a matching event, with aggregates over the matching events only."""
    if events.empty:
        return places.iloc[0:0].assign(family=pd.Series(dtype="string"))
    agg = pd.DataFrame({"n_events": events.groupby("place_id").size(), "networks": joined_per_place(events, "network_id")})
    agg["networks"] = agg["networks"].fillna("")
    derived = ["first_year", "first_year_disputed", "first_kind", "n_events", "networks"]
    base = places.drop(columns=[c for c in derived if c in places]).set_index("place_id")
    out = base.join(agg, how="inner")
    heads = headlines(events).reindex(out.index)
    out["first_year"] = heads["first_year"].astype(int)
    out["first_year_disputed"] = heads["first_year_disputed"].fillna("")
    out["first_kind"] = heads["first_kind"].fillna("commitment")
    families = dict(zip(networks["network_id"], networks["family"]))
    out["family"] = families_of_places(events, families).reindex(out.index).fillna("local")
    return out.reset_index().sort_values("place_id").reset_index(drop=True)
