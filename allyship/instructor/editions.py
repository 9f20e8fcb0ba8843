"""Reports on both editions at once: each French module counted as its English twin.

The French modules (``fr-01_etre_allie`` ...) are assignments of their own, so by default every
report shows them apart, as the gradebook does. ``allyship report --editions combined`` (and
``cohort``, and the item export's ``combine_editions``) counts them with their English twin, the
module with the same number: the same item ids and points, the options in the same order
(``tests/course/test_editions.py`` holds the two editions to that). A French answer is rewritten
as the English option at the same position, a self-audit rating as the English rating at the
same place on the scale, so facility, discrimination and distractor shares are computed over
everyone who took the module, in either language. A learner who submitted a module in both
languages counts once, with the later submission.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pandas as pd

from ..kit.item_ids import AUDIT_SCALE as SCALE
from ..kit.store import module_language
from ..kit.strings import in_language, t
from .gradebook import CourseData
from .items import questions

EDITIONS = ("separate", "combined")


def twins(modules: list[str]) -> dict[str, str]:
    """Each other-language module whose English twin (the same number) is among ``modules``."""
    english = {m[:2]: m for m in modules if module_language(m) == "en"}
    found = {}
    for module in modules:
        if module_language(module) != "en":
            number = module.split("-", 1)[1][:2]
            if number in english:
                found[module] = english[number]
    return found


def _scale(language: str) -> list[str]:
    with in_language(language):
        return [t(key) for key in SCALE]


def _answer_maps(course: Path, pairs: dict[str, str]) -> dict[tuple[str, str], dict[str, str]]:
    """(module, item) -> {the edition's option text: the English option at that position}."""
    table = questions(course, sorted({*pairs, *pairs.values()}))
    maps = {}
    for other, english in pairs.items():
        for item, question in table.get(other, {}).items():
            twin = table.get(english, {}).get(item)
            if twin is not None and len(twin.options) == len(question.options):
                maps[(other, item)] = dict(zip(question.options, twin.options, strict=True))
        ratings = dict(zip(_scale(module_language(other)), _scale("en"), strict=True))
        maps[(other, "audit")] = ratings
    return maps


def _english_value(value: object, options: dict[str, str] | None) -> object:
    if not isinstance(value, str) or options is None:
        return value
    if value in options:
        return options[value]
    parts = value.split(" + ")  # a select-all answer: its options, sorted, joined
    if len(parts) > 1 and all(p in options for p in parts):
        return " + ".join(sorted(options[p] for p in parts))
    return value


def _categorical(values: pd.Series) -> pd.Series:
    return pd.Categorical(values.astype(str), categories=sorted(set(values.astype(str))))


def combine(
    course: Path, data: CourseData, responses: pd.DataFrame
) -> tuple[CourseData, pd.DataFrame]:
    """``data`` and ``responses`` with every French module counted as its English twin."""
    pairs = twins(list(data.modules))
    if not pairs:
        return data, responses
    maps = _answer_maps(course, pairs)
    subs = data.submissions.copy()
    subs["module"] = subs["module"].astype(str)
    subs["edition"] = subs["module"]
    subs["module"] = subs["module"].replace(pairs)
    subs = subs.sort_values("timestamp").drop_duplicates(["learner", "module"], keep="last")
    kept = set(zip(subs["learner"].astype(str), subs["edition"], strict=True))
    grades = data.grades.copy()
    grades["module"] = grades["module"].astype(str)
    pair = list(zip(grades["learner"].astype(str), grades["module"], strict=True))
    grades = grades[[p in kept for p in pair]]
    grades["module"] = _categorical(grades["module"].replace(pairs))
    answers = responses.copy()
    answers["module"] = answers["module"].astype(str)
    pair = list(zip(answers["learner"].astype(str), answers["module"], strict=True))
    answers = answers[[p in kept for p in pair]]
    if len(answers):
        keys = [
            maps.get((m, "audit" if str(i).startswith("a") else str(i)))
            for m, i in zip(answers["module"], answers["item"], strict=True)
        ]
        values = [_english_value(v, k) for v, k in zip(answers["value"], keys, strict=True)]
        answers["value"] = values
    answers["module"] = answers["module"].replace(pairs)
    modules = sorted({pairs.get(m, m) for m in data.modules})
    subs = subs.drop(columns="edition").sort_values(["learner", "module"]).reset_index(drop=True)
    combined = replace(
        data, modules=modules, submissions=subs, grades=grades.reset_index(drop=True)
    )
    return combined, answers.reset_index(drop=True)
