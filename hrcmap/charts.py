"""plotly figure builders: data in, ``go.Figure`` out. No network access: these charts use no map tiles."""

from __future__ import annotations

from collections.abc import Collection

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from .escape import plotly as safe
from .firsts import committed
from .kinds import COMMITMENT_TYPES, ENDING_EVENT_TYPES
from .palette import OKABE_ITO, REGION_COLORS

# milestones and legend edges: grey that keeps 4:1 contrast on both the light and the dark theme
MARK = "#767676"
DASHES = ["solid", "dot", "dash", "longdash", "dashdot", "longdashdot"]
ENDED = "ended: "  # per-year columns of endings, drawn below the line


def cumulative_places(places: pd.DataFrame, by: str = "region") -> pd.DataFrame:
    """Places counted from their first commitment year, cumulated per group: year × group table."""
    places = committed(places)  # a place with only a first step has no first commitment yet
    if places.empty:
        return pd.DataFrame()
    years = range(int(places["first_year"].min()), int(places["first_year"].max()) + 1)
    table = places.groupby(["first_year", by]).size().unstack(fill_value=0).reindex(years, fill_value=0).cumsum()
    table.index.name = "year"
    return table


def cumulative_figure(
    table: pd.DataFrame,
    milestones: pd.DataFrame | None = None,
    title: str = "",
    colours: dict[str, str] | None = None,
    named: Collection[str] | None = None,
) -> go.Figure:
    """Stacked lines of cumulative places; each group also has its own dash so colour is not the only cue.

    Milestones are diamonds above the lines; those in ``named`` (milestone ids; by default all, when
    there are at most :data:`NAMED_AT_MOST`) carry their title, staggered so neighbours do not overprint."""
    colours = colours or REGION_COLORS
    x = np.asarray(table.index, dtype=int)
    traces = [
        {
            "type": "scatter",
            "x": x,
            "y": table[group].to_numpy(),
            "name": safe(group),
            "mode": "lines",
            "stackgroup": "one",
            "line": {"color": colours.get(group, OKABE_ITO[i % len(OKABE_ITO)]), "dash": DASHES[i % len(DASHES)], "width": 2},
            "hovertemplate": "%{x}: %{y} places<extra>%{fullData.name}</extra>",
        }
        for i, group in enumerate(table.columns)
    ]
    if milestones is not None and not milestones.empty and not table.empty:
        shown = milestones[milestones["year"].between(table.index.min(), table.index.max())].sort_values("year")
        traces += _milestone_traces(shown, float(table.sum(axis=1).max()), named, (int(x.min()), int(x.max())))
    return unchecked(
        traces,
        {
            **({"title": {"text": safe(title)}} if title else {}),
            "xaxis": {"title": {"text": "Year"}},
            "yaxis": {"title": {"text": "Places (cumulative)"}},
            "legend": {"orientation": "h", "y": -0.2},
            "margin": {"l": 40, "r": 10, "t": 40 if title else 10, "b": 40},
            "hovermode": "closest",
        },
    )


def unchecked(data: list[dict], layout: dict) -> go.Figure:
    """A figure from plain trace and layout dicts, without plotly's check of every property on every
    rerun (ten times the cost of building it); tests/test_builders.py runs each builder's spec
    through that check instead."""
    return go.Figure({"data": data, "layout": layout}, _validate=False)


NAMED_AT_MOST = 6  # more milestone titles than this overprint one another: the rest are named on hover


def _text_position(year: int, span: tuple[int, int]) -> str:
    """Labels near the chart's edges run inwards, so none is cut off."""
    lo, hi = span
    edge = max((hi - lo) * 0.2, 1)
    return "top right" if year - lo < edge else "top left" if hi - year < edge else "top center"


def _label_rows(years: list[int], texts: list[str], positions: list[str], span: tuple[int, int]) -> list[int]:
    """A row for each title, the lowest where it does not overlap a title already placed (widths are
    estimated for a chart about 1,000 px wide with 12-px text)."""
    per_year = 1000 / max(span[1] - span[0], 1)
    ends: list[float] = []  # where the last title of each row ends, in years
    rows = []
    for year, text, pos in zip(years, texts, positions):
        width = len(text) * 6.5 / per_year
        start = year if pos.endswith("right") else year - width if pos.endswith("left") else year - width / 2
        row = next((r for r, end in enumerate(ends) if start > end), len(ends))
        if row == len(ends):
            ends.append(0.0)
        ends[row] = start + width
        rows.append(row)
    return rows


