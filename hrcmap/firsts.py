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

import numpy as np
import pandas as pd

from .kinds import COMMITMENT_TYPES, ENDING_EVENT_TYPES, event_class
from .text import join_words

_RANK = {"high": 2, "medium": 1}
SEVERAL = "several"  # the family of a place whose networks belong to more than one family


def outranked(events: pd.DataFrame) -> pd.Series:
    """True for rows whose conflict group holds a better-sourced row (high confidence over medium)."""
    out = np.zeros(len(events), dtype=bool)
    if "conflict_group" in events and "confidence" in events:
        groups, ranks = events["conflict_group"].tolist(), [_RANK.get(c, 0) for c in events["confidence"].tolist()]
        grouped = [i for i, g in enumerate(groups) if isinstance(g, str) and g]  # few rows: a loop beats a groupby
        best: dict[str, int] = {}
        for i in grouped:
            best[groups[i]] = max(best.get(groups[i], 0), ranks[i])
        for i in grouped:
            out[i] = ranks[i] < best[groups[i]]
    return pd.Series(out, index=events.index)


def _tier(events: pd.DataFrame) -> np.ndarray:
    """0 for commitments, 1 for steps, 2 for endings: the order the headline rule looks in."""
    kind = events["event_type"]
    return (~kind.isin(COMMITMENT_TYPES)).to_numpy(dtype=np.int8) + kind.isin(ENDING_EVENT_TYPES).to_numpy(dtype=np.int8)


class _Heads:
    """The headline rule worked out once on arrays: each place's first row and its disputed years.

    The events are ordered by place, tier, outranked, year, date and id with one ``np.lexsort``;
    each place's first row in that order is its headline (a pandas sort and groupby cost ten
    times more, and this runs on every filter change)."""

    def __init__(self, events: pd.DataFrame) -> None:
        codes, self.places = pd.factorize(events["place_id"], sort=True)
        tier, year = _tier(events), events["year"].astype(int).to_numpy()
        keys = [events[k].to_numpy(dtype=object) for k in ("event_id", "date") if k in events]
        order = np.lexsort((*keys, year, outranked(events).to_numpy(), tier, codes))
        ordered = codes[order]
        self.rows = order[np.r_[True, ordered[1:] != ordered[:-1]]] if len(order) else order
        self.events, self.codes, self.tier, self.year = events, codes, tier, year

    def first(self) -> pd.DataFrame:
        return self.events.iloc[self.rows].set_index(pd.Index(self.places, name="place_id")).drop(columns="place_id")

    def disputed(self) -> pd.Series:
        """Per place, the other years its sources give for its first commitment: its outranked
        earlier claims and the other years of its headline row's conflict group."""
        codes, year, rows = self.codes, self.year, self.rows
        head_year = year[rows][codes]
        other = year < head_year
        if "conflict_group" in self.events:
            groups = self.events["conflict_group"].to_numpy(dtype=object)
            other |= (groups != "") & (groups == groups[rows][codes]) & (year != head_year)
        other &= self.tier == self.tier[rows][codes]  # rows of the headline's tier only
        found: dict[int, set[int]] = {}
        for code, y in zip(codes[other].tolist(), year[other].tolist()):
            found.setdefault(code, set()).add(y)
        text = [";".join(map(str, sorted(found[c]))) if c in found else "" for c in range(len(self.places))]
        return pd.Series(text, index=pd.Index(self.places, name="place_id"), dtype="string")


def first_events(events: pd.DataFrame) -> pd.DataFrame:
    """One row per place (indexed by place_id): the event that gives its headline year."""
    return _Heads(events).first()


def headlines(events: pd.DataFrame, families: dict[str, str] | None = None) -> pd.DataFrame:
    """Per place (indexed by place_id, in order): first_year, first_year_disputed and first_kind,
    from one ordering of the events; with ``families`` (network → family) also n_events, networks
    (its distinct networks, ";"-joined) and family (see :func:`families_of_places`)."""
    heads = _Heads(events)
    kinds = events["event_type"].to_numpy(dtype=object)[heads.rows]
    columns: dict[str, object] = {
        "first_year": heads.year[heads.rows],
        "first_year_disputed": heads.disputed().to_numpy(dtype=object),
        "first_kind": np.array([event_class(str(k)) for k in kinds], dtype=object),
    }
    if families is not None:
        found: list[set[str]] = [set() for _ in heads.places]
        for code, network in zip(heads.codes.tolist(), events["network_id"].tolist()):
            if network:
                found[code].add(network)
        columns["n_events"] = np.bincount(heads.codes, minlength=len(heads.places))
        columns["networks"] = np.array([";".join(sorted(f)) for f in found], dtype=object)
        columns["family"] = np.array([_family({families.get(n, "local") for n in f}) for f in found], dtype=object)
    index = pd.Index(heads.places, name="place_id")
    # text as Python strings: pandas would otherwise convert each column to Arrow strings, which the
    # views then select from at a cost (see load._plain_strings)
    return pd.DataFrame({k: pd.Series(v, index=index, dtype=object if k in _TEXT else None) for k, v in columns.items()})


_TEXT = ("first_year_disputed", "first_kind", "networks", "family")


def _family(kinds: set[str]) -> str:
    return next(iter(kinds)) if len(kinds) == 1 else SEVERAL if kinds else "local"


def first_years(events: pd.DataFrame) -> pd.Series:
    """place_id → the year of its first commitment (see the module's rule)."""
    heads = _Heads(events)
    return pd.Series(heads.year[heads.rows], index=pd.Index(heads.places, name="place_id"), name="year")


def disputed_first_years(events: pd.DataFrame) -> pd.Series:
    """place_id → ";"-separated other years sources give for its first commitment ("" where none)."""
    return _Heads(events).disputed()


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
    return headlines(events, families)["family"]


def first_year_only_listed(events: pd.DataFrame) -> pd.Series:
    """Per place: True when its earliest commitment year has only ``listed`` events (a membership
    list, not the act of joining), so the place may have joined earlier."""
    if events.empty:
        return pd.Series(dtype=bool)
    heads = _Heads(events)
    codes, rows = heads.codes, heads.rows
    at_head = (heads.tier == heads.tier[rows][codes]) & (heads.year == heads.year[rows][codes])
    acts = at_head & (events["event_type"].to_numpy(dtype=object) != "listed")
    return pd.Series(np.bincount(codes[acts], minlength=len(heads.places)) == 0, index=pd.Index(heads.places, name="place_id"))
