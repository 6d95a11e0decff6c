"""Data: the events under the current filters, each with its source; downloads; the data dictionary."""
import streamlit as st

from hrcmap import export, filters, schema, views
from hrcmap.ui import explore_state, md_escape, require_dataset, save_state, source_footer

data = require_dataset()
state, facets, options = explore_state(data)
events = filters.filter_events(data.events, state)

st.title("The data")
st.markdown(md_escape(filters.describe(events, state, facets.labels)))
st.dataframe(views.events_table(events), width="stretch", hide_index=True,
             column_config={"Source": st.column_config.LinkColumn("Source")})
left, right = st.columns(2)
left.download_button("Download these events (CSV)", export.events_csv(events, data.citation),
                     file_name=f"hrcmap-events-filtered-{data.version}.csv", mime="text/csv", width="stretch")
right.download_button("Download all events (CSV)", export.events_csv(data.events, data.citation),
                      file_name=f"hrcmap-events-{data.version}.csv", mime="text/csv", width="stretch")
st.caption(md_escape(data.citation))
st.subheader("Data dictionary: events.csv")
st.dataframe(views.dictionary(schema.EVENTS_OUT_FIELDS), width="stretch", hide_index=True)
save_state(state)
source_footer(data, events)
