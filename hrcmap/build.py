"""The build: raw tables → validated, geocoded, enriched outputs in data/processed, written atomically.

Stages: validate raw → resolve places offline → attach countries and regions → check each
point against its country's outline → derive events and place aggregates → validate outputs
→ write the whole new folder beside the old one, then swap the two folders in one step. A
failure or a kill at any stage leaves the previous outputs as they were, and readers see the
complete old or the complete new dataset. The same input gives byte-identical outputs.
"""

from __future__ import annotations

import datetime as _dt
import hashlib
import json
from pathlib import Path

import pandas as pd

from . import __version__
from . import schema as S
from .countries import check_point, country
from .divisions import division_problems, division_warnings, gazetteer_admin1, labels
from .firsts import disputed_first_years, first_kinds, first_years
from .gazetteer import GazetteerError, resolve
from .load import DataUnavailable, read_dataset
from .package import LICENSE, OUTPUT_FILES, TITLE, citation, datapackage, output_files, places_geojson
from .rawcsv import Record
from .summary import Summary
from .summary import coverage as network_coverage
from .swap import BuildError, check_folders, recover, replace_folder
from .validate import Problem, ValidationError, validate_raw


def _frame(rows: list[Record], table: str) -> pd.DataFrame:
    columns = [f["name"] for f in S.RAW_SCHEMAS[table]["fields"]]
    df = pd.DataFrame([{c: r.get(c, "") for c in columns} for r in rows], columns=columns, dtype="string")
    df["src_row"] = [r["__row__"] for r in rows]
    return df


def _themes(*values: str) -> str:
    out: set[str] = set()
    for v in values:
        out.update(t.strip() for t in (v or "").split(";") if t.strip())
    return ";".join(sorted(out))


def resolve_places(places: pd.DataFrame, rel: str) -> tuple[pd.DataFrame, list[Problem], list[str]]:
    """Coordinates, country names and regions for every place; problems for the rows that fail."""
    problems: list[Problem] = []
    warnings: list[str] = []
    out = []
    resolved: dict[str, int | None] = {}
    for r in places.itertuples(index=False):
        row = r.src_row
        c = country(r.country_iso3)
        if c is None:
            problems.append(Problem(rel, row, "country_iso3", f"'{r.country_iso3}' is not a known ISO 3166 alpha-3 country code"))
            continue
        try:
            res = resolve(
                r.name,
                r.country_iso3,
                geonameid=int(r.geonameid) if r.geonameid else None,
                lat=float(r.lat) if r.lat else None,
                lon=float(r.lon) if r.lon else None,
            )
        except GazetteerError as exc:
            problems.append(Problem(rel, row, exc.column, str(exc)))
            continue
        resolved[r.place_id] = res.geonameid
        problem = _point_problem(r, res, rel, warnings)
        if problem:
            problems.append(problem)
            continue
        out.append(
            {
                "place_id": r.place_id,
                "name": r.name,
                "name_local": r.name_local,
                "kind": r.kind,
                "admin1": r.admin1 or gazetteer_admin1(res.geonameid, r.country_iso3),
                "country_iso3": r.country_iso3,
                "country_name": c.name,
                "region": c.region,
                "subregion": c.subregion,
                "lat": res.lat,
                "lon": res.lon,
                "coord_source": res.source,
                "coord_note": r.coord_note,
            }
        )
    problems += division_problems(places, resolved, rel)
    df = pd.DataFrame(out)
    if len(df):
        df["label"] = labels(df)
    return df, problems, warnings


def _point_problem(r, res, rel: str, warnings: list[str]) -> Problem | None:
    """Whether a resolved point lies in its country; a note when it lies just offshore or cannot be checked."""
    placed = check_point(r.country_iso3, res.lat, res.lon, gazetteer=res.source == "gazetteer")
    if not placed.checked:
        warnings.append(f"{r.place_id}: no outline for {r.country_iso3} in data/reference; its point was not checked")
    elif placed.offshore:
        warnings.append(
            f"{r.place_id}: {placed.distance_km:.0f} km off {r.country_iso3}'s low-resolution outline, at sea in no other country's (an island the outlines lack)"
        )
    elif not placed.ok:
        hint = "; lat and lon look swapped" if placed.swapped_fits else "; check the coordinates or the country"
        return Problem(
            rel,
            r.src_row,
            "lat" if res.source == "explicit" else "geonameid",
            f"point ({res.lat}, {res.lon}) lies {placed.distance_km:.0f} km outside {r.country_iso3}{hint}",
        )
    return None


