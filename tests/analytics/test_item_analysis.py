"""The item analysis, figure by figure, against values worked out by hand.

Two cohorts, both graded by real `nbgrader autograde`:

* the small one in items_cohort.py (ten learners, four questions, q3 miskeyed), whose table of
  scores is the one every sum below is read from;
* the synthetic cohort of synthetic.py (module 01: 36 learners, L30's answers file damaged).

Scores are in questions answered (0 or 1); every statistic used is unchanged by the 2 points a
question is worth (correlations, shares, alpha), except the standard error of measurement.
Sxy = sum(x*y) - sum(x)*sum(y)/n, Sxx and Syy likewise; r = Sxy / sqrt(Sxx * Syy).
"""

from __future__ import annotations

import math
import warnings
from fractions import Fraction as F

import pytest

from allyship.instructor import gradebook as G
from allyship.instructor import item_analysis as IA
from allyship.instructor.item_report import item_analysis_text, only

from ..helpers import BIN
from .items_cohort import MODULE, build
from .synthetic import M1, M5

pytestmark = [pytest.mark.slow, pytest.mark.xdist_group("analytics-synthetic")]


@pytest.fixture(scope="module")
def small(tmp_path_factory):
    import os

    path = os.environ.get("PATH", "")
    os.environ["PATH"] = f"{BIN}{os.pathsep}{path}"
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            course = build(tmp_path_factory.mktemp("items") / "course")
    finally:
        os.environ["PATH"] = path
    data = G.load(G.gradebook_url(course))
    return course, IA.analyse(course, data, G.read_responses(course, data))


def q(analysis, item, module=MODULE):
    table = analysis.questions.set_index(["module", "item"])
    return table.loc[(module, item)]


def option(analysis, item, letter, module=MODULE):
    table = analysis.distractors.set_index(["module", "item", "letter"])
    return table.loc[(module, item, letter)]


def reasons(analysis, item, module=MODULE):
    f = analysis.flags
    return f.loc[(f["module"] == module) & (f["item"] == item), "reason"].tolist()


def test_facility_and_sd(small):
    _, a = small
    # facility = questions right / 10: q1 7, q2 6, q3 6, q4 2
    for item, right in (("q1", 7), ("q2", 6), ("q3", 6), ("q4", 2)):
        p = right / 10
        assert q(a, item)["facility"] == pytest.approx(p)
        # sample SD of 0/1 scores: sqrt(n p (1 - p) / (n - 1)); q1: sqrt(10 * .7 * .3 / 9)
        assert q(a, item)["sd"] == pytest.approx(math.sqrt(10 * p * (1 - p) / 9))
        assert q(a, item)["n"] == 10


def test_corrected_item_total_correlation(small):
    _, a = small
    # q1 x = 1111110100, rest = total - q1 = 2,2,2,1,0,2,2,1,1,1 (sum 14, sum of squares 24)
    #   sum xy = 2+2+2+1+0+2+1 = 10; Sxy = 10 - 7*14/10 = 0.2; Sxx = 7 - 49/10 = 2.1;
    #   Syy = 24 - 196/10 = 4.4; r = 0.2 / sqrt(2.1 * 4.4)
    assert q(a, "q1")["discrimination"] == pytest.approx(0.2 / math.sqrt(2.1 * 4.4))
    # q2 x = 1111011000, rest = 2,2,2,1,1,2,1,2,1,1 (sum 15, squares 25); sum xy = 10;
    #   Sxy = 10 - 6*15/10 = 1; Sxx = 6 - 3.6 = 2.4; Syy = 25 - 22.5 = 2.5; r = 1 / sqrt(6)
    assert q(a, "q2")["discrimination"] == pytest.approx(1 / math.sqrt(6))
    # q3 x = 0010011111, rest = 3,3,2,2,1,2,1,1,0,0 (sum 15, squares 33); sum xy = 2+2+1+1 = 6;
    #   Sxy = 6 - 9 = -3; Syy = 33 - 22.5 = 10.5; r = -3 / sqrt(2.4 * 10.5): the miskey shows
    assert q(a, "q3")["discrimination"] == pytest.approx(-3 / math.sqrt(2.4 * 10.5))
    # q4 x = 1100000000, rest = 2,2,3,2,1,3,2,2,1,1 (sum 19, squares 41); sum xy = 4;
    #   Sxy = 4 - 2*19/10 = 0.2; Sxx = 2 - 0.4 = 1.6; Syy = 41 - 36.1 = 4.9; r = 0.2 / 2.8
    assert q(a, "q4")["discrimination"] == pytest.approx(0.2 / 2.8)


