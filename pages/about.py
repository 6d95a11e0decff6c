"""About: what a human rights city is, what hrcmap maps, how, and what it misses."""
import streamlit as st

from hrcmap import views
from hrcmap.ui import md_escape, require_dataset, source_footer

data = require_dataset()
st.title("About hrcmap")
st.markdown(md_escape(views.overview_sentence(data.events, data.places)))
st.markdown(views.ABOUT)
st.dataframe(views.known_gaps(data.networks, data.network_counts), width="stretch", hide_index=True)
st.subheader("Places by continent")
st.dataframe(views.coverage_by_region(data.places), width="stretch", hide_index=True)
source_footer(data)
