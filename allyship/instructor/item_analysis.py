"""Item analysis: which graded questions work, module by module.

What instructors know from Moodle's quiz statistics and Canvas's item analysis, for each graded
choice question:

* **facility**: the mean score as a share of the question's points (the share who got it right);
* **SD**: the standard deviation of that score (sample, n - 1);
* **discrimination**: the corrected item-total correlation, the Pearson correlation of the
  question's score with the learner's total on the module's *other* questions (Moodle's
  discrimination index, /100); and the upper-lower index d = p(upper 27%) - p(lower 27%)
  (Kelley 1939), the groups ranked by the total on all the module's questions. The groups hold
  round(0.27 n) learners each; learners tied at a group's edge count in part (so a group never
  depends on the order of names);
* **distractors**: the share choosing each option, overall and in the upper and lower groups.

For each module: Cronbach's alpha over its questions (from their covariance matrix: alpha =
k/(k-1) (1 - tr V / 1'V1)), its asymptotic standard error (van Zyl, Neudecker & Nel 2000;
Duhachek & Iacobucci 2004), a 95% interval (alpha +/- 1.96 SE) and the standard error of
measurement of the total (Moodle's "standard error": SD x sqrt(1 - alpha)), and n.

Reflections are scored by people against the rubric: they are reported in their own table
(mean, SD, how they track the automatic total), never mixed into alpha or the flags.

Flags use common rules of thumb, in plain words (see :data:`FACILITY_LOW` ...). Below
:data:`MIN_LEARNERS` learners every figure is shown but marked as unstable, with the reason.
"""

from __future__ import annotations

import math
import os
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd

from . import items as I
from .gradebook import CourseData, only_modules
from .module_memo import Memo

MIN_LEARNERS = 30
WHY_MIN = (
    "with fewer than 30 learners a correlation's standard error is about 0.18 or more "
    "(roughly 1/sqrt(n)), as large as the 0.20 a question's discrimination is judged by, and "
    "one learner moves a facility by 3 points or more"
)
GROUP_SHARE = 0.27  # Kelley's upper and lower groups
FACILITY_LOW = 0.30  # most people miss it
FACILITY_HIGH = 0.90  # almost everyone gets it: it tells you little
DISCRIMINATION_LOW = 0.20  # a question that barely separates
DISTRACTOR_RARE = 0.05  # a distractor chosen by fewer than 5% does little work
Z95 = 1.959963984540054  # the normal distribution's 97.5th percentile


@dataclass
class ItemAnalysis:
    modules: pd.DataFrame  # one row per module: n, k, alpha, its SE and interval, SEM, note
    questions: pd.DataFrame  # one row per graded question: facility ... flags
    distractors: pd.DataFrame  # one row per question x option
    reflections: pd.DataFrame  # one row per reflection (scored by people)
    flags: pd.DataFrame  # one row per flag: module, item, reason


def half_up(x: float) -> int:
    return int(math.floor(x + 0.5))


def group_weights(total: pd.Series, upper: bool, share: float = GROUP_SHARE) -> pd.Series:
    """Each learner's membership (0..1) of the upper (or lower) group of ``total``: the
    round(share x n) highest (lowest) totals, those tied at the edge sharing what is left."""
    size = max(1, half_up(share * len(total)))
    ranked = total.sort_values(ascending=not upper)
    edge = ranked.iloc[size - 1]
    beyond = total > edge if upper else total < edge
    tied = total == edge
    return beyond.astype(float) + tied * ((size - beyond.sum()) / tied.sum())


def alpha_and_se(scores: np.ndarray) -> tuple[float, float]:
    """Cronbach's alpha of a learners x items array, and its asymptotic standard error."""
    n, k = scores.shape
    if k < 2 or n < 2:
        return float("nan"), float("nan")
    cov = np.cov(scores, rowvar=False, ddof=1)
    total, trace = cov.sum(), np.trace(cov)
    if total <= 0:
        return float("nan"), float("nan")
    alpha = k / (k - 1) * (1 - trace / total)
    sum_sq_rows = float((cov.sum(axis=1) ** 2).sum())  # 1'V^2 1
    q = (2 * k**2 / ((k - 1) ** 2 * total**3)) * (
        total * (float((cov**2).sum()) + trace**2) - 2 * trace * sum_sq_rows
    )
    return float(alpha), float(math.sqrt(max(q, 0.0) / n))


