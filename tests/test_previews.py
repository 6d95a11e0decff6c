"""Link previews for the live app: the proxy's title and preview maps, from the data, never broken by a name."""

from __future__ import annotations

import re

from hrcmap.build import build
from hrcmap.load import load_dataset
from hrcmap.previews import PAGES, nginx_maps

from .conftest import HERE

ENTRY = re.compile(r'^\s+"([^"$\\]*)" "([^"$\\<>]*)";$')  # a quoted key and a quoted value, nothing else


def test_every_place_and_page_gets_its_title_whatever_its_name(tmp_path):
    hostile = tmp_path / "processed"
    build(HERE / "fixtures" / "hostile", hostile)
    data = load_dataset(hostile)
    text = nginx_maps(data, "/atlas")
    block = text.split("map $arg_city $hrcmap_place {")[1].split("    }")[0]
    entries = [line for line in block.splitlines() if line.strip() and "default" not in line]
    assert len(entries) == len(data.places)
    for line in entries:
        assert ENTRY.match(line), line  # no quote, dollar or angle bracket can end the string or open markup
    assert '"york-gbr" "&lt;script&gt;alert(2)&lt;/script&gt;, United Kingdom";' in block
    assert "&#36;x^2&#36;" in block  # "$x^2$" is text, not two nginx variables
    for page, (title, _) in PAGES.items():
        if page:
            assert f'"{page}" "{title} · hrcmap";' in text.replace("&#x27;", "'")
