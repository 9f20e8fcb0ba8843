"""The SQL reader reads what nbgrader's own ORM reads: frame for frame, on the synthetic cohort
as real `nbgrader autograde` left it, and after a grader's extension, extra credit and a
regrade (the rules nbgrader applies in its ORM: manual over automatic, extra credit added,
extensions moving the due date)."""

from __future__ import annotations

import shutil
import warnings
from datetime import timedelta

import pandas as pd
import pytest
from nbgrader.api import Gradebook

from allyship.instructor import gradebook as G

from .synthetic import M1

pytestmark = pytest.mark.xdist_group("analytics-synthetic")


def orm_frames(url: str):
    """The frames as nbgrader's ORM gives them, object by object (the reader this replaced)."""
    grades, submissions = [], []
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        with Gradebook(url) as gb:
            learners = sorted(s.id for s in gb.students)
            modules = sorted(a.name for a in gb.assignments)
            for assignment in gb.assignments:
                for sub in assignment.submissions:
                    submissions.append(
                        (sub.student.id, assignment.name, sub.timestamp, sub.duedate,
                         float(sub.total_seconds_late))
                    )  # fmt: skip
                    for nb in sub.notebooks:
                        for g in nb.grades:
                            grades.append(
                                (sub.student.id, assignment.name, g.name, float(g.score),
                                 float(g.max_score), g.auto_score, g.manual_score,
                                 bool(g.needs_manual_grade))
                            )  # fmt: skip
    subs = pd.DataFrame(submissions, columns=G.SUBMISSION_COLUMNS)
    grades = pd.DataFrame(grades, columns=G.GRADE_COLUMNS).astype(
        {"auto_score": float, "manual_score": float}
    )
    return (
        learners,
        modules,
        subs.sort_values(["module", "learner"]).reset_index(drop=True),
        grades.sort_values(["module", "learner", "item"]).reset_index(drop=True),
    )


def assert_same(url: str):
    learners, modules, subs, grades = orm_frames(url)
    data = G.load(url)
    assert data.learners == learners and data.modules == modules
    order = ["module", "learner", "item"]
    ours = data.grades.astype({k: str for k in order}).sort_values(order, ignore_index=True)
    pd.testing.assert_frame_equal(ours, grades)
    assert all(data.grades[k].cat.categories.is_monotonic_increasing for k in order)
    pd.testing.assert_frame_equal(data.submissions, subs, check_dtype=False)
    return data


def test_the_sql_reader_reads_what_nbgrader_reads(synthetic):
    data = assert_same(f"sqlite:///{synthetic / 'gradebook.db'}")
    assert len(data.grades) == 36 * 4 + 12 * 3  # 01: q1 q2 r1 r1-written; 05: q1 r1 r1-written
    assert data.people["learner"].tolist() == data.learners


def test_extensions_extra_credit_and_regrades_follow_nbgrader(synthetic, tmp_path):
    shutil.copy(synthetic / "gradebook.db", tmp_path / "gradebook.db")
    url = f"sqlite:///{tmp_path / 'gradebook.db'}"
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        with Gradebook(url) as gb:
            gb.find_submission(M1, "L02").extension = timedelta(hours=30)  # 26 h late -> on time
            gb.find_submission(M1, "L01").extension = timedelta(minutes=30)  # 2 h -> 1.5 h
            gb.find_grade("q1", M1, M1, "L21").extra_credit = 0.5  # auto 0 + 0.5
            gb.find_grade("r1", M1, M1, "L05").manual_score = 3  # regraded: 6 -> 3
            gb.find_grade("q1", M1, M1, "L22").manual_score = 2  # a person overrides autograde
            gb.db.commit()
    data = assert_same(url)
    late = G.late_submissions(data).set_index("learner")["hours_late"]
    assert late.to_dict() == {"L01": 1.5, "L03": 0.5}
    scores = G.scores(data)
    assert scores.loc["L21", M1] == 9.5 and scores.loc["L05", M1] == 8
    assert scores.loc["L22", M1] == 11
