"""The production setup: `deploy/serve.py` (what `make serve` runs), two replicas behind Debian's nginx.

Every wait is for an event: a line the server prints ("served at", "healthy again") or a process
ending, each with the one timeout of tests/browser.py.
"""

from __future__ import annotations

import os
import select
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from .browser import CHROMIUM_ARGS, ROOT, TIMEOUT_MS, PageWatch, chromium_path, error_messages, wait_ready

pytestmark = pytest.mark.browser
BASE = "/atlas"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _await_line(proc: subprocess.Popen, text: str) -> None:
    """Until the server prints a line containing ``text`` (it says when it is up, when a replica is back)."""
    assert proc.stdout is not None
    deadline = time.monotonic() + TIMEOUT_MS / 1000
    while True:
        ready, _, _ = select.select([proc.stdout], [], [], max(0.0, deadline - time.monotonic()))
        if not ready:
            raise AssertionError(f"the server did not say {text!r} in time")
        line = proc.stdout.readline()
        if not line:
            raise AssertionError(f"the server stopped before saying {text!r}")
        if text in line:
            return


def _await_exit(pid: int) -> None:
    """Until process ``pid`` (not our child) has ended: its pidfd becomes readable."""
    fd = os.pidfd_open(pid)
    try:
        assert select.select([fd], [], [], TIMEOUT_MS / 1000)[0], f"process {pid} did not end"
    finally:
        os.close(fd)


def _start(args: list[str], built: Path) -> subprocess.Popen:
    cmd = [sys.executable, "-u", str(ROOT / "deploy" / "serve.py"), *args]
    env = {**os.environ, "HRCMAP_PROCESSED": str(built)}
    return subprocess.Popen(cmd, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, bufsize=1)


def _listening(port: int) -> bool:
    with socket.socket() as s:
        return s.connect_ex(("127.0.0.1", port)) == 0


def _get(url: str, data: bytes | None = None, headers: dict | None = None):
    """(status, headers, body) of a request, whatever its status."""
    req = urllib.request.Request(url, data=data, headers=headers or {})
    try:
        with urllib.request.urlopen(req, timeout=30) as r:
            return r.status, r.headers, r.read()
    except urllib.error.HTTPError as e:
        return e.code, e.headers, e.read()


@pytest.fixture(scope="module")
def served(built, tmp_path_factory):
    run = tmp_path_factory.mktemp("serve")
    port = _free_port()
    proc = _start(["--replicas", "2", "--port", str(port), "--base", BASE, "--run-dir", str(run)], built)
    try:
        _await_line(proc, "hrcmap is served at")
        yield f"http://127.0.0.1:{port}{BASE}", run, proc
    finally:
        if proc.poll() is None:
            proc.send_signal(signal.SIGTERM)
            proc.wait(timeout=60)


def _replica_ports(run: Path) -> list[int]:
    return sorted(int(p.stem.removeprefix("replica-")) for p in run.glob("replica-*.log"))


