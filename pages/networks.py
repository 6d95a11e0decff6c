"""Networks: the networks, charters and programmes, and how much of each we map."""
import streamlit as st

from hrcmap import views
from hrcmap.ui import require_dataset, source_footer

data = require_dataset()
st.title("Networks, charters and programmes")
st.caption("Places mapped here against the latest total each network reported itself.")
st.dataframe(
    views.network_table(data.networks, data.network_counts), width="stretch", hide_index=True,
    column_config={"Source": st.column_config.LinkColumn("Source"), "Website": st.column_config.LinkColumn("Website")},
)
source_footer(data)