def _milestone_traces(shown: pd.DataFrame, top: float, named: Collection[str] | None, span: tuple[int, int]) -> list[dict]:
    """The milestones trace (diamonds, hover) and, for the named ones, their titles on staggered rows."""
    if named is None:
        named = set(shown["milestone_id"]) if len(shown) <= NAMED_AT_MOST else set()
    traces = [
        {
            "type": "scatter",
            "x": shown["year"].astype(int).to_numpy(),
            "y": np.full(len(shown), top * 1.05),
            "mode": "markers",
            "name": "Milestones",
            "marker": {"symbol": "diamond", "size": 9, "color": MARK},
            "customdata": shown[["title", "source_url"]].map(safe).to_numpy(dtype=object),
            "hovertemplate": "%{x}: %{customdata[0]}<br>Source: %{customdata[1]}<extra></extra>",
        }
    ]
    labelled = shown[shown["milestone_id"].isin(set(named))]
    if len(labelled):
        texts = [f"{int(y)}: {safe(t)}" for y, t in zip(labelled["year"], labelled["title"])]
        positions = [_text_position(int(y), span) for y in labelled["year"]]
        rows = _label_rows(labelled["year"].astype(int).tolist(), texts, positions, span)
        traces.append(
            {
                "type": "scatter",
                "x": labelled["year"].astype(int).to_numpy(),
                "y": top * (1.05 + 0.09 * np.asarray(rows)),
                "mode": "text",
                "text": texts,
                "textposition": positions,
                "textfont": {"size": 12},
                "cliponaxis": False,
                "showlegend": False,
                "hoverinfo": "skip",
            }
        )
    return traces


def per_year(events: pd.DataFrame, by: str = "event_type") -> pd.DataFrame:
    """Events per year and group: year × group table."""
    if events.empty:
        return pd.DataFrame()
    table = events.groupby(["year", by]).size().unstack(fill_value=0)
    table.index = table.index.astype(int)
    table.index.name = "year"
    return table


def commitments_per_year(events: pd.DataFrame) -> pd.DataFrame:
    """New commitments per year by kind, then endings per year (columns "ended: repealed", …).

    Steps (initiatives, network roles, amendments, reaffirmations) are not commitments and are not counted.
    """
    kind = events["event_type"].astype(str)
    counted = events[kind.isin(COMMITMENT_TYPES)]
    ended = events[kind.isin(ENDING_EVENT_TYPES)]
    ended = ended.assign(event_type=ENDED + ended["event_type"].astype(str))
    table = per_year(pd.concat([counted.assign(event_type=counted["event_type"].astype(str)), ended]))
    if table.empty:
        return table
    order = [*COMMITMENT_TYPES, *(ENDED + e for e in ENDING_EVENT_TYPES)]
    return table[[k for k in order if k in table.columns]]


def per_year_figure(table: pd.DataFrame, title: str = "") -> go.Figure:
    """Stacked bars of events per year; patterns distinguish the groups besides colour.

    Columns named "ended: …" are drawn below zero in greys, so endings never add to the commitments.
    """
    patterns = ["", "/", "\\", "x", ".", "+", "-", "|"]
    greys = ["#555555", "#888888", "#BBBBBB"]
    traces = []
    for i, group in enumerate(table.columns):
        ending = str(group).startswith(ENDED)
        colour = greys[i % len(greys)] if ending else OKABE_ITO[i % len(OKABE_ITO)]
        traces.append(
            {
                "type": "bar",
                "x": list(table.index),
                "y": (-table[group] if ending else table[group]).tolist(),
                "name": safe(str(group).replace("_", " ")),
                "marker": {"color": colour, "pattern": {"shape": patterns[i % len(patterns)]}},
                "customdata": table[group].tolist(),
                "hovertemplate": "%{x}: %{customdata}<extra>%{fullData.name}</extra>",
            }
        )
    layout = {
        "barmode": "relative",
        **({"title": {"text": safe(title)}} if title else {}),
        "xaxis": {"title": {"text": "Year"}},
        "yaxis": {"title": {"text": "Commitments"}},
        "legend": {"orientation": "h", "y": -0.2},
        "margin": {"l": 40, "r": 10, "t": 40 if title else 10, "b": 40},
    }
    return unchecked(traces, layout)


