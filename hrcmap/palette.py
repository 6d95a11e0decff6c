"""One colour-blind-safe palette (Okabe & Ito) for maps, charts and exports."""

from __future__ import annotations

OKABE_ITO = ["#E69F00", "#56B4E9", "#009E73", "#F0E442", "#0072B2", "#D55E00", "#CC79A7", "#000000"]

REGION_COLORS = {
    "Africa": "#E69F00",
    "Asia": "#D55E00",
    "Europe": "#0072B2",
    "North America": "#009E73",
    "South America": "#CC79A7",
    "Oceania": "#56B4E9",
}

FAMILY_COLORS = {
    "coalitions": "#0072B2",
    "charters": "#56B4E9",
    "hrc-networks": "#D55E00",
    "national-frameworks": "#E69F00",
    "equality": "#CC79A7",
    "refuge": "#009E73",
    "several": "#F0E442",
    "local": "#7F7F7F",
}

# cividis end points: readable for every common colour-vision deficiency
_EARLY, _LATE = (0, 32, 77), (253, 231, 55)


def rgb(hex_colour: str) -> list[int]:
    """'#RRGGBB' → [r, g, b] for deck.gl."""
    h = hex_colour.lstrip("#")
    return [int(h[i : i + 2], 16) for i in (0, 2, 4)]


def year_colour(year: int, lo: int, hi: int) -> list[int]:
    """Early years dark blue, recent years yellow."""
    t = 0.0 if hi <= lo else (int(year) - lo) / (hi - lo)
    return [round(a + (b - a) * t) for a, b in zip(_EARLY, _LATE)]


def hex_of(colour: list[int]) -> str:
    return "#" + "".join(f"{c:02X}" for c in colour[:3])
