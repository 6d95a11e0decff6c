"""The loader checks what the app reads, once: a bad processed file gives the plain "run make data"
message, without the server's path or an exception's name (those go to the server log)."""

from __future__ import annotations

import datetime as _dt
import json
import logging
import os
import re
import shutil
from pathlib import Path

import pandas as pd
import pytest

from hrcmap import load, table_checks
from hrcmap.load import DataUnavailable, load_dataset
from hrcmap.package import file_stats

THIS_YEAR = _dt.date.today().year


@pytest.fixture()
def folder(built: Path, tmp_path: Path) -> Path:
    dest = tmp_path / "processed"
    shutil.copytree(built, dest)
    return dest


def rehash(folder: Path) -> None:
    """Record the files' current sizes and hashes, as if a build had written them (to test the content checks)."""
    path = folder / "datapackage.json"
    package = json.loads(path.read_text(encoding="utf-8"))
    for key in ("resources", "binary_copies"):
        for r in package[key]:
            if (folder / r["path"]).is_file():
                r.update(file_stats((folder / r["path"]).read_bytes()))
    path.write_text(json.dumps(package), encoding="utf-8")


def parquet(folder: Path, name: str, change) -> None:
    df = pd.read_parquet(folder / name)
    df = change(df)
    df.to_parquet(folder / name, index=False)
    rehash(folder)


def csv(folder: Path, name: str, column: str, value: str, row: int = 0) -> None:
    df = pd.read_csv(folder / name, dtype=str, keep_default_na=False)
    df.loc[row, column] = value
    df.to_csv(folder / name, index=False, lineterminator="\n")
    rehash(folder)


def package(folder: Path, change) -> None:
    path = folder / "datapackage.json"
    path.write_text(change(path.read_text(encoding="utf-8")), encoding="utf-8")


def setter(column, value, row=0):
    def change(df):
        df = df.copy()
        df.loc[row, column] = value
        return df

    return change


CASES = [
    ("package is a list", lambda f: package(f, lambda t: "[]"), "datapackage.json does not describe a data package"),
    ("package is not JSON", lambda f: package(f, lambda t: t[:100]), "datapackage.json is not valid JSON"),
    (
        "package without version",
        lambda f: package(f, lambda t: json.dumps({**json.loads(t), "version": ""})),
        "datapackage.json has no version",
    ),
    (
        "package without citation",
        lambda f: package(f, lambda t: json.dumps({k: v for k, v in json.loads(t).items() if k != "citation"})),
        "datapackage.json has no citation",
    ),
    (
        "package without hashes",
        lambda f: package(f, lambda t: t.replace('"hash"', '"hush"')),
        "datapackage.json does not record the size and hash of events.parquet",
    ),
    ("missing parquet", lambda f: (f / "places.parquet").unlink(), "incomplete: places.parquet is missing"),
    ("missing csv", lambda f: (f / "themes.csv").unlink(), "incomplete: themes.csv is missing"),
    (
        "folder for a file",
        lambda f: ((f / "events.parquet").unlink(), (f / "events.parquet").mkdir()),
        "incomplete: events.parquet is a folder, not a file",
    ),
    (
        "file from another build",
        lambda f: (f / "networks.csv").write_text((f / "networks.csv").read_text() + "\n"),
        "networks.csv does not belong to this build",
    ),
    (
        "damaged parquet",
        lambda f: ((f / "events.parquet").write_bytes(b"PAR1 not really"), rehash(f)),
        "events.parquet is damaged",
    ),
    ("zero-row events", lambda f: parquet(f, "events.parquet", lambda df: df.head(0)), "empty: events.parquet has no rows"),
    ("zero-row places", lambda f: parquet(f, "places.parquet", lambda df: df.head(0)), "empty: places.parquet has no rows"),
    (
        "text year",
        lambda f: parquet(f, "events.parquet", lambda df: df.assign(year=df["year"].astype(str))),
        "events.parquet: column year holds text, not whole numbers",
    ),
    (
        "decimal year",
        lambda f: parquet(f, "events.parquet", lambda df: df.assign(year=df["year"] + 0.5)),
        "events.parquet: column year holds decimal values",
    ),
    (
        "year before 1948",
        lambda f: parquet(f, "events.parquet", setter("year", 1900, 3)),
        f"events.parquet: column year has values that are not whole numbers from 1948 to {THIS_YEAR} (1 value, the first at record 4)",
    ),
    (
        "year in the future",
        lambda f: parquet(f, "places.parquet", setter("first_year", THIS_YEAR + 1)),
        "places.parquet: column first_year has values that are not whole numbers from 1948",
    ),
    (
        "latitude out of range",
        lambda f: parquet(f, "places.parquet", setter("lat", 95.0)),
        "places.parquet: column lat has values that are not latitudes between -90 and 90",
    ),
    (
        "longitude not a number",
        lambda f: parquet(f, "events.parquet", setter("lon", float("nan"))),
        "events.parquet: column lon has values that are not longitudes between -180 and 180",
    ),
    (
        "text latitude",
        lambda f: parquet(f, "events.parquet", lambda df: df.assign(lat=df["lat"].astype(str))),
        "events.parquet: column lat holds text, not numbers",
    ),
    (
        "empty place id",
        lambda f: parquet(f, "events.parquet", setter("place_id", " ")),
        "events.parquet: column place_id has values that are empty",
    ),
    (
        "missing event id",
        lambda f: parquet(f, "events.parquet", setter("event_id", None)),
        "events.parquet: column event_id has values that are missing or not text",
    ),
    (
        "repeated place id",
        lambda f: parquet(f, "places.parquet", lambda df: pd.concat([df, df.head(1)], ignore_index=True)),
        "places.parquet: column place_id has values that repeat an id",
    ),
    (
        "unknown region",
        lambda f: parquet(f, "places.parquet", setter("region", "Atlantis")),
        "places.parquet: column region has values that are not one of Africa",
    ),
    (
        "missing column",
        lambda f: parquet(f, "events.parquet", lambda df: df.drop(columns=["status_after"])),
        "events.parquet lacks the column status_after",
    ),
    (
        "conflict not true/false",
        lambda f: parquet(f, "places.parquet", lambda df: df.assign(has_conflict=df["has_conflict"].astype(str))),
        "places.parquet: column has_conflict does not hold true/false values",
    ),
    (
        "event of an unknown place",
        lambda f: parquet(f, "events.parquet", setter("place_id", "atlantis-xxx")),
        "events.parquet names places that places.parquet lacks",
    ),
    (
        "founded year written oddly",
        lambda f: csv(f, "networks.csv", "founded_year", "2_003"),
        "networks.csv: column founded_year has text that is not a whole number (1 value, the first at row 2)",
    ),
    (
        "count below zero",
        lambda f: csv(f, "network_counts.csv", "count", "-5", 1),
        "network_counts.csv: column count has values that are not whole numbers of 0 or more (1 value, the first at row 3)",
    ),
    (
        "milestone without year",
        lambda f: csv(f, "milestones.csv", "year", ""),
        "milestones.csv: column year has values that are empty",
    ),
    ("theme without id", lambda f: csv(f, "themes.csv", "theme_id", ""), "themes.csv: column theme_id has values that are empty"),
]


