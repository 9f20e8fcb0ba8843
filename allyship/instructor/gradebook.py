"""pandas frames from nbgrader's gradebook and the learners' submitted answers.

nbgrader stops at totals; instructors need to see who is stuck and which questions a cohort
misses. Everything here *computes* (returns DataFrames); :mod:`allyship.reports` draws.

Two sources, read once into a :class:`CourseData`:

* the gradebook (SQLite by default, any SQLAlchemy URL via ``ALLYSHIP_DB_URL`` or ``db_url``),
  read table by table through nbgrader's own schema with nbgrader's rules for scores
  (:mod:`.gradebook_sql`: seconds, not minutes, for ten thousand learners);
* each learner's ``responses.json`` as autograded (``autograded/<learner>/<module>/``), for
  which option a learner chose, which the gradebook does not keep.

This module imports pandas: never import it from code a module notebook runs.
"""

from __future__ import annotations

import json
import os
import re
import sys
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd

from ..course.layout import list_modules, source_notebook
from ..errors import NoGradebookError
from ..kit.store import FILENAME, is_valid_value
from .source_json import answer_key

QUESTION = re.compile(r"^q\d+$")
REFLECTION = re.compile(r"^r\d+$")
Progress = Callable[[int, int], None] | None

GRADE_COLUMNS = [
    "learner", "module", "item", "score", "max_score", "auto_score", "manual_score",
    "needs_manual_grade",
]  # fmt: skip
SUBMISSION_COLUMNS = ["learner", "module", "timestamp", "duedate", "seconds_late"]


@dataclass
class CourseData:
    """What the analytics read: the roster, the modules, and two long tables. In ``grades``,
    learner, module and item are categoricals (sorted): use ``observed=True`` when grouping."""

    learners: list[str]
    modules: list[str]
    submissions: pd.DataFrame  # one row per learner x module submitted
    grades: pd.DataFrame  # one row per learner x module x grade cell
    people: pd.DataFrame | None = None  # learner, first_name, last_name (as nbgrader keeps them)


def gradebook_url(course: Path, db_url: str | None = None) -> str:
    """The gradebook's URL: ``db_url``, else ``$ALLYSHIP_DB_URL``, else ``gradebook.db`` here.

    A SQLite file that does not exist yet is an error, not an empty gradebook: opening it would
    create one, and an instructor would see a silent, empty report.
    """
    url = db_url or os.environ.get("ALLYSHIP_DB_URL") or f"sqlite:///{course / 'gradebook.db'}"
    if url.startswith("sqlite:///"):
        path = Path(url[len("sqlite:///") :])
        if not path.is_file():
            raise NoGradebookError(
                f"There is no gradebook yet ({path} does not exist). It appears after the first "
                "`nbgrader generate_assignment` and fills in with `nbgrader autograde`."
            )
    return url


def load(url: str, progress: Progress = None, *, cache: Path | None = None) -> CourseData:
    """Read the whole gradebook into frames: one SQL query per table of nbgrader's schema, with
    nbgrader's rules for scores and lateness (:mod:`.gradebook_sql`); a SQLite gradebook's
    frames are kept in the folder ``cache`` (if given) until the file changes."""
    from . import gradebook_sql

    try:
        learners, modules, submissions, grades, people = gradebook_sql.read(url, cache)
    except ImportError as exc:
        raise NoGradebookError(
            f"The gradebook at {_safe(url)} needs a database driver that is not installed "
            f"({exc.name}). Install it in this environment, then try again."
        ) from exc
    except Exception as exc:
        if not _database_error(exc):
            raise
        raise NoGradebookError(
            f"The gradebook at {_safe(url)} could not be read ({type(exc).__name__}). Check the "
            "URL, and that the database is running and reachable from here."
        ) from exc
    if progress:
        progress(len(modules), len(modules))
    return CourseData(learners, modules, submissions, grades, people)


def _database_error(exc: BaseException) -> bool:
    """Whether ``exc`` is the database's own error: SQLite's (read without SQLAlchemy), or
    SQLAlchemy's (imported only when it read the gradebook, so it is asked only then)."""
    import sqlite3

    alchemy = sys.modules.get("sqlalchemy.exc")
    return isinstance(exc, sqlite3.Error) or (
        alchemy is not None and isinstance(exc, alchemy.SQLAlchemyError)
    )


