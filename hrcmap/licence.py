"""The data's licence: declared once here, written into datapackage.json, quoted by every download."""

from __future__ import annotations

# the dataset's title, as every citation and download names it
TITLE = "hrcmap: an atlas of the human rights cities movement"

LICENSE = {
    "name": "CC-BY-4.0",
    "path": "https://creativecommons.org/licenses/by/4.0/",
    "title": "Creative Commons Attribution 4.0",
}


def short_name(licence: dict = LICENSE) -> str:
    """``CC BY 4.0``: the licence's name as people write it."""
    return str(licence.get("name", "")).replace("-", " ")


def licence_line(licence: dict = LICENSE) -> str:
    """The licence sentence printed in downloads."""
    return f"Licence: {short_name(licence)} ({licence.get('path', '')})."
