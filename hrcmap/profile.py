"""A place as readers meet it: the card beside the map, the profile page, its conflicts and neighbours."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from . import escape
from .firsts import first_year_only_listed, headline_year
from .links import safe_url
from .state import ViewState
from .text import place_names


@dataclass(frozen=True)
class Line:
    text: str
    url: str | None

    @property
    def markdown(self) -> str:
        """The line as markdown: our text escaped, then a link to its source."""
        return escape.markdown(self.text) + (f"  \n{escape.link('Source', self.url)}" if self.url else "")


@dataclass(frozen=True)
class PlaceCard:
    title: str
    lines: list[Line]

    @property
    def title_markdown(self) -> str:
        return escape.markdown(self.title)


def searched_place(state: ViewState, places: pd.DataFrame) -> ViewState:
    """A search that leaves exactly one place opens it."""
    if state.q and len(places) == 1:
        return state.with_(city=str(places.iloc[0]["place_id"]))
    return state


def selected_place(
    places: pd.DataFrame, events: pd.DataFrame, place_id: str | None, short: dict[str, str] | None = None
) -> PlaceCard | None:
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
    return PlaceCard(f"{p.get('label', p['name'])}{_local(p)}, {p['country_name']}", lines)


def _local(p: pd.Series) -> str:
    """ " (서울특별시)": the name in the place's own script, where the dataset has one."""
    local = str(p.get("name_local", "") or "")
    return f" ({local})" if local else ""


def place_options(places: pd.DataFrame) -> dict[str, str]:
    """place_id → 'Name, Country' ('Louisville, Colorado, United States' where names repeat; 'Seoul
    (서울특별시), South Korea' where the name has its own script, so typing either finds it), sorted by name."""
    ordered = places.sort_values(["name", "country_name"])
    labels = place_names(ordered)
    local = ordered["name_local"].fillna("").astype(str) if "name_local" in ordered else pd.Series("", index=ordered.index)
    return {
        pid: f"{label}{f' ({loc})' if loc else ''}, {country}"
        for pid, label, loc, country in zip(ordered["place_id"], labels, local, ordered["country_name"])
    }


@dataclass(frozen=True)
class Profile:
    title: str
    summary: str
    events: pd.DataFrame


def place_profile(places: pd.DataFrame, events: pd.DataFrame, place_id: str) -> Profile:
    """Everything recorded about one place, its events in time order with their sources."""
    p = places[places["place_id"] == place_id].iloc[0]
    ev = events[events["place_id"] == place_id].sort_values(["year", "date"], kind="stable")
    networks = sorted({n for n in ev["network_name"] if n})
    summary = (
        f"{p['name']} ({'; '.join(v for v in (str(p.get('name_local', '') or ''), p['kind']) if v)}) in {_where(p)}. "
        + "First recorded commitment: "
        + headline_year(p["first_year"], p.get("first_year_disputed", ""), p.get("first_kind", "commitment"))
        + (" (a list that names it; it may have joined earlier)" if first_year_only_listed(ev).any() else "")
        + f". Current status: {p['status']}. "
        + (f"Networks: {', '.join(networks)}." if networks else "No network membership recorded; local acts only.")
    )
    if p.get("coord_note", ""):
        note = str(p["coord_note"]).rstrip(".")
        summary += f" On the map: {note[:1].lower() + note[1:]}."  # "placed at its seat, Osaka": names keep their capitals
    if bool(p["has_conflict"]):
        summary += " Some sources disagree about its facts: rows in the same conflict group below tell different stories."
    return Profile(f"{p.get('label', p['name'])}, {p['country_name']}", summary, ev)


def _where(p: pd.Series) -> str:
    """ "Colorado, United States, Northern America": the division where known, the country, the subregion."""
    return ", ".join(str(v) for v in (p.get("admin1", ""), p["country_name"], p["subregion"]) if v)


@dataclass(frozen=True)
class ProfileLine:
    text: str
    url: str | None
    source_title: str

    @property
    def markdown(self) -> str:
        return escape.markdown(self.text) + "  \n" + escape.link("Source: " + self.source_title, self.url)


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


def conflicts(events: pd.DataFrame, place_id: str) -> dict[str, pd.DataFrame]:
    """Each conflict group a place is part of, with every disagreeing row (some may be about other places)."""
    groups = set(events.loc[(events["place_id"] == place_id) & (events["conflict_group"] != ""), "conflict_group"])
    out = {}
    for group, rows in events[events["conflict_group"].isin(groups)].groupby("conflict_group", sort=True):
        out[str(group)] = rows.sort_values(["year", "date"], kind="stable")
    return out


def similar_places(places: pd.DataFrame, events: pd.DataFrame, place_id: str, most: int = 6) -> pd.DataFrame:
    """Places sharing the most networks with this one (ties broken by name)."""
    mine = {n for n in events.loc[events["place_id"] == place_id, "network_id"] if n}
    if not mine:
        return pd.DataFrame(columns=["place_id", "Place", "Country", "Shared networks"])
    others = events[(events["network_id"].isin(mine)) & (events["place_id"] != place_id)]
    shared = others.groupby("place_id")["network_id"].nunique().rename("Shared networks")
    out = places.set_index("place_id").join(shared, how="inner").reset_index()
    out = out.sort_values(["Shared networks", "name"], ascending=[False, True]).head(most)
    return pd.DataFrame(
        {
            "place_id": out["place_id"],
            "Place": out["name"],
            "Country": out["country_name"],
            "Shared networks": out["Shared networks"].astype(int),
        }
    )


def conflict_markdown(row: object) -> str:
    """One claim of a conflict group, for a column beside the others: year and place in bold, note, source."""
    year, place, note, url = (getattr(row, k) for k in ("year", "place_name", "note", "source_url"))
    return f"**{escape.markdown(f'{year}, {place}')}**: {escape.markdown(note)}  \n" + escape.link("Source", url)
