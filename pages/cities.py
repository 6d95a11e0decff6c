"""Place profiles: everything recorded about one place, each line with its source."""

import streamlit as st

from hrcmap import cache, escape, maps, mapviews, profile
from hrcmap.ui.binding import save_state, view_state
from hrcmap.ui.chrome import caption, require_dataset, source_footer, text
from hrcmap.ui.share import share_box

data = require_dataset()
facets, options = cache.facets_and_options()
state = view_state(options)
st.title("Places")
choices = profile.place_options(data.places)
place_id = st.selectbox("Find a place", list(choices), key="f_city", format_func=lambda v: choices[v], placeholder="Type a name…")
state = state.with_(city=place_id)
save_state(state)
if not place_id:
    caption(f"{len(choices)} places. Pick one to see its commitments, its networks and the sources for each.")
    source_footer(data)
    st.stop()

card = profile.place_profile(data.places, data.events, place_id)
st.set_page_config(page_title=f"{card.title} · hrcmap")  # the tab and a bookmark name the place
st.header(escape.markdown(card.title), anchor=False)
share_box("a place", state)
left, right = st.columns([3, 2])
with left:
    text(card.summary)
    for n in sorted({n for n in card.events["network_id"] if n}):
        st.page_link(
            "pages/networks.py",
            label=escape.markdown(f"Network: {facets.labels['network_full'].get(n, n)}"),
            query_params={"network": n},
        )
with right:
    here = data.places[data.places["place_id"] == place_id].assign(family="local")
    st.pydeck_chart(
        maps.build_map(here, cache.outlines_geojson(), view=mapviews.locator_view(here), selected=place_id),
        height=240,
        key="locator",
    )

st.subheader("Commitments, in time order")
for line in profile.profile_lines(card.events, facets.labels["network"]):
    st.markdown(line.markdown)

clashes = profile.conflicts(data.events, place_id)
if clashes:
    st.subheader("Where sources disagree")
    for group, rows in clashes.items():
        caption(f"Conflict group {group}")
        for col, r in zip(st.columns(len(rows)), rows.itertuples(index=False)):
            col.markdown(profile.conflict_markdown(r))

similar = profile.similar_places(data.places, data.events, place_id)
if len(similar):
    st.subheader("Places in the same networks")
    for r in similar.itertuples(index=False):
        st.page_link(
            "pages/cities.py", label=escape.markdown(f"{r.Place}, {r.Country} ({r[3]} shared)"), query_params={"city": r.place_id}
        )
source_footer(data, card.events)
