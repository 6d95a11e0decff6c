"""hrcmap benchmarks: every figure as a ratio to a baseline measured in the same run.

    python bench/run.py                 # everything (about 10 minutes on 2 cores)
    python bench/run.py --quick         # fewer repetitions, no 100x scale, no 50 sessions

Prints a table and writes bench/results/latest.json and bench/RESULTS.md.
"""

from __future__ import annotations

import argparse
import json
import platform
import random
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.client import Session, rss_mb, server, slider_state
from bench.synth import synthesise

EMPTY_APP = ROOT / "bench" / "empty_app.py"
DASHBOARD = ROOT / "dashboard.py"
# (url path, has the shared filters)
PAGES = [("", True), ("timeline", True), ("data", True), ("networks", False), ("cities", False), ("about", False)]
TARGETS = {"rerun_ratio": 2.0, "unchanged_bytes": 1024, "map_bytes_per_place": 60, "concurrency_p95_ratio_25": 3.0}
B0_SPAN = (1974, 2026)


def pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def year_changes(session: Session, lo: int, hi: int, n: int):
    """Move the year-range slider to a range not seen before on every rerun, starting in the busy
    years (from 1995) so that the places shown change too and nothing can come from cache."""
    wid = session.widget_ids.get("f_years")
    start = max(lo + 1, min(1995, hi - 30))
    for i in range(n):
        a, b = start + i % 25, hi - 1 - (i // 25) % 20
        yield [slider_state(wid, a, b)] if wid else []


def measure_page(url: str, page: str, filtered: bool, reps: int, years: tuple[int, int], b0: Session | None = None) -> dict:
    """Reruns of ``page`` after a filter change; with ``b0``, each one is preceded by a rerun of B0's
    page on its own server, so the two are measured in the same rounds, whatever the machine's load."""
    s = Session(url)
    first = s.run(page)
    times, sizes, b0_times = [], [], []
    b0_changes = year_changes(b0, *B0_SPAN, reps) if b0 is not None else None
    for widgets in year_changes(s, *years, reps) if filtered else ([] for _ in range(reps)):
        if b0 is not None and b0_changes is not None:
            b0_times.append(b0.run("", widgets=next(b0_changes)).seconds)
        r = s.run(page, widgets=widgets)
        times.append(r.seconds)
        sizes.append(r.bytes)
    same = widgets if filtered else []
    unchanged = s.run(page, widgets=same)
    unchanged = s.run(page, widgets=same)  # the second identical rerun: everything is cached by now
    out = {
        "first_load_s": first.seconds,
        "first_load_bytes": first.bytes,
        "rerun_p50_s": statistics.median(times),
        "rerun_p95_s": pct(times, 0.95),
        "change_bytes_median": int(statistics.median(sizes)),
        "unchanged_bytes": unchanged.bytes,
        "b0_rerun_p50_s": statistics.median(b0_times) if b0_times else None,
    }
    if page == "":
        out.update(map_bytes(first))
    s.close()
    return out


def map_bytes(run) -> dict:
    for d in run.deltas:
        if d.WhichOneof("type") == "new_element" and d.new_element.WhichOneof("type") == "deck_gl_json_chart":
            spec = json.loads(d.new_element.deck_gl_json_chart.json)
            layer = next(layer for layer in spec["layers"] if layer["id"] == "places")
            data = json.dumps(layer["data"], separators=(",", ":"))
            n = max(len(layer["data"]), 1)
            return {
                "map_places": n,
                "map_bytes_per_place": round(len(data) / n, 1),
                "map_element_bytes": len(d.SerializeToString()),
            }
    return {}


def baseline(reps: int) -> dict:
    with server(EMPTY_APP) as (url, _):
        return measure_page(url, "", True, reps, B0_SPAN)


def pages_on(processed: Path, reps: int, label: str) -> dict:
    """Every page on a build, each rerun interleaved with one of B0 on a second server."""
    import pandas as pd

    years = pd.read_parquet(processed / "events.parquet", columns=["year"])["year"]
    span = (int(years.min()), int(years.max()))
    with server(EMPTY_APP) as (b0_url, _), server(DASHBOARD, processed) as (url, pid):
        b0 = Session(b0_url)
        b0.run("")
        results = {p or "map": measure_page(url, p, f, reps, span, b0=b0) for p, f in PAGES}
        b0.close()
        results["_server_rss_mb"] = rss_mb(pid)
    print(f"  measured {label}")
    return results


def load(url: str, n: int, span: tuple[int, int], reruns: int, seed: int = 7, memory=None, during=None) -> dict:
    """``n`` sessions on ``url``, each loading the map (or B0's page) and then changing a filter
    every 2–5 s (seeded); per-rerun latency, failed sessions, peak memory. ``memory()`` gives the
    server's RSS in MiB; ``during()`` runs once the sessions have started (a fault, say)."""
    latencies: list[float] = []
    failures: list[str] = []
    lock = threading.Lock()
    before = memory() if memory else 0.0
    peak = [before]

    def user(i: int) -> None:
        rng = random.Random(seed * 1000 + i)
        try:
            s = Session(url)
            s.run("")
            for widgets in year_changes(s, *span, reruns):
                time.sleep(rng.uniform(2, 5))  # a reader's think time between two changes
                r = s.run("", widgets=widgets, timeout=60)
                with lock:
                    latencies.append(r.seconds)
                    if memory:
                        peak[0] = max(peak[0], memory())
            s.close()
        except Exception as exc:  # a failed session is a result, not a crash of the benchmark
            with lock:
                failures.append(f"{type(exc).__name__}: {exc}")

    threads = [threading.Thread(target=user, args=(i,)) for i in range(n)]
    for t in threads:
        t.start()
        time.sleep(0.05)
    if during:
        during()
    for t in threads:
        t.join()
    return {
        "p50_s": statistics.median(latencies) if latencies else None,
        "p95_s": pct(latencies, 0.95) if latencies else None,
        "failed_sessions": len(failures),
        "errors": failures[:3],
        "rss_mb_per_session": round((peak[0] - before) / n, 2) if memory else None,
    }


def concurrency(processed: Path | None, levels: list[int], reruns: int, seed: int = 7) -> dict:
    """N sessions on one server, each loading the map (or, without a dataset, B0's page) and
    changing a filter every 2–5 s; per-rerun latency."""
    span = B0_SPAN
    if processed is not None:
        import pandas as pd

        years = pd.read_parquet(processed / "events.parquet", columns=["year"])["year"]
        span = (int(years.min()), int(years.max()))
    out = {}
    with server(DASHBOARD if processed is not None else EMPTY_APP, processed) as (url, pid):
        warm = Session(url)
        warm.run("")
        warm.close()
        for n in levels:
            out[n] = load(url, n, span, reruns, seed, memory=lambda: rss_mb(pid))
            print(f"  {n:>3} sessions: p95 {out[n]['p95_s']}")
    single = out[levels[0]]["p95_s"]
    for n in levels:
        out[n]["p95_ratio"] = round(out[n]["p95_s"] / single, 2) if out[n]["p95_s"] and single else None
    return out


def build_time(raw: Path, out: Path) -> float:
    started = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "hrcmap", "build", "--raw", str(raw), "--out", str(out)],
        cwd=ROOT,
        check=True,
        stdout=subprocess.DEVNULL,
    )
    return time.perf_counter() - started


