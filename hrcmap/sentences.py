"""The plain sentences that say what a view shows; each is tested, none is markup."""

from __future__ import annotations

import pandas as pd

from .firsts import committed, first_year_only_listed
from .kinds import COMMITMENT_TYPES, ENDING_EVENT_TYPES
from .state import LIST_FILTERS, ViewState
from .text import join_words, plural


def describe(events: pd.DataFrame, state: ViewState, labels: dict[str, dict[str, str]]) -> str:
    """One sentence: "87 places in 23 countries made 124 commitments on anti-racism between 2004 and 2015."

    ``labels`` maps a filter key (``network``, ``theme``, ``country``…) to id → readable name.
    Each declared list filter adds its own words (its ``phrase``).
    """
    if events.empty:
        return "No recorded commitments match these filters."
    values = state.as_dict()

    def words(key: str, lower: bool = False) -> str:
        return _words(values, labels, key, lower)

    chosen = [p for p in LIST_FILTERS if values[p.key]]
    where = [p for p in chosen if p.phrase == "where"]
    sentence = plural(events["place_id"].nunique(), "place")
    if not (where and where[-1].key == "country"):
        sentence += " in " + plural(events["country_iso3"].nunique(), "country")
    if where:  # the most specific place filter says where
        sentence += " in " + words(where[-1].key)
    kinds = "".join(" " + words(p.key) for p in chosen if p.phrase == "kind")
    committed = int(events["event_type"].astype(str).isin(COMMITMENT_TYPES).sum())
    if committed:
        sentence += f" made {committed:,}{kinds} {'commitment' if committed == 1 else 'commitments'}"
        if also := _also(events, committed):
            sentence += f" (and {also})"
    else:  # only steps or endings are shown, e.g. under a kind filter
        sentence += f" recorded {plural(len(events), 'event').replace(' ', kinds + ' ', 1)}"
    for p in chosen:
        if p.phrase not in ("where", "kind"):
            sentence += " " + p.phrase.replace("{key}", p.key).format(words(p.key, p.lower))
    if state.q:
        sentence += f" matching “{state.q}”"
    lo = state.year_from if state.year_from is not None else int(events["year"].min())
    hi = state.year_to if state.year_to is not None else int(events["year"].max())
    sentence += f" in {lo}" if lo == hi else f" between {lo} and {hi}"
    return sentence + "."


def _words(values: dict, labels: dict[str, dict[str, str]], key: str, lower: bool = False) -> str:
    """The chosen values of one filter, readable and joined: "Asia and Europe"."""
    names = [labels.get(key, {}).get(v, v).replace("_", " ") for v in values[key]]
    return join_words(n.lower() if lower else n for n in names)


def scope(state: ViewState, labels: dict[str, dict[str, str]]) -> str:
    """What the filters narrow a title to, in a few words: "in Asia in ECCAR, 2004–2015" ("" unfiltered).

    Chart and map titles carry it, so an exported image says what it shows ("Places in Asia, by
    year of first commitment"); the full sentence goes in the image's source line.
    """
    values = state.as_dict()
    chosen = [p for p in LIST_FILTERS if values[p.key]]
    where = [p for p in chosen if p.phrase == "where"]
    parts = ["in " + _words(values, labels, where[-1].key)] if where else []
    for p in chosen:
        if p.phrase == "kind":
            parts.append(f"({_words(values, labels, p.key)})")
        elif p.phrase != "where":
            parts.append(p.phrase.replace("{key}", p.key).format(_words(values, labels, p.key, p.lower)))
    if state.q:
        parts.append(f"matching “{state.q}”")
    text = " ".join(parts)
    lo, hi = state.year_from, state.year_to
    if lo is not None or hi is not None:
        years = f"since {lo}" if hi is None else f"until {hi}" if lo is None else str(lo) if lo == hi else f"{lo}–{hi}"
        text += (", " if text and years[0].isdigit() else " " if text else "") + years
    return text


def scoped(words: str, scope_words: str, rest: str = "") -> str:
    """A title with the filter's scope: ("Places", "in Asia", "by year") → "Places in Asia, by year";
    unfiltered, "Places by year". A scope of years alone follows a comma ("Places, 2004–2015, by year")."""
    if not scope_words:
        return f"{words} {rest}".strip()
    lead = ", " if scope_words[0].isdigit() else " "
    return f"{words}{lead}{scope_words}" + (f", {rest}" if rest else "")


