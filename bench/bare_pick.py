"""The bare page a click on the atlas's map is measured against: one point in the middle of a
pydeck map that reruns the page when clicked and then names it."""

import pydeck as pdk
import streamlit as st

deck = pdk.Deck(
    layers=[
        pdk.Layer(
            "ScatterplotLayer",
            [{"p": [15, 25], "name": "the point"}],
            id="points",
            get_position="p",
            get_radius=12,
            radius_units="'pixels'",
            get_fill_color=[0, 114, 178],
            pickable=True,
        )
    ],
    initial_view_state=pdk.ViewState(latitude=25, longitude=15, zoom=1),
    map_provider=None,
)
event = st.pydeck_chart(deck, height=520, on_select="rerun", selection_mode="single-object", key="map")
picked = (event.selection.objects if event else {}).get("points", [])
if picked:
    st.subheader(f"Picked {picked[0]['name']}")
