"""Data: the events under the current filters, each with its source; downloads; the data dictionary."""

import streamlit as st

from hrcmap import escape, sentences, tables
from hrcmap.ui.binding import save_state
from hrcmap.ui.chrome import caption, source_footer, text
from hrcmap.ui.downloads import download_section
from hrcmap.ui.explore import explore_view
from hrcmap.ui.share import same_view_elsewhere, share_box

data, state, facets, options, events, places = explore_view()

st.title("The data")
share_box("the data", state)
described = sentences.describe(events, state, facets.labels)
text(described)
st.dataframe(
    tables.events_table(events, facets.labels["network"]),
    width="stretch",
    hide_index=True,
    column_config={
        "Source": st.column_config.LinkColumn("Source", display_text=r"https?://(?:www\.)?([^/]+)"),
        "Profile": st.column_config.LinkColumn("Profile", display_text="open profile"),
    },
)

st.subheader("Download")
caption(
    "Each CSV starts with its header row and opens as it is in pandas, Excel, Sheets or Datawrapper; "
    "the view's zip adds a README (what the view shows, the citation, every column) and CITATION.cff. "
    "Cite as: " + data.citation
)
download_section(data, events, places, described)

st.subheader("Data dictionary")
with st.expander("Kinds of event (event_type): commitments, steps and endings", expanded=True):
    caption("Charts of new commitments count only commitments; endings are shown as endings, steps are not counted.")
    st.dataframe(tables.kinds_table(), width="stretch", hide_index=True)
for title, fields in tables.DICTIONARY_TABLES:
    with st.expander(escape.markdown(title), expanded=title.startswith("events")):
        st.dataframe(tables.dictionary(fields), width="stretch", hide_index=True)
save_state(state)
same_view_elsewhere(state, "pages/data.py")
source_footer(data, events)
