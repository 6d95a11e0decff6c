"""The headline facts of a place: which of its events comes first, its first year, its colour family.

One home for the rule every view, export and the build use:

1. a place's first event is one of its commitments (declared, ordinance, resolution, charter signed,
   joined, founded, listed, award, institution); only when it has none is it a step (an initiative,
   a network role, …), and only when nothing but endings is left is it the earliest ending;
2. a claim that a better-sourced row of its own conflict group outranks (high confidence over
   medium) never gives the headline while the place has another commitment;
3. among what is left, the earliest year wins (then the date, then the event id).

When sources disagree on that first year (an outranked earlier claim, or another row of the
headline row's conflict group), the headline says so: "2001; one source says 2000".
"""

from __future__ import annotations

import pandas as pd

from .kinds import COMMITMENT_TYPES, ENDING_EVENT_TYPES, event_class
from .text import join_words

_RANK = {"high": 2, "medium": 1}
SEVERAL = "several"  # the family of a place whose networks belong to more than one family


def outranked(events: pd.DataFrame) -> pd.Series:
    """True for rows whose conflict group holds a better-sourced row (high confidence over medium)."""
    if "conflict_group" not in events or "confidence" not in events:
        return pd.Series(False, index=events.index)
    rank = events["confidence"].map(_RANK).fillna(0)
    grouped = events["conflict_group"] != ""
    best = rank.where(grouped).groupby(events["conflict_group"]).transform("max")
    return grouped & (rank < best)


def _tier(events: pd.DataFrame) -> pd.Series:
    """0 for commitments, 1 for steps, 2 for endings: the order the headline rule looks in."""
    kind = events["event_type"]
    return (~kind.isin(COMMITMENT_TYPES)).astype(int) + kind.isin(ENDING_EVENT_TYPES).astype(int)


def first_events(events: pd.DataFrame) -> pd.DataFrame:
    """One row per place (indexed by place_id): the event that gives its headline year."""
    ordered = events.assign(_tier=_tier(events), _outranked=outranked(events))
    keys = [k for k in ("_tier", "_outranked", "year", "date", "event_id") if k in ordered]
    ordered = ordered.sort_values(keys, kind="stable")
    return ordered.groupby("place_id", sort=True).head(1).set_index("place_id").drop(columns=["_tier", "_outranked"])


def _starting(events: pd.DataFrame) -> pd.DataFrame:
    """Each place's events of the tier its headline comes from (its commitments, if it has any)."""
    tier = _tier(events)
    return events[tier == tier.groupby(events["place_id"]).transform("min")]


def headlines(events: pd.DataFrame) -> pd.DataFrame:
    """Per place (indexed by place_id): first_year, first_year_disputed and first_kind, from one
    ordering of the events (the three functions below, each alone, order them again)."""
    first = first_events(events)
    return pd.DataFrame(
        {
            "first_year": first["year"].astype(int),
            "first_year_disputed": disputed_first_years(events, first),
            "first_kind": first["event_type"].astype(str).map(event_class),
        },
        index=first.index,
    )


def first_years(events: pd.DataFrame) -> pd.Series:
    """place_id → the year of its first commitment (see the module's rule)."""
    return first_events(events)["year"].astype(int)


def disputed_first_years(events: pd.DataFrame, first: pd.DataFrame | None = None) -> pd.Series:
    """place_id → ";"-separated other years sources give for its first commitment ("" where none).

    Those are its outranked earlier claims, and the other years of the headline row's conflict group.
    ``first`` is :func:`first_events` of the same events, when the caller has it already.
    """
    first = first_events(events) if first is None else first
    commitments = _starting(events)
    if commitments.empty:
        return pd.Series("", index=first.index, dtype="string")
    years = commitments["year"].astype(int)
    head_year = commitments["place_id"].map(first["year"].astype(int))
    groups = commitments.get("conflict_group", pd.Series("", index=commitments.index))
    head_group = commitments["place_id"].map(first["conflict_group"]) if "conflict_group" in first else ""
    other = (years < head_year) | ((groups != "") & (groups == head_group) & (years != head_year))
    found: dict[str, set[int]] = {}
    for place, year in zip(commitments.loc[other, "place_id"].tolist(), years[other].tolist()):
        found.setdefault(place, set()).add(year)
    disputed = pd.Series({p: ";".join(map(str, sorted(ys))) for p, ys in found.items()}, dtype="string")
    return disputed.reindex(first.index, fill_value="")


def committed(places: pd.DataFrame) -> pd.DataFrame:
    """The places that have made a commitment (a place with only a first step has not yet): what
    every count and picture of places "by year of first commitment" shows."""
    return places[places["first_kind"] == "commitment"] if "first_kind" in places else places


def first_kinds(events: pd.DataFrame) -> pd.Series:
    """place_id → ``commitment``, or ``step`` for a place with no commitment yet (``ending`` if only endings)."""
    return first_events(events)["event_type"].astype(str).map(event_class)


def headline_year(year: int, disputed: str = "", kind: str = "commitment") -> str:
    """How every view writes a place's first year: ``2001``, ``2001; one source says 2000``, or for
    a place with only a first step so far, ``none yet (first step 2018)``."""
    others = [y for y in str(disputed or "").split(";") if y]
    says = "one source says" if len(others) == 1 else "other sources say"
    year_text = f"{int(year)}; {says} {join_words(others)}" if others else str(int(year))
    return f"none yet (first step {year_text})" if kind == "step" else year_text


def families_of_places(events: pd.DataFrame, families: dict[str, str]) -> pd.Series:
    """place_id → the network family it belongs to: one family, ``several``, or ``local`` (no network)."""

    found: dict[str, set[str]] = {}
    for place, network in zip(events["place_id"].tolist(), events["network_id"].tolist()):
        kinds = found.setdefault(place, set())
        if network:
            kinds.add(families.get(network, "local"))
    out = {p: (next(iter(f)) if len(f) == 1 else SEVERAL if f else "local") for p, f in sorted(found.items())}
    return pd.Series(out, dtype=object, name="network_id").rename_axis("place_id")


def first_year_only_listed(events: pd.DataFrame) -> pd.Series:
    """Per place: True when its earliest commitment year has only ``listed`` events (a membership
    list, not the act of joining), so the place may have joined earlier."""
    starting = _starting(events)
    if starting.empty:
        return pd.Series(dtype=bool)
    years = starting["year"].astype(int)
    firsts = starting[years == starting["place_id"].map(first_years(starting))]
    listed = firsts["event_type"].astype(str) == "listed"
    return listed.groupby(firsts["place_id"]).all().astype(bool)
