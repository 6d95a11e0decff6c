"""Data: the events under the current filters, each with its source; downloads; the data dictionary."""

import streamlit as st

from hrcmap import cache, escape, export, sentences, tables
from hrcmap.ui.binding import save_state
from hrcmap.ui.chrome import caption, source_footer, text
from hrcmap.ui.explore import explore_view
from hrcmap.ui.share import same_view_elsewhere, share_box

data, state, facets, options, events, places = explore_view()

st.title("The data")
text(sentences.describe(events, state, facets.labels))
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
caption("Every file names its source and licence. Cite as: " + data.citation)
v = data.version
filtered, full = st.columns(2)
filtered.markdown("**What the filters show**")
filtered.download_button(
    "Events (CSV)",
    export.events_csv(events, data.citation),
    file_name=f"hrcmap-{v}-filtered-events.csv",
    mime="text/csv",
    width="stretch",
    key="dl-f-csv",
)
filtered.download_button(
    "Places (GeoJSON)",
    export.places_geojson(places, data.citation),
    file_name=f"hrcmap-{v}-filtered-places.geojson",
    mime="application/geo+json",
    width="stretch",
    key="dl-f-geojson",
)
full.markdown("**The whole dataset**")
all_events_csv, all_places_geojson = cache.full_downloads()
full.download_button(
    "Events (CSV)", all_events_csv, file_name=f"hrcmap-{v}-events.csv", mime="text/csv", width="stretch", key="dl-a-csv"
)
full.download_button(
    "Places (GeoJSON)",
    all_places_geojson,
    file_name=f"hrcmap-{v}-places.geojson",
    mime="application/geo+json",
    width="stretch",
    key="dl-a-geojson",
)
full.download_button(
    "Data package (zip)",
    cache.package_zip(data.citation),
    file_name=f"hrcmap-{v}-datapackage.zip",
    mime="application/zip",
    width="stretch",
    key="dl-a-zip",
)

st.subheader("Data dictionary")
for title, fields in tables.DICTIONARY_TABLES:
    with st.expander(escape.markdown(title), expanded=title.startswith("events")):
        st.dataframe(tables.dictionary(fields), width="stretch", hide_index=True)
save_state(state)
same_view_elsewhere(state, "pages/data.py")
share_box("the data")
source_footer(data, events)
