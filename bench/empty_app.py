"""B0: the cheapest Streamlit page, the baseline every hrcmap page is measured against."""

import streamlit as st

st.slider("Years", 1974, 2026, (1974, 2026), key="f_years")
st.write("")
