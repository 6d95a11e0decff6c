"""The view state and its URL form: one frozen object, validated against the data, defaults omitted.

The URL contract: ``region``, ``subregion``, ``country`` (ISO3), ``network``, ``theme``, ``type``
(event type), ``status``, ``from``, ``to`` (years), ``city`` (place_id), ``q`` (search text),
``year`` (the "as of" year), plus the display choices ``colour``, ``split`` and ``shade``
(country shading on the map, written as ``shade=1``). Lists may be
repeated or comma-separated; we write them comma-separated. Unknown or malformed values are
dropped, each with a notice a person can read; nothing here raises on user input.
"""
from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, fields, replace

import pandas as pd

LIST_KEYS = ("region", "subregion", "country", "network", "theme", "type", "status")
COLOURS = ("family", "year")
SPLITS = ("region", "family")
# Keys Streamlit itself puts in the URL: never reported as unknown.
STREAMLIT_KEYS = ("embed", "embed_options")
MAX_VALUE_CHARS = 120
MAX_VALUES = 60
MAX_Q_CHARS = 80


@dataclass(frozen=True)
class Options:
    """The values each URL key may take, derived from the dataset."""

    region: tuple[str, ...]
    subregion: tuple[str, ...]
    country: tuple[str, ...]
    network: tuple[str, ...]
    theme: tuple[str, ...]
    type: tuple[str, ...]
    status: tuple[str, ...]
    years: tuple[int, int]
    places: frozenset[str]

    @classmethod
    def from_data(cls, events: pd.DataFrame, networks: pd.DataFrame, themes: pd.DataFrame) -> Options:
        from .schema import EVENT_TYPES, REGIONS, STATUSES

        def present(values: Iterable[str], order: Iterable[str] | None = None) -> tuple[str, ...]:
            seen = {v for v in values if v}
            return tuple(v for v in order if v in seen) if order is not None else tuple(sorted(seen))

        return cls(
            region=present(events["region"], REGIONS),
            subregion=present(events["subregion"]),
            country=present(events["country_iso3"]),
            network=present(events["network_id"], networks["network_id"]),
            theme=tuple(themes["theme_id"]),
            type=present(events["event_type"], EVENT_TYPES),
            status=present(events["status_after"], STATUSES),
            years=(int(events["year"].min()), int(events["year"].max())),
            places=frozenset(events["place_id"]),
        )


@dataclass(frozen=True)
class ViewState:
    region: tuple[str, ...] = ()
    subregion: tuple[str, ...] = ()
    country: tuple[str, ...] = ()
    network: tuple[str, ...] = ()
    theme: tuple[str, ...] = ()
    type: tuple[str, ...] = ()
    status: tuple[str, ...] = ()
    year_from: int | None = None
    year_to: int | None = None
    city: str | None = None
    q: str = ""
    year: int | None = None
    colour: str = COLOURS[0]
    split: str = SPLITS[0]
    shade: bool = False
    notices: tuple[str, ...] = field(default=(), compare=False)

    def with_(self, **changes) -> ViewState:
        return replace(self, **changes)

    @property
    def is_filtered(self) -> bool:
        return any(getattr(self, k) for k in LIST_KEYS) or self.year_from is not None or self.year_to is not None or bool(self.q)


def _values(params: Mapping[str, object], key: str) -> list[str]:
    """All values of a key, whether repeated (?a=1&a=2) or comma-separated (?a=1,2)."""
    getter = getattr(params, "get_all", None)
    raw = getter(key) if getter else params.get(key, [])
    if isinstance(raw, str):
        raw = [raw]
    out: list[str] = []
    for item in raw or []:
        out.extend(part.strip() for part in str(item).split(","))
    return [v for v in out if v]


def _short(value: str) -> str:
    """A value as it may be quoted back in a notice: short, printable."""
    clean = "".join(c if c.isprintable() else "?" for c in value)
    return clean[:40] + ("…" if len(clean) > 40 else "")


def _year(raw: list[str], key: str, lo: int, hi: int, notices: list[str]) -> int | None:
    if not raw:
        return None
    value = raw[-1]
    if not (value.isascii() and value.isdigit()) or len(value) > 4:
        notices.append(f"“{_short(value)}” is not a year, so the {key} year was ignored.")
        return None
    year = int(value)
    if not lo <= year <= hi:
        notices.append(f"{year} is outside the years in the data ({lo}–{hi}), so the {key} year was ignored.")
        return None
    return year