def overview_sentence(events: pd.DataFrame, places: pd.DataFrame) -> str:
    """One plain sentence describing the whole dataset."""
    if events.empty:
        return "No commitments match."
    first, last = int(events["year"].min()), int(events["year"].max())
    committed = int(events["event_type"].astype(str).isin(COMMITMENT_TYPES).sum())
    sentence = (
        f"{plural(places['place_id'].nunique(), 'place')} in {plural(places['country_iso3'].nunique(), 'country')} "
        f"made {committed:,} recorded {'commitment' if committed == 1 else 'commitments'} between {first} and {last}"
    )
    also = _also(events, committed)
    if not also:
        return sentence + "."
    verb = "is" if len(events) - committed == 1 else "are"
    return sentence + f"; {also} {verb} also recorded."


def _also(events: pd.DataFrame, committed: int) -> str:
    """ "4 steps and 1 ending": the events beside the commitments ("" when there are none)."""
    endings = int(events["event_type"].astype(str).isin(ENDING_EVENT_TYPES).sum())
    steps = len(events) - committed - endings
    return join_words([plural(n, word) for n, word in ((steps, "step"), (endings, "ending")) if n], "and")


def growth_sentence(table: pd.DataFrame) -> str:
    if table.empty:
        return "No places match these filters."
    last = table.iloc[-1]
    lead = last.sort_values(ascending=False)
    return (
        f"From {int(table.index.min())} to {int(table.index.max())} the number of places grew to {int(last.sum()):,}; "
        f"the largest group is {lead.index[0]} with {int(lead.iloc[0]):,}."
    )


def per_year_sentence(table: pd.DataFrame) -> str:
    ended = [c for c in table.columns if str(c).startswith("ended: ")]
    totals = table.drop(columns=ended).sum(axis=1)
    if table.empty or totals.sum() == 0:
        return "No commitments match these filters."
    sentence = (
        f"{plural(int(totals.sum()), 'commitment')}; the busiest year was {int(totals.idxmax())} with {int(totals.max()):,}."
    )
    if ended:
        n = int(table[ended].to_numpy().sum())
        sentence += f" {plural(n, 'ending')} (withdrawn, repealed or lapsed) {'is' if n == 1 else 'are'} drawn below the line."
    return sentence


def as_of_sentence(places: pd.DataFrame, year: int) -> str:
    made = committed(places)
    shown = made[made["first_year"] <= year]
    steps = len(places) - len(made)
    aside = f" ({plural(steps, 'place')} shown {'has' if steps == 1 else 'have'} only taken a first step)" if steps else ""
    return (
        f"As of {year}, {len(shown)} of the {plural(len(places), 'place')} shown had made their first commitment, "
        f"in {plural(shown['country_iso3'].nunique(), 'country')}{aside}. Press Play to watch the years go by."
    )


def coverage_sentence(table: pd.DataFrame, name: str) -> str:
    reported = table.dropna(subset=["reported"])
    if table.empty:
        return f"No data for {name}."
    mapped = plural(int(table["mapped"].iloc[-1]), "place")
    if reported.empty:
        return f"hrcmap maps {mapped} in {name}; the network publishes no total we could source."
    r = reported.iloc[-1]
    return f"hrcmap maps {mapped} in {name}; the latest total it reported is {int(r['reported']):,} ({int(r['year'])})."


def listing_caveat(events: pd.DataFrame) -> str:
    """How many places' first year comes only from a membership list (they may have joined earlier)."""
    only_listed = first_year_only_listed(events)
    n = int(only_listed.sum())
    if not n:
        return ""
    return (
        f"For {n} of these {len(only_listed)} places the first year is that of a dated list naming them "
        "as members (event type “listed”): they may have joined earlier, so the curve can run late, never early."
    )


def chapter_sentence(events: pd.DataFrame, places: pd.DataFrame, as_of: int | None, in_networks: bool) -> str:
    """What a presentation chapter shows, as of its year."""
    year = f"by {as_of}" if as_of else "today"
    if events.empty:
        return f"No place in this atlas had made a commitment {year}; the milestones below set the scene."
    committed = int(events["event_type"].astype(str).isin(COMMITMENT_TYPES).sum())
    return (
        f"{year.capitalize()}, {plural(places['place_id'].nunique(), 'place')} in "
        f"{plural(places['country_iso3'].nunique(), 'country')} had made "
        f"{plural(committed, 'recorded commitment')}" + (" in these networks." if in_networks else ".")
    )
