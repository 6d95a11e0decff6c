"""The bare chart page the atlas's timeline is measured against: one plotly line chart."""

import plotly.graph_objects as go
import streamlit as st

st.plotly_chart(go.Figure(go.Scatter(x=list(range(1997, 2027)), y=[i * i for i in range(30)], mode="lines")))
