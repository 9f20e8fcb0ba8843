"""The built site, served on loopback, and Chromium that may reach nothing else."""

from __future__ import annotations

import asyncio
import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from contextlib import contextmanager
from pathlib import Path

from ..browser.conftest import CHROMIUM_ARGS, chromium_path
from ..helpers import REPO

ARTIFACTS = REPO / "test-artifacts" / "lite"
#: window.jupyterapp's current notebook: its path, kernel status, whether it has unsaved changes
STATE = """() => {
  const w = window.jupyterapp && window.jupyterapp.shell.currentWidget;
  const k = w && w.sessionContext && w.sessionContext.session && w.sessionContext.session.kernel;
  return w && w.context ? {path: w.context.path, status: k ? k.status : null} : null;
}"""


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Server:
    """``python -m http.server`` on 127.0.0.1: any static server will do, this is the plainest."""

    def __init__(self, folder: Path, log: Path) -> None:
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}/"
        self._log = log.open("w")
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "http.server", str(self.port), "--bind", "127.0.0.1"],
            cwd=folder,
            stdout=self._log,
            stderr=subprocess.STDOUT,
        )
        deadline = time.monotonic() + 20
        while True:
            try:
                urllib.request.urlopen(self.url, timeout=2).close()
                break
            except OSError:
                if time.monotonic() > deadline or self.proc.poll() is not None:
                    self.stop()
                    raise RuntimeError(f"the static server did not start: see {log}") from None
                time.sleep(0.2)

    def stop(self) -> None:
        if self.proc.poll() is None:
            self.proc.terminate()
            self.proc.wait(timeout=10)
        self._log.close()


class Guard:
    """Every request not to 127.0.0.1 is aborted and remembered; the test fails on any."""

    def __init__(self) -> None:
        self.outside: list[str] = []
        self.requests = 0

    def __call__(self, route) -> None:
        self.requests += 1
        url = route.request.url
        if url.startswith(("http://127.0.0.1:", "blob:", "data:")):
            route.continue_()
        else:
            self.outside.append(url)
            route.abort()


#: A browser window that cannot keep a service worker, as a private window in Firefox: the
#: registration is refused. (Playwright's own ``service_workers="block"`` lets the page believe
#: its worker registered, which no real browser does.)
NO_SERVICE_WORKER = """
navigator.serviceWorker.register = () =>
  Promise.reject(new DOMException('The operation is insecure.', 'SecurityError'));
"""


@contextmanager
def chromium(profile: Path, guard: Guard, *, service_workers: bool = True):
    """Debian's chromium on ``profile`` (the same folder again is the same browser, restarted)."""
    from playwright.sync_api import sync_playwright

    old_tmp = os.environ.get("TMPDIR")
    # chromium's singleton socket lives in TMPDIR, and a Unix socket's path is limited to about
    # 107 bytes: a test's own tmp_path under xdist is too deep, so a short folder of its own
    short = tempfile.mkdtemp(prefix="lite-chromium-")
    os.environ["TMPDIR"] = short
    # Playwright's sync API refuses to start where this thread still has an event loop marked
    # running (an earlier test in the same worker can leave one); the browser gets a clean thread
    # state for its run, and the marker is put back afterwards.
    leftover = asyncio._get_running_loop()
    asyncio._set_running_loop(None)
    try:
        with sync_playwright() as pw:
            context = pw.chromium.launch_persistent_context(
                str(profile),
                executable_path=chromium_path(),
                args=CHROMIUM_ARGS,
                headless=True,
                viewport={"width": 1366, "height": 900},
                accept_downloads=True,
            )
            if not service_workers:
                context.add_init_script(NO_SERVICE_WORKER)
            context.route("**/*", guard)
            try:
                yield context
            finally:
                context.close()
    finally:
        if old_tmp is None:
            os.environ.pop("TMPDIR", None)
        else:
            os.environ["TMPDIR"] = old_tmp
        shutil.rmtree(short, ignore_errors=True)
        asyncio._set_running_loop(leftover)


def shot(page, name: str) -> None:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"))


def wait_kernel(page, path: str, timeout: float = 180_000) -> None:
    """Until ``path`` is the current notebook and its in-browser kernel is idle."""
    page.wait_for_function(
        f"() => {{ const s = ({STATE})(); return s && s.path === {json.dumps(path)} "
        "&& s.status === 'idle'; }",
        timeout=timeout,
    )


def run_all(page, path: str, count: int) -> None:
    """Run All Cells from the Run menu; wait for ``count`` freshly drawn course widgets."""
    page.evaluate(
        "() => document.querySelectorAll('.allyship-item').forEach(e => e.dataset.old = '1')"
    )
    page.locator(".lm-MenuBar-itemLabel:text-is('Run')").click()
    page.locator(".lm-Menu-itemLabel:text-is('Run All Cells')").click()
    page.wait_for_function(
        "() => document.querySelectorAll('.jp-Notebook .allyship-item:not([data-old])').length"
        f" === {count}",
        timeout=120_000,
    )
    wait_kernel(page, path)


def stored(page, path: str) -> dict | None:
    """A file as the browser keeps it (JupyterLite's contents, in the browser's storage)."""
    return page.evaluate(
        """async (path) => {
          try {
            const m = await window.jupyterapp.serviceManager.contents.get(path, {content: true});
            if (typeof m.content !== 'string') return m.content;
            // files the in-browser Python creates are kept base64-encoded (JupyterLite's way)
            const text = m.format === 'base64'
              ? new TextDecoder().decode(Uint8Array.from(atob(m.content), c => c.charCodeAt(0)))
              : m.content;
            return JSON.parse(text);
          } catch (e) { return null; }
        }""",
        path,
    )
