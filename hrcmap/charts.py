"""plotly figure builders: data in, ``go.Figure`` out. No network access: these charts use no map tiles."""
from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from .palette import OKABE_ITO, REGION_COLORS

DASHES = ["solid", "dot", "dash", "longdash", "dashdot", "longdashdot"]


def cumulative_places(places: pd.DataFrame, by: str = "region") -> pd.DataFrame:
    """Places counted from their first commitment year, cumulated per group: year × group table."""
    if places.empty:
        return pd.DataFrame()
    years = range(int(places["first_year"].min()), int(places["first_year"].max()) + 1)
    table = (
        places.groupby(["first_year", by]).size().unstack(fill_value=0)
        .reindex(years, fill_value=0).cumsum()
    )
    table.index.name = "year"
    return table


def cumulative_figure(table: pd.DataFrame, milestones: pd.DataFrame | None = None, title: str = "") -> go.Figure:
    """Stacked lines of cumulative places; each group also has its own dash so colour is not the only cue."""
    fig = go.Figure()
    for i, group in enumerate(table.columns):
        fig.add_trace(go.Scatter(
            x=list(table.index), y=table[group].tolist(), name=str(group), mode="lines",
            stackgroup="one", line={"color": REGION_COLORS.get(group, OKABE_ITO[i % len(OKABE_ITO)]), "dash": DASHES[i % len(DASHES)], "width": 2},
            hovertemplate="%{x}: %{y} places<extra>%{fullData.name}</extra>",
        ))
    if milestones is not None and not milestones.empty and not table.empty:
        shown = milestones[milestones["year"].between(table.index.min(), table.index.max())]
        top = float(table.sum(axis=1).max())
        fig.add_trace(go.Scatter(
            x=shown["year"].astype(int).tolist(), y=[top * 1.05] * len(shown), mode="markers", name="Milestones",
            marker={"symbol": "diamond", "size": 9, "color": "#000000"},
            customdata=list(zip(shown["title"], shown["source_url"])),
            hovertemplate="%{x}: %{customdata[0]}<br>Source: %{customdata[1]}<extra></extra>",
        ))
    fig.update_layout(
        title=title or None, xaxis_title="Year", yaxis_title="Places (cumulative)",
        legend={"orientation": "h", "y": -0.2}, margin={"l": 40, "r": 10, "t": 40 if title else 10, "b": 40},
        hovermode="closest", template="plotly_white",
    )
    return fig


def per_year(events: pd.DataFrame, by: str = "event_type") -> pd.DataFrame:
    """Events per year and group: year × group table."""
    if events.empty:
        return pd.DataFrame()
    table = events.groupby(["year", by]).size().unstack(fill_value=0)
    table.index = table.index.astype(int)
    table.index.name = "year"
    return table


def per_year_figure(table: pd.DataFrame, title: str = "") -> go.Figure:
    """Stacked bars of events per year; patterns distinguish the groups besides colour."""
    patterns = ["", "/", "\\", "x", ".", "+", "-", "|"]
    fig = go.Figure()
    for i, group in enumerate(table.columns):
        fig.add_trace(go.Bar(
            x=list(table.index), y=table[group].tolist(), name=str(group).replace("_", " "),
            marker={"color": OKABE_ITO[i % len(OKABE_ITO)], "pattern": {"shape": patterns[i % len(patterns)]}},
            hovertemplate="%{x}: %{y}<extra>%{fullData.name}</extra>",
        ))
    fig.update_layout(
        barmode="stack", title=title or None, xaxis_title="Year", yaxis_title="Commitments",
        legend={"orientation": "h", "y": -0.2}, margin={"l": 40, "r": 10, "t": 40 if title else 10, "b": 40},
        template="plotly_white",
    )
    return fig
