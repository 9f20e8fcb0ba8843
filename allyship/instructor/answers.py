"""The autograded answers the report needs, read once and kept until a file changes.

:func:`~allyship.instructor.gradebook.read_responses` reads every answer of every submission.
The report needs fewer: the options chosen (``q1`` ...), the self-audit ratings (``a1`` ...),
the consent box (``share``), and reflections only where that box says "yes" in that module (the
cohort view's excerpts). Everything else (other reflections, commitments, records) is never
read into the report, so it cannot leak from it.

Ten thousand learners are eighty thousand ``responses.json`` files. The first report opens each
once (its size and modification time from the open file, then its text); later reports check
each file's size and time (a stat, not a read) against those kept in ``.allyship/``
(:mod:`.private`) and read again only new or changed files. The result has the rows
``read_responses`` would give, less the rows not kept, with module, item and value as
categoricals (``tests/analytics/test_answers.py``).

From the ``allyship`` command, a first report's files are read by two forked processes, half
each, while this one reads the gradebook; a later one's by one, which checks the kept sizes and
times (:func:`read_early`).
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Callable
from pathlib import Path

import numpy as np
import pandas as pd

from ..kit.item_ids import CONSENT_ID as CONSENT
from ..kit.item_ids import YES
from ..kit.store import FILENAME, is_valid_value
from . import private
from .gradebook import REFLECTION, CourseData, _answer_text

KEPT = re.compile(r"^(q\d+|a\d+(-\d+)?)$")
COLUMNS = ["learner", "module", "item", "value"]


_KIND: dict[str, str] = {}  # item id -> "keep", "shared" (a reflection) or "skip"


def _kind(item: str) -> str:
    kind = _KIND.get(item)
    if kind is None:
        kind = "keep" if item == CONSENT or KEPT.match(item) else "skip"
        kind = "shared" if REFLECTION.match(item) else kind
        _KIND[item] = kind
    return kind


def _plan(keys: tuple[str, ...]) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The items a file with these keys contributes, in the file's order: without consent
    (choices, ratings, the consent box) and with it (reflections too)."""
    kinds = [(k, _kind(k)) for k in keys]
    return (
        tuple(k for k, kind in kinds if kind == "keep"),
        tuple(k for k, kind in kinds if kind != "skip"),
    )


def _stat(path: str) -> tuple[int, int]:
    try:
        st = os.stat(path)
    except OSError:
        return (-1, -1)
    return (st.st_size, st.st_mtime_ns)


def _read(path: str) -> tuple[tuple[int, int], bytes | None]:
    """A file's (size, modification time) and its bytes, from one open; ``(-1, -1), None``
    when it cannot be read. The time is taken before the read, so a file changed while it was
    read has a newer one next time and is read again."""
    try:
        with open(path, "rb", buffering=0) as f:
            st = os.fstat(f.fileno())
            return (st.st_size, st.st_mtime_ns), f.read()
    except OSError:
        return (-1, -1), None


class _Coded:
    """Answers as three columns of numbers: the submission's number, the item's code and the
    text's code, with one list of the items and one of the texts. Eighty thousand files hold a
    few dozen item ids and a few hundred option texts: each is kept once, and the cache is
    saved and merged without hashing six hundred thousand strings again."""

    def __init__(self, items: list[str] | None = None, texts: list[str] | None = None) -> None:
        self.at: list[int] = []
        self.item: list[int] = []
        self.value: list[int] = []
        self.items = {t: n for n, t in enumerate(items or [])}
        self.texts = {t: n for n, t in enumerate(texts or [])}
        self.plans: dict[tuple[str, ...], tuple[tuple[str, ...], tuple[str, ...]]] = {}

    def add(self, n: int, raw: bytes | None) -> None:
        """The kept answers of one file (none if it is missing or damaged)."""
        if raw is None:
            return
        try:
            data = json.loads(raw)
        except ValueError:
            return
        if type(data) is not dict:
            return
        keys = tuple(data)
        plan = self.plans.get(keys)
        if plan is None:
            plan = self.plans[keys] = _plan(keys)
        items, texts = self.items, self.texts
        for item in plan[data.get(CONSENT) == YES]:
            value = data[item]
            if type(value) is str:  # the common case, as gradebook._answer_text reads it
                if not value.strip():
                    continue
                text = value
            elif is_valid_value(value):
                text = _answer_text(value)
                if text is None:
                    continue
            else:
                continue
            self.at.append(n)
            self.item.append(items.setdefault(item, len(items)))
            self.value.append(texts.setdefault(text, len(texts)))

    def columns(self) -> dict:
        return {
            "pair": np.asarray(self.at, dtype=np.int64),
            "item": np.asarray(self.item, dtype=np.int64),
            "value": np.asarray(self.value, dtype=np.int64),
            "items": list(self.items),
            "texts": list(self.texts),
        }


