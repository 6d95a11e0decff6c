"""Link previews for the live app: what a chat or a social site shows for a link to one of its pages.

Streamlit sends the same page, titled "Streamlit", for every path; a link preview reads that page
before any script runs. The production proxy (deploy/serve.py, nginx) rewrites its title and adds
the description and preview-image tags per path, and per place for a profile (``/cities?city=…``),
from the nginx ``map`` blocks written here; the preview image is the map's still export of the
whole atlas, written beside the proxy's configuration at start.

Every text goes into nginx's configuration and then into HTML: it is HTML-escaped, and ``$`` (an
nginx variable) and ``\\`` are written as HTML character references, so no name can break either.
"""

from __future__ import annotations

import html

from .load import Dataset
from .text import place_names

SITE = "hrcmap"
PAGES = {  # path → (title, description)
    "": (
        "Human rights cities of the world",
        "A map of the places that declared themselves human rights cities, "
        "passed human rights ordinances, signed charters or joined networks, each with its sources.",
    ),
    "timeline": ("The movement over time", "How the human rights cities movement grew, year by year, by continent and network."),
    "networks": (
        "Networks, charters and programmes",
        "Each network of the movement: what the atlas maps of it, against what it reports itself.",
    ),
    "cities": ("Places", "Everything the atlas records about one place, each commitment with its source."),
    "data": ("The data", "The atlas's sourced dataset: every event with its page, for download."),
    "about": ("About", "What the atlas counts, how, and where its facts come from."),
    "present": ("Present the movement's story", "The human rights cities movement in chapters, for a projector."),
}


def conf_text(value: str) -> str:
    """Text for a double-quoted nginx string that ends up in HTML."""
    escaped = html.escape(" ".join(str(value).split()), quote=True)
    return escaped.replace("\\", "&#92;").replace("$", "&#36;")


def nginx_maps(data: Dataset, base: str) -> str:
    """The ``map`` blocks that give ``$hrcmap_title`` and ``$hrcmap_description`` for each request."""
    pages = "|".join(p for p in PAGES if p)
    lines = [
        "    map $uri $hrcmap_page {",
        '        default "";',
        f'        "~^{base}/(?<page>{pages})/?$" $page;',
        "    }",
        "    map $hrcmap_page $hrcmap_page_title {",
    ]
    lines += [f'        "{p}" "{conf_text(t)} · {SITE}";' for p, (t, _) in PAGES.items() if p]
    lines += [
        f'        default "{conf_text(PAGES[""][0])} · {SITE}";',
        "    }",
        "    map $hrcmap_page $hrcmap_page_description {",
    ]
    lines += [f'        "{p}" "{conf_text(d)}";' for p, (_, d) in PAGES.items() if p]
    lines += [
        f'        default "{conf_text(PAGES[""][1])}";',
        "    }",
        "    map $arg_city $hrcmap_place {",
        '        default "";',
    ]
    places = data.places.assign(_label=place_names(data.places).astype(str))
    lines += [
        f'        "{conf_text(pid)}" "{conf_text(label)}, {conf_text(country)}";'
        for pid, label, country in zip(places["place_id"], places["_label"], places["country_name"])
    ]
    lines += [
        "    }",
        '    map "$hrcmap_page:$hrcmap_place" $hrcmap_title {',
        '        "~^cities:(?<place>.+)$" "$place · ' + SITE + '";',
        "        default $hrcmap_page_title;",
        "    }",
        '    map "$hrcmap_page:$hrcmap_place" $hrcmap_description {',
        '        "~^cities:(?<place>.+)$" "$place: its commitments to human rights in the atlas, each with its source.";',
        "        default $hrcmap_page_description;",
        "    }",
    ]
    return "\n".join(lines)


def head_tags(base: str) -> str:
    """What replaces Streamlit's ``<title>``: the title, description and preview tags, from the maps."""
    return (
        "<title>$hrcmap_title</title>"
        '<meta name="description" content="$hrcmap_description">'
        '<meta property="og:type" content="website">'
        '<meta property="og:title" content="$hrcmap_title">'
        '<meta property="og:description" content="$hrcmap_description">'
        f'<meta property="og:image" content="$scheme://$http_host{base}/preview.png">'
        '<meta name="twitter:card" content="summary_large_image">'
    )
