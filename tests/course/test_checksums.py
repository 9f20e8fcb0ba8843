"""nbgrader's "Attribute 'checksum' for cell q1 has changed!" fired at every autograde for each
cell that lost a hidden test or a mark scheme in the release (nbgrader #1961). The course's
sanitize step gives such cells their source back first, so the warning is left for real edits.
Run with nbgrader's own OverwriteCells against a real generated gradebook; no kernel needed."""

from __future__ import annotations

import logging

import nbformat
import pytest
from nbgrader.preprocessors import OverwriteCells

from allyship.grading.checksums import RestoreReleasedCells

from ..helpers import MODULES, make_course, nbgrader

pytestmark = pytest.mark.slow
MODULE = MODULES[0]


@pytest.fixture(scope="module")
def course(tmp_path_factory):
    course = make_course(tmp_path_factory.mktemp("checksums") / "course", [MODULE])
    nbgrader(course, "generate_assignment", MODULE)
    return course


def sanitize(course, nb, logger):
    """The course's order: RestoreReleasedCells, then nbgrader's OverwriteCells."""
    resources = {
        "nbgrader": {
            "notebook": MODULE,
            "assignment": MODULE,
            "db_url": f"sqlite:///{course / 'gradebook.db'}",
        }
    }
    for step in (RestoreReleasedCells(log=logger), OverwriteCells(log=logger)):
        nb, resources = step.preprocess(nb, resources)
    return nb


def by_id(nb) -> dict:
    return {c.metadata.nbgrader.grade_id: c for c in nb.cells if "nbgrader" in c.metadata}


def checksum_warnings(caplog) -> list[str]:
    return [r.getMessage() for r in caplog.records if "'checksum'" in r.getMessage()]


def test_a_cell_as_released_gets_its_hidden_tests_back_silently(course, caplog):
    release = nbformat.read(str(course / "release" / MODULE / f"{MODULE}.ipynb"), 4)
    source = by_id(nbformat.read(str(course / "source" / MODULE / f"{MODULE}.ipynb"), 4))
    stripped = [g for g, c in by_id(release).items() if c.source != source[g].source]
    assert len(stripped) >= 4  # hidden tests and mark schemes were removed: the old alarms
    with caplog.at_level(logging.WARNING, logger="checksums"):
        nb = sanitize(course, release, logging.getLogger("checksums"))
    assert checksum_warnings(caplog) == []
    restored = by_id(nb)
    for grade_id in stripped:
        assert restored[grade_id].source == source[grade_id].source  # graded by the hidden tests


def test_a_really_edited_cell_is_still_reported_and_put_back(course, caplog):
    release = nbformat.read(str(course / "release" / MODULE / f"{MODULE}.ipynb"), 4)
    source = by_id(nbformat.read(str(course / "source" / MODULE / f"{MODULE}.ipynb"), 4))
    by_id(release)["q1"].source = "pass  # edited by hand"
    with caplog.at_level(logging.WARNING, logger="checksums"):
        nb = sanitize(course, release, logging.getLogger("checksums"))
    warned = checksum_warnings(caplog)
    assert len(warned) == 1 and "cell q1 has changed" in warned[0]
    assert by_id(nb)["q1"].source == source["q1"].source
