"""Real-browser tests: Debian's headless Chromium against `streamlit run` on a free local port.

They run on the fixture dataset and chapters (tests/fixtures), except the one test about the
bundled data. Every wait is for a condition (tests/browser.py), never for a fixed time.
"""

from __future__ import annotations

import re
from urllib.parse import parse_qs, urlparse

import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeout
from playwright.sync_api import expect

from hrcmap.build import build
from hrcmap.paths import DATA

from .browser import (
    CHROMIUM_ARGS,
    MAIN,
    ROOT,
    TIMEOUT_MS,
    PageWatch,
    choose,
    chromium_path,
    error_messages,
    streamlit_server,
    wait_for_text,
    wait_ready,
)
from .conftest import HERE

pytestmark = pytest.mark.browser
CHAPTERS = {"HRCMAP_CHAPTERS": str(HERE / "fixtures" / "presentation" / "chapters.csv")}
PAGES = ["", "timeline", "networks", "cities?city=graz-aut", "data", "about", "present?present=2", "present?present=3"]


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS)
        yield b
        b.close()


@pytest.fixture(scope="module")
def app(built):
    with streamlit_server(built, env=CHAPTERS) as url:
        yield url


@pytest.fixture(scope="module")
def hostile_app(tmp_path_factory):
    out = tmp_path_factory.mktemp("hostile")
    build(HERE / "fixtures" / "hostile", out, rel_dir="data/raw")
    chapters = {"HRCMAP_CHAPTERS": str(HERE / "fixtures" / "presentation" / "hostile_chapters.csv")}
    with streamlit_server(out, env=chapters) as url:
        yield url


def open_page(browser, url, **context):
    ctx = browser.new_context(viewport={"width": 1280, "height": 900}, **context)
    ctx.set_default_timeout(TIMEOUT_MS)
    page = ctx.new_page()
    watch = PageWatch(page, offline=True)
    page.goto(url)
    wait_ready(page)
    wait_for_text(page, "Licence CC BY")  # the sources footer is the last thing every page draws
    return ctx, page, watch


def test_the_error_check_sees_a_broken_page(browser):
    """A page that raises shows Streamlit's error box; the check every page test uses finds it."""
    with streamlit_server(None, app=HERE / "apps" / "broken.py") as url:
        ctx = browser.new_context()
        ctx.set_default_timeout(TIMEOUT_MS)
        page = ctx.new_page()
        try:
            page.goto(url)
            wait_ready(page)
            page.wait_for_selector("[data-testid='stException'], [data-testid='stAlertContentError']")
            assert error_messages(page)
            assert "Deliberately broken" in page.inner_text("h1")
        finally:
            ctx.close()


@pytest.mark.parametrize("path", PAGES)
def test_every_page_renders_offline_without_errors(browser, app, path):
    ctx, page, watch = open_page(browser, f"{app}/{path}")
    try:
        assert page.locator(f"{MAIN} h1").first.inner_text().strip()
        assert "Sources:" in page.inner_text(MAIN)
        if path in ("", "cities?city=graz-aut", "present?present=2"):
            # the map component loads lazily: wait for its canvas, however long a busy machine takes
            page.locator("[data-testid='stDeckGlJsonChart'] canvas").first.wait_for(state="attached")
        if path in ("timeline", "present?present=3"):
            page.locator("[data-testid='stPlotlyChart'] .main-svg").first.wait_for(state="attached")
        if path == "timeline":
            # the growth, the per-year and the coverage charts; the year-by-year map comes on request
            page.wait_for_function("() => document.querySelectorAll('[data-testid=stPlotlyChart]').length >= 3")
        wait_ready(page)
        assert error_messages(page) == []
        assert watch.outside == [], watch.outside
        assert watch.real_failures == [], watch.real_failures
        assert watch.real_console_errors == [], watch.real_console_errors
    finally:
        ctx.close()


def test_the_bundled_dataset_opens_on_the_map(browser):
    """The shipped data builds a map with its places and no error (the one browser test on bundled data)."""
    with streamlit_server(DATA / "processed") as url:
        ctx, page, watch = open_page(browser, url)
        try:
            page.locator("[data-testid='stDeckGlJsonChart'] canvas").first.wait_for(state="attached")
            assert " places in " in page.locator(f"{MAIN} [data-testid='stMarkdown']").first.inner_text()
            assert error_messages(page) == [] and watch.outside == []
        finally:
            ctx.close()


