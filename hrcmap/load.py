"""Read the built dataset from data/processed; never the raw tables, never the gazetteer.

Every file read is checked against the size and hash datapackage.json records for it (a file
from another build, a half-copied folder or a hand edit is an incomplete dataset), then the
columns the app relies on are checked once: types, required values, ranges and vocabularies.
"""

from __future__ import annotations

import hashlib
import io
import json
import logging
import os
import stat
import time
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from .table_checks import Unusable, check_table

log = logging.getLogger(__name__)

FIX = "Please run `make data` (or `python -m hrcmap build`) to rebuild it."


class DataUnavailable(RuntimeError):
    """The processed dataset is missing, incomplete or malformed.

    ``str(exc)`` is a plain sentence for visitors with the fix (no server path, no exception
    names); ``exc.detail`` says exactly what is wrong, for the server log and the build.
    """

    def __init__(self, message: str, detail: str = ""):
        super().__init__(f"{message} {FIX}")
        self.detail = detail or message


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


# ---- reading: one folder, every file checked against the package ----------------------------


class _Folder:
    """Files read relative to one open folder, so a folder swapped in meanwhile is not mixed in."""

    def __init__(self, path: Path):
        self.path = path
        self.fd = None
        if os.open in os.supports_dir_fd:
            try:
                self.fd = os.open(path, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
            except FileNotFoundError:
                raise Unusable("The built dataset is missing.", f"no folder {path}") from None
            except NotADirectoryError:
                raise Unusable("The built dataset is not a folder.", f"{path} is not a folder") from None
        elif not path.is_dir():
            raise Unusable("The built dataset is missing.", f"no folder {path}")

    def read(self, name: str) -> bytes:
        try:
            if self.fd is None:
                return (self.path / name).read_bytes()
            fd = os.open(name, os.O_RDONLY, dir_fd=self.fd)
            with os.fdopen(fd, "rb") as f:
                return f.read()
        except FileNotFoundError:
            raise Unusable(f"The built dataset is incomplete: {name} is missing.") from None
        except IsADirectoryError:
            raise Unusable(f"The built dataset is incomplete: {name} is a folder, not a file.") from None
        except OSError as exc:
            raise Unusable(f"The built dataset could not be read: {name} is unreadable.", f"{name}: {exc}") from None

    def files(self) -> dict[str, tuple[os.stat_result, bytes]]:
        """Every visible regular file of the folder, with its status and contents."""
        names = sorted(os.listdir(self.fd if self.fd is not None else self.path))
        out = {}
        for name in names:
            if name.startswith("."):
                continue
            st = os.stat(name, dir_fd=self.fd) if self.fd is not None else (self.path / name).stat()
            if stat.S_ISREG(st.st_mode):
                out[name] = (st, self.read(name))
        return out

    def close(self) -> None:
        if self.fd is not None:
            os.close(self.fd)


def _package(data: bytes) -> dict:
    try:
        package = json.loads(data.decode("utf-8"))
    except ValueError:
        raise Unusable("The built dataset is damaged: datapackage.json is not valid JSON.") from None
    if not isinstance(package, dict):
        raise Unusable("The built dataset is damaged: datapackage.json does not describe a data package.")
    for key in ("version", "citation"):
        if not isinstance(package.get(key), str) or not package[key].strip():
            raise Unusable(f"The built dataset is damaged: datapackage.json has no {key}.")
    return package


def _manifest(package: dict) -> dict[str, tuple[object, object]]:
    """path -> (bytes, hash) of every file the package lists."""
    out = {}
    for r in (package.get("resources") or []) + (package.get("binary_copies") or []):
        if isinstance(r, dict) and isinstance(r.get("path"), str):
            out[r["path"]] = (r.get("bytes"), r.get("hash"))
    return out


def _checked(folder: _Folder, manifest: dict, name: str) -> bytes:
    if name not in manifest or not isinstance(manifest[name][0], int) or not isinstance(manifest[name][1], str):
        raise Unusable(f"The built dataset is incomplete: datapackage.json does not record the size and hash of {name}.")
    data = folder.read(name)
    size, digest = manifest[name]
    algorithm, _, expected = digest.rpartition(":")
    if algorithm not in ("", "md5", "sha256"):
        raise Unusable(f"The built dataset is damaged: datapackage.json gives {name} an unknown kind of hash.")
    if len(data) != size or hashlib.new(algorithm or "md5", data).hexdigest() != expected:
        raise Unusable(
            f"The built dataset could not be read: {name} does not belong to this build "
            "(a build was interrupted, or the file was changed by hand)."
        )
    return data


def _parse(name: str, data: bytes) -> pd.DataFrame:
    try:
        if name.endswith(".parquet"):
            return pd.read_parquet(io.BytesIO(data))
        return pd.read_csv(io.BytesIO(data), dtype=str, keep_default_na=False, encoding="utf-8")
    except Exception as exc:  # a damaged file fails in each library's own way
        raise Unusable(
            f"The built dataset could not be read: {name} is damaged.", f"{name}: {type(exc).__name__}: {exc}"
        ) from None


def set_aside(folder: Path) -> list[Path]:
    """Old folders a build moved aside to swap in a new one (the two-rename fallback), newest first."""
    found = []
    for p in folder.parent.glob(f".{folder.name}.old-*"):
        try:
            found.append((p.stat().st_mtime_ns, p))
        except OSError:
            continue  # removed meanwhile
    return [p for _, p in sorted(found, reverse=True)]


def set_aside_dataset(folder: Path) -> Path | None:
    """The complete old dataset a build killed between its two renames set aside, if any."""
    return next((p for p in set_aside(folder) if (p / "datapackage.json").is_file()), None)


def folder_files(folder: Path) -> dict[str, tuple[os.stat_result, bytes]]:
    """Every visible file of a built dataset, read through one open folder (for the data package zip)."""
    try:
        opened = _Folder(Path(folder))
    except Unusable as exc:
        raise DataUnavailable(exc.public, exc.detail) from None
    try:
        return opened.files()
    except Unusable as exc:
        raise DataUnavailable(exc.public, exc.detail) from None
    finally:
        opened.close()


TABLES = ("events.parquet", "places.parquet", "networks.csv", "network_counts.csv", "milestones.csv", "themes.csv")


def read_dataset(folder: Path) -> Dataset:
    """Read and check one folder once; raise :class:`DataUnavailable` at the first problem."""
    try:
        opened = _Folder(Path(folder))
        try:
            package = _package(opened.read("datapackage.json"))
            manifest = _manifest(package)
            tables = {name: _parse(name, _checked(opened, manifest, name)) for name in TABLES}
        finally:
            opened.close()
        for name, df in tables.items():
            if name.endswith(".parquet") and df.empty:
                raise Unusable(f"The built dataset is empty: {name} has no rows.")
            check_table(df, name)
        events, places, networks = tables["events.parquet"], tables["places.parquet"], tables["networks.csv"]
        if not events["place_id"].isin(places["place_id"]).all():
            raise Unusable("The built dataset is inconsistent: events.parquet names places that places.parquet lacks.")
        nets = events.loc[events["network_id"] != "", "network_id"]
        if not nets.isin(networks["network_id"]).all():
            raise Unusable("The built dataset is inconsistent: events.parquet names networks that networks.csv lacks.")
    except Unusable as exc:
        raise DataUnavailable(exc.public, exc.detail) from None
    events, places = _plain_strings(events), _plain_strings(places)
    return Dataset(
        events, places, networks, tables["network_counts.csv"], tables["milestones.csv"], tables["themes.csv"], package
    )


def _plain_strings(df: pd.DataFrame) -> pd.DataFrame:
    """The table with its text columns as Python strings: the views select rows and columns of these
    small tables hundreds of times a rerun, and Arrow's per-column ``take`` costs more than numpy's
    at this size (the parquet files stay Arrow)."""
    text = [c for c in df.columns if pd.api.types.is_string_dtype(df[c]) and not pd.api.types.is_object_dtype(df[c])]
    return df.astype({c: object for c in text})


def load_dataset(folder: Path) -> Dataset:
    """Read every processed file, checked, or raise :class:`DataUnavailable` with a plain message and the fix.

    A failure is retried once (a build may be swapping folders at that moment). Where a build
    using the two-rename fallback was killed between its renames, the old dataset it set aside
    is read until the next build puts it back.
    """
    folder = Path(folder)
    for attempt in (1, 2):
        try:
            if not os.path.lexists(folder):
                aside = set_aside_dataset(folder)
                if aside is not None:
                    log.warning("reading %s: %s is missing after an interrupted build; the next build restores it", aside, folder)
                    return read_dataset(aside)
            return read_dataset(folder)
        except DataUnavailable as exc:
            log.warning("processed dataset %s rejected (attempt %d): %s", folder, attempt, exc.detail)
            if attempt == 2:
                raise
            time.sleep(0.1)
    raise AssertionError("unreachable")
