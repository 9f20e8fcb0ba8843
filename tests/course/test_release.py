"""release/ is what nbgrader makes of source/, runs clean, and fails every test untouched."""

from __future__ import annotations

import re
import shutil

import nbformat
import pytest
from nbclient import NotebookClient

from ..helpers import EDITIONS, MODULES, REPO, make_course, nbgrader

pytestmark = pytest.mark.slow
NOTEBOOKS = sorted((REPO / "notebooks").rglob("*.ipynb"))


def per_module(fn):
    return pytest.mark.parametrize(
        "module", [pytest.param(m, marks=pytest.mark.xdist_group(m)) for m in EDITIONS]
    )(fn)


def test_there_are_modules():
    assert MODULES and MODULES[0] == "01_what_is_allyship"


@per_module
def test_release_equals_a_fresh_generate(module, tmp_path):
    course = make_course(tmp_path / "course", [module])
    nbgrader(course, "generate_assignment", module, "--force")
    fresh, committed = course / "release" / module, REPO / "release" / module
    assert files(committed) == files(fresh), "run `make release` and commit the result"
    for name in files(fresh):
        assert (committed / name).read_bytes() == (fresh / name).read_bytes(), (
            f"release/{module}/{name} differs from a fresh generate_assignment: "
            "run `make release` and commit the result."
        )


def files(folder):
    return sorted(str(p.relative_to(folder)) for p in folder.rglob("*") if p.is_file())


def execute(path, tmp_path):
    """Run a notebook top to bottom in a fresh kernel, in a folder of its own."""
    work = tmp_path / path.stem
    work.mkdir()
    shutil.copy(path, work / path.name)
    nb = nbformat.read(str(work / path.name), as_version=4)
    NotebookClient(
        nb, timeout=60, kernel_name="python3", resources={"metadata": {"path": str(work)}}
    ).execute()
    return nb, work


def problems(nb):
    found = []
    for n, cell in enumerate(nb.cells):
        for out in cell.get("outputs", []):
            if out.output_type == "error":
                found.append(f"cell {n}: {out.ename}: {out.evalue}")
            if out.output_type == "stream" and out.name == "stderr":
                found.append(f"cell {n}: stderr: {out.text[:200]}")
    return found


@per_module
def test_release_runs_clean_for_a_learner(module, tmp_path):
    nb, work = execute(REPO / "release" / module / f"{module}.ipynb", tmp_path)
    assert problems(nb) == []
    assert not (work / "responses.json").exists()  # opening a module writes nothing


@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.name for p in NOTEBOOKS])
def test_course_notebooks_run_clean(path, tmp_path):
    nb, _ = execute(path, tmp_path)
    assert problems(nb) == []


@per_module
def test_untouched_release_fails_every_test_cell(module, tmp_path):
    work = tmp_path / module
    shutil.copytree(REPO / "release" / module, work)
    out = nbgrader(REPO, "validate", "--invert", str(work / f"{module}.ipynb")).stdout
    assert "Success! The notebook does not pass any tests." in out


def test_no_solution_or_hidden_test_markers_in_release():
    pattern = re.compile(r"BEGIN (HIDDEN TESTS|SOLUTION)|END (HIDDEN TESTS|SOLUTION)|MARK SCHEME")
    for path in (REPO / "release").rglob("*"):
        if path.is_file():
            assert not pattern.search(path.read_text(encoding="utf-8")), path


def test_no_responses_file_in_source_or_release():
    stray = [p for d in ("source", "release") for p in (REPO / d).rglob("responses*.json")]
    assert stray == []
