"""The report says who it counts: nbgrader's student list, and when that list may hold only the
learners who submitted (nbgrader adds a learner on their first graded submission)."""

from __future__ import annotations

import pandas as pd

from allyship.instructor.reports import Report, roster_text


def _report(completion: pd.DataFrame) -> Report:
    empty = pd.DataFrame()
    return Report(completion, empty, empty, pd.Series(dtype=float), empty, empty, empty, empty)


def test_a_class_list_with_learners_who_have_not_submitted_is_counted_as_is():
    done = pd.DataFrame({"01": [True, False, False]}, index=["ana", "ben", "chloe"])
    text = roster_text(_report(done))
    assert "3 learner(s) in nbgrader's student list; 1 have submitted" in text
    assert "class list" not in text


def test_a_list_of_submitters_only_says_how_to_add_the_class_list():
    done = pd.DataFrame({"01": [True], "02": [False]}, index=["ana"])
    text = roster_text(_report(done))
    assert "1 learner(s)" in text and "nbgrader db student import" in text
