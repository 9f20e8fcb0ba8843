"""Every way a module reaches learners leaves it registered in the gradebook, and `allyship grade
--collect` collects only what was released (issue 14)."""

from __future__ import annotations

import shutil

import pytest
from nbgrader.api import Gradebook

from allyship.grading import grade

from ..helpers import BIN, MODULES, REPO, make_course, nbgrader, run

pytestmark = [pytest.mark.slow, pytest.mark.xdist_group("release-paths")]


@pytest.fixture(scope="module")
def fresh_clone(tmp_path_factory):
    """A course as a fresh clone has it: source/ and the committed release/, no gradebook."""
    course = make_course(tmp_path_factory.mktemp("clone"), MODULES[:2])
    for module in MODULES[:2]:
        shutil.copytree(REPO / "release" / module, course / "release" / module)
    return course


def _registered(course) -> set[str]:
    with Gradebook(f"sqlite:///{course / 'gradebook.db'}") as gb:
        return {a.name for a in gb.assignments}


def test_nbgrader_release_assignment_registers_an_unknown_module(fresh_clone):
    module = MODULES[0]
    assert not (fresh_clone / "gradebook.db").exists()
    nbgrader(fresh_clone, "release_assignment", module)
    assert _registered(fresh_clone) == {module}
    with Gradebook(f"sqlite:///{fresh_clone / 'gradebook.db'}") as gb:
        assert gb.find_notebook(module, module).grade_cells  # with its graded cells
    committed = (REPO / "release" / module / f"{module}.ipynb").read_bytes()
    assert (fresh_clone / "release" / module / f"{module}.ipynb").read_bytes() == committed


def test_grade_collect_skips_unreleased_modules_and_registers_the_rest(fresh_clone):
    released, unreleased = MODULES[0], MODULES[1]
    report = grade(fresh_clone, [released, unreleased], collect_first=True, workers=1)
    assert report.ok and report.not_released == [unreleased]
    assert _registered(fresh_clone) == {released, unreleased}


def test_registering_works_from_the_environments_python_without_activating_it(tmp_path):
    """nbgrader runs `alembic` from PATH when it creates a gradebook: ``.venv/bin/python`` (a
    benchmark, a cron job) started without the environment on PATH still registers."""
    module = MODULES[0]
    course = make_course(tmp_path / "course", [module])
    code = (
        "import shutil, sys; from pathlib import Path\n"
        "assert shutil.which('alembic') is None, 'the test needs alembic off PATH'\n"
        "from allyship.grading.release import register\n"
        f"print(register(Path({str(course)!r}), [{module!r}]))\n"
    )
    proc = run([str(BIN / "python"), "-c", code], cwd=course, PATH="/usr/bin:/bin")
    assert module in proc.stdout
    assert _registered(course) == {module}
