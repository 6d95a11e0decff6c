"""The static site for articles: every page self-contained, all-or-nothing, text never markup."""

from __future__ import annotations

import json
import re

import pytest

from hrcmap import publish
from hrcmap.build import build
from hrcmap.load import load_dataset
from hrcmap.paths import COUNTRIES_GEOJSON
from hrcmap.swap import BuildError

from .conftest import HERE


@pytest.fixture(scope="module")
def outlines():
    return json.loads(COUNTRIES_GEOJSON.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def site(built, outlines, tmp_path_factory):
    out = tmp_path_factory.mktemp("site") / "site"
    count = publish.publish(load_dataset(built), outlines, out, live_url="https://atlas.example.org")
    return out, count


def test_every_view_has_its_page_data_and_preview(site, built):
    out, count = site
    data = load_dataset(built)
    pages = publish.pages(data)
    assert count == len(pages) >= 4  # the world, the growth timeline, each continent and network with places
    for page in pages:
        folder = out / page.path if page.path else out
        text = (folder / "index.html").read_text(encoding="utf-8")
        assert f"<h1>{page.title}</h1>" in text
        depth = page.path.count("/") + 1 if page.path else 0
        assert f'<script src="{"../" * depth}assets/plotly.min.js">' in text  # the shipped copy, by a relative path
        assert re.search(r'<meta property="og:image" content="preview.png">', text)
        assert "Licence" in text or "CC BY" in text
        assert (folder / "preview.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
        shown = json.loads((folder / "data.json").read_text(encoding="utf-8"))
        assert shown["version"] == data.version and shown["title"] == page.title
    europe = json.loads((out / "continent" / "europe" / "data.json").read_text(encoding="utf-8"))
    assert {p["place_id"] for p in europe["places"]} == {"graz-aut", "vienna-aut", "york-gbr"}
    front = (out / "index.html").read_text(encoding="utf-8")
    assert 'href="https://atlas.example.org/"' in front  # the link back to the live view
    assert not [s for s in re.findall(r'src="([^"]+)"', front) if "://" in s]


def test_names_from_the_data_stay_text_in_the_pages(outlines, tmp_path):
    hostile = tmp_path / "processed"
    build(HERE / "fixtures" / "hostile", hostile)
    out = tmp_path / "site"
    publish.publish(load_dataset(hostile), outlines, out)
    for page in out.rglob("index.html"):
        text = page.read_text(encoding="utf-8")
        assert "<img src=x" not in text and "<script>alert" not in text, page
        _, _, script = text.partition("const figure = ")
        assert "</script>" not in script.split("\n")[0]  # the figure's JSON cannot close its script element


def test_a_folder_that_is_not_a_site_is_refused_and_left_alone(built, outlines, tmp_path):
    folder = tmp_path / "notes"
    folder.mkdir()
    (folder / "mine.txt").write_text("keep me", encoding="utf-8")
    with pytest.raises(BuildError, match="not an earlier published site"):
        publish.publish(load_dataset(built), outlines, folder)
    assert (folder / "mine.txt").read_text(encoding="utf-8") == "keep me"


def test_a_failed_publish_leaves_the_old_site_whole(built, outlines, tmp_path, monkeypatch):
    out = tmp_path / "site"
    data = load_dataset(built)
    publish.publish(data, outlines, out)
    before = {p.relative_to(out): p.read_bytes() for p in out.rglob("*") if p.is_file()}
    calls = {"n": 0}
    real = publish.mapstill.map_image

    def failing(*args, **kwargs):
        calls["n"] += 1
        if calls["n"] == 3:
            raise OSError("disk full")
        return real(*args, **kwargs)

    monkeypatch.setattr(publish.mapstill, "map_image", failing)
    with pytest.raises(OSError, match="disk full"):
        publish.publish(data, outlines, out)
    after = {p.relative_to(out): p.read_bytes() for p in out.rglob("*") if p.is_file()}
    assert after == before
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".site.publish-")]  # no half-written folder left


@pytest.mark.parametrize(
    ("values", "animated", "path"),
    [
        ({}, False, ""),
        ({}, True, "growth"),
        ({"region": ("North America",)}, False, "continent/north-america"),
        ({"network": ("eccar",)}, False, "network/eccar"),
        ({"network": ("eccar",), "colour": "year"}, False, "network/eccar"),  # a display choice is not a filter
        ({"region": ("Asia", "Europe")}, False, None),
        ({"region": ("Asia",), "network": ("eccar",)}, False, None),
        ({"region": ("Asia",)}, True, None),
        ({"q": "graz"}, False, None),
    ],
)
def test_a_view_has_a_static_page_only_when_the_site_publishes_it(values, animated, path):
    from hrcmap.links import static_page

    assert static_page(values, animated) == path


def test_the_share_button_offers_the_static_page_of_the_view(built, monkeypatch):
    from .test_app import run_page

    monkeypatch.setenv("HRCMAP_STATIC_URL", "https://embeds.example.org/atlas/")
    at = run_page("map", built, monkeypatch, region="Europe")
    snippets = [t.value for t in at.text_area if "static page" in t.label]
    assert snippets == [
        '<iframe src="https://embeds.example.org/atlas/continent/europe/" title="hrcmap: the map" width="100%" '
        'height="640" style="border:0" loading="lazy"></iframe>'
    ]
    assert not [t for t in run_page("map", built, monkeypatch, region="Europe", q="graz").text_area if "static page" in t.label]
