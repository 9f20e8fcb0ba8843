"""What the item analysis reads: each graded question's options and key, each learner's points
per question, and which options each learner chose.

The options and the key come from ``source/`` (the ``Choice`` call of each ``qN-ask`` cell and
the ``check_choice``/``check_choices`` call of its hidden test), never typed twice. Points come
from the gradebook (:class:`~allyship.instructor.gradebook.CourseData`); the options chosen from
the autograded ``responses.json`` (:func:`~allyship.instructor.gradebook.read_responses`, where a
select-all answer is its options, sorted, joined with " + ").
"""

from __future__ import annotations

import ast
from dataclasses import dataclass
from pathlib import Path

import nbformat
import pandas as pd

from ..course.key import answer_key
from ..course.layout import list_modules, source_notebook
from .gradebook import QUESTION, REFLECTION, CourseData

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
    nb = nbformat.read(str(notebook), as_version=4)
    found = {}
    for cell in nb.cells:
        gid = cell.get("metadata", {}).get("nbgrader", {}).get("grade_id", "")
        if cell.cell_type != "code" or not gid.endswith("-ask"):
            continue
        try:
            tree = ast.parse(cell.source)
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


def points(data: CourseData, module: str, pattern=QUESTION, automatic: bool = True):
    """Learners (rows) x items (columns) of one module: the points each scored, for the items
    whose id matches ``pattern`` that were scored (automatically, or by a person)."""
    g = data.grades
    g = g.loc[g["module"] == module]
    g = g.loc[g["item"].str.match(pattern)]
    g = g.loc[g["auto_score"].notna()] if automatic else g.loc[g["manual_score"].notna()]
    table = g.pivot(index="learner", columns="item", values="score")
    return table[_order(table.columns)] if len(table.columns) else table


def most_points(data: CourseData, module: str) -> pd.Series:
    """The points each grade cell of ``module`` is worth."""
    g = data.grades.loc[data.grades["module"] == module]
    return g.drop_duplicates("item").set_index("item")["max_score"]


def reflection_points(data: CourseData, module: str) -> pd.DataFrame:
    """Learners x reflections (``r1``, ``r2``): points a person gave; absent until graded."""
    return points(data, module, REFLECTION, automatic=False)


def chosen(responses: pd.DataFrame, module: str, question: Question) -> pd.DataFrame:
    """Learners (rows) x the question's options (columns): True where the learner chose it.

    Only learners whose answer is readable appear; an answer naming no option of the question
    (the module changed since) is kept as chosen nothing."""
    r = responses
    answers = r.loc[(r["module"] == module) & (r["item"] == question.item), ["learner", "value"]]
    values = answers.set_index("learner")["value"]
    options = list(question.options)
    if question.multiple:
        ticked = values.str.split(JOIN, regex=False).explode()
        table = pd.crosstab(ticked.index, ticked).reindex(index=values.index, columns=options)
        table = table.fillna(0).astype(bool)
    else:
        table = pd.DataFrame(
            values.to_numpy()[:, None] == pd.Series(options).to_numpy()[None, :],
            index=values.index,
            columns=options,
        )
    table.index.name, table.columns.name = "learner", "option"
    return table
