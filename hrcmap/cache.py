"""The only Streamlit caches: the dataset and the country outlines, read once per process, and
the events and places each filter selection keeps.

The dataset and outlines are read-only and shared by every session, so they use
``st.cache_resource`` (no copy per call). Keys are small: the folder, its inode and its files'
modification times and sizes, so a rebuild (which swaps in a new folder) is picked up. A
selection is keyed by the same stamp and the filters' values only (``filters.selection_key``): a
rerun that changes how a view looks (a colour, the open place, the as-of year) or that another
reader already asked for does not filter again. Like the dataset, a selection is shared, not
copied (a copy of a large selection cost more than filtering it): views only read it.
"""

from __future__ import annotations

import gc
import hashlib
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import streamlit as st

from .load import Dataset, load_dataset
from .paths import COUNTRIES_GEOJSON, processed_dir

T = TypeVar("T")


def _stamp(folder: Path) -> str:
    """The folder's identity (a build swaps in a new folder, with a new inode) and its files' times
    and sizes, as a short digest ("" when the folder is missing): every cached call hashes it."""
    try:
        here = folder.stat()
        files = tuple(sorted((p.name, st.st_mtime_ns, st.st_size) for p in folder.iterdir() if p.is_file() for st in (p.stat(),)))
    except OSError:
        return ""  # missing, or swapped meanwhile: the loader says so or reads the set-aside copy
    return hashlib.sha1(repr((here.st_dev, here.st_ino, here.st_mtime_ns, files)).encode()).hexdigest()


@st.cache_resource(show_spinner=False)
def _dataset(folder: str, stamp: str) -> Dataset:
    return load_dataset(Path(folder))


def dataset() -> Dataset:
    """The processed dataset (raises :class:`hrcmap.load.DataUnavailable`)."""
    folder = processed_dir()
    return _dataset(str(folder), _stamp(folder))


@st.cache_resource(show_spinner=False, max_entries=32)
def _selection(folder: str, stamp: str, key: tuple):
    from . import filters
    from .state import ViewState

    d = _dataset(folder, stamp)
    state = ViewState(**dict(key))
    events = filters.filter_events(d.events, state)
    places = filters.places_view(d.places, events, d.networks)
    counts = filters.live_counts(d.events, state) if state.is_filtered else None
    return events, places, counts


def selection(state):
    """The events and places ``state``'s filters keep, and beside each filter's options the places
    it would show given the others (``None`` when nothing is filtered)."""
    from .filters import selection_key

    folder = processed_dir()
    return _selection(str(folder), _stamp(folder), selection_key(state))


@st.cache_resource(show_spinner=False, max_entries=128)
def _whole(folder: str, stamp: str, name: str, args: tuple, _make: Callable[..., Any]) -> Any:
    return _make(_dataset(folder, stamp), *args)


def whole(make: Callable[..., T], *args: Any) -> T:
    """``make(dataset, *args)``: a view of the whole dataset that no filter changes
    (:mod:`hrcmap.wholeviews`), computed once per build and per ``args`` and shared, not copied."""
    folder = processed_dir()
    return _whole(str(folder), _stamp(folder), f"{make.__module__}.{make.__qualname__}", args, make)


@st.cache_resource(show_spinner=False)
def outlines_geojson(path: str = str(COUNTRIES_GEOJSON)) -> dict:
    """Country outlines as a GeoJSON dict, for the offline basemap."""
    return json.loads(Path(path).read_text(encoding="utf-8"))


@st.cache_resource(show_spinner=False, max_entries=4)
def _facets_and_options(folder: str, stamp: str):
    from .facets import facets
    from .state import Options

    d = _dataset(folder, stamp)
    return facets(d.events, d.networks, d.themes), Options.from_data(d.events, d.networks, d.themes)


def facets_and_options():
    """Filter labels with counts, and the values each URL key may take; computed once per dataset."""
    folder = processed_dir()
    return _facets_and_options(str(folder), _stamp(folder))


@st.cache_resource(show_spinner=False)
def outline_xy(path: str = str(COUNTRIES_GEOJSON)):
    """Country outlines as plotly line coordinates, for the offline growth animation."""
    from .growth_map import outline_xy as build

    return build(outlines_geojson(path))


@st.cache_resource(show_spinner=False, max_entries=2)
def _package_zip(folder: str, stamp: str, citation: str) -> bytes:
    from .export import package_zip

    return package_zip(Path(folder), citation)


def package_zip(citation: str) -> bytes:
    """The built data package as a zip, made once per build."""
    folder = processed_dir()
    return _package_zip(str(folder), _stamp(folder), citation)


@st.cache_resource(show_spinner=False, max_entries=4)
def _chapters(path: str, mtime: int, folder: str, stamp: str):
    from .chapters import load_chapters

    return load_chapters(Path(path), _dataset(folder, stamp))


def chapters(path: Path):
    """The presentation's chapters, checked against the dataset (raises ValidationError)."""
    folder = processed_dir()
    try:
        mtime = path.stat().st_mtime_ns
    except OSError as exc:
        from .chapters import ChaptersUnavailable

        raise ChaptersUnavailable(f"{path.name} could not be read.") from exc
    return _chapters(str(path), mtime, str(folder), _stamp(folder))


@st.cache_resource(show_spinner=False, max_entries=2)
def _full_downloads(folder: str, stamp: str) -> tuple[bytes, bytes]:
    from .export import events_csv, places_geojson

    d = _dataset(folder, stamp)
    return events_csv(d.events), places_geojson(d.places, d.citation)


def full_downloads() -> tuple[bytes, bytes]:
    """The whole dataset's events CSV and places GeoJSON, made once per build rather than per rerun."""
    folder = processed_dir()
    return _full_downloads(str(folder), _stamp(folder))


@st.cache_resource(show_spinner=False)
def settle() -> bool:
    """Once per process, after its first page has run: hand everything alive by then (the modules,
    the dataset, the outlines) to ``gc.freeze``, so Python's collector stops scanning it. A full
    collection of that heap took about 80 ms and could fall in the middle of any rerun; what is
    allocated later (reruns, sessions) is collected as before."""
    gc.freeze()
    return True
