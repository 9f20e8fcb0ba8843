"""The synthetic cohort, built once per test worker (tests that use it share one xdist group)."""

from __future__ import annotations

import os
import warnings

import pytest

from allyship.instructor.gradebook import CourseData, load, read_responses
from allyship.instructor.reports import summarise_report

from ..helpers import BIN
from .synthetic import build


@pytest.fixture(scope="session")
def synthetic(tmp_path_factory):
    path = os.environ.get("PATH", "")
    os.environ["PATH"] = f"{BIN}{os.pathsep}{path}"  # a new gradebook runs `alembic` by name
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # nbgrader's add_submission warns (SQLAlchemy 2)
            return build(tmp_path_factory.mktemp("analytics") / "course")
    finally:
        os.environ["PATH"] = path


@pytest.fixture(scope="session")
def data(synthetic) -> CourseData:
    return load(f"sqlite:///{synthetic / 'gradebook.db'}")


@pytest.fixture(scope="session")
def responses(synthetic, data):
    return read_responses(synthetic, data)


@pytest.fixture(scope="session")
def report(synthetic):
    return summarise_report(synthetic)
