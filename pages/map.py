"""Map: the places that match the filters; click one to see its commitments and sources."""
import streamlit as st

from hrcmap import cache, charts, filters, maps, views
from hrcmap.ui import explore_view, md_escape, save_state, share_box, source_footer

data, state, facets, options, events, places = explore_view()

st.title("Human rights cities of the world")
st.markdown(md_escape(filters.describe(events, state, facets.labels)))
left, right = st.columns([3, 2])
colour = left.segmented_control("Colour places by", ["family", "year"], key="f_colour",
                                format_func={"family": "Network family", "year": "First commitment year"}.get)
state = state.with_(colour=colour or "family")
state = state.with_(shade=right.toggle("Shade countries by number of places", key="f_shade"))

picked = maps.selected_place_id(st.session_state.get("map"), places)
if picked:
    state = state.with_(city=picked)
elif state.q and len(places) == 1:
    state = state.with_(city=str(places.iloc[0]["place_id"]))  # the search found exactly one place

map_col, side_col = st.columns([3, 1])
with map_col:
    deck = maps.build_map(places, cache.outlines_geojson(), colour=state.colour,
                          country_counts=views.country_counts(places) if state.shade else None,
                          network_names=facets.labels["network"], selected=state.city)
    st.pydeck_chart(deck, height=520, on_select="rerun", selection_mode="single-object", key="map",
                    alt="Map of the places that match the filters")
    st.plotly_chart(charts.legend_figure(views.map_legend_items(places, state.colour)), config={"staticPlot": True}, width="stretch")
    st.caption(views.map_legend(state.colour))
with side_col:
    views_city = views.selected_place(data.places, data.events, state.city, facets.labels["network"])
    if views_city is None:
        st.caption("Click a circle, or find a place with the search box, to see its commitments and sources here.")
    else:
        st.subheader(views_city.title)
        for line in views_city.lines:
            st.markdown(md_escape(line.text) + f"  \n[Source]({line.url})" if line.url else md_escape(line.text))
        st.page_link("pages/cities.py", label="Open the full profile", query_params={"city": state.city})
with st.expander("The places on this map, as a table"):
    st.dataframe(views.places_table(places), hide_index=True, width="stretch")
save_state(state)
share_box("the map")
source_footer(data, events)
