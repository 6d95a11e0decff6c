"""What the pages show, as plain data: sentences and tables built from the dataset, no Streamlit."""
from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from .palette import FAMILY_COLORS, hex_of, year_colour
from .schema import ENDING_EVENT_TYPES, EVENTS_OUT_FIELDS, FAMILIES, PLACES_OUT_FIELDS, RAW_SCHEMAS

ABOUT = """
**hrcmap** is an open atlas of the human rights cities movement: the cities, counties and regions
that declared themselves human rights cities, adopted human rights ordinances or charters, or
joined networks of such places, with the year of each commitment and the page that states it.

### What is a human rights city?

There is no single definition; hrcmap records the places that fit any of the three in use:

- **A legal and policy definition**: a municipality that refers explicitly to the Universal
  Declaration of Human Rights and to international human rights law in its own policies,
  ordinances or charters.
- **The Gwangju Declaration's definition** (first World Human Rights Cities Forum, 2011): a human
  rights city is both a local community and a socio-political process, in which residents and
  local government together put human rights into practice.
- **A sociological definition**: a city organised around human rights norms and principles,
  whether or not its council has said so in law.

### What counts

A place enters the atlas with at least one dated commitment that a public page states: a
declaration as a human rights city, a local human rights ordinance, the signature of a charter, a
council resolution, or membership of a network of cities committed to human rights or against
discrimination. A city a source merely mentions, or one that only hosted a meeting, does not count.
A membership known only "as of" a year is recorded as *listed* in that year (the place may have joined
earlier) and marked medium confidence.

### How it was gathered

Each fact was read on a public page (a network's site, a city's own pages, council records,
local-language news, research reports); its address and the day it was read are kept with it.
Notes are our own words. Places are located offline from the GeoNames gazetteer or from a page
giving their coordinates, and each point is checked against its country's outline.

### Conflicts and withdrawals

When sources disagree (a year, who was "first"), each claim is its own row with its own source,
and the rows are linked: every place profile shows them side by side. A withdrawn, repealed or
lapsed commitment gets an event of its own; its earlier events stay, and the map rings the place in
black.

### Known gaps

Several networks publish counts but no member lists, so the atlas maps only the members a page
names. The table below compares what we map with what each network reported.

### Licence, citation, corrections

The data is licensed CC BY 4.0 and the code MIT. Cite the data as shown at the foot of every page.
To propose a correction, name the place (its `city=` link) or the row's `event_id` on the Data page,
and the page that says otherwise.
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
    events: pd.DataFrame


def first_year_only_listed(events: pd.DataFrame) -> pd.Series:
    """Per place: True when its earliest commitment year has only ``listed`` events (a membership
    list, not the act of joining), so the place may have joined earlier."""
    starting = events[~events["event_type"].isin(ENDING_EVENT_TYPES)]
    if starting.empty:
        return pd.Series(dtype=bool)
    years = starting["year"].astype(int)
    firsts = starting[years == years.groupby(starting["place_id"]).transform("min")]
    return firsts.groupby("place_id")["event_type"].apply(lambda s: bool((s.astype(str) == "listed").all()))


def place_profile(places: pd.DataFrame, events: pd.DataFrame, place_id: str) -> Profile:
    """Everything recorded about one place, its events in time order with their sources."""
    p = places[places["place_id"] == place_id].iloc[0]
    ev = events[events["place_id"] == place_id].sort_values(["year", "date"], kind="stable")
    networks = sorted({n for n in ev["network_name"] if n})
    summary = (
        f"{p['name']} ({p['kind']}) in {p['country_name']}, {p['subregion']}. "
        f"First recorded commitment: {int(p['first_year'])}"
        + (" (a list that names it; it may have joined earlier)" if first_year_only_listed(ev).any() else "")
        + f". Current status: {p['status']}. "
        + (f"Networks: {', '.join(networks)}." if networks else "No network membership recorded; local acts only.")
    )
    if bool(p["has_conflict"]):
        summary += " Some sources disagree about its facts: rows in the same conflict group below tell different stories."
    return Profile(f"{p['name']}, {p['country_name']}", summary, ev)


def events_table(events: pd.DataFrame, short: dict[str, str] | None = None) -> pd.DataFrame:
    """Events as readers see them: plain column names, the source and the place's profile as links."""
    short = short or {}
    network = [short.get(n, name) if n else "local act" for n, name in zip(events["network_id"], events["network_name"])]
    return pd.DataFrame({
        "Year": events["year"].astype(int),
        "Place": events["place_name"],
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
            # the numbers first, so they stay in view on a narrow screen
            "Network": n.short_name, "Places mapped": int(n.places_mapped), "Reported total": total,
            "Founded": "" if pd.isna(n.founded_year) else str(int(n.founded_year)),
            "Kind": n.kind, "Scope": n.scope, "Full name": n.name, "Website": n.url, "Source": n.source_url,
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


def network_overlap(events: pd.DataFrame, names: dict[str, str], top: int = 14) -> pd.DataFrame:
    """Places shared by each pair of networks (the diagonal: places in the network), largest networks first."""
    members = events[events["network_id"] != ""].groupby("network_id")["place_id"].agg(set)
    order = members.map(len).sort_values(ascending=False).index[:top]
    labels = [names.get(n, n) for n in order]
    matrix = [[len(members[a] & members[b]) for b in order] for a in order]
    return pd.DataFrame(matrix, index=labels, columns=labels)


def membership_spread(events: pd.DataFrame) -> pd.DataFrame:
    """How many places belong to 0, 1, 2, 3… networks."""
    per_place = events.groupby("place_id")["network_id"].agg(lambda s: len({n for n in s if n}))
    counts = per_place.value_counts().sort_index()
    return pd.DataFrame({"Networks": counts.index.astype(int), "Places": counts.values.astype(int)})


def network_facts(networks: pd.DataFrame, network_id: str, family_labels: dict[str, str]) -> list[tuple[str, str]]:
    """(label, value) lines describing one network."""
    n = networks[networks["network_id"] == network_id].iloc[0]
    founded = "" if pd.isna(n["founded_year"]) else str(int(n["founded_year"]))
    where = f" in {n['founded_place']}" if n["founded_place"] else ""
    return [
        ("Kind", f"{n['kind']} ({family_labels.get(n['family'], n['family'])})"),
        ("Founded", (founded + where) if founded else "no source gives a founding year"),
        ("Scope", n["scope"]),
        ("Themes", n["themes"].replace(";", ", ") or "–"),
    ]


def similar_places(places: pd.DataFrame, events: pd.DataFrame, place_id: str, most: int = 6) -> pd.DataFrame:
    """Places sharing the most networks with this one (ties broken by name)."""
    mine = {n for n in events.loc[events["place_id"] == place_id, "network_id"] if n}
    if not mine:
        return pd.DataFrame(columns=["place_id", "Place", "Country", "Shared networks"])
    others = events[(events["network_id"].isin(mine)) & (events["place_id"] != place_id)]
    shared = others.groupby("place_id")["network_id"].nunique().rename("Shared networks")
    out = places.set_index("place_id").join(shared, how="inner").reset_index()
    out = out.sort_values(["Shared networks", "name"], ascending=[False, True]).head(most)
    return pd.DataFrame({"place_id": out["place_id"], "Place": out["name"], "Country": out["country_name"],
                         "Shared networks": out["Shared networks"].astype(int)})


def conflicts(events: pd.DataFrame, place_id: str) -> dict[str, pd.DataFrame]:
    """Each conflict group a place is part of, with every disagreeing row (some may be about other places)."""
    groups = set(events.loc[(events["place_id"] == place_id) & (events["conflict_group"] != ""), "conflict_group"])
    out = {}
    for group, rows in events[events["conflict_group"].isin(groups)].groupby("conflict_group", sort=True):
        out[str(group)] = rows.sort_values(["year", "date"], kind="stable")
    return out


@dataclass(frozen=True)
class ProfileLine:
    text: str
    url: str | None
    source_title: str


def profile_lines(events: pd.DataFrame, short: dict[str, str]) -> list[ProfileLine]:
    """One line per commitment: year, what, network, status, themes, our note; and its source."""
    out = []
    for e in events.sort_values(["year", "date"], kind="stable").itertuples(index=False):
        bits = [f"{e.date or e.year}: {e.event_type.replace('_', ' ')}"]
        bits.append(f"in {short.get(e.network_id, e.network_name)}" if e.network_id else "local act")
        bits.append(f"status after: {e.status_after}")
        if e.themes:
            bits.append("themes: " + e.themes.replace(";", ", "))
        if e.confidence != "high":
            bits.append(f"confidence: {e.confidence}")
        out.append(ProfileLine(" · ".join(bits) + f". {e.note}", safe_url(e.source_url), str(e.source_title)))
    return out


# Every downloadable table and its fields, from the schema the build validates with.

DICTIONARY_TABLES = [
    ("events.csv: one row per dated fact", EVENTS_OUT_FIELDS),
    ("places.csv and places.geojson: one row per place", PLACES_OUT_FIELDS),
    ("networks.csv", RAW_SCHEMAS["networks"]["fields"]),
    ("network_counts.csv: totals the networks reported", RAW_SCHEMAS["network_counts"]["fields"]),
    ("milestones.csv", RAW_SCHEMAS["milestones"]["fields"]),
    ("themes.csv", RAW_SCHEMAS["themes"]["fields"]),
]


def known_gaps(networks: pd.DataFrame, counts: pd.DataFrame) -> pd.DataFrame:
    """Networks whose own latest total is larger than what we map, largest gap first."""
    rows = []
    for n in networks.itertuples(index=False):
        reported = counts[counts["network_id"] == n.network_id].sort_values(["year", "count"])
        if reported.empty:
            continue
        last = reported.iloc[-1]
        total, mapped = int(last["count"]), int(n.places_mapped)
        if total > mapped:
            rows.append({"Network": n.short_name, "Mapped here": mapped, "Reported": total,
                         "Reported in": int(last["year"]), "Share mapped": f"{100 * mapped / total:.0f}%"})
    return pd.DataFrame(rows).sort_values("Reported", ascending=False).reset_index(drop=True) if rows else pd.DataFrame()


def source_domains(urls: pd.Series, most: int = 6) -> list[tuple[str, int]]:
    """The sites most cited among ``urls``, with how many facts each supports."""
    from urllib.parse import urlparse

    hosts = urls.map(lambda u: (urlparse(u).hostname or "").removeprefix("www."))
    counts = hosts[hosts != ""].value_counts()
    return [(h, int(n)) for h, n in counts.head(most).items()]


def image_source(version: str, events: pd.DataFrame, context: str = "", link: str | None = None) -> str:
    """The line printed at the foot of an exported chart: what it shows, where the facts come from, the licence."""
    top = ", ".join(h for h, _ in source_domains(events["source_url"], most=3))
    parts = [context.strip()] if context.strip() else []
    parts.append(
        f"Source: hrcmap {version}, CC BY 4.0, from {events['source_url'].nunique()} cited pages"
        + (f" (most cited: {top})" if top else "") + "."
    )
    if link:
        parts.append(f"View: {link}")
    return " ".join(parts)


def embed_snippet(link: str, title: str, height: int = 640) -> str:
    """An iframe for the current view in Streamlit's embed mode (no toolbar, no padding)."""
    from html import escape
    from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

    parts = urlsplit(link)
    query = [(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if k != "embed"] + [("embed", "true")]
    src = urlunsplit((parts.scheme, parts.netloc, parts.path, urlencode(query), ""))
    return (f'<iframe src="{escape(src, quote=True)}" title="{escape(title, quote=True)}" width="100%" '
            f'height="{int(height)}" style="border:0" loading="lazy"></iframe>')


def listing_caveat(events: pd.DataFrame) -> str:
    """How many places' first year comes only from a membership list (they may have joined earlier)."""
    only_listed = first_year_only_listed(events)
    n = int(only_listed.sum())
    if not n:
        return ""
    return (f"For {n} of these {len(only_listed)} places the first year is that of a dated list naming them "
            "as members (event type “listed”): they may have joined earlier, so the curve can run late, never early.")
