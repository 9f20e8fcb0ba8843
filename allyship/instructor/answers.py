"""The autograded answers the report needs, read once and kept until a file changes.

:func:`~allyship.instructor.gradebook.read_responses` reads every answer of every submission.
The report needs fewer: the options chosen (``q1`` ...), the self-audit ratings (``a1`` ...),
the consent box (``share``), and reflections only where that box says "yes" in that module (the
cohort view's excerpts). Everything else (other reflections, commitments, records) is never
read into the report, so it cannot leak from it.

Ten thousand learners are seventy thousand ``responses.json`` files. Each file's size and
modification time are checked (a stat, not a read) against those of the last report, kept in
``.allyship/`` (:mod:`.private`); only new or changed files are read again. The result is the
same frame ``read_responses`` would give, less the rows not kept
(``tests/analytics/test_answers.py``).
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Callable
from pathlib import Path

import pandas as pd

from ..kit.store import FILENAME, is_valid_value
from ..kit.widgets.consent import ITEM_ID as CONSENT
from ..kit.widgets.consent import YES
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


def _rows(path: str, learner: str, module: str, texts: dict) -> list[tuple[str, str, str, str]]:
    """The kept answers of one file (none if it is missing or damaged). ``texts`` holds one
    copy of each option's text, so seventy thousand files keep a few hundred strings."""
    try:
        with open(path, "rb") as f:
            data = json.loads(f.read())
    except (OSError, ValueError):
        return []
    if not isinstance(data, dict):
        return []
    shared = data.get(CONSENT) == YES
    rows = []
    for item, value in data.items():
        kind = _kind(item)
        if kind == "skip" or (kind == "shared" and not shared):
            continue
        if type(value) is str:  # the common case, as gradebook._answer_text reads it
            text = value if value.strip() else None
        elif is_valid_value(value):
            text = _answer_text(value)
        else:
            continue
        if text is not None:
            rows.append((learner, module, item, texts.setdefault(text, text)))
    return rows


def _stat(path: str) -> tuple[int, int]:
    try:
        st = os.stat(path)
    except OSError:
        return (-1, -1)
    return (st.st_size, st.st_mtime_ns)


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
    import numpy as np

    root = str(course / step)
    subs = data.submissions
    pairs = list(zip(subs["learner"].tolist(), subs["module"].tolist(), strict=True))
    stats = [_stat(f"{root}/{learner}/{module}/{FILENAME}") for learner, module in pairs]
    key = (root, 2)
    kept = private.load(cache, "answers", key) if cache is not None else None
    old_at = {}  # pair -> its number in the cached frame, if its file is unchanged
    if kept is not None:
        old_pairs, old_stats, old_frame = kept
        now = dict(zip(pairs, stats, strict=True))
        old_at = {p: n for n, (p, st) in enumerate(zip(old_pairs, old_stats, strict=True))
                  if now.get(p) == st}  # fmt: skip
    number = {p: n for n, p in enumerate(pairs)}
    todo = [p for p in pairs if p not in old_at]
    texts: dict[str, str] = {}
    fresh = []
    for n, pair in enumerate(todo, 1):
        rows = _rows(f"{root}/{pair[0]}/{pair[1]}/{FILENAME}", *pair, texts)
        fresh += [(number[pair], *row) for row in rows]
        if progress and (n % 1000 == 0 or n == len(todo)):
            progress(n, len(todo))
    frame = pd.DataFrame(fresh, columns=["pair", *COLUMNS])
    if old_at:
        renumber = np.full(len(old_pairs), -1)
        for p, n in old_at.items():
            renumber[n] = number[p]
        old = old_frame.assign(pair=renumber[old_frame["pair"].to_numpy()])
        frame = pd.concat([old.loc[old["pair"] >= 0], frame], ignore_index=True)
    frame = frame.sort_values("pair", kind="stable", ignore_index=True)
    if cache is not None and (todo or len(old_at) != len(old_pairs if kept else ())):
        compact = frame.astype({c: "category" for c in COLUMNS})
        private.save(cache, "answers", key, (pairs, stats, compact))
    return frame[COLUMNS].astype({c: str for c in COLUMNS})
