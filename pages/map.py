"""Map: the places that match the filters; click one to see its commitments and sources."""

import streamlit as st

from hrcmap import cache, escape, legend, mapcells, maps, mapviews, profile, sentences, tables
from hrcmap.ui.binding import control, save_state
from hrcmap.ui.blocks import map_downloads, map_placeholder, place_dialog
from hrcmap.ui.chrome import caption, on_phone, source_footer, text
from hrcmap.ui.explore import card_asked, explore_view, pick_from_map, picked_on_map
from hrcmap.ui.playback import year_player
from hrcmap.ui.share import same_view_elsewhere, share_box

data, state, facets, options, events, places = explore_view()
state = profile.searched_place(state, places)

scope = sentences.scope(state, facets.labels)
title = sentences.scoped("Human rights cities", scope) if scope else "Human rights cities of the world"
described = sentences.describe(events, state, facets.labels)
st.title(escape.markdown(title), anchor=False)
share_box("the map", state)
text(described)
phone = on_phone()
# on a phone the map comes first and its display choices under it; on a wide screen, above it
first, second = st.container(), st.container()
map_area, choices_area = (first, second) if phone else (second, first)
left, right = choices_area.columns([3, 2])
control("colour", left, options)
control("shade", right, options)

map_col, side_col = map_area.columns([3, 1])
height = 340 if phone else 520  # a phone's narrower world needs a shorter frame: no blank band under it
first_year = int(places["first_year"].min()) if len(places) else options.years[0]
view = mapviews.opening_view(  # a search or a link opens on its place, a filter on its places; a click keeps the view
    places, None if picked_on_map(state.city) else state.city, state.is_filtered or bool(state.q), phone
)


def draw(as_of: int | None) -> None:
    """The map of the places in by ``as_of`` (every place when None), its legend and its image downloads."""
    shown = places if as_of is None else places[places["first_year"].astype(int) <= as_of]
    if as_of is not None:
        caption(sentences.as_of_sentence(places, as_of))
    map_placeholder(len(shown), height)
    deck = maps.build_map(
        shown,
        cache.outlines_geojson(),
        colour=state.colour,
        country_counts=legend.country_counts(shown) if state.shade else None,
        selected=state.city,
        view=view,
    )
    st.pydeck_chart(
        deck,
        height=height,
        on_select=lambda: pick_from_map("map"),
        selection_mode="single-object",
        key="map",
        alt="Map of the places that match the filters",
    )
    if note := mapcells.cells_caption(shown):
        caption(note)
    st.html(legend.legend_html(legend.map_legend_items(shown, state.colour)))
    caption(legend.map_legend(state.colour))
    shown_title = title if as_of is None else f"{title}, as of {as_of}"
    map_downloads(shown, events, shown_title, described, "map", state.colour, state.city)


with map_col:
    year_player(state, options, first_year, draw, control_below=phone)
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
