"""What the map's colours mean, and the groups and colours of the growth charts."""

from __future__ import annotations

import html

import pandas as pd

from .palette import FAMILY_COLORS, REGION_COLORS, hex_of, year_colour
from .schema import FAMILIES

# the marks besides the colours: how an ended commitment and a place drawn at its seat look on the map
MARKS = [("Withdrawn or repealed", "ended"), ("Region or province at its seat", "seat")]


def map_legend(colour: str = "family") -> str:
    what = (
        "Colour shows the family of networks each place belongs to (yellow: networks of several families; grey: local acts only)"
        if colour == "family"
        else "Colour shows the year of each place's first recorded commitment, dark blue early to yellow recent"
    )
    return (
        f"{what}; circle size grows with the number of recorded commitments; a black ring marks a place "
        "whose commitments were withdrawn or repealed; a hollow ring is a region, province or regency drawn at its "
        "seat or capital, around the city there. Hover or tap a circle for its name, country and first year "
        "(and any year another source gives); click it to see its networks and commitments."
    )


def map_legend_items(places: pd.DataFrame, colour: str = "family") -> list[tuple[str, str]]:
    """(label, colour) pairs for the legend of the map as drawn."""
    if colour == "year":
        if places.empty:
            return []
        lo, hi = int(places["first_year"].min()), int(places["first_year"].max())
        marks = sorted({lo, (lo + hi) // 2, hi})
        return [(str(y), hex_of(year_colour(y, lo, hi))) for y in marks]
    present = set(places["family"]) if "family" in places else set()
    return [(label, FAMILY_COLORS[key]) for key, label in FAMILIES.items() if key in present]


def legend_html(items: list[tuple[str, str]], marks: bool = True) -> str:
    """The map's legend as plain HTML (no chart library): a dot per colour, then the two ring marks.

    Labels are escaped: they are the project's own words, and stay text whatever they hold.
    """
    dot = "display:inline-block;width:12px;height:12px;border-radius:50%;margin-right:6px;vertical-align:-1px;"
    item = "display:inline-block;margin:0 16px 6px 0;font-size:0.9rem;white-space:nowrap"
    looks = {
        "ended": "border:2px solid #000;background:#fff;box-sizing:border-box",
        "seat": "border:2.5px solid #767676;background:transparent;box-sizing:border-box;width:16px;height:16px",
    }
    parts = [
        f'<span style="{item}"><span style="{dot}background:{html.escape(colour)};border:1px solid #767676"></span>'
        f"{html.escape(label)}</span>"
        for label, colour in items
    ]
    if marks:
        parts += [f'<span style="{item}"><span style="{dot}{looks[k]}"></span>{html.escape(label)}</span>' for label, k in MARKS]
    return f'<div role="list" aria-label="Map legend" data-testid="hrcmap-legend">{"".join(parts)}</div>'


def country_counts(places: pd.DataFrame) -> dict[str, int]:
    """Places per country (ISO3), for the country shading layer."""
    return {str(k): int(v) for k, v in places.groupby("country_iso3")["place_id"].nunique().items()}


def growth_groups(places: pd.DataFrame, split: str) -> tuple[pd.DataFrame, dict[str, str]]:
    """Places with a readable ``group`` column for the growth chart, and each group's colour."""

    if split == "family":
        labelled = places.assign(group=places["family"].map(FAMILIES))
        return labelled, {FAMILIES[k]: c for k, c in FAMILY_COLORS.items()}
    return places.assign(group=places["region"]), dict(REGION_COLORS)
