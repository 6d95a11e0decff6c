"""AppTest: every page renders the fixture dataset; bad states give a plain message."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from hrcmap.maps import PLACE_COLUMNS

from .conftest import shown

ROOT = Path(__file__).resolve().parent.parent
PAGES = ["map", "timeline", "networks", "cities", "data", "about"]


def run_page(page: str, folder: Path, monkeypatch, **params) -> AppTest:
    monkeypatch.setenv("HRCMAP_PROCESSED", str(folder))
    at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=30)
    for k, v in params.items():
        at.query_params[k] = v
    at.switch_page(f"pages/{page}.py")
    return at.run()


@pytest.mark.parametrize("page", PAGES)
def test_every_page_renders_with_sources_footer(page, built, monkeypatch):
    at = run_page(page, built, monkeypatch)
    assert not at.exception, at.exception
    assert at.title[0].value
    footer = at.main.caption[-1].value.replace("\\", "")
    assert "Sources: 11 pages" in footer and "Licence CC BY 4" in footer


def test_map_ships_only_drawn_columns_without_external_basemap(built, monkeypatch):
    at = run_page("map", built, monkeypatch)
    spec = json.loads(at.get("deck_gl_json_chart")[0].proto.json)
    layers = {layer["id"]: layer for layer in spec["layers"]}
    assert set(layers) == {"countries", "country-names", "places", "place-names"}
    rows = layers["places"]["data"]
    assert len(rows) == 8 and set(rows[0]) == set(PLACE_COLUMNS)
    # no tile server, style or token: nothing in the spec points outside the app
    assert "://" not in at.get("deck_gl_json_chart")[0].proto.json
    assert not at.get("deck_gl_json_chart")[0].proto.mapbox_token
    tooltip = json.loads(at.get("deck_gl_json_chart")[0].proto.tooltip)
    assert "html" not in tooltip and "{t}" in tooltip["text"]
    assert "8 places in 7 countries made 10 commitments (and 1 ending) between 1997 and 2019." in at.markdown[0].value.replace(
        "\\", ""
    )


def test_city_profile_from_query_param(built, monkeypatch):
    at = run_page("cities", built, monkeypatch, city="graz-aut")
    assert shown(at.header[0].value) == "Graz, Austria"
    lines = [m.value for m in at.markdown if "[Source\\: " in m.value]
    assert len(lines) == 2 and lines[0].startswith("2001\\-02\\-08") and "(https://example.org/graz)" in lines[0]
    assert "(https://example.org/graz-coalition)" in lines[1]
    # the conflict group is shown with both sources side by side
    assert "Where sources disagree" in [s.value for s in at.subheader]
    side = [m.value for m in at.markdown if m.value.startswith("**")]
    assert any("(https://example.org/graz)" in v for v in side) and any("(https://example.org/vienna)" in v for v in side)


def test_unknown_city_gives_notice_not_error(built, monkeypatch):
    at = run_page("cities", built, monkeypatch, city="<script>atlantis")
    assert not at.exception
    notice = at.info[0].value
    assert "No place with the id" in shown(notice) and "<script>atlantis" in shown(notice)
    assert "<script>" not in notice  # quoted as text: every bracket escaped


def test_missing_dataset_gives_a_plain_message(tmp_path, monkeypatch):
    at = run_page("map", tmp_path / "nothing", monkeypatch)
    assert not at.exception
    assert "make data" in at.error[0].value


def test_corrupt_dataset_gives_a_plain_message(built, tmp_path, monkeypatch):
    broken = tmp_path / "broken"
    broken.mkdir()
    for p in built.iterdir():
        (broken / p.name).write_bytes(p.read_bytes())
    (broken / "events.parquet").write_bytes(b"not parquet")
    at = run_page("timeline", broken, monkeypatch)
    assert not at.exception
    assert "could not be read" in at.error[0].value and "make data" in at.error[0].value


def test_data_page_downloads_and_dictionary(built, monkeypatch):
    at = run_page("data", built, monkeypatch, region="Europe")
    buttons = {b.proto.label + "|" + b.key: b for b in at.get("download_button")}
    assert len(buttons) == 6
    labels = sorted(shown(b.proto.label) for b in at.get("download_button"))
    assert labels == [
        "All events (CSV)",
        "All places (GeoJSON)",
        "The whole data package (zip)",
        "This view with its citation and column guide (zip)",
        "This view's events (CSV)",
        "This view's places (GeoJSON)",
    ]  # each label says what its file holds
    table = at.dataframe[0].value
    assert len(table) == 4 and set(table["Country"]) == {"Austria", "United Kingdom"}
    from hrcmap.kinds import EVENT_KINDS
    from hrcmap.schema import EVENTS_OUT_COLUMNS

    # the table of kinds comes first: what each event_type means and whether charts count it
    assert list(at.dataframe[1].value["Kind"]) == [k.replace("_", " ") for k in EVENT_KINDS]
    assert list(at.dataframe[2].value["Column"]) == EVENTS_OUT_COLUMNS


def test_query_params_restore_filters_and_sentence(built, monkeypatch):
    at = run_page("map", built, monkeypatch, region="Europe", colour="year")
    assert not at.exception
    assert at.multiselect(key="f_region").value == ["Europe"]
    assert at.segmented_control(key="f_colour").value == "year"
    assert at.markdown[0].value.replace("\\", "").startswith("3 places in 2 countries in Europe made 4 commitments")


def test_changing_a_filter_updates_the_url(built, monkeypatch):
    at = run_page("map", built, monkeypatch)
    at.multiselect(key="f_network").select("fx-coalition").run()
    assert at.query_params["network"] == "fx-coalition"
    assert "in Fixture Coalition" in at.markdown[0].value.replace("\\", "")
    at.slider(key="f_years").set_value((2005, 2015)).run()
    assert (at.query_params["from"], at.query_params["to"]) == ("2005", "2015")


def test_hostile_params_give_a_notice_and_a_clean_url(built, monkeypatch):
    at = run_page("map", built, monkeypatch, region="Atlantis", to="1800", junk="<img src=x onerror=alert(1)>" * 300)
    assert not at.exception
    notices = " ".join(i.value for i in at.info)
    assert "No continent called “Atlantis”" in notices and "1800 is outside" in notices
    assert dict(at.query_params) == {}


def test_picking_a_city_param_shows_its_commitments_beside_the_map(built, monkeypatch):
    at = run_page("map", built, monkeypatch, city="graz-aut")
    assert shown(at.subheader[0].value) == "Graz, Austria"
    assert any("example.org/graz" in m.value for m in at.markdown)
    assert at.query_params["city"] == "graz-aut"


def test_timeline_animation_has_frames_and_milestones(built, monkeypatch):
    at = run_page("timeline", built, monkeypatch, year="2005")
    assert not at.exception
    charts = [json.loads(c.proto.spec) for c in at.get("plotly_chart")]
    growth = next(c for c in charts if c.get("frames"))
    # one frame a year from the first commitment to the last year of the page's own year control
    last = int(at.select_slider(key="f_year").options[-1])
    assert [f["name"] for f in growth["frames"]] == [str(y) for y in range(1997, last + 1)]
    assert growth["layout"]["sliders"][0]["active"] == 2005 - 1997
    cumulative = charts[0]
    assert any(t.get("name") == "Milestones" for t in cumulative["data"])
    assert at.select_slider(key="f_year").value == 2005
    assert at.query_params["year"] == "2005"


def test_search_that_finds_one_place_opens_it(built, monkeypatch):
    at = run_page("map", built, monkeypatch)
    at.text_input(key="f_q").input("york").run()
    assert shown(at.subheader[0].value) == "York, United Kingdom"
    assert at.query_params["q"] == "york" and at.query_params["city"] == "york-gbr"


def test_networks_page_opens_a_network_from_the_link(built, monkeypatch):
    at = run_page("networks", built, monkeypatch, network="fx-charter")
    assert not at.exception
    assert shown(at.subheader[0].value) == "Fixture Charter"
    spec = json.loads(at.get("deck_gl_json_chart")[0].proto.json)
    places = next(layer for layer in spec["layers"] if layer["id"] == "places")["data"]
    assert [p["t"] for p in places] == ["Gwangju, South Korea"]
    overlap = json.loads(at.get("plotly_chart")[-1].proto.spec)
    assert overlap["data"][0]["type"] == "heatmap"


def test_similar_places_link_to_their_profiles(built, monkeypatch):
    at = run_page("cities", built, monkeypatch, city="graz-aut")
    links = [(shown(p.proto.label), p.proto.page) for p in at.get("page_link")]
    assert any(label.startswith("Wonosobo, Indonesia (1 shared)") for label, _ in links)
    assert any(label == "Network: Fixture Coalition of Cities" for label, _ in links)


def test_downloads_have_the_right_names_and_the_filtered_content(built, monkeypatch):
    from streamlit.runtime.media_file_manager import MediaFileManager

    made = {}  # each file is made when its button is clicked: keep what a click would run
    original = MediaFileManager.add_deferred

    def record(self, data_callable, mimetype, coordinates, file_name=None, **kw):
        made[file_name] = data_callable
        return original(self, data_callable, mimetype, coordinates, file_name, **kw)

    monkeypatch.setattr(MediaFileManager, "add_deferred", record)
    run_page("data", built, monkeypatch, country="AUT")
    saved = {name: make() for name, make in made.items()}
    version = json.loads((built / "datapackage.json").read_text())["version"]
    assert set(saved) == {
        f"hrcmap-{version}-filtered-events.csv",
        f"hrcmap-{version}-filtered-places.geojson",
        f"hrcmap-{version}-events.csv",
        f"hrcmap-{version}-places.geojson",
        f"hrcmap-{version}-datapackage.zip",
        f"hrcmap-{version}-view.zip",
    }
    filtered = saved[f"hrcmap-{version}-filtered-events.csv"].decode()
    assert filtered.startswith("event_id,place_id,")  # the header first: spreadsheets read it as it is
    rows = filtered.splitlines()[1:]
    assert len(rows) == 3 and all(",AUT," in r for r in rows)
    import io
    import zipfile

    readme = zipfile.ZipFile(io.BytesIO(saved[f"hrcmap-{version}-view.zip"])).read("hrcmap-view/README.txt").decode()
    assert "What this view shows: 2 places in Austria" in readme
    assert len(json.loads(saved[f"hrcmap-{version}-filtered-places.geojson"])["features"]) == 2


def test_country_shading_lives_in_the_url(built, monkeypatch):
    at = run_page("map", built, monkeypatch, shade="1")
    layers = [layer["id"] for layer in json.loads(at.get("deck_gl_json_chart")[0].proto.json)["layers"]]
    assert "country-counts" in layers and at.toggle(key="f_shade").value is True
    at.toggle(key="f_shade").set_value(False).run()
    assert "shade" not in at.query_params


def test_timeline_offers_slide_images_and_the_animation(built, monkeypatch):
    at = run_page("timeline", built, monkeypatch)
    # the year-by-year map (a frame a year) is sent only when asked for
    assert not [c for c in at.get("plotly_chart") if json.loads(c.proto.spec).get("frames")]
    at.toggle(key="ui_growth").set_value(True).run()
    assert [c for c in at.get("plotly_chart") if json.loads(c.proto.spec).get("frames")]
    labels = [shown(b.proto.label) for b in at.get("download_button")]
    assert labels.count("Download PNG for slides") >= 3 and labels.count("Download SVG for slides") >= 3
    assert "Download the animation (GIF, 1280×720)" in labels and "Download the animation (MP4, 1280×720)" in labels


@pytest.mark.parametrize("page", ["map", "timeline", "data", "networks"])
def test_sharing_sits_at_the_top_of_the_view_not_in_the_sidebar(built, monkeypatch, page):
    at = run_page(page, built, monkeypatch, region="Europe")
    top = [c for c in at.main.children.values() if getattr(c, "type", "") != "html"]

    def is_share(c) -> bool:
        return c.proto.WhichOneof("type") == "popover" and c.proto.popover.label == "Share or embed this view"

    share = next(i for i, c in enumerate(top) if hasattr(c, "proto") and hasattr(c.proto, "popover") and is_share(c))
    assert share <= 2, "the share button is not beside the title"  # the title (a notice above it at most), then sharing
    box = top[share]
    links = [shown(p.proto.label) for p in box.get("page_link")]
    assert "Present the movement's story" in links
    assert not [e for e in at.sidebar.get("expander") if "Share" in e.label]


def test_a_bare_address_shows_the_default_view(built, monkeypatch):
    """The link is the whole state: after a filtered view, the same session opening a bare address sees everything."""
    at = run_page("map", built, monkeypatch, region="Europe")
    assert shown(at.markdown[0].value).startswith("3 places in 2 countries in Europe")
    for key in list(at.query_params):
        del at.query_params[key]
    at.switch_page("pages/timeline.py").run()
    assert not at.exception
    assert shown(at.markdown[0].value).startswith("8 places in 7 countries made 10 commitments (and 1 ending)")
    assert at.multiselect(key="f_region").value == []


def test_a_filtered_view_links_to_the_same_filters_on_the_other_pages(built, monkeypatch):
    at = run_page("map", built, monkeypatch, region="Europe")
    links = {shown(p.proto.label): p.proto.query_string for p in at.sidebar.get("page_link")}
    assert links["These filters on the Timeline page"] == "region=Europe"
    assert links["These filters on the Data page"] == "region=Europe"
    unfiltered = run_page("map", built, monkeypatch)
    assert not [p for p in unfiltered.sidebar.get("page_link") if "These filters" in p.proto.label]


def test_choosing_a_network_on_the_networks_page_makes_it_the_views_network(built, monkeypatch):
    at = run_page("networks", built, monkeypatch, network="fx-charter")
    assert shown(at.subheader[0].value) == "Fixture Charter"
    next(s for s in at.selectbox if s.label == "Network").select("fx-coalition").run()
    assert not at.exception
    assert shown(at.subheader[0].value) == "Fixture Coalition of Cities"
    assert at.query_params["network"] == "fx-coalition"


@pytest.mark.parametrize("page", ["map", "timeline", "data", "networks", "cities", "about"])
def test_no_page_loads_a_component_it_does_not_need(built, monkeypatch, page):
    """The map's legend is HTML, not a Plotly chart (4.7 MB of JavaScript); the share box's link and
    embed snippet are text fields, not syntax-highlighted code blocks (1.6 MB)."""
    at = run_page(page, built, monkeypatch)
    assert not at.exception
    assert at.get("code") == []
    if page == "map":
        assert at.get("plotly_chart") == [] and len(at.dataframe) == 0  # the table comes on request
        at.toggle(key="ui_places_table").set_value(True).run()
        assert len(at.dataframe) == 1 and len(at.dataframe[0].value) == 8
        legend = next(h.proto.body for h in at.get("html") if "hrcmap-legend" in h.proto.body)
        assert "Coalitions against racism" in legend and "Region or province at its seat" in legend


def test_an_unknown_network_on_the_networks_page_gets_the_plain_notice(built, monkeypatch):
    at = run_page("networks", built, monkeypatch, network="no-such-network")
    assert not at.exception
    notices = " ".join(shown(i.value) for i in at.info)
    assert "No network called “no-such-network” in the data; that filter was dropped." in notices


def test_the_timeline_keys_its_milestone_diamonds_with_names_and_sources(built, monkeypatch):
    at = run_page("timeline", built, monkeypatch)
    key = next(e for e in at.expander if "milestones on this chart" in e.label)
    text = " ".join(m.value for m in key.markdown)
    assert "[1997: Fixture Rosario](https://example.org/rosario)" in shown(text)  # named, its source linked


def test_the_pages_leave_the_shared_selection_as_they_found_it(built, monkeypatch):
    """A filter selection is shared between readers, not copied: after every exploring page has
    drawn from it, it still equals the same selection computed afresh."""
    import pandas as pd

    from hrcmap import cache, filters
    from hrcmap.state import ViewState

    for page in ("map", "timeline", "data", "networks"):
        assert not run_page(page, built, monkeypatch, region="Europe", colour="year").exception
    state = ViewState(region=("Europe",))
    events, places, _counts = cache.selection(state)
    data = cache.dataset()
    fresh = filters.filter_events(data.events, state)
    pd.testing.assert_frame_equal(events, fresh)
    pd.testing.assert_frame_equal(places, filters.places_view(data.places, fresh, data.networks))
