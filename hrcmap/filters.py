"""Apply a :class:`ViewState` to the tables, and say in one plain sentence what is shown."""
from __future__ import annotations

import pandas as pd

from . import schema as S
from .gazetteer import fold
from .state import ViewState


def filter_events(events: pd.DataFrame, state: ViewState) -> pd.DataFrame:
    """The events that match every active filter (lists are OR within a key, AND across keys)."""
    mask = pd.Series(True, index=events.index)
    for key, column in (("region", "region"), ("subregion", "subregion"), ("country", "country_iso3"),
                        ("network", "network_id"), ("type", "event_type"), ("status", "status_after")):
        chosen = getattr(state, key)
        if chosen:
            mask &= events[column].isin(chosen)
    if state.theme:
        wanted = set(state.theme)
        mask &= events["themes"].map(lambda t: bool(wanted & set(t.split(";"))) if t else False)
    if state.year_from is not None:
        mask &= events["year"] >= state.year_from
    if state.year_to is not None:
        mask &= events["year"] <= state.year_to
    if state.q:
        needle = fold(state.q)
        mask &= events["place_name"].map(lambda n: needle in fold(n)) | events["country_name"].map(lambda n: needle in fold(n))
    return events[mask]


def places_view(places: pd.DataFrame, events: pd.DataFrame, networks: pd.DataFrame) -> pd.DataFrame:
    """The places that have a matching event, with aggregates over the matching events only."""
    if events.empty:
        return places.iloc[0:0].assign(family=pd.Series(dtype="string"))
    family_of = dict(zip(networks["network_id"], networks["family"]))
    # a place's "first" event: its earliest commitment, or, when only endings match, its earliest ending
    ordered = events.assign(_ending=events["event_type"].isin(S.ENDING_EVENT_TYPES)).sort_values(
        ["_ending", "year", "date", "event_id"], kind="stable")
    first = ordered.groupby("place_id", sort=False).head(1).set_index("place_id")
    agg = events.groupby("place_id").agg(
        n_events=("event_id", "size"),
        networks=("network_id", lambda s: ";".join(sorted({n for n in s if n}))),
    )
    first_year = first["year"].reindex(agg.index).astype(int)
    family = first["network_id"].reindex(agg.index).map(lambda n: family_of.get(n, "local") if n else "local")
    base = places.drop(columns=["first_year", "n_events", "networks"]).set_index("place_id")
    out = base.join(agg, how="inner")
    out["first_year"] = first_year
    out["family"] = family.fillna("local")
    return out.reset_index().sort_values("place_id").reset_index(drop=True)


def _join(items: list[str], word: str = "or") -> str:
    items = [i for i in items if i]
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + f" {word} " + items[-1]


def _plural(n: int, one: str, many: str) -> str:
    return f"{n} {one if n == 1 else many}"


def describe(events: pd.DataFrame, state: ViewState, labels: dict[str, dict[str, str]]) -> str:
    """One sentence: "87 places in 23 countries made 124 commitments on anti-racism between 2004 and 2015."

    ``labels`` maps a key (``network``, ``theme``, ``country``) to id → readable name.
    """
    n_places = events["place_id"].nunique()
    n_countries = events["country_iso3"].nunique()
    if events.empty:
        return "No recorded commitments match these filters."
    where = ""
    if state.country:
        where = " in " + _join([labels.get("country", {}).get(c, c) for c in state.country])
    elif state.subregion:
        where = " in " + _join(list(state.subregion))
    elif state.region:
        where = " in " + _join(list(state.region))
    subject = f"{_plural(n_places, 'place', 'places')}"
    if not state.country:
        subject += f" in {_plural(n_countries, 'country', 'countries')}"
    sentence = subject + where
    kinds = ""
    if state.type:
        kinds = " " + _join([t.replace("_", " ") for t in state.type])
    sentence += f" made {len(events)}{kinds} {'commitment' if len(events) == 1 else 'commitments'}"
    if state.theme:
        sentence += " on " + _join([labels.get("theme", {}).get(t, t).lower() for t in state.theme])
    if state.network:
        sentence += " in " + _join([labels.get("network", {}).get(n, n) for n in state.network])
    if state.status:
        sentence += " with status " + _join(list(state.status))
    if state.q:
        sentence += f" matching “{state.q}”"
    lo = state.year_from if state.year_from is not None else int(events["year"].min())
    hi = state.year_to if state.year_to is not None else int(events["year"].max())
    sentence += f" in {lo}" if lo == hi else f" between {lo} and {hi}"
    return sentence + "."
