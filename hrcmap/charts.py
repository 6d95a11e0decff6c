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


def cumulative_figure(table: pd.DataFrame, milestones: pd.DataFrame | None = None, title: str = "",
                      colours: dict[str, str] | None = None) -> go.Figure:
    """Stacked lines of cumulative places; each group also has its own dash so colour is not the only cue."""
    colours = colours or REGION_COLORS
    fig = go.Figure()
    for i, group in enumerate(table.columns):
        fig.add_trace(go.Scatter(
            x=list(table.index), y=table[group].tolist(), name=str(group), mode="lines",
            stackgroup="one", line={"color": colours.get(group, OKABE_ITO[i % len(OKABE_ITO)]), "dash": DASHES[i % len(DASHES)], "width": 2},
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


def legend_figure(items: list[tuple[str, str]], title: str = "") -> go.Figure:
    """A compact legend: one coloured dot and label per item, laid out in rows."""
    per_row = 3
    xs = [i % per_row for i in range(len(items))]
    ys = [-(i // per_row) for i in range(len(items))]
    fig = go.Figure(go.Scatter(
        x=xs, y=ys, mode="markers+text", text=[label for label, _ in items], textposition="middle right", textfont={"size": 13},
        marker={"size": 12, "color": [c for _, c in items], "line": {"color": "#333333", "width": 1}},
        hoverinfo="skip", cliponaxis=False,
    ))
    rows = (len(items) + per_row - 1) // per_row
    fig.update_layout(
        title=title or None, showlegend=False, height=40 + 26 * rows, margin={"l": 6, "r": 6, "t": 24 if title else 4, "b": 4},
        xaxis={"visible": False, "range": [-0.1, per_row]}, yaxis={"visible": False, "range": [-rows + 0.5, 0.5]},
        template="plotly_white",
    )
    return fig


def outline_xy(outlines: dict, step: int = 1) -> tuple[list[float | None], list[float | None]]:
    """Country outlines as one line trace's x (lon) and y (lat), rings separated by None."""
    xs: list[float | None] = []
    ys: list[float | None] = []
    for feature in outlines["features"]:
        geom = feature["geometry"]
        polygons = geom["coordinates"] if geom["type"] == "MultiPolygon" else [geom["coordinates"]]
        for polygon in polygons:
            ring = polygon[0][::step] + [polygon[0][0]]
            xs.extend(round(p[0], 2) for p in ring)
            ys.extend(round(p[1], 2) for p in ring)
            xs.append(None)
            ys.append(None)
    return xs, ys


def growth_figure(places: pd.DataFrame, outline: tuple[list, list], as_of: int | None = None,
                  title: str = "The movement's growth") -> go.Figure:
    """An animated map, one frame per year, drawn on shipped outlines (no tiles, no CDN).

    Each frame shows the places whose first matching commitment came in or before that year;
    the play button and the slider run in the browser.
    """
    from .palette import FAMILY_COLORS
    from .schema import FAMILIES

    fig = go.Figure()
    fig.add_trace(go.Scattergl(x=outline[0], y=outline[1], mode="lines", line={"color": "#A0A0A0", "width": 0.6},
                               hoverinfo="skip", showlegend=False))
    if places.empty:
        fig.update_layout(title=title)
        return fig
    years = list(range(int(places["first_year"].min()), int(places["first_year"].max()) + 1))
    start = as_of if as_of in years else years[-1]
    families = [f for f in FAMILIES if f in set(places["family"])]

    def traces(year: int) -> list[go.Scatter]:
        shown = places[places["first_year"] <= year]
        out = []
        for fam in families:
            sub = shown[shown["family"] == fam]
            out.append(go.Scatter(
                x=sub["lon"].round(2).tolist(), y=sub["lat"].round(2).tolist(), mode="markers", name=FAMILIES[fam],
                marker={"size": 7, "color": FAMILY_COLORS[fam], "line": {"color": "#FFFFFF", "width": 0.5}},
                text=sub["name"].tolist(), customdata=sub["first_year"].tolist(),
                hovertemplate="%{text} (%{customdata})<extra>%{fullData.name}</extra>",
            ))
        return out

    def caption(year: int) -> str:
        return f"As of {year}: {int((places['first_year'] <= year).sum())} places"

    for trace in traces(start):
        fig.add_trace(trace)
    trace_ids = list(range(1, 1 + len(families)))
    fig.frames = [go.Frame(name=str(y), data=traces(y), traces=trace_ids, layout={"title": {"text": f"{title}: {caption(y)}"}}) for y in years]
    fig.update_layout(
        title={"text": f"{title}: {caption(start)}"},
        xaxis={"visible": False, "range": [-170, 190], "fixedrange": True},
        yaxis={"visible": False, "range": [-58, 84], "scaleanchor": "x", "scaleratio": 1, "fixedrange": True},
        legend={"orientation": "h", "x": 0, "y": 1.0, "yanchor": "bottom"}, margin={"l": 0, "r": 0, "t": 70, "b": 10},
        template="plotly_white", height=560,
        updatemenus=[{
            "type": "buttons", "direction": "left", "x": 0.0, "y": 0, "xanchor": "left", "yanchor": "top", "pad": {"t": 40},
            "buttons": [
                {"label": "▶ Play", "method": "animate", "args": [None, {"frame": {"duration": 400, "redraw": True}, "fromcurrent": True, "transition": {"duration": 0}}]},
                {"label": "❚❚ Pause", "method": "animate", "args": [[None], {"frame": {"duration": 0, "redraw": False}, "mode": "immediate"}]},
            ],
        }],
        sliders=[{
            "active": years.index(start), "currentvalue": {"prefix": "Year: "}, "pad": {"t": 30}, "x": 0.16, "len": 0.84,
            "steps": [{"label": str(y), "method": "animate", "args": [[str(y)], {"mode": "immediate", "frame": {"duration": 0, "redraw": True}, "transition": {"duration": 0}}]} for y in years],
        }],
    )
    return fig


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
    fig.add_trace(go.Scatter(x=table["year"], y=table["mapped"], mode="lines", name="Places in hrcmap",
                             line={"color": "#0072B2", "width": 2}))
    rep = table.dropna(subset=["reported"])
    fig.add_trace(go.Scatter(x=rep["year"], y=rep["reported"], mode="markers", name="Total the network reported",
                             marker={"symbol": "diamond", "size": 10, "color": "#D55E00"}))
    fig.update_layout(title=f"{name}: what we map and what it reports", xaxis_title="Year", yaxis_title="Places / members",
                      legend={"orientation": "h", "y": -0.25}, margin={"l": 40, "r": 10, "t": 40, "b": 40}, template="plotly_white")
    return fig


def overlap_figure(matrix: pd.DataFrame) -> go.Figure:
    """Shared places between networks as a heat map with the numbers written in (colour is not the only cue)."""
    fig = go.Figure(go.Heatmap(
        z=matrix.values, x=list(matrix.columns), y=list(matrix.index), colorscale="Blues",
        text=matrix.values, texttemplate="%{text}", hovertemplate="%{y} and %{x}: %{z} places<extra></extra>",
        showscale=False,
    ))
    fig.update_layout(title="Places shared by pairs of networks (diagonal: places in the network)",
                      yaxis={"autorange": "reversed"}, margin={"l": 10, "r": 10, "t": 40, "b": 10},
                      height=max(360, 34 * len(matrix) + 120), template="plotly_white")
    return fig
