"""A headless Streamlit client: speaks the app's own WebSocket protocol (protobuf BackMsg/ForwardMsg).

It behaves like a browser tab for what the benchmarks measure: it asks for a page, answers with
widget states, and tells the server which cacheable messages it already holds, so an unchanged
element costs a short reference instead of its full payload.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
import urllib.request
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg
from websockets.sync.client import connect

ROOT = Path(__file__).resolve().parent.parent


@dataclass
class RunResult:
    seconds: float
    bytes: int
    messages: int
    deltas: list = field(default_factory=list)


class Session:
    """One browser-like session on a running server."""

    def __init__(self, base_url: str):
        ws_url = base_url.replace("http://", "ws://") + "/_stcore/stream"
        self.ws = connect(ws_url, subprotocols=["streamlit"], max_size=None, open_timeout=30)
        self.cached: set[str] = set()
        self.pages: dict[str, str] = {}  # url path → page_script_hash
        self.widget_ids: dict[str, str] = {}  # user key → element id

    def close(self) -> None:
        self.ws.close()

    def run(self, page: str = "", query: str = "", widgets: list | None = None, timeout: float = 120) -> RunResult:
        """Ask for a rerun of ``page`` and read until the script finishes; time and bytes received."""
        msg = BackMsg()
        state = msg.rerun_script
        state.query_string = query
        state.page_name = page
        if page in self.pages:
            state.page_script_hash = self.pages[page]
        for w in widgets or []:
            state.widget_states.widgets.append(w)
        state.cached_message_hashes.extend(sorted(self.cached))
        started = time.perf_counter()
        self.ws.send(msg.SerializeToString())
        total = count = 0
        deltas = []
        deadline = started + timeout
        while True:
            raw = self.ws.recv(timeout=max(0.1, deadline - time.perf_counter()))
            total += len(raw)
            count += 1
            fwd = ForwardMsg()
            fwd.ParseFromString(raw)
            kind = fwd.WhichOneof("type")
            if fwd.metadata.cacheable and fwd.hash:
                self.cached.add(fwd.hash)
            if kind == "new_session":
                for p in fwd.new_session.app_pages:
                    self.pages[p.url_pathname] = p.page_script_hash
            elif kind == "navigation":
                for p in fwd.navigation.app_pages:
                    self.pages[p.url_pathname] = p.page_script_hash
            elif kind == "delta":
                deltas.append(fwd.delta)
                self._note_widget(fwd.delta)
            elif kind == "script_finished":
                return RunResult(time.perf_counter() - started, total, count, deltas)

    def _note_widget(self, delta) -> None:
        el = delta.new_element if delta.WhichOneof("type") == "new_element" else None
        if el is None:
            return
        inner = getattr(el, el.WhichOneof("type") or "", None)
        wid = getattr(inner, "id", "") if inner is not None else ""
        if isinstance(wid, str) and wid.startswith("$$ID-") and "-" in wid[5:]:
            self.widget_ids[wid.split("-", 2)[-1]] = wid


def slider_state(widget_id: str, low: float, high: float):
    from streamlit.proto.WidgetStates_pb2 import WidgetState

    w = WidgetState(id=widget_id)
    w.double_array_value.data.extend([low, high])
    return w


@contextmanager
def server(
    app: Path, processed: Path | None = None, port: int = 0, env: dict[str, str] | None = None, start_timeout: float = 120
):
    """``streamlit run app`` on a free local port; yields (base_url, pid).

    The benchmarks and the browser tests both start the app through this. What the server writes
    to stderr goes to a temporary file (a pipe nobody reads could fill and stall it) and its last
    lines are shown if it fails to start.
    """
    import socket
    import tempfile

    if not port:
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            port = s.getsockname()[1]
    env = {**os.environ, **(env or {})}
    if processed is not None:
        env["HRCMAP_PROCESSED"] = str(processed)
    cmd = [
        sys.executable,
        "-m",
        "streamlit",
        "run",
        str(app),
        "--server.port",
        str(port),
        "--server.address",
        "127.0.0.1",
        "--server.headless",
        "true",
        "--browser.gatherUsageStats",
        "false",
        "--server.fileWatcherType",
        "none",
    ]
    with tempfile.TemporaryFile() as errors:
        proc = subprocess.Popen(cmd, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=errors)
        url = f"http://127.0.0.1:{port}"
        try:
            deadline = time.monotonic() + start_timeout
            while True:
                try:
                    with urllib.request.urlopen(url + "/_stcore/health", timeout=2):
                        break
                except OSError:
                    if proc.poll() is not None or time.monotonic() > deadline:
                        errors.seek(0)
                        raise RuntimeError(
                            f"server for {app} did not start: " + errors.read().decode(errors="replace")[-2000:]
                        ) from None
                    time.sleep(0.3)
            yield url, proc.pid
        finally:
            proc.terminate()
            try:
                proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                proc.kill()


def rss_mb(pid: int) -> float:
    """Resident memory of a process, in MiB (Linux)."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")
