"""Shared fixtures. Tests are layered (STYLE.md): unit/ (no kernel), course/ (real nbgrader,
real kernels), browser/ (real JupyterLab in Chromium)."""

from __future__ import annotations

import pytest

from allyship.kit.store import _STORES, ResponseStore

from .helpers import MODULES, REPO


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


def pytest_terminal_summary(terminalreporter):
    """The content check's table of counts per module, at the end of every run."""
    from .course.content import read, table

    contents = [read(REPO / "source" / m / f"{m}.ipynb") for m in MODULES]
    terminalreporter.write_sep("-", "course content per module")
    terminalreporter.write_line(table(contents))
