"""Presentation mode: the movement's story in chapters, big type, no sidebar, keys to step through."""

import streamlit as st

from hrcmap import cache, charts, escape, growth_map, legend, maps, mapviews, present
from hrcmap import text as words
from hrcmap.chapters import ChaptersUnavailable, chapter_index, chapters_path
from hrcmap.ui.blocks import animation_downloads, image_downloads, map_downloads
from hrcmap.ui.chrome import caption, notice, require_dataset, source_footer, text

data = require_dataset()
st.html(present.CSS)
try:
    chapters = cache.chapters(chapters_path())
except ChaptersUnavailable as exc:
    st.error("The presentation's chapter file needs fixing:\n\n" + escape.markdown(exc))
    st.stop()

index, problem = chapter_index(st.query_params.get("present"), len(chapters))
if problem:
    notice(problem)
chapter = chapters[index]
where, leave = st.columns([5, 1], vertical_alignment="center")
with where:
    caption(f"Chapter {index + 1} of {len(chapters)}")
leave.page_link("pages/map.py", label="Leave", icon=":material/close:", help="Leave the presentation")
st.title(escape.markdown(chapter.title), anchor=False)
text(chapter.text)

view = present.chapter_view(chapter, data)
figure = None
if chapter.view == "map":
    st.pydeck_chart(
        maps.build_map(view.places, cache.outlines_geojson(), selected=chapter.place, view=mapviews.fit_view(view.places)),
        height=360,
        key="present-map",
    )
    st.html(legend.legend_html(legend.map_legend_items(view.places)))
elif chapter.view == "growth":
    figure = growth_map.growth_figure(view.places, cache.outline_xy(), as_of=chapter.as_of)
    figure.update_layout(height=440)  # title, map, play button and slider within a 720-pixel projector
    st.plotly_chart(figure, width="stretch", key="present-growth")
elif view.growth.empty:
    figure = charts.milestones_figure(view.milestone_rows)
    st.plotly_chart(figure, width="stretch", key="present-milestones")
else:
    figure = charts.cumulative_figure(view.growth, view.milestones, "", None, named=chapter.milestones)
    st.plotly_chart(figure, width="stretch", key="present-timeline")
ringed = view.places[view.places["place_id"] == chapter.place] if chapter.view == "map" else view.places.iloc[0:0]
ring_note = f" The ringed place is {words.place_names(ringed).iloc[0]}, {ringed['country_name'].iloc[0]}." if len(ringed) else ""
text(view.sentence + ring_note)


def go_to(number: int) -> None:
    st.query_params["present"] = str(number)


first, last = index == 0, index == len(chapters) - 1
prev_col, next_col, keys_col = st.columns([2, 2, 3])
# arrow keys and the page keys that presentation clickers send; the key hints and the page-key
# buttons are hidden by present.CSS (they stay on the page, so their keys still work)
prev_col.button("◀ Previous", shortcut="Left", disabled=first, width="stretch", on_click=go_to, args=(index,))
next_col.button("Next ▶", shortcut="Right", disabled=last, width="stretch", type="primary", on_click=go_to, args=(index + 2,))
keys_col.button("PgUp", key="pgup", shortcut="PageUp", disabled=first, on_click=go_to, args=(index,))
keys_col.button("PgDn", key="pgdn", shortcut="PageDown", disabled=last, on_click=go_to, args=(index + 2,))
if st.query_params.get("present") != str(index + 1):
    st.query_params["present"] = str(index + 1)

if len(view.milestone_rows):
    st.caption(
        "Milestones in this chapter: "
        + " · ".join(escape.link(f"{r.year}: {r.title}", r.source_url) for r in view.milestone_rows.itertuples(index=False))
    )
with st.expander("Export this chapter for slides"):
    if figure is not None:
        image_downloads(
            figure, chapter.title, view.events if len(view.events) else data.events, f"chapter-{index + 1}", view.sentence
        )
    if chapter.view == "map":
        map_downloads(view.places, view.events, chapter.title, view.sentence, f"chapter-{index + 1}", selected=chapter.place)
    animation_downloads(view.places, view.events, f"chapter-{index + 1}", f"{chapter.title}: year by year")
source_footer(data, view.events)
