"""The headline rule: a place's first commitment year, its disputes and its colour family."""

from __future__ import annotations

import pandas as pd
import pytest

from hrcmap import firsts
from hrcmap.kinds import COMMITMENT_TYPES
from hrcmap.paths import DATA

from .conftest import events_table as _events

GRAZ = _events(
    ("g-2000", "graz", "", "declared", 2000, "2000", "medium", "graz-first"),
    ("g-2001", "graz", "", "declared", 2001, "2001-02-08", "high", "graz-first"),
    ("g-2006", "graz", "eccar", "joined", 2006, "2006", "high", ""),
)


def test_a_contested_earlier_claim_does_not_outrank_a_well_sourced_act():
    assert firsts.first_years(GRAZ)["graz"] == 2001
    assert firsts.disputed_first_years(GRAZ)["graz"] == "2000"
    assert firsts.headline_year(2001, "2000") == "2001; one source says 2000"


def test_an_outranked_claim_still_counts_when_it_is_all_a_place_has():
    only = GRAZ[GRAZ["event_id"] == "g-2000"]
    assert firsts.first_years(only)["graz"] == 2000  # the filter left nothing better
    assert firsts.disputed_first_years(only)["graz"] == ""


def test_equally_sourced_disagreement_keeps_the_earliest_and_names_the_other():
    ev = _events(
        ("a", "p", "n", "joined", 2014, "2014", "high", "p-join"), ("b", "p", "n", "joined", 2015, "2015", "high", "p-join")
    )
    assert firsts.first_years(ev)["p"] == 2014 and firsts.disputed_first_years(ev)["p"] == "2015"
    assert firsts.headline_year(2014, "2015;2016") == "2014; other sources say 2015 or 2016"


def test_commitments_come_before_endings():
    ev = _events(("w", "p", "n", "withdrawn", 1999, "1999", "high", ""), ("j", "p", "n", "joined", 2003, "2003", "high", ""))
    assert firsts.first_years(ev)["p"] == 2003
    assert firsts.first_years(ev[ev["event_id"] == "w"])["p"] == 1999


def test_a_place_is_coloured_by_the_families_of_its_networks():
    ev = _events(
        ("1", "one", "eccar", "joined", 2005, "", "high", ""),
        ("2", "one", "", "declared", 2001, "", "high", ""),
        ("3", "two", "eccar", "joined", 2005, "", "high", ""),
        ("4", "two", "icorn", "joined", 2007, "", "high", ""),
        ("5", "none", "", "declared", 2010, "", "high", ""),
    )
    fam = firsts.families_of_places(ev, {"eccar": "coalitions", "icorn": "refuge"})
    assert fam.to_dict() == {"none": "local", "one": "coalitions", "two": firsts.SEVERAL}


@pytest.fixture(scope="module")
def bundled():
    events = pd.read_csv(DATA / "processed" / "events.csv", dtype=str, keep_default_na=False)
    events["year"] = events["year"].astype(int)
    places = pd.read_csv(DATA / "processed" / "places.csv", dtype=str, keep_default_na=False).set_index("place_id")
    return events, places


def test_headlines_in_the_bundled_data(bundled):
    """Graz's first commitment is its 1996 admission to the writers' cities of refuge (no source disputes
    it; the 2000/2001 disagreement is about its later declaration); Gwangju's sources disagree."""
    _, places = bundled
    assert firsts.headline_year(places.at["graz-aut", "first_year"], places.at["graz-aut", "first_year_disputed"]) == "1996"
    assert firsts.headline_year(places.at["gwangju-kor", "first_year"], places.at["gwangju-kor", "first_year_disputed"]) == (
        "2007; one source says 2009"
    )


def test_every_conflict_group_in_the_bundled_data_follows_the_rule(bundled):
    """For each place of each conflict group: its headline is never an outranked claim while it has another
    commitment, and a disagreement about the headline year is written beside it."""
    events, places = bundled
    commitments = events[events["event_type"].isin(COMMITMENT_TYPES)]  # steps and endings never give the headline
    outranked = firsts.outranked(commitments)
    groups = sorted(g for g in events["conflict_group"].unique() if g)
    assert groups  # the bundled data has conflict groups to check
    for group in groups:
        for pid in events.loc[events["conflict_group"] == group, "place_id"].unique():
            mine = commitments[commitments["place_id"] == pid]
            if mine.empty:
                continue
            year = int(places.at[pid, "first_year"])
            firm = mine[~outranked.loc[mine.index]]
            if len(firm):
                assert year == int(firm["year"].min()), (group, pid)
            disputed = {int(y) for y in places.at[pid, "first_year_disputed"].split(";") if y}
            assert year not in disputed
            earlier = {int(y) for y in mine.loc[mine["year"] < year, "year"]}
            assert earlier <= disputed, (group, pid, earlier, disputed)
