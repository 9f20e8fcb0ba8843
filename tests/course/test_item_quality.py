"""Every graded and practice choice item meets the item-writing rules a test-wise learner would
otherwise exploit: the key is not usually the longest option, key positions are spread, options
are alike in length, no "all/none of the above", and select-all stems say how many apply.
The last test checks the checker itself on small made-up items, so no rule can pass vacuously."""

from __future__ import annotations

import pytest

from ..helpers import EDITIONS, REPO
from .content import read as read_contents
from .item_quality import (
    MAX_POSITION,
    RULES,
    Item,
    course_items,
    course_problems,
    item_problems,
    module_problems,
    problems,
    table,
)

ITEMS = course_items()


def _failures(module: str, rule: str) -> list[str]:
    found = [p for i in ITEMS[module] for p in item_problems(i)]
    found += module_problems(module, ITEMS[module])
    return [str(p) for p in found if p.rule == rule]


@pytest.mark.parametrize("module", EDITIONS)
def test_every_choice_item_is_read_with_its_key(module):
    """The checker sees every graded and practice choice item the content check sees."""
    contents = read_contents(REPO / "source" / module / f"{module}.ipynb")
    items = {i.item: i for i in ITEMS[module]}
    expected = {*contents.graded, *(p for p in contents.practice if p.startswith("p"))}
    assert set(items) >= expected, sorted(expected - set(items))
    assert all(len(i.options) >= 3 for i in items.values()), "an item with fewer than 3 options"
    assert not _failures(module, "key"), "\n".join(_failures(module, "key"))


@pytest.mark.parametrize("module", EDITIONS)
def test_the_key_is_not_usually_the_longest_option(module):
    assert not _failures(module, "key-longest"), "\n".join(_failures(module, "key-longest"))


@pytest.mark.parametrize("module", EDITIONS)
def test_options_are_alike_in_length(module):
    assert not _failures(module, "length"), "\n".join(_failures(module, "length"))


@pytest.mark.parametrize("module", EDITIONS)
def test_no_all_none_or_both_of_the_above(module):
    assert not _failures(module, "of-the-above"), "\n".join(_failures(module, "of-the-above"))


@pytest.mark.parametrize("module", EDITIONS)
def test_select_all_stems_say_how_many(module):
    assert not _failures(module, "how-many"), "\n".join(_failures(module, "how-many"))


def test_key_positions_are_spread_across_the_course():
    found = course_problems(ITEMS)
    assert not found, "\n".join(map(str, found))


# ------------------------------------------------------------------ the checker itself


def _single(module, item, options, key):
    return Item(module, item, "A nurse at a remote nursing station ...", tuple(options), (key,))


GOOD = [  # three clean items: keys at 1, 2, 3, each mid-length, no cue
    _single("m1", "q1", ["bbbbbbbbbb", "aaaaaaaaaaaa", "cccccccccccc", "dddddddd"], "bbbbbbbbbb"),
    _single("m1", "q2", ["aaaaaaaaaaaa", "bbbbbbbbbb", "cccccccccccc", "dddddddd"], "bbbbbbbbbb"),
    _single("m1", "p1", ["aaaaaaaaaaaa", "cccccccccccc", "bbbbbbbbbb", "dddddddd"], "bbbbbbbbbb"),
    Item(
        "m1",
        "q3",
        "Which three of these fit? Select the three.",
        ("a" * 20, "b" * 21, "c" * 22, "d" * 23, "e" * 24),
        ("a" * 20, "c" * 22, "e" * 24),
        multiple=True,
    ),
]


def _rules(items: list[Item]) -> set[str]:
    return {p.rule for p in problems({"m1": items})}


