"""What the pages show, as plain data: sentences and tables built from the dataset, no Streamlit."""
from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from .palette import REGION_COLORS

ABOUT = """
**hrcmap** is an open atlas of the human rights cities movement: the cities, counties and regions
that declared themselves human rights cities, adopted human rights ordinances or charters, or
joined networks of such places, with the year of each commitment and the page that states it.

**What counts.** A place enters the atlas with at least one dated commitment that a public page
states: a declaration as a human rights city, a local human rights ordinance, the signature of a
charter, a resolution, or membership of a network of cities committed to human rights. A city that
only hosted a meeting, or that a source merely mentions, does not count.

**How it was gathered.** Each fact was read on a public page (a network's site, a city's own page,
council records, news, research reports); its address and the day it was read are kept with it.
Notes are written in our own words. Where sources disagree, both are kept and linked, so that you
can see the disagreement rather than our guess. Withdrawn or repealed commitments stay in the data
with their own event.

**Known gaps.** Several networks do not publish their member lists, so the atlas maps only the
members that a page names. The Networks page compares what we map with the totals the networks report.
"""


def overview_sentence(events: pd.DataFrame, places: pd.DataFrame) -> str:
    """One plain sentence describing what is shown."""
    if events.empty:
        return "No commitments match."
    n_places = places["place_id"].nunique()
    n_countries = places["country_iso3"].nunique()
    first, last = int(events["year"].min()), int(events["year"].max())
    return (
        f"{n_places} {'place' if n_places == 1 else 'places'} in {n_countries} "
        f"{'country' if n_countries == 1 else 'countries'} made {len(events)} recorded "
        f"{'commitment' if len(events) == 1 else 'commitments'} between {first} and {last}."
    )


def map_legend() -> str:
    parts = [f"{region}" for region in REGION_COLORS]
    return (
        "Colour shows the continent (" + ", ".join(parts) + "); circle size grows with the number of "
        "recorded commitments; a black ring marks a place whose commitments were withdrawn or repealed. "
        "Hover or tap a circle for its name, country, networks and first year."
    )


def place_options(places: pd.DataFrame) -> dict[str, str]:
    """place_id → 'Name, Country', sorted by name, for a search box."""
    ordered = places.sort_values(["name", "country_name"])
    return {pid: f"{name}, {country}" for pid, name, country in zip(ordered["place_id"], ordered["name"], ordered["country_name"])}


@dataclass(frozen=True)
class Profile:
    title: str
    summary: str
    table: pd.DataFrame
    events: pd.DataFrame


def place_profile(places: pd.DataFrame, events: pd.DataFrame, place_id: str) -> Profile:
    """Everything recorded about one place, its events in time order with their sources."""
    p = places[places["place_id"] == place_id].iloc[0]
    ev = events[events["place_id"] == place_id].sort_values(["year", "date"], kind="stable")
    networks = sorted({n for n in ev["network_name"] if n})
    summary = (
        f"{p['name']} ({p['kind']}) in {p['country_name']}, {p['subregion']}. "
        f"First recorded commitment: {int(p['first_year'])}. Current status: {p['status']}. "
        + (f"Networks: {', '.join(networks)}." if networks else "No network membership recorded; local acts only.")
    )
    if bool(p["has_conflict"]):
        summary += " Some sources disagree about its facts: rows in the same conflict group below tell different stories."
    return Profile(f"{p['name']}, {p['country_name']}", summary, events_table(ev), ev)


def events_table(events: pd.DataFrame) -> pd.DataFrame:
    """Events as readers see them: plain column names, the source as a link."""
    return pd.DataFrame({
        "Year": events["year"].astype(int),
        "Place": events["place_name"],
        "Country": events["country_name"],
        "What": events["event_type"].str.replace("_", " "),
        "Network": events["network_name"].where(events["network_name"] != "", "local act"),
        "Status after": events["status_after"],
        "Themes": events["themes"].str.replace(";", ", "),
        "Note": events["note"],
        "Conflict group": events["conflict_group"],
        "Confidence": events["confidence"],
        "Source": events["source_url"],
        "Read on": events["accessed"],
    }).reset_index(drop=True)


def network_table(networks: pd.DataFrame, counts: pd.DataFrame) -> pd.DataFrame:
    """Each network with the places we map and its latest self-reported total."""
    rows = []
    for n in networks.itertuples(index=False):
        reported = counts[counts["network_id"] == n.network_id].sort_values(["year", "count"])
        latest = reported.iloc[-1] if len(reported) else None
        total = "–"
        if latest is not None:
            q = {"about": "about ", "more_than": "more than "}.get(latest["qualifier"], "")
            total = f"{q}{int(latest['count'])} {latest['unit']} ({int(latest['year'])})"
        rows.append({
            "Network": n.short_name, "Full name": n.name, "Kind": n.kind, "Scope": n.scope,
            "Founded": "" if pd.isna(n.founded_year) else str(int(n.founded_year)),
            "Places mapped": int(n.places_mapped), "Reported total": total,
            "Website": n.url, "Source": n.source_url,
        })
    return pd.DataFrame(rows).sort_values(["Places mapped", "Network"], ascending=[False, True]).reset_index(drop=True)


def coverage_by_region(places: pd.DataFrame) -> pd.DataFrame:
    """Places and countries per continent."""
    g = places.groupby("region").agg(Places=("place_id", "nunique"), Countries=("country_iso3", "nunique"))
    return g.reset_index().rename(columns={"region": "Continent"}).sort_values("Places", ascending=False)


def dictionary(fields: list[dict]) -> pd.DataFrame:
    """A data dictionary table from a schema's fields."""
    return pd.DataFrame([{"Column": f["name"], "Type": f["type"], "Meaning": f["description"]} for f in fields])
