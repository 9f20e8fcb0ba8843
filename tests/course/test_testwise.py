"""A learner who reads nothing cannot beat chance: no surface strategy (longest option, a fixed
position, the words of the stem or of the readings, cautious wording) scores more than two
standard deviations above a blind guess over the graded single-choice questions of an edition.
The last test shows the check catches a strategy that works."""

from __future__ import annotations

import pytest

from ..helpers import EDITIONS, FR_MODULES, MODULES, REPO
from .content import read as read_contents
from .item_quality import Item, course_items
from .testwise import _words, chance, score, strategies


def graded_single(modules: list[str]) -> list[tuple[Item, set[str]]]:
    by_module = course_items(modules)
    found = []
    for module, items in by_module.items():
        reading = set()
        for text in read_contents(REPO / "source" / module / f"{module}.ipynb").readings_text:
            reading |= _words(text)
        found += [(i, reading) for i in items if i.item.startswith("q") and not i.multiple]
    return found


EDITION_SETS = {"en": MODULES, "fr": FR_MODULES}


@pytest.mark.parametrize("edition", [e for e, m in EDITION_SETS.items() if m])
@pytest.mark.parametrize("name", list(strategies()))
def test_no_strategy_that_ignores_meaning_beats_chance(edition, name):
    items = graded_single(EDITION_SETS[edition])
    assert len(items) >= 30, "too few graded questions to judge"
    expected, spread = chance(items)
    hits = score(items, strategies()[name])
    assert hits <= expected + 2 * spread, (
        f"'{name}' picks the key in {hits} of {len(items)} questions; a blind guess expects "
        f"{expected:.1f} (± {spread:.1f})"
    )


def test_the_check_catches_a_strategy_that_works():
    rigged = [
        (Item("m", f"q{n}", "Which?", ("a short one", "b", "c", "d"), ("a short one",)), set())
        for n in range(40)
    ]
    expected, spread = chance(rigged)
    assert score(rigged, strategies()["longest"]) > expected + 2 * spread
    assert score(rigged, strategies()["always option B"]) == 0
    assert all(m in EDITIONS for m in MODULES)
