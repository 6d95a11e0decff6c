"""The bundled dataset: in sync with data/raw, and meeting the atlas's coverage bar."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from hrcmap.build import build
from hrcmap.paths import DATA
from hrcmap.schema import REGIONS


def test_processed_data_is_a_fresh_build_of_raw(tmp_path: Path):
    build(DATA / "raw", tmp_path, rel_dir="data/raw")
    committed = DATA / "processed"
    for p in sorted(tmp_path.iterdir()):
        assert p.read_bytes() == (committed / p.name).read_bytes(), f"{p.name} is stale: run `make data` and commit"


def test_every_event_has_a_source_and_access_date():
    events = pd.read_csv(DATA / "processed" / "events.csv", dtype=str, keep_default_na=False)
    assert events["source_url"].str.match(r"https?://").all()
    assert (events["accessed"] != "").all()


def test_places_on_every_inhabited_continent():
    places = pd.read_csv(DATA / "processed" / "places.csv", dtype=str, keep_default_na=False)
    assert set(places["region"]) == set(REGIONS)
    assert places["place_id"].is_unique


def test_a_profile_says_when_the_first_year_is_only_a_listing():
    from hrcmap import filters, profile
    from hrcmap.load import load_dataset
    from hrcmap.state import ViewState

    data = load_dataset(DATA / "processed")
    events = filters.filter_events(data.events, ViewState())
    places = filters.places_view(data.places, events, data.networks)
    kinds = events.groupby("place_id")["event_type"].apply(lambda s: set(s.astype(str)))
    listed_place = next(p for p, k in kinds.items() if k == {"listed"})
    assert "it may have joined earlier" in profile.place_profile(places, events, listed_place).summary
    assert "it may have joined earlier" not in profile.place_profile(places, events, "graz-aut").summary


def test_no_reader_facing_note_carries_a_geocoding_remark():
    """Where a point comes from is the place's coord_note; the notes readers see say what happened."""
    import csv

    from hrcmap.paths import RAW

    for table in ("events", "places"):
        for row in csv.DictReader((RAW / f"{table}.csv").open(encoding="utf-8")):
            assert "located at seat" not in row["note"].lower(), (table, row.get("event_id", row["place_id"]))
    places = {r["place_id"]: r for r in csv.DictReader((RAW / "places.csv").open(encoding="utf-8"))}
    assert places["aachen-region-deu"]["coord_note"] == "Placed at its seat, Aachen."


def test_a_profile_says_where_a_seat_placed_point_comes_from_with_names_intact():
    from hrcmap.load import read_dataset
    from hrcmap.profile import place_profile

    data = read_dataset(DATA / "processed")
    placed = data.places[data.places["coord_note"].str.startswith("Placed at its seat, ")].iloc[0]
    seat = placed["coord_note"].removeprefix("Placed at its seat, ").rstrip(".")
    summary = place_profile(data.places, data.events, placed["place_id"]).summary
    assert f"On the map: placed at its seat, {seat}." in summary  # "Osaka", not "osaka"
