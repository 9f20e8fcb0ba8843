"""A synthetic cohort of 40 learners: submissions written as nbgrader submit leaves them, then
graded by real `nbgrader autograde` into a real gradebook.

Every number the tests assert is derived here by hand, in the comments beside the data.

Module 01_alpha (36 of 40 submitted; L37-L40 never did):
  q1 single choice, answer "B": L01-L20 "B" (right), L21-L30 "C", L31-L36 "A"
     -> 20/36 correct; most-chosen wrong "C" (10 in the gradebook, 9 readable: L30's file is
        damaged)
  q2 select-all, answer [a, c]: L01-L30 right, L31-L33 [a], L34-L36 [a, b, c]
     -> 30/36 correct; wrong answers tie 3-3 ... but L30's file is damaged and L30 was right,
        so the tie stands: "a" (3) and "a + b + c" (3); ties go to the first alphabetically: "a"
  r1 reflection: graded by a person for L01-L30; L31-L36 await grading (6 rows)
  late: L01 by 2 h, L02 by 26 h, L03 by 30 min; everyone else on time
  consent "yes": L01-L06 (6 >= 5, excerpts shown); "no": L07-L10; the rest never ticked
Module 05_audit (12 submitted: L01-L12):
  q1 single choice, answer "X": L01-L04 right, L05-L12 "Y" -> 4/12; wrong "Y" (8)
  self-audit: a1 L01-L06 "Often" (3), L07-L12 "Rarely" (1) -> mean 2.0, rated 12
              a2 L01-L04 "Almost always", L05-L12 "Not sure yet" -> rated 4 < 5: suppressed
              a3 L01-L11 "Sometimes" (2), L12 "Almost always" (4) -> 26/12 = 2.17
              a4, a5 not rated -> suppressed
  consent "yes": L01-L04 only (4 < 5): no excerpt from 05 is ever shown
"""

from __future__ import annotations

import json
import shutil
import subprocess
from datetime import datetime, timedelta
from pathlib import Path

import nbformat
from nbgrader.api import Gradebook

from allyship.course import authoring as A

from ..helpers import BIN, REPO

LEARNERS = [f"L{n:02d}" for n in range(1, 41)]
DUE = datetime(2026, 3, 1, 12, 0, 0)
M1, M5 = "01_alpha", "05_audit"


def reflection_text(learner: str, module: str) -> str:
    return f"In {module}, writer number {learner[1:]} noticed who spoke first in the huddle."


def _source(course: Path) -> None:
    one = [A.text("# Module 01 \u2014 Alpha", "title"), A.setup()]
    one += (
        A.text("## Learning objectives\n\n1. Tell apart A and B.\n2. Choose well.", "objectives"),
    )
    one += A.choice("q1", "Pick one", ["A", "B", "C", "D"], "B")
    one += A.choices("q2", "Pick all", ["a", "b", "c"], ["a", "c"])
    one += A.reflection("r1", "Think", "Or think this")
    one += A.commitment("c1", "One next action")
    one += A.consent()
    five = [A.text("# Module 05 \u2014 Audit", "title"), A.setup()]
    five += A.self_audit()
    five += A.choice("q1", "Pick", ["X", "Y"], "X")
    five += A.reflection("r1", "Think again", "Or this")
    five += A.consent()
    for name, cells in ((M1, one), (M5, five)):
        folder = course / "source" / name
        folder.mkdir(parents=True)
        nbformat.write(A.notebook(cells), str(folder / f"{name}.ipynb"))


def answers_01(n: int) -> dict:
    q1 = "B" if n <= 20 else "C" if n <= 30 else "A"
    q2 = ["a", "c"] if n <= 30 else ["a"] if n <= 33 else ["a", "b", "c"]
    given = {"q1": q1, "q2": q2, "r1": reflection_text(f"L{n:02d}", M1), "c1": f"act {n}"}
    if n <= 6:
        given["share"] = "yes"
    elif n <= 10:
        given["share"] = "no"
    return given


def answers_05(n: int) -> dict:
    given = {
        "q1": "X" if n <= 4 else "Y",
        "a1": "Often" if n <= 6 else "Rarely",
        "a2": "Almost always" if n <= 4 else "Not sure yet",
        "a3": "Sometimes" if n <= 11 else "Almost always",
        "r1": reflection_text(f"L{n:02d}", M5),
    }
    if n <= 4:
        given["share"] = "yes"
    return given


LATE_HOURS = {"L01": 2, "L02": 26, "L03": 0.5}


def build(course: Path) -> Path:
    """The synthetic course at ``course``: config, source/, and every submission pushed through
    real ``nbgrader autograde`` into a real gradebook.db and autograded/. Then a grader's work is
    recorded (reflections of L01-L30 scored 6) and L30's graded answers file is damaged, as a
    disk error might leave it after grading."""
    course.mkdir(parents=True, exist_ok=True)
    shutil.copy(REPO / "nbgrader_config.py", course / "nbgrader_config.py")
    _source(course)
    plan = {M1: (36, answers_01), M5: (12, answers_05)}
    for module in plan:
        _nbgrader(course, "generate_assignment", module)
    with Gradebook(f"sqlite:///{course / 'gradebook.db'}") as gb:
        for module in plan:
            gb.update_or_create_assignment(module, duedate=DUE)
        for learner in LEARNERS:
            gb.add_student(learner)
    for module, (count, answers) in plan.items():
        for n in range(1, count + 1):
            learner = f"L{n:02d}"
            late = LATE_HOURS.get(learner, 0) if module == M1 else 0
            when = DUE + timedelta(hours=late) - timedelta(hours=0 if late else 5)
            folder = course / "submitted" / learner / module
            folder.mkdir(parents=True)
            shutil.copy(course / "release" / module / f"{module}.ipynb", folder)
            (folder / "responses.json").write_text(json.dumps(answers(n)), encoding="utf-8")
            (folder / "timestamp.txt").write_text(when.strftime("%Y-%m-%d %H:%M:%S.%f UTC"))
        _nbgrader(course, "autograde", module)
    with Gradebook(f"sqlite:///{course / 'gradebook.db'}") as gb:
        for module, (count, _) in plan.items():
            for n in range(1, min(count, 30) + 1):
                grade = gb.find_grade("r1", module, module, f"L{n:02d}")
                grade.manual_score = 6
                grade.needs_manual_grade = False
        gb.db.commit()
    (course / "autograded" / "L30" / M1 / "responses.json").write_text("{not json")
    return course


def _nbgrader(course: Path, *args: str) -> None:
    proc = subprocess.run(
        [str(BIN / "nbgrader"), *args], cwd=course, capture_output=True, text=True, timeout=600
    )
    if proc.returncode != 0:
        raise AssertionError(f"nbgrader {' '.join(args)} failed:\n{proc.stdout}\n{proc.stderr}")
