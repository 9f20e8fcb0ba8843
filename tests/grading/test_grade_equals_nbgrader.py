"""``allyship grade`` against serial ``nbgrader autograde``, on the same submissions in two
copies of one course: every grade, comment and autograded notebook must be identical, bad
submissions included; re-runs keep manual grades; the SQLite gradebook stays sound."""

from __future__ import annotations

import fcntl
import json
import shutil
import sqlite3

import nbformat
import pytest
from nbgrader.api import Gradebook

from ..helpers import BIN, run
from .cohort import build_course, cohort, submit
from .compare import autograded_notebooks, gradebook_state

pytestmark = [pytest.mark.slow, pytest.mark.xdist_group("grading")]
MODULE = "01_what_is_allyship"
Q = range(1, 7)


def bad_submissions(course):
    """A notebook that is not JSON; one with a graded cell deleted; one never answered; a
    folder with no notebook at all."""
    folder = submit(course, MODULE, "notjson", {"q1": "x"})
    (folder / f"{MODULE}.ipynb").write_text("this is not a notebook", encoding="utf-8")
    folder = submit(course, MODULE, "deleted", {})
    nb = nbformat.read(str(folder / f"{MODULE}.ipynb"), as_version=4)
    nb.cells = [c for c in nb.cells if c.metadata.get("nbgrader", {}).get("grade_id") != "q2"]
    nbformat.write(nb, str(folder / f"{MODULE}.ipynb"))
    submit(course, MODULE, "untouched", None)
    folder = submit(course, MODULE, "nonotebook", {})
    (folder / f"{MODULE}.ipynb").unlink()


def grade_cli(course, *args):
    return run([str(BIN / "allyship"), "--course", str(course), "grade", *args], course, False)


def set_manual_grade(course):
    with Gradebook(f"sqlite:///{course / 'gradebook.db'}", "allyship") as gb:
        grade = gb.find_grade("r1", MODULE, MODULE, "learner000")
        grade.manual_score = 6
        comment = gb.find_comment("r1", MODULE, MODULE, "learner000")
        comment.manual_comment = "Clear link between what you saw and what you will change."
        gb.db.commit()


def outcome(proc) -> dict:
    return {"returncode": proc.returncode, "stdout": proc.stdout, "stderr": proc.stderr}


@pytest.fixture(scope="module")
def two_courses(tmp_path_factory, worker_id):
    """Both courses taken through every stage, once per test session even when xdist spreads
    these tests over several workers (a lock and a JSON file in the session's shared temporary
    folder). Tests only read the snapshots, so order does not matter."""
    return shared_once(tmp_path_factory, worker_id, "grade-equal", build_two_courses)


