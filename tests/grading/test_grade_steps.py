"""The library entry point: pre-grading steps (where a repair plugs in), learner selection,
and that every notebook was executed by a worker and saved by the single writer."""

from __future__ import annotations

import pytest

from allyship.grading import grade

from ..helpers import fetch, nbgrader
from ..helpers import submit as submit_from_home
from .cohort import build_course, submit
from .steps import note_or_refuse

pytestmark = [pytest.mark.slow, pytest.mark.xdist_group("grading-steps")]
MODULE = "01_what_is_allyship"


@pytest.fixture(scope="module")
def course(tmp_path_factory):
    course = build_course(tmp_path_factory.mktemp("grade-steps") / "course", [MODULE])
    for learner in ("kept", "refused", "later"):
        submit(course, MODULE, learner, {})
    return course


def test_steps_run_before_grading_and_a_refusal_fails_only_that_submission(course):
    report = grade(course, [MODULE], ["kept", "refused"], workers=2, steps=[note_or_refuse])
    outcomes = {o.learner: o for o in report.outcomes}
    assert outcomes["kept"].status == "graded"
    assert "responses.json" in outcomes["kept"].reason  # the step's note
    assert outcomes["refused"].status == "failed"
    assert outcomes["refused"].reason == "note_or_refuse: the test step refused this submission"
    assert not report.ok
    assert (report.replayed, report.executed_here) == (1, 0)
    assert (course / "autograded" / "kept" / MODULE / f"{MODULE}.ipynb").is_file()
    assert not (course / "autograded" / "refused").exists()
    assert set(outcomes) == {"kept", "refused"}  # only the learners asked for


def test_a_second_run_skips_what_is_graded(course):
    first = grade(course, [MODULE], ["later"], workers=1)
    assert [(o.learner, o.status) for o in first.outcomes] == [("later", "graded")]
    report = grade(course, [MODULE], ["later", "nobody"], workers=1)
    outcomes = {o.learner: (o.status, o.reason) for o in report.outcomes}
    assert outcomes == {
        "later": ("skipped", "already graded (--force regrades)"),
        "nobody": ("skipped", "no submission"),
    }
    assert report.ok and report.replayed == 0


def test_collect_first_brings_in_a_submission_from_the_exchange(course, tmp_path):
    nbgrader(course, "release_assignment", MODULE)
    home = tmp_path / "learner"
    fetch(course, MODULE, home)
    submit_from_home(course, MODULE, home, "exchanged")
    report = grade(course, [MODULE], ["exchanged"], workers=1, collect_first=True)
    assert [(o.learner, o.status) for o in report.outcomes] == [("exchanged", "graded")]
    assert (course / "autograded" / "exchanged" / MODULE / f"{MODULE}.ipynb").is_file()
