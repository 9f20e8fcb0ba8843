"""One batch for the whole reliability suite: every bad kind of submission plus two good
learners, taken through the real grading path in one course: ``nbgrader collect``, the course's
``allyship repair``, one ``nbgrader autograde`` run, ``nbgrader generate_feedback``.

Submissions are written into the exchange's inbound folder exactly as ``nbgrader submit`` lays
them out (``<student>+<assignment>+<timestamp>+<random>/``); collect and everything after it are
the real commands.
"""

from __future__ import annotations

import json
import shutil
import time

import nbformat
import pytest
from nbgrader.api import Gradebook

from ..helpers import BIN, key, make_course, nbgrader, run
from .catalogue import KINDS, MODULE, NOTEBOOK, use_release, write_answers

GOOD = ("good-keyed", "good-partly")
FLIPPED = ("q1", "q2")  # what good-partly answers wrongly


def wrong(value, options_hint: str = "An option the course does not expect.") -> str:
    return options_hint if isinstance(value, str) else [options_hint]


@pytest.fixture(scope="session")
def batch(tmp_path_factory):
    root = tmp_path_factory.mktemp("reliability")
    course = make_course(root / "course", [MODULE])
    nbgrader(course, "generate_assignment", MODULE)
    answers = key(MODULE, course)
    release = course / "release" / MODULE / NOTEBOOK
    use_release(release)
    full = {  # every autograded test cell and its points, as the release declares them
        c.metadata.nbgrader["grade_id"]: c.metadata.nbgrader["points"]
        for c in nbformat.read(str(release), as_version=4).cells
        if c.metadata.get("nbgrader", {}).get("grade") and c.cell_type == "code"
    }
    inbound = course / "exchange" / "allyship" / "inbound"
    inbound.mkdir(parents=True)
    learners = {k.name: k for k in KINDS}
    for n, name in enumerate([*GOOD, *learners]):
        stamp = time.strftime("%Y-%m-%d %H:%M:%S", time.gmtime()) + f".{n:06d} UTC"
        folder = inbound / f"{name}+{MODULE}+{stamp}+r{n:04d}"
        folder.mkdir()
        (folder / "timestamp.txt").write_text(stamp)
        if name in learners:
            learners[name].build(folder, answers)
        else:
            given = dict(answers)
            if name == "good-partly":
                given.update({q: wrong(answers[q]) for q in FLIPPED})
            shutil.copy(release, folder / NOTEBOOK)
            write_answers(folder, given)
    collected = nbgrader(course, "collect", MODULE)
    repaired = run([str(BIN / "allyship"), "--course", str(course), "repair", MODULE], cwd=course)
    graded = nbgrader(course, "autograde", MODULE, check=False)
    feedback = nbgrader(course, "generate_feedback", MODULE, check=False)
    return {
        "course": course,
        "answers": answers,
        "full": full,
        "collect": collected,
        "repair": repaired,
        "autograde": graded,
        "feedback": feedback,
        "learners": [*GOOD, *learners],
    }


def scores(batch, learner) -> dict[str, tuple[float, float]]:
    """Each autograded test cell's (score, max) for one learner, from the gradebook."""
    with Gradebook(f"sqlite:///{batch['course'] / 'gradebook.db'}") as gb:
        nb = gb.find_submission_notebook(MODULE, MODULE, learner)
        return {
            g.name: (g.auto_score, g.max_score)
            for g in nb.grades
            if g.auto_score is not None and not g.needs_manual_grade
        }


def read_json(path):
    return json.loads(path.read_text(encoding="utf-8"))
