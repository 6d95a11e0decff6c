"""Shared fixtures: the tiny valid dataset built once, paths to the fixture folders."""

from __future__ import annotations

import csv
import shutil
from pathlib import Path

import pytest

from hrcmap.build import build

HERE = Path(__file__).parent
VALID = HERE / "fixtures" / "valid"
INVALID = HERE / "fixtures" / "invalid"


@pytest.fixture()
def raw_copy(tmp_path: Path) -> Path:
    """A writable copy of the valid fixture tables."""
    dest = tmp_path / "raw"
    shutil.copytree(VALID, dest)
    return dest


@pytest.fixture(scope="session")
def built(tmp_path_factory) -> Path:
    """The valid fixture dataset, built once for the whole run."""
    out = tmp_path_factory.mktemp("processed")
    build(VALID, out, rel_dir="data/raw")
    return out


def edit(path: Path, row: int, column: str, value: str) -> None:
    """Set one cell of a CSV file; ``row`` is the line number (the header is row 1)."""
    rows = list(csv.DictReader(path.open(encoding="utf-8")))
    rows[row - 2][column] = value
    with path.open("w", newline="", encoding="utf-8") as f:
        w = csv.DictWriter(f, fieldnames=list(rows[0]), lineterminator="\n")
        w.writeheader()
        w.writerows(rows)


def shown(markdown: str) -> str:
    """What a reader sees of escaped markdown: the characters, without escapes or word joiners."""
    import re

    return re.sub(r"\\(.)", r"\1", markdown).replace("\u2060", "")


def events_table(*rows: tuple):
    """A small events table for the headline rules: (event_id, place_id, network_id, event_type,
    year, date, confidence, conflict_group) per row."""
    import pandas as pd

    cols = ["event_id", "place_id", "network_id", "event_type", "year", "date", "confidence", "conflict_group"]
    return pd.DataFrame([dict(zip(cols, r)) for r in rows], columns=cols)
