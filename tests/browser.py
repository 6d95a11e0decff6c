"""Helpers for the real-browser tests: a streamlit server on a free port, Debian's headless Chromium.

Every wait is for a condition, with one generous timeout (``TIMEOUT_MS``): on a busy 2-core
machine a map can take half a minute to draw, and a test must not pass or fail by luck.
"""

from __future__ import annotations

import os
import re
import shutil
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import urlparse

ROOT = Path(__file__).resolve().parent.parent
# one timeout for everything a test waits for; HRCMAP_BROWSER_TIMEOUT_S raises it on a slower machine
TIMEOUT_MS = int(float(os.environ.get("HRCMAP_BROWSER_TIMEOUT_S", "120")) * 1000)
LOCAL_HOSTS = {"localhost", "127.0.0.1", "::1", "[::1]"}
# Streamlit's front end first looks for its server under the page's own path (/timeline/_stcore/…),
# gets a 404, then finds it at the root. These two probes are Streamlit's, not ours.
STREAMLIT_PROBES = ("/_stcore/health", "/_stcore/host-config")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-quic",
    "--no-first-run",
]
MAIN = "[data-testid='stMain']"
# what Streamlit draws for an uncaught exception, and for st.error
ERROR_ELEMENTS = "[data-testid='stException'], [data-testid='stAlertContentError']"


def chromium_path() -> str:
    path = shutil.which("chromium") or shutil.which("chromium-browser")
    if not path:
        raise RuntimeError("Debian's chromium is not installed: run `make test`, which installs it")
    return path


@contextmanager
def streamlit_server(processed: Path | None, app: Path = ROOT / "dashboard.py", env: dict[str, str] | None = None):
    """Run ``app`` on a free local port against ``processed``; yield its base URL."""
    from bench.client import server

    with server(app, processed, env=env, start_timeout=TIMEOUT_MS / 1000) as (url, _):
        yield url


class PageWatch:
    """What a page did: outside requests (aborted when offline), console errors, dialogs, failed responses."""

    def __init__(self, page, offline: bool = True):
        self.outside: list[str] = []
        self.console_errors: list[str] = []
        self.dialogs: list[str] = []
        self.failed: list[str] = []
        page.on("console", lambda m: self.console_errors.append(m.text) if m.type == "error" else None)
        page.on("dialog", self._dialog)
        page.on("response", lambda r: self.failed.append(r.url) if r.status >= 400 else None)

        def route(r):
            host = urlparse(r.request.url).hostname or ""
            if r.request.url.startswith(("data:", "blob:")) or host in LOCAL_HOSTS:
                return r.continue_()
            self.outside.append(r.request.url)
            return r.abort() if offline else r.continue_()

        page.route("**/*", route)

    def _dialog(self, dialog) -> None:
        self.dialogs.append(dialog.message)
        dialog.dismiss()

    @property
    def real_failures(self) -> list[str]:
        return [u for u in self.failed if not urlparse(u).path.endswith(STREAMLIT_PROBES)]

    @property
    def real_console_errors(self) -> list[str]:
        # each failed Streamlit probe logs one "Failed to load resource" line
        probes = len(self.failed) - len(self.real_failures)
        errors = list(self.console_errors)
        for _ in range(probes):
            if "Failed to load resource" in " ".join(errors):
                errors.remove(next(e for e in errors if "Failed to load resource" in e))
        return errors


def wait_ready(page) -> None:
    """Until the app is connected and its script has finished running."""
    page.wait_for_selector("[data-testid='stApp'][data-test-connection-state='CONNECTED']", timeout=TIMEOUT_MS)
    page.wait_for_selector("[data-testid='stApp'][data-test-script-state='notRunning']", timeout=TIMEOUT_MS)


def wait_for_text(page, text: str, where: str = MAIN) -> None:
    """Until ``text`` is shown in ``where`` (the main area by default).

    Word joiners (U+2060), which hrcmap.escape puts inside addresses so they are not made links,
    are invisible and left out of the comparison.
    """
    page.wait_for_function(
        "([sel, t]) => document.querySelector(sel)?.innerText.replaceAll('\\u2060', '').includes(t)",
        arg=[where, text],
        timeout=TIMEOUT_MS,
    )


def error_messages(page) -> list[str]:
    """The texts of Streamlit's exception and error boxes on the page."""
    return [e.inner_text() for e in page.query_selector_all(ERROR_ELEMENTS)]


def choose(page, label: str, option: str) -> None:
    """Pick ``option`` in the sidebar multiselect labelled ``label``.

    A rerun that lands just after the click redraws the widget and closes its list, so the list
    is opened again until the option shows (each try waits for the condition, never for a time).
    """
    import time

    from playwright.sync_api import TimeoutError as PlaywrightTimeout

    box = page.locator("[data-testid='stSidebar'] [data-testid='stMultiSelect']").filter(has_text=label).first
    # the option's label carries the places it would show: "Europe (3 places)"
    choice = page.get_by_role("option", name=re.compile(rf"^{re.escape(option)}( \(\d+ places?\))?$"))
    deadline = time.monotonic() + TIMEOUT_MS / 1000
    while True:
        wait_ready(page)
        box.locator("input").click()
        try:
            choice.wait_for(state="visible", timeout=min(15_000, TIMEOUT_MS))
            break
        except PlaywrightTimeout:
            if time.monotonic() > deadline:
                raise
            page.keyboard.press("Escape")
    choice.click()
    page.keyboard.press("Escape")
