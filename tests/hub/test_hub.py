"""JupyterHub itself on 127.0.0.1 with deploy/jupyterhub_config.py: a learner logs in, their
server spawns as their unix account and its Assignment List shows module 01; the course service
(formgrader, run as the grader account) opens for the instructor, framable by its own pages,
and is refused to the learner; stopping the hub leaves no process behind."""

from __future__ import annotations

import json
import os
import secrets
import signal
import socket
import subprocess
import time
from pathlib import Path

import pytest
import requests

from ..helpers import BIN, REPO
from .conftest import ROOT_ONLY
from .runtime import processes_of

pytestmark = [pytest.mark.slow, pytest.mark.xdist_group("hub"), ROOT_ONLY]
CHP = REPO / ".venv" / "node" / "node_modules" / ".bin" / "configurable-http-proxy"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_for(what: str, check, seconds: float = 120):
    """Poll ``check`` until it returns something truthy; fail with ``what`` after ``seconds``."""
    deadline = time.monotonic() + seconds
    while True:
        try:
            result = check()
            if result:
                return result
        except requests.ConnectionError:
            pass
        assert time.monotonic() < deadline, f"{what} did not happen within {seconds:.0f} s"
        time.sleep(0.5)


class Hub:
    def __init__(self, world, folder: Path):
        self.world = world
        self.password = secrets.token_hex(12)
        self.port, hub_port, api_port = free_port(), free_port(), free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        config = folder / "test_jupyterhub_config.py"
        config.write_text(
            f"""c = get_config()  # noqa: F821
load_subconfig({str(REPO / "deploy" / "jupyterhub_config.py")!r})  # noqa: F821
c.JupyterHub.authenticator_class = "shared-password"
c.SharedPasswordAuthenticator.user_password = {self.password!r}
c.JupyterHub.bind_url = "{self.url}"
c.JupyterHub.hub_bind_url = "http://127.0.0.1:{hub_port}"
c.ConfigurableHTTPProxy.api_url = "http://127.0.0.1:{api_port}"
c.ConfigurableHTTPProxy.command = [{str(CHP)!r}]
# CI shares two cores with the rest of the suite: give servers time to start.
c.Spawner.start_timeout = 240
c.Spawner.http_timeout = 240
"""
        )
        u = world.users
        env = {
            **os.environ,
            "PATH": f"{world.bin}:/usr/local/bin:/usr/bin:/bin",
            "ALLYSHIP_INSTRUCTORS": u["inst"],
            "ALLYSHIP_GRADER": u["inst"],
            "ALLYSHIP_LEARNERS": f"{u['a']} {u['b']}",
            "ALLYSHIP_COURSE_ROOT": str(world.course),
            "ALLYSHIP_SERVICE_PORT": str(free_port()),
            "ALLYSHIP_SINGLEUSER": f"{world.python} -m jupyterhub.singleuser",
            "ALLYSHIP_EXCHANGE": str(world.exchange),
            "ALLYSHIP_JUPYTER_CONFIG": str(world.config_dir),
        }
        self.log = open(folder / "hub.log", "w")
        self.process = subprocess.Popen(
            [str(BIN / "jupyterhub"), "-f", str(config)],
            cwd=folder,
            env=env,
            stdout=self.log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        self.api_port = api_port

    def login(self, user: str, password: str) -> requests.Session:
        s = requests.Session()
        wait_for("the hub's login page", lambda: s.get(f"{self.url}/hub/login", timeout=10).ok)
        r = s.post(
            f"{self.url}/hub/login",
            data={"username": user, "password": password, "_xsrf": s.cookies.get("_xsrf")},
            allow_redirects=False,
            timeout=30,
        )
        assert r.status_code == 302, f"login of {user} gave {r.status_code}"
        return s

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=60)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait()
        self.log.close()

    def proxies(self) -> list[int]:
        """pids of configurable-http-proxy processes serving this hub's port."""
        pids = []
        for entry in Path("/proc").iterdir():
            try:
                cmd = (entry / "cmdline").read_bytes().decode(errors="replace")
            except (FileNotFoundError, NotADirectoryError, PermissionError, ProcessLookupError):
                continue
            if "configurable-http-proxy" in cmd and str(self.api_port) in cmd:
                pids.append(int(entry.name))
        return pids