def test_upper_and_lower_27_percent(small):
    _, a = small
    # groups of round(0.27 * 10) = 3. Totals 3,3,3,2,1,3,2,2,1,1: four learners tie at 3 for
    # the top three places (K01, K02, K03, K06: 3/4 each); K05, K09, K10 are the lowest three
    expected = {  # (upper, lower)
        "q1": (F(4, 4), F(1, 3)),  # all four tied at 3 got q1; of K05, K09, K10 only K05
        "q2": (F(4, 4), F(0, 3)),
        "q3": (F(3, 4) * 2 / 3, F(2, 3)),  # K03 and K06 (3/4 each) of 3; K09 and K10
        "q4": (F(3, 4) * 2 / 3, F(0, 3)),  # K01 and K02
    }
    for item, (up, low) in expected.items():
        row = q(a, item)
        assert (row["upper"], row["lower"]) == (pytest.approx(float(up)), pytest.approx(float(low)))
        assert row["upper_lower"] == pytest.approx(float(up - low))
    assert q(a, "q3")["upper_lower"] < 0


def test_distractors_overall_and_by_group(small):
    _, a = small
    # q1: B chosen by K01-K06, K08 (7); A by K07, K10; C by K09; D by no one
    assert option(a, "q1", "B")[["key", "chosen", "share", "upper"]].tolist() == [True, 7, 0.7, 1]
    assert option(a, "q1", "A")[["chosen", "lower"]].tolist() == [2, pytest.approx(1 / 3)]
    assert option(a, "q1", "D")[["chosen", "share", "upper", "lower"]].tolist() == [0, 0, 0, 0]
    # q2 (select all) counts ticks: a by 9 (not K09), b by K08 only, c by 8 (not K05, K10)
    assert a.distractors.query("item == 'q2'")["chosen"].tolist() == [9, 1, 8]
    assert option(a, "q2", "A")["lower"] == pytest.approx(2 / 3)  # K05 a, K10 a; K09 c
    # q3: the upper group splits between A (K01, K02) and the key C (K03, K06): 1.5 / 3 each
    assert option(a, "q3", "A")[["chosen", "upper", "lower"]].tolist() == [3, 0.5, 0]
    assert option(a, "q3", "C")[["key", "upper", "lower"]].tolist() == [
        True, 0.5, pytest.approx(2 / 3),
    ]  # fmt: skip
    assert option(a, "q4", "A")[["share", "upper"]].tolist() == [0.4, 0.25]  # K03 of the four


def test_alpha_its_standard_error_and_the_sem(small):
    _, a = small
    m = a.modules.set_index("module").loc[MODULE]
    # item variances (n - 1 = 9): 2.1/9, 2.4/9, 2.4/9, 1.6/9, sum 8.5/9; totals 3,3,3,2,1,3,2,2,
    # 1,1: sum 21, squares 51, S = 51 - 44.1 = 6.9; alpha = 4/3 * (1 - 8.5/6.9) = -6.4/20.7
    alpha = -6.4 / 20.7
    assert (m["n"], m["questions"]) == (10, 4)
    assert m["alpha"] == pytest.approx(alpha)
    # covariances x 9: q1q2 5 - 4.2 = .8; q1q3 3 - 4.2 = -1.2; q1q4 2 - 1.4 = .6;
    # q2q3 3 - 3.6 = -.6; q2q4 2 - 1.2 = .8; q3q4 0 - 1.2 = -1.2 (the 1/9 cancels in Q)
    # sum of all 6.9, trace 8.5; sum of squares 18.49 + 2 * 4.88 = 28.25; row sums 2.3, 3.4,
    # -.6, 1.8, their squares 20.45. Q = 2*16/(9 * 6.9^3) * (6.9 * (28.25 + 8.5^2) - 2*8.5*20.45)
    big_q = 32 / (9 * 6.9**3) * (6.9 * (28.25 + 72.25) - 2 * 8.5 * 20.45)
    assert big_q == pytest.approx(3.7427, abs=1e-4)  # 32 * 345.8 / 2956.58
    assert m["alpha_se"] == pytest.approx(math.sqrt(big_q / 10))
    assert m["alpha_low"] == pytest.approx(alpha - 1.959964 * math.sqrt(big_q / 10), abs=1e-5)
    # SEM in points: SD of the totals in points (x2) = 2 sqrt(6.9/9); times sqrt(1 - alpha)
    assert m["sem"] == pytest.approx(2 * math.sqrt(6.9 / 9) * math.sqrt(1 - alpha))


