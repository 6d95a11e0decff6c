"""The kinds of URL parameter that narrow the events: a choice among values, a span of years, a search.

Each is a :class:`hrcmap.params.Param`: it parses its URL values, writes them back, converts to
and from its widget, and says which events it keeps (``narrow``).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

import pandas as pd

from .params import (
    MAX_Q_CHARS,
    MAX_VALUE_CHARS,
    MAX_VALUES,
    Param,
    parse_year,
    quoted,
    url_values,
)
from .text import fold


@dataclass(frozen=True)
class ListFilter(Param):
    """A multiple choice among values the data has; OR within the key, AND with the other filters.

    ``column`` is the events column it narrows; ``order`` fixes the canonical order of the
    values (a vocabulary), otherwise the data's sorted values. ``contains`` is for columns that
    hold ``;``-separated lists (themes). ``within`` names the parent filter whose choice limits
    the values offered (subregions of the chosen continents). ``phrase`` says how the filter
    reads in the view's sentence: ``where`` (the most specific place filter chosen says where),
    ``kind`` (an adjective before "commitments"), or words with ``{}`` for the chosen labels.
    """

    column: str = ""
    order: tuple[str, ...] | None = None
    contains: bool = False
    within: str = ""
    phrase: str = "with {key} {}"
    lower: bool = False  # labels read in lower case inside the sentence (themes)
    widget: str = "multiselect"
    sidebar: bool = True

    def default(self) -> dict[str, Any]:
        return {self.key: ()}

    @property
    def noun(self) -> str:
        """What notices call this filter: the words on its control ("continent", "kind of event")."""
        return self.label.lower()

    def choices(self, options: Any) -> tuple[str, ...]:
        return tuple(options.values.get(self.key, ()))

    def options_from(self, events: pd.DataFrame, vocabulary: Iterable[str] | None = None) -> tuple[str, ...]:
        """The values this filter may take in a dataset, in canonical order."""
        if self.contains and vocabulary is not None:
            return tuple(vocabulary)
        seen = {v for v in events[self.column] if v}
        order = self.order if self.order is not None else vocabulary
        return tuple(v for v in order if v in seen) if order is not None else tuple(sorted(seen))

    def parse(self, params: Mapping[str, Any], options: Any, notices: list[str]) -> dict[str, Any]:
        allowed = self.choices(options)
        raw = url_values(params, self.key)
        if len(raw) > MAX_VALUES:
            notices.append(f"Too many values for {self.noun}; only the first {MAX_VALUES} were read.")
            raw = raw[:MAX_VALUES]
        folded = {a.casefold(): a for a in allowed}
        good: set[str] = set()
        bad: list[str] = []
        for v in raw:
            v = v[:MAX_VALUE_CHARS]
            match = v if v in allowed else folded.get(v.casefold())
            if match:
                good.add(match)
            else:
                bad.append(v)
        if bad:
            listed = ", ".join(quoted(b) for b in bad[:3]) + (" …" if len(bad) > 3 else "")
            notices.append(f"No {self.noun} called {listed} in the data; that filter was dropped.")
        return {self.key: tuple(a for a in allowed if a in good)}

    def write(self, values: Mapping[str, Any]) -> dict[str, str]:
        chosen = values[self.key]
        return {self.key: ",".join(chosen)} if chosen else {}

    def to_widget(self, values: Mapping[str, Any], options: Any) -> Any:
        return list(values[self.key])

    def from_widget(self, raw: Any, options: Any) -> dict[str, Any]:
        picked = set(raw or ())
        return {self.key: tuple(a for a in self.choices(options) if a in picked)}

    def narrow(self, events: pd.DataFrame, values: Mapping[str, Any]) -> pd.Series | None:
        chosen = values[self.key]
        if not chosen:
            return None
        if self.contains:
            wanted = set(chosen)
            return events[self.column].map(lambda t: bool(wanted & set(t.split(";"))) if t else False)
        return events[self.column].isin(chosen)


@dataclass(frozen=True)
class YearRange(Param):
    """A span of years, written as two URL keys (``from``, ``to``); a bound at the data's edge is the default."""

    column: str = "year"
    widget: str = "slider"
    sidebar: bool = True

    @property
    def fields(self) -> tuple[str, ...]:
        return ("year_from", "year_to")

    @property
    def url_keys(self) -> tuple[str, ...]:
        return ("from", "to")

    def parse(self, params: Mapping[str, Any], options: Any, notices: list[str]) -> dict[str, Any]:
        lo, hi = options.years
        start = parse_year(url_values(params, "from"), "start", options.years, notices)
        end = parse_year(url_values(params, "to"), "end", options.years, notices)
        if start is not None and end is not None and start > end:
            notices.append(f"The start year {start} was after the end year {end}; they were swapped.")
            start, end = end, start
        return {"year_from": None if start == lo else start, "year_to": None if end == hi else end}

    def write(self, values: Mapping[str, Any]) -> dict[str, str]:
        out = {}
        if values["year_from"] is not None:
            out["from"] = str(values["year_from"])
        if values["year_to"] is not None:
            out["to"] = str(values["year_to"])
        return out

    def to_widget(self, values: Mapping[str, Any], options: Any) -> Any:
        lo, hi = options.years
        start, end = values["year_from"], values["year_to"]
        return (lo if start is None else start, hi if end is None else end)

    def from_widget(self, raw: Any, options: Any) -> dict[str, Any]:
        lo, hi = options.years
        start, end = raw if raw else (lo, hi)
        return {"year_from": None if start == lo else int(start), "year_to": None if end == hi else int(end)}

    def narrow(self, events: pd.DataFrame, values: Mapping[str, Any]) -> pd.Series | None:
        start, end = values["year_from"], values["year_to"]
        if start is None and end is None:
            return None
        years = events[self.column]
        mask = pd.Series(True, index=events.index)
        if start is not None:
            mask &= years >= start
        if end is not None:
            mask &= years <= end
        return mask


@dataclass(frozen=True)
class Search(Param):
    """Free text matched, accents and case folded, against names (``columns``)."""

    columns: tuple[str, ...] = ()
    widget: str = "text_input"
    sidebar: bool = True

    def default(self) -> dict[str, Any]:
        return {self.key: ""}

    def parse(self, params: Mapping[str, Any], options: Any, notices: list[str]) -> dict[str, Any]:
        return {self.key: self.clean(" ".join(url_values(params, self.key)))}

    @staticmethod
    def clean(text: object) -> str:
        return "".join(c for c in str(text or "")[:MAX_Q_CHARS] if c.isprintable()).strip()

    def write(self, values: Mapping[str, Any]) -> dict[str, str]:
        return {self.key: values[self.key]} if values[self.key] else {}

    def from_widget(self, raw: Any, options: Any) -> dict[str, Any]:
        return {self.key: self.clean(raw)}

    def narrow(self, events: pd.DataFrame, values: Mapping[str, Any]) -> pd.Series | None:
        if not values[self.key]:
            return None
        needle = fold(values[self.key])
        mask = pd.Series(False, index=events.index)
        for column in self.columns:
            mask |= events[column].map(lambda n: needle in fold(n))
        return mask
