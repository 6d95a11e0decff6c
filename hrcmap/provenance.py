"""Where the facts on a view come from: the most cited sites, the source line of exports, the footer."""

from __future__ import annotations

from collections import Counter
from functools import lru_cache
from urllib.parse import urlparse

import pandas as pd

from .licence import short_name


@lru_cache(maxsize=1 << 16)
def host(url: str) -> str:
    """The site of a page, without "www." ("" where the address names none); remembered, since
    every view asks again for the same few thousand addresses."""
    return (urlparse(url).hostname or "").removeprefix("www.")


def source_domains(urls: pd.Series, most: int = 6) -> list[tuple[str, int]]:
    """The sites most cited among ``urls``, with how many facts each supports (ties in site order)."""
    counts = Counter(map(host, urls.tolist()))  # each address is parsed once per process (host is remembered)
    counts.pop("", None)
    return sorted(counts.items(), key=lambda hn: (-hn[1], hn[0]))[:most]


def licence_name(package: dict) -> str:
    """The data's licence as the built datapackage.json names it, e.g. "CC BY 4.0"."""
    licences = package.get("licenses") if isinstance(package, dict) else None
    first = licences[0] if isinstance(licences, list) and licences and isinstance(licences[0], dict) else {}
    return short_name(first) or "see the data package"


def footer_text(citation: str, events: pd.DataFrame) -> str:
    """The sources line shown under every view: pages, reading dates, most cited sites, citation."""
    n_pages = events["source_url"].nunique()
    top = ", ".join(f"{h} ({n})" for h, n in source_domains(events["source_url"]))
    first_read = min(events["accessed"]) if len(events) else "–"
    last_read = max(events["accessed"]) if len(events) else "–"
    return (
        f"Sources: {n_pages} pages, read {first_read} to {last_read}; most cited: {top or '–'}. "
        f"Every fact links to its page on the Data page. {citation}"
    )


def image_source(version: str, licence: str, events: pd.DataFrame, context: str = "", link: str | None = None) -> str:
    """The line printed at the foot of an exported chart: what it shows, where the facts come from, the licence."""
    top = ", ".join(h for h, _ in source_domains(events["source_url"], most=3))
    parts = [context.strip()] if context.strip() else []
    parts.append(
        f"Source: hrcmap {version}, {licence}, from {events['source_url'].nunique()} cited pages"
        + (f" (most cited: {top})" if top else "")
        + "."
    )
    if link:
        parts.append(f"View: {link}")
    return " ".join(parts)
