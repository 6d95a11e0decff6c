"""Map: the places that match the filters; click one to see its commitments and sources."""

import streamlit as st

from hrcmap import cache, escape, legend, maps, mapviews, profile, sentences, tables
from hrcmap.ui.binding import control, save_state
from hrcmap.ui.blocks import map_downloads, map_placeholder, place_dialog
from hrcmap.ui.chrome import caption, on_phone, source_footer, text
from hrcmap.ui.explore import card_asked, explore_view, pick_from_map, picked_on_map
from hrcmap.ui.share import same_view_elsewhere, share_box

data, state, facets, options, events, places = explore_view()
state = profile.searched_place(state, places)

scope = sentences.scope(state, facets.labels)
title = sentences.scoped("Human rights cities", scope) if scope else "Human rights cities of the world"
described = sentences.describe(events, state, facets.labels)
st.title(escape.markdown(title), anchor=False)
share_box("the map", state)
text(described)
left, right = st.columns([3, 2])
control("colour", left, options)
control("shade", right, options)

map_col, side_col = st.columns([3, 1])
phone = on_phone()
height = 340 if phone else 520  # a phone's narrower world needs a shorter frame: no blank band under it
with map_col:
    map_placeholder(len(places), height)
    deck = maps.build_map(
        places,
        cache.outlines_geojson(),
        colour=state.colour,
        country_counts=legend.country_counts(places) if state.shade else None,
        selected=state.city,
        # a search or a link opens on its place, a filter on its places; a click keeps the reader's view
        view=mapviews.opening_view(
            places, None if picked_on_map(state.city) else state.city, state.is_filtered or bool(state.q), phone
        ),
    )
    st.pydeck_chart(
        deck,
        height=height,
        on_select=lambda: pick_from_map("map"),
        selection_mode="single-object",
        key="map",
        alt="Map of the places that match the filters",
    )
    st.html(legend.legend_html(legend.map_legend_items(places, state.colour)))
    caption(legend.map_legend(state.colour))
    map_downloads(places, events, title, described, "map", state.colour, state.city)
card = profile.selected_place(data.places, data.events, state.city, facets.labels["network"])
if card_asked() and phone and card is not None:
    place_dialog(card, str(state.city))
with side_col:
    if card is None:
        st.caption("Click a circle, or find a place with the search box, to see its commitments and sources here.")
    else:
        st.subheader(card.title_markdown, anchor=False)
        for line in card.lines:
            st.markdown(line.markdown)
        st.page_link("pages/cities.py", label="Open the full profile", query_params={"city": state.city})
# on request: the table component is over a megabyte of JavaScript that a map visit does not need
if st.toggle("Show the places on this map as a table", key="ui_places_table"):
    st.dataframe(tables.places_table(places), hide_index=True, width="stretch")
save_state(state)
same_view_elsewhere(state, "pages/map.py")
source_footer(data, events)
