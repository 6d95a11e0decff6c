"""A static embed against the live page, in a real browser (Debian's headless Chromium): seconds from
navigation to the map painted, and the bytes loaded, for the published world page served as plain
files (Python's own file server standing in for a static host) and for the live map page, measured
in the same interleaved rounds; the ratio is static ÷ live.

    python bench/static.py             # 5 rounds
    python bench/static.py --rounds 3

Writes bench/results/static.json.
"""

from __future__ import annotations

import argparse
import contextlib
import functools
import http.server
import json
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.browser import CANVAS, time_to
from bench.client import server
from tests.browser import CHROMIUM_ARGS, chromium_path

FIGURE = "#figure .main-svg"


@contextlib.contextmanager
def static_host(folder: Path):
    """The folder served over HTTP on a free local port, by Python's file server in a thread."""

    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args) -> None:  # no line per request on the terminal
            pass

    handler = functools.partial(Quiet, directory=str(folder))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}"
    finally:
        httpd.shutdown()


def measure(rounds: int) -> dict:
    from playwright.sync_api import sync_playwright

    from hrcmap.load import load_dataset
    from hrcmap.paths import COUNTRIES_GEOJSON
    from hrcmap.publish import publish

    data = ROOT / "data" / "processed"
    with tempfile.TemporaryDirectory() as tmp:
        site = Path(tmp) / "site"
        started = time.perf_counter()
        pages = publish(load_dataset(data), json.loads(COUNTRIES_GEOJSON.read_text(encoding="utf-8")), site)
        publish_s = time.perf_counter() - started
        with server(ROOT / "dashboard.py", data) as (live, _), static_host(site) as static, sync_playwright() as p:
            browser = p.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS)
            time_to(browser, live, CANVAS)  # warm the live server once
            ours, theirs, bytes_static, bytes_live = [], [], 0, 0
            for _ in range(rounds):
                seconds, bytes_static = time_to(browser, f"{static}/index.html", FIGURE)
                ours.append(seconds)
                seconds, bytes_live = time_to(browser, live, CANVAS)
                theirs.append(seconds)
            browser.close()
    ratios = [a / b for a, b in zip(ours, theirs)]
    out = {
        "rounds": rounds,
        "pages_published": pages,
        "publish_seconds": round(publish_s, 1),
        "static_median_s": statistics.median(ours),
        "live_median_s": statistics.median(theirs),
        "ratio_median": statistics.median(ratios),
        "static_bytes": bytes_static,
        "live_bytes": bytes_live,
    }
    print(
        f"  world map painted: static {out['static_median_s']:.2f} s vs live {out['live_median_s']:.2f} s, "
        f"ratio {out['ratio_median']:.2f}; bytes {bytes_static:,} vs {bytes_live:,}"
    )
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--rounds", type=int, default=5)
    results = measure(ap.parse_args().rounds)
    results["when"] = time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime())
    out = ROOT / "bench" / "results"
    out.mkdir(exist_ok=True)
    (out / "static.json").write_text(json.dumps(results, indent=1) + "\n")


if __name__ == "__main__":
    main()
