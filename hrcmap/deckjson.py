"""A pydeck deck as Streamlit sends it: compact JSON, built without pydeck's per-call overheads."""

from __future__ import annotations

import functools
import json

import pandas as pd
import pydeck as pdk
import pydeck.bindings.deck as _pydeck_deck

# pydeck looks for its Jupyter widget (importing ipywidgets, which is not installed, and failing)
# three times for every Deck, a few milliseconds each rerun; the answer cannot change while the
# process runs, so it is asked once.
_pydeck_deck.has_jupyter_extra = functools.cache(_pydeck_deck.has_jupyter_extra)


class CompactDeck(pdk.Deck):
    """A deck whose JSON has no indentation: pydeck indents by two spaces, which was over half of
    what the map element sent (Streamlit ships ``to_json()`` as it is)."""

    def to_json(self) -> str:
        # pydeck's own serialiser, in one pass and without its two-space indentation
        from pydeck.bindings.json_tools import default_serialize

        return json.dumps(self, sort_keys=True, default=default_serialize, separators=(",", ":"), ensure_ascii=False)


def records(table: pd.DataFrame) -> list[dict]:
    """A table's rows as dicts of Python values, as pydeck would make them with ``to_dict("records")``
    at several times the cost."""
    columns = list(table.columns)
    return [dict(zip(columns, row)) for row in zip(*(table[c].tolist() for c in columns))]
