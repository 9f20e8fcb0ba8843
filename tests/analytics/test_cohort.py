"""The facilitator's anonymous view: small groups suppressed, text only with consent."""

from __future__ import annotations

import math
import re

import pandas as pd
import pytest

from allyship.errors import CohortThresholdError
from allyship.instructor import cohort as C
from allyship.instructor.reports import summarise_cohort

from .synthetic import M1, M5, reflection_text

pytestmark = pytest.mark.xdist_group("analytics-synthetic")


def test_no_learner_id_appears_anywhere_in_the_view(report):
    view = summarise_cohort(report)
    frames = [view.difficulty, view.audit, view.excerpts.table]
    assert all("learner" not in f.columns for f in frames)
    text = " ".join(f.to_string() for f in frames) + " ".join(view.excerpts.notes)
    assert not re.search(r"\bL\d\d\b", text)


def test_excerpts_only_from_learners_who_ticked_the_box(report):
    view = summarise_cohort(report)
    shown = set(view.excerpts.table["excerpt"])
    assert shown == {reflection_text(f"L{n:02d}", M1) for n in range(1, 7)}  # L01-L06 said yes
    assert reflection_text("L07", M1) not in shown  # said no
    assert reflection_text("L20", M1) not in shown  # never ticked
    assert list(view.excerpts.table.columns) == ["module", "item", "excerpt"]


def test_a_module_with_too_few_consenting_learners_shows_no_text(report):
    view = summarise_cohort(report)
    assert M5 not in set(view.excerpts.table["module"])  # only 4 said yes in 05
    assert f"{M5}: reflections are not shown (fewer than 5 learners agreed" in " ".join(
        view.excerpts.notes
    )


def test_a_higher_threshold_hides_the_smaller_groups(report):
    view = summarise_cohort(report, threshold=10)
    assert view.excerpts.table.empty  # 6 consenting in 01, fewer than 10
    diff = view.difficulty.set_index(["module", "item"])
    assert not diff.loc[(M1, "q1"), "suppressed"] and diff.loc[(M1, "q1"), "graded"] == 36
    strict = summarise_cohort(report, threshold=15).difficulty.set_index(["module", "item"])
    assert strict.loc[(M5, "q1"), "suppressed"]  # graded for 12 < 15
    assert math.isnan(strict.loc[(M5, "q1"), "share_correct"])
    assert pd.isna(strict.loc[(M5, "q1"), "most_chosen_wrong"])


def test_a_rarely_chosen_wrong_option_is_not_named(report):
    diff = summarise_cohort(report).difficulty.set_index(["module", "item"])
    assert diff.loc[(M1, "q1"), "most_chosen_wrong"] == "C"  # 9 chose it
    assert pd.isna(diff.loc[(M1, "q2"), "most_chosen_wrong"])  # only 3 chose "a"
    assert diff.loc[(M1, "q2"), "share_correct"] == pytest.approx(30 / 36)


def test_self_audit_averaged_with_small_groups_suppressed(report):
    audit = C.audit_averages(report.responses)
    assert audit["rated"].tolist() == [12, 4, 12, 0, 0]
    assert audit["not_sure"].tolist() == [0, 8, 0, 0, 0]
    assert audit.loc[0, "average"] == 2.0 and audit.loc[2, "average"] == round(26 / 12, 2)
    assert audit["suppressed"].tolist() == [False, True, False, True, True]
    assert math.isnan(audit.loc[1, "average"])


def test_the_threshold_cannot_go_below_what_learners_were_promised(report):
    with pytest.raises(CohortThresholdError, match="smallest group the cohort view may show is 5"):
        summarise_cohort(report, threshold=4)


def test_excerpts_are_shortened():
    rows = [(f"P{n}", M1, "r1", "word " * 200) for n in range(5)]
    rows += [(f"P{n}", M1, "share", "yes") for n in range(5)]
    answers = pd.DataFrame(rows, columns=["learner", "module", "item", "value"])
    table = C.reflection_excerpts(answers).table
    assert len(table) == 5 and all(len(e) <= C.EXCERPT_CHARS for e in table["excerpt"])
    assert table["excerpt"].str.endswith("\u2026").all()
