"""hrcmap: the Streamlit entry. Lists every page and draws the shared chrome."""

import streamlit as st

from hrcmap import cache

# an embedded view (?embed=true, from the share box's iframe snippet) starts with the sidebar closed
st.set_page_config(
    page_title="hrcmap: human rights cities atlas",
    layout="wide",
    initial_sidebar_state="collapsed" if st.context.is_embedded else "auto",
)

PAGES = [
    st.Page("pages/map.py", title="Map", default=True),  # served at / (a default page has no path of its own)
    st.Page("pages/timeline.py", title="Timeline", url_path="timeline"),
    st.Page("pages/networks.py", title="Networks", url_path="networks"),
    st.Page(
        "pages/cities.py", title="Places", url_path="cities"
    ),  # the address keeps its first name: links made before still open
    st.Page("pages/data.py", title="Data", url_path="data"),
    st.Page("pages/about.py", title="About", url_path="about"),
    st.Page("pages/present.py", title="Present", url_path="present"),
]

page = st.navigation(PAGES)
# each page's browser tab and history entry names the page (a profile names its place)
st.set_page_config(page_title=f"{page.title} · hrcmap: human rights cities atlas")
if "present" in st.query_params and page.url_path != "present":
    # ?present=N on any page opens presentation mode at that chapter
    st.switch_page(PAGES[-1], query_params={"present": st.query_params.get("present", "")})
st.sidebar.caption("hrcmap: an open, sourced atlas of the human rights cities movement.")
page.run()
cache.settle()
