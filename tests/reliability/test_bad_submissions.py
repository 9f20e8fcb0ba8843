"""Bad submissions are graded, explained and contained (issue 7 part 1, docs/bad-submissions.md)."""

from __future__ import annotations

import pytest

from .catalogue import KINDS, MODULE, NOTEBOOK
from .conftest import FLIPPED, GOOD, scores

pytestmark = [pytest.mark.slow, pytest.mark.xdist_group("reliability-batch")]


def test_the_batch_runs_through_without_a_failure(batch):
    for step in ("autograde", "feedback"):
        proc = batch[step]
        assert proc.returncode == 0, proc.stdout + proc.stderr
    log = batch["autograde"].stdout + batch["autograde"].stderr
    # nbgrader's own errors, not a kernel's shutdown noise on its stderr (an ipykernel race that
    # tornado logs as "ERROR:tornado.general ... ZMQStream", seen once in 2026-12)
    assert "Removing failed" not in log and "| ERROR]" not in log, log
    for learner in batch["learners"]:
        assert (batch["course"] / "autograded" / learner / MODULE / NOTEBOOK).is_file(), learner
        assert (batch["course"] / "feedback" / learner / MODULE / f"{MODULE}.html").is_file()


def test_good_learners_get_exactly_their_grades(batch):
    full = batch["full"]
    assert len(full) >= 8 and set(FLIPPED) <= set(full)
    assert scores(batch, "good-keyed") == {k: (v, v) for k, v in full.items()}
    partly = {k: (0 if k in FLIPPED else v, v) for k, v in full.items()}
    assert scores(batch, "good-partly") == partly
    for learner in GOOD:
        assert f"{learner}: nothing to repair." in batch["repair"].stdout
        assert not (batch["course"] / "submitted" / learner / MODULE / "repair-notes.txt").exists()


@pytest.mark.parametrize("kind", KINDS, ids=lambda k: k.name)
def test_each_bad_kind_keeps_its_other_answers(batch, kind):
    full = batch["full"]
    lost = kind.lost(set(full)) if callable(kind.lost) else kind.lost
    expected = {k: (0 if k in lost else v, v) for k, v in full.items()}
    assert scores(batch, kind.name) == expected


@pytest.mark.parametrize("kind", KINDS, ids=lambda k: k.name)
def test_each_bad_kind_is_explained(batch, kind):
    folder = batch["course"] / "submitted" / kind.name / MODULE
    notes = (folder / "repair-notes.txt").read_text(encoding="utf-8")
    printed = [line for line in batch["repair"].stdout.splitlines() if line.startswith(kind.name)]
    assert printed, batch["repair"].stdout
    for fragment in kind.notes:
        assert fragment in notes
        assert any(fragment in line for line in printed)
    html = (batch["course"] / "feedback" / kind.name / MODULE / f"{MODULE}.html").read_text()
    for fragment in kind.feedback:
        assert fragment in html.replace("&#39;", "'")


def test_the_repair_keeps_what_it_replaces(batch):
    submitted = batch["course"] / "submitted"
    assert (submitted / "notebook-not-json" / MODULE / f"{NOTEBOOK}.unreadable").read_bytes()[
        :8
    ] == b"%PDF-1.4"
    aside = submitted / "responses-truncated" / MODULE / "responses.damaged-repair.json"
    assert '"q5"' in aside.read_text()


def test_runaway_code_is_shown_to_the_grader_but_never_run(batch):
    folder = batch["course"] / "feedback" / "added-runaway-code" / MODULE
    html = (folder / f"{MODULE}.html").read_text()
    assert "while True:" in html and "not run" in html
    assert "flood flood" not in html  # the flood never printed
