"""Map: every mapped place, coloured by continent."""
import streamlit as st

from hrcmap import cache, maps, views
from hrcmap.ui import md_escape, require_dataset, source_footer

data = require_dataset()
st.title("Human rights cities of the world")
st.markdown(md_escape(views.overview_sentence(data.events, data.places)))
st.pydeck_chart(maps.build_map(data.places, cache.outlines_geojson()), height=560)
st.caption(views.map_legend())
source_footer(data)
