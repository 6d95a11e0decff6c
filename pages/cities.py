"""Cities: one place's commitments, each with its source."""
import streamlit as st

from hrcmap import views
from hrcmap.ui import md_escape, require_dataset, source_footer

data = require_dataset()
st.title("Places")
options = views.place_options(data.places)
wanted = st.query_params.get("city")
if wanted and wanted not in options:
    st.warning(f"No such place: “{md_escape(wanted[:80])}”. Pick one from the list.")
    wanted = None
place_id = st.selectbox("Find a place", list(options), index=list(options).index(wanted) if wanted else None,
                        format_func=options.get, placeholder="Type a name…")
if place_id:
    st.query_params["city"] = place_id
    profile = views.place_profile(data.places, data.events, place_id)
    st.header(profile.title)
    st.markdown(md_escape(profile.summary))
    st.dataframe(profile.table, width="stretch", hide_index=True,
                 column_config={"Source": st.column_config.LinkColumn("Source")})
    source_footer(data, profile.events)
else:
    st.query_params.pop("city", None)
    source_footer(data)
