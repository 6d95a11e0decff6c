"""Networks: each network, charter or programme; what we map of it; how the networks overlap."""

import streamlit as st

from hrcmap import cache, escape, network_views, wholeviews
from hrcmap.ui.binding import save_state, view_state
from hrcmap.ui.blocks import chart_block
from hrcmap.ui.chrome import caption, require_dataset, source_footer, text
from hrcmap.ui.share import share_box

data = require_dataset()
facets, options = cache.facets_and_options()
state = view_state(options)
st.title("Networks, charters and programmes")
share_box("networks", state)
st.caption(
    "Places mapped here against the latest total each network reported itself. This page shows whole "
    "networks: the filters of the Map, Timeline and Data pages do not apply here."
)
whole = cache.whole(wholeviews.networks)
st.dataframe(
    whole.table,
    width="stretch",
    hide_index=True,
    column_config={"Source": st.column_config.LinkColumn("Source"), "Website": st.column_config.LinkColumn("Website")},
)

st.header("One network")
names, ids = whole.names, whole.ids
network = network_views.shown_network(state, ids)
if len(state.network) > 1:
    caption("Several networks are chosen in the link; this section shows the first.")
# keyed by the network shown, so a new link shows its own choice; picking one makes it the view's network
pick = f"network-{network}"
st.selectbox(
    "Network",
    ids,
    index=ids.index(network),
    format_func=lambda v: names[v],
    key=pick,
    on_change=lambda: st.session_state.update(f_network=[st.session_state[pick]]),
)
state = state.with_(network=(network,))
row = data.networks[data.networks["network_id"] == network].iloc[0]
st.subheader(escape.markdown(row["name"]), anchor=False)
text(row["description"])
for label, value in network_views.network_facts(data.networks, network):
    st.markdown(f"**{escape.markdown(label)}:** {escape.markdown(value)}")
st.markdown(escape.link("Its website", row["url"]) + " · " + escape.link("Source for these facts", row["source_url"]))
detail = cache.whole(wholeviews.network_detail, network, names[network])
st.pydeck_chart(detail.deck, height=380, key="network-map")
cov = detail.coverage
chart_block(cov.figure, cov.table, cov.sentence, detail.members, key="coverage")

st.header("How the networks connect")
chart_block(whole.overlap_figure, whole.overlap, whole.overlap_sentence, data.events, key="overlap")
save_state(state)
source_footer(data)
