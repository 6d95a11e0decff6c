"""What each presentation chapter shows: the data behind its view, as plain tables and a sentence."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from . import charts, filters
from .chapters import Chapter
from .load import Dataset
from .sentences import chapter_sentence
from .state import ViewState

# Static styling for the projector: no sidebar or toolbar, large type, no key hints on the slide
# (the page keys a clicker sends work through buttons kept on the page but out of sight). Colours
# come from the theme (light or dark, both AA), so a dark room can use the dark theme.
CSS = """<style>
[data-testid="stSidebar"], [data-testid="stSidebarCollapsedControl"], [data-testid="stHeader"],
[data-testid="stToolbar"] { display: none !important; }
[data-testid="stMainBlockContainer"] { padding-top: 1.2rem; padding-bottom: 1rem; }
[data-testid="stMain"] h1 { font-size: 3rem; padding: 0.2rem 0 0.4rem; }
[data-testid="stMain"] p, [data-testid="stMain"] li { font-size: 1.4rem; line-height: 1.45; }
[data-testid="stMain"] [data-testid="stCaptionContainer"] p { font-size: 1.05rem; }
[data-testid="stMain"] button kbd { display: none; }
.st-key-pgup, .st-key-pgdn { position: fixed !important; left: -10000px !important; top: 0; }
</style>"""


@dataclass(frozen=True)
class ChapterView:
    events: pd.DataFrame
    places: pd.DataFrame
    growth: pd.DataFrame
    milestones: pd.DataFrame
    milestone_rows: pd.DataFrame
    sentence: str


def chapter_view(chapter: Chapter, data: Dataset) -> ChapterView:
    """The chapter's slice of the dataset: its networks, up to its year."""
    state = ViewState(network=chapter.networks, year_to=chapter.as_of)
    events = filters.filter_events(data.events, state)
    places = filters.places_view(data.places, events, data.networks)
    growth = charts.cumulative_places(places, by="region")
    upto = data.milestones if chapter.as_of is None else data.milestones[data.milestones["year"] <= chapter.as_of]
    rows = data.milestones[data.milestones["milestone_id"].isin(chapter.milestones)]
    sentence = chapter_sentence(events, places, chapter.as_of, bool(chapter.networks))
    return ChapterView(events, places, growth, upto, rows, sentence)
