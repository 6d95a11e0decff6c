"""Timeline: how the movement grew, year by year, under the shared filters."""

import streamlit as st

from hrcmap import cache, charts, escape, growth_map, legend, network_views, sentences, tables, wholeviews
from hrcmap.ui.binding import control, save_state
from hrcmap.ui.blocks import animation_downloads, chart_block
from hrcmap.ui.chrome import caption, source_footer, text
from hrcmap.ui.explore import explore_view
from hrcmap.ui.share import same_view_elsewhere, share_box

data, state, facets, options, events, places = explore_view()

st.title("The movement over time")
share_box("the movement over time", state, animated=True)
described = sentences.describe(events, state, facets.labels)
scope = sentences.scope(state, facets.labels)  # the titles name the filter, on screen and in exported images
text(described)
control("split", st, options)
grouped, colours = legend.growth_groups(places, state.split)
growth = charts.cumulative_places(grouped, by="group")
chart_block(
    charts.cumulative_figure(
        growth, data.milestones, sentences.scoped("Places", scope, "by year of first commitment, cumulative"), colours
    ),
    growth,
    sentences.growth_sentence(growth),
    events,
    key="growth",
    context=described,
)
if caveat := sentences.listing_caveat(events):
    caption(caveat)
if len(growth):
    shown = data.milestones[data.milestones["year"].between(growth.index.min(), growth.index.max())].sort_values("year")
    with st.expander(f"The {len(shown)} milestones on this chart (the diamonds), with their sources"):
        st.markdown("\n".join(f"- {escape.link(f'{r.year}: {r.title}', r.source_url)}" for r in shown.itertuples(index=False)))

bars = charts.commitments_per_year(events)
chart_block(
    charts.per_year_figure(bars, sentences.scoped("New commitments", scope, "per year, by kind (endings below the line)")),
    bars,
    sentences.per_year_sentence(bars),
    events,
    key="per-year",
    context=described,
)

st.subheader("The growth of the movement, year by year")
# the year-by-year map (a frame a year) is the page's heaviest part: drawn when asked for, or when
# the link names a year; the charts above answer a filter change without it
if st.toggle("Show the map, year by year, with Play and the animation for slides", value=bool(state.year), key="ui_growth"):
    control("year", st, options)
    as_of = state.year or options.years[1]
    chart_block(
        growth_map.growth_figure(
            places,
            cache.outline_xy(),
            as_of=as_of,
            title=sentences.scoped("The movement's growth", scope),
            until=options.years[1],
        ),
        tables.as_of_table(places, as_of),
        sentences.as_of_sentence(places, as_of),
        events,
        key="growth-map",
        context=described,
    )
    animation_downloads(
        places, events, key="growth", title=sentences.scoped("The human rights cities movement", scope) + ", year by year"
    )

st.subheader("What we map, against what each network reports")
caption("This chart shows the whole network, whatever the filters above: a network's own total cannot be filtered.")
choices = network_views.coverage_options(data.networks, data.network_counts)
network = st.selectbox("Network", list(choices), format_func=lambda v: choices[v], key="ui_coverage")
if network:
    cov = cache.whole(wholeviews.coverage, network, choices[network])
    chart_block(cov.figure, cov.table, cov.sentence, cov.events, key="coverage")
save_state(state)
same_view_elsewhere(state, "pages/timeline.py")
source_footer(data, events)