def short(option: str, width: int = 48) -> str:
    return option if len(option) <= width else option[: width - 1].rstrip() + "\u2026"


def shortened(options: list[str], width: int = 48) -> list[str]:
    """Each of a question's options in about ``width`` characters (:func:`short`). Two that
    would then look the same (they begin alike) are shown from the word a little before where
    they part: "\u2026racism in medicine, now and\u2026", "\u2026racism by publishing\u2026"."""
    first = [short(o, width) for o in options]
    out = list(first)
    for i, option in enumerate(options):
        alike = [p for j, p in enumerate(options) if j != i and first[j] == first[i]]
        if not alike or len(option) <= width:
            continue
        parts = max(len(os.path.commonprefix([option, p])) for p in alike)
        start = option.rfind(" ", 0, max(0, parts - 16)) + 1  # a word's start, or 0
        window = option[start : start + width - 2]
        cut = start + len(window) < len(option)
        out[i] = ("\u2026" if start else "") + window.rstrip() + ("\u2026" if cut else "")
    return out


def analyse(
    course: Path, data: CourseData, responses: pd.DataFrame, memo: Memo | None = None
) -> ItemAnalysis:
    """The item analysis of every module in the gradebook (each module's figures from ``memo``
    where they are kept: :mod:`.module_memo`)."""
    catalogue = I.questions(course, data.modules)
    parts, todo = kept_parts(data.modules, catalogue, memo)
    parts.update(work_out(data, responses, catalogue, todo))
    return assemble(data.modules, parts, catalogue, memo)


def stated(questions: dict[str, I.Question]) -> str:
    """A module's questions, options and keys as one text (for :mod:`.module_memo`)."""
    return repr(sorted((q.item, q.options, sorted(q.key), q.multiple) for q in questions.values()))


def kept_parts(modules: list[str], catalogue: dict, memo: Memo | None) -> tuple[dict, list]:
    """The modules' figures ``memo`` keeps, and the modules it does not (to work out)."""
    if memo is None:
        return {}, list(modules)
    return memo.split("items", modules, lambda m: stated(catalogue.get(m, {})))


def work_out(data: CourseData, responses: pd.DataFrame, catalogue: dict, modules: list[str]):
    """Each of ``modules``'s figures (a module's figures depend on its own rows only)."""
    if not modules:
        return {}
    if set(modules) != set(data.modules):
        data, responses = only_modules(data, responses, modules)
    prepared = I.prepare(data, responses)
    return {m: _module(prepared, m, catalogue.get(m, {})) for m in modules}


def assemble(modules: list[str], parts: dict, catalogue: dict, memo: Memo | None):
    """The analysis of ``modules`` from each one's figures (kept in ``memo`` for next time)."""
    if memo is not None:
        for m in modules:
            memo.put("items", m, parts[m], stated(catalogue.get(m, {})))
    frames = [pd.concat([parts[m][i] for m in modules], ignore_index=True) for i in range(4)]
    summary, questions, distractors, reflections = frames
    flags = questions[["module", "item", "flags"]].explode("flags").dropna(subset=["flags"])
    flags = flags.rename(columns={"flags": "reason"}).reset_index(drop=True)
    questions["flags"] = questions["flags"].map(len)
    return ItemAnalysis(summary, questions, distractors, reflections, flags)


Q_COLUMNS = [
    "module", "item", "kind", "n", "facility", "sd", "discrimination", "upper", "lower",
    "upper_lower", "flags",
]  # fmt: skip
D_COLUMNS = ["module", "item", "letter", "option", "key", "chosen", "share", "upper", "lower"]
R_COLUMNS = ["module", "item", "graded", "awaiting", "mean", "facility", "sd", "with_auto"]
M_COLUMNS = [
    "module", "n", "questions", "alpha", "alpha_se", "alpha_low", "alpha_high", "sem",
    "enough", "note",
]  # fmt: skip


