"""Apply a :class:`ViewState` to the tables: the events every declared filter keeps, and their places."""

from __future__ import annotations

import pandas as pd

from .firsts import families_of_places, headlines
from .state import PARAMS, ViewState


def filter_events(events: pd.DataFrame, state: ViewState) -> pd.DataFrame:
    """The events that match every active filter (lists are OR within a key, AND across keys)."""
    values = state.as_dict()
    mask = pd.Series(True, index=events.index)
    for param in PARAMS:
        narrowed = param.narrow(events, values)
        if narrowed is not None:
            mask &= narrowed
    return events[mask]


def places_view(places: pd.DataFrame, events: pd.DataFrame, networks: pd.DataFrame) -> pd.DataFrame:
    """The places that have a matching event, with aggregates over the matching events only."""
    if events.empty:
        return places.iloc[0:0].assign(family=pd.Series(dtype="string"))
    member = events.loc[events["network_id"] != "", ["place_id", "network_id"]].drop_duplicates()
    agg = pd.DataFrame(
        {
            "n_events": events.groupby("place_id").size(),
            "networks": member.sort_values("network_id").groupby("place_id")["network_id"].agg(";".join),
        }
    ).fillna({"networks": ""})
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
