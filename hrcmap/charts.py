"""plotly figure builders: data in, ``go.Figure`` out. No network access: these charts use no map tiles."""
from __future__ import annotations

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from .palette import OKABE_ITO, REGION_COLORS

# milestones and legend edges: grey that keeps 4:1 contrast on both the light and the dark theme
MARK = "#767676"
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
    x = np.asarray(table.index, dtype=int)
    traces = [
        go.Scatter(
            x=x, y=table[group].to_numpy(), name=str(group), mode="lines", stackgroup="one",
            line={"color": colours.get(group, OKABE_ITO[i % len(OKABE_ITO)]), "dash": DASHES[i % len(DASHES)], "width": 2},
            hovertemplate="%{x}: %{y} places<extra>%{fullData.name}</extra>",
        )
        for i, group in enumerate(table.columns)
    ]
    if milestones is not None and not milestones.empty and not table.empty:
        shown = milestones[milestones["year"].between(table.index.min(), table.index.max())]
        top = float(table.sum(axis=1).max())
        traces.append(go.Scatter(
            x=shown["year"].astype(int).to_numpy(), y=np.full(len(shown), top * 1.05), mode="markers", name="Milestones",
            marker={"symbol": "diamond", "size": 9, "color": MARK},
            customdata=shown[["title", "source_url"]].to_numpy(dtype=object),
            hovertemplate="%{x}: %{customdata[0]}<br>Source: %{customdata[1]}<extra></extra>",
        ))
    return go.Figure(data=traces, layout={
        "title": {"text": title} if title else None, "xaxis": {"title": {"text": "Year"}},
        "yaxis": {"title": {"text": "Places (cumulative)"}}, "legend": {"orientation": "h", "y": -0.2},
        "margin": {"l": 40, "r": 10, "t": 40 if title else 10, "b": 40}, "hovermode": "closest",
    })


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
       
    )
    return fig


