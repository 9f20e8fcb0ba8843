"""Stated times are honest (issue 15, item 9): each module's title states a time range that
contains the time computed from its reading length and its items, and start-here and the README
state the course total. How the time is computed: ``durations``'s docstring and constants."""

from __future__ import annotations

import re

import pytest

from ..helpers import REPO
from .durations import (
    Duration,
    count_words,
    course,
    markdown_text,
    measure,
    modules,
    start_here,
    stated_minutes,
    stated_range,
    stated_total,
)

MODULE_PATHS = {p.stem: p for p in modules()}
TOLERANCE = 0.10  # the course total may be stated to within 10%
MAX_SPREAD = 1.5  # a stated range's upper bound at most 1.5 times its lower one


@pytest.fixture(scope="module")
def timed():
    mods, start, total = course()
    return {d.name: d for d in mods}, start, total


def _explain(d: Duration) -> str:
    return (
        f"computed {d.minutes} min = {d.words} words / 200 ({d.reading_minutes:.1f} min) "
        f"+ items {d.items_text()} ({d.item_minutes:.1f} min), rounded up to 5"
    )


# ---- the measurement itself ----------------------------------------------------------------


def test_words_are_counted_as_documented():
    assert count_words("We’re well-meaning — call 1-855-242-3310, see https://x.ca/a-b.") == 6


def test_stated_times_are_read_in_minutes():
    assert stated_range("**Time:** about 75–90 minutes.") == (75, 90)
    assert stated_range("about 60 to 75 minutes") == (60, 75)
    assert stated_range("about 1–1½ hours") == (60, 90)
    assert stated_range("about 45 minutes") is None
    assert stated_minutes("about 8–9 hours in all") == 510
    assert stated_minutes("about 8 hours 30 minutes") == 510
    assert stated_minutes("about 500 minutes") == 500
    assert stated_total("Each module takes 60 minutes. The course takes about 9 hours.") == (
        540,
        "The course takes about 9 hours.",
    )
    assert stated_total("Each module takes about 45–60 minutes.") is None


def test_time_is_reading_plus_items_rounded_up_to_five():
    d = Duration("x", words=1000, items={"graded": 2, "reflection": 1})
    assert d.raw_minutes == pytest.approx(5 + 3 + 10)
    assert d.minutes == 20
    assert Duration("y", words=1400, items={"commitment": 1}).minutes == 10  # exactly 10
    assert Duration("z", words=1401, items={"commitment": 1}).minutes == 15  # just over


# ---- the course ----------------------------------------------------------------------------


@pytest.mark.parametrize("module", sorted(MODULE_PATHS))
def test_every_item_has_a_set_time(module):
    d = measure(MODULE_PATHS[module])
    assert d.items, f"{module}: no items found"
    assert not d.unknown, f"{module}: items durations.py cannot time: {d.unknown}"


@pytest.mark.parametrize("module", sorted(MODULE_PATHS))
def test_the_title_states_a_range_that_contains_the_computed_time(module, timed):
    d = timed[0][module]
    stated = stated_range(d.stated) if d.stated else None
    assert stated, f"{module}: the title states no time range ('**Time:** about N–M minutes.')"
    lo, hi = stated
    assert lo <= d.minutes <= hi, (
        f"{module}: the title states {d.stated!r} ({lo:g}–{hi:g} min), but {_explain(d)}"
    )
    assert hi <= MAX_SPREAD * lo, f"{module}: {d.stated!r} is too wide a range to inform"


@pytest.mark.parametrize("module", sorted(MODULE_PATHS))
def test_start_here_lists_the_same_time_for_the_module(module, timed):
    d = timed[0][module]
    rows = [
        line
        for line in markdown_text(start_here()).splitlines()
        if re.match(rf"\s*\|\s*{module[:2]}\b", line)
    ]
    if not rows:
        pytest.skip(f"start-here has no table row for {module}")
    stated = stated_range(rows[0])
    assert stated and stated[0] <= d.minutes <= stated[1], (
        f"{module}: start-here's row {rows[0].strip()!r} does not contain the computed "
        f"{d.minutes} min ({_explain(d)})"
    )


@pytest.mark.parametrize("where", ["notebooks/00_start_here.ipynb", "README.md"])
def test_the_course_total_is_stated(where, timed):
    mods, start, total = timed
    path = REPO / where
    text = markdown_text(path) if path.suffix == ".ipynb" else path.read_text(encoding="utf-8")
    found = stated_total(text)
    breakdown = (
        f"{sum(d.minutes for d in mods.values())} for the modules + {start.minutes} start-here"
    )
    assert found, (
        f"{where} states no course total; computed {total} min (about {total / 60:.1f} hours: "
        f"{breakdown}). Write e.g. 'about {total // 60}–{-(-total // 60)} hours in all'."
    )
    value, sentence = found
    assert abs(value - total) <= TOLERANCE * total, (
        f"{where} states {sentence!r} ({value:g} min); computed {total} min "
        f"({breakdown}); they must agree within {TOLERANCE:.0%}"
    )