@pytest.fixture(scope="module")
def hub(world):
    if not CHP.exists():
        pytest.skip(f"configurable-http-proxy is not installed at {CHP}: run `make hub-deps`")
    folder = world.base / "hub"
    folder.mkdir(mode=0o700)
    h = Hub(world, folder)
    try:
        yield h
    finally:
        h.stop()
        for pid in h.proxies():  # only if the test already failed: never leave one running
            os.kill(pid, signal.SIGKILL)


def check_the_learner_sees_module_01(world, hub):
    learner = world.users["a"]
    s = hub.login(learner, hub.password)
    r = s.get(f"{hub.url}/hub/spawn/{learner}", timeout=60)
    assert r.ok, r.status_code
    wait_for(
        "the learner's server",
        lambda: (
            s.get(f"{hub.url}/hub/api/users/{learner}", timeout=10)
            .json()["servers"]
            .get("", {})
            .get("ready")
        ),
    )
    servers = [cmd for _, cmd in processes_of([learner]) if "jupyterhub.singleuser" in cmd]
    assert servers, "no single-user server runs as the learner's unix account"
    r = s.get(f"{hub.url}/user/{learner}/assignments", params={"course_id": "allyship"}, timeout=60)
    listing = r.json()
    assert listing["success"], listing
    assert world.module in {a["assignment_id"] for a in listing["value"]}
    assert {a["course_id"] for a in listing["value"]} == {"allyship"}
    lab = s.get(f"{hub.url}/user/{learner}/lab", timeout=60).text
    data = lab.split('id="jupyter-config-data"', 1)[1].split(">", 1)[1].split("</script>", 1)[0]
    disabled = set(json.loads(data)["disabledExtensions"])
    assert "@jupyter/nbgrader:formgrader" in disabled, "a learner's JupyterLab shows Formgrader"
    assert "@jupyter/nbgrader:create-assignment" in disabled
    assert "@jupyter/nbgrader:course-list" in disabled
    assert "@jupyter/nbgrader:assignment-list" not in disabled
    for path in ("formgrader", "formgrader/api/assignments", "formgraders"):  # formgrader,
        r = s.get(f"{hub.url}/user/{learner}/{path}", timeout=60, allow_redirects=False)
        assert r.status_code == 404, (path, r.status_code)  # course list: not served at all


def check_the_course_service_opens_for_the_instructor_only(world, hub):
    instructor = hub.login(world.users["inst"], hub.password)
    page = wait_for(
        "the course service",
        lambda: (
            (r := instructor.get(f"{hub.url}/services/allyship/formgrader", timeout=30)).ok and r
        ),
    )
    assert "frame-ancestors 'self'" in page.headers["Content-Security-Policy"]
    api = instructor.get(f"{hub.url}/services/allyship/formgrader/api/assignments", timeout=30)
    assert world.module in {a["name"] for a in api.json()}
    learner = hub.login(world.users["b"], hub.password)
    refused = learner.get(f"{hub.url}/services/allyship/formgrader", timeout=30)
    assert refused.status_code == 403


def check_stopping_the_hub_stops_everything_it_started(world, hub):
    hub.stop()
    assert hub.process.returncode is not None
    users = list(world.users.values())
    deadline = time.monotonic() + 15  # a server's own shutdown may finish just after the hub's
    while processes_of(users) and time.monotonic() < deadline:
        time.sleep(0.5)
    assert processes_of(users) == []
    assert hub.proxies() == []


def test_the_hub_serves_the_course_on_loopback(world, hub):
    """One test, several checks, in order (the last stops the hub): xdist's grouping does not
    hold with pytest 9.2, and a second worker would otherwise start a second hub."""
    try:
        check_the_learner_sees_module_01(world, hub)
        check_the_course_service_opens_for_the_instructor_only(world, hub)
        check_stopping_the_hub_stops_everything_it_started(world, hub)
    except AssertionError as e:
        hub.stop()
        tail = (world.base / "hub" / "hub.log").read_text()[-4000:]
        raise AssertionError(f"{e}\n--- end of the hub's log\n{tail}") from None
