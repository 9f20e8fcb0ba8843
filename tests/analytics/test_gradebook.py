"""The instructor's analytics on the synthetic cohort: every number is worked out by hand in
synthetic.py."""

from __future__ import annotations

import math

import pytest

from allyship.errors import NoGradebookError
from allyship.instructor import gradebook as G

from .synthetic import LEARNERS, M1, M5

pytestmark = pytest.mark.xdist_group("analytics-synthetic")


def test_roster_and_modules_come_from_the_gradebook(data):
    assert data.learners == LEARNERS and data.modules == [M1, M5]
    assert len(data.submissions) == 36 + 12


def test_completion_counts_submissions(data):
    done = G.completion(data)
    assert done.shape == (40, 2)
    assert done[M1].sum() == 36 and not done.loc["L37", M1] and done.loc["L36", M1]
    assert done[M5].sum() == 12 and done.loc["L12", M5] and not done.loc["L13", M5]
    by_module = G.completion_by_module(data)
    assert by_module.loc[M1].tolist() == [36, 40, 0.9]
    assert by_module.loc[M5].tolist() == [12, 40, 0.3]


def test_scores_per_learner_and_module(data):
    scores = G.scores(data)
    # 01: q1 2 + q2 2 + r1 6 (graded) + written 1 = 11; L21 misses q1: 9; L31: only written, 1
    assert scores.loc["L01", M1] == 11 and scores.loc["L21", M1] == 9
    assert scores.loc["L31", M1] == 1
    # 05: q1 2 + r1 6 + written 1 = 9; L05 misses q1: 7
    assert scores.loc["L01", M5] == 9 and scores.loc["L05", M5] == 7
    assert math.isnan(scores.loc["L40", M1]) and math.isnan(scores.loc["L13", M5])
    assert G.max_points(data).tolist() == [13, 11]


def test_item_difficulty_and_most_chosen_wrong_option(data, responses, synthetic):
    keys = G.answer_keys(synthetic, data.modules)
    assert keys == {M1: {"q1": "B", "q2": "a + c"}, M5: {"q1": "X"}}
    table = G.item_difficulty(data, responses, keys).set_index(["module", "item"])
    assert table.loc[(M1, "q1"), ["graded", "correct"]].tolist() == [36, 20]
    assert table.loc[(M1, "q1"), "share_correct"] == pytest.approx(20 / 36)
    # 10 chose C, but L30's answers file is damaged: 9 readable
    assert table.loc[(M1, "q1"), ["most_chosen_wrong", "times_chosen"]].tolist() == ["C", 9]
    assert table.loc[(M1, "q2"), "share_correct"] == pytest.approx(30 / 36)
    # a tie, 3 and 3, goes to the option first in alphabetical order
    assert table.loc[(M1, "q2"), ["most_chosen_wrong", "times_chosen"]].tolist() == ["a", 3]
    assert table.loc[(M5, "q1"), ["graded", "correct", "most_chosen_wrong"]].tolist() == [
        12, 4, "Y",
    ]  # fmt: skip


def test_a_damaged_answers_file_is_left_alone_and_skipped(responses, synthetic):
    assert set(responses.loc[responses.module == M1, "learner"]) == {
        f"L{n:02d}" for n in range(1, 37) if n != 30
    }
    assert (synthetic / "autograded/L30" / M1 / "responses.json").read_text() == "{not json"


def test_reflections_awaiting_grading(data):
    waiting = G.awaiting_manual_grading(data)
    assert waiting.values.tolist() == [[f"L{n}", M1, "r1"] for n in range(31, 37)]


def test_late_submissions(data):
    late = G.late_submissions(data)
    assert late[["learner", "module", "hours_late"]].values.tolist() == [
        ["L01", M1, 2.0], ["L02", M1, 26.0], ["L03", M1, 0.5],
    ]  # fmt: skip


def test_no_gradebook_is_an_error_and_none_is_created(tmp_path):
    with pytest.raises(NoGradebookError, match="There is no gradebook yet"):
        G.gradebook_url(tmp_path)
    assert not (tmp_path / "gradebook.db").exists()


def test_any_sqlalchemy_url_is_passed_through(tmp_path, monkeypatch):
    monkeypatch.setenv("ALLYSHIP_DB_URL", "postgresql://grader@db/allyship")
    assert G.gradebook_url(tmp_path) == "postgresql://grader@db/allyship"
    assert G.gradebook_url(tmp_path, "mysql://x/y") == "mysql://x/y"
