"""The facilitator's anonymous picture of the room.

A facilitator needs to know which questions a group missed and how the group sees its everyday
practice, without anyone being singled out. So every figure here is about a group, never a
person, and any group smaller than ``threshold`` learners is suppressed. Reflection excerpts come
only from learners who ticked the consent box in that module (item ``share`` = ``"yes"``), only
when at least ``threshold`` of them did, and never with a name or in learner order.

The consent box promises learners a group of at least five, so the threshold can be raised but
never lowered below :data:`MIN_THRESHOLD`.
"""

from __future__ import annotations

import textwrap
from dataclasses import dataclass

import pandas as pd

from ..errors import CohortThresholdError
from ..kit.strings import t
from ..kit.widgets.audit import QUESTIONS, RANKED, SCALE, audit_id
from ..kit.widgets.consent import ITEM_ID as CONSENT_ID
from ..kit.widgets.consent import YES
from .gradebook import REFLECTION, matches

MIN_THRESHOLD = 5
EXCERPT_CHARS = 280


def check_threshold(threshold: int) -> int:
    if threshold < MIN_THRESHOLD:
        raise CohortThresholdError(
            f"The smallest group the cohort view may show is {MIN_THRESHOLD} learners (the "
            f"consent box promises learners this); {threshold} is too small."
        )
    return threshold


def cohort_difficulty(difficulty: pd.DataFrame, threshold: int = MIN_THRESHOLD) -> pd.DataFrame:
    """Item difficulty without names. A question graded for fewer than ``threshold`` learners
    shows no figures; a wrong option is named only if at least ``threshold`` chose it."""
    check_threshold(threshold)
    table = difficulty[["module", "item", "graded", "share_correct", "most_chosen_wrong"]].copy()
    table["times_chosen"] = difficulty["times_chosen"]
    small = table["graded"] < threshold
    table["suppressed"] = small
    table.loc[small, ["share_correct"]] = float("nan")
    rare = small | (table["times_chosen"] < threshold)
    table["most_chosen_wrong"] = [
        None if hide else wrong
        for hide, wrong in zip(rare, table["most_chosen_wrong"], strict=True)
    ]
    return table.drop(columns="times_chosen")


def _rank(value: str) -> float | None:
    scale = [t(key) for key in SCALE]
    return float(scale.index(value) + 1) if value in scale[:RANKED] else None


def audit_averages(responses: pd.DataFrame, threshold: int = MIN_THRESHOLD) -> pd.DataFrame:
    """The everyday-practice self-audit (first take), averaged across the cohort.

    Ratings map to numbers in the scale's order (Rarely 1 ... Almost always 4); "Not sure yet"
    is counted apart, not averaged. A question rated by fewer than ``threshold`` learners shows
    no average.
    """
    check_threshold(threshold)
    rows = []
    scale = [t(key) for key in SCALE]
    for n in range(1, QUESTIONS + 1):
        answers = responses.loc[responses["item"] == audit_id(n), "value"]
        ranks = [r for r in (_rank(v) for v in answers) if r is not None]
        not_sure = int((answers == scale[-1]).sum())
        enough = len(ranks) >= threshold
        rows.append(
            {
                "question": t(f"audit.short{n}"),
                "rated": len(ranks),
                "not_sure": not_sure,
                "average": round(sum(ranks) / len(ranks), 2) if enough else float("nan"),
                "suppressed": not enough,
            }
        )
    return pd.DataFrame(rows)


def consenting(responses: pd.DataFrame) -> pd.DataFrame:
    """(learner, module) pairs whose consent box says "yes"."""
    mask = (responses["item"] == CONSENT_ID) & (responses["value"] == YES)
    return responses.loc[mask, ["learner", "module"]].drop_duplicates()


@dataclass
class Excerpts:
    """Shared reflection excerpts, and one sentence per module on what was held back."""

    table: pd.DataFrame  # module, item, excerpt (no learner column, sorted by text)
    notes: list[str]


def excerpt(text: str, width: int = EXCERPT_CHARS, placeholder: str = " \u2026") -> str:
    """``textwrap.shorten(text, width, placeholder=" …")``, to the character, made cheap.

    shorten collapses the whitespace and keeps the words that fit in ``width``, dropping words
    until the placeholder fits too. Without a hyphen (where textwrap may also break a line) or a
    word longer than ``width`` that is a plain greedy fill, done here; otherwise textwrap is fed
    only the words it can use (nothing past the first space after ``width`` characters changes
    its result). tests/analytics/test_answers.py checks both against textwrap."""
    collapsed = " ".join(text.split())
    if len(collapsed) <= width:
        return collapsed
    cut = collapsed.find(" ", width + 1)
    collapsed = collapsed[:cut] if cut > 0 else collapsed
    words = collapsed.split(" ")
    if "-" not in collapsed and max(len(w) for w in words) <= width:
        kept, used = [], -1
        for word in words:
            if used + 1 + len(word) > width:
                break
            kept.append(word)
            used += 1 + len(word)
        while kept and used + len(placeholder) > width:
            used -= 1 + len(kept.pop())
        if kept:
            return " ".join(kept) + placeholder
    return textwrap.shorten(collapsed, width=width, placeholder=placeholder)


def reflection_excerpts(responses: pd.DataFrame, threshold: int = MIN_THRESHOLD) -> Excerpts:
    """Excerpts of reflections from consenting learners only, module by module."""
    check_threshold(threshold)
    agreed = consenting(responses)
    notes, frames = [], []
    reflections = responses.loc[matches(responses["item"], REFLECTION)]
    for module in sorted(responses["module"].unique()):
        people = set(agreed.loc[agreed["module"] == module, "learner"])
        if len(people) < threshold:
            notes.append(
                f"{module}: reflections are not shown (fewer than {threshold} learners agreed "
                "to share them)."
            )
            continue
        mask = (reflections["module"] == module) & reflections["learner"].isin(people)
        chosen = reflections.loc[mask, ["module", "item", "value"]].copy()
        chosen["excerpt"] = [excerpt(v) for v in chosen.value]
        frames.append(chosen.drop(columns="value"))
        notes.append(f"{module}: {len(people)} learners agreed to share their reflections.")
    columns = ["module", "item", "excerpt"]
    table = pd.concat(frames) if frames else pd.DataFrame(columns=columns)
    table = table.sort_values(columns).reset_index(drop=True)
    return Excerpts(table[columns], notes)