def shared_once(tmp_path_factory, worker_id: str, name: str, build) -> dict:
    base = tmp_path_factory.getbasetemp()
    if worker_id != "master":
        base = base.parent  # the folder all xdist workers of this session share
    with open(base / f"{name}.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        data = base / f"{name}.json"
        if not data.exists():
            data.write_text(json.dumps(build(base / name)))
        return json.loads(data.read_text())


def build_two_courses(root):
    serial = build_course(root / "serial", [MODULE])
    cohort(serial, [MODULE], learners=2, seed=7)
    bad_submissions(serial)
    parallel = root / "parallel"
    shutil.copytree(serial, parallel)
    got = {}
    got["nbgrader run"] = outcome(run([str(BIN / "nbgrader"), "autograde", MODULE], serial, False))
    got["allyship run"] = outcome(grade_cli(parallel, MODULE, "--workers", "2"))
    for name, course in (("serial", serial), ("parallel", parallel)):
        got[f"{name} grades"] = gradebook_state(course, MODULE)
        got[f"{name} notebooks"] = autograded_notebooks(course, MODULE)
        db = sqlite3.connect(course / "gradebook.db")
        try:
            got[f"{name} integrity"] = db.execute("PRAGMA integrity_check").fetchone()
            got[f"{name} duplicates"] = db.execute(
                "SELECT COUNT(*) FROM (SELECT student_id, assignment_id "
                "FROM submitted_assignment GROUP BY student_id, assignment_id "
                "HAVING COUNT(*) > 1)"
            ).fetchone()
        finally:
            db.close()
    # re-runs: a manual grade set through nbgrader's API, then a plain and a forced re-run
    for course in (serial, parallel):
        set_manual_grade(course)
    got["with manual grade"] = gradebook_state(parallel, MODULE)
    got["rerun"] = outcome(grade_cli(parallel, MODULE))
    got["after rerun"] = gradebook_state(parallel, MODULE)
    run([str(BIN / "nbgrader"), "autograde", MODULE, "--force"], serial, False)
    got["forced"] = outcome(grade_cli(parallel, MODULE, "--force", "--workers", "2"))
    for name, course in (("serial", serial), ("parallel", parallel)):
        got[f"{name} forced grades"] = gradebook_state(course, MODULE)
        got[f"{name} forced notebooks"] = autograded_notebooks(course, MODULE)
    return got


def test_every_grade_and_comment_is_what_serial_nbgrader_gives(two_courses):
    serial, parallel = two_courses["serial grades"], two_courses["parallel grades"]
    assert set(serial) == {"learner000", "learner001", "notjson", "deleted", "untouched"}
    assert parallel == serial
    scores = [serial[lrn][f"grade:q{i}"][0] for lrn in ("learner000", "learner001") for i in Q]
    assert 0 in scores and 2 in scores  # the cohort has right and wrong answers
    assert serial["deleted"]["grade:q2"][4] is True  # a deleted graded cell waits for a person
    assert serial["untouched"]["grade:q1"][0] == 0


def test_autograded_notebooks_have_the_same_cells_and_outputs(two_courses):
    serial, parallel = two_courses["serial notebooks"], two_courses["parallel notebooks"]
    assert set(serial) == {"learner000", "learner001", "deleted", "untouched"}
    assert parallel == serial
    assert "responses.json" in serial["learner000"]["files"]


def test_exit_status_and_summary_name_the_failure(two_courses):
    nb_run, ours = two_courses["nbgrader run"], two_courses["allyship run"]
    assert nb_run["returncode"] == 1 and ours["returncode"] == 1
    lines = ours["stdout"].splitlines()
    assert lines[0] == "Graded 4, failed 1, skipped 1."
    failed = next(line for line in lines if "notjson" in line)
    assert failed.split()[0] == "failed" and "JSON" in failed
    skipped = next(line for line in lines if "nonotebook" in line)
    assert skipped.split()[0] == "skipped" and "no notebook" in skipped
    assert "run by the writer itself" not in ours["stdout"]  # every notebook ran in a worker
    assert "6/6" in ours["stderr"]  # the progress bar reached the end


def test_the_gradebook_is_sound_after_concurrent_grading(two_courses):
    assert two_courses["parallel integrity"] == ["ok"]
    assert two_courses["parallel duplicates"] == [0]


def test_a_rerun_changes_nothing_and_keeps_the_manual_grade(two_courses):
    rerun = two_courses["rerun"]
    assert rerun["stdout"].splitlines()[0] == "Graded 0, failed 1, skipped 5."
    assert two_courses["after rerun"] == two_courses["with manual grade"]
    auto, manual, *_ = two_courses["after rerun"]["learner000"]["grade:r1"]
    assert manual == 6 and auto is None


def test_a_forced_rerun_matches_nbgrader_and_keeps_the_manual_grade(two_courses):
    assert two_courses["forced"]["returncode"] == 1  # notjson still fails
    after = two_courses["parallel forced grades"]
    assert after == two_courses["serial forced grades"]
    auto, manual, *_ = after["learner000"]["grade:r1"]
    assert manual == 6 and auto is None
    assert after["learner000"]["comment:r1"][1].startswith("Clear link")
    assert two_courses["parallel forced notebooks"] == two_courses["serial forced notebooks"]
