"""The bare page a filter change on the atlas's map is measured against: a continent filter in the
sidebar, a sentence and a pydeck map of the points it keeps."""

import pydeck as pdk
import streamlit as st

POINTS = [
    ("Europe", 15, 48),
    ("Europe", 2, 45),
    ("Asia", 127, 37),
    ("Asia", 110, -7),
    ("Africa", 30, 0),
    ("South America", -60, -30),
    ("North America", -90, 40),
    ("Oceania", 145, -35),
    ("Asia", 135, 35),
    ("Europe", 20, 60),
]
chosen = st.sidebar.multiselect("Continent", sorted({c for c, _, _ in POINTS}))
kept = [{"p": [lon, lat]} for c, lon, lat in POINTS if not chosen or c in chosen]
st.markdown(f"{len(kept)} points" + (f" in {', '.join(chosen)}" if chosen else ""))
st.pydeck_chart(
    pdk.Deck(
        layers=[
            pdk.Layer(
                "ScatterplotLayer", kept, get_position="p", get_radius=6, radius_units="'pixels'", get_fill_color=[0, 114, 178]
            )
        ],
        initial_view_state=pdk.ViewState(latitude=25, longitude=15, zoom=0.3),
        map_provider=None,
    ),
    height=520,
)
