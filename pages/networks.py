"""Networks: each network, charter or programme; what we map of it; how the networks overlap."""
import streamlit as st

from hrcmap import cache, charts, filters, maps, views
from hrcmap.schema import FAMILIES
from hrcmap.state import ViewState
from hrcmap.ui import chart_block, md_escape, require_dataset, safe_link, share_box, source_footer

data = require_dataset()
facets, options = cache.facets_and_options()
st.title("Networks, charters and programmes")
st.caption("Places mapped here against the latest total each network reported itself.")
st.dataframe(
    views.network_table(data.networks, data.network_counts), width="stretch", hide_index=True,
    column_config={"Source": st.column_config.LinkColumn("Source"), "Website": st.column_config.LinkColumn("Website")},
)

st.header("One network")
names = dict(zip(data.networks["network_id"], data.networks["short_name"]))
wanted = st.query_params.get("network", "")
ids = list(data.networks.sort_values("places_mapped", ascending=False)["network_id"])
network = st.selectbox("Network", ids, index=ids.index(wanted) if wanted in ids else 0, format_func=names.get)
st.query_params["network"] = network
row = data.networks[data.networks["network_id"] == network].iloc[0]
st.subheader(row["name"])
st.markdown(md_escape(row["description"]))
for label, value in views.network_facts(data.networks, network, FAMILIES):
    st.markdown(f"**{label}:** {md_escape(value)}")
st.markdown(safe_link("Its website", row["url"]) + " · " + safe_link("Source for these facts", row["source_url"]))
members = filters.filter_events(data.events, ViewState(network=(network,)))
member_places = filters.places_view(data.places, members, data.networks)
st.pydeck_chart(maps.build_map(member_places, cache.outlines_geojson(), network_names=names), height=380,
                key="network-map")
cov = charts.coverage_table(network, data.events, data.network_counts)
chart_block(charts.coverage_figure(cov, names[network]), cov, views.coverage_sentence(cov, names[network]), members, key="coverage")

st.header("How the networks connect")
spread = views.membership_spread(data.events)
several = int(spread.loc[spread["Networks"] >= 2, "Places"].sum())
matrix = views.network_overlap(data.events, names)
chart_block(charts.overlap_figure(matrix), matrix,
            f"{several} of {int(spread['Places'].sum())} places appear in two or more networks; "
            "the heat map counts the places each pair of the largest networks share.", data.events, key="overlap")
share_box("networks")
source_footer(data)
