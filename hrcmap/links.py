"""Addresses we are willing to show as links, and the embed snippet for a view."""

from __future__ import annotations


def safe_url(url: str) -> str | None:
    """A link we are willing to render: http(s) only, with brackets that would end a markdown link escaped."""
    if not isinstance(url, str) or not url.startswith(("http://", "https://")):
        return None
    return url.replace("(", "%28").replace(")", "%29").replace(" ", "%20")


def embed_snippet(link: str, title: str, height: int = 640) -> str:
    """An iframe for the current view in Streamlit's embed mode (no toolbar, no padding)."""
    from html import escape
    from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

    parts = urlsplit(link)
    query = [(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if k != "embed"] + [("embed", "true")]
    src = urlunsplit((parts.scheme, parts.netloc, parts.path, urlencode(query), ""))
    return (
        f'<iframe src="{escape(src, quote=True)}" title="{escape(title, quote=True)}" width="100%" '
        f'height="{int(height)}" style="border:0" loading="lazy"></iframe>'
    )


def static_embed(url: str, title: str, height: int = 640) -> str:
    """An iframe for a page of the static site (plain files: no session, no server per reader)."""
    from html import escape

    return (
        f'<iframe src="{escape(url, quote=True)}" title="{escape(title, quote=True)}" width="100%" '
        f'height="{int(height)}" style="border:0" loading="lazy"></iframe>'
    )


def slug(text: str) -> str:
    """ "North America" → "north-america": a name as a folder of the static site."""
    return "".join(c if c.isalnum() else "-" for c in text.lower()).strip("-")


def static_page(values: dict, animated: bool = False) -> str | None:
    """The static site's page for a view, when it has one ("" the world map, "growth", "continent/asia",
    "network/eccar"): an unfiltered view, or one continent or one network and nothing else."""
    from .state import FILTERS

    narrowing = {f for p in FILTERS for f in p.fields} | {"city", "year"}  # not the display choices (colour…)
    chosen = {k: v for k, v in values.items() if v not in (None, (), "", False) and k in narrowing}
    if animated:
        return "growth" if not chosen else None
    if not chosen:
        return ""
    if set(chosen) == {"region"} and len(chosen["region"]) == 1:
        return f"continent/{slug(chosen['region'][0])}"
    if set(chosen) == {"network"} and len(chosen["network"]) == 1:
        return f"network/{chosen['network'][0]}"
    return None
