"""Tables as readers see them: plain column names, the text alternative to each map and chart."""

from __future__ import annotations

import pandas as pd

from .firsts import committed
from .kinds import EVENT_KINDS, event_class
from .links import safe_url
from .schema import EVENTS_OUT_FIELDS, PLACES_OUT_FIELDS, RAW_SCHEMAS
from .text import place_names


def places_table(places: pd.DataFrame) -> pd.DataFrame:
    """The mapped places as a plain table: the text alternative to the map."""
    return (
        pd.DataFrame(
            {
                "Place": place_names(places),
                "Country": places["country_name"],
                "Continent": places["region"],
                "First year": places["first_year"].astype(int),
                "Other years sources give": places["first_year_disputed"].str.replace(";", ", ")
                if "first_year_disputed" in places
                else "",
                "Commitments": places["n_events"].astype(int),
                "Status": places["status"],
            }
        )
        .sort_values(["First year", "Place"])
        .reset_index(drop=True)
    )


def as_of_table(places: pd.DataFrame, year: int) -> pd.DataFrame:
    """The places already in the movement by ``year`` (a place with only a first step is not)."""
    made = committed(places)
    return places_table(made[made["first_year"] <= year])


def events_table(events: pd.DataFrame, short: dict[str, str] | None = None) -> pd.DataFrame:
    """Events as readers see them: plain column names, the source and the place's profile as links."""
    short = short or {}
    network = [short.get(n, name) if n else "local act" for n, name in zip(events["network_id"], events["network_name"])]
    return pd.DataFrame(
        {
            "Year": events["year"].astype(int),
            "Place": events["place_name"],
            "Division": events.get("place_admin1", ""),
            "Country": events["country_name"],
            "What": events["event_type"].str.replace("_", " "),
            "Network": network,
            "Status after": events["status_after"],
            "Source": events["source_url"].map(lambda u: safe_url(u) or ""),
            "Profile": "cities?city=" + events["place_id"],
            "Note": events["note"],
            "Themes": events["themes"].str.replace(";", ", "),
            "Conflict group": events["conflict_group"],
            "Confidence": events["confidence"],
            "Read on": events["accessed"],
            "event_id": events["event_id"],
        }
    ).reset_index(drop=True)


def coverage_by_region(places: pd.DataFrame) -> pd.DataFrame:
    """Places and countries per continent."""
    g = places.groupby("region").agg(Places=("place_id", "nunique"), Countries=("country_iso3", "nunique"))
    return g.reset_index().rename(columns={"region": "Continent"}).sort_values("Places", ascending=False)


def kinds_table() -> pd.DataFrame:
    """The kinds of event, their class (what "new commitments" count) and what each means."""
    return pd.DataFrame(
        [{"Kind": k.replace("_", " "), "Class": event_class(k), "Meaning": meaning} for k, meaning in EVENT_KINDS.items()]
    )


def dictionary(fields: list[dict]) -> pd.DataFrame:
    """A data dictionary table from a schema's fields."""
    return pd.DataFrame([{"Column": f["name"], "Type": f["type"], "Meaning": f["description"]} for f in fields])


DICTIONARY_TABLES = [
    ("events.csv: one row per dated fact", EVENTS_OUT_FIELDS),
    ("places.csv and places.geojson: one row per place", PLACES_OUT_FIELDS),
    ("networks.csv", RAW_SCHEMAS["networks"]["fields"]),
    ("network_counts.csv: totals the networks reported", RAW_SCHEMAS["network_counts"]["fields"]),
    ("milestones.csv", RAW_SCHEMAS["milestones"]["fields"]),
    ("themes.csv", RAW_SCHEMAS["themes"]["fields"]),
]
