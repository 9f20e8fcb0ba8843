"""One real JupyterLab for the browser tests: a temporary copy of the course, released into its
own exchange, served on loopback with a token, stopped by the caller."""

from __future__ import annotations

import os
import secrets
import shutil
import signal
import socket
import subprocess
import time
from dataclasses import dataclass
from pathlib import Path

import requests

from ..helpers import BIN, EDITIONS, REPO, env, make_course, run


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


def prepare_course(root: Path, language: str = "en") -> tuple[Path, list[str]]:
    """A copy of the course with every module of the edition registered and released, exactly
    as ``make course`` (``allyship lab``; ``make course LANG=fr``) prepares it."""
    from allyship.kit.store import module_language

    course = make_course(root, [m for m in EDITIONS if module_language(m) == language])
    shutil.copytree(REPO / "notebooks", course / "notebooks")
    run(
        [str(BIN / "python"), "-c", PREPARE.format(course=str(course), language=language)],
        cwd=course,
        ALLYSHIP_EXCHANGE=str(course / "exchange"),
    )
    modules = sorted(p.name for p in (course / "release").iterdir() if p.is_dir())
    return course, modules


PREPARE = """
from pathlib import Path
from allyship.instructor.launch import prepare_course
prepare_course(Path({course!r}), {language!r})
"""


def start_lab(
    course: Path,
    modules: list[str],
    scratch: Path,
    *,
    learner: Path | None = None,
    language: str = "en",
) -> Lab:
    """Start JupyterLab as ``make course`` does (``allyship lab``: the same command line, settings
    and save hook, from :mod:`allyship.instructor.lab`), or in ``learner`` as ``make learner``
    does; return once its API answers. The one addition is ``expose_app_in_browser``, so a test
    can ask the page whether the kernel is idle."""
    from allyship.instructor import lab as course_lab

    root = learner or course
    extra = course_lab.prepare(
        root, learner=learner is not None, exchange=course / "exchange", language=language
    )
    port, token = free_port(), secrets.token_hex(16)
    start = course_lab.start_notebook(language)
    args = course_lab.command(root, port=port, start=start, token=token, open_browser=False)
    args.append("--LabApp.expose_app_in_browser=True")
    log = scratch / f"jupyterlab-{port}.log"
    proc = subprocess.Popen(
        args,
        cwd=root,
        stdout=log.open("w"),
        stderr=subprocess.STDOUT,
        start_new_session=True,
        env=env(ALLYSHIP_EXCHANGE=str(course / "exchange"), TMPDIR=str(scratch), **extra),
    )
    lab = Lab(f"http://127.0.0.1:{port}", token, root, modules, proc, log)
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
