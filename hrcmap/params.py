"""The kinds of URL parameter a view has, each with its parser, its URL form and its widget form.

A kind knows nothing of Streamlit: it turns URL values into a state value (with a notice a
person can read for anything it had to drop), a state value back into URL values, and a
state value to and from what its widget holds. ``state.PARAMS`` declares every parameter of
the URL contract as one row built from these kinds.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import pandas as pd

MAX_VALUE_CHARS = 120
MAX_VALUES = 60
MAX_Q_CHARS = 80
QUOTE_CHARS = 40


def quoted(value: str) -> str:
    """A value as a notice may quote it back: short, printable, in curly quotes."""
    clean = "".join(c if c.isprintable() else "?" for c in value)
    return "“" + clean[:QUOTE_CHARS] + ("…" if len(clean) > QUOTE_CHARS else "") + "”"


def url_values(params: Mapping[str, Any], key: str) -> list[str]:
    """All values of a key, whether repeated (?a=1&a=2) or comma-separated (?a=1,2)."""
    getter = getattr(params, "get_all", None)
    raw = getter(key) if getter else params.get(key, [])
    if isinstance(raw, str):
        raw = [raw]
    out: list[str] = []
    for item in raw or []:
        out.extend(part.strip() for part in str(item).split(","))
    return [v for v in out if v]


def parse_year(raw: list[str], what: str, years: tuple[int, int], notices: list[str]) -> int | None:
    """The last value as a year within ``years``, or None with a notice."""
    if not raw:
        return None
    value = raw[-1]
    if not (value.isascii() and value.isdigit()) or len(value) > 4:
        notices.append(f"{quoted(value)} is not a year, so the {what} year was ignored.")
        return None
    year = int(value)
    lo, hi = years
    if not lo <= year <= hi:
        notices.append(f"{year} is outside the years in the data ({lo}–{hi}), so the {what} year was ignored.")
        return None
    return year


@dataclass(frozen=True)
class Param:
    """One parameter of the URL contract. ``fields`` are the :class:`ViewState` fields it fills."""

    key: str
    label: str = ""
    widget: str = ""  # the Streamlit widget that shows it ("" for none); the ui binds it generically
    sidebar: bool = False  # drawn with the shared filters in the sidebar

    @property
    def fields(self) -> tuple[str, ...]:
        return (self.key,)

    @property
    def url_keys(self) -> tuple[str, ...]:
        return (self.key,)

    def default(self) -> dict[str, Any]:
        return {f: None for f in self.fields}

    def parse(self, params: Mapping[str, Any], options: Any, notices: list[str]) -> dict[str, Any]:
        raise NotImplementedError

    def write(self, values: Mapping[str, Any]) -> dict[str, str]:
        raise NotImplementedError

    def to_widget(self, values: Mapping[str, Any], options: Any) -> Any:
        return values[self.key]

    def from_widget(self, raw: Any, options: Any) -> dict[str, Any]:
        return {self.key: raw}

    def narrow(self, events: pd.DataFrame, values: Mapping[str, Any]) -> pd.Series | None:
        """A mask of the events this parameter keeps, or None when it does not filter events."""
        return None

    def choices(self, options: Any) -> tuple[str, ...]:
        return ()


@dataclass(frozen=True)
class Choice(Param):
    """One of a few display choices; the first is the default."""

    allowed: tuple[str, ...] = ()
    names: tuple[tuple[str, str], ...] = ()  # how each choice reads on its widget
    widget: str = "segmented_control"

    def default(self) -> dict[str, Any]:
        return {self.key: self.allowed[0]}

    def parse(self, params: Mapping[str, Any], options: Any, notices: list[str]) -> dict[str, Any]:
        raw = url_values(params, self.key)
        if not raw or raw[-1] in self.allowed:
            return {self.key: raw[-1] if raw else self.allowed[0]}
        notices.append(f"{quoted(raw[-1])} is not a choice for {self.key} ({', '.join(self.allowed)}); the default was used.")
        return {self.key: self.allowed[0]}

    def write(self, values: Mapping[str, Any]) -> dict[str, str]:
        return {self.key: values[self.key]} if values[self.key] != self.allowed[0] else {}

    def from_widget(self, raw: Any, options: Any) -> dict[str, Any]:
        return {self.key: raw if raw in self.allowed else self.allowed[0]}


@dataclass(frozen=True)
class Flag(Param):
    """An on/off display choice, written ``key=1`` when on."""

    widget: str = "toggle"

    def default(self) -> dict[str, Any]:
        return {self.key: False}

    def parse(self, params: Mapping[str, Any], options: Any, notices: list[str]) -> dict[str, Any]:
        raw = url_values(params, self.key)
        if raw and raw[-1] not in ("0", "1"):
            notices.append(f"{quoted(raw[-1])} is not a choice for {self.key} (0, 1); the default was used.")
            return {self.key: False}
        return {self.key: bool(raw) and raw[-1] == "1"}

    def write(self, values: Mapping[str, Any]) -> dict[str, str]:
        return {self.key: "1"} if values[self.key] else {}

    def from_widget(self, raw: Any, options: Any) -> dict[str, Any]:
        return {self.key: bool(raw)}


@dataclass(frozen=True)
class AsOfYear(Param):
    """The "as of" year of an animation; the data's last year is the default."""

    widget: str = "select_slider"

    def parse(self, params: Mapping[str, Any], options: Any, notices: list[str]) -> dict[str, Any]:
        year = parse_year(url_values(params, self.key), "“as of”", options.years, notices)
        return {self.key: None if year == options.years[1] else year}

    def write(self, values: Mapping[str, Any]) -> dict[str, str]:
        return {self.key: str(values[self.key])} if values[self.key] is not None else {}

    def to_widget(self, values: Mapping[str, Any], options: Any) -> Any:
        return options.years[1] if values[self.key] is None else values[self.key]

    def from_widget(self, raw: Any, options: Any) -> dict[str, Any]:
        return {self.key: None if raw is None or raw == options.years[1] else int(raw)}

    def choices(self, options: Any) -> tuple[str, ...]:
        return tuple(str(y) for y in range(options.years[0], options.years[1] + 1))


@dataclass(frozen=True)
class Place(Param):
    """One place, by its id; set by a click on the map, a search that finds one place, or a profile."""

    def parse(self, params: Mapping[str, Any], options: Any, notices: list[str]) -> dict[str, Any]:
        raw = url_values(params, self.key)
        if not raw:
            return {self.key: None}
        if raw[-1] in options.places:
            return {self.key: raw[-1]}
        notices.append(f"No place with the id {quoted(raw[-1])}; use the search box to find it.")
        return {self.key: None}

    def write(self, values: Mapping[str, Any]) -> dict[str, str]:
        return {self.key: values[self.key]} if values[self.key] else {}


@dataclass(frozen=True)
class Known(Param):
    """A key read elsewhere (presentation chapter) or by Streamlit itself: accepted, never stored."""

    @property
    def fields(self) -> tuple[str, ...]:
        return ()

    def default(self) -> dict[str, Any]:
        return {}

    def parse(self, params: Mapping[str, Any], options: Any, notices: list[str]) -> dict[str, Any]:
        return {}

    def write(self, values: Mapping[str, Any]) -> dict[str, str]:
        return {}