@pytest.mark.parametrize("kind,breaks,words", CASES, ids=[c[0] for c in CASES])
def test_a_bad_processed_file_gives_the_plain_message(folder: Path, caplog, kind, breaks, words):
    breaks(folder)
    with caplog.at_level(logging.WARNING, logger="hrcmap.load"), pytest.raises(DataUnavailable) as info:
        load_dataset(folder)
    message = str(info.value)
    assert words in message, message
    assert message.endswith("Please run `make data` (or `python -m hrcmap build`) to rebuild it.")
    assert str(folder.parent) not in message and not re.search(r"(^|\s)/\w", message)
    for name in ("Error", "Exception", "Traceback", "Invalid", "KeyError", "ValueError"):
        assert name not in message
    # the server log has the folder and the detail
    assert any(str(folder) in r.getMessage() for r in caplog.records)


def test_the_suite_covers_every_rule_kind():
    kinds = {rule[0] for rules in table_checks.RULES.values() for rule in rules.values()}
    assert kinds == {"text", "required", "key", "int", "lat", "lon", "bool", "enum"}


def test_a_good_dataset_loads_with_typed_columns(folder: Path):
    data = load_dataset(folder)
    assert data.events["year"].dtype == "int64" and data.places["first_year"].dtype == "int64"
    assert str(data.networks["founded_year"].dtype) == "Int64" and str(data.network_counts["count"].dtype) == "Int64"
    assert data.version and data.citation


def test_a_missing_folder_is_reported_without_its_path(tmp_path: Path):
    with pytest.raises(DataUnavailable) as info:
        load_dataset(tmp_path / "nowhere")
    assert str(info.value).startswith("The built dataset is missing.") and str(tmp_path) not in str(info.value)


def test_a_failed_read_is_retried_once(folder: Path, monkeypatch):
    calls = []
    real = load.read_dataset

    def flaky(path):
        calls.append(path)
        if len(calls) == 1:
            raise DataUnavailable("The built dataset is incomplete: events.parquet is missing.")
        return real(path)

    monkeypatch.setattr(load, "read_dataset", flaky)
    assert load_dataset(folder).version
    assert len(calls) == 2


def test_the_dataset_set_aside_by_an_interrupted_swap_is_read(folder: Path):
    version = load_dataset(folder).version
    os.rename(folder, folder.with_name(f".{folder.name}.old-x1"))
    assert load_dataset(folder).version == version


def test_files_are_read_from_one_folder_even_if_it_is_swapped_meanwhile(folder: Path, tmp_path: Path, monkeypatch):
    """A folder exchanged for another while the loader reads is not mixed in: the loader keeps reading the folder it opened."""
    other = tmp_path / "other"
    shutil.copytree(folder, other)
    csv(other, "themes.csv", "label", "Another label")
    real_read = load._Folder.read

    def read(self, name):
        if name == "themes.csv":  # swap just before the last file is read
            os.rename(folder, tmp_path / "aside")
            os.rename(other, folder)
        return real_read(self, name)

    monkeypatch.setattr(load._Folder, "read", read)
    data = load.read_dataset(folder)
    assert "Another label" not in set(data.themes["label"])
