"""One real JupyterLab for the browser tests: a temporary copy of the course, released into its
own exchange, served on loopback with a token, stopped by the caller."""

from __future__ import annotations

import json
import os
import secrets
import signal
import socket
import subprocess
import time
from dataclasses import dataclass
from pathlib import Path

import requests

from ..helpers import BIN, env, make_course, nbgrader, run

#: JupyterLab user settings for a test run: a kernel starts with the notebook (no "Select
#: Kernel" dialog), no news pop-up, and every cell stays in the page (no windowing).
SETTINGS = {
    "@jupyterlab/notebook-extension/tracker.jupyterlab-settings": {
        "autoStartDefaultKernel": True,
        "windowingMode": "none",
    },
    "@jupyterlab/apputils-extension/notification.jupyterlab-settings": {
        "fetchNews": "false",
        "checkForUpdates": False,
    },
}

RELEASE_ALL = """
from nbgrader.apps import NbGraderAPI
from traitlets.config import Config
from nbgrader.apps.baseapp import NbGrader
app = NbGrader(); app.load_config_file()
api = NbGraderAPI(config=app.config)
for m in {modules!r}:
    result = api.release_assignment(m)
    assert result["success"], result
"""


@dataclass
class Lab:
    """A running JupyterLab: where it serves, what it serves, and how to stop it."""

    url: str
    token: str
    root: Path
    modules: list[str]
    proc: subprocess.Popen
    log: Path

    def api(self, method: str, path: str, **kw) -> requests.Response:
        headers = {"Authorization": f"token {self.token}"}
        return requests.request(method, f"{self.url}{path}", headers=headers, timeout=30, **kw)

    def lab_url(self, path: str) -> str:
        return f"{self.url}/lab/tree/{path}?reset&token={self.token}"

    def learner_copy(self, module: str, learner: str) -> Path:
        """A learner's own copy of a released module, inside the server's root."""
        folder = self.root / learner / module
        folder.parent.mkdir(parents=True, exist_ok=True)
        run(["cp", "-r", str(self.root / "release" / module), str(folder)], cwd=self.root)
        return folder / f"{module}.ipynb"

    def shutdown_kernels(self) -> None:
        """End every session, so one test's kernel does not hold memory during the next."""
        for session in self.api("GET", "/api/sessions").json():
            self.api("DELETE", f"/api/sessions/{session['id']}")

    def stop(self) -> None:
        try:
            self.api("POST", "/api/shutdown")
            self.proc.wait(timeout=10)
        except (requests.RequestException, subprocess.TimeoutExpired):
            pass
        try:
            os.killpg(self.proc.pid, signal.SIGKILL)  # the server and any kernel it left
        except ProcessLookupError:
            pass
        self.proc.wait(timeout=10)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def prepare_course(root: Path) -> tuple[Path, list[str]]:
    """The course generated and released (all modules at once), as an instructor would."""
    course = make_course(root)
    nbgrader(course, "generate_assignment", "*")
    modules = sorted(p.name for p in (course / "release").iterdir() if p.is_dir())
    run(
        [str(BIN / "python"), "-c", RELEASE_ALL.format(modules=modules)],
        cwd=course,
        ALLYSHIP_EXCHANGE=str(course / "exchange"),
    )
    return course, modules


def start_lab(course: Path, modules: list[str], scratch: Path) -> Lab:
    """Start JupyterLab in ``course``; return once its API answers."""
    settings = scratch / "settings"
    for name, value in SETTINGS.items():
        (settings / name).parent.mkdir(parents=True, exist_ok=True)
        (settings / name).write_text(json.dumps(value))
    port, token = free_port(), secrets.token_hex(16)
    args = [
        str(BIN / "jupyter"),
        "lab",
        "--no-browser",
        "--ServerApp.ip=127.0.0.1",
        f"--port={port}",
        "--ServerApp.port_retries=0",
        f"--IdentityProvider.token={token}",
        f"--ServerApp.root_dir={course}",
        "--LabApp.expose_app_in_browser=True",
        "--LabApp.news_url=",
        "--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate",
    ]
    if os.getuid() == 0:
        args.append("--allow-root")
    log = scratch / "jupyterlab.log"
    proc = subprocess.Popen(
        args,
        cwd=course,
        stdout=log.open("w"),
        stderr=subprocess.STDOUT,
        start_new_session=True,
        env=env(
            ALLYSHIP_EXCHANGE=str(course / "exchange"),
            JUPYTERLAB_SETTINGS_DIR=str(settings),
            JUPYTERLAB_WORKSPACES_DIR=str(scratch / "workspaces"),
            JUPYTER_RUNTIME_DIR=str(scratch / "runtime"),
            TMPDIR=str(scratch),
        ),
    )
    lab = Lab(f"http://127.0.0.1:{port}", token, course, modules, proc, log)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"JupyterLab exited {proc.returncode}:\n{log.read_text()}")
        try:
            if lab.api("GET", "/api/status").ok:
                return lab
        except requests.RequestException:
            pass
        time.sleep(0.3)
    lab.stop()
    raise RuntimeError(f"JupyterLab did not answer within 60 s:\n{log.read_text()}")