def coverage_table(network_id: str, events: pd.DataFrame, counts: pd.DataFrame) -> pd.DataFrame:
    """Per year: places we map in the network (cumulative) beside the totals the network reported."""
    ev = events[events["network_id"] == network_id]
    firsts = ev.groupby("place_id")["year"].min()
    rep = counts[counts["network_id"] == network_id]
    years = sorted(set(firsts.astype(int)) | set(rep["year"].astype(int)))
    if not years:
        return pd.DataFrame(columns=["year", "mapped", "reported"])
    span = range(min(years), max(years) + 1)
    mapped = [int((firsts <= y).sum()) for y in span]
    reported = {int(r.year): int(r.count) for r in rep.itertuples(index=False)}
    return pd.DataFrame({"year": list(span), "mapped": mapped, "reported": [reported.get(y) for y in span]})


def coverage_figure(table: pd.DataFrame, name: str) -> go.Figure:
    """Mapped places (line) against the network's own reported totals (diamonds)."""
    fig = go.Figure()
    fig.add_trace(
        go.Scatter(
            x=table["year"], y=table["mapped"], mode="lines", name="Places in hrcmap", line={"color": "#0072B2", "width": 2}
        )
    )
    rep = table.dropna(subset=["reported"])
    fig.add_trace(
        go.Scatter(
            x=rep["year"],
            y=rep["reported"],
            mode="markers",
            name="Total the network reported",
            marker={"symbol": "diamond", "size": 10, "color": "#D55E00"},
        )
    )
    fig.update_layout(
        title=safe(f"{name}: what we map and what it reports"),
        xaxis_title="Year",
        yaxis_title="Places / members",
        legend={"orientation": "h", "y": -0.25},
        margin={"l": 40, "r": 10, "t": 40, "b": 40},
    )
    return fig


def overlap_figure(matrix: pd.DataFrame) -> go.Figure:
    """Shared places between networks as a heat map with the numbers written in (colour is not the only cue)."""
    fig = go.Figure(
        go.Heatmap(
            z=matrix.values,
            x=[safe(c) for c in matrix.columns],
            y=[safe(i) for i in matrix.index],
            colorscale="Blues",
            text=matrix.values,
            texttemplate="%{text}",
            hovertemplate="%{y} and %{x}: %{z} places<extra></extra>",
            showscale=False,
        )
    )
    fig.update_layout(
        title="Places shared by pairs of networks (diagonal: places in the network)",
        yaxis={"autorange": "reversed"},
        margin={"l": 10, "r": 10, "t": 40, "b": 10},
        height=max(360, 34 * len(matrix) + 120),
    )
    return fig


def milestones_figure(milestones: pd.DataFrame, title: str = "") -> go.Figure:
    """Milestones on a time line, labelled, for chapters before any place had committed; titles near
    the ends run inwards and the axis leaves room, so none is cut off."""
    rows = milestones.sort_values("year")
    years = rows["year"].astype(int)
    span = (int(years.min()), int(years.max())) if len(rows) else (0, 1)
    pad = max((span[1] - span[0]) * 0.08, 2)
    fig = go.Figure(
        go.Scatter(
            x=rows["year"].astype(int).to_numpy(),
            y=np.zeros(len(rows)),
            mode="markers+text",
            text=rows["title"].map(safe).to_numpy(dtype=object),
            textposition=[_text_position(int(y), span) for y in rows["year"]],
            cliponaxis=False,
            marker={"symbol": "diamond", "size": 14, "color": MARK},
            customdata=rows["source_url"].map(safe).to_numpy(dtype=object),
            hovertemplate="%{x}: %{text}<br>Source: %{customdata}<extra></extra>",
        )
    )
    fig.update_layout(
        title={"text": title} if title else None,
        showlegend=False,
        height=260,
        yaxis={"visible": False, "range": [-1, 2]},
        xaxis={"title": {"text": "Year"}, "range": [span[0] - pad, span[1] + pad]},
        margin={"l": 20, "r": 20, "t": 30, "b": 40},
    )
    return fig
