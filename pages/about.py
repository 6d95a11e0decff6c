"""About: what a human rights city is, what hrcmap maps, how, and what it misses."""

import streamlit as st

from hrcmap import about, cache, wholeviews
from hrcmap.ui.chrome import require_dataset, source_footer, text

data = require_dataset()
whole = cache.whole(wholeviews.about)
st.title("About hrcmap")
text(whole.overview)
st.markdown(about.ABOUT)
st.dataframe(whole.known_gaps, width="stretch", hide_index=True)
st.subheader("Places by continent")
st.dataframe(whole.by_continent, width="stretch", hide_index=True)
source_footer(data)
