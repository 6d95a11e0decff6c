"""The opening of every exploring page: the dataset, the view state, the events and places it selects."""

from __future__ import annotations

from typing import NamedTuple

import pandas as pd
import streamlit as st

from .. import cache, maps
from ..facets import Facets
from ..load import Dataset
from ..state import Options, ViewState
from .binding import sidebar_filters, view_state
from .chrome import on_phone, require_dataset

PICKED_ON_MAP = "_hrc_picked_on_map"
CARD_ASKED = "_hrc_card_asked"  # a tap asked for the place's details, once
CARD_DUE = "_hrc_card_due"  # ... and a fragment passed the request on to a rerun of the whole page


class Explore(NamedTuple):
    """What an exploring page starts from: the dataset, the view state and what it selects."""

    data: Dataset
    state: ViewState
    facets: Facets
    options: Options
    events: pd.DataFrame
    places: pd.DataFrame


def explore_view() -> Explore:
    """The dataset, the state (URL or widgets), the sidebar filters and the events and places they select."""
    data = require_dataset()
    facets, options = cache.facets_and_options()
    state = view_state(options)
    events, places, counts = cache.selection(state)
    # beside each option, the places it would show given the other filters (whole-dataset counts when none is set)
    counted = facets.with_counts(counts) if counts is not None else facets
    sidebar_filters(state, options, counted, shown=len(places), phone=on_phone())
    return Explore(data, state, facets, options, events, places)


def pick_from_map(chart_key: str) -> None:
    """on_select callback of a map: the clicked place becomes the view's ``city``."""
    picked = maps.selected_place_id(st.session_state.get(chart_key), cache.dataset().places)
    if picked:
        st.session_state["f_city"] = picked
        st.session_state[PICKED_ON_MAP] = picked
        st.session_state[CARD_ASKED] = True


def picked_on_map(city: str | None) -> bool:
    """Whether the reader chose this place by clicking it on the map (the map then keeps its view)."""
    return city is not None and st.session_state.get(PICKED_ON_MAP) == city


def card_asked() -> bool:
    """Whether this rerun follows a tap on a place (True once per tap)."""
    return bool(st.session_state.pop(CARD_ASKED, False) | st.session_state.pop(CARD_DUE, False))


def tap_to_show() -> bool:
    """In a fragment: whether a tap on its map must rerun the whole page to show the place's details
    (then the details are due on that rerun, and the fragment must not ask again)."""
    if st.session_state.pop(CARD_ASKED, False):
        st.session_state[CARD_DUE] = True
        return True
    return False
