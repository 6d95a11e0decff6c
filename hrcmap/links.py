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