def test_the_standard_error_matches_the_closed_form_for_parallel_items():
    """Under compound symmetry (equal variances, equal covariances) van Zyl et al. (2000) give
    the asymptotic variance in closed form: Q = 2k (1 - alpha)^2 / (k - 1)."""
    import numpy as np

    k, n, rho = 5, 200, 0.35
    rng = np.random.default_rng(7)
    cov = (1 - rho) * np.eye(k) + rho
    scores = rng.multivariate_normal(np.zeros(k), cov, size=n)
    alpha, se = IA.alpha_and_se(scores)
    sample = np.cov(scores, rowvar=False)
    assert alpha == pytest.approx(k / (k - 1) * (1 - np.trace(sample) / sample.sum()))
    closed = math.sqrt(2 * k * (1 - alpha) ** 2 / (k - 1) / n)
    assert se == pytest.approx(closed, rel=0.15)  # the sample is only nearly parallel


def test_reflections_are_their_own_columns(small):
    _, a = small
    r = a.reflections.set_index("item").loc["r1"]
    # K01-K08 scored 8,7,6,6,4,5,3,2 of 8 (sum 41, squares 239); K09, K10 wait
    assert (r["graded"], r["awaiting"]) == (8, 2)
    assert r["mean"] == pytest.approx(41 / 8) and r["facility"] == pytest.approx(41 / 64)
    # Sxx = 239 - 41^2/8 = 28.875; SD of the share = sqrt(28.875 / 7) / 8
    assert r["sd"] == pytest.approx(math.sqrt(28.875 / 7) / 8)
    # with the automatic totals 3,3,3,2,1,3,2,2 (sum 19, squares 49): Syy = 49 - 45.125 =
    # 3.875; sum xy = 24+21+18+12+4+15+6+4 = 104; Sxy = 104 - 41*19/8 = 6.625
    assert r["with_auto"] == pytest.approx(6.625 / math.sqrt(28.875 * 3.875))
    assert "r1" not in set(a.questions["item"])  # never in the questions, alpha or flags


def test_flags_catch_the_miskey_the_hard_item_and_the_dead_option(small):
    _, a = small
    assert reasons(a, "q3") == [
        "people who do well overall miss this more than others: check the key "
        "(discrimination -0.60, upper-lower -0.17); 50% of the upper group chose option A"
    ]
    assert reasons(a, "q4")[0].startswith("most people miss this (only 20% answer it correctly)")
    assert "no one chooses option D: replace it" in reasons(a, "q1")
    assert any(r.startswith("this barely separates") for r in reasons(a, "q1"))
    assert reasons(a, "q2") == []
    assert q(a, "q1")["flags"] == 2 and q(a, "q2")["flags"] == 0


def test_too_few_learners_is_said_with_the_minimum_and_why(small):
    _, a = small
    note = a.modules.set_index("module").loc[MODULE, "note"]
    assert note.startswith("only 10 learner(s): with fewer than 30 learners")
    assert "1/sqrt(n)" in note and not a.modules["enough"].any()
    text = item_analysis_text(a)
    assert "Note: only 10 learner(s)" in text and "check the key" in text


