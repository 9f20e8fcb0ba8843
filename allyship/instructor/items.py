"""What the item analysis reads: each graded question's options and key, each learner's points
per question, and which options each learner chose.

The options and the key come from ``source/`` (the ``Choice`` call of each ``qN-ask`` cell and
the ``check_choice``/``check_choices`` call of its hidden test), never typed twice, read as JSON
(:mod:`.source_json`: no nbformat import on the report's path). Points come
from the gradebook (:class:`~allyship.instructor.gradebook.CourseData`); the options chosen from
the autograded ``responses.json`` (:func:`~allyship.instructor.gradebook.read_responses`, where a
select-all answer is its options, sorted, joined with " + ").
"""

from __future__ import annotations

import ast
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd

from ..course.layout import list_modules, source_notebook
from .gradebook import QUESTION, REFLECTION, CourseData, matches
from .source_json import answer_key, code_cells

JOIN = " + "  # how gradebook.read_responses writes a select-all answer
LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"


@dataclass(frozen=True)
class Question:
    """One graded choice question as the module states it."""

    item: str
    options: tuple[str, ...]
    key: frozenset[str]  # the option(s) that earn the points
    multiple: bool  # select all that apply

    def letter(self, option: str) -> str:
        return LETTERS[self.options.index(option)] if option in self.options else "?"


def question_options(notebook: Path) -> dict[str, tuple[list[str], bool]]:
    """Each ``Choice`` question's options and whether it is select-all, from its ``-ask`` cell."""
    found = {}
    for gid, source in code_cells(notebook):
        if not gid.endswith("-ask"):
            continue
        try:
            tree = ast.parse(source)
        except SyntaxError:
            continue
        for node in ast.walk(tree):
            if not (isinstance(node, ast.Call) and getattr(node.func, "id", "") == "Choice"):
                continue
            try:
                item, _prompt, options = (ast.literal_eval(a) for a in node.args[:3])
                keywords = {k.arg: ast.literal_eval(k.value) for k in node.keywords}
            except (ValueError, TypeError):
                continue  # not literal arguments: nothing to read
            if isinstance(item, str) and QUESTION.match(item):
                found[item] = ([str(o) for o in options], bool(keywords.get("multiple")))
    return found


def questions(course: Path, modules: list[str]) -> dict[str, dict[str, Question]]:
    """Per module, each graded question with its options and key (modules not in ``source/``
    have none)."""
    present = set(list_modules(course)) if (course / "source").is_dir() else set()
    table: dict[str, dict[str, Question]] = {}
    for module in modules:
        if module not in present:
            table[module] = {}
            continue
        notebook = source_notebook(course, module)
        keys = answer_key(notebook)
        table[module] = {}
        for item, (options, multiple) in question_options(notebook).items():
            if item in keys:
                value = keys[item]
                key = frozenset(value if isinstance(value, list) else [value])
                table[module][item] = Question(item, tuple(options), key, multiple)
    return table


def _order(items) -> list[str]:
    return sorted(items, key=lambda i: int("".join(c for c in i if c.isdigit()) or 0))


@dataclass
class Prepared:
    """The gradebook and the answers, split once for every module's analysis."""

    scores: pd.DataFrame  # learners x (module, item): automatic points of each question
    points: pd.Series  # (module, item) -> the points it is worth
    reflections: pd.DataFrame  # the grade rows of reflections (scored by people)
    answers: dict[tuple[str, str], pd.Series]  # (module, item) -> value per learner


def prepare(data: CourseData, responses: pd.DataFrame) -> Prepared:
    g = data.grades
    items = g["item"]
    is_question = matches(items, QUESTION)
    q = g.loc[is_question & g["auto_score"].notna()]
    scores = q.pivot(index="learner", columns=["module", "item"], values="score")
    points = g.drop_duplicates(["module", "item"]).set_index(["module", "item"])["max_score"]
    r = responses.loc[matches(responses["item"], QUESTION)]
    learners, values = r["learner"].to_numpy(), r["value"].array  # categorical: codes kept
    answers = {  # one Series per question, cut by position: no frame per group
        k: pd.Series(values[at], index=pd.Index(learners[at], name="learner"), name="value")
        for k, at in r.groupby(["module", "item"], observed=True).indices.items()
    }
    return Prepared(scores, points, g.loc[matches(items, REFLECTION)], answers)


def points(prepared: Prepared, module: str) -> pd.DataFrame:
    """Learners (rows) x questions (columns) of one module: the automatic points each scored;
    only learners with a graded submission of the module."""
    s = prepared.scores
    if module not in s.columns.get_level_values(0):
        return pd.DataFrame(index=pd.Index([], name="learner"))
    table = s[module].dropna(how="all")
    return table[_order(table.columns)]


def chosen_grid(values: pd.Series, question: Question) -> tuple[np.ndarray, int]:
    """Answers (rows, in the order of ``values``, one per learner) x the question's options
    (columns): True where the learner chose the option; and how many of the answers name
    something that is not one of the options (for a select-all question, in any of its parts).

    Only learners whose answer is readable appear; an answer naming no option of the question
    (the module changed since) is kept as chosen nothing. Each distinct answer is read once (the
    answers' categories hold every text of the course: only those given here are looked at)."""
    options = list(question.options)
    known = set(options)
    codes, distinct = pd.factorize(values)
    masks = np.zeros((len(distinct), len(options)), dtype=bool)
    foreign = np.zeros(len(distinct), dtype=bool)
    for n, answer in enumerate(distinct):
        picked = answer.split(JOIN) if question.multiple else [answer]
        masks[n] = [o in picked for o in options]
        foreign[n] = not known.issuperset(picked)
    if not len(values):
        return np.zeros((0, len(options)), dtype=bool), 0
    return masks[codes], int(foreign[codes].sum())