def derive_events(events: pd.DataFrame, places: pd.DataFrame, networks: pd.DataFrame) -> pd.DataFrame:
    """The flat events table (the events.csv contract): one row per event with place and network."""
    net = networks.set_index("network_id")
    renamed = places.rename(
        columns={"name": "place_name", "name_local": "place_name_local", "kind": "place_kind", "admin1": "place_admin1"}
    )
    df = events.merge(renamed, on="place_id", how="inner")
    df["network_name"] = [net.at[n, "name"] if n else "" for n in df["network_id"]]
    df["themes"] = [_themes(t, net.at[n, "themes"] if n else "") for t, n in zip(df["themes"], df["network_id"])]
    df["year"] = df["year"].astype(int)
    df = df[S.EVENTS_OUT_COLUMNS].sort_values(["year", "date", "place_id", "event_id"], kind="stable")
    return df.reset_index(drop=True)


def _status(group: pd.DataFrame) -> str:
    """active if any commitment thread is still active, else the latest thread's status."""
    ordered = group.sort_values(["year", "date"], kind="stable")
    threads = ordered.assign(thread=[n or f"local:{e}" for n, e in zip(ordered["network_id"], ordered["event_id"])])
    latest = threads.groupby("thread", sort=True).tail(1)
    statuses = set(latest["status_after"])
    for s in ("active", "aspirational"):
        if s in statuses:
            return s
    return str(ordered["status_after"].iloc[-1])


def derive_places(events_out: pd.DataFrame, places: pd.DataFrame) -> pd.DataFrame:
    """One row per place with the aggregates the map draws."""
    rows = []
    first = first_years(events_out)
    disputed = disputed_first_years(events_out)
    kinds = first_kinds(events_out)
    for pid, g in events_out.groupby("place_id", sort=True):
        rows.append(
            {
                "place_id": pid,
                "first_year": int(first[pid]),
                "first_year_disputed": str(disputed.get(pid, "")),
                "first_kind": str(kinds[pid]),
                "latest_year": int(g["year"].max()),
                "networks": ";".join(sorted({n for n in g["network_id"] if n})),
                "themes": _themes(*g["themes"]),
                "status": _status(g),
                "n_events": len(g),
                "n_sources": g["source_url"].nunique(),
                "has_conflict": bool((g["conflict_group"] != "").any()),
            }
        )
    agg = pd.DataFrame(rows)
    df = places.drop(columns=["coord_source"]).merge(agg, on="place_id", how="inner")
    return df[S.PLACES_OUT_COLUMNS].sort_values("place_id").reset_index(drop=True)


def _digest(raw_dir: Path) -> str:
    h = hashlib.sha256()
    for table in S.RAW_TABLES:
        h.update(table.encode())
        h.update((raw_dir / f"{table}.csv").read_bytes())
    return h.hexdigest()[:12]


