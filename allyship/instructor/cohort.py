"""The facilitator's anonymous picture of the room.

A facilitator needs to know which questions a group missed and how the group sees its everyday
practice, without anyone being singled out. So every figure here is about a group, never a
person, and any group smaller than ``threshold`` learners is suppressed. Reflection excerpts come
only from learners who ticked the consent box in that module (item ``share`` = ``"yes"``), only
when at least ``threshold`` of them did and at least ``threshold`` of them wrote that
reflection, and never with a name or in learner order (they are sorted by their text).

A cohort of thousands would be tens of thousands of excerpts: no one reads them, and the more
are printed the easier one is to place. So each reflection shows at most
:data:`EXCERPTS_PER_ITEM` excerpts, those most recently submitted, and a sentence says how many
more were shared; :func:`cohort_summary` gives the counts per module.

The consent box promises learners a group of at least five, so the threshold can be raised but
never lowered below :data:`MIN_THRESHOLD`.
"""

from __future__ import annotations

import textwrap
from dataclasses import dataclass, field

import pandas as pd

from ..errors import CohortThresholdError
from ..kit.item_ids import AUDIT_QUESTIONS as QUESTIONS
from ..kit.item_ids import AUDIT_RANKED as RANKED
from ..kit.item_ids import AUDIT_SCALE as SCALE
from ..kit.item_ids import CONSENT_ID, YES, audit_id
from ..kit.strings import LANGUAGES, in_language, t
from .gradebook import REFLECTION, matches
from .text import say

MIN_THRESHOLD = 5
EXCERPT_CHARS = 280
EXCERPTS_PER_ITEM = 30  # a bounded sample: enough to hear the room, too few to read as a list