def test_filter_change_updates_url_and_a_fresh_browser_restores_it(browser, app):
    ctx, page, _watch = open_page(browser, f"{app}/timeline")
    try:
        before = page.locator(f"{MAIN} [data-testid='stMarkdown']").first.inner_text()
        choose(page, "Continent", "Europe")
        page.wait_for_function("() => location.search.includes('region=')")
        wait_for_text(page, "in Europe")
        wait_ready(page)
        assert parse_qs(urlparse(page.url).query) == {"region": ["Europe"]}
        sentence = page.locator(f"{MAIN} [data-testid='stMarkdown']").first.inner_text()
        assert sentence.startswith("3 places in 2 countries in Europe") and sentence != before  # really narrowed
        link = page.url
    finally:
        ctx.close()
    ctx2, page2, _ = open_page(browser, link)
    try:
        wait_for_text(page2, sentence)  # the same view, sentence and all
        # the continent filter shows the choice (the sidebar may still be drawing: wait for it)
        page2.wait_for_function(
            "() => [...document.querySelectorAll('[data-testid=stSidebar] [data-testid=stMultiSelect]')]"
            ".some(e => e.innerText.includes('Continent') && e.innerText.includes('Europe'))"
        )
        assert page2.locator(f"{MAIN} [data-testid='stMarkdown']").first.inner_text() == sentence
    finally:
        ctx2.close()


INJECTED = (
    "img[src='x'], img[src*='evil'], svg[onload], a[href^='javascript:'], a[href*='evil']:not([href^='#']), "
    "[data-testid=stMain] span[style*='evil'], [data-testid=stMain] b, .katex"
)


@pytest.mark.parametrize(
    "path,shown",
    [
        ("", "made 10 commitments (and 1 ending)"),
        ("cities?city=graz-aut", "<img src=x onerror=alert(1)>"),
        ("cities?city=wonosobo-idn", '<span style="background:url(https://evil.example/p)">Wono</span>'),
        ("cities?city=gwangju-kor", "see https://evil.example/n and www.evil.example"),
        ("data?q=%3Cimg", "matching “<img”"),
        ("networks?network=fx-coalition", "Fixture Coalition of Cities"),
        ("timeline", "made 10 commitments (and 1 ending)"),
        ("about", "made 10 recorded commitments"),
        ("present?present=1", "![x](https://evil.example/t.png) **Bold** <b>b</b>"),
        ("present?present=2", "Map <img src=x onerror=alert(1)>"),
        (
            "?region=![x](https://evil.example/r.png)&[Sign in again](https://evil.example/a)=1",
            "No continent called “![x](https://evil.example/r.png)”",
        ),
    ],
)
def test_markup_from_the_data_or_the_link_is_shown_as_text(browser, hostile_app, path, shown):
    ctx, page, watch = open_page(browser, f"{hostile_app}/{path}")
    try:
        wait_for_text(page, shown)  # first: the hostile text is on the page, as text
        wait_ready(page)
        for chart in page.locator("[data-testid='stPlotlyChart'] .nsewdrag").all():
            chart.hover(force=True)  # hover labels draw names too
        assert page.query_selector_all(INJECTED) == []
        assert watch.dialogs == [] and watch.outside == []
        assert page.evaluate("() => [...document.scripts].some(s => s.textContent.includes('alert('))") is False
        assert not page.locator(f"{MAIN} a", has_text="Sign in again").count()
    finally:
        ctx.close()


