"""Data: every event with its source, the download, and the data dictionary."""
import streamlit as st

from hrcmap import export, schema, views
from hrcmap.ui import require_dataset, source_footer

data = require_dataset()
st.title("The data")
st.caption(data.citation)
st.dataframe(views.events_table(data.events), width="stretch", hide_index=True,
             column_config={"Source": st.column_config.LinkColumn("Source")})
st.download_button("Download all events (CSV)", export.events_csv(data.events, data.citation),
                   file_name=f"hrcmap-events-{data.version}.csv", mime="text/csv")
st.subheader("Data dictionary: events.csv")
st.dataframe(views.dictionary(schema.EVENTS_OUT_FIELDS), width="stretch", hide_index=True)
source_footer(data)
