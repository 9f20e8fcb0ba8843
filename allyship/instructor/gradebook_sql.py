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

The grade table is most of the rows (83 per learner for eight modules). From SQLite it is read
in one pass by SQLite itself (:func:`_sqlite_grades`): each column comes back as one string,
the ids (nbgrader's 32-character hex) as fixed-width bytes matched by sorting, never as a
Python object per row; the numbers as integers when every value of a column is a whole number,
else written by ``quote()``, which SQLite writes so that they read back exactly. Anything that
reading cannot take exactly (ids of another length, a number stored as text, a value within
1e-270 of zero) sends the table through the row-by-row read.

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


READS = 3  # a SQLite gradebook that changed while it was read is read again, up to this often


def read(url: str, cache: Path | None = None):
    """(learners, modules, submissions, grades, people) from the gradebook at ``url``.

    A SQLite file that changed while it was read (someone graded meanwhile: its tables may then
    have been read at two moments) is read again, up to :data:`READS` times in all; only a read
    of an unchanged file is kept."""
    sig = signature(url)
    if sig is not None and cache is not None and private.holds(cache, "gradebook", sig):
        kept = private.load(cache, "gradebook", sig)  # (holds: not unpickled if out of date)
        if kept is not None:
            return kept
    for _ in range(READS):
        result = _assemble(_tables(url))
        now = signature(url)
        if now == sig:  # unchanged while it was read (or not a file)
            if sig is not None and cache is not None:
                private.save(cache, "gradebook", sig, result)
            return result
        sig = now
    return result  # still changing: as read the last time


def sqlite_path(url: str) -> str | None:
    """The file of a plain ``sqlite:///`` URL (no query string), which Python's own ``sqlite3``
    opens as SQLAlchemy's SQLite dialect would, without importing SQLAlchemy (a third of a
    second); None for any other URL."""
    plain = "?" not in url and "%" not in url  # no options, nothing percent-encoded
    if url.startswith("sqlite:///") and plain and len(url) > len("sqlite:///"):
        return url[len("sqlite:///") :]
    return None


def _tables(url: str) -> dict[str, pd.DataFrame]:
    path = sqlite_path(url)
    if path is not None:
        import sqlite3

        con = sqlite3.connect(path)
        try:
            return _read_tables(con.cursor(), sqlite=True, path=path)
        finally:
            con.close()
    from sqlalchemy import create_engine
    from sqlalchemy.exc import DatabaseError

    engine = create_engine(url)
    try:
        con = engine.raw_connection()  # the database's own driver: no per-row processing
        try:

            def wrapped(exc: Exception, sql: str) -> Exception:  # as SQLAlchemy would say it
                if isinstance(exc, engine.dialect.loaded_dbapi.Error):
                    return DatabaseError(sql, None, exc)
                return exc

            return _read_tables(con.cursor(), url.startswith("sqlite"), wrapped)
        finally:
            con.close()
    finally:
        engine.dispose()


def _read_tables(cur, sqlite: bool, wrapped=None, path: str | None = None) -> dict:
    """Every table of :data:`QUERIES` through the driver's cursor ``cur``; ``wrapped(exc, sql)``
    says what a driver's error is raised as (without it, as it is).

    With the SQLite file's ``path``, everything is read in one transaction on ``cur`` (SQLite
    keeps a writer from committing while it lasts, unless the file is in WAL mode: then
    :func:`read` sees the file change and reads again), and a large grade table by two threads
    while this one reads the other tables (:func:`_sqlite_grades`)."""
    frames: dict = {}
    grades = None
    if sqlite and path is not None:
        cur.execute("BEGIN")
        grades = _GradeRead(cur, path)
    try:
        for name, sql in QUERIES.items():
            if sqlite and name == "grades":
                fast = grades.result() if grades is not None else _sqlite_grades(cur)
                if fast is not None:
                    frames[name] = fast
                    continue
            frames[name] = _rows(cur, sql, wrapped)
    finally:
        if grades is not None:
            grades.wait()  # no thread left reading after an error
    return frames


def _rows(cur, sql: str, wrapped) -> pd.DataFrame:
    try:
        cur.execute(sql)
        rows = cur.fetchall()
    except Exception as exc:
        if wrapped is None or (other := wrapped(exc, sql)) is exc:
            raise
        raise other from exc
    columns = [d[0] for d in cur.description]
    return pd.DataFrame.from_records(rows, columns=columns)


ID_WIDTH = 32  # nbgrader's ids: uuid4().hex
TINY = 1e-270  # between 0 and about this, quote() may not write a float exactly
NUMBERS = ("auto_score", "manual_score", "extra_credit")


def _whole(column: str) -> str:
    """A number column as SQLite writes integers (NULL as nan), and how many of its values
    are not whole numbers: writing a whole number costs SQLite a third of what quote() does,
    and reads back exactly."""
    return (
        f"group_concat(ifnull(CAST({column} AS INTEGER), 'nan')), "
        f"total({column} <> CAST({column} AS INTEGER))"
    )


SQLITE_GRADES = (
    "SELECT count(*), count(notebook_id), count(cell_id), group_concat(notebook_id), "
    "group_concat(cell_id), "
    + ", ".join(_whole(c) for c in NUMBERS)
    + ", group_concat(needs_manual_grade, '') FROM grade NOT INDEXED"
)
SQLITE_QUOTED = "SELECT count(*), group_concat(quote({column})) FROM grade NOT INDEXED"
IN_RANGE = " WHERE rowid BETWEEN ? AND ?"
SPLIT_FROM = 200_000  # rows (by the span of their rowids) from which two threads share the scan


class _GradeRead:
    """The grade table being read (:func:`_sqlite_grades`) by two threads, half the rows each,
    each on its own connection, while the thread that made this reads the other tables: SQLite
    lets go of Python's lock while it scans, so the halves and the other tables share the
    cores. A table of fewer than :data:`SPLIT_FROM` rows is read by :meth:`result` on ``cur``.

    ``cur`` has begun a transaction; its first read, here, is what stops a writer from
    committing until it ends (unless the file is in WAL mode: then :func:`read` sees that the
    file changed and reads it again)."""

    def __init__(self, cur, path: str) -> None:
        import sqlite3
        import threading

        self.cur, self.parts, self.threads = cur, [None, None], []
        try:
            cur.execute("SELECT min(rowid), max(rowid) FROM grade")
            low, high = cur.fetchone()
        except sqlite3.Error:  # no table to split: result() reads as it can, or says why not
            return
        if low is None or high - low + 1 < SPLIT_FROM:
            return
        middle = low + (high - low) // 2
        for at, rows in enumerate(((low, middle), (middle + 1, high))):
            thread = threading.Thread(target=self._part, args=(path, rows, at), daemon=True)
            thread.start()
            self.threads.append(thread)

    def _part(self, path: str, rows: tuple[int, int], at: int) -> None:
        import sqlite3

        try:
            con = sqlite3.connect(path)
            try:
                self.parts[at] = _sqlite_grades(con.cursor(), rows)
            finally:
                con.close()
        except Exception:  # noqa: BLE001 - parts[at] stays None: the rows are read one by one
            pass

    def wait(self) -> None:
        """Until no thread is reading (after an error, before the connection closes)."""
        for thread in self.threads:
            thread.join()

    def result(self) -> dict[str, np.ndarray] | None:
        """The columns :func:`_sqlite_grades` reads of the whole table, or None (read the rows)."""
        if not self.threads:
            return _sqlite_grades(self.cur)
        self.wait()
        if any(part is None for part in self.parts):
            return None
        parts = [part for part in self.parts if part]  # a half with no rows holds nothing
        if not parts:
            return None
        return {name: np.concatenate([p[name] for p in parts]) for name in parts[0]}


def _sqlite_grades(cur, rows: tuple[int, int] | None = None) -> dict[str, np.ndarray] | None:
    """The grade table's columns as ``QUERIES["grades"]`` reads them, from the one row SQLite
    builds (see the module's docstring), the ids as fixed-width bytes; None when it cannot be
    read so (the caller then reads the rows). Arrays, not a frame: a frame would make a Python
    object of every id. With ``rows`` (low, high), only the rows whose rowid is in that range,
    and ``{}`` when there are none.

    A number column holding only whole numbers (and NULLs) comes back as integers; one with
    any other value is read again by itself as quote() writes it. Both scans are of the
    table's rows in their order (``NOT INDEXED``: never an index's order), in the caller's
    transaction."""
    import sqlite3

    where, bounds = (IN_RANGE, rows) if rows is not None else ("", ())
    try:
        cur.execute(SQLITE_GRADES + where, bounds)
        n, *counts, notebook, cell = (row := cur.fetchone())[:5]
        numbers, flags = row[5:11], row[11]
        if not n and rows is not None:
            return {}
        if not n or counts != [n, n]:
            return None  # no rows, or an id missing
        columns = {"notebook_id": _ids(notebook, n), "cell_id": _ids(cell, n)}
        for at, name in enumerate(NUMBERS):
            joined, fractional = numbers[2 * at], numbers[2 * at + 1]
            if fractional:
                cur.execute(SQLITE_QUOTED.format(column=name) + where, bounds)
                again, joined = cur.fetchone()
                if again != n:
                    return None  # the table changed between the two scans
            columns[name] = _floats(joined, n)
        columns["needs_manual_grade"] = _flags(flags, n)
        return columns
    except sqlite3.Error:  # e.g. a table too large for one string
        return None
    except ValueError:  # text where a number should be, a NULL id or flag: read the rows
        return None


def _ids(joined: str, n: int, width: int = ID_WIDTH) -> np.ndarray:
    """``n`` ids (none NULL) SQLite joined with commas, as fixed-width bytes; a ValueError
    unless every id is ``width`` ASCII characters with no comma (every comma then stands where
    a separator must, and there are just enough of them)."""
    raw = (joined + ",").encode("ascii")  # UnicodeEncodeError is a ValueError
    if len(raw) != n * (width + 1):
        raise ValueError("ids of another length")
    grid = np.frombuffer(raw, dtype=np.uint8).reshape(n, width + 1)
    if raw.count(b",") != n or not (grid[:, width] == ord(",")).all():
        raise ValueError("ids of another length, or with a comma")
    return np.ascontiguousarray(grid[:, :width]).view(f"S{width}").ravel()


def _fixed(joined: str, n: int, width: int) -> np.ndarray:
    if len(joined) != n * width:
        raise ValueError("values of another width")
    return np.frombuffer(joined.encode("ascii"), dtype=f"S{width}")


def _floats(joined: str | None, n: int) -> np.ndarray:
    """Numbers as SQLite writes them (integers, or quote()'s text; NULL or nan for none), read
    back exactly."""
    if joined is None:
        raise ValueError("no values")
    values = np.fromstring(joined.replace("NULL", "nan"), dtype=float, sep=",")
    tiny = (values != 0) & (np.abs(values) < TINY)
    if len(values) != n or tiny.any():
        raise ValueError("a value missing, or too close to 0 to be read exactly")
    return values


def _flags(joined: str, n: int) -> np.ndarray:
    codes = _fixed(joined, n, 1)
    if not np.isin(codes, [b"0", b"1"]).all():
        raise ValueError("a flag that is not 0 or 1")
    return codes == b"1"


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


def _positions(index: pd.Index, ids: np.ndarray) -> np.ndarray:
    """Where each of ``ids`` is in ``index`` (unique), -1 where it is not. Fixed-width bytes
    (from :func:`_sqlite_grades`) are matched by sorting: no Python object per id. A run of
    equal ids (a notebook's grades, written together) is looked up once."""
    if ids.dtype.kind != "S":
        return index.get_indexer(ids)
    width, keys = ids.dtype.itemsize, index.tolist()
    if not all(type(k) is str and len(k) == width and k.isascii() for k in keys):
        return index.get_indexer(ids.astype(str))  # an id of another shape: compare as text
    if not keys or not len(ids):
        return np.full(len(ids), -1, dtype=np.intp)
    keys = np.array(keys, dtype=ids.dtype)
    starts = np.flatnonzero(np.r_[True, ids[1:] != ids[:-1]])
    if len(starts) * 2 <= len(ids):
        found = _sorted_lookup(keys, ids[starts])
        return np.repeat(found, np.diff(np.r_[starts, len(ids)]))
    return _sorted_lookup(keys, ids)


def _sorted_lookup(keys: np.ndarray, ids: np.ndarray) -> np.ndarray:
    """Each of ``ids``'s position in ``keys`` (unique fixed-width bytes), -1 where absent. The
    keys are sorted by a number made from each (:data:`NUMBERINGS`: the first 8 bytes, which
    tell a few dozen cells' ids apart; else the 8-byte words of the whole id mixed, which tell
    tens of thousands of notebooks' ids apart), the first that gives every key its own; by the
    bytes themselves if none does. The whole id is checked after."""
    ranked_by, sought = keys, ids
    if keys.dtype.itemsize % 8 == 0:
        for number in NUMBERINGS:
            numbers = number(keys)
            ranked = np.sort(numbers)
            if (ranked[1:] != ranked[:-1]).all():
                ranked_by, sought = numbers, number(ids)
                break
    order = np.argsort(ranked_by, kind="stable")
    at = np.minimum(np.searchsorted(ranked_by[order], sought), len(order) - 1)
    found = order[at]
    return np.where(keys[found] == ids, found, -1)


def _words(ids: np.ndarray) -> np.ndarray:
    """Fixed-width bytes (a multiple of 8 wide) as rows of 8-byte numbers."""
    return np.ascontiguousarray(ids).view(np.uint64).reshape(len(ids), ids.dtype.itemsize // 8)


def _head(ids: np.ndarray) -> np.ndarray:
    return _words(ids)[:, 0].copy()


MIX = np.array(
    [0x9E3779B97F4A7C15, 0xC2B2AE3D27D4EB4F, 0x165667B19E3779F9, 0xD6E8FEB86659FD93],
    dtype=np.uint64,
)


def _mixed(ids: np.ndarray) -> np.ndarray:
    """Every 8-byte word of each id, multiplied by its own odd constant and folded together (each
    step can be undone, so two ids differing in one word always get different numbers; ids
    differing in more seldom share one, and :func:`_sorted_lookup` checks that none do)."""
    words = _words(ids)
    mixed = words[:, 0] * MIX[0]
    for j in range(1, words.shape[1]):
        mixed ^= words[:, j] * MIX[j % len(MIX)]
        mixed ^= mixed >> np.uint64(29)
    return mixed


NUMBERINGS = (_head, _mixed)


def _column(g, name: str) -> np.ndarray:
    """A grade column: the SQLite reading's array, or a frame's column."""
    return g[name] if isinstance(g, dict) else g[name].to_numpy(dtype=object)


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
    to_sub = subs.index.get_indexer(notebooks["assignment_id"])  # notebook -> its submission
    at_notebook = _positions(notebooks.index, _column(g, "notebook_id"))
    submission = np.where(at_notebook >= 0, to_sub[at_notebook], -1)
    at_cell = _positions(cells.index, _column(g, "cell_id"))
    auto = np.asarray(g["auto_score"], dtype=float)
    manual = np.asarray(g["manual_score"], dtype=float)
    extra = np.asarray(g["extra_credit"], dtype=float)
    extra = np.where(np.isnan(extra), 0.0, extra)
    score = np.where(np.isnan(manual), auto, manual)
    score = np.where(np.isnan(score), 0.0, score + extra)
    top = cells["max_score"].astype(float).fillna(0.0).to_numpy()
    frame = pd.DataFrame(
        {
            "learner": _coded(subs["student_id"], submission),
            "module": _coded(subs["module"], submission),
            "item": _coded(cells["name"], at_cell),
            "score": score,
            "max_score": np.where(at_cell >= 0, top[at_cell], 0.0),
            "auto_score": auto,
            "manual_score": manual,
            "needs_manual_grade": np.asarray(g["needs_manual_grade"]).astype(bool),
        }
    )
    return frame[GRADE_COLUMNS]  # in the table's order, as nbgrader's ORM gives them