def render(rows: dict[str, list[Record]], raw_dir: Path, rel_dir: str) -> tuple[dict[str, pd.DataFrame], dict, Summary]:
    """Everything the build derives, in memory; raises :class:`ValidationError` on any bad row."""
    tables = {t: _frame(rows[t], t) for t in S.RAW_TABLES}
    places, problems, warnings = resolve_places(tables["places"], f"{rel_dir}/places.csv")
    if problems:
        raise ValidationError(problems)
    networks = tables["networks"]
    events_out = derive_events(tables["events"].drop(columns="src_row"), places, networks.drop(columns="src_row"))
    places_out = derive_places(events_out, places)
    mapped = events_out[events_out["network_id"] != ""].groupby("network_id")["place_id"].nunique()
    networks_out = networks.drop(columns="src_row").sort_values("network_id").reset_index(drop=True)
    networks_out["places_mapped"] = [int(mapped.get(n, 0)) for n in networks_out["network_id"]]
    as_of = max(events_out["accessed"]) if len(events_out) else ""
    version = _digest(raw_dir)
    out = {
        "events": events_out,
        "places": places_out,
        "networks": networks_out,
        "network_counts": tables["network_counts"]
        .drop(columns="src_row")
        .sort_values(["network_id", "year", "count"])
        .reset_index(drop=True),
        "milestones": tables["milestones"]
        .drop(columns="src_row")
        .sort_values(["year", "date", "milestone_id"])
        .reset_index(drop=True),
        "themes": tables["themes"].drop(columns="src_row").reset_index(drop=True),
    }
    summary = Summary(
        places=len(places_out),
        events=len(events_out),
        networks=len(networks_out),
        networks_used=int((networks_out["places_mapped"] > 0).sum()),
        countries=places_out["country_iso3"].nunique(),
        regions={r: int(n) for r, n in places_out["region"].value_counts().sort_index().items()},
        conflicts=events_out.loc[events_out["conflict_group"] != "", "conflict_group"].nunique(),
        sources=events_out["source_url"].nunique(),
        milestones=len(out["milestones"]),
        disputed_firsts=int((places_out["first_year_disputed"] != "").sum()),
        kinds={str(k): int(v) for k, v in events_out["event_type"].value_counts().items()},
        coverage=network_coverage(networks_out, out["network_counts"]),
        warnings=sorted(warnings + division_warnings(events_out, places_out)),
    )
    return out, datapackage(events_out, version, as_of), summary


def write_outputs(out: dict[str, pd.DataFrame], package: dict, out_dir: Path, keep: Path | None = None) -> None:
    """Write every output to a new folder beside ``out_dir``, check it, and swap it in whole (see :mod:`hrcmap.swap`)."""
    replace_folder(output_files(out, package), out_dir, check_outputs, keep)


def check_outputs(folder: Path) -> None:
    """Sanity checks on written outputs before they replace the old ones: the loader's checks and the CSV contract."""
    try:
        data = read_dataset(folder)
    except DataUnavailable as exc:
        raise RuntimeError(f"the new outputs fail the loader's checks: {exc.detail}") from exc
    events = pd.read_csv(folder / "events.csv", dtype=str, keep_default_na=False)
    if list(events.columns) != S.EVENTS_OUT_COLUMNS:
        raise RuntimeError(f"events.csv columns {list(events.columns)} differ from the contract")
    for col in ("place_id", "source_url", "accessed", "year", "lat", "lon", "region"):
        if (events[col] == "").any():
            raise RuntimeError(f"events.csv has empty {col} values")
    if len(events) != len(data.events):
        raise RuntimeError("events.csv and events.parquet disagree")
    geo = json.loads((folder / "places.geojson").read_text(encoding="utf-8"))
    if len(geo["features"]) != len(data.places):
        raise RuntimeError("places.geojson and places.parquet disagree")


def build(raw_dir: Path, out_dir: Path, rel_dir: str | None = None, today: _dt.date | None = None) -> Summary:
    """Validate ``raw_dir`` and write the processed dataset to ``out_dir``; all or nothing."""
    check_folders(raw_dir, out_dir)
    rel_dir = rel_dir or _rel(raw_dir)
    rows = validate_raw(raw_dir, rel_dir, today)
    out, package, summary = render(rows, raw_dir, rel_dir)
    write_outputs(out, package, out_dir, keep=Path(raw_dir).resolve())
    summary.out_dir = out_dir
    return summary


def _rel(path: Path) -> str:
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)


__all__ = [
    "LICENSE",
    "OUTPUT_FILES",
    "TITLE",
    "BuildError",
    "Summary",
    "__version__",
    "build",
    "check_folders",
    "check_outputs",
    "citation",
    "datapackage",
    "places_geojson",
    "recover",
    "render",
    "write_outputs",
]