def check_threshold(threshold: int) -> int:
    if threshold < MIN_THRESHOLD:
        raise CohortThresholdError(
            say("cohort.threshold_too_small", minimum=MIN_THRESHOLD, threshold=threshold)
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


def audit_averages(responses: pd.DataFrame, threshold: int = MIN_THRESHOLD) -> pd.DataFrame:
    """The everyday-practice self-audit (first take), averaged across the cohort.

    Ratings map to numbers in the scale's order (Rarely 1 ... Almost always 4); "Not sure yet"
    is counted apart, not averaged. A question rated by fewer than ``threshold`` learners shows
    no average.
    """
    check_threshold(threshold)
    rows = []
    rank, not_sure_labels = {}, set()
    for language in LANGUAGES:  # a rating is saved as its label, in the module's language
        with in_language(language):
            scale = [t(key) for key in SCALE]
        rank.update({value: float(n) for n, value in enumerate(scale[:RANKED], 1)})
        not_sure_labels.add(scale[-1])
    ids = [audit_id(n) for n in range(1, QUESTIONS + 1)]
    rated = responses.loc[responses["item"].isin(ids), ["item", "value"]]
    for n, item in enumerate(ids, 1):
        answers = rated.loc[rated["item"] == item, "value"].astype(object)  # text, to map
        ranks = answers.map(rank).dropna()  # small whole numbers: the sum is exact
        not_sure = int(answers.isin(not_sure_labels).sum())
        enough = len(ranks) >= threshold
        rows.append(
            {
                "question": t(f"audit.short{n}"),
                "rated": len(ranks),
                "not_sure": not_sure,
                "average": round(float(ranks.sum()) / len(ranks), 2) if enough else float("nan"),
                "suppressed": not enough,
            }
        )
    return pd.DataFrame(rows)


def consenting(responses: pd.DataFrame) -> pd.DataFrame:
    """(learner, module) pairs whose consent box says "yes"."""
    mask = (responses["item"] == CONSENT_ID) & (responses["value"] == YES)
    return responses.loc[mask, ["learner", "module"]].drop_duplicates()


COUNT_COLUMNS = ["module", "item", "shared", "quoted"]


@dataclass
class Excerpts:
    """Shared reflection excerpts, one sentence per module on what was held back, and per
    reflection how many were shared and how many are quoted."""

    table: pd.DataFrame  # module, item, excerpt (no learner column, sorted by text)
    notes: list[str]
    counts: pd.DataFrame = field(
        default_factory=lambda: pd.DataFrame(columns=COUNT_COLUMNS)
    )  # module, item, shared, quoted (shared: NA for a group under the threshold)
    agreed: pd.Series = field(
        default_factory=lambda: pd.Series(dtype="Int64")
    )  # per module, how many agreed to share (NA under the threshold)


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


def reflection_excerpts(
    responses: pd.DataFrame,
    threshold: int = MIN_THRESHOLD,
    *,
    submitted: pd.DataFrame | None = None,
    limit: int = EXCERPTS_PER_ITEM,
) -> Excerpts:
    """Excerpts of reflections from consenting learners only, module by module: for each
    reflection at least ``threshold`` of them wrote, at most ``limit``, the most recently
    submitted (``submitted``: learner, module, timestamp; without it, the first in text order).
    """
    check_threshold(threshold)
    agreed = consenting(responses)
    people = agreed.groupby("module", observed=True)["learner"].nunique()
    shared = responses.loc[matches(responses["item"], REFLECTION)]
    shared = shared.merge(agreed, on=["learner", "module"])  # consenting learners' only
    sizes = shared.groupby(["module", "item"], observed=True).size()
    written: dict[str, list[str]] = {}  # module -> the reflections consenting learners wrote
    for module, item in sizes.index:
        written.setdefault(module, []).append(item)
    notes, counts, quoted = [], [], []
    for module in sorted(responses["module"].unique()):
        n = int(people.get(module, 0))
        items = sorted(written.get(module, []), key=_number)
        if n < threshold:
            notes.append(say("cohort.excerpts_hidden", module=module, threshold=threshold))
            counts += [(module, item, pd.NA, 0) for item in items]
            continue
        notes.append(say("cohort.excerpts_shared", module=module, count=n))
        for item in items:
            k = int(sizes[(module, item)])
            if k < threshold:
                notes.append(
                    say("cohort.item_hidden", module=module, item=item, threshold=threshold)
                )
                counts.append((module, item, pd.NA, 0))
                continue
            counts.append((module, item, k, min(k, limit)))
            quoted.append((module, item))
            if k > limit:
                notes.append(
                    say("cohort.item_sampled", module=module, item=item, limit=limit, count=k,
                        more=k - limit)
                )  # fmt: skip
    chosen = _most_recent(shared, quoted, submitted, limit)
    columns = ["module", "item", "excerpt"]
    table = pd.DataFrame(
        {
            "module": chosen["module"].to_numpy(),
            "item": chosen["item"].to_numpy(),
            "excerpt": [excerpt(v) for v in chosen["value"]],
        },
        columns=columns,
    )
    table = table.sort_values(columns).reset_index(drop=True)
    counted = pd.DataFrame(counts, columns=COUNT_COLUMNS).astype({"shared": "Int64", "quoted": int})
    shown = people.where(people >= threshold).astype("Int64").rename("agreed")
    return Excerpts(table, notes, counted, shown)


def _most_recent(shared: pd.DataFrame, quoted: list, submitted, limit: int) -> pd.DataFrame:
    """Of each (module, item) in ``quoted``, the ``limit`` reflections most recently submitted
    (without ``submitted``, the first in text order)."""
    keys = pd.MultiIndex.from_frame(shared[["module", "item"]])
    rows = shared.loc[keys.isin(quoted)] if quoted else shared.iloc[:0]
    if submitted is not None:
        rows = rows.merge(submitted[["learner", "module", "timestamp"]], how="left")
        order, ascending = ["module", "item", "timestamp"], [True, True, False]
    else:
        order, ascending = ["module", "item", "value"], [True, True, True]
    rows = rows.sort_values(order, ascending=ascending, kind="stable")
    return rows.groupby(["module", "item"], sort=False, observed=True).head(limit)


def _number(item: str) -> int:
    digits = "".join(c for c in item if c.isdigit())
    return int(digits) if digits else 0


def _count(value) -> object:
    return pd.NA if pd.isna(value) else int(value)


def cohort_summary(submitted: pd.Series, excerpts: Excerpts, threshold: int) -> pd.DataFrame:
    """Per module: how many submitted (``submitted``: a count per module), how many agreed to
    share their reflections, how many reflections they shared (in the reflections at least
    ``threshold`` of them wrote), and how many are quoted. Who agreed and what they shared are
    left out (NA) where fewer than ``threshold`` agreed, as the excerpts are."""
    check_threshold(threshold)
    agreed, c = excerpts.agreed, excerpts.counts
    shared = c.groupby("module")["shared"].sum(min_count=1) if len(c) else pd.Series(dtype=int)
    quoted = c.groupby("module")["quoted"].sum() if len(c) else pd.Series(dtype=int)
    rows = []
    for module in sorted(set(submitted.index) | set(agreed.index) | set(c["module"])):
        enough = not pd.isna(agreed.get(module, pd.NA))
        rows.append(
            {
                "module": module,
                "submitted": int(submitted.get(module, 0)),
                "agreed": _count(agreed[module]) if enough else pd.NA,
                "shared": _count(shared.get(module, pd.NA)) if enough else pd.NA,
                "quoted": int(quoted.get(module, 0)),
            }
        )
    frame = pd.DataFrame(rows, columns=["module", "submitted", "agreed", "shared", "quoted"])
    return frame.astype({"agreed": "Int64", "shared": "Int64"}).set_index("module")