def _module(prepared: I.Prepared, module: str, catalogue: dict):
    scores = I.points(prepared, module).dropna()
    top = prepared.points.get(module, pd.Series(dtype=float))
    n, k = scores.shape
    total = scores.sum(axis=1)
    alpha, se = alpha_and_se(scores.to_numpy(dtype=float))
    enough = n >= MIN_LEARNERS
    notes = [] if enough else [f"only {n} learner(s): {WHY_MIN}; read these figures as questions"]
    if k < 2:
        notes.append("alpha and discrimination need at least two graded questions")
    summary = {
        "module": module, "n": n, "questions": k, "alpha": alpha, "alpha_se": se,
        "alpha_low": alpha - Z95 * se, "alpha_high": float(np.fmin(1.0, alpha + Z95 * se))
        if not math.isnan(alpha) else math.nan,
        "sem": float(total.std(ddof=1) * math.sqrt(1 - alpha)) if n > 1 else float("nan"),
        "enough": enough, "note": "; ".join(notes),
    }  # fmt: skip
    questions, distractors = [], []
    if n:
        upper, lower = group_weights(total, True), group_weights(total, False)
    for item in scores.columns if n else []:
        share = scores[item] / top[item]
        rest = total - scores[item]
        r = share.corr(rest) if n > 2 and k > 1 else math.nan
        p_up = float((upper * share).sum() / upper.sum()) if k > 1 else math.nan
        p_low = float((lower * share).sum() / lower.sum()) if k > 1 else math.nan
        question = catalogue.get(item)
        values = prepared.answers.get((module, item), pd.Series(dtype=str))
        table = _distractors(values, module, question, upper, lower) if question else None
        row = {
            "module": module, "item": item,
            "kind": "select all" if question and question.multiple else "single choice",
            "n": n, "facility": float(share.mean()), "sd": float(share.std(ddof=1)),
            "discrimination": float(r), "upper": p_up, "lower": p_low,
            "upper_lower": p_up - p_low,
        }  # fmt: skip
        row["flags"] = flag_reasons(row, table)
        questions.append(row)
        if table is not None:
            distractors.append(table)
    reflections = _reflections(prepared, module, total)
    return (
        pd.DataFrame([summary], columns=M_COLUMNS),
        pd.DataFrame(questions, columns=Q_COLUMNS),
        _options_frame(distractors),
        reflections,
    )


def _options_frame(tables: list[dict]) -> pd.DataFrame:
    """One frame of the options of every question (each a dict of columns)."""
    if not tables:
        return pd.DataFrame().reindex(columns=D_COLUMNS)
    return pd.DataFrame({c: [v for t in tables for v in t[c]] for c in D_COLUMNS})


def _distractors(values, module, question: I.Question, upper, lower) -> dict[str, list]:
    """Each option's count and share, overall and weighted by upper and lower membership, over
    the learners with a graded submission whose answer could be read: the columns of
    :data:`D_COLUMNS`, one value per option; ``answered``, how many answers that is; and
    ``unmatched``, how many of them name something that is not one of the question's options
    (given before its options changed, or edited into the file)."""
    at = upper.index.get_indexer(values.index)  # each answer's learner among the graded
    values, at = values[at >= 0], at[at >= 0]
    grid, unmatched = I.chosen_grid(values, question)  # learners x options
    grid = grid.astype(float)
    w_up, w_low = upper.to_numpy()[at], lower.to_numpy()[at]
    n, up, low, k = len(values), w_up.sum(), w_low.sum(), len(question.options)
    counts = grid.sum(axis=0)
    by_up = w_up @ grid / up if up else np.full(k, math.nan)
    by_low = w_low @ grid / low if low else np.full(k, math.nan)
    return {
        "module": [module] * k,
        "item": [question.item] * k,
        "letter": [question.letter(o) for o in question.options],
        "option": shortened(question.options),
        "key": [o in question.key for o in question.options],
        "chosen": counts.astype(int).tolist(),
        "share": (counts / n).tolist() if n else [math.nan] * k,
        "upper": by_up.tolist(),
        "lower": by_low.tolist(),
        "answered": n,
        "unmatched": unmatched,
    }


