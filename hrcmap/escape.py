"""Text from outside (the URL, the data, the chapters file) shown as text: one helper per output kind.

Nothing from outside is ever rendered as markup, link, image, formula or TeX:

- ``markdown`` for every Streamlit element that renders markdown (text, captions, headings,
  notices, widget and page-link labels);
- ``plotly`` for titles, tick labels, hover text, legends and annotations of plotly figures,
  which render a subset of HTML (``<a href>``, ``<span style>``, ``<br>``);
- ``plain`` to undo ``plotly`` where a figure's text is shown elsewhere, and ``matplotlib`` for
  the exported images, where ``$`` would start math text;
- CSV cells go through ``export.neutralise`` and HTML attributes through ``html.escape``.
"""

from __future__ import annotations

import html
import re

# every ASCII punctuation character may be backslash-escaped in CommonMark
_MD_SPECIAL = re.compile(r"([!-/:-@\[-`{-~])")
# GFM turns bare addresses into links after parsing, escapes or not: a word joiner (U+2060,
# invisible, no line break) inside each trigger stops it; the text reads the same
WORD_JOINER = "\u2060"
_AUTOLINK = re.compile(r"(?i)(?<=www)(?=\.)|(?<=:)(?=//)|(?<=@)")
_LINE_BREAKS = re.compile(r"[\r\n]+")


def markdown(text: object) -> str:
    """``text`` as Streamlit markdown that shows exactly these characters: no markup, link, image or TeX."""
    flat = _LINE_BREAKS.sub(" ", str(text))
    return _MD_SPECIAL.sub(r"\\\1", _AUTOLINK.sub(WORD_JOINER, flat))


def link(label: object, url: object) -> str:
    """A markdown link to an http(s) page with an escaped label, or the escaped label alone."""
    from .links import safe_url

    clean = safe_url(url) if isinstance(url, str) else None
    return f"[{markdown(label)}]({clean})" if clean else markdown(label)


def plotly(text: object) -> str:
    """``text`` for a plotly title, tick, hover or legend: its HTML subset shown as characters."""
    return html.escape(str(text), quote=False)


def plain(text: object) -> str:
    """The characters of a text that went through :func:`plotly` (for drawing it elsewhere)."""
    return html.unescape(str(text))


def matplotlib(text: object) -> str:
    """A text (plain or from a plotly figure) for matplotlib, where ``$`` would start math text."""
    return plain(text).replace("$", r"\$")
