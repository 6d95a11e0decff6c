"""The map's "as of" year: a year control, in the URL like every view setting, that a Play button
moves on by itself, one year at a time, so a reader sees the movement grow where they start.

The control and the map live in one fragment: while it plays, only the fragment reruns (the map
and the control, not the page), once per :data:`STEP_SECONDS`. Play and Pause rerun the whole page,
which starts and stops the fragment's timer; so does a click on a place (the side panel is outside
the fragment).
"""

from __future__ import annotations

from collections.abc import Callable

import streamlit as st

from ..state import Options, ViewState
from .binding import control, save_state
from .explore import tap_to_show

PLAYING = "_hrc_playing"
STARTED = "_hrc_play_started"  # the rerun right after Play shows the year it starts from
STEP_SECONDS = 1.2
YEAR_KEY = "f_year"


def _playing() -> bool:
    return bool(st.session_state.get(PLAYING))


def _play(first: int, last: int) -> None:
    if int(st.session_state.get(YEAR_KEY, last)) >= last:
        st.session_state[YEAR_KEY] = first  # from the start when the control stands at the last year
    st.session_state[PLAYING] = True
    st.session_state[STARTED] = True


def _pause() -> None:
    st.session_state[PLAYING] = False


def year_player(
    state: ViewState, options: Options, first: int, draw: Callable[[int | None], None], control_below: bool = False
) -> None:
    """The "as of" control with Play/Pause, and ``draw(as_of)`` (None: every year) under it, or above
    it with ``control_below`` (a phone, where the map must come first)."""
    last = options.years[1]
    timer = _playing()

    @st.fragment(run_every=STEP_SECONDS if timer else None)
    def player() -> None:
        if _playing() != timer or tap_to_show():
            st.rerun()  # start or stop the timer, or show a tapped place beside the map or over it
        if timer and not st.session_state.pop(STARTED, False):  # a tick of the timer: the next year
            year = int(st.session_state.get(YEAR_KEY, last))
            st.session_state[YEAR_KEY] = min(year + 1, last)
        above, below = st.container(), st.container()
        slider, button = (below if control_below else above).columns([5, 1], vertical_alignment="bottom")
        control("year", slider, options)
        if timer:
            button.button("❚❚ Pause", on_click=_pause, width="stretch", key="ui_pause")
        else:
            button.button("▶ Play", on_click=_play, args=(first, last), width="stretch", key="ui_play")
        year = int(st.session_state.get(YEAR_KEY, last))
        as_of = None if year >= last else year
        save_state(state.with_(year=as_of))  # the link follows the year shown
        with above:
            draw(as_of)
        if timer and year >= last:
            st.session_state[PLAYING] = False
            st.rerun()

    player()
