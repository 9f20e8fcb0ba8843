"""Fixtures for the browser tests: one JupyterLab and one Chromium per worker, a fresh page per
test, and a folder of screenshots printed at the end of the run."""

from __future__ import annotations

import os
import re
import shutil
from pathlib import Path

import pytest

from ..helpers import REPO
from .server import prepare_course, start_lab

ARTIFACTS = REPO / "test-artifacts" / "browser"
CHROMIUM = "/usr/bin/chromium"
#: Flags that work for Debian's chromium in a container (research/browser.md).
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
]


def chromium_path() -> str:
    found = CHROMIUM if os.path.exists(CHROMIUM) else shutil.which("chromium")
    if not found:
        pytest.fail("Debian's chromium is missing: run `make browser-deps` (apt-get install).")
    return found


@pytest.fixture(scope="session")
def artifacts() -> Path:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    return ARTIFACTS


@pytest.fixture(scope="session")
def lab(tmp_path_factory):
    """JupyterLab serving a released copy of the course, shared by every browser test."""
    scratch = tmp_path_factory.mktemp("lab")
    course, modules = prepare_course(scratch / "course")
    server = start_lab(course, modules, scratch)
    yield server
    server.stop()


@pytest.fixture(scope="session")
def lab_fr(tmp_path_factory):
    """JupyterLab as ``make course LANG=fr`` serves it: the French modules, the French
    start-here notebook, JupyterLab's own menus in French."""
    scratch = tmp_path_factory.mktemp("lab-fr")
    course, modules = prepare_course(scratch / "course", language="fr")
    server = start_lab(course, modules, scratch, language="fr")
    yield server
    server.stop()


@pytest.fixture(scope="session")
def browser(tmp_path_factory):
    """Debian's chromium (never Playwright's own download), with a fresh profile."""
    from playwright.sync_api import sync_playwright

    scratch = tmp_path_factory.mktemp("chromium")
    old_tmp = os.environ.get("TMPDIR")
    os.environ["TMPDIR"] = str(scratch)  # chromium and the driver write temporary files
    try:
        with sync_playwright() as pw:
            context = pw.chromium.launch_persistent_context(
                str(scratch / "profile"),
                executable_path=chromium_path(),
                args=CHROMIUM_ARGS,
                headless=True,
                viewport={"width": 1366, "height": 900},
            )
            yield context
            context.close()
    finally:
        if old_tmp is None:
            os.environ.pop("TMPDIR", None)
        else:
            os.environ["TMPDIR"] = old_tmp


@pytest.fixture
def page(browser, lab, request, artifacts):
    """A fresh tab; at the end, its kernels are shut down and the tab closed."""
    tab = browser.new_page()
    tab.set_default_timeout(30_000)
    tab.shot_prefix = re.sub(r"[^A-Za-z0-9_.-]+", "_", request.node.name)
    for old in artifacts.glob(f"{tab.shot_prefix}--*.png"):
        old.unlink()  # screenshots from an earlier run would pass for this one's
    yield tab
    try:
        if getattr(getattr(request.node, "rep_call", None), "failed", False):
            tab.screenshot(path=str(artifacts / f"{tab.shot_prefix}--FAILED.png"), full_page=False)
    finally:
        tab.close()
        lab.shutdown_kernels()


@pytest.hookimpl(wrapper=True, tryfirst=True)
def pytest_runtest_makereport(item, call):
    report = yield
    if report.when == "call":
        item.rep_call = report
    return report


def pytest_terminal_summary(terminalreporter, exitstatus, config):
    if ARTIFACTS.is_dir() and any(ARTIFACTS.iterdir()):
        terminalreporter.write_sep("-", "browser test screenshots and handouts")
        terminalreporter.write_line(f"saved in {ARTIFACTS}")
