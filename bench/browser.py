"""Time to the thing a page is for, in a real browser (Debian's headless Chromium via Playwright),
each as a ratio to a bare Streamlit page that draws the same kind of thing, measured in the same
rounds; and the bytes a first visit loads.

    python bench/browser.py             # 5 rounds
    python bench/browser.py --rounds 3

Writes bench/results/browser.json; `python bench/run.py --render` puts it into RESULTS.md.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import re
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.client import server
from tests.browser import CHROMIUM_ARGS, chromium_path, wait_ready

CANVAS = "[data-testid='stDeckGlJsonChart'] canvas"
CHART = "[data-testid='stPlotlyChart'] .main-svg"
# two animation frames after the element exists: what was set up for it has been painted
PAINTED = "() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(() => r(true))))"
TIMEOUT_MS = 180_000


def time_to(browser, url: str, selector: str) -> tuple[float, int]:
    """Seconds from navigation to ``selector`` painted, in a fresh context (nothing cached), and
    the bytes of every response the visit received (uncompressed bodies)."""
    ctx = browser.new_context(viewport={"width": 1280, "height": 900})
    page = ctx.new_page()
    sizes: list[int] = []

    def count(response) -> None:
        with contextlib.suppress(Exception):  # a redirect or a streamed response has no body to count
            sizes.append(len(response.body()))

    page.on("response", count)
    started = time.perf_counter()
    page.goto(url)
    page.locator(selector).first.wait_for(state="attached", timeout=TIMEOUT_MS)
    page.evaluate(PAINTED)
    seconds = time.perf_counter() - started
    page.wait_for_load_state("networkidle", timeout=TIMEOUT_MS)
    ctx.close()
    return seconds, sum(sizes)


def _opened(browser, url: str):
    """A fresh context on ``url``, its script finished and its map painted."""
    ctx = browser.new_context(viewport={"width": 1280, "height": 900})
    ctx.set_default_timeout(TIMEOUT_MS)
    page = ctx.new_page()
    page.goto(url)
    wait_ready(page)
    page.locator(CANVAS).first.wait_for(state="attached")
    page.evaluate(PAINTED)
    return ctx, page


def time_click(browser, url: str, shown: str) -> float:
    """Seconds from a click on the middle of the map to the heading ``shown`` painted. A click that
    lands before the map's layer can be picked picks nothing; the time runs from the click that works."""
    from playwright.sync_api import TimeoutError as PlaywrightTimeout

    ctx, page = _opened(browser, url)
    try:
        canvas, heading = page.locator(CANVAS).first, page.locator("h3").filter(has_text=shown).first
        for _ in range(8):
            box = canvas.bounding_box()
            started = time.perf_counter()
            page.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
            try:
                heading.wait_for(state="visible", timeout=60_000)
                break
            except PlaywrightTimeout:
                continue
        page.evaluate(PAINTED)
        return time.perf_counter() - started
    finally:
        ctx.close()


def time_filter(browser, url: str, option: str, shown: str) -> float:
    """Seconds from choosing ``option`` in the sidebar's Continent filter to the page's sentence
    saying ``shown``, its script finished and the map painted again."""
    ctx, page = _opened(browser, url)
    try:
        box = page.locator("[data-testid='stSidebar'] [data-testid='stMultiSelect']").filter(has_text="Continent").first
        box.locator("input").click()
        choice = page.get_by_role("option", name=re.compile(rf"^{option}( \(\d+ places?\))?$"))
        choice.wait_for(state="visible")
        started = time.perf_counter()
        choice.click()
        page.get_by_text(re.compile(shown)).first.wait_for(state="visible")
        wait_ready(page)
        page.evaluate(PAINTED)
        return time.perf_counter() - started
    finally:
        ctx.close()


def time_key(browser, url: str, after: str) -> float:
    """Seconds from pressing the right arrow key (once the page's Next button is usable) to the
    text ``after`` shown, the script finished and the page painted."""
    ctx = browser.new_context(viewport={"width": 1280, "height": 900})
    ctx.set_default_timeout(TIMEOUT_MS)
    page = ctx.new_page()
    try:
        page.goto(url)
        wait_ready(page)
        page.wait_for_function(
            "() => [...document.querySelectorAll('button')].some(b => b.innerText.includes('Next') && !b.disabled)"
        )
        page.evaluate(PAINTED)
        started = time.perf_counter()
        page.keyboard.press("ArrowRight")
        page.get_by_text(after).first.wait_for(state="visible")
        wait_ready(page)
        page.evaluate(PAINTED)
        return time.perf_counter() - started
    finally:
        ctx.close()


