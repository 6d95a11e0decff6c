"""Load through the production proxy: `deploy/serve.py` with 2 replicas behind nginx, on the bundled data.

    python bench/proxy.py              # 1, 25, 50 and 100 sessions, then the fault run
    python bench/proxy.py --quick      # 1, 25 and 50 sessions, fewer changes each

Every session loads the map and changes a filter every 2–5 s (seeded), through nginx's WebSocket.
The fault run kills one replica while 25 sessions are running: sessions on the other replica
carry on, new sessions after the kill go to the live one, and serve.py restarts the killed one.
Also: a first visit's bytes through the proxy (compressed) and without it, in headless Chromium.
Writes bench/results/proxy.json; `python bench/run.py --render` puts it into RESULTS.md.
"""

from __future__ import annotations

import argparse
import json
import os
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.client import Session, rss_mb
from bench.run import load

SPAN = (1974, 2026)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _replica_pids(run: Path) -> list[int]:
    ports = sorted(int(p.stem.removeprefix("replica-")) for p in run.glob("replica-*.log"))
    pids = []
    for port in ports:
        found = subprocess.run(["pgrep", "-f", "--", f"--server.port {port}( |$)"], capture_output=True, text=True).stdout.split()
        pids += [int(found[0])] if found else []
    return pids


def _memory(run: Path) -> float:
    return sum(rss_mb(pid) for pid in _replica_pids(run))


def first_visit_bytes(url: str) -> dict:
    """Bytes a first visit of the map receives: as sent (compressed where the proxy gzips) and decoded."""
    from playwright.sync_api import sync_playwright

    from tests.browser import CHROMIUM_ARGS, chromium_path

    sent, decoded = [], []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS)
        page = browser.new_context().new_page()

        def count(response) -> None:
            try:
                decoded.append(len(response.body()))
                sent.append(response.request.sizes()["responseBodySize"])
            except Exception:  # a redirect has no body
                pass

        page.on("response", count)
        page.goto(url)
        page.locator("[data-testid='stDeckGlJsonChart'] canvas").first.wait_for(state="attached", timeout=180_000)
        page.wait_for_load_state("networkidle")
        browser.close()
    return {"sent": sum(sent), "decoded": sum(decoded)}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--quick", action="store_true")
    a = ap.parse_args()
    levels = [1, 25, 50] if a.quick else [1, 25, 50, 100]
    reruns = 3 if a.quick else 5
    run, port = Path(tempfile.mkdtemp(prefix="hrcmap-proxy-bench-")), _free_port()
    cmd = [sys.executable, "-u", str(ROOT / "deploy" / "serve.py"), "--replicas", "2", "--port", str(port), "--run-dir", str(run)]
    # one address sends every session here: lift the per-address limits for the measurement
    env = {**os.environ, "HRCMAP_PROCESSED": str(ROOT / "data" / "processed")}
    serve = subprocess.Popen(
        [*cmd, "--rate", "10000", "--burst", "10000", "--sessions-per-address", "1000"],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,  # its notes on replicas (restarted, healthy again) come with its output
        text=True,
    )
    assert serve.stdout is not None
    for line in serve.stdout:
        if "hrcmap is served at" in line:
            break
    url = f"http://127.0.0.1:{port}"
    out: dict = {"when": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()), "replicas": 2, "levels": {}}
    try:
        for _ in range(2):  # warm both replicas
            Session(url).run("")
        out["memory_idle_mib"] = round(_memory(run), 1)
        for n in levels:
            out["levels"][n] = load(url, n, SPAN, reruns, memory=lambda: _memory(run))
            print(
                f"  {n:>3} sessions through the proxy: p95 {out['levels'][n]['p95_s']}, failed {out['levels'][n]['failed_sessions']}"
            )
        single = out["levels"][levels[0]]["p95_s"]
        for n in levels:
            p95 = out["levels"][n]["p95_s"]
            out["levels"][n]["p95_ratio"] = round(p95 / single, 2) if p95 and single else None
        out["memory_after_mib"] = round(_memory(run), 1)

        def kill_one() -> None:
            time.sleep(8)  # the sessions are mid-run
            victim = _replica_pids(run)[0]
            os.kill(victim, signal.SIGKILL)
            out["fault_killed_pid"] = victim
            fresh = Session(url)  # a new reader after the kill lands on the live replica
            out["fault_new_session_bytes"] = fresh.run("").bytes
            fresh.close()

        out["fault"] = load(url, 25, SPAN, reruns, seed=11, during=kill_one)
        back = threading.Event()

        def restarted() -> None:
            for line in serve.stdout:  # type: ignore[union-attr]
                if "is healthy again" in line:
                    back.set()
                    return

        threading.Thread(target=restarted, daemon=True).start()
        out["fault_replica_back"] = back.wait(timeout=180)
        print(
            f"  fault: {out['fault']['failed_sessions']} of 25 sessions failed; new session got {out['fault_new_session_bytes']} bytes; replica back: {out['fault_replica_back']}"
        )
        out["first_visit_bytes_proxy"] = first_visit_bytes(url + "/")
    finally:
        serve.send_signal(signal.SIGTERM)
        serve.wait(timeout=60)
    results = ROOT / "bench" / "results"
    results.mkdir(exist_ok=True)
    (results / "proxy.json").write_text(json.dumps(out, indent=1, default=str) + "\n")
    print(json.dumps(out, indent=1, default=str))


if __name__ == "__main__":
    main()
