"""Read the built dataset from data/processed; never the raw tables, never the gazetteer."""
from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from . import schema as S


class DataUnavailable(RuntimeError):
    """The processed dataset is missing or unreadable; the message says how to rebuild it."""


@dataclass(frozen=True)
class Dataset:
    events: pd.DataFrame
    places: pd.DataFrame
    networks: pd.DataFrame
    network_counts: pd.DataFrame
    milestones: pd.DataFrame
    themes: pd.DataFrame
    package: dict

    @property
    def version(self) -> str:
        return str(self.package.get("version", ""))

    @property
    def citation(self) -> str:
        return str(self.package.get("citation", ""))


def _csv(path: Path) -> pd.DataFrame:
    return pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8")


def load_dataset(folder: Path) -> Dataset:
    """Read every processed file, or raise :class:`DataUnavailable` naming the file and the fix."""
    fix = "run `make data` (or `python -m hrcmap build`) to rebuild it"
    try:
        events = pd.read_parquet(folder / "events.parquet")
        places = pd.read_parquet(folder / "places.parquet")
        networks = _csv(folder / "networks.csv")
        counts = _csv(folder / "network_counts.csv")
        milestones = _csv(folder / "milestones.csv")
        themes = _csv(folder / "themes.csv")
        package = json.loads((folder / "datapackage.json").read_text(encoding="utf-8"))
    except FileNotFoundError as exc:
        raise DataUnavailable(f"The built dataset is incomplete: {Path(exc.filename or '?').name} is missing in {folder}. Please {fix}.") from exc
    except Exception as exc:  # a corrupt file can fail in many libraries' own ways
        raise DataUnavailable(f"The built dataset in {folder} could not be read ({type(exc).__name__}). Please {fix}.") from exc
    missing = [c for c in S.EVENTS_OUT_COLUMNS if c not in events.columns]
    missing += [c for c in S.PLACES_OUT_COLUMNS if c not in places.columns]
    if missing:
        raise DataUnavailable(f"The built dataset in {folder} lacks the columns {', '.join(missing)}. Please {fix}.")
    for df in (networks, counts, milestones):
        for col in ("year", "count", "founded_year", "places_mapped"):
            if col in df.columns:
                df[col] = pd.to_numeric(df[col], errors="coerce").astype("Int64")
    return Dataset(events, places, networks, counts, milestones, themes, package)
