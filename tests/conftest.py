"""Shared fixtures: the tiny valid dataset built once, paths to the fixture folders."""
from __future__ import annotations

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
