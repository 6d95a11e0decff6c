"""What the app relies on in the processed tables, checked once at load: types, required values,
ranges and vocabularies, one row per column in :data:`RULES`."""

from __future__ import annotations

import datetime as _dt
import math

import pandas as pd

from . import schema as S


class Unusable(Exception):
    """A processed file fails a check: ``public`` for visitors (no paths, no values), ``detail`` for the log."""

    def __init__(self, public: str, detail: str | None = None):
        super().__init__(public)
        self.public, self.detail = public, detail or public


_THIS_YEAR = object()  # stands for the current year when the check runs

# rule: (kind, options); kinds: text, required, key (required and unique), int (lo, hi, optional),
# lat, lon, bool, enum (allowed values)
_YEAR = ("int", (S.FIRST_YEAR, _THIS_YEAR, False))
RULES: dict[str, dict[str, tuple]] = {
    "events.parquet": {
        **{c: ("text", None) for c in S.EVENTS_OUT_COLUMNS},
        "event_id": ("key", None),
        "place_id": ("required", None),
        "place_name": ("required", None),
        "country_iso3": ("required", None),
        "region": ("enum", S.REGIONS),
        "lat": ("lat", None),
        "lon": ("lon", None),
        "event_type": ("enum", S.EVENT_TYPES),
        "year": _YEAR,
        "status_after": ("enum", S.STATUSES),
        "source_url": ("required", None),
        "accessed": ("required", None),
        "confidence": ("enum", S.CONFIDENCES),
    },
    "places.parquet": {
        **{c: ("text", None) for c in S.PLACES_OUT_COLUMNS},
        "place_id": ("key", None),
        "name": ("required", None),
        "country_iso3": ("required", None),
        "region": ("enum", S.REGIONS),
        "lat": ("lat", None),
        "lon": ("lon", None),
        "first_year": _YEAR,
        "latest_year": _YEAR,
        "status": ("enum", S.STATUSES),
        "n_events": ("int", (1, None, False)),
        "n_sources": ("int", (0, None, False)),
        "has_conflict": ("bool", None),
    },
    "networks.csv": {
        "network_id": ("key", None),
        "name": ("required", None),
        "short_name": ("required", None),
        "family": ("enum", tuple(k for k in S.FAMILIES if k != "local")),
        "founded_year": ("int", (S.FIRST_YEAR, _THIS_YEAR, True)),
        "places_mapped": ("int", (0, None, False)),
    },
    "network_counts.csv": {"network_id": ("required", None), "year": _YEAR, "count": ("int", (0, None, False))},
    "milestones.csv": {
        "milestone_id": ("key", None),
        "year": ("int", (S.FIRST_YEAR - 100, _THIS_YEAR, False)),
        "title": ("required", None),
    },
    "themes.csv": {"theme_id": ("key", None), "label": ("required", None)},
}
_INT = r"-?\d{1,9}"


def _where(file: str, positions: list[int]) -> str:
    first = positions[0]
    # CSV rows are file lines (the header is row 1), as in the raw tables' messages
    at = f"row {first + 2}" if file.endswith(".csv") else f"record {first + 1}"
    return f"{len(positions)} value{'s' if len(positions) != 1 else ''}, the first at {at}"


def _is_text(s: pd.Series) -> pd.Series:
    return s.map(lambda v: isinstance(v, str)).astype(bool)


def _ints(s: pd.Series, file: str, column: str) -> pd.Series:
    """The column as Int64 (missing where empty); raises _Bad where a value is not a whole number."""
    if pd.api.types.is_bool_dtype(s) or pd.api.types.is_float_dtype(s):
        raise Unusable(
            f"{file}: column {column} holds {'true/false' if pd.api.types.is_bool_dtype(s) else 'decimal'} values, not whole numbers."
        )
    if pd.api.types.is_integer_dtype(s):
        return s.astype("Int64")
    if file.endswith(".parquet"):
        raise Unusable(f"{file}: column {column} holds text, not whole numbers.")
    text = s.where(_is_text(s), None)
    ok = text.str.fullmatch(_INT).fillna(False).astype(bool) | (text == "").fillna(False).astype(bool)
    bad = list((~ok).to_numpy().nonzero()[0])
    if bad:
        raise Unusable(
            f"{file}: column {column} has text that is not a whole number ({_where(file, bad)}).",
            f"{file}: column {column} has non-integers, e.g. {s.iloc[bad[0]]!r}",
        )
    return pd.to_numeric(text.where(text != "", None), errors="coerce").astype("Int64")


def _check_column(df: pd.DataFrame, file: str, column: str, rule: tuple, year: int) -> None:
    kind, opt = rule
    s = df[column]
    bad_words = ""
    if kind in ("text", "required", "key", "enum"):
        text = _is_text(s)
        if not text.all():
            bad_words, mask = "are missing or not text", ~text
        elif kind in ("required", "key") and (s.str.strip() == "").any():
            bad_words, mask = "are empty", (s.str.strip() == "")
        elif kind == "key" and s.duplicated().any():
            bad_words, mask = "repeat an id", s.duplicated()
        elif kind == "enum" and not s.isin(opt).all():
            bad_words, mask = f"are not one of {', '.join(opt)}", ~s.isin(opt)
    elif kind == "int":
        lo, hi, optional = opt
        hi = year if hi is _THIS_YEAR else hi
        values = _ints(s, file, column)
        missing = values.isna()
        if missing.any() and not optional:
            bad_words, mask = "are empty", missing
        else:
            present = values.fillna(lo).astype("int64")
            out = (present < lo) | ((present > hi) if hi is not None else False)
            if out.any():
                span = f"from {lo} to {hi}" if hi is not None else f"of {lo} or more"
                bad_words, mask = f"are not whole numbers {span}", out
        if not bad_words:
            df[column] = values if optional or file.endswith(".csv") else values.astype("int64")
    elif kind in ("lat", "lon"):
        limit = 90 if kind == "lat" else 180
        if not (pd.api.types.is_float_dtype(s) or pd.api.types.is_integer_dtype(s)) or pd.api.types.is_bool_dtype(s):
            raise Unusable(f"{file}: column {column} holds text, not numbers.")
        v = s.astype("float64")
        mask = ~v.map(math.isfinite).astype(bool) | (v.abs() > limit)
        if mask.any():
            bad_words = f"are not {'latitudes' if kind == 'lat' else 'longitudes'} between -{limit} and {limit}"
    elif kind == "bool" and (not pd.api.types.is_bool_dtype(s) or s.isna().any()):
        raise Unusable(f"{file}: column {column} does not hold true/false values.")
    if bad_words:
        positions = list(mask.to_numpy().nonzero()[0])
        raise Unusable(
            f"{file}: column {column} has values that {bad_words} ({_where(file, positions)}).",
            f"{file}: column {column}: values {bad_words}, e.g. {s.iloc[positions[0]]!r} at position {positions[0]}",
        )


def check_table(df: pd.DataFrame, file: str, year: int | None = None) -> pd.DataFrame:
    """Check the columns of one processed table against :data:`RULES`; numbers parsed in CSV tables."""
    year = year or _dt.date.today().year
    rules = RULES[file]
    missing = [c for c in rules if c not in df.columns]
    if missing:
        raise Unusable(f"{file} lacks the column{'s' if len(missing) > 1 else ''} {', '.join(missing)}.")
    for column, rule in rules.items():
        _check_column(df, file, column, rule, year)
    return df