def test_presentation_steps_with_the_keys_a_clicker_sends(browser, app):
    ctx, page, watch = open_page(browser, f"{app}/present?present=2")
    try:
        page.locator("[data-testid='stSidebar']").wait_for(state="hidden")  # the projector shows no sidebar
        # the slide carries no key hints and no page-key buttons: they work, out of sight
        page.get_by_role("button", name="Next").first.wait_for(state="visible")
        assert all(not k.is_visible() for k in page.locator(f"{MAIN} kbd").all())
        for key in ("pgup", "pgdn"):  # drawn off the screen's left edge
            box = page.locator(f".st-key-{key}").bounding_box()
            assert box is not None and box["x"] + box["width"] <= 0
        for key, expected, button in (
            ("ArrowRight", 3, "Next"),
            ("PageDown", 4, "PgDn"),
            ("ArrowLeft", 3, "Previous"),
            ("PageUp", 2, "PgUp"),
        ):
            # as a presenter does: press once the slide's controls are back and usable
            page.get_by_role("button", name=button).first.wait_for(state="attached")
            page.wait_for_function(
                "(name) => [...document.querySelectorAll('button')].some(b => b.innerText.includes(name) && !b.disabled)",
                arg=button,
            )
            page.keyboard.press(key)
            page.wait_for_function(f"() => location.search.includes('present={expected}')")
            wait_for_text(page, f"Chapter {expected} of 4")
            wait_ready(page)  # the slide has finished drawing, as a presenter waits before the next click
        assert watch.outside == []
    finally:
        ctx.close()


CONTRAST_JS = (ROOT / "tests" / "contrast.js").read_text(encoding="utf-8")
TEXT_KINDS = [
    "[data-testid=stMain] h1",
    "[data-testid=stMain] [data-testid=stMarkdownContainer] p",
    "[data-testid=stMain] [data-testid=stCaptionContainer]",
    "[data-testid=stMain] [data-testid=stMarkdownContainer] a",
    "[data-testid=stSidebar] label",
    "[data-testid=stMain] [data-testid=stExpander] summary",
]


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("path", ["about", "timeline", "present?present=4"])
def test_text_meets_wcag_aa_contrast_in_both_themes(browser, app, scheme, path):
    """The theme follows the system's light or dark setting; every kind of text keeps 4.5:1 on its background."""
    ctx, page, _watch = open_page(browser, f"{app}/{path}", color_scheme=scheme)
    try:
        dark_page = page.evaluate("() => getComputedStyle(document.querySelector('[data-testid=stApp]')).backgroundColor")
        assert (dark_page == "rgb(14, 17, 23)") == (scheme == "dark")
        ratios = dict(page.evaluate(CONTRAST_JS, TEXT_KINDS))
        measured = {k: v for k, v in ratios.items() if v is not None}
        assert "[data-testid=stMain] h1" in measured and len(measured) >= 3
        assert all(v >= 4.5 for v in measured.values()), measured
    finally:
        ctx.close()


def test_chart_and_animation_downloads_are_real_files(browser, app, tmp_path):
    """On the filtered timeline, the PNG for slides and the GIF arrive as files of the promised size and length."""
    from PIL import Image

    ctx, page, watch = open_page(browser, f"{app}/timeline?region=Europe", accept_downloads=True)
    try:
        wait_for_text(page, "3 places in 2 countries in Europe")  # the filter narrowed the view
        with page.expect_download() as png:
            page.get_by_role("button", name="Download PNG for slides").first.click()
        png_path = tmp_path / png.value.suggested_filename
        png.value.save_as(png_path)
        assert png_path.suffix == ".png"
        assert Image.open(png_path).size == (1280, 720)
        page.get_by_text("Show the map, year by year").click()  # the year-by-year map is drawn on request
        with page.expect_download() as gif:
            page.get_by_role("button", name="Download the animation (GIF, 1280×720)").click()
        gif_path = tmp_path / gif.value.suggested_filename
        gif.value.save_as(gif_path)
        frames = Image.open(gif_path)
        assert frames.size == (1280, 720) and frames.n_frames >= 10
        assert watch.outside == []
    finally:
        ctx.close()


def test_any_page_with_present_in_the_link_opens_that_chapter(browser, app):
    ctx, page, _watch = open_page(browser, f"{app}/?present=3")
    try:
        page.wait_for_function("() => location.pathname.endsWith('/present') && location.search.includes('present=3')")
        wait_for_text(page, "Chapter 3 of 4")
    finally:
        ctx.close()


def test_the_embed_snippet_view_opens_without_chrome_and_keeps_the_filters(browser, app):
    ctx, page, _watch = open_page(browser, f"{app}/timeline?region=Asia&embed=true")
    try:
        wait_for_text(page, "in Asia made")
        page.wait_for_selector("[data-testid='stSidebar'][data-collapsed='true']", state="attached")  # sidebar closed
        assert page.query_selector("[data-testid='stMainMenu']") is None  # no app menu in embed mode
    finally:
        ctx.close()


