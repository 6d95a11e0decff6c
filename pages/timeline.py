"""Timeline: how the movement grew, year by year."""
import streamlit as st

from hrcmap import charts, views
from hrcmap.ui import md_escape, require_dataset, source_footer

data = require_dataset()
st.title("The movement over time")
st.markdown(md_escape(views.overview_sentence(data.events, data.places)))
growth = charts.cumulative_places(data.places, by="region")
st.plotly_chart(charts.cumulative_figure(growth, data.milestones, "Places with a first commitment, cumulative, by continent"), width="stretch")
with st.expander("The numbers behind this chart"):
    st.dataframe(growth, width="stretch")
bars = charts.per_year(data.events, by="event_type")
st.plotly_chart(charts.per_year_figure(bars, "Commitments per year, by type"), width="stretch")
with st.expander("The numbers behind this chart"):
    st.dataframe(bars, width="stretch")
source_footer(data)
