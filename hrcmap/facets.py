"""Readable labels for every filterable value, with the number of places behind each."""

from __future__ import annotations

from dataclasses import dataclass, replace

import pandas as pd


@dataclass(frozen=True)
class Facets:
    """Readable labels for every filterable value, with the number of places behind each."""

    labels: dict[str, dict[str, str]]
    counts: dict[str, dict[str, int]]

    def label(self, key: str, value: str) -> str:
        """ "Asia (195 places)": the value's name and the places it would show."""
        name = self.labels.get(key, {}).get(value, value)
        counts = self.counts.get(key)
        if counts is None:
            return name
        n = counts.get(value, 0)
        return f"{name} ({n} {'place' if n == 1 else 'places'})"

    def with_counts(self, counts: dict[str, dict[str, int]]) -> Facets:
        """The same labels with other counts (those that follow the other filters)."""
        return replace(self, counts=counts)


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
            "region": places_by("region"),
            "subregion": places_by("subregion"),
            "country": places_by("country_iso3"),
            "network": places_by("network_id"),
            "theme": theme_counts,
            "type": places_by("event_type"),
            "status": places_by("status_after"),
        },
    )