def measure(rounds: int) -> dict:
    from playwright.sync_api import sync_playwright

    data = ROOT / "data" / "processed"
    pairs = {
        "map circles drawn (/ vs a 10-point pydeck page)": ("atlas", "", "bare_map", CANVAS),
        "timeline's first chart (/timeline vs a one-chart plotly page)": ("atlas", "timeline", "bare_chart", CHART),
    }
    out: dict = {"rounds": rounds, "pairs": {}, "first_visit_bytes": {}}
    with (
        server(ROOT / "dashboard.py", data) as (atlas, _),
        server(ROOT / "bench" / "bare_map.py", None) as (bare_map, _),
        server(ROOT / "bench" / "bare_chart.py", None) as (bare_chart, _),
        server(ROOT / "bench" / "bare_pick.py", None) as (bare_pick, _),
        server(ROOT / "bench" / "bare_filter.py", None) as (bare_filter, _),
        server(ROOT / "bench" / "bare_key.py", None) as (bare_key, _),
        sync_playwright() as p,
    ):
        urls = {
            "atlas": atlas,
            "bare_map": bare_map,
            "bare_chart": bare_chart,
            "bare_pick": bare_pick,
            "bare_filter": bare_filter,
        }
        browser = p.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS)
        for url in urls.values():  # warm each server once: the first visit compiles and caches
            time_to(browser, url, "[data-testid='stApp']")
        for name, (app, path, bare, selector) in pairs.items():
            ours, theirs = [], []
            for _ in range(rounds):  # interleaved: each round measures both, one after the other
                ours.append(time_to(browser, f"{urls[app]}/{path}", selector)[0])
                theirs.append(time_to(browser, urls[bare], selector)[0])
            ratios = [a / b for a, b in zip(ours, theirs)]
            out["pairs"][name] = {
                "ours_median_s": statistics.median(ours),
                "bare_median_s": statistics.median(theirs),
                "ratio_median": statistics.median(ratios),
            }
            print(
                f"  {name}: {statistics.median(ours):.2f} s vs {statistics.median(theirs):.2f} s, ratio {statistics.median(ratios):.2f}"
            )
        interactions = {
            "a presentation chapter after the arrow key (chapter 1 → 2: a chart, then a map; vs a bare page's Next button drawing a chart, then a 10-point map)": (
                lambda: time_key(browser, f"{atlas}/present?present=1", "Chapter 2 of"),
                lambda: time_key(browser, bare_key, "Step 2 of 99"),
                1.5,
            ),
            # the only place in Fiji sits in the middle of the map the filter opens on
            "a click on a circle to its details shown (/?country=FJI vs a one-point pydeck page)": (
                lambda: time_click(browser, f"{atlas}/?country=FJI", "Suva, Fiji"),
                lambda: time_click(browser, bare_pick, "Picked"),
                2.0,
            ),
            "a filter change to the map redrawn (Continent: Europe, vs a 10-point page with the same filter)": (
                lambda: time_filter(browser, atlas, "Europe", r"countries in Europe"),
                lambda: time_filter(browser, bare_filter, "Europe", r"points in Europe"),
                2.0,
            ),
        }
        for name, (ours_once, theirs_once, target) in interactions.items():
            ours, theirs = [], []
            for _ in range(rounds):
                ours.append(ours_once())
                theirs.append(theirs_once())
            ratios = [a / b for a, b in zip(ours, theirs)]
            out["pairs"][name] = {
                "ours_median_s": statistics.median(ours),
                "bare_median_s": statistics.median(theirs),
                "ratio_median": statistics.median(ratios),
                "target": target,
            }
            print(
                f"  {name}: {statistics.median(ours):.2f} s vs {statistics.median(theirs):.2f} s, ratio {statistics.median(ratios):.2f}"
            )
        for path, selector in (("", CANVAS), ("timeline", CHART), ("data", "[data-testid='stDataFrame']"), ("about", "h1")):
            out["first_visit_bytes"][path or "map"] = time_to(browser, f"{atlas}/{path}", selector)[1]
        out["first_visit_bytes"]["bare map page"] = time_to(browser, bare_map, CANVAS)[1]
        browser.close()
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--rounds", type=int, default=5)
    a = ap.parse_args()
    results = measure(a.rounds)
    results["when"] = time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime())
    out = ROOT / "bench" / "results"
    out.mkdir(exist_ok=True)
    (out / "browser.json").write_text(json.dumps(results, indent=1) + "\n")
    print(json.dumps(results, indent=1))


if __name__ == "__main__":
    main()