def from_query(params: Mapping[str, object], options: Options) -> ViewState:
    """Build a valid :class:`ViewState` from URL parameters; what had to be dropped is in ``notices``."""
    notices: list[str] = []
    known = set(LIST_KEYS) | {"from", "to", "city", "q", "year", "colour", "split", "shade"} | set(STREAMLIT_KEYS)
    unknown = [k for k in params.keys() if k not in known]
    if unknown:
        names = ", ".join(f"“{_short(k)}”" for k in sorted(unknown)[:5])
        notices.append(f"This page does not use the link parameter{'s' if len(unknown) > 1 else ''} {names}; ignored.")
    chosen: dict[str, object] = {}
    for key in LIST_KEYS:
        allowed = getattr(options, key)
        raw = _values(params, key)
        if len(raw) > MAX_VALUES:
            notices.append(f"Too many values for {key}; only the first {MAX_VALUES} were read.")
            raw = raw[:MAX_VALUES]
        good, bad = [], []
        for v in raw:
            v = v[:MAX_VALUE_CHARS]
            match = v if v in allowed else next((a for a in allowed if a.casefold() == v.casefold()), None)
            (good if match else bad).append(match or v)
        if bad:
            listed = ", ".join(f"“{_short(b)}”" for b in bad[:3]) + (" …" if len(bad) > 3 else "")
            notices.append(f"No {key} called {listed} in the data; that filter was dropped.")
        # canonical order: the order of the options, without repeats
        chosen[key] = tuple(a for a in allowed if a in set(good))
    lo, hi = options.years
    year_from = _year(_values(params, "from"), "start", lo, hi, notices)
    year_to = _year(_values(params, "to"), "end", lo, hi, notices)
    if year_from is not None and year_to is not None and year_from > year_to:
        notices.append(f"The start year {year_from} was after the end year {year_to}; they were swapped.")
        year_from, year_to = year_to, year_from
    if year_from == lo:
        year_from = None
    if year_to == hi:
        year_to = None
    as_of = _year(_values(params, "year"), "“as of”", lo, hi, notices)
    city = None
    city_raw = _values(params, "city")
    if city_raw:
        if city_raw[-1] in options.places:
            city = city_raw[-1]
        else:
            notices.append(f"No place with the id “{_short(city_raw[-1])}”; use the search box to find it.")
    q_raw = _values(params, "q")
    q = " ".join(q_raw)[:MAX_Q_CHARS] if q_raw else ""
    q = "".join(c for c in q if c.isprintable()).strip()
    colour = _choice(params, "colour", COLOURS, notices)
    split = _choice(params, "split", SPLITS, notices)
    shade = _choice(params, "shade", ("0", "1"), notices) == "1"
    return ViewState(year_from=year_from, year_to=year_to, city=city, q=q, year=as_of,
                     colour=colour, split=split, shade=shade, notices=tuple(notices), **chosen)


def _choice(params, key: str, allowed: tuple[str, ...], notices: list[str]) -> str:
    raw = _values(params, key)
    if not raw:
        return allowed[0]
    if raw[-1] in allowed:
        return raw[-1]
    notices.append(f"“{_short(raw[-1])}” is not a choice for {key} ({', '.join(allowed)}); the default was used.")
    return allowed[0]


def to_query(state: ViewState) -> dict[str, str]:
    """The canonical URL parameters of a state: defaults left out, lists comma-separated."""
    out: dict[str, str] = {}
    for key in LIST_KEYS:
        values = getattr(state, key)
        if values:
            out[key] = ",".join(values)
    if state.year_from is not None:
        out["from"] = str(state.year_from)
    if state.year_to is not None:
        out["to"] = str(state.year_to)
    if state.city:
        out["city"] = state.city
    if state.q:
        out["q"] = state.q
    if state.year is not None:
        out["year"] = str(state.year)
    if state.colour != COLOURS[0]:
        out["colour"] = state.colour
    if state.split != SPLITS[0]:
        out["split"] = state.split
    if state.shade:
        out["shade"] = "1"
    return out


STATE_FIELDS = tuple(f.name for f in fields(ViewState) if f.name != "notices")