def test_a_deep_link_on_a_fresh_server_gets_the_whole_app(browser, built):
    """The first visit of a new server may open a page's own address; it still gets the menu and chrome."""
    with streamlit_server(built, env=CHAPTERS) as url:
        ctx, page, _watch = open_page(browser, f"{url}/timeline")
        try:
            wait_for_text(page, "The movement over time")
            page.locator("[data-testid='stSidebarNav']").wait_for(state="attached")
            assert "Networks" in page.inner_text("[data-testid='stSidebarNav']")
        finally:
            ctx.close()


def test_the_map_has_a_placeholder_until_its_canvas_exists_and_shares_as_plain_text(browser, app):
    ctx, page, _watch = open_page(browser, f"{app}/?region=Europe")
    try:
        wait = page.locator(".hrcmap-wait")
        assert wait.inner_text().startswith("Drawing 3 places")
        page.locator("[data-testid='stDeckGlJsonChart'] canvas").first.wait_for(state="attached")
        wait.wait_for(state="hidden")  # the drawn map replaces it
        # no canvas (yet): the box of the map's size says what is coming. Read in the same step as the
        # canvas is removed, before the map component can draw a new one
        shown_without_canvas = page.evaluate(
            "() => { document.querySelectorAll(\"[data-testid='stDeckGlJsonChart'] canvas\").forEach(c => c.remove());"
            " return getComputedStyle(document.querySelector('.hrcmap-wait')).display; }"
        )
        assert shown_without_canvas == "flex"
        # the share box: the link and the embed snippet as plain text fields, filters included
        page.get_by_role("button", name="Share or embed this view").click()
        link = page.get_by_label("Link to exactly this view (filters included)")
        link.wait_for(state="visible")
        assert "region=Europe" in link.input_value()
        snippet = page.get_by_label("Embed this view in an article or a slide")
        expect(snippet).to_have_value(re.compile(r"^<iframe .*region=Europe"), timeout=TIMEOUT_MS)  # waits until drawn
        assert page.query_selector("[data-testid='stCode']") is None
    finally:
        ctx.close()


def test_each_page_names_itself_in_the_browser_tab(browser, app):
    for path, title in (("timeline", "Timeline · hrcmap"), ("cities?city=graz-aut", "Graz, Austria · hrcmap")):
        ctx, page, _watch = open_page(browser, f"{app}/{path}")
        try:
            page.wait_for_function("t => document.title.startsWith(t)", arg=title)
        finally:
            ctx.close()


PHONE = "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Mobile Safari/537.36"


def test_a_phone_opens_on_the_whole_world_in_a_shorter_frame(browser, app):
    """At 400 px a phone gets the world zoomed out to fit and a frame without the blank band."""
    ctx = browser.new_context(viewport={"width": 400, "height": 800}, user_agent=PHONE, is_mobile=True, has_touch=True)
    ctx.set_default_timeout(TIMEOUT_MS)
    page = ctx.new_page()
    try:
        page.goto(app)
        wait_ready(page)
        chart = page.locator("[data-testid='stDeckGlJsonChart']").first
        chart.locator("canvas").first.wait_for(state="attached")
        box = chart.bounding_box()
        assert box is not None and box["height"] < 400 and box["width"] <= 400
    finally:
        ctx.close()
    desktop, page, _watch = open_page(browser, app)  # the same page on a desktop keeps its tall frame
    try:
        chart = page.locator("[data-testid='stDeckGlJsonChart']").first
        chart.locator("canvas").first.wait_for(state="attached")
        assert chart.bounding_box()["height"] >= 500
    finally:
        desktop.close()


