"""Apply a :class:`ViewState` to the tables: the events every declared filter keeps, and their places."""

from __future__ import annotations

import numpy as np
import pandas as pd

from .firsts import headlines
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
    mask is computed once and combined per list filter; places are counted on integer codes.
    """
    values = state.as_dict()
    masks = {p.key: m.to_numpy(dtype=bool) for p in PARAMS if (m := p.narrow(events, values)) is not None}
    place, n_places = _codes(events["place_id"])
    out: dict[str, dict[str, int]] = {}
    for p in LIST_FILTERS:
        keep = np.ones(len(events), dtype=bool)
        for key, mask in masks.items():
            if key != p.key:
                keep &= mask
        if p.contains:  # ";"-separated values (themes): few rows carry any, a loop is quickest
            seen: dict[str, set[int]] = {}
            for code, cell in zip(place[keep].tolist(), events[p.column].to_numpy(dtype=object)[keep].tolist()):
                for value in str(cell).split(";") if cell else ():
                    if value:
                        seen.setdefault(value, set()).add(code)
            counts = {v: len(codes) for v, codes in seen.items()}
        else:
            codes, uniques = pd.factorize(events[p.column])
            kept = keep & (codes >= 0)
            pairs = np.unique(codes[kept].astype(np.int64) * n_places + place[kept])
            per_value = np.bincount(pairs // n_places, minlength=len(uniques)) if n_places else np.zeros(len(uniques), int)
            counts = {str(v): int(n) for v, n in zip(uniques, per_value) if n and v != ""}
        out[p.key] = dict(sorted(counts.items()))
    return out


def _codes(column: pd.Series) -> tuple[np.ndarray, int]:
    codes, uniques = pd.factorize(column)
    return codes.astype(np.int64), len(uniques)


def places_view(places: pd.DataFrame, events: pd.DataFrame, networks: pd.DataFrame) -> pd.DataFrame:
    """The places that have a matching event, with aggregates over the matching events only, in
    place_id order."""
    if events.empty:
        return places.iloc[0:0].assign(family=pd.Series(dtype="string"))
    heads = headlines(events, dict(zip(networks["network_id"], networks["family"])))  # in place_id order
    derived = ["first_year", "first_year_disputed", "first_kind", "n_events", "networks", "family"]
    base = places.drop(columns=[c for c in derived if c in places])
    rows = pd.Index(base["place_id"]).get_indexer(heads.index)
    known = rows >= 0
    out = base.iloc[rows[known]].reset_index(drop=True)
    for column in ("n_events", "networks", "first_year", "first_year_disputed", "first_kind", "family"):
        out[column] = pd.Series(heads[column].to_numpy()[known], index=out.index, dtype=heads[column].dtype)
    return out
