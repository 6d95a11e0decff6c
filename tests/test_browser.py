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
            wait_ready(page, 300)  # the slide has finished drawing, as a presenter waits before the next click
        assert watch.outside == []
    finally:
        ctx.close()


CONTRAST_JS = """(selectors) => {
  const parse = s => (s.match(/[\\d.]+/g) || []).map(Number);
  const lum = c => { const [r, g, b] = c.slice(0, 3).map(v => { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); });
                     return 0.2126 * r + 0.7152 * g + 0.0722 * b; };
  const background = el => { for (; el; el = el.parentElement) { const p = parse(getComputedStyle(el).backgroundColor);
                                                                  if (p.length === 3 || p[3] > 0.9) return p.slice(0, 3); }
                             return [255, 255, 255]; };
  return selectors.map(sel => {
    const el = [...document.querySelectorAll(sel)].find(e => e.offsetParent !== null && e.innerText.trim());
    if (!el) return [sel, null];
    const st = getComputedStyle(el), bg = background(el), fg = parse(st.color);
    const alpha = (fg.length === 4 ? fg[3] : 1) * Number(st.opacity || 1);
    const seen = fg.slice(0, 3).map((v, i) => v * alpha + bg[i] * (1 - alpha));
    const [hi, lo] = [lum(seen), lum(bg)].sort((a, b) => b - a);
    return [sel, (hi + 0.05) / (lo + 0.05)];
  });
}"""
TEXT_KINDS = ["[data-testid=stMain] h1", "[data-testid=stMain] [data-testid=stMarkdownContainer] p",
              "[data-testid=stMain] [data-testid=stCaptionContainer]", "[data-testid=stMain] [data-testid=stMarkdownContainer] a",
              "[data-testid=stSidebar] label", "[data-testid=stMain] [data-testid=stExpander] summary"]


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("path", ["about", "timeline", "present?present=4"])
def test_text_meets_wcag_aa_contrast_in_both_themes(browser, real_app, scheme, path):
    """The theme follows the system's light or dark setting; every kind of text keeps 4.5:1 on its background."""
    ctx, page, watch = open_page(browser, f"{real_app}/{path}", color_scheme=scheme)
    try:
        dark_page = page.evaluate("() => getComputedStyle(document.querySelector('[data-testid=stApp]')).backgroundColor")
        assert (dark_page == "rgb(14, 17, 23)") == (scheme == "dark")
        ratios = dict(page.evaluate(CONTRAST_JS, TEXT_KINDS))
        measured = {k: v for k, v in ratios.items() if v is not None}
        assert "[data-testid=stMain] h1" in measured and len(measured) >= 3
        assert all(v >= 4.5 for v in measured.values()), measured
    finally:
        ctx.close()


def test_chart_and_animation_downloads_are_real_files(browser, real_app, tmp_path):
    """On the timeline, the PNG for slides and the GIF arrive as files of the promised size and length."""
    from PIL import Image

    ctx, page, watch = open_page(browser, f"{real_app}/timeline?region=EU", accept_downloads=True)
    try:
        with page.expect_download(timeout=60000) as png:
            page.get_by_role("button", name="Download PNG for slides").first.click()
        png_path = tmp_path / png.value.suggested_filename
        png.value.save_as(png_path)
        assert png_path.suffix == ".png"
        assert Image.open(png_path).size == (1280, 720)
        with page.expect_download(timeout=120000) as gif:
            page.get_by_role("button", name="Download the animation (GIF, 1280×720)").click()
        gif_path = tmp_path / gif.value.suggested_filename
        gif.value.save_as(gif_path)
        frames = Image.open(gif_path)
        assert frames.size == (1280, 720) and frames.n_frames >= 10
        assert watch.outside == []
    finally:
        ctx.close()


def test_any_page_with_present_in_the_link_opens_that_chapter(browser, real_app):
    ctx, page, watch = open_page(browser, f"{real_app}/?present=5")
    try:
        page.wait_for_function("() => location.pathname.endsWith('/present') && location.search.includes('present=5')", timeout=30000)
        assert "Chapter 5 of" in page.inner_text("[data-testid='stMain']")
    finally:
        ctx.close()


def test_the_embed_snippet_view_opens_without_chrome_and_keeps_the_filters(browser, real_app):
    ctx, page, watch = open_page(browser, f"{real_app}/timeline?region=Asia&embed=true")
    try:
        assert page.query_selector("[data-testid='stMainMenu']") is None  # no app menu in embed mode
        assert page.get_attribute("[data-testid='stSidebar']", "data-collapsed") == "true"
        assert "in Asia made" in page.inner_text("[data-testid='stMain']")
    finally:
        ctx.close()
