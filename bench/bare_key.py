"""The bare page a presentation step is measured against: a Next button bound to the right arrow
key, as the presentation's, and on each step what a chapter draws, in the same order as the
presentation's first chapters: a plotly line chart on odd steps (chapter 1 is a timeline), a
pydeck map of ten points on even ones (chapter 2 is a map), each under a title and a sentence."""

import plotly.graph_objects as go
import pydeck as pdk
import streamlit as st

if "step" not in st.session_state:
    st.session_state.step = 1


def _next() -> None:
    st.session_state.step += 1


step = st.session_state.step
st.button("Next", on_click=_next, shortcut="ArrowRight")
st.markdown(f"Step {step} of 99")
st.title(f"Chapter {step}")
st.markdown("A sentence of the length of a chapter's text, as a presenter would read it out to the room.")
if step % 2:
    st.plotly_chart(go.Figure(go.Scatter(x=list(range(1997, 2027)), y=[i * i for i in range(30)], mode="lines")))
else:
    points = [
        {"p": [lon, lat]}
        for lon, lat in [
            (-70, -30),
            (-40, -10),
            (0, 50),
            (10, 45),
            (30, 0),
            (70, 25),
            (100, 15),
            (120, 35),
            (140, -30),
            (170, -40),
        ]
    ]
    layer = pdk.Layer(
        "ScatterplotLayer", points, get_position="p", get_radius=6, radius_units="'pixels'", get_fill_color=[0, 114, 178]
    )
    st.pydeck_chart(
        pdk.Deck(layers=[layer], initial_view_state=pdk.ViewState(latitude=25, longitude=15, zoom=0.3), map_provider=None),
        height=520,
    )
