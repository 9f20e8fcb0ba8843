"""A small cohort for the item analysis: ten learners, one module of four graded questions and a
reflection, submitted as nbgrader submit leaves them and graded by real `nbgrader autograde`.

Every figure the tests assert is worked out by hand in test_item_analysis.py from the table
below (1 = scored the question's 2 points, 0 = scored nothing):

          q1 q2 q3 q4 | total   answers given (the key in brackets)
    K01    1  1  0  1 |  3      q1 [B]: B, B, B, B, B, B, A, B, C, A (K01..K10)
    K02    1  1  0  1 |  3      q2 [a + c]: right for K01-K04, K06, K07;
    K03    1  1  1  0 |  3                  K05 a, K08 a + b + c, K09 c, K10 a
    K04    1  1  0  0 |  2      q3 [C] (MISKEYED: the right answer is A):
    K05    1  0  0  0 |  1         A, A, C, A, B, C, C, C, C, C
    K06    1  1  1  0 |  3      q4 [D] (hard): D, D, A, B, A, C, A, B, A, C
    K07    0  1  1  0 |  2
    K08    1  0  1  0 |  2      r1 (8 points, by a person): K01 8, K02 7, K03 6, K04 6,
    K09    0  0  1  0 |  1         K05 4, K06 5, K07 3, K08 2; K09 and K10 not yet graded
    K10    0  0  1  0 |  1

No one ever chooses q1's option D.
"""

from __future__ import annotations

import json
import shutil
from datetime import datetime, timedelta
from pathlib import Path

import nbformat
from nbgrader.api import Gradebook

from allyship.course import authoring as A

from ..helpers import REPO
from .synthetic import _nbgrader

MODULE = "03_items"
LEARNERS = [f"K{n:02d}" for n in range(1, 11)]
DUE = datetime(2026, 4, 1, 12, 0, 0)
Q1 = "B B B B B B A B C A".split()
Q2 = [["a", "c"]] * 4 + [["a"], ["a", "c"], ["a", "c"], ["a", "b", "c"], ["c"], ["a"]]
Q3 = "A A C A B C C C C C".split()
Q4 = "D D A B A C A B A C".split()
R1 = [8, 7, 6, 6, 4, 5, 3, 2, None, None]


def reflection_text(learner: str) -> str:
    return f"Item-analysis reflection by {learner}: I asked the family what mattered first."


def _source(course: Path) -> None:
    cells = [
        A.text("# Module 03 \u2014 Items\n\n**Time:** about 30\u201340 minutes.", "title"),
        A.setup(),
        *A.choice("q1", "First", ["A", "B", "C", "D"], "B"),
        *A.choices("q2", "Second (all that apply)", ["a", "b", "c"], ["a", "c"]),
        *A.choice("q3", "Third", ["A", "B", "C"], "C"),  # miskeyed on purpose: A is right
        *A.choice("q4", "Fourth", ["A", "B", "C", "D"], "D"),
        *A.reflection("r1", "Think", "Or this", points=8),
    ]
    folder = course / "source" / MODULE
    folder.mkdir(parents=True)
    nbformat.write(A.notebook(cells), str(folder / f"{MODULE}.ipynb"))


def build(course: Path) -> Path:
    course.mkdir(parents=True, exist_ok=True)
    shutil.copy(REPO / "nbgrader_config.py", course / "nbgrader_config.py")
    _source(course)
    _nbgrader(course, "generate_assignment", MODULE)
    with Gradebook(f"sqlite:///{course / 'gradebook.db'}") as gb:
        gb.update_or_create_assignment(MODULE, duedate=DUE)
        for learner in LEARNERS:
            gb.add_student(learner)
    for n, learner in enumerate(LEARNERS):
        folder = course / "submitted" / learner / MODULE
        folder.mkdir(parents=True)
        shutil.copy(course / "release" / MODULE / f"{MODULE}.ipynb", folder)
        answers = {
            "q1": Q1[n],
            "q2": Q2[n],
            "q3": Q3[n],
            "q4": Q4[n],
            "r1": reflection_text(learner),
        }
        (folder / "responses.json").write_text(json.dumps(answers), encoding="utf-8")
        when = DUE - timedelta(days=1)
        (folder / "timestamp.txt").write_text(when.strftime("%Y-%m-%d %H:%M:%S.%f UTC"))
    _nbgrader(course, "autograde", MODULE)
    with Gradebook(f"sqlite:///{course / 'gradebook.db'}") as gb:
        for learner, score in zip(LEARNERS, R1, strict=True):
            if score is not None:
                grade = gb.find_grade("r1", MODULE, MODULE, learner)
                grade.manual_score = score
                grade.needs_manual_grade = False
        gb.db.commit()
    return course
