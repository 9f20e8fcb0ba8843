"""Shared fixtures. Tests are layered (STYLE.md): unit/ (no kernel), course/ (real nbgrader,
real kernels), browser/ (real JupyterLab in Chromium)."""

from __future__ import annotations

import atexit
import os
import shutil
import tempfile
from pathlib import Path

import pytest

from allyship.kit.store import _STORES, ResponseStore

from .helpers import MODULES, REPO
from .home import use_home

# -- the real user's home stays untouched ------------------------------------------------------
# nbgrader's cache (every submission a test makes would show in a real learner's Assignment
# List), Jupyter's data, runtime and config folders, IPython's and matplotlib's all go into a
# temporary home per test process; the session fails if anything still lands in the real one.
REAL_HOME = Path(os.environ.setdefault("ALLYSHIP_REAL_HOME", os.path.expanduser("~")))
WATCHED = (".local/share/jupyter", ".jupyter", ".ipython")
_worker = os.environ.get("PYTEST_XDIST_WORKER", "main")
TEST_HOME = Path(tempfile.mkdtemp(prefix=f"allyship-home-{_worker}-"))
atexit.register(shutil.rmtree, TEST_HOME, True)
use_home(TEST_HOME)


def home_snapshot(home: Path = REAL_HOME) -> dict[str, float]:
    """Every file under the real home's Jupyter folders, with its modification time."""
    found = {}
    for sub in WATCHED:
        for path in (home / sub).rglob("*"):
            if path.is_file():
                found[str(path)] = path.stat().st_mtime
    return found


def pytest_sessionstart(session):
    session.config._allyship_home = home_snapshot()


def pytest_sessionfinish(session, exitstatus):
    if hasattr(session.config, "workerinput"):
        return  # the controller checks once, after every worker has finished
    before = session.config._allyship_home
    after = home_snapshot()
    touched = sorted(p for p, mtime in after.items() if before.get(p) != mtime)
    if touched:
        session.config._allyship_touched = touched
        session.exitstatus = pytest.ExitCode.TESTS_FAILED


@pytest.fixture(autouse=True)
def _fresh_state(monkeypatch):
    """No test sees another's grading mode or cached stores."""
    monkeypatch.delenv("NBGRADER_EXECUTION", raising=False)
    _STORES.clear()
    yield
    _STORES.clear()


@pytest.fixture
def store(tmp_path) -> ResponseStore:
    return ResponseStore(tmp_path / "responses.json")


@pytest.fixture
def grading(monkeypatch):
    """Run as nbgrader's autograde does (checks raise, widgets render as text)."""
    monkeypatch.setenv("NBGRADER_EXECUTION", "autograde")


def pytest_report_header(config):
    return f"course modules: {', '.join(MODULES) or 'none'}"


def pytest_terminal_summary(terminalreporter, config):
    """The content check's table of counts per module, at the end of every run; and the files
    the suite wrote into the real home, if any (the run then fails)."""
    from .course.content import read, table

    touched = getattr(config, "_allyship_touched", [])
    if touched:
        terminalreporter.write_sep("!", f"the tests wrote into the real home ({REAL_HOME})")
        for path in touched[:20]:
            terminalreporter.write_line(path)

    contents = [read(REPO / "source" / m / f"{m}.ipynb") for m in MODULES]
    terminalreporter.write_sep("-", "course content per module")
    terminalreporter.write_line(table(contents))
