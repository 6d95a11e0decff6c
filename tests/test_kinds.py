"""The kinds of event: commitments, steps and endings, and what each view counts of them."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from hrcmap import charts, firsts, sentences
from hrcmap.kinds import COMMITMENT_TYPES, ENDING_EVENT_TYPES, EVENT_KINDS, STEP_TYPES
from hrcmap.paths import DATA
from hrcmap.validate import ValidationError, validate_raw

from .conftest import edit
from .conftest import events_table as _events


def test_every_kind_has_one_class_and_a_definition():
    classes = [*COMMITMENT_TYPES, *STEP_TYPES, *ENDING_EVENT_TYPES]
    assert sorted(classes) == sorted(EVENT_KINDS) and len(set(classes)) == len(classes)
    assert all(len(meaning) > 20 for meaning in EVENT_KINDS.values())


def test_a_first_step_never_gives_the_year_of_a_first_commitment():
    ev = _events(("i", "p", "", "initiative", 2011, "", "high", ""), ("d", "p", "", "declared", 2012, "", "high", ""))
    assert firsts.first_years(ev)["p"] == 2012 and firsts.first_kinds(ev)["p"] == "commitment"


def test_a_place_with_only_steps_says_it_has_no_commitment_yet():
    ev = _events(("i", "p", "", "initiative", 2018, "", "high", ""), ("r", "p", "n", "network_role", 2020, "", "high", ""))
    assert firsts.first_years(ev)["p"] == 2018 and firsts.first_kinds(ev)["p"] == "step"
    assert firsts.headline_year(2018, "", "step") == "none yet (first step 2018)"


def test_new_commitments_per_year_leave_out_steps_and_draw_endings_below_the_line():
    ev = _events(
        ("a", "p", "n", "award", 2020, "", "high", ""),
        ("b", "q", "n", "joined", 2020, "", "high", ""),
        ("c", "q", "n", "network_role", 2020, "", "high", ""),
        ("d", "q", "n", "withdrawn", 2021, "", "high", ""),
    )
    table = charts.commitments_per_year(ev)
    assert table.loc[2020].to_dict() == {"joined": 1, "award": 1, "ended: withdrawn": 0}
    assert table.loc[2021, "ended: withdrawn"] == 1 and "network_role" not in table
    fig = charts.per_year_figure(table)
    ended = next(t for t in fig.data if t.name == "ended: withdrawn")
    assert list(ended.y) == [0, -1]  # below the line, never added to the commitments
    said = sentences.per_year_sentence(table)
    assert said.startswith("2 commitments;") and "1 ending (withdrawn, repealed or lapsed) is drawn below the line" in said


@pytest.mark.parametrize(
    "event_type,date,fails",
    [
        ("award", "2022-01-15", False),  # a certificate handed over after its round keeps the round's year
        ("declared", "2022-01-15", "2022-01-15 does not fall in the row's year 2021"),
        ("award", "2023-01-15", "2023-01-15 is neither in the award's round 2021 nor in the next year"),
        ("prize", "2021-06-30", "'prize' is not"),
    ],
)
def test_kinds_and_award_dates_are_checked_before_anything_is_built(raw_copy: Path, event_type, date, fails):
    for column, value in (("event_type", event_type), ("year", "2021"), ("date", date), ("date_precision", "day")):
        edit(raw_copy / "events.csv", 2, column, value)
    if not fails:
        validate_raw(raw_copy, "data/raw")
        return
    with pytest.raises(ValidationError) as info:
        validate_raw(raw_copy, "data/raw")
    lines = [line for line in info.value.report().splitlines() if line.startswith("data/raw/events.csv, row 2")]
    assert any(fails in line for line in lines), info.value.report()


def test_the_shipped_catch_all_is_small_and_says_why():
    events = pd.read_csv(DATA / "raw" / "events.csv", dtype=str, keep_default_na=False)
    other = events[events["event_type"] == "other"]
    assert len(other) <= 0.05 * len(events)
    assert all(note.startswith("Kept as 'other' because") for note in other["note"]), other["note"].tolist()


def test_a_view_of_steps_only_never_calls_them_commitments():
    from hrcmap.state import ViewState

    ev = _events(("a", "p", "n", "network_role", 2008, "", "high", ""), ("b", "q", "n", "network_role", 2010, "", "high", ""))
    ev["country_iso3"] = ["FRA", "CHE"]
    said = sentences.describe(ev, ViewState(type=("network_role",)), {})
    assert said == "2 places in 2 countries recorded 2 network role events between 2008 and 2010."


def test_the_as_of_sentence_does_not_count_a_first_step_as_a_commitment():
    places = pd.DataFrame({"first_year": [2001, 2018], "first_kind": ["commitment", "step"], "country_iso3": ["AUT", "PRT"]})
    said = sentences.as_of_sentence(places, 2026)
    assert said.startswith("As of 2026, 1 of the 2 places shown had made their first commitment, in 1 country (1 place")
    assert "(1 place shown has only taken a first step)" in said


def test_the_growth_map_and_its_table_leave_out_places_with_only_a_first_step():
    from hrcmap import growth_map, tables

    places = pd.DataFrame(
        {
            "place_id": ["a", "b"],
            "name": ["A", "B"],
            "country_name": ["Austria", "Portugal"],
            "region": ["Europe", "Europe"],
            "first_year": [2001, 2018],
            "first_kind": ["commitment", "step"],
            "lat": [47.0, 38.7],
            "lon": [15.4, -9.1],
            "family": ["local", "local"],
            "n_events": [1, 1],
            "status": ["active", "aspirational"],
            "first_year_disputed": ["", ""],
        }
    )
    fig = growth_map.growth_figure(places, ([0.0], [0.0]), as_of=2020, until=2020)
    assert len(fig.data[1].x) == 1 and "as of 2020, 1 places" in fig.layout.title.text
    assert list(tables.as_of_table(places, 2020)["Place"]) == ["A"]
