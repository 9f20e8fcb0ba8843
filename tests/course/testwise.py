"""Strategies a test-wise learner could use without reading the module, and what each scores.

Each strategy picks one option per graded single-choice question from surface features only:
its length, its position, how many of its words appear in the stem or in the module's readings
(a clang clue), or how cautious it sounds. A course whose questions measure learning leaves every
strategy at chance: the expected number of hits is the sum of 1/options, and a strategy that
beats it by more than two standard deviations (a binomial spread over the items) fails.
Ties are broken by position, in the learner's disfavour (the first of the tied options).
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable

from .item_quality import Item

WORD = re.compile(r"[^\W\d_]{4,}")
HEDGES = re.compile(
    r"\b(ask|asks|asking|listen|listens|may|might|some|often|usually|together|check|"
    r"demander|écouter|peut|parfois|souvent|ensemble|vérifier)\b",
    re.I,
)
ABSOLUTES = re.compile(
    r"\b(always|never|all|every|only|must|toujours|jamais|tous|toutes|seul|seule|doit)\b", re.I
)


def _words(text: str) -> set[str]:
    return {w.lower() for w in WORD.findall(text)}


def _pick(scores: list[float]) -> int:
    best = max(scores)
    return scores.index(best)


Strategy = Callable[[Item, set[str]], int]


def strategies(positions: int = 4) -> dict[str, Strategy]:
    found: dict[str, Strategy] = {
        "longest": lambda i, _: _pick([len(o) for o in i.options]),
        "shortest": lambda i, _: _pick([-len(o) for o in i.options]),
        "most words from the stem": lambda i, _: _pick(
            [len(_words(o) & _words(i.prompt)) for o in i.options]
        ),
        "most words from the readings": lambda i, reading: _pick(
            [len(_words(o) & reading) / max(1, len(_words(o))) for o in i.options]
        ),
        "the most cautious wording": lambda i, _: _pick(
            [len(HEDGES.findall(o)) - len(ABSOLUTES.findall(o)) for o in i.options]
        ),
        "no absolute words": lambda i, _: _pick([-len(ABSOLUTES.findall(o)) for o in i.options]),
        "last option": lambda i, _: len(i.options) - 1,
    }
    for n in range(positions):
        found[f"always option {'ABCDEF'[n]}"] = lambda i, _, n=n: min(n, len(i.options) - 1)
    return found


def score(items: list[tuple[Item, set[str]]], strategy: Strategy) -> int:
    return sum(i.options[strategy(i, reading)] in i.keys for i, reading in items)


def chance(items: list[tuple[Item, set[str]]]) -> tuple[float, float]:
    """Expected hits of a blind guess, and their standard deviation."""
    ps = [len(i.keys) / len(i.options) for i, _ in items]
    return sum(ps), math.sqrt(sum(p * (1 - p) for p in ps))
