"""Place profiles: everything recorded about one place, each line with its source."""
import streamlit as st

from hrcmap import cache, maps, views
from hrcmap.ui import md_escape, require_dataset, safe_link, share_box, source_footer

data = require_dataset()
facets, options = cache.facets_and_options()
st.title("Places")
choices = views.place_options(data.places)
wanted = st.query_params.get("city")
if wanted and wanted not in choices:
    st.warning(f"No such place: “{md_escape(wanted[:80])}”. Find it with the search box below.")
    wanted = None
place_id = st.selectbox("Find a place", list(choices), index=list(choices).index(wanted) if wanted else None,
                        format_func=choices.get, placeholder="Type a name…")
if not place_id:
    st.query_params.pop("city", None)
    st.caption(f"{len(choices)} places. Pick one to see its commitments, its networks and the sources for each.")
    source_footer(data)
    st.stop()

st.query_params["city"] = place_id
profile = views.place_profile(data.places, data.events, place_id)
st.header(profile.title)
left, right = st.columns([3, 2])
with left:
    st.markdown(md_escape(profile.summary))
    networks = sorted({n for n in profile.events["network_id"] if n})
    for n in networks:
        st.page_link("pages/networks.py", label=f"Network: {facets.labels['network_full'].get(n, n)}",
                     query_params={"network": n})
with right:
    here = data.places[data.places["place_id"] == place_id].assign(family="local")
    st.pydeck_chart(maps.build_map(here, cache.outlines_geojson(),
                                   view=maps.locator_view(here), selected=place_id), height=240, key="locator")

st.subheader("Commitments, in time order")
for line in views.profile_lines(profile.events, facets.labels["network"]):
    st.markdown(md_escape(line.text) + "  \n" + safe_link("Source: " + line.source_title, line.url))

clashes = views.conflicts(data.events, place_id)
if clashes:
    st.subheader("Where sources disagree")
    for group, rows in clashes.items():
        st.caption(f"Conflict group {md_escape(group)}")
        cols = st.columns(len(rows))
        for col, r in zip(cols, rows.itertuples(index=False)):
            col.markdown(f"**{r.year}, {md_escape(r.place_name)}**: {md_escape(r.note)}  \n" + safe_link("Source", r.source_url))

similar = views.similar_places(data.places, data.events, place_id)
if len(similar):
    st.subheader("Places in the same networks")
    for r in similar.itertuples(index=False):
        st.page_link("pages/cities.py", label=f"{r.Place}, {r.Country} ({r[3]} shared)", query_params={"city": r.place_id})
share_box("a place")
source_footer(data, profile.events)