def flag_reasons(row: dict, options: dict[str, list] | None) -> list[str]:
    """The plain reasons a question needs a look (empty when none); ``options``: its options'
    columns as :func:`_distractors` gives them."""
    reasons = []
    facility, r, d = row["facility"], row["discrimination"], row["upper_lower"]
    if facility < FACILITY_LOW:
        reasons.append(
            f"most people miss this (only {facility:.0%} answer it correctly): check that the "
            "question is clear and that the reading covers it"
        )
    elif facility > FACILITY_HIGH:
        reasons.append(
            f"almost everyone answers this correctly ({facility:.0%}): it tells you little "
            "about who understood"
        )
    wrong = _wrong_options(options)
    if (not math.isnan(r) and r < 0) or (not math.isnan(d) and d < 0):
        reasons.append(_check_key(r, d, wrong))
    elif not math.isnan(r) and r < DISCRIMINATION_LOW and facility <= FACILITY_HIGH:
        reasons.append(
            f"this barely separates people who understood from those who did not "
            f"(discrimination {r:.2f}, under {DISCRIMINATION_LOW:.2f}): review the options"
        )
    if options is not None and (unmatched := options["unmatched"]):
        reasons.append(
            f"{unmatched} of the {options['answered']} answers read name something that is not "
            "one of this question's options now: it probably changed after they were given, so "
            "these figures mix its two versions; compare cohorts from before and after the change"
        )
    if options is not None and sum(options["chosen"]):
        for o in wrong:
            if o["chosen"] == 0:
                reasons.append(f"no one chooses option {_named(o)}: replace it")
            elif o["share"] < DISTRACTOR_RARE:
                reasons.append(
                    f"hardly anyone chooses option {_named(o)} ({o['share']:.1%}): it does "
                    "little work; consider a mistake people really make"
                )
    return reasons


def _wrong_options(options: dict[str, list] | None) -> list[dict]:
    """The options that are not the key, one dict each, in the question's order."""
    if options is None:
        return []
    rows = zip(*(options[c] for c in D_COLUMNS), strict=True)
    return [o for o in (dict(zip(D_COLUMNS, r, strict=True)) for r in rows) if not o["key"]]


def _named(option: dict) -> str:
    """An option as ``B ("Ask the daughter ...")``, or just ``B`` when its text is "B"."""
    letter, text = option["letter"], option["option"]
    return letter if text == letter else f'{letter} ("{text}")'


def _check_key(r: float, d: float, wrong: list[dict]) -> str:
    text = (
        "people who do well overall miss this more than others: check the key "
        f"(discrimination {r:.2f}, upper-lower {d:+.2f})"
    )
    chosen_by_upper = [o for o in wrong if not math.isnan(o["upper"])]
    if chosen_by_upper:  # the wrong option the upper group chose most (ties: the first letter)
        top = min(chosen_by_upper, key=lambda o: (-o["upper"], o["letter"]))
        if top["upper"] > 0:
            text += f"; {top['upper']:.0%} of the upper group chose option {top['letter']}"
    return text


def _reflections(prepared: I.Prepared, module: str, auto_total: pd.Series) -> pd.DataFrame:
    g = prepared.reflections
    g = g.loc[g["module"] == module]
    rows = []
    for item, part in sorted(g.groupby("item", observed=True), key=lambda kv: int(kv[0][1:])):
        given = part.loc[part["manual_score"].notna()].set_index("learner")["score"]
        share = given / float(part["max_score"].iloc[0])
        rows.append(
            {
                "module": module,
                "item": item,
                "graded": len(given),
                "awaiting": int(part["needs_manual_grade"].sum()),
                "mean": float(given.mean()) if len(given) else math.nan,
                "facility": float(share.mean()) if len(given) else math.nan,
                "sd": float(share.std(ddof=1)) if len(given) > 1 else math.nan,
                "with_auto": float(share.corr(auto_total.reindex(share.index)))
                if len(given) > 2
                else math.nan,
            }
        )
    return pd.DataFrame(rows, columns=R_COLUMNS)