def read_answers(
    course: Path,
    data: CourseData,
    *,
    step: str = "autograded",
    cache: Path | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> pd.DataFrame:
    """learner, module, item, value: the answers the report uses, for every submission in the
    gradebook, in the gradebook's order (a missing or damaged file contributes nothing and is
    left as it is)."""
    learners, modules, pairs = _pairs(data)
    columns = _read_columns(str(course / step), pairs, cache, progress)
    return _frame(columns, learners, modules)


def _pairs(data: CourseData) -> tuple[np.ndarray, np.ndarray, list[tuple[str, str]]]:
    subs = data.submissions
    learners = subs["learner"].to_numpy(dtype=object)
    modules = subs["module"].to_numpy(dtype=object)
    return learners, modules, list(zip(learners.tolist(), modules.tolist(), strict=True))


def _key(root: str) -> tuple:
    return (root, 4)  # the cache's key: the folder read, and the layout of what is kept


def _paths(root: str, pairs: list[tuple[str, str]]) -> list[str]:
    return [f"{root}/{learner}/{module}/{FILENAME}" for learner, module in pairs]


def _read_files(paths: list[str], todo, stats: list, coded: _Coded, progress=None) -> None:
    """Read the files numbered ``todo``: each one's (size, time) into ``stats``, its kept
    answers into ``coded``."""
    for count, n in enumerate(todo, 1):
        stats[n], raw = _read(paths[n])
        coded.add(n, raw)
        if progress and (count % 1000 == 0 or count == len(todo)):
            progress(count, len(todo))


def _read_columns(
    root: str,
    pairs: list[tuple[str, str]],
    cache: Path | None,
    progress: Callable[[int, int], None] | None,
    later: list | None = None,
) -> dict:
    """The kept answers of every submission in ``pairs``, coded (see :class:`_Coded`): from the
    cache where a file is unchanged since, else from the file. The cache is brought up to
    date now, or, with ``later`` (a list), by the function this adds to it."""
    paths = _paths(root, pairs)
    key = _key(root)
    kept = private.load(cache, "answers", key) if cache is not None else None
    if kept is None:  # nothing kept: one open per file gives its time and its text
        stats, todo, old, renumber = [(-1, -1)] * len(pairs), range(len(pairs)), None, None
    else:
        old_pairs, old_stats, old = kept
        stats = [_stat(p) for p in paths]
        same = old_pairs == pairs
        if same and old_stats == stats:
            todo = []  # the common case: nothing graded since
        elif same:  # the same submissions, some of them graded again (their files rewritten)
            todo = [n for n, (was, st) in enumerate(zip(old_stats, stats, strict=True))
                    if was != st]  # fmt: skip
            renumber = np.arange(len(pairs), dtype=np.int64)
            renumber[todo] = -1
        else:
            unchanged = dict(zip(old_pairs, old_stats, strict=True))
            todo = [n for n, (p, st) in enumerate(zip(pairs, stats, strict=True))
                    if unchanged.get(p) != st]  # fmt: skip
            renumber = _renumbering(old_pairs, pairs, set(todo))
    fresh = _Coded(old["items"], old["texts"]) if old is not None else _Coded()
    _read_files(paths, todo, stats, fresh, progress)
    if old is None:
        columns = fresh.columns()
    elif todo or old_pairs != pairs:
        columns = _merged(old, renumber, fresh.columns())
    else:
        columns = old
    if cache is not None and columns is not old:
        keep = (pairs, stats, columns)
        if later is None:
            private.save(cache, "answers", key, keep)
        else:
            later.append(lambda: private.save(cache, "answers", key, keep))
    return columns


def _frame(columns: dict, learners: np.ndarray, modules: np.ndarray) -> pd.DataFrame:
    """The answers as a frame: module, item and value are categoricals with sorted categories
    (so sorting and grouping by them orders as their text does), built from the codes already
    read: the report groups these hundreds of thousands of rows by them again and again."""
    at = columns["pair"]
    return pd.DataFrame(
        {
            "learner": learners[at],
            "module": _sorted_codes(modules, at),
            "item": _sorted_codes(columns["items"], columns["item"]),
            "value": _sorted_codes(columns["texts"], columns["value"]),
        },
        columns=COLUMNS,
    )


def _sorted_codes(values, codes: np.ndarray) -> pd.Categorical:
    """``values[codes]`` as a categorical whose categories are sorted (``values`` may repeat,
    as the module of every submission does: its distinct values are found by hashing, and
    only those are sorted)."""
    values = list(values)
    if len(set(values)) == len(values):  # the items and texts: each kept once already
        first, uniques = None, values
    else:
        first, uniques = pd.factorize(np.asarray(values, dtype=object), use_na_sentinel=False)
        uniques = list(uniques)
    order = sorted(range(len(uniques)), key=uniques.__getitem__)  # stable, as text sorts
    rank = np.empty(len(order), dtype=np.int64)
    rank[order] = np.arange(len(order))
    categories = pd.Index([uniques[n] for n in order], dtype=object)
    return pd.Categorical.from_codes(
        (rank if first is None else rank[first])[codes], categories=categories
    )


# -- the answers read beside the gradebook ------------------------------------------------------
#: below this many submissions the files are read after the gradebook, in this process: a
#: second process would cost more than it saves
EARLY_MINIMUM = 2000


class EarlyRead:
    """The answers files being read in other processes (forked) while this one reads the
    gradebook. With answers kept in the cache, one process checks every file and reads the
    changed ones, as :func:`read_answers` would; with none kept (the first report), two read
    half the files each, so the two cores share the gradebook and the files. The list of
    submissions read comes from a quick query; :meth:`result` checks it against the gradebook
    read meanwhile and reads the files again here if the two differ (someone graded in
    between), so the answers are always the gradebook's."""

    def __init__(self, processes, conns, pairs, course: Path, read) -> None:
        self.processes, self.conns, self.pairs = processes, conns, pairs  # two: halves
        self.course, self.read = course, read  # read: read_answers's step= and cache=

    def result(
        self, data: CourseData, progress: Callable[[int, int], None] | None = None
    ) -> pd.DataFrame:
        """The frame :func:`read_answers` gives for ``data`` (with :func:`read_early`'s
        ``step`` and ``cache``)."""
        try:
            messages = [conn.recv() for conn in self.conns]
        except (EOFError, OSError):  # a process died: read here
            messages = [("failed", None, None)]
            self.cancel()
        self._close()
        learners, modules, pairs = _pairs(data)
        if any(m[0] != "ok" for m in messages) or pairs != self.pairs:
            return read_answers(self.course, data, progress=progress, **self.read)
        if len(messages) == 1:
            return _frame(messages[0][1], learners, modules)
        (_, first, first_stats), (_, second, second_stats) = messages
        columns = _joined(first, second, len(first_stats))
        cache = self.read["cache"]
        if cache is not None:  # as _read_columns keeps what it read
            root = str(self.course / self.read["step"])
            private.save(cache, "answers", _key(root), (pairs, first_stats + second_stats, columns))
        return _frame(columns, learners, modules)

    def _close(self) -> None:
        for conn in self.conns:
            conn.close()

    def finish(self) -> None:
        """Wait until the other processes are done (one may still be keeping the cache)."""
        self._close()
        for process in self.processes:
            process.join()

    def cancel(self) -> None:
        """Stop the other processes (no longer wanted) and close the pipes."""
        self._close()
        for process in self.processes:
            if process.is_alive():
                process.terminate()
            process.join()


def read_early(
    course: Path,
    url: str,
    *,
    step: str = "autograded",
    cache: Path | None = None,
    minimum: int | None = None,
    with_threads: bool = False,
) -> EarlyRead | None:
    """Start reading the answers files in other processes, or return None (not a SQLite
    gradebook, no ``fork`` on this system, the gradebook unchanged since it was cached, fewer
    than ``minimum`` (default :data:`EARLY_MINIMUM`) submissions, or the gradebook cannot be
    read yet: the caller then reads them after the gradebook). Nor from a process running other
    threads (a Jupyter kernel: the dashboard, the facilitator's guide), unless ``with_threads``:
    a process forked while another thread holds a lock can wait on it for ever; the command
    line's ``allyship report`` runs none."""
    import multiprocessing
    import sqlite3
    import threading

    from .gradebook_sql import signature

    if not url.startswith("sqlite:///") or "fork" not in multiprocessing.get_all_start_methods():
        return None
    if threading.active_count() > 1 and not with_threads:
        return None
    if cache is not None and private.holds(cache, "gradebook", signature(url)):
        return None  # the gradebook comes from the cache, faster than a second process helps
    try:  # the submissions in the order CourseData.submissions has them (module, learner)
        con = sqlite3.connect(f"file:{url[len('sqlite:///') :]}?mode=ro", uri=True)
        try:
            pairs = con.execute(
                "SELECT s.student_id, a.name FROM submitted_assignment s "
                "JOIN assignment a ON a.id = s.assignment_id ORDER BY a.name, s.student_id"
            ).fetchall()
        finally:
            con.close()
    except sqlite3.Error:
        return None
    if len(pairs) < (EARLY_MINIMUM if minimum is None else minimum):
        return None
    root = str(course / step)
    if cache is None or not private.holds(cache, "answers", _key(root)):  # half the files each
        middle = len(pairs) // 2
        jobs = [(_early_half, (root, pairs[:middle])), (_early_half, (root, pairs[middle:]))]
    else:  # most files unchanged since they were kept: one process checks and reads
        jobs = [(_early, (root, pairs, cache))]
    context = multiprocessing.get_context("fork")
    processes, conns = [], []
    for target, args in jobs:
        receive, send = context.Pipe(duplex=False)
        process = context.Process(target=target, args=(*args, send), daemon=True)
        process.start()
        send.close()
        processes.append(process)
        conns.append(receive)
    return EarlyRead(processes, conns, pairs, course, {"step": step, "cache": cache})


def _early(root: str, pairs: list, cache: Path | None, conn) -> None:
    """In another process: read, send the coded columns (numbers, and each distinct text
    once), then bring the cache up to date (while the first process goes on with the
    report: :meth:`EarlyRead.finish` waits for it)."""
    later: list = []
    _send(conn, lambda: (_read_columns(root, pairs, cache, None, later), None))
    for keep in later:
        keep()


def _early_half(root: str, pairs: list, conn) -> None:
    """In another process: read every file of ``pairs``, then send the coded columns and each
    file's (size, time), for the first process to join and keep."""

    def read() -> tuple:
        stats, coded = [(-1, -1)] * len(pairs), _Coded()
        _read_files(_paths(root, pairs), range(len(pairs)), stats, coded)
        return coded.columns(), stats

    _send(conn, read)


def _send(conn, read: Callable[[], tuple]) -> None:
    """Send ``("ok", *read())``, or ``("failed", None, None)`` if it raised, and close."""
    try:
        message = ("ok", *read())
    except Exception:  # noqa: BLE001 - the first process reads the files itself
        message = ("failed", None, None)
    conn.send(message)
    conn.close()


def _joined(first: dict, second: dict, offset: int) -> dict:
    """The coded columns of two halves read apart (the second's submissions numbered from
    ``offset``) as one reading of both would code them: items and texts numbered in the order
    first seen."""
    items = {t: n for n, t in enumerate(first["items"])}
    texts = {t: n for n, t in enumerate(first["texts"])}
    item_code = np.array([items.setdefault(t, len(items)) for t in second["items"]], dtype=np.int64)
    text_code = np.array([texts.setdefault(t, len(texts)) for t in second["texts"]], dtype=np.int64)
    return {
        "pair": np.concatenate([first["pair"], second["pair"] + offset]),
        "item": np.concatenate([first["item"], item_code[second["item"]]]),
        "value": np.concatenate([first["value"], text_code[second["value"]]]),
        "items": list(items),
        "texts": list(texts),
    }


def _renumbering(old_pairs: list, pairs: list, todo: set[int]) -> np.ndarray:
    """Each cached submission's number in ``pairs``, or -1: gone from the gradebook, or read
    again (its file changed)."""
    now = {p: n for n, p in enumerate(pairs)}
    renumber = np.full(len(old_pairs), -1, dtype=np.int64)
    for n, p in enumerate(old_pairs):
        m = now.get(p, -1)
        renumber[n] = -1 if m in todo else m
    return renumber


def _merged(old: dict, renumber: np.ndarray, fresh: dict) -> dict:
    """The cached rows of files unchanged since and the rows read now, in the gradebook's
    order (``fresh`` extends the cached lists of items and texts); texts no row uses any more
    are dropped."""
    pair = renumber[old["pair"]]
    keep = pair >= 0
    pair = np.concatenate([pair[keep], fresh["pair"]])
    item = np.concatenate([old["item"][keep], fresh["item"]])
    value = np.concatenate([old["value"][keep], fresh["value"]])
    order = np.argsort(pair, kind="stable")  # within a file, rows keep the file's order
    used, value = np.unique(value[order], return_inverse=True)
    texts = fresh["texts"]
    return {
        "pair": pair[order],
        "item": item[order],
        "value": value.astype(np.int64),
        "items": fresh["items"],
        "texts": [texts[n] for n in used],
    }
