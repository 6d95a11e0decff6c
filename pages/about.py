"""About: what a human rights city is, what hrcmap maps, how, and what it misses."""

import streamlit as st

from hrcmap import about, network_views, sentences, tables
from hrcmap.ui.chrome import require_dataset, source_footer, text

data = require_dataset()
st.title("About hrcmap")
text(sentences.overview_sentence(data.events, data.places))
st.markdown(about.ABOUT)
st.dataframe(network_views.known_gaps(data.networks, data.network_counts), width="stretch", hide_index=True)
st.subheader("Places by continent")
st.dataframe(tables.coverage_by_region(data.places), width="stretch", hide_index=True)
source_footer(data)