def test_the_proxy_serves_the_app_with_the_headers_a_public_site_needs(served):
    url, _, _ = served
    status, headers, body = _get(url + "/")
    assert status == 200 and b'<div id="root">' in body
    csp = headers["Content-Security-Policy"]
    assert "default-src 'self'" in csp and "connect-src 'self' ws: wss:" in csp and "frame-ancestors *" in csp
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert headers["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert headers["Set-Cookie"].startswith("hrcmap_route=") and f"Path={BASE}/" in headers["Set-Cookie"]
    assert _get(f"http://127.0.0.1:{url.split(':')[2].split('/')[0]}/healthz")[2] == b"ok"


def test_static_assets_are_compressed_and_cached_for_a_year(served):
    url, _, _ = served
    page = _get(url + "/")[2].decode()
    script = next(part.split('"')[0] for part in page.split('src="')[1:] if ".js" in part.split('"')[0])
    status, headers, _ = _get(
        url + "/" + script.removeprefix("./").lstrip("/").removeprefix(BASE.strip("/") + "/"), headers={"Accept-Encoding": "gzip"}
    )
    assert status == 200 and headers["Content-Encoding"] == "gzip"
    assert headers["Cache-Control"] == "public, max-age=31536000, immutable"


def test_a_reader_session_runs_through_the_proxy_websocket(served):
    from bench.client import Session

    url, _, _ = served
    session = Session(url)
    try:
        result = session.run("")
        assert result.bytes > 10_000 and result.messages > 10  # the map page, drawn by a replica behind nginx
    finally:
        session.close()


def test_a_killed_replica_is_routed_around_and_restarted(served):
    url, run, proc = served
    victim = _replica_ports(run)[0]
    pid = subprocess.run(["fuser", f"{victim}/tcp"], capture_output=True, text=True).stdout.split()
    owner = int(pid[0]) if pid else None
    if owner is None:  # fuser is not everywhere: find the replica by its command line
        found = subprocess.run(
            ["pgrep", "-f", "--", f"--server.port {victim}( |$)"], capture_output=True, text=True
        ).stdout.split()
        owner = int(found[0])
    os.kill(owner, signal.SIGKILL)
    _await_exit(owner)
    assert all(_get(url + "/")[0] == 200 for _ in range(5))  # the other replica answers meanwhile
    _await_line(proc, f"replica on port {victim} is healthy again")
    assert _get(f"http://127.0.0.1:{victim}{BASE}/_stcore/health")[2] == b"ok"


def test_the_app_draws_through_the_proxy_under_its_content_security_policy(served):
    from playwright.sync_api import sync_playwright

    url, _, _ = served
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS)
        ctx = browser.new_context()
        ctx.set_default_timeout(TIMEOUT_MS)
        page = ctx.new_page()
        watch = PageWatch(page, offline=True)
        page.goto(url + "/")
        wait_ready(page)
        page.locator("[data-testid='stDeckGlJsonChart'] canvas").first.wait_for(state="attached")
        wait_ready(page)
        assert error_messages(page) == [] and watch.outside == []
        refused = [e for e in watch.console_errors if "Content Security Policy" in e]
        assert refused == [] and watch.real_console_errors == [], watch.console_errors
        browser.close()


# last of the tests on the shared server: it leaves this address rate-limited for a moment
def test_an_oversized_request_and_a_flood_get_plain_refusals(served):
    url, _, _ = served
    status, _, body = _get(url + "/", data=b"x" * 2_000_000, headers={"Content-Type": "application/octet-stream"})
    assert status == 413 and body.decode().startswith("This request is too large")
    from concurrent.futures import ThreadPoolExecutor

    with ThreadPoolExecutor(max_workers=40) as pool:  # far more at once than the burst one address may send
        answers = list(pool.map(lambda _: _get(url + "/"), range(400)))
    refused = [body for status, _, body in answers if status == 429]
    assert refused and any(status == 200 for status, _, _ in answers)
    assert all(body.decode().startswith("Too many requests from your address") for body in refused)


def test_stopping_stops_the_proxy_and_every_replica(built, tmp_path):
    run, port = tmp_path / "run", _free_port()
    proc = _start(["--replicas", "1", "--port", str(port), "--run-dir", str(run)], built)
    _await_line(proc, "hrcmap is served at")
    replicas = _replica_ports(run)
    assert _listening(port) and all(_listening(p) for p in replicas)
    proc.send_signal(signal.SIGTERM)
    assert proc.wait(timeout=60) == 0
    assert not _listening(port) and not any(_listening(p) for p in replicas)


def test_a_replica_that_cannot_start_is_reported_and_nothing_is_left_running(tmp_path):
    run, port = tmp_path / "run", _free_port()
    cmd = [sys.executable, str(ROOT / "deploy" / "serve.py"), "--replicas", "1", "--port", str(port), "--run-dir", str(run)]
    env = {**os.environ, "STREAMLIT_SERVER_MAX_UPLOAD_SIZE": "not-a-number"}  # streamlit refuses to start
    done = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=TIMEOUT_MS / 1000)
    assert done.returncode == 1 and "did not start; the end of its log" in done.stderr
    assert not _listening(port)


def test_each_page_and_each_profile_previews_with_its_own_title(served):
    base, _run, _proc = served
    _, _, body = _get(f"{base}/timeline")
    head = body.decode("utf-8")
    assert "<title>The movement over time · hrcmap</title>" in head and "<title>Streamlit</title>" not in head
    assert f'<meta property="og:image" content="{base}/preview.png">' in head
    _, _, body = _get(f"{base}/cities?city=graz-aut")
    assert "<title>Graz, Austria · hrcmap</title>" in body.decode("utf-8")
    status, headers, body = _get(f"{base}/preview.png")
    assert status == 200 and headers["Content-Type"] == "image/png" and body[:8] == b"\x89PNG\r\n\x1a\n"