def legend_figure(items: list[tuple[str, str]], title: str = "") -> go.Figure:
    """A compact legend: one coloured dot and label per item, laid out in rows."""
    per_row = 3
    xs = [i % per_row for i in range(len(items))]
    ys = [-(i // per_row) for i in range(len(items))]
    fig = go.Figure(go.Scatter(
        x=xs, y=ys, mode="markers+text", text=[label for label, _ in items], textposition="middle right", textfont={"size": 13},
        marker={"size": 12, "color": [c for _, c in items], "line": {"color": MARK, "width": 1}},
        hoverinfo="skip", cliponaxis=False,
    ))
    rows = (len(items) + per_row - 1) // per_row
    fig.update_layout(
        title=title or None, showlegend=False, height=40 + 26 * rows, margin={"l": 6, "r": 6, "t": 24 if title else 4, "b": 4},
        xaxis={"visible": False, "range": [-0.1, per_row]}, yaxis={"visible": False, "range": [-rows + 0.5, 0.5]},
       
    )
    return fig


def outline_xy(outlines: dict, step: int = 1) -> tuple[np.ndarray, np.ndarray]:
    """Country outlines as one line trace's x (lon) and y (lat), rings separated by gaps (NaN, sent as null)."""
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
    return np.array(xs, dtype=float), np.array(ys, dtype=float)


def growth_figure(places: pd.DataFrame, outline: tuple[list, list], as_of: int | None = None,
                  title: str = "The movement's growth") -> go.Figure:
    """An animated map, one frame per year, drawn on shipped outlines (no tiles, no CDN).

    Each frame shows the places whose first matching commitment came in or before that year,
    coloured by network family (the legend is the map legend under it); the play button and the
    slider run in the browser. One points trace per frame keeps the figure quick to build.
    """
    from .palette import FAMILY_COLORS
    from .schema import FAMILIES

    outline_trace = go.Scattergl(x=outline[0], y=outline[1], mode="lines", line={"color": "#A0A0A0", "width": 0.6},
                                 hoverinfo="skip", showlegend=False)
    if places.empty:
        return go.Figure(data=[outline_trace], layout={"title": {"text": title}})
    ordered = places.sort_values(["first_year", "place_id"], kind="stable")
    years = list(range(int(ordered["first_year"].min()), int(ordered["first_year"].max()) + 1))
    start = as_of if as_of in years else years[-1]
    # numpy arrays pass plotly's checks in one step where lists are checked item by item
    lon = ordered["lon"].astype(float).round(2).to_numpy()
    lat = ordered["lat"].astype(float).round(2).to_numpy()
    # colours as numbers on a stepped colour scale: plotly checks numbers far faster than colour names
    families = list(FAMILY_COLORS)
    colour = np.array([families.index(f) if f in families else families.index("local") for f in ordered["family"]])
    n = len(families)
    scale = [[edge, FAMILY_COLORS[f]] for i, f in enumerate(families) for edge in (i / n, (i + 1) / n)]
    label = np.array([f"{n} ({y}, {FAMILIES.get(f, f)})" for n, y, f in zip(ordered["name"], ordered["first_year"], ordered["family"])], dtype=object)
    first = ordered["first_year"].astype(int).tolist()

    def points(year: int) -> dict:
        k = sum(1 for y in first if y <= year)  # places are sorted by first year: the first k are in
        return {"type": "scatter", "x": lon[:k], "y": lat[:k], "mode": "markers", "text": label[:k],
                "marker": {"size": 7, "color": colour[:k], "colorscale": scale, "cmin": -0.5, "cmax": n - 0.5,
                           "line": {"color": "#FFFFFF", "width": 0.5}},
                "hovertemplate": "%{text}<extra></extra>", "showlegend": False}

    def caption(year: int) -> str:
        return f"{title}: as of {year}, {sum(1 for y in first if y <= year)} places"

    frames = [{"name": str(y), "data": [points(y)], "traces": [1], "layout": {"title": {"text": caption(y)}}} for y in years]
    present = [f for f in families if f in set(ordered["family"])]
    layout = {
        "title": {"text": caption(start)},
        # the colour key, for still exports (the app draws its own legend under the map)
        "meta": {"legend": [[FAMILIES.get(f, f), FAMILY_COLORS[f]] for f in present]},
        "xaxis": {"visible": False, "range": [-170, 190], "fixedrange": True},
        "yaxis": {"visible": False, "range": [-58, 84], "scaleanchor": "x", "scaleratio": 1, "fixedrange": True},
        "margin": {"l": 0, "r": 0, "t": 50, "b": 10}, "height": 540,
        "updatemenus": [{
            "type": "buttons", "direction": "left", "x": 0.0, "y": 0, "xanchor": "left", "yanchor": "top", "pad": {"t": 40},
            "buttons": [
                {"label": "▶ Play", "method": "animate", "args": [None, {"frame": {"duration": 400, "redraw": True}, "fromcurrent": True, "transition": {"duration": 0}}]},
                {"label": "❚❚ Pause", "method": "animate", "args": [[None], {"frame": {"duration": 0, "redraw": False}, "mode": "immediate"}]},
            ],
        }],
        "sliders": [{
            "active": years.index(start), "currentvalue": {"prefix": "Year: "}, "pad": {"t": 30}, "x": 0.16, "len": 0.84,
            "steps": [{"label": str(y), "method": "animate", "args": [[str(y)], {"mode": "immediate", "frame": {"duration": 0, "redraw": True}, "transition": {"duration": 0}}]} for y in years],
        }],
    }
    return go.Figure(data=[outline_trace, points(start)], layout=layout, frames=frames)


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
                      legend={"orientation": "h", "y": -0.25}, margin={"l": 40, "r": 10, "t": 40, "b": 40})
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
                      height=max(360, 34 * len(matrix) + 120))
    return fig


def milestones_figure(milestones: pd.DataFrame, title: str = "") -> go.Figure:
    """Milestones on a time line, labelled, for chapters before any place had committed."""
    rows = milestones.sort_values("year")
    fig = go.Figure(go.Scatter(
        x=rows["year"].astype(int).to_numpy(), y=np.zeros(len(rows)), mode="markers+text",
        text=rows["title"].to_numpy(dtype=object), textposition="top center",
        marker={"symbol": "diamond", "size": 14, "color": MARK},
        customdata=rows["source_url"].to_numpy(dtype=object),
        hovertemplate="%{x}: %{text}<br>Source: %{customdata}<extra></extra>",
    ))
    fig.update_layout(title={"text": title} if title else None, showlegend=False, height=260,
                      yaxis={"visible": False, "range": [-1, 2]}, xaxis={"title": {"text": "Year"}},
                      margin={"l": 20, "r": 20, "t": 30, "b": 40})
    return fig
