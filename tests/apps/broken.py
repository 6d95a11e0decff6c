"""A deliberately broken page: proves the browser tests' error check can fail."""

import streamlit as st

st.title("Deliberately broken")
raise RuntimeError("this page fails on purpose")