def test_public_journey_on_a_phone_find_a_place_and_tap_it(browser, app):
    """400×800: the filters and the share button are on the page (a phone hides the sidebar); a search
    opens the map on the place found; a tap shows its commitments and sources over the map."""
    ctx = browser.new_context(viewport={"width": 400, "height": 800}, user_agent=PHONE, is_mobile=True, has_touch=True)
    ctx.set_default_timeout(TIMEOUT_MS)
    page = ctx.new_page()
    watch = PageWatch(page, offline=True)
    try:
        page.goto(app)
        wait_ready(page)
        filters = page.get_by_text("Filters", exact=False).first
        filters.wait_for(state="visible")
        assert page.get_by_role("button", name="Share or embed this view").is_visible()
        assert not page.locator("[data-testid='stSidebar']").is_visible()
        filters.click()
        search = page.get_by_label("Find a place")
        search.fill("Graz")
        search.press("Enter")
        page.get_by_text("Filters · showing 1 place").wait_for(state="visible")
        canvas = page.locator("[data-testid='stDeckGlJsonChart'] canvas").first
        canvas.wait_for(state="attached")
        canvas.scroll_into_view_if_needed()
        dialog = page.get_by_role("dialog")
        for _ in range(6):  # a tap before the layer is ready picks nothing: tap again
            box = canvas.bounding_box()
            page.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)  # the place found is in the middle
            try:
                dialog.wait_for(state="visible", timeout=20_000)
                break
            except PlaywrightTimeout:
                continue
        assert "Graz, Austria" in dialog.inner_text()
        assert dialog.get_by_role("link", name="Source").count() >= 1
        assert dialog.get_by_role("link", name="Open the full profile").is_visible()
        assert watch.outside == [] and watch.real_console_errors == []
    finally:
        ctx.close()


def test_the_map_downloads_as_a_slide_image(browser, app, tmp_path):
    ctx, page, watch = open_page(browser, f"{app}/?region=Europe", accept_downloads=True)
    try:
        with page.expect_download() as got:
            page.get_by_role("button", name="Download this map as PNG for slides").click()
        path = tmp_path / "map.png"
        got.value.save_as(path)
        from PIL import Image

        image = Image.open(path)
        assert image.size == (1280, 720)
        assert got.value.suggested_filename.endswith("-map.png")
        assert watch.outside == []
    finally:
        ctx.close()


PLAY_CONTRAST_JS = """() => [...document.querySelectorAll('g.updatemenu-button')].map(g => {
  const rgb = c => (c.match(/[\\d.]+/g) || []).slice(0, 3).map(Number);
  const lum = c => { const [r, g2, b] = rgb(c).map(v => { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); });
                     return 0.2126 * r + 0.7152 * g2 + 0.0722 * b; };
  const fill = el => getComputedStyle(el).fill;
  const [hi, lo] = [lum(fill(g.querySelector('text'))), lum(fill(g.querySelector('rect')))].sort((a, b) => b - a);
  return [g.querySelector('text').textContent, (hi + 0.05) / (lo + 0.05)];
})"""


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_growth_chapters_play_button_is_readable_in_both_themes(browser, app, scheme):
    """The chapter says "Press Play": its button's label keeps 4.5:1 on the button, in a dark room too."""
    ctx, page, _watch = open_page(browser, f"{app}/present?present=3", color_scheme=scheme)
    try:
        page.locator("g.updatemenu-button").first.wait_for(state="attached")
        ratios = dict(page.evaluate(PLAY_CONTRAST_JS))
        assert any("Play" in k for k in ratios) and all(v >= 4.5 for v in ratios.values()), ratios
    finally:
        ctx.close()


def test_the_map_plays_the_years_and_the_link_follows(browser, app):
    """Play moves the "as of" year on by itself, the map and the link follow it, Pause stops it."""
    ctx, page, watch = open_page(browser, f"{app}/?year=1997")
    try:
        page.get_by_text("As of 1997,").wait_for()  # a link with a year opens on that year
        page.get_by_role("button", name="▶ Play").click()
        year = "() => Number(new URLSearchParams(location.search).get('year'))"
        page.wait_for_function(f"() => ({year})() >= 1999")
        page.get_by_role("button", name="❚❚ Pause").click()
        page.get_by_role("button", name="▶ Play").wait_for()
        stopped = page.evaluate(year) or 2019  # at the last year the link drops the year
        wait_for_text(page, f"As of {stopped}," if stopped < 2019 else "Human rights cities of the world")
        assert watch.outside == [] and watch.real_console_errors == []
    finally:
        ctx.close()


