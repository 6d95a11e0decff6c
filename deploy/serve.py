"""Serve hrcmap to many readers: N Streamlit replicas behind nginx, started and stopped together.

    python deploy/serve.py                      # one replica per core, on http://127.0.0.1:8080/
    python deploy/serve.py --replicas 2 --port 8080 --base /atlas

`make serve` runs this (and installs Debian's nginx first if it is missing). It starts the
replicas on free local ports, waits until each answers its health check (a replica that fails to
start is reported with the end of its log, and nothing is left running), writes the proxy's
configuration from deploy/nginx.conf.template into the run folder, and starts nginx in the
foreground. It restarts a replica that dies. Ctrl+C (or SIGTERM) stops nginx and every replica.
"""

from __future__ import annotations

import argparse
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TEMPLATE = Path(__file__).with_name("nginx.conf.template")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _listening(port: int) -> bool:
    with socket.socket() as s:
        return s.connect_ex(("127.0.0.1", port)) == 0


def nginx_binary() -> str:
    found = shutil.which("nginx") or next((p for p in ("/usr/sbin/nginx", "/sbin/nginx") if Path(p).exists()), None)
    if not found:
        sys.exit("nginx is not installed: run `make serve`, which installs Debian's nginx, or `apt-get install nginx`.")
    return found


def render_config(
    port: int,
    replica_ports: list[int],
    base: str,
    run: Path,
    rate: int = 20,
    burst: int = 120,
    sessions: int = 20,
    preview_maps: str = "",
    preview: Path | None = None,
) -> str:
    """The proxy's configuration for these ports, base path and run folder."""
    sys.path.insert(0, str(ROOT))
    from hrcmap.previews import head_tags

    servers = "\n".join(f"        server 127.0.0.1:{p} max_fails=2 fail_timeout=5s;" for p in replica_ports)
    values = {
        "replicas": str(len(replica_ports)),
        "run": str(run),
        "mime_types": "/etc/nginx/mime.types",
        "servers": servers,
        "port": str(port),
        "base": base,
        "rate": str(rate),
        "burst": str(burst),
        "sessions": str(sessions),
        "preview_maps": preview_maps
        or '    map $uri $hrcmap_title { default "hrcmap"; }\n    map $uri $hrcmap_description { default ""; }',
        "head_tags": head_tags(base),
        "preview": str(preview or run / "preview.png"),
    }
    text = TEMPLATE.read_text(encoding="utf-8")
    for key, value in values.items():
        text = text.replace("{{" + key + "}}", value)
    return text


class Replica:
    """One `streamlit run dashboard.py` on a local port, its output in a log file."""

    def __init__(self, port: int, base: str, run: Path):
        self.port, self.base, self.log = port, base, run / f"replica-{port}.log"
        self.proc: subprocess.Popen | None = None

    def start(self) -> None:
        cmd = [sys.executable, "-m", "streamlit", "run", str(ROOT / "dashboard.py")]
        cmd += ["--server.port", str(self.port), "--server.address", "127.0.0.1", "--server.headless", "true"]
        if self.base:
            cmd += ["--server.baseUrlPath", self.base.strip("/")]
        with self.log.open("ab") as log:
            self.proc = subprocess.Popen(cmd, cwd=ROOT, stdout=log, stderr=subprocess.STDOUT, start_new_session=True)

    def healthy(self) -> bool:
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{self.port}{self.base}/_stcore/health", timeout=2) as r:
                return r.status == 200
        except OSError:
            return False

    def alive(self) -> bool:
        return self.proc is not None and self.proc.poll() is None

    def tail(self, lines: int = 15) -> str:
        text = self.log.read_text(encoding="utf-8", errors="replace") if self.log.exists() else ""
        return "\n".join(text.splitlines()[-lines:])

    def stop(self) -> None:
        if self.alive():
            assert self.proc is not None
            os.killpg(self.proc.pid, signal.SIGTERM)
            try:
                self.proc.wait(timeout=15)
            except subprocess.TimeoutExpired:
                os.killpg(self.proc.pid, signal.SIGKILL)


def wait_healthy(replicas: list[Replica], timeout: float) -> Replica | None:
    """None when every replica answers its health check; else the first that died or never answered."""
    deadline = time.monotonic() + timeout
    waiting = list(replicas)
    while waiting:
        for r in list(waiting):
            if not r.alive():
                return r
            if r.healthy():
                waiting.remove(r)
        if waiting and time.monotonic() > deadline:
            return waiting[0]
        time.sleep(0.5)
    return None


def link_previews(base: str, preview: Path) -> str:
    """The proxy's title and preview maps for the data being served, and its preview image, written to
    ``preview`` (readable by nginx's workers, which run as another user). Without a readable dataset
    the pages keep Streamlit's own title."""
    import json

    sys.path.insert(0, str(ROOT))
    from hrcmap import filters, mapstill
    from hrcmap.load import DataUnavailable, load_dataset
    from hrcmap.paths import COUNTRIES_GEOJSON, processed_dir
    from hrcmap.previews import nginx_maps
    from hrcmap.provenance import image_source, licence_name
    from hrcmap.state import ViewState

    try:
        data = load_dataset(processed_dir())
    except DataUnavailable as exc:
        print(f"link previews left out: {exc}", file=sys.stderr)
        return ""
    events = filters.filter_events(data.events, ViewState())
    places = filters.places_view(data.places, events, data.networks)
    outlines = json.loads(COUNTRIES_GEOJSON.read_text(encoding="utf-8"))
    source = image_source(data.version, licence_name(data.package), events)
    png = mapstill.map_image(places, outlines, "png", "Human rights cities of the world", "", source, size=(1200, 630))
    preview.write_bytes(png)
    preview.chmod(0o644)
    return nginx_maps(data, base)


