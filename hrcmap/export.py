"""Downloads: CSV with a citation, cells neutralised so a spreadsheet never runs them as formulas."""
from __future__ import annotations

import pandas as pd

from .schema import EVENTS_OUT_COLUMNS

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def neutralise(value: object) -> object:
    """Prefix text that a spreadsheet would treat as a formula with an apostrophe."""
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        # a negative number is data, not a formula
        try:
            float(value)
            return value
        except ValueError:
            return "'" + value
    return value


def events_csv(events: pd.DataFrame, citation: str) -> bytes:
    """The events in the events.csv contract's columns, with '# ' citation lines on top."""
    safe = events[EVENTS_OUT_COLUMNS].map(neutralise)
    header = f"# {citation}\n# Source of every row: its source_url column.\n"
    return (header + safe.to_csv(index=False, lineterminator="\n")).encode("utf-8")
