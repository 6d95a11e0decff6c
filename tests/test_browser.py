"""Real-browser tests: Debian's headless Chromium against `streamlit run` on a free local port."""
from __future__ import annotations

from urllib.parse import parse_qs, urlparse

import pytest

from hrcmap.build import build
from hrcmap.paths import DATA

from .browser import CHROMIUM_ARGS, PageWatch, chromium_path, streamlit_server, wait_ready
from .conftest import HERE

pytestmark = pytest.mark.browser
PAGES = ["", "timeline", "networks", "cities?city=graz-aut", "data", "about", "present?present=3", "present?present=9"]


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS)
        yield b
        b.close()


@pytest.fixture(scope="module")
def real_app():
    with streamlit_server(DATA / "processed") as url:
        yield url


@pytest.fixture(scope="module")
def hostile_app(tmp_path_factory):
    out = tmp_path_factory.mktemp("hostile")
    build(HERE / "fixtures" / "hostile", out, rel_dir="data/raw")
    with streamlit_server(out) as url:
        yield url


def open_page(browser, url, **context):
    ctx = browser.new_context(viewport={"width": 1280, "height": 900}, **context)
    page = ctx.new_page()
    watch = PageWatch(page, offline=True)
    page.goto(url)
    wait_ready(page)
    # the sources footer, with its licence line, is the last thing every page draws
    page.wait_for_function("() => document.querySelector('[data-testid=stMain]')?.innerText.includes('Licence CC BY')", timeout=30000)
    return ctx, page, watch


@pytest.mark.parametrize("path", PAGES)
def test_every_page_renders_offline_without_errors(browser, real_app, path):
    ctx, page, watch = open_page(browser, f"{real_app}/{path}")
    try:
        assert page.query_selector("h1") is not None
        body = page.inner_text("[data-testid='stMain']")
        assert "Traceback" not in body and "Error" not in page.inner_text("h1")
        assert "Sources:" in body
        assert watch.outside == [], watch.outside
        assert watch.real_failures == [], watch.real_failures
        assert watch.real_console_errors == [], watch.real_console_errors
        if path == "":
            assert page.query_selector("[data-testid='stDeckGlJsonChart'] canvas") is not None
        if path == "timeline":
            page.wait_for_function("() => document.querySelectorAll('[data-testid=stPlotlyChart]').length >= 4", timeout=30000)
    finally:
        ctx.close()


def test_filter_change_updates_url_and_a_fresh_browser_restores_it(browser, real_app):
    ctx, page, watch = open_page(browser, f"{real_app}/timeline")
    try:
        page.locator("[data-testid='stSidebar'] [data-testid='stMultiSelect']").first.click()
        page.get_by_role("option", name="Europe").click()
        page.keyboard.press("Escape")
        # the rerun writes the URL and then the sentence; wait for both rather than for a fixed time
        page.wait_for_function("() => location.search.includes('region=')", timeout=30000)
        page.wait_for_function(
            "() => [...document.querySelectorAll('[data-testid=stMain] [data-testid=stMarkdown]')]"
            ".some(e => e.innerText.includes('in Europe'))", timeout=30000)
        wait_ready(page)
        query = parse_qs(urlparse(page.url).query)
        assert query == {"region": ["Europe"]}
        sentence = page.locator("[data-testid='stMain'] [data-testid='stMarkdown']").first.inner_text()
        assert "in Europe" in sentence
        link = page.url
    finally:
        ctx.close()
    ctx2, page2, _ = open_page(browser, link)
    try:
        assert page2.locator("[data-testid='stMain'] [data-testid='stMarkdown']").first.inner_text() == sentence
        assert "Europe" in page2.locator("[data-testid='stSidebar'] [data-testid='stMultiSelect']").first.inner_text()
    finally:
        ctx2.close()


@pytest.mark.parametrize("path", ["", "cities?city=graz-aut", "data", "networks?network=fx-coalition", "timeline"])
def test_markup_in_the_data_is_shown_as_text(browser, hostile_app, path):
    ctx, page, watch = open_page(browser, f"{hostile_app}/{path}")
    try:
        page.wait_for_timeout(800)
        assert watch.dialogs == []
        assert page.query_selector("img[src='x']") is None
        assert page.query_selector("svg[onload]") is None
        assert page.evaluate("() => [...document.scripts].some(s => s.textContent.includes('alert('))") is False
        assert page.query_selector("a[href^='javascript:']") is None
        if path.startswith("cities"):
            main = page.inner_text("[data-testid='stMain']")
            assert "<img src=x onerror=alert(1)>" in main
            assert "<svg onload=alert(4)>" in main and "**bold**" in main
    finally:
        ctx.close()


def test_presentation_steps_with_the_keys_a_clicker_sends(browser, real_app):
    ctx, page, watch = open_page(browser, f"{real_app}/present?present=2")
    try:
        assert page.query_selector("[data-testid='stSidebar']") is None or not page.is_visible("[data-testid='stSidebar']")
        for key, expected in (("ArrowRight", 3), ("PageDown", 4), ("ArrowLeft", 3), ("PageUp", 2)):
            page.keyboard.press(key)
            page.wait_for_function(f"() => location.search.includes('present={expected}')", timeout=30000)
            page.wait_for_function(
                f"() => document.querySelector('[data-testid=stMain]')?.innerText.includes('Chapter {expected} of')", timeout=30000)
        assert watch.outside == []
    finally:
        ctx.close()
