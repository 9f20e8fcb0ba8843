"""One small real path: two learners' module 01 submissions autograded by real nbgrader, so the
readers are proven on real data (the synthetic cohort proves the arithmetic)."""

from __future__ import annotations

import ast
import csv
import json

import nbformat
import pytest

from allyship.instructor import gradebook as G

from ..helpers import MODULES, fetch, key, make_course, nbgrader, submit

pytestmark = [pytest.mark.slow, pytest.mark.xdist_group("analytics-real")]
MODULE = MODULES[0]


def options(course, item):
    nb = nbformat.read(str(course / "source" / MODULE / f"{MODULE}.ipynb"), as_version=4)
    cell = next(c for c in nb.cells if c.metadata["nbgrader"]["grade_id"] == f"{item}-ask")
    return ast.literal_eval(ast.parse(cell.source).body[0].value.args[2])


@pytest.fixture(scope="module")
def real(tmp_path_factory):
    root = tmp_path_factory.mktemp("analytics-real")
    course = make_course(root / "course", [MODULE])
    nbgrader(course, "generate_assignment", MODULE)
    nbgrader(course, "release_assignment", MODULE)
    answers = key(MODULE, course)
    wrong = next(o for o in options(course, "q1") if o != answers["q1"])
    given = {"keyed": answers, "wrong": {**answers, "q1": wrong}}
    for learner, responses in given.items():
        home = root / learner
        notebook = fetch(course, MODULE, home)
        (notebook.parent / "responses.json").write_text(json.dumps(responses), encoding="utf-8")
        submit(course, MODULE, home, learner)
    nbgrader(course, "collect", MODULE)
    nbgrader(course, "autograde", MODULE)
    out = root / "by_item.csv"
    nbgrader(course, "export", "--exporter=allyship.instructor.export.ItemCsvExport", f"--to={out}")
    data = G.load(G.gradebook_url(course))
    return {"course": course, "answers": answers, "wrong": wrong, "data": data, "csv": out}


def test_the_readers_see_the_real_gradebook(real):
    data = real["data"]
    assert data.learners == ["keyed", "wrong"] and data.modules == [MODULE]
    assert G.completion(data)[MODULE].tolist() == [True, True]
    questions = sorted(k for k in real["answers"] if k.startswith("q"))
    reflections = sorted(k for k in real["answers"] if k.startswith("r"))
    waiting = G.awaiting_manual_grading(data)
    assert sorted(map(tuple, waiting.values.tolist())) == sorted(
        (learner, MODULE, r) for learner in ("keyed", "wrong") for r in reflections
    )
    scores = G.scores(data)
    assert scores.loc["keyed", MODULE] - scores.loc["wrong", MODULE] == 2  # q1 is worth 2
    assert len(questions) >= 6


def test_difficulty_and_wrong_option_from_real_autograded_answers(real):
    data, course = real["data"], real["course"]
    responses = G.read_responses(course, data)
    table = G.item_difficulty(data, responses, G.answer_keys(course, data.modules))
    table = table.set_index("item")
    assert table.loc["q1", ["graded", "correct"]].tolist() == [2, 1]
    assert table.loc["q1", ["most_chosen_wrong", "times_chosen"]].tolist() == [real["wrong"], 1]
    others = table.drop(index="q1")
    assert (others["correct"] == 2).all() and (others["times_chosen"] == 0).all()


def test_the_item_export_matches_the_gradebook(real):
    with open(real["csv"], newline="", encoding="utf-8") as f:
        rows = {r["student_id"]: r for r in csv.DictReader(f)}
    assert set(rows) == {"keyed", "wrong"}
    assert rows["keyed"][f"{MODULE}:q1"] == "2" and rows["wrong"][f"{MODULE}:q1"] == "0"
    scores = G.scores(real["data"])
    for learner in rows:
        assert float(rows[learner][f"{MODULE}:total"]) == scores.loc[learner, MODULE]
