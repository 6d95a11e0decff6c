"""Timeline: how the movement grew, year by year, under the shared filters."""
import streamlit as st

from hrcmap import cache, charts, filters, views
from hrcmap.ui import animation_downloads, chart_block, explore_view, md_escape, save_state, share_box, source_footer

data, state, facets, options, events, places = explore_view()

st.title("The movement over time")
described = filters.describe(events, state, facets.labels)
st.markdown(md_escape(described))
split = st.segmented_control("Split the growth by", ["region", "family"], key="f_split",
                             format_func={"region": "Continent", "family": "Network family"}.get)
state = state.with_(split=split or "region")

grouped, colours = views.growth_groups(places, state.split)
growth = charts.cumulative_places(grouped, by="group")
chart_block(charts.cumulative_figure(growth, data.milestones, "Places by year of first commitment, cumulative", colours),
            growth, views.growth_sentence(growth), events, key="growth", context=described)
if caveat := views.listing_caveat(events):
    st.caption(md_escape(caveat))

bars = charts.per_year(events, by="event_type")
chart_block(charts.per_year_figure(bars, "New commitments per year, by type"), bars,
            views.per_year_sentence(bars), events, key="per-year", context=described)

st.subheader("The growth of the movement, year by year")
lo, hi = options.years
as_of = st.select_slider("As of year (arrow keys move it)", options=list(range(lo, hi + 1)), key="f_year")
state = state.with_(year=None if as_of == hi else int(as_of))
growth_fig = charts.growth_figure(places, cache.outline_xy(), as_of=as_of)
chart_block(growth_fig, views.as_of_table(places, as_of), views.as_of_sentence(places, as_of), events, key="growth-map",
            context=described)
animation_downloads(places, events, key="growth", context=described)

st.subheader("What we map, against what each network reports")
choices = views.coverage_options(data.networks, data.network_counts)
network = st.selectbox("Network", list(choices), format_func=choices.get, key="ui_coverage")
if network:
    cov = charts.coverage_table(network, data.events, data.network_counts)
    chart_block(charts.coverage_figure(cov, choices[network]), cov, views.coverage_sentence(cov, choices[network]),
                data.events[data.events["network_id"] == network], key="coverage")
save_state(state)
share_box("the movement over time")
source_footer(data, events)
