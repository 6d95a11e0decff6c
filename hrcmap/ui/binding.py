"""The view state bound to widgets and mirrored in the URL, generically over ``state.PARAMS``.

Once per rerun, :func:`view_state` derives the state: from the URL when the URL is new to this
session (a fresh load, a shared link, the back button, a menu link with no query: a bare URL
is the default view), otherwise from the widgets, which hold what the reader just changed.
Every declared parameter has one session key, ``f_<key>``; :func:`control` draws its widget,
:func:`sidebar_filters` draws the shared filters, and :func:`save_state` writes the URL.
"""

from __future__ import annotations

from typing import Any

import streamlit as st

from .. import escape
from ..facets import Facets
from ..filter_params import ListFilter
from ..params import Known, Param
from ..state import FILTERS, PARAM, PARAMS, Options, ViewState, from_query, to_query
from ..text import plural

_LAST_QUERY = "_hrc_last_query"
BOUND = tuple(p for p in PARAMS if not isinstance(p, Known))


def widget_key(param: Param) -> str:
    return f"f_{param.key}"


def _seed(state: ViewState, options: Options) -> None:
    values = state.as_dict()
    for p in BOUND:
        st.session_state[widget_key(p)] = p.to_widget(values, options)


def view_state(options: Options) -> ViewState:
    """The state of this view, derived once; notices about the URL are shown here."""
    incoming = from_query(st.query_params, options)
    if to_query(incoming) != st.session_state.get(_LAST_QUERY):
        _seed(incoming, options)
        state = incoming
    else:
        values = incoming.as_dict()
        for p in BOUND:
            key = widget_key(p)
            if key in st.session_state:  # Streamlit drops the keys of widgets the last page did not draw
                values.update(p.from_widget(st.session_state[key], options))
        state = ViewState(notices=incoming.notices, **values)
    for message in incoming.notices:
        st.info(escape.markdown(message))
    return state


def save_state(state: ViewState) -> None:
    """Write the state to the URL (canonical, defaults omitted) and remember it as this session's."""
    query = to_query(state)
    if query != st.query_params.to_dict():
        st.query_params.from_dict(query)
    st.session_state[_LAST_QUERY] = query


def control(key: str, container: Any, options: Options, facets: Facets | None = None) -> None:
    """Draw the widget of one declared parameter in ``container``, bound to its session key."""
    p = PARAM[key]
    wkey = widget_key(p)
    lo, hi = options.years
    if isinstance(p, ListFilter):
        container.multiselect(
            p.label, _offered(p, options, facets), key=wkey, format_func=lambda v: facets.label(p.key, v) if facets else v
        )
    elif p.widget == "text_input":
        container.text_input(p.label, key=wkey, placeholder="Name or country", max_chars=80)
    elif p.widget == "slider":
        container.slider(p.label, min_value=lo, max_value=hi, key=wkey)
    elif p.widget == "select_slider":
        container.select_slider(p.label, options=list(range(lo, hi + 1)), key=wkey)
    elif p.widget == "segmented_control":
        names = dict(getattr(p, "names", ()))
        container.segmented_control(p.label, list(getattr(p, "allowed", ())), key=wkey, format_func=lambda v: names.get(v, v))
    elif p.widget == "toggle":
        container.toggle(p.label, key=wkey)
    else:
        raise ValueError(f"{key} has no widget")


def _offered(p: ListFilter, options: Options, facets: Facets | None) -> tuple[str, ...]:
    """The values a list filter offers: all, or those within the chosen parent values (kept if chosen)."""
    choices = p.choices(options)
    parents = set(st.session_state.get(widget_key(PARAM[p.within])) or []) if p.within else set()
    if not parents or facets is None:
        return choices
    parent_of = facets.labels.get(f"{p.key}_{p.within}", {})
    chosen = set(st.session_state.get(widget_key(p)) or [])
    return tuple(v for v in choices if parent_of.get(v) in parents or v in chosen)


def _reset_filters(options: Options) -> None:
    defaults = ViewState().as_dict()
    for p in FILTERS:
        st.session_state[widget_key(p)] = p.to_widget(defaults, options)


def sidebar_filters(state: ViewState, options: Options, facets: Facets, shown: int | None = None, phone: bool = False) -> None:
    """The shared filters, one widget per declared filter, and a reset button: in the sidebar, or on a
    phone (whose sidebar hides behind a menu button) in a box at the top of the page."""
    if phone:
        counted = f" · showing {plural(shown, 'place')}" if shown is not None and state.is_filtered else ""
        sb: Any = st.expander(escape.markdown(f"Filters{counted}"), icon=":material/filter_list:")
    else:
        sb = st.sidebar
        sb.header("Filters")
        if shown is not None and state.is_filtered:
            sb.caption(f"Showing {plural(shown, 'place')}.")
    for p in FILTERS:
        control(p.key, sb, options, facets)
    sb.button("Reset filters", width="stretch", on_click=_reset_filters, args=(options,))