def serve(
    replicas: int,
    port: int,
    base: str,
    run: Path,
    start_timeout: float,
    ready_file: Path | None = None,
    limits: tuple[int, int, int] = (20, 120, 20),
) -> int:
    """Long because starting, supervising and stopping the replicas and the proxy is one sequence."""
    base = ("/" + base.strip("/")) if base.strip("/") else ""
    run.mkdir(parents=True, exist_ok=True)
    for sub in ("body", "proxy", "fastcgi", "uwsgi", "scgi"):
        (run / "tmp" / sub).mkdir(parents=True, exist_ok=True)
    nginx = nginx_binary()
    workers = [Replica(free_port(), base, run) for _ in range(replicas)]
    proxy: subprocess.Popen | None = None
    public: Path | None = None
    stopping = False

    def stop(*_: object) -> None:
        nonlocal stopping
        stopping = True

    signal.signal(signal.SIGTERM, stop)
    signal.signal(signal.SIGINT, stop)
    try:
        for w in workers:
            w.start()
        failed = wait_healthy(workers, start_timeout)
        if failed is not None:
            print(f"replica on port {failed.port} did not start; the end of its log ({failed.log}):", file=sys.stderr)
            print(failed.tail(), file=sys.stderr)
            return 1
        conf = run / "nginx.conf"
        public = Path(tempfile.mkdtemp(prefix="hrcmap-preview-"))  # under /tmp, which nginx's workers can enter
        public.chmod(0o755)
        maps = link_previews(base, public / "preview.png")
        conf.write_text(
            render_config(port, [w.port for w in workers], base, run, *limits, preview_maps=maps, preview=public / "preview.png"),
            encoding="utf-8",
        )
        test = subprocess.run([nginx, "-t", "-p", str(run), "-c", str(conf)], capture_output=True, text=True)
        if test.returncode != 0:
            print(test.stderr, file=sys.stderr)
            return 1
        proxy = subprocess.Popen([nginx, "-p", str(run), "-c", str(conf), "-g", "daemon off;"], start_new_session=True)
        while not _listening(port):  # ready means ready: nginx has bound its port
            if proxy.poll() is not None:
                print(f"nginx did not start (exit {proxy.returncode}); see {run / 'error.log'}", file=sys.stderr)
                return 1
            time.sleep(0.2)
        noun = "replica" if replicas == 1 else "replicas"
        print(f"hrcmap is served at http://127.0.0.1:{port}{base}/ by {replicas} {noun}; Ctrl+C stops it.", flush=True)
        if ready_file is not None:
            ready_file.write_text(f"{port}\n", encoding="utf-8")
        restarting: set[Replica] = set()
        while not stopping:
            if proxy.poll() is not None:
                print(f"nginx stopped (exit {proxy.returncode}); see {run / 'error.log'}", file=sys.stderr)
                return 1
            for w in workers:
                if not w.alive():
                    print(f"replica on port {w.port} stopped; restarting it", file=sys.stderr, flush=True)
                    w.start()
                    restarting.add(w)
                elif w in restarting and w.healthy():
                    print(f"replica on port {w.port} is healthy again", file=sys.stderr, flush=True)
                    restarting.discard(w)
            time.sleep(1)
        return 0
    finally:
        if proxy is not None and proxy.poll() is None:
            proxy.send_signal(signal.SIGQUIT)  # graceful: finish the requests in flight
            try:
                proxy.wait(timeout=15)
            except subprocess.TimeoutExpired:
                proxy.kill()
        for w in workers:
            w.stop()
        if public is not None:
            shutil.rmtree(public, ignore_errors=True)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--replicas", type=int, default=os.cpu_count() or 1, help="Streamlit processes (default: one per core)")
    ap.add_argument("--port", type=int, default=8080, help="the public port nginx listens on")
    ap.add_argument("--base", default="", help="serve under this path, e.g. /atlas (default: the root)")
    ap.add_argument("--run-dir", type=Path, default=None, help="where the configuration, logs and pid go")
    ap.add_argument("--start-timeout", type=float, default=180)
    ap.add_argument("--ready-file", type=Path, default=None, help="written once the proxy is up (for scripts and tests)")
    ap.add_argument("--rate", type=int, default=20, help="requests a second one address may send (beyond its burst)")
    ap.add_argument("--burst", type=int, default=120, help="requests one address may send at once")
    ap.add_argument("--sessions-per-address", type=int, default=20, help="open sessions (WebSockets) one address may hold")
    a = ap.parse_args()
    run = a.run_dir or Path(tempfile.gettempdir()) / f"hrcmap-serve-{a.port}"
    limits = (a.rate, a.burst, a.sessions_per_address)
    sys.exit(serve(a.replicas, a.port, a.base, run, a.start_timeout, a.ready_file, limits))


if __name__ == "__main__":
    main()
