"""The bare page a presentation step is measured against: a Next button bound to the right arrow
key, as the presentation's, moving a counter the page then shows."""

import streamlit as st

if "step" not in st.session_state:
    st.session_state.step = 1


def _next() -> None:
    st.session_state.step += 1


st.button("Next", on_click=_next, shortcut="ArrowRight")
st.markdown(f"Step {st.session_state.step} of 99")
