"""The view state and its URL form: every parameter declared once in ``PARAMS``, one frozen state.

The URL contract: ``region``, ``subregion``, ``country`` (ISO3), ``network``, ``theme``, ``type``
(event type), ``status``, ``from``, ``to`` (years), ``q`` (search text), ``city`` (place_id),
``year`` (the "as of" year), the display choices ``colour``, ``split`` and ``shade``, and
``present`` (a presentation chapter, read by the presentation page). Lists may be repeated or
comma-separated; we write them comma-separated. Unknown or malformed values are dropped, each
with a notice a person can read; nothing here raises on user input.

To add a filter, add one row to ``PARAMS``: the URL, the sidebar widget, the facet counts, the
sentence and the narrowing of events all follow from it (see docs/architecture.md).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import pandas as pd

from . import schema as S
from .filter_params import ListFilter, Search, YearRange
from .params import AsOfYear, Choice, Flag, Known, Param, Place, quoted

PARAMS: tuple[Param, ...] = (
    Search("q", "Find a place", columns=("place_name", "place_name_local", "country_name")),
    ListFilter("region", "Continent", column="region", order=S.REGIONS, phrase="where"),
    ListFilter("subregion", "Subregion", column="subregion", within="region", phrase="where"),
    ListFilter("country", "Country", column="country_iso3", phrase="where"),
    ListFilter("network", "Network", column="network_id", phrase="in {}"),
    ListFilter("theme", "Theme", column="themes", contains=True, phrase="on {}", lower=True),
    ListFilter("type", "Kind of event", column="event_type", order=S.EVENT_TYPES, phrase="kind"),
    ListFilter("status", "Status after the event", column="status_after", order=S.STATUSES, phrase="with status {}"),
    YearRange("years", "Years"),
    Place("city"),
    AsOfYear("year", "As of year (arrow keys move it)"),
    Choice(
        "colour",
        "Colour places by",
        allowed=("family", "year"),
        names=(("family", "Network family"), ("year", "First commitment year")),
    ),
    Choice(
        "split",
        "Split the growth by",
        allowed=("region", "family"),
        names=(("region", "Continent"), ("family", "Network family")),
    ),
    Flag("shade", "Shade countries by number of places"),
    Known("present"),
    # Streamlit's own keys for embedded views
    Known("embed"),
    Known("embed_options"),
)
PARAM = {p.key: p for p in PARAMS}
FILTERS = tuple(p for p in PARAMS if p.sidebar)
LIST_FILTERS = tuple(p for p in PARAMS if isinstance(p, ListFilter))
URL_KEYS = frozenset(k for p in PARAMS for k in p.url_keys)
DEFAULTS: dict[str, Any] = {f: v for p in PARAMS for f, v in p.default().items()}
COLOURS = PARAM["colour"].allowed  # type: ignore[attr-defined]
SPLITS = PARAM["split"].allowed  # type: ignore[attr-defined]


@dataclass(frozen=True)
class Options:
    """The values each URL key may take, derived from the dataset."""

    values: Mapping[str, tuple[str, ...]]
    years: tuple[int, int]
    places: frozenset[str]

    @classmethod
    def from_data(cls, events: pd.DataFrame, networks: pd.DataFrame, themes: pd.DataFrame) -> Options:
        vocabularies = {"network": tuple(networks["network_id"]), "theme": tuple(themes["theme_id"])}
        return cls(
            values={p.key: p.options_from(events, vocabularies.get(p.key)) for p in LIST_FILTERS},
            years=(int(events["year"].min()), int(events["year"].max())),
            places=frozenset(events["place_id"]),
        )

    def __hash__(self) -> int:
        return hash((tuple(self.values.items()), self.years, len(self.places)))


class ViewState:
    """What a view shows: one value per declared field, defaults left out; immutable.

    ``ViewState(region=("Europe",), year_to=2010)``; read a field as ``state.region``. ``notices``
    hold what was dropped while reading a URL (they do not take part in equality).
    """

    __slots__ = ("_values", "notices")
    _values: tuple[tuple[str, Any], ...]
    notices: tuple[str, ...]

    def __init__(self, notices: tuple[str, ...] = (), **values: Any) -> None:
        unknown = set(values) - set(DEFAULTS)
        if unknown:
            raise TypeError(f"ViewState has no field {', '.join(sorted(unknown))}")
        kept = tuple((k, v) for k, v in ((k, values.get(k, d)) for k, d in DEFAULTS.items()) if v != DEFAULTS[k])
        object.__setattr__(self, "_values", kept)
        object.__setattr__(self, "notices", tuple(notices))

    def __getattr__(self, name: str) -> Any:
        if name in DEFAULTS:
            return dict(self._values).get(name, DEFAULTS[name])
        raise AttributeError(name)

    def __setattr__(self, name: str, value: Any) -> None:
        raise AttributeError("ViewState is immutable; use with_()")

    def __eq__(self, other: object) -> bool:
        return isinstance(other, ViewState) and self._values == other._values

    def __hash__(self) -> int:
        return hash(self._values)

    def __repr__(self) -> str:
        return "ViewState(" + ", ".join(f"{k}={v!r}" for k, v in self._values) + ")"

    def as_dict(self) -> dict[str, Any]:
        """Every field, defaults included."""
        return {**DEFAULTS, **dict(self._values)}

    def with_(self, **changes: Any) -> ViewState:
        return ViewState(notices=self.notices, **{**dict(self._values), **changes})

    @property
    def is_filtered(self) -> bool:
        values = self.as_dict()
        return any(values[f] != DEFAULTS[f] for p in FILTERS for f in p.fields)


def from_query(params: Mapping[str, Any], options: Options) -> ViewState:
    """Build a valid :class:`ViewState` from URL parameters; what had to be dropped is in ``notices``."""
    notices: list[str] = []
    unknown = sorted(k for k in params if k not in URL_KEYS)
    if unknown:
        names = ", ".join(quoted(k) for k in unknown[:5])
        notices.append(f"This page does not use the link parameter{'s' if len(unknown) > 1 else ''} {names}; ignored.")
    values: dict[str, Any] = {}
    for p in PARAMS:
        values.update(p.parse(params, options, notices))
    return ViewState(notices=tuple(notices), **values)


def to_query(state: ViewState) -> dict[str, str]:
    """The canonical URL parameters of a state: defaults left out, lists comma-separated."""
    values = state.as_dict()
    out: dict[str, str] = {}
    for p in PARAMS:
        out.update(p.write(values))
    return out


def filter_fields() -> tuple[str, ...]:
    """The state fields that narrow the events (the sidebar's filters)."""
    return tuple(f for p in FILTERS for f in p.fields)