def test_journalist_journey_filter_share_reopen_and_read_the_csv(browser, app, tmp_path):
    """Filter the timeline, take the link from the share button, open it in a fresh browser on the Data
    page, download this view's events and read them with pandas: the same rows the sentence counts."""
    import pandas as pd

    ctx, page, watch = open_page(browser, f"{app}/timeline")
    try:
        choose(page, "Continent", "Europe")
        wait_for_text(page, "in Europe")
        wait_ready(page)
        page.get_by_role("button", name="Share or embed this view").click()
        field = page.get_by_label("Link to exactly this view (filters included)")
        expect(field).to_have_value(re.compile(r"region=Europe"), timeout=TIMEOUT_MS)
        link = field.input_value()
        assert watch.outside == [] and watch.real_console_errors == []
    finally:
        ctx.close()
    shared = urlparse(link)
    ctx2, page2, watch2 = open_page(browser, f"{app}/data?{shared.query}", accept_downloads=True)
    try:
        wait_for_text(page2, "3 places in 2 countries in Europe")
        with page2.expect_download() as got:
            page2.get_by_role("button", name="This view's events (CSV)").click()
        path = tmp_path / "events.csv"
        got.value.save_as(path)
        assert path.read_text(encoding="utf-8").splitlines()[0].startswith("event_id,")  # the header comes first
        table = pd.read_csv(path)
        assert set(table["country_iso3"]) == {"AUT", "GBR"} and table["place_id"].nunique() == 3
        assert watch2.outside == [] and watch2.real_console_errors == []
    finally:
        ctx2.close()


def test_presenter_journey_every_chapter_in_the_dark_and_a_map_still(browser, app, tmp_path):
    """Step through every chapter with the arrow key in the dark theme, with no console error and no
    outside request; on the map chapter, take the still image for a slide."""
    ctx, page, watch = open_page(browser, f"{app}/present?present=1", color_scheme="dark", accept_downloads=True)
    try:
        for chapter in range(1, 5):
            wait_for_text(page, f"Chapter {chapter} of 4")
            wait_ready(page)
            if chapter == 2:  # the map chapter: its still, with the ringed place named on the slide
                wait_for_text(page, "The ringed place is Graz, Austria.")
                page.get_by_text("Export this chapter for slides").click()
                with page.expect_download() as got:
                    page.get_by_role("button", name="Download this map as PNG for slides").click()
                got.value.save_as(tmp_path / "chapter.png")
                from PIL import Image

                assert Image.open(tmp_path / "chapter.png").size == (1280, 720)
            if chapter < 4:
                page.get_by_role("button", name="Next").first.wait_for(state="visible")
                page.wait_for_function(
                    "() => [...document.querySelectorAll('button')].some(b => b.innerText.includes('Next') && !b.disabled)"
                )
                page.keyboard.press("ArrowRight")
                page.wait_for_function(f"() => location.search.includes('present={chapter + 1}')")
        assert watch.outside == [] and watch.real_console_errors == [] and watch.real_failures == []
    finally:
        ctx.close()


def test_every_published_page_draws_offline_from_file(browser, tmp_path):
    """The static site opens from disk with every outside request refused: each page draws its figure,
    the growth page has its play button, and nothing is fetched from anywhere else."""
    import json as _json

    from hrcmap import publish
    from hrcmap.load import load_dataset
    from hrcmap.paths import COUNTRIES_GEOJSON

    processed = tmp_path / "processed"
    build(HERE / "fixtures" / "valid", processed)
    out = tmp_path / "site"
    count = publish.publish(load_dataset(processed), _json.loads(COUNTRIES_GEOJSON.read_text(encoding="utf-8")), out)
    pages = sorted(out.rglob("index.html"))
    assert len(pages) == count
    ctx = browser.new_context(viewport={"width": 1100, "height": 800})
    ctx.set_default_timeout(TIMEOUT_MS)
    try:
        for path in pages:
            page = ctx.new_page()
            outside, errors = [], []
            page.on("console", lambda m, errors=errors: errors.append(m.text) if m.type == "error" else None)

            def route(r, outside=outside):
                if r.request.url.startswith(("file:", "data:", "blob:")):
                    return r.continue_()
                outside.append(r.request.url)
                return r.abort()

            page.route("**/*", route)
            page.goto(path.as_uri())
            page.locator("#figure .main-svg").first.wait_for(state="attached")
            if path.parent.name == "growth":
                page.locator("g.updatemenu-button").first.wait_for(state="attached")
            assert outside == [] and errors == [], (path, outside, errors)
            page.close()
    finally:
        ctx.close()