def machine() -> str:
    cpu = next(
        (ln.split(":", 1)[1].strip() for ln in Path("/proc/cpuinfo").read_text().splitlines() if ln.startswith("model name")),
        platform.processor(),
    )
    import os

    mem = next(int(ln.split()[1]) for ln in Path("/proc/meminfo").read_text().splitlines() if ln.startswith("MemTotal"))
    return f"{os.cpu_count()} cores ({cpu}), {mem / 1024 / 1024:.0f} GiB RAM, Python {platform.python_version()}, {platform.platform()}"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--quick", action="store_true")
    ap.add_argument("--reps", type=int, default=None)
    ap.add_argument("--render", action="store_true", help="only rewrite RESULTS.md from results/latest.json")
    ap.add_argument(
        "--all",
        action="store_true",
        help="first run the browser, controls, static-site and proxy benchmarks, so one run writes every figure",
    )
    a = ap.parse_args()
    if a.all:
        for name in SEPARATE:
            print(f"bench/{name}.py")
            subprocess.run([sys.executable, str(ROOT / "bench" / f"{name}.py")], check=True, cwd=ROOT)
    if a.render:
        results = json.loads((ROOT / "bench" / "results" / "latest.json").read_text())
        (ROOT / "bench" / "RESULTS.md").write_text(render(results))
        print(render(results))
        return
    reps = a.reps or (6 if a.quick else 20)
    factors = [10] if a.quick else [10, 100]
    levels = [1, 10, 25] if a.quick else [1, 10, 25, 50]
    results: dict = {"machine": machine(), "when": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()), "reps": reps}
    results["command"] = "python bench/run.py" + (" --all" if a.all else " --quick" if a.quick else "")
    print("B0: empty Streamlit page")
    results["B0"] = baseline(reps)
    print("pages on the real dataset")
    real = ROOT / "data" / "processed"
    results["real"] = pages_on(real, reps, "1x")
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        results["build_s"] = {"1x": build_time(ROOT / "data" / "raw", tmp / "out1")}
        for f in factors:
            synthesise(ROOT / "data" / "raw", tmp / f"raw{f}", f)
            results["build_s"][f"{f}x"] = build_time(tmp / f"raw{f}", tmp / f"out{f}")
            print(f"  built {f}x in {results['build_s'][f'{f}x']:.1f} s")
            results[f"scale_{f}x"] = pages_on(tmp / f"out{f}", max(4, reps // 4), f"{f}x")
    print("concurrency: B0's page, then the map")
    results["concurrency_B0"] = concurrency(None, levels, reruns=4 if a.quick else 6)
    results["concurrency"] = concurrency(real, levels, reruns=4 if a.quick else 6)
    out_dir = ROOT / "bench" / "results"
    out_dir.mkdir(exist_ok=True)
    (out_dir / "latest.json").write_text(json.dumps(results, indent=1, default=str) + "\n")
    report = render(results)
    (ROOT / "bench" / "RESULTS.md").write_text(report)
    print(report)


SEPARATE = ("browser", "controls", "static", "proxy")  # each writes bench/results/<name>.json


def last_results(name: str) -> dict | None:
    """What a separate benchmark (bench/<name>.py) wrote last in bench/results/<name>.json, if it has run."""
    path = ROOT / "bench" / "results" / f"{name}.json"
    return json.loads(path.read_text()) if path.exists() else None


def browser_section() -> list[str]:
    """What bench/browser.py measured last (results/browser.json), if it has run."""
    b = last_results("browser")
    if b is None:
        return []
    lines = [
        "",
        f"## In a real browser ({b['rounds']} rounds, {b['when']}, `python bench/browser.py`)",
        "",
        "Headless Chromium (Debian's package, software rendering), a fresh context each visit. Each pair is",
        "measured in the same rounds, one right after the other; the ratio is the median of the rounds' ratios.",
        "",
        "| time to | hrcmap (s) | bare page (s) | ratio (target) |",
        "|---|---|---|---|",
    ]
    for name, m in b["pairs"].items():
        target = m.get("target", 1.5)
        ok = verdict(m["ratio_median"] <= target)
        lines.append(
            f"| {name} | {m['ours_median_s']:.2f} | {m['bare_median_s']:.2f} | {m['ratio_median']:.2f} (≤ {target:g}: {ok}) |"
        )
    lines += ["", "First visit, bytes received (uncompressed, as Streamlit serves them):", ""]
    lines += [f"- {page}: {size / 1e6:.1f} MB" for page, size in b["first_visit_bytes"].items()]
    return lines


def controls_section() -> list[str]:
    """What bench/controls.py measured last (results/controls.json), if it has run."""
    c = last_results("controls")
    if c is None:
        return []
    lines = [
        "",
        f"## A control that changes one chart ({c['when']}, `python bench/controls.py`)",
        "",
        "A new session each time (the changed chart is not yet in the browser's message cache); bytes of the rerun,",
        "of the chart's own message, and the rest (target: the chart and at most 1 KB more).",
        "",
        "| control | rerun (bytes) | the chart (bytes) | the rest (bytes, target ≤ 1024) |",
        "|---|---|---|---|",
    ]
    for name, m in c["controls"].items():
        ok = verdict(m["rest_bytes_median"] <= m["target_rest_bytes"])
        lines.append(
            f"| {name} | {m['rerun_bytes_median']:,} | {m['chart_bytes_median']:,} | {m['rest_bytes_median']:,} ({ok}) |"
        )
    return lines


def static_section() -> list[str]:
    """What bench/static.py measured last (results/static.json), if it has run."""
    r = last_results("static")
    if r is None:
        return []
    return [
        "",
        f"## A static embed against the live page ({r['when']}, `python bench/static.py`)",
        "",
        f"`python -m hrcmap publish` wrote {r['pages_published']} pages in {r['publish_seconds']} s. The published world",
        "page, served as plain files, and the live map page, each opened in a fresh Chromium context,",
        f"{r['rounds']} interleaved rounds, until the map is painted:",
        "",
        "| | static page | live page | static ÷ live |",
        "|---|---|---|---|",
        f"| seconds to the map painted (median) | {r['static_median_s']:.2f} | {r['live_median_s']:.2f} | {r['ratio_median']:.2f} |",
        f"| bytes loaded (uncompressed) | {r['static_bytes']:,} | {r['live_bytes']:,} | {r['static_bytes'] / r['live_bytes']:.2f} |",
        "",
        "A static page costs the server nothing per reader (no session, no Python): its files can sit on any host or CDN.",
    ]


def proxy_section() -> list[str]:
    """What bench/proxy.py measured last (results/proxy.json), if it has run."""
    r = last_results("proxy")
    if r is None:
        return []
    lines = [
        "",
        f"## Through the production proxy ({r['when']}, `python bench/proxy.py`)",
        "",
        f"`deploy/serve.py` with {r['replicas']} replicas behind nginx, the bundled data; each session loads the map",
        "and changes a filter every 2–5 s, through nginx's WebSocket.",
        "",
        "| sessions | p50 (ms) | p95 (ms) | p95 ÷ single-session p95 | failed sessions | replicas' memory per session (MiB) |",
        "|---|---|---|---|---|---|",
    ]
    for n, c in r["levels"].items():
        target = ""
        if str(n) == "50":
            target = f" (target ≤ 3: {verdict(c['p95_ratio'] is not None and c['p95_ratio'] <= 3)})"
        if str(n) == "100":
            target = f" (target 0 failures: {verdict(c['failed_sessions'] == 0)})"
        lines.append(
            f"| {n} | {c['p50_s'] * 1000:.0f} | {c['p95_s'] * 1000:.0f} | {c['p95_ratio']}{target if str(n) == '50' else ''} | "
            f"{c['failed_sessions']}{target if str(n) == '100' else ''} | {c['rss_mb_per_session']} |"
        )
    f = r.get("fault", {})
    lines += [
        "",
        f"Replicas' memory: {r.get('memory_idle_mib')} MiB idle, {r.get('memory_after_mib')} MiB after all sessions closed.",
        "",
        f"Fault: one replica killed while 25 sessions ran. {f.get('failed_sessions')} of 25 sessions failed (those on "
        f"the killed replica lose their WebSocket; a browser reconnects them to the live replica); a new session "
        f"opened after the kill got its page ({r.get('fault_new_session_bytes')} bytes); the killed replica "
        f"{'was restarted and healthy again' if r.get('fault_replica_back') else 'did NOT come back in time'}.",
        "",
        f"First visit of the map through the proxy: {r['first_visit_bytes_proxy']['sent'] / 1e6:.1f} MB sent "
        f"(gzip), {r['first_visit_bytes_proxy']['decoded'] / 1e6:.1f} MB decoded.",
    ]
    return lines


def verdict(ok: bool | None) -> str:
    return "n/a" if ok is None else ("met" if ok else "NOT met")


def render(r: dict) -> str:
    b0 = r["B0"]["rerun_p50_s"]
    lines = [
        "# Benchmark results",
        "",
        f"Measured {r['when']} on {r['machine']}, with `{r.get('command', 'python bench/run.py')}` ({r['reps']} reruns per page).",
        "Times are through Streamlit's own server and WebSocket protocol (bench/client.py); every page's",
        "rerun is given as a ratio to B0, an empty Streamlit page with one slider on a second server, whose",
        "reruns are interleaved with the page's in the same rounds (the ratio holds when the machine's load",
        "changes during the run; B0's own line below is measured alone, first).",
        "",
        f"B0 rerun after a slider change: p50 {b0 * 1000:.1f} ms, p95 {r['B0']['rerun_p95_s'] * 1000:.1f} ms; "
        f"bytes per unchanged rerun {r['B0']['unchanged_bytes']}.",
        "",
        "## Pages on the real dataset",
        "",
        "| page | rerun p50 (ms) | B0 p50 in the same rounds (ms) | ratio to B0 (target ≤ 2) | rerun p95 (ms) | bytes per filter change | bytes per unchanged rerun (target ≤ 1024) | first load (ms, bytes) |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for page, m in r["real"].items():
        if page.startswith("_"):
            continue
        ratio = m["rerun_p50_s"] / (m.get("b0_rerun_p50_s") or b0)
        lines.append(
            f"| {page} | {m['rerun_p50_s'] * 1000:.0f} | {(m.get('b0_rerun_p50_s') or b0) * 1000:.0f} | "
            f"{ratio:.1f} ({verdict(ratio <= TARGETS['rerun_ratio'])}) | "
            f"{m['rerun_p95_s'] * 1000:.0f} | {m['change_bytes_median']:,} | {m['unchanged_bytes']:,} "
            f"({verdict(m['unchanged_bytes'] <= TARGETS['unchanged_bytes'])}) | {m['first_load_s'] * 1000:.0f}, {m['first_load_bytes']:,} |"
        )
    mp = r["real"]["map"]
    lines += [
        "",
        f"Map: {mp.get('map_places')} places, {mp.get('map_bytes_per_place')} bytes per place in the places layer "
        f"(target ≤ {TARGETS['map_bytes_per_place']}: {verdict(mp.get('map_bytes_per_place', 1e9) <= TARGETS['map_bytes_per_place'])}); "
        f"the whole map element is {mp.get('map_element_bytes', 0):,} bytes.",
        "",
    ]
    lines += [
        "## Scale",
        "",
        "Every page's rerun p50 after a filter change (ms, and × B0 in the same rounds; target ≤ 3× at 10×, map ≤ 5× at 100×):",
        "",
        "| dataset | build (s) | "
        + " | ".join(p or "map" for p, _ in PAGES)
        + " | map bytes per filter change | server memory (MiB) |",
        "|---|---|" + "---|" * len(PAGES) + "---|---|",
    ]
    for key, label in (("real", "1x"), ("scale_10x", "10x"), ("scale_100x", "100x")):
        if key not in r:
            continue
        s = r[key]
        cells = [
            f"{s[p]['rerun_p50_s'] * 1000:.0f} ({s[p]['rerun_p50_s'] / (s[p].get('b0_rerun_p50_s') or b0):.1f}×)"
            for p in (p or "map" for p, _ in PAGES)
            if p in s
        ]
        lines.append(
            f"| {label} | {r['build_s'].get(label, 0):.1f} | {' | '.join(cells)} | {s['map']['change_bytes_median']:,} | {s['_server_rss_mb']:.0f} |"
        )
    lines += [
        "",
        "## Concurrency (a filter change every 2–5 s per session)",
        "",
        "The same load on B0's empty page shows the floor the server itself sets on this machine:",
        "",
        "| sessions | B0 p50 (ms) | B0 p95 (ms) | B0 p95 ÷ single-session p95 | failed sessions |",
        "|---|---|---|---|---|",
    ]
    for n, c in r.get("concurrency_B0", {}).items():
        lines.append(f"| {n} | {c['p50_s'] * 1000:.0f} | {c['p95_s'] * 1000:.0f} | {c['p95_ratio']} | {c['failed_sessions']} |")
    lines += [
        "",
        "The map page:",
        "",
        "| sessions | p50 (ms) | p95 (ms) | p95 ÷ single-session p95 | failed sessions | server memory per session (MiB) |",
        "|---|---|---|---|---|---|",
    ]
    for n, c in r["concurrency"].items():
        target = f" (target ≤ 3 at 25: {verdict(c['p95_ratio'] <= 3)})" if str(n) == "25" and c["p95_ratio"] else ""
        lines.append(
            f"| {n} | {c['p50_s'] * 1000:.0f} | {c['p95_s'] * 1000:.0f} | {c['p95_ratio']}{target} | {c['failed_sessions']} | {c['rss_mb_per_session']} |"
        )
    lines += browser_section()
    lines += controls_section()
    lines += static_section()
    lines += proxy_section()
    notes = ROOT / "bench" / "analysis.md"
    if notes.exists():
        lines += ["", notes.read_text(encoding="utf-8").rstrip()]
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    main()
