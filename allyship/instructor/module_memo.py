"""Each module's item analysis and item difficulty, kept until what they are worked out from
changes: a report after a round of grading works out again only the modules graded.

What a module's figures are worked out from is digested (SHA-256) from the frames themselves:
its rows of the gradebook (learner, item, the four scores and the flag, in the gradebook's
order), its rows of the answers to its questions (learner, item, value), the module's questions
and key as ``source/`` states them, and the code that works them out (the files of
:data:`CODE`). A module whose digest is kept gets the figures kept with it; any change to any
of these, however small, makes a new digest and the module is worked out again. Kept in
``.allyship/`` (:mod:`.private`) with the report's other caches (figures and the course's own
option texts: no learner's name, nothing a learner wrote); a damaged or missing file is only a
slower report.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

import numpy as np
import pandas as pd

from . import private
from .gradebook import QUESTION, CourseData, matches

CODE = ("module_memo.py", "item_analysis.py", "items.py", "gradebook.py")
NAME = "modules"
SEPARATOR = "\x1f"  # between texts digested together (a unit separator: not in ids or answers)
_CODE_DIGEST: list[bytes] = []


def code_digest() -> bytes:
    """A digest of the files that work the figures out (read once per process)."""
    if not _CODE_DIGEST:
        h = hashlib.sha256()
        for name in CODE:
            h.update((Path(__file__).parent / name).read_bytes())
        _CODE_DIGEST.append(h.digest())
    return _CODE_DIGEST[0]


def _digest_rows(found: dict, frame: pd.DataFrame, texts: tuple, numbers: tuple) -> None:
    """Add each module's rows of ``frame`` to its digest in ``found``: the text columns
    ``texts`` (a categorical as the values its rows use, then each row's place among them;
    other columns value by value), the number columns ``numbers`` as their bytes, and the
    grades' flag."""
    module = frame["module"]
    if isinstance(module.dtype, pd.CategoricalDtype):
        module_codes, module_names = module.cat.codes.to_numpy(), list(module.cat.categories)
    else:
        module_codes, uniques = pd.factorize(module)
        module_names = list(uniques)
    order = np.argsort(module_codes, kind="stable")  # each module's rows together, in order
    bounds = np.searchsorted(module_codes[order], np.arange(len(module_names) + 1))
    coded, plain = {}, {}
    for c in texts:
        column = frame[c]
        if isinstance(column.dtype, pd.CategoricalDtype):  # codes from 1: 0 is a missing value
            names = ["", *column.cat.categories.tolist()]
            coded[c] = (column.cat.codes.to_numpy().astype(np.int64)[order] + 1, names)
        else:
            plain[c] = column.to_numpy(dtype=object)[order]
    arrays = [frame[c].to_numpy(dtype=float)[order] for c in numbers]
    if "needs_manual_grade" in frame:
        arrays.append(frame["needs_manual_grade"].to_numpy(dtype=bool)[order])
    for code, name in enumerate(module_names):
        h = found.get(str(name))
        if h is None:
            continue
        rows = slice(bounds[code], bounds[code + 1])
        h.update(b"\x01%d" % (bounds[code + 1] - bounds[code]))
        for c in texts:
            if c in coded:
                codes, names = coded[c]
                codes = codes[rows]
                present = np.zeros(len(names), dtype=bool)
                present[codes] = True
                used = np.flatnonzero(present)  # the values these rows use, in order
                h.update(SEPARATOR.join([str(names[n]) for n in used.tolist()]).encode("utf-8"))
                h.update((np.cumsum(present) - 1)[codes].astype(np.int32).tobytes())
            else:  # text by text, run by run (the answers come a learner at a time)
                values = plain[c][rows]
                starts = np.flatnonzero(np.r_[True, values[1:] != values[:-1]])
                h.update(SEPARATOR.join(map(str, values[starts].tolist())).encode("utf-8"))
                h.update(np.diff(np.r_[starts, len(values)]).astype(np.int64).tobytes())
            h.update(b"\x02")
        for array in arrays:
            h.update(array[rows].tobytes())


def digests(data: CourseData, responses: pd.DataFrame) -> dict[str, bytes]:
    """Per module of ``data``: a digest (SHA-256) of its rows of the grades and the answers."""
    found = {m: hashlib.sha256(m.encode("utf-8")) for m in data.modules}
    scores = ("score", "max_score", "auto_score", "manual_score")
    _digest_rows(found, data.grades, ("learner", "item"), scores)
    asked = responses["item"]  # of the answers, the figures read the questions' only
    _digest_rows(found, responses.loc[matches(asked, QUESTION)], ("learner", "item", "value"), ())
    return {m: h.digest() for m, h in found.items()}


class Memo:
    """What was kept of each module's figures, and what this report adds to it. ``get`` and
    ``put`` take the kind of figures ("items", "difficulty"), the module, and what else they are
    worked out from (its questions, its key) as a text."""

    def __init__(self, folder: Path | None, data: CourseData, responses: pd.DataFrame) -> None:
        self.folder = folder
        self.digests = digests(data, responses)
        kept = private.load(folder, NAME, code_digest()) if folder is not None else None
        self.kept: dict = kept if isinstance(kept, dict) else {}
        self.now: dict = {}
        self.changed = False

    def _key(self, kind: str, module: str, extra: str) -> tuple:
        return (kind, module, self.digests.get(module), extra)

    def get(self, kind: str, module: str, extra: str = ""):
        key = self._key(kind, module, extra)
        if key in self.kept:
            self.now[key] = self.kept[key]
            return self.kept[key]
        return None

    def split(self, kind: str, modules, extra) -> tuple[dict, list]:
        """The figures of ``kind`` kept for each of ``modules`` (``extra(module)``: what else
        they are worked out from), and the modules with none kept, to work out."""
        found, todo = {}, []
        for m in modules:
            value = self.get(kind, m, extra(m))
            if value is None:
                todo.append(m)
            else:
                found[m] = value
        return found, todo

    def put(self, kind: str, module: str, value, extra: str = "") -> None:
        key = self._key(kind, module, extra)
        if key not in self.now:  # not what get() just found
            self.now[key] = value
            self.changed = True

    def save(self) -> None:
        """Keep what this report used or worked out (and nothing older)."""
        if self.folder is not None and (self.changed or len(self.now) != len(self.kept)):
            private.save(self.folder, NAME, code_digest(), self.now)
