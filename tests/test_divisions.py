"""Places that cannot be confused: same-name places carry their state or province, and say it."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from hrcmap import build as B
from hrcmap.validate import ValidationError

EVENT = (
    "{pid}-2017-resolution,{pid},,resolution,2017,,year,active,,https://example.org/{pid},Fixture page,2026-11-01,high,,{note}\n"
)


def _add(raw: Path, places: list[str], events: list[tuple[str, str]]) -> None:
    with (raw / "places.csv").open("a", encoding="utf-8") as f:
        f.writelines(line + "\n" for line in places)
    with (raw / "events.csv").open("a", encoding="utf-8") as f:
        f.writelines(EVENT.format(pid=pid, note=note) for pid, note in events)


def test_two_louisvilles_are_two_places_each_named_with_its_state(raw_copy: Path, tmp_path: Path):
    _add(
        raw_copy,
        [
            "louisville-usa,Louisville,,USA,city,Kentucky,4299276,,,,,",
            "louisville-usa-colorado,Louisville,,USA,city,Colorado,5429522,,,,,",
        ],
        [("louisville-usa", "Fixture: Kentucky."), ("louisville-usa-colorado", "Fixture: Colorado.")],
    )
    summary = B.build(raw_copy, tmp_path / "out", rel_dir="data/raw")
    places = pd.read_csv(tmp_path / "out" / "places.csv", dtype=str, keep_default_na=False).set_index("place_id")
    assert places.at["louisville-usa", "label"] == "Louisville, Kentucky"
    assert places.at["louisville-usa-colorado", "label"] == "Louisville, Colorado"
    assert float(places.at["louisville-usa-colorado", "lon"]) == pytest.approx(-105.13, abs=0.01)
    # a US place's state comes from the gazetteer when the row gives none; a unique name keeps its plain label
    assert places.at["seattle-usa", "admin1"] == "Washington" and places.at["seattle-usa", "label"] == "Seattle"
    events = pd.read_csv(tmp_path / "out" / "events.csv", dtype=str, keep_default_na=False).set_index("event_id")
    assert events.at["louisville-usa-colorado-2017-resolution", "place_admin1"] == "Colorado"
    assert not [w for w in summary.warnings if "louisville" in w]
    from hrcmap.profile import place_options

    choices = place_options(places.reset_index())  # the Places page's search box tells the two apart
    assert choices["louisville-usa-colorado"] == "Louisville, Colorado, United States"


def test_same_name_places_without_state_or_id_fail_the_build(raw_copy: Path, tmp_path: Path):
    _add(
        raw_copy,
        ["louisville-usa,Louisville,,USA,city,,4299276,,,,,", "louisville-usa-2,Louisville,,USA,city,Colorado,,,,,,"],
        [("louisville-usa", "Fixture."), ("louisville-usa-2", "Fixture.")],
    )
    with pytest.raises(ValidationError) as info:
        B.build(raw_copy, tmp_path / "out", rel_dir="data/raw")
    report = info.value.report()
    assert "data/raw/places.csv, row 10, column admin1: 'Louisville' names 2 places in USA (rows 10, 11)" in report
    assert "data/raw/places.csv, row 11, column geonameid: 'Louisville' names 2 places in USA (rows 10, 11)" in report
    assert not (tmp_path / "out").exists()


def test_a_state_that_contradicts_the_gazetteer_fails_the_build(raw_copy: Path, tmp_path: Path):
    _add(raw_copy, ["louisville-usa,Louisville,,USA,city,Kentucky,5429522,,,,,"], [("louisville-usa", "Fixture.")])
    with pytest.raises(ValidationError) as info:
        B.build(raw_copy, tmp_path / "out", rel_dir="data/raw")
    assert (
        "data/raw/places.csv, row 10, column admin1: is 'Kentucky' but its geonameid 5429522 is in Colorado"
        in info.value.report()
    )


def test_an_event_that_names_another_state_is_flagged(raw_copy: Path, tmp_path: Path):
    _add(
        raw_copy,
        ["louisville-usa,Louisville,,USA,city,,4299276,,,,,"],
        [("louisville-usa", '"The council of Louisville in Boulder County, Colorado, passed it."')],
    )
    summary = B.build(raw_copy, tmp_path / "out", rel_dir="data/raw")
    assert any(w.startswith("louisville-usa-2017-resolution: its note or source names Colorado") for w in summary.warnings)


def test_search_box_and_card_show_the_name_in_its_own_script(built):
    from hrcmap.load import load_dataset
    from hrcmap.profile import place_options, place_profile, selected_place

    data = load_dataset(built)
    assert place_options(data.places)["gwangju-kor"] == "Gwangju (광주광역시), South Korea"
    assert place_options(data.places)["graz-aut"] == "Graz, Austria"
    assert selected_place(data.places, data.events, "gwangju-kor").title == "Gwangju (광주광역시), South Korea"
    assert place_profile(data.places, data.events, "gwangju-kor").summary.startswith("Gwangju (광주광역시; city) in South Korea")