def _safe(url: str) -> str:
    """The URL without its password, for messages."""
    from sqlalchemy.engine import make_url

    try:
        return make_url(url).render_as_string(hide_password=True)
    except Exception:  # noqa: BLE001 - a URL SQLAlchemy cannot parse has no password to hide
        return url


def matches(column: pd.Series, pattern: re.Pattern) -> pd.Series:
    """``column.str.match(pattern)``, matched once per distinct item id (a gradebook has a few
    dozen ids in hundreds of thousands of rows)."""
    ids = [i for i in column.unique() if isinstance(i, str) and pattern.match(i)]
    return column.isin(ids)


# -- per learner x module ---------------------------------------------------------------------
def scores(data: CourseData) -> pd.DataFrame:
    """Total points per learner (rows) and module (columns); empty where nothing was submitted."""
    totals = data.grades.groupby(["learner", "module"], observed=True)["score"].sum()
    table = totals.unstack("module").reindex(index=data.learners, columns=data.modules)
    table.index = pd.Index(data.learners, name="learner")
    table.columns = pd.Index(data.modules, name="module")
    return table


def completion(data: CourseData) -> pd.DataFrame:
    """Whether each learner submitted each module (True/False), learners x modules."""
    s = data.submissions
    rows = pd.Index(data.learners).get_indexer(s["learner"])
    cols = pd.Index(data.modules).get_indexer(s["module"])
    grid = np.zeros((len(data.learners), len(data.modules)), dtype=bool)
    known = (rows >= 0) & (cols >= 0)
    grid[rows[known], cols[known]] = True
    done = pd.DataFrame(grid, index=pd.Index(data.learners, name="learner"), columns=data.modules)
    done.columns.name = "module"
    return done


def completion_by_module(data: CourseData, done: pd.DataFrame | None = None) -> pd.DataFrame:
    """Per module: how many learners submitted, out of how many, and the share (``done``:
    :func:`completion`, if already computed)."""
    done = completion(data) if done is None else done
    return pd.DataFrame(
        {
            "submitted": done.sum().astype(int),
            "learners": len(data.learners),
            "share": done.mean() if data.learners else 0.0,
        }
    ).rename_axis("module")


def max_points(data: CourseData) -> pd.Series:
    """The most points each module can give (from the grade cells)."""
    cells = data.grades.drop_duplicates(["module", "item"])
    per_module = cells.groupby("module", observed=True)["max_score"].sum().reindex(data.modules)
    per_module.index = pd.Index(data.modules, name="module")
    return per_module


# -- per item ---------------------------------------------------------------------------------
def awaiting_manual_grading(data: CourseData) -> pd.DataFrame:
    """Reflections a person still has to grade: learner, module, item."""
    g = data.grades
    mask = g["needs_manual_grade"] & matches(g["item"], REFLECTION)
    rows = g.loc[mask, ["learner", "module", "item"]].astype(str)
    return rows.sort_values(["module", "item", "learner"]).reset_index(drop=True)


def late_submissions(data: CourseData) -> pd.DataFrame:
    """Submissions after their due date (extensions included), with the hours late."""
    s = data.submissions
    late = s.loc[s["seconds_late"] > 0].copy()
    late["hours_late"] = (late["seconds_late"] / 3600).round(1)
    late = late.drop(columns="seconds_late").sort_values(["module", "learner"])
    return late.reset_index(drop=True)


def _answer_text(value: object) -> str | None:
    """One option as text; a select-all answer as its options, sorted, joined with " + "."""
    if isinstance(value, list):
        return " + ".join(sorted(value)) if value else None
    return value if isinstance(value, str) and value.strip() else None


def read_responses(
    course: Path,
    data: CourseData,
    *,
    step: str = "autograded",
    progress: Progress = None,
) -> pd.DataFrame:
    """Every submitted answer: learner, module, item, value (text).

    Read from ``<step>/<learner>/<module>/responses.json`` for each submission in the gradebook.
    A missing or damaged file contributes nothing (its grades still count); it is never changed.
    """
    rows = []
    pairs = list(data.submissions[["learner", "module"]].itertuples(index=False))
    for n, (learner, module) in enumerate(pairs, 1):
        for item, value in _read_answers(course / step / learner / module / FILENAME).items():
            text = _answer_text(value)
            if text is not None:
                rows.append((learner, module, item, text))
        if progress:
            progress(n, len(pairs))
    return pd.DataFrame(rows, columns=["learner", "module", "item", "value"])