def test_the_synthetic_cohort_with_a_damaged_file_and_ties(data, responses, synthetic):
    a = IA.analyse(synthetic, data, responses)
    m = a.modules.set_index("module")
    # 01: q1 right for L01-L20, q2 for L01-L30, of 36. r(q1, q2): sum xy = 20,
    # Sxy = 20 - 20*30/36 = 10/3, Sxx = 20 - 400/36 = 80/9, Syy = 30 - 900/36 = 5 -> r = 0.5
    assert q(a, "q1", M1)["discrimination"] == pytest.approx(0.5)
    assert q(a, "q2", M1)["discrimination"] == pytest.approx(0.5)
    # alpha = 2 * (1 - (80/9 + 5) / (80/9 + 5 + 2 * 10/3)) = 2 * (20/3) / (185/9)
    assert m.loc[M1, "alpha"] == pytest.approx(2 * (20 / 3) / (185 / 9))
    assert bool(m.loc[M1, "enough"]) and m.loc[M1, "note"] == ""
    # groups of round(0.27 * 36) = 10: the top ten of 20 tied at 4 (1/2 each); the six at 0
    # (L31-L36) and 4/10 of each of the ten at 2 (L21-L30). L30's file is unreadable, so the
    # lower group's answers weigh 6 + 9 * 0.4 = 9.6: A (L31-L36) 6/9.6, C (L21-L29) 3.6/9.6
    assert option(a, "q1", "A", M1)["lower"] == pytest.approx(6 / 9.6)
    assert option(a, "q1", "C", M1)["lower"] == pytest.approx(3.6 / 9.6)
    assert option(a, "q1", "C", M1)[["chosen", "share"]].tolist() == [9, pytest.approx(9 / 35)]
    # q2's lower facility uses grades (L30 counts): (0 * 6 + 1 * 4) / 10
    assert q(a, "q2", M1)["lower"] == pytest.approx(0.4)
    assert reasons(a, "q1", M1) == ["no one chooses option D: replace it"]
    # module 05 has one question and 12 learners: no alpha, no discrimination, and a note
    assert math.isnan(m.loc[M5, "alpha"]) and math.isnan(q(a, "q1", M5)["discrimination"])
    assert "at least two graded questions" in m.loc[M5, "note"]
    assert only(a, M5).questions["module"].unique().tolist() == [M5]


def test_the_report_prints_and_draws_the_item_analysis(small, capsys, tmp_path):
    from allyship.cli import main

    course, _ = small
    assert main(["--course", str(course), "report", "--module", "3", "--plots", str(tmp_path)]) == 0
    out = capsys.readouterr().out
    assert "== Item analysis (graded choice questions)" in out
    assert "03_items: 10 learner(s), 4 graded question(s); Cronbach's alpha -0.31 (SE 0.61" in out
    assert "  q3: people who do well overall miss this more than others: check the key" in out
    assert "Reflections, scored by people (not in alpha or the flags):" in out
    png = (tmp_path / "item_analysis.png").read_bytes()
    assert png.startswith(b"\x89PNG") and len(png) > 5000


def test_answers_that_are_no_longer_options_are_counted_and_flagged():
    import pandas as pd

    from allyship.instructor.items import Question

    learners = pd.Index([f"L{n}" for n in range(1, 7)], name="learner")
    weights = pd.Series([1.0, 1.0, 0.0, 0.0, 0.0, 0.0], index=learners)
    single = Question("q1", ("a", "b", "c"), frozenset({"a"}), multiple=False)
    # L5 gave an option since reworded; L6's answer is among the options; "L9" was not graded
    values = pd.Series(
        ["a", "a", "b", "c", "an old option", "b", "a"],
        index=pd.Index([*learners[:6], "L9"], name="learner"),
        dtype="category",
    )
    table = IA._distractors(values, MODULE, single, weights, 1 - weights)
    assert (table["answered"], table["unmatched"]) == (6, 1)
    assert table["chosen"] == [2, 2, 1]  # the old option is chosen as none of them
    row = {"facility": 0.5, "discrimination": 0.5, "upper_lower": 0.5}
    assert IA.flag_reasons(row, table)[0].startswith(
        "1 of the 6 answers read name something that is not one of this question's options now"
    )
    several = Question("q2", ("a", "b", "c"), frozenset({"a", "b"}), multiple=True)
    parts = pd.Series(["a + b", "a + gone", "c", "b", "a + b", "b + c"], index=learners)
    assert IA._distractors(parts, MODULE, several, weights, 1 - weights)["unmatched"] == 1
    clean = IA._distractors(values.iloc[[0, 1, 2, 3, 5]], MODULE, single, weights, 1 - weights)
    assert clean["unmatched"] == 0
    assert not any("not one of" in r for r in IA.flag_reasons(row, clean))
