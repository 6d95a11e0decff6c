"""Readable labels for every filterable value, with the number of places behind each."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd


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
            "region": places_by("region"),
            "subregion": places_by("subregion"),
            "country": places_by("country_iso3"),
            "network": places_by("network_id"),
            "theme": theme_counts,
            "type": places_by("event_type"),
            "status": places_by("status_after"),
        },
    )
