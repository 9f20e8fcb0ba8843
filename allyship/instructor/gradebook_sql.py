"""The gradebook read table by table, straight into pandas.

nbgrader's ORM builds one Python object per submission, notebook and grade, and looks up each
grade's cell and points one query at a time: a minute for ten thousand learners. This reads the
tables of nbgrader's schema (0.9: ``student``, ``assignment``, ``submitted_assignment``,
``submitted_notebook``, ``grade``, ``base_cell``, ``grade_cells``, ``task_cells``) with one query
each, joins them in pandas (SQLite's own join on nbgrader's text keys is slower than reading
the rows), and applies nbgrader's own rules:

* a grade's score is its manual score if a person gave one, else its automatic score, else 0;
  plus any extra credit (``nbgrader.api.Grade.score``);
* a grade's points are its grade cell's, else its task cell's, else 0 (``Grade.max_score``);
* a submission's due date is the module's plus any extension, and it is late by the seconds
  after that, never fewer than 0 (``SubmittedAssignment.duedate``, ``total_seconds_late``).

A SQLite gradebook's frames are kept in ``.allyship/`` (:mod:`.private`) under the file's size
and modification time, so a second report with nothing graded since reads no table at all.
``tests/analytics/test_gradebook_sql.py`` checks, frame for frame, that this reads what
nbgrader's ORM reads.
"""

from __future__ import annotations

import os
from pathlib import Path

import numpy as np
import pandas as pd

from . import private
from .gradebook import GRADE_COLUMNS, SUBMISSION_COLUMNS

EPOCH = pd.Timestamp("1970-01-01")
QUERIES = {
    "people": "SELECT id AS learner, first_name, last_name FROM student",
    "modules": "SELECT id, name, duedate FROM assignment",
    "subs": "SELECT id, assignment_id, student_id, timestamp, extension FROM submitted_assignment",
    "notebooks": "SELECT id, assignment_id FROM submitted_notebook",
    "cells": (
        "SELECT b.id, b.name, COALESCE(g.max_score, t.max_score, 0.0) AS max_score "
        "FROM base_cell b LEFT JOIN grade_cells g ON g.id = b.id "
        "LEFT JOIN task_cells t ON t.id = b.id"
    ),
    "grades": (
        "SELECT notebook_id, cell_id, auto_score, manual_score, extra_credit, "
        "needs_manual_grade FROM grade"
    ),
}


def signature(url: str) -> tuple | None:
    """What changes whenever a SQLite gradebook does (None: not a file, never cached)."""
    if not url.startswith("sqlite:///"):
        return None
    path = url[len("sqlite:///") :]
    parts = []
    for name in (path, path + "-wal", path + "-journal"):
        try:
            st = os.stat(name)
        except OSError:
            parts.append(None)
            continue
        parts.append((st.st_size, st.st_mtime_ns))
    return (url, *parts)


def read(url: str, cache: Path | None = None):
    """(learners, modules, submissions, grades, people) from the gradebook at ``url``."""
    sig = signature(url) if cache is not None else None
    if sig is not None:
        kept = private.load(cache, "gradebook", sig)
        if kept is not None:
            return kept
    result = _assemble(_tables(url))
    if sig is not None and signature(url) == sig:  # unchanged while it was read
        private.save(cache, "gradebook", sig, result)
    return result


def _tables(url: str) -> dict[str, pd.DataFrame]:
    from sqlalchemy import create_engine
    from sqlalchemy.exc import DatabaseError

    engine = create_engine(url)
    try:
        con = engine.raw_connection()  # the database's own driver: no per-row processing
        try:
            cur = con.cursor()
            frames = {}
            for name, sql in QUERIES.items():
                try:
                    cur.execute(sql)
                    rows = cur.fetchall()
                except engine.dialect.loaded_dbapi.Error as exc:  # as SQLAlchemy would say it
                    raise DatabaseError(sql, None, exc) from exc
                columns = [d[0] for d in cur.description]
                frames[name] = pd.DataFrame.from_records(rows, columns=columns)
            return frames
        finally:
            con.close()
    finally:
        engine.dispose()


def _interval(column: pd.Series) -> pd.Series:
    """Extensions as time spans: SQLite keeps an Interval as a date after 1970-01-01."""
    if pd.api.types.is_timedelta64_dtype(column):
        return column
    if column.isna().all():
        return pd.Series(pd.NaT, index=column.index, dtype="timedelta64[ns]")
    if column.map(lambda v: hasattr(v, "total_seconds")).any():
        return pd.to_timedelta(column)
    return pd.to_datetime(column) - EPOCH


def _assemble(t: dict[str, pd.DataFrame]):
    people = t["people"].sort_values("learner").reset_index(drop=True)
    modules = t["modules"].set_index("id")
    subs = t["subs"].set_index("id")
    subs["module"] = modules["name"].reindex(subs["assignment_id"]).to_numpy()
    timestamp = pd.to_datetime(subs["timestamp"])
    due = pd.to_datetime(modules["duedate"].reindex(subs["assignment_id"]).to_numpy())
    due = pd.Series(due, index=subs.index)
    extension = _interval(subs["extension"])
    due = due.where(extension.isna(), due + extension)
    late = (timestamp - due).dt.total_seconds().clip(lower=0).fillna(0.0)
    submissions = pd.DataFrame(
        {
            "learner": subs["student_id"],
            "module": subs["module"],
            "timestamp": timestamp,
            "duedate": due,
            "seconds_late": late.astype(float),
        }
    ).sort_values(["module", "learner"], ignore_index=True)[SUBMISSION_COLUMNS]
    grades = _grades(t["grades"], t["notebooks"].set_index("id"), subs, t["cells"].set_index("id"))
    learners = people["learner"].tolist()
    return learners, sorted(modules["name"]), submissions, grades, people


def _coded(values: pd.Series, at) -> pd.Categorical:
    """``values`` (a short table's column) taken at positions ``at`` (-1: missing), as a
    categorical with sorted categories: a few dozen ids stored once, not once per grade."""
    short = pd.Categorical(values, categories=sorted(values.dropna().unique()))
    codes = np.where(at >= 0, short.codes[at], -1)
    return pd.Categorical.from_codes(codes, categories=short.categories)


def _grades(g, notebooks, subs, cells) -> pd.DataFrame:
    """One row per grade. learner, module and item are categoricals (sorted, so sorting and
    grouping by them orders as their text does): the frame has 100,000s of rows and dozens of
    distinct items, and every table of the report groups by them."""
    submission = subs.index.get_indexer(notebooks["assignment_id"].reindex(g["notebook_id"]))
    at_cell = cells.index.get_indexer(g["cell_id"])
    auto = g["auto_score"].astype(float)
    manual = g["manual_score"].astype(float)
    extra = g["extra_credit"].astype(float).fillna(0.0)
    score = manual.where(manual.notna(), auto)
    score = (score + extra).where(score.notna(), 0.0)
    top = cells["max_score"].astype(float).fillna(0.0).to_numpy()
    frame = pd.DataFrame(
        {
            "learner": _coded(subs["student_id"], submission),
            "module": _coded(subs["module"], submission),
            "item": _coded(cells["name"], at_cell),
            "score": score.to_numpy(),
            "max_score": np.where(at_cell >= 0, top[at_cell], 0.0),
            "auto_score": auto.to_numpy(),
            "manual_score": manual.to_numpy(),
            "needs_manual_grade": g["needs_manual_grade"].astype(bool).to_numpy(),
        }
    )
    return frame[GRADE_COLUMNS]  # in the table's order, as nbgrader's ORM gives them
