"""The synthetic gradebook ``report_benchmark.py`` times the report on.

In ``FOLDER/course`` (made here):

- a course folder with the repository's nbgrader_config.py and every module of the English
  edition in ``source/`` (``NN_slug``; a learner takes one edition), registered in a new SQLite
  gradebook by nbgrader's own ``generate_assignment``;
- N learners with a submission of every module, written straight into nbgrader's own tables
  (student, submitted_assignment, submitted_notebook, grade) with the columns and values
  nbgrader's autograde leaves: each choice question scored against the real answer key, each
  reflection's "written" check passed, most reflections graded by a person;
- each submission's autograded ``responses.json``: answers drawn from a simple ability model
  (a learner of ability th answers a question of difficulty b correctly with probability
  1 / (1 + exp(b - th))), reflections of about 120 words, one learner in three sharing.
"""

from __future__ import annotations

import json
import math
import random
import re
import shutil
import sqlite3
import uuid
import warnings
from datetime import datetime, timedelta
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent

TABLES = (
    "student", "assignment", "notebook", "base_cell", "grade_cells", "task_cells",
    "submitted_assignment", "submitted_notebook", "grade",
)  # fmt: skip
DUE = datetime(2026, 3, 1, 12, 0, 0)
WORDS = (
    "I noticed who spoke first in the huddle and whose knowledge was treated as evidence "
    "when the family asked for an interpreter and a longer visit"
).split()
SCALE = ["Rarely", "Sometimes", "Often", "Almost always", "Not sure yet"]
ENGLISH = re.compile(r"^\d\d_")


def _key_and_options(course: Path, module: str):
    from allyship.course.key import answer_key
    from allyship.instructor.items import question_options

    notebook = course / "source" / module / f"{module}.ipynb"
    key = {k: v for k, v in answer_key(notebook).items() if k[0] == "q" and k[1:].isdigit()}
    return key, question_options(notebook)


def _answer(rng: random.Random, ability: float, difficulty: float, key, options):
    right = rng.random() < 1 / (1 + math.exp(difficulty - ability))
    if isinstance(key, list):
        if right:
            return list(key)
        wrong = [o for o in options if o not in key]
        return sorted(set(key[:-1]) | set(rng.sample(wrong, 1))) if wrong else key[:-1]
    if right:
        return key
    wrong = [o for o in options if o != key]
    return rng.choices(wrong, weights=range(len(wrong), 0, -1))[0]  # one distractor draws most


def build(course: Path, learners: int, progress, seed: int = 20) -> None:
    """The course folder, its gradebook and every autograded responses.json (see above);
    ``progress(what)`` hears each thousand learners."""
    from nbgrader.api import Gradebook

    from allyship.course.layout import list_modules
    from allyship.grading.release import register

    course.mkdir(parents=True)
    shutil.copy(REPO / "nbgrader_config.py", course / "nbgrader_config.py")
    for folder in sorted((REPO / "source").iterdir()):  # one edition: a learner takes one
        if ENGLISH.match(folder.name):
            shutil.copytree(folder, course / "source" / folder.name)
    modules = list_modules(course)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        register(course, modules)
        with Gradebook(f"sqlite:///{course / 'gradebook.db'}") as gb:
            for module in modules:
                gb.update_or_create_assignment(module, duedate=DUE)
    progress("modules registered")
    con = sqlite3.connect(course / "gradebook.db")
    ids = {
        name: aid for aid, name in con.execute("SELECT id, name FROM assignment")
    }  # fmt: skip
    notebooks = {aid: nid for nid, aid in con.execute("SELECT id, assignment_id FROM notebook")}
    cells = {}  # module -> [(cell id, name, max score, kind)]
    for module, aid in ids.items():
        cells[module] = [
            (cid, name, score, kind)
            for cid, name, score, kind in con.execute(
                "SELECT b.id, b.name, COALESCE(g.max_score, t.max_score), b.type FROM base_cell b "
                "LEFT JOIN grade_cells g ON g.id = b.id LEFT JOIN task_cells t ON t.id = b.id "
                "WHERE b.notebook_id = ? AND b.type IN ('GradeCell', 'TaskCell')",
                (notebooks[aid],),
            )
        ]
    rng = random.Random(seed)
    names = [f"S{n:05d}" for n in range(1, learners + 1)]
    con.executemany(
        "INSERT INTO student (id, first_name, last_name) VALUES (?, ?, ?)",
        [(s, f"First{s[1:]}", f"Last{s[1:]}") for s in names],
    )
    plans = {m: _key_and_options(course, m) for m in modules}
    difficulty = {(m, q): rng.uniform(-2, 1.5) for m in modules for q in plans[m][0]}
    for n, learner in enumerate(names, 1):
        ability = rng.gauss(0, 1)
        subs, nbs, grades = [], [], []
        for module in modules:
            key, options = plans[module]
            answers = {
                q: _answer(rng, ability, difficulty[module, q], key[q], options.get(q, ([], 0))[0])
                for q in key
            }
            sa, sn = uuid.uuid4().hex, uuid.uuid4().hex
            when = DUE - timedelta(hours=rng.uniform(-6, 200))
            subs.append((sa, ids[module], learner, when.strftime("%Y-%m-%d %H:%M:%S.%f")))
            nbs.append((sn, sa, notebooks[ids[module]]))
            graded = rng.random() < 0.9
            for cid, name, top, kind in cells[module]:
                if kind == "TaskCell":  # a reflection, scored by a person
                    score = float(rng.randint(3, int(top))) if graded else None
                    grades.append((uuid.uuid4().hex, sn, cid, None, score, not graded))
                elif name in answers:
                    right = answers[name] == key[name] or (
                        isinstance(key[name], list) and sorted(answers[name]) == sorted(key[name])
                    )
                    grades.append((uuid.uuid4().hex, sn, cid, top if right else 0.0, None, False))
                else:  # the "written" check of a reflection
                    grades.append((uuid.uuid4().hex, sn, cid, top, None, False))
            for r in ("r1", "r2"):
                answers[r] = " ".join(rng.choices(WORDS, k=120))
            answers["c1"] = "Ask the family whose direction to follow."
            if module.startswith("05"):
                answers |= {f"a{k}": rng.choice(SCALE) for k in range(1, 6)}
            if rng.random() < 1 / 3:
                answers["share"] = "yes"
            folder = course / "autograded" / learner / module
            folder.mkdir(parents=True)
            (folder / "responses.json").write_text(json.dumps(answers), encoding="utf-8")
        con.executemany(
            "INSERT INTO submitted_assignment (id, assignment_id, student_id, timestamp) "
            "VALUES (?, ?, ?, ?)",
            subs,
        )
        con.executemany(
            "INSERT INTO submitted_notebook (id, assignment_id, notebook_id, flagged) "
            "VALUES (?, ?, ?, 0)",
            nbs,
        )
        con.executemany(
            "INSERT INTO grade (id, notebook_id, cell_id, auto_score, manual_score, "
            "needs_manual_grade) VALUES (?, ?, ?, ?, ?, ?)",
            grades,
        )
        if n % 1000 == 0:
            con.commit()
            progress(f"built {n} of {learners} learners")
    con.commit()
    con.close()
