"""What the pages show, as plain data: sentences and tables built from the dataset, no Streamlit."""
from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from .palette import FAMILY_COLORS, hex_of, year_colour
from .schema import FAMILIES

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


def map_legend(colour: str = "family") -> str:
    what = (
        "Colour shows the network family of each place's first recorded commitment"
        if colour == "family" else "Colour shows the year of each place's first recorded commitment, dark blue early to yellow recent"
    )
    return (
        f"{what}; circle size grows with the number of recorded commitments; a black ring marks a place "
        "whose commitments were withdrawn or repealed. Hover or tap a circle for its name, country, "
        "networks and first year; click it to see its commitments."
    )


def map_legend_items(places: pd.DataFrame, colour: str = "family") -> list[tuple[str, str]]:
    """(label, colour) pairs for the legend of the map as drawn."""
    if colour == "year":
        if places.empty:
            return []
        lo, hi = int(places["first_year"].min()), int(places["first_year"].max())
        marks = sorted({lo, (lo + hi) // 2, hi})
        return [(str(y), hex_of(year_colour(y, lo, hi))) for y in marks]
    present = set(places["family"]) if "family" in places else set()
    return [(label, FAMILY_COLORS[key]) for key, label in FAMILIES.items() if key in present]


def country_counts(places: pd.DataFrame) -> dict[str, int]:
    """Places per country (ISO3), for the country shading layer."""
    return {str(k): int(v) for k, v in places.groupby("country_iso3")["place_id"].nunique().items()}


def places_table(places: pd.DataFrame) -> pd.DataFrame:
    """The mapped places as a plain table: the text alternative to the map."""
    return pd.DataFrame({
        "Place": places["name"], "Country": places["country_name"], "Continent": places["region"],
        "First year": places["first_year"].astype(int), "Commitments": places["n_events"].astype(int),
        "Status": places["status"],
    }).sort_values(["First year", "Place"]).reset_index(drop=True)


@dataclass(frozen=True)
class Line:
    text: str
    url: str | None


@dataclass(frozen=True)
class PlaceCard:
    title: str
    lines: list[Line]


def safe_url(url: str) -> str | None:
    """A link we are willing to render: http(s) only, with brackets that would end a markdown link escaped."""
    if not isinstance(url, str) or not url.startswith(("http://", "https://")):
        return None
    return url.replace("(", "%28").replace(")", "%29").replace(" ", "%20")


def selected_place(places: pd.DataFrame, events: pd.DataFrame, place_id: str | None,
                   short: dict[str, str] | None = None) -> PlaceCard | None:
    """A short card for the place picked on the map: each commitment with its source."""
    if not place_id or place_id not in set(places["place_id"]):
        return None
    short = short or {}
    p = places[places["place_id"] == place_id].iloc[0]
    ev = events[events["place_id"] == place_id].sort_values(["year", "date"], kind="stable")
    lines = []
    for e in ev.itertuples(index=False):
        network = f" ({short.get(e.network_id, e.network_name)})" if e.network_name else ""
        lines.append(Line(f"{e.year}: {e.event_type.replace('_', ' ')}{network}. {e.note}", safe_url(e.source_url)))
    return PlaceCard(f"{p['name']}, {p['country_name']}", lines)


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


@dataclass(frozen=True)
class Facets:
    """Readable labels for every filterable value, with the number of places behind each."""

    labels: dict[str, dict[str, str]]
    counts: dict[str, dict[str, int]]

    def label(self, key: str, value: str) -> str:
        name = self.labels.get(key, {}).get(value, value)
        n = self.counts.get(key, {}).get(value)
        return f"{name} ({n})" if n is not None else name


def facets(events: pd.DataFrame, networks: pd.DataFrame, themes: pd.DataFrame) -> Facets:
    """Labels and place counts for the sidebar filters (counts over the whole dataset)."""
    def places_by(column: str, values: pd.Series | None = None) -> dict[str, int]:
        return {str(k): int(v) for k, v in events.groupby(column)["place_id"].nunique().items() if k != ""}

    theme_counts: dict[str, int] = {}
    exploded = events.assign(theme=events["themes"].str.split(";")).explode("theme")
    for t, n in exploded.groupby("theme")["place_id"].nunique().items():
        if t:
            theme_counts[str(t)] = int(n)
    return Facets(
        labels={
            "network": dict(zip(networks["network_id"], networks["short_name"])),
            "network_full": dict(zip(networks["network_id"], networks["name"])),
            "theme": dict(zip(themes["theme_id"], themes["label"])),
            "country": dict(zip(events["country_iso3"], events["country_name"])),
            "type": {t: t.replace("_", " ") for t in events["event_type"].unique()},
            "subregion_region": dict(zip(events["subregion"], events["region"])),
        },
        counts={
            "region": places_by("region"), "subregion": places_by("subregion"), "country": places_by("country_iso3"),
            "network": places_by("network_id"), "theme": theme_counts, "type": places_by("event_type"),
            "status": places_by("status_after"),
        },
    )


def growth_groups(places: pd.DataFrame, split: str) -> tuple[pd.DataFrame, dict[str, str]]:
    """Places with a readable ``group`` column for the growth chart, and each group's colour."""
    from .palette import REGION_COLORS

    if split == "family":
        labelled = places.assign(group=places["family"].map(FAMILIES))
        return labelled, {FAMILIES[k]: c for k, c in FAMILY_COLORS.items()}
    return places.assign(group=places["region"]), dict(REGION_COLORS)


def coverage_options(networks: pd.DataFrame, counts: pd.DataFrame) -> dict[str, str]:
    """Networks that report totals: id → short name, largest reported total first."""
    top = counts.groupby("network_id")["count"].max().sort_values(ascending=False)
    names = dict(zip(networks["network_id"], networks["short_name"]))
    return {n: names.get(n, n) for n in top.index if n in names}


def growth_sentence(table: pd.DataFrame) -> str:
    if table.empty:
        return "No places match these filters."
    last = table.iloc[-1]
    lead = last.sort_values(ascending=False)
    return (
        f"From {int(table.index.min())} to {int(table.index.max())} the number of places grew to {int(last.sum())}; "
        f"the largest group is {lead.index[0]} with {int(lead.iloc[0])}."
    )


def per_year_sentence(table: pd.DataFrame) -> str:
    if table.empty:
        return "No commitments match these filters."
    totals = table.sum(axis=1)
    return f"{int(totals.sum())} commitments; the busiest year was {int(totals.idxmax())} with {int(totals.max())}."


def as_of_table(places: pd.DataFrame, year: int) -> pd.DataFrame:
    """The places already in the movement by ``year``."""
    return places_table(places[places["first_year"] <= year])


def as_of_sentence(places: pd.DataFrame, year: int) -> str:
    shown = places[places["first_year"] <= year]
    return (
        f"As of {year}, {len(shown)} of the {len(places)} places shown had made their first commitment, "
        f"in {shown['country_iso3'].nunique()} countries. Press Play to watch the years go by."
    )


def coverage_sentence(table: pd.DataFrame, name: str) -> str:
    reported = table.dropna(subset=["reported"])
    if table.empty:
        return f"No data for {name}."
    mapped = int(table["mapped"].iloc[-1])
    if reported.empty:
        return f"hrcmap maps {mapped} places in {name}; the network publishes no total we could source."
    r = reported.iloc[-1]
    return f"hrcmap maps {mapped} places in {name}; the latest total it reported is {int(r['reported'])} ({int(r['year'])})."
