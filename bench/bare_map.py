"""The bare map page the atlas's map is measured against: ten points in a pydeck scatter layer."""

import pydeck as pdk
import streamlit as st

points = [
    {"p": [lon, lat]}
    for lon, lat in [(-70, -30), (-40, -10), (0, 50), (10, 45), (30, 0), (70, 25), (100, 15), (120, 35), (140, -30), (170, -40)]
]
st.pydeck_chart(
    pdk.Deck(
        layers=[
            pdk.Layer(
                "ScatterplotLayer", points, get_position="p", get_radius=6, radius_units="'pixels'", get_fill_color=[0, 114, 178]
            )
        ],
        initial_view_state=pdk.ViewState(latitude=25, longitude=15, zoom=0.3),
        map_provider=None,
    ),
    height=520,
)