def _read_answers(path: Path) -> dict:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    if not isinstance(data, dict):
        return {}
    return {k: v for k, v in data.items() if is_valid_value(v)}


def answer_keys(course: Path, modules: Iterable[str]) -> dict[str, dict[str, str]]:
    """Each module's expected answer per question, as text (from ``source/``, never typed)."""
    present = set(list_modules(course)) if (course / "source").is_dir() else set()
    keys = {}
    for module in modules:
        if module in present:
            key = answer_key(source_notebook(course, module))
            keys[module] = {k: _answer_text(v) for k, v in key.items() if QUESTION.match(k)}
    return keys


def only_modules(data: CourseData, responses: pd.DataFrame, modules: list[str]):
    """``data`` and ``responses`` cut down to the rows of ``modules``."""
    grades = data.grades.loc[data.grades["module"].isin(modules)]
    submissions = data.submissions.loc[data.submissions["module"].isin(modules)]
    cut = CourseData(data.learners, list(modules), submissions, grades, data.people)
    return cut, responses.loc[responses["module"].isin(modules)]


def item_difficulty(
    data: CourseData, responses: pd.DataFrame, keys: dict[str, dict[str, str]], memo=None
) -> pd.DataFrame:
    """Per graded question: how many were graded, the share correct, and the wrong option
    chosen most often (ties go to the option first in alphabetical order). Each module's rows
    come from ``memo`` (a :class:`~.module_memo.Memo`) where it keeps them."""
    if memo is None:
        return _item_difficulty(data, responses, keys)

    def stated(module: str) -> str:  # the module's key, as one text
        return repr(sorted(keys.get(module, {}).items()))

    found, todo = memo.split("difficulty", data.modules, stated)
    if todo:  # a module's rows depend on its own grades, answers and key only
        table = _item_difficulty(*only_modules(data, responses, todo), keys)
        for m in todo:
            found[m] = table.loc[table["module"] == m].reset_index(drop=True)
            memo.put("difficulty", m, found[m], stated(m))
    parts = [found[m] for m in data.modules if len(found[m])]
    if not parts:
        return _item_difficulty(data, responses, keys)  # no graded question: the empty table
    return pd.concat(parts, ignore_index=True)


def _item_difficulty(
    data: CourseData, responses: pd.DataFrame, keys: dict[str, dict[str, str]]
) -> pd.DataFrame:
    g = data.grades
    g = g.loc[matches(g["item"], QUESTION) & g["auto_score"].notna()]
    correct = g["score"] >= g["max_score"]
    table = (
        g.assign(correct=correct)
        .groupby(["module", "item"], sort=False, observed=True)  # categoricals: no text hashed
        .agg(graded=("correct", "size"), correct=("correct", "sum"))
    )
    table.index = pd.MultiIndex.from_arrays(
        [table.index.get_level_values(n).astype(str) for n in (0, 1)], names=["module", "item"]
    )
    table["share_correct"] = table["correct"] / table["graded"]
    wrong = _most_chosen_wrong(responses, keys).reindex(table.index)
    table["most_chosen_wrong"] = wrong["value"].astype(object).where(wrong["value"].notna(), None)
    table["times_chosen"] = wrong["times"].fillna(0).astype(int)
    table = table.reset_index()
    table["order"] = table["item"].str[1:].astype(int)
    table = table.sort_values(["module", "order"]).drop(columns="order")
    return table.reset_index(drop=True).astype({"correct": int, "graded": int})


def _most_chosen_wrong(responses: pd.DataFrame, keys: dict[str, dict[str, str]]) -> pd.DataFrame:
    """Per (module, item) with a key: the wrong answer chosen most often and how often (ties
    go to the option first in alphabetical order). Answers are counted first (a few hundred
    distinct ones), then compared with the key."""
    expected = pd.DataFrame(
        [(m, i, v) for m, items in keys.items() for i, v in items.items() if v is not None],
        columns=["module", "item", "expected"],
    )
    asked = responses.loc[responses["item"].isin(expected["item"].unique())]
    counts = (
        asked.groupby(["module", "item", "value"], observed=True)
        .size()
        .rename("times")
        .reset_index()
    )
    counts = counts.merge(expected, on=["module", "item"])
    counts = counts.loc[counts["value"] != counts["expected"]].drop(columns="expected")
    counts = counts.sort_values(["module", "item", "times", "value"], ascending=[1, 1, 0, 1])
    return counts.drop_duplicates(["module", "item"]).set_index(["module", "item"])
