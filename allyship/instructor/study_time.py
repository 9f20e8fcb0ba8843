"""The study time each module states, read from its title cell, for certificates.

A module's title cell says how long it takes ("**Time:** about 60–75 minutes (computed from the
reading length and the questions)."); ``tests/course/test_durations.py`` checks that each stated
range holds the time computed from the module's reading and items. A certificate counts the
*lower* end of each stated range (never more than the module claims), rounded down to a quarter
of an hour over the whole course.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from pathlib import Path

import nbformat

from ..kit.learning_record import TIME_LINE  # the title's time sentence, as learners see it

_FRACTIONS = {"½": 0.5, "¼": 0.25, "¾": 0.75}
_NUM = r"(?:\d+(?:[.,]\d+)?[½¼¾]?|[½¼¾])"
RANGE = re.compile(
    rf"({_NUM})\s*(hours?|hrs?|h|minutes?|mins?)?\s*(?:[–—-]|to)\s*({_NUM})\s*"
    r"(hours?|hrs?|h|minutes?|mins?)\b",
    re.I,
)
SINGLE = re.compile(
    rf"({_NUM})\s*(hours?|hrs?|h)\b(?:\s*(?:and\s*)?(\d+)\s*(?:minutes?|mins?)\b)?"
    rf"|({_NUM})\s*(minutes?|mins?)\b",
    re.I,
)


def _number(text: str) -> float:
    frac = _FRACTIONS.get(text[-1], 0.0)
    head = text[:-1] if frac else text
    return (float(head.replace(",", ".")) if head else 0.0) + frac


def _factor(unit: str | None) -> int:
    return 60 if unit and unit.lower().startswith("h") else 1


def stated_range(text: str) -> tuple[float, float] | None:
    """The first time range in ``text`` ("about 75–90 minutes", "1½–2 hours",
    "60 to 75 minutes"), in minutes; None if it states no range."""
    m = RANGE.search(text)
    if not m:
        return None
    lo_unit = m.group(2) or m.group(4)
    return _number(m.group(1)) * _factor(lo_unit), _number(m.group(3)) * _factor(m.group(4))


def _single(text: str) -> float | None:
    m = SINGLE.search(text)
    if not m:
        return None
    if m.group(1):
        return _number(m.group(1)) * 60 + (int(m.group(3)) if m.group(3) else 0)
    return _number(m.group(4))


def stated_minutes(text: str) -> float | None:
    """The time in ``text``: a range's midpoint, else a single figure ("about 9 hours",
    "8 hours 30 minutes", "540 minutes"), in minutes; None if it states none."""
    r = stated_range(text)
    return (r[0] + r[1]) / 2 if r else _single(text)


def least_minutes(text: str) -> float | None:
    """The least time ``text`` states: a range's lower end, else its single figure."""
    r = stated_range(text)
    return r[0] if r else _single(text)


@dataclass(frozen=True)
class ModuleFacts:
    module: str
    title: str  # the title cell's first line, without the "#"
    stated: str  # the time sentence as written ("" when the module states none)
    minutes: float | None  # the least time it states


def module_facts(notebook: Path) -> ModuleFacts:
    """A module's title and stated time, from its title cell (or its first markdown cell)."""
    nb = nbformat.read(str(notebook), as_version=4)
    title, stated = notebook.stem, ""
    for cell in nb.cells:
        if cell.cell_type != "markdown":
            continue
        gid = cell.get("metadata", {}).get("nbgrader", {}).get("grade_id", "")
        if gid == "title" and cell.source.strip():
            title = cell.source.strip().splitlines()[0].lstrip("# ").strip()
        m = TIME_LINE.search(cell.source)
        if m and (gid == "title" or not stated):
            stated = " ".join(m.group(1).split())
    return ModuleFacts(notebook.stem, title, stated, least_minutes(stated) if stated else None)


def total_hours(facts: list[ModuleFacts]) -> float | None:
    """The least stated time of ``facts`` together, in hours, rounded down to a quarter; None
    when any module states no time (a certificate then states none)."""
    if not facts or any(f.minutes is None for f in facts):
        return None
    return math.floor(sum(f.minutes for f in facts) / 15 + 1e-9) / 4
