"""The networks as readers meet them: the table against reported totals, one network's facts, overlaps."""

from __future__ import annotations

import pandas as pd

from .schema import FAMILIES
from .state import ViewState
from .text import plural


def shown_network(state: ViewState, ids: list[str]) -> str:
    """The network the Networks page details: the view's first chosen network, else the largest."""
    return next((n for n in state.network if n in ids), ids[0])


def network_table(networks: pd.DataFrame, counts: pd.DataFrame) -> pd.DataFrame:
    """Each network with the places we map and its latest self-reported total."""
    rows = []
    for n in networks.itertuples(index=False):
        reported = counts[counts["network_id"] == n.network_id].sort_values(["year", "count"])
        latest = reported.iloc[-1] if len(reported) else None
        total = "–"
        if latest is not None:
            q = {"about": "about ", "more_than": "more than "}.get(latest["qualifier"], "")
            total = f"{q}{int(latest['count'])} {latest['unit']} ({int(latest['year'])})"
        rows.append(
            {
                # the numbers first, so they stay in view on a narrow screen
                "Network": n.short_name,
                "Places mapped": int(n.places_mapped),
                "Reported total": total,
                "Founded": "" if pd.isna(n.founded_year) else str(int(n.founded_year)),
                "Kind": n.kind,
                "Scope": n.scope,
                "Full name": n.name,
                "Website": n.url,
                "Source": n.source_url,
            }
        )
    return pd.DataFrame(rows).sort_values(["Places mapped", "Network"], ascending=[False, True]).reset_index(drop=True)


def network_facts(networks: pd.DataFrame, network_id: str, family_labels: dict[str, str] = FAMILIES) -> list[tuple[str, str]]:
    """(label, value) lines describing one network."""
    n = networks[networks["network_id"] == network_id].iloc[0]
    founded = "" if pd.isna(n["founded_year"]) else str(int(n["founded_year"]))
    where = f" in {n['founded_place']}" if n["founded_place"] else ""
    return [
        ("Kind", f"{n['kind']} ({family_labels.get(n['family'], n['family'])})"),
        ("Founded", (founded + where) if founded else "no source gives a founding year"),
        ("Scope", n["scope"]),
        ("Themes", n["themes"].replace(";", ", ") or "–"),
    ]


def coverage_options(networks: pd.DataFrame, counts: pd.DataFrame) -> dict[str, str]:
    """Networks that report totals: id → short name, largest reported total first."""
    top = counts.groupby("network_id")["count"].max().sort_values(ascending=False)
    names = dict(zip(networks["network_id"], networks["short_name"]))
    return {n: names.get(n, n) for n in top.index if n in names}


def network_overlap(events: pd.DataFrame, names: dict[str, str], top: int = 14) -> pd.DataFrame:
    """Places shared by each pair of networks (the diagonal: places in the network), largest networks first."""
    members = events[events["network_id"] != ""].groupby("network_id")["place_id"].agg(set)
    order = members.map(len).sort_values(ascending=False).index[:top]
    labels = [names.get(n, n) for n in order]
    matrix = [[len(members[a] & members[b]) for b in order] for a in order]
    return pd.DataFrame(matrix, index=labels, columns=labels)


def membership_spread(events: pd.DataFrame) -> pd.DataFrame:
    """How many places belong to 0, 1, 2, 3… networks."""
    per_place = events.groupby("place_id")["network_id"].agg(lambda s: len({n for n in s if n}))
    counts = per_place.value_counts().sort_index()
    return pd.DataFrame({"Networks": counts.index.astype(int), "Places": counts.values.astype(int)})


def known_gaps(networks: pd.DataFrame, counts: pd.DataFrame) -> pd.DataFrame:
    """Networks whose own latest total is larger than what we map, largest gap first."""
    rows = []
    for n in networks.itertuples(index=False):
        reported = counts[counts["network_id"] == n.network_id].sort_values(["year", "count"])
        if reported.empty:
            continue
        last = reported.iloc[-1]
        total, mapped = int(last["count"]), int(n.places_mapped)
        if total > mapped:
            rows.append(
                {
                    "Network": n.short_name,
                    "Mapped here": mapped,
                    "Reported": total,
                    "Reported in": int(last["year"]),
                    "Share mapped": f"{100 * mapped / total:.0f}%",
                }
            )
    return pd.DataFrame(rows).sort_values("Reported", ascending=False).reset_index(drop=True) if rows else pd.DataFrame()


def overlap_sentence(events: pd.DataFrame) -> str:
    """How many places belong to two or more networks, for the overlap heat map."""
    spread = membership_spread(events)
    several = int(spread.loc[spread["Networks"] >= 2, "Places"].sum())
    return (
        f"{several} of {plural(int(spread['Places'].sum()), 'place')} appear in two or more networks; "
        "the heat map counts the places each pair of the largest networks share."
    )