def test_the_checker_passes_clean_items_and_reports_every_rule():
    assert _rules(GOOD) == set(), [str(p) for p in problems({"m1": GOOD})]

    # Key is the longest option in 2 of 4 single-choice items (> 1/3).
    longest = [
        _single("m1", "q1", ["aaaaaaaaaaaaa", "bbbbbbbbbb", "cccccccccc"], "aaaaaaaaaaaaa"),
        _single("m1", "q2", ["aaaaaaaaaa", "bbbbbbbbbbbbb", "cccccccccc"], "bbbbbbbbbbbbb"),
        *GOOD[:2],
    ]
    found = module_problems("m1", longest)
    assert [p.rule for p in found] == ["key-longest"]
    assert "2 of 4" in found[0].message and "q1" in found[0].message and "q2" in found[0].message

    # Position 1 keyed in 3 of 6 single-choice items across two modules (50% > 40%).
    first = _single("m2", "q9", ["kkkkkkkkkk", "bbbbbbbbbb", "cccccccccc"], "kkkkkkkkkk")
    course = {"m1": GOOD, "m2": [first, first, GOOD[1]]}
    found = course_problems(course)
    assert [p.rule for p in found] == ["position"], found
    assert "option 1" in found[0].message and "3 of 6" in found[0].message
    assert "m2: 2" in found[0].message and f"{MAX_POSITION:.0%}" in found[0].message

    # Lengths: longest ÷ key = 17/10 = 1.70; key ÷ shortest = 17/10 = 1.70.
    short_key = _single("m1", "q5", ["k" * 10, "b" * 17, "c" * 12], "k" * 10)
    long_key = _single("m1", "q6", ["k" * 17, "b" * 10, "c" * 12], "k" * 17)
    messages = [str(p) for p in item_problems(short_key) + item_problems(long_key)]
    assert any(
        "m1 q5" in m and "17/10 = 1.70" in m and "longest option ÷ key" in m for m in messages
    )
    assert any(
        "m1 q6" in m and "17/10 = 1.70" in m and "key (option 1) ÷ shortest" in m for m in messages
    )
    # ... and for select-all items, every keyed option is compared.
    multi = Item(
        "m1",
        "q7",
        "Select the two.",
        ("a" * 10, "b" * 12, "c" * 17, "d" * 12),
        ("a" * 10, "d" * 12),
        multiple=True,
    )
    assert [p.rule for p in item_problems(multi)] == ["length"]
    assert "option 1" in item_problems(multi)[0].message

    # "All/none/both of the above", in any case.
    for phrase in ("All of the above", "none of the above", "Both of the above"):
        item = _single("m1", "q8", ["aaaaaaaaaaaaaaaaa", "bbbbbbbbbbbbbbbbb", phrase], phrase)
        found = [p for p in item_problems(item) if p.rule == "of-the-above"]
        assert found and "option 3" in found[0].message, phrase

    # Select-all stems must say how many, and say it right.
    vague = Item("m1", "q4", "Select all that apply.", GOOD[3].options, GOOD[3].keys, True)
    wrong = Item("m1", "q4", "Choose two of these.", GOOD[3].options, GOOD[3].keys, True)
    assert [p.rule for p in item_problems(vague)] == ["how-many"]
    assert "3 are keyed" in item_problems(vague)[0].message
    assert [p.rule for p in item_problems(wrong)] == ["how-many"]
    assert '"Choose two"' in item_problems(wrong)[0].message

    # Keys that are missing, or not among the options.
    assert [p.rule for p in item_problems(Item("m1", "q1", "?", ("a", "b", "c"), ()))] == ["key"]
    assert [p.rule for p in item_problems(Item("m1", "q1", "?", ("aa", "bb", "cc"), ("x",)))] == [
        "key"
    ]

    assert {"key", "key-longest", "position", "length", "of-the-above", "how-many"} == set(RULES)


def test_the_table_has_a_row_per_module():
    text = table({"m1": GOOD, "m2": [GOOD[1]]})
    lines = text.splitlines()
    assert lines[1].startswith("m1") and lines[2].startswith("m2")
    assert " 1/ 1/ 1/ 0" in lines[1]  # keys at positions 1, 2 and 3
    assert "0 of 3" in lines[1]
    assert "course: key positions" in lines[-1]
    real = table()
    assert all(m in real for m in EDITIONS)
