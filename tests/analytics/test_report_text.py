"""The report a person reads: long lists of learners shown per module (a 10,000-learner report
stays a few pages), every row with ``--full``; answers shown by letter and first words; options
that begin alike told apart.

The expected figures are worked out by hand from the synthetic cohort (synthetic.py):
01_alpha's points are q1 (2) + q2 (2) + r1 written (1, automatic) + r1 as a person scored it
(6 for L01-L30): L01-L20 11, L21-L30 9, L31-L36 1 (both questions wrong, r1 not yet scored),
out of 2 + 2 + 1 + 8 = 13; 05_audit's are q1 (2, L01-L04) + 1 + 6: L01-L04 9, L05-L12 7, out
of 11.
"""

from __future__ import annotations

import re

import pytest

from allyship.cli import main
from allyship.instructor import reports as R
from allyship.instructor.item_analysis import shortened
from allyship.instructor.items import Question, questions

from ..helpers import EDITIONS, REPO
from .synthetic import M1, M5

pytestmark = pytest.mark.xdist_group("analytics-synthetic")
LEARNER = re.compile(r"\bL\d\d\b")


def section(text: str, title: str) -> str:
    """The lines of the report's section whose title starts with ``title``."""
    start = text.index(f"== {title}")
    end = text.find("\n\n", start)
    return text[start : end if end >= 0 else len(text)]


def test_points_over_the_limit_are_each_modules_spread(report):
    title, table = R.points_view(report, listed=39)  # 40 learners: one more than the limit
    assert title.startswith("Points per module (40 learners;")
    assert table.loc[M1].tolist() == pytest.approx([36, 13, 316 / 36, 1, 11, 11])
    assert table.loc[M5].tolist() == pytest.approx([12, 11, 92 / 12, 7, 7, 9])
    assert list(table.columns) == ["submitted", "out_of", "mean", "lowest", "median", "highest"]
    title, table = R.points_view(report, listed=40)
    assert title == "Points per learner and module" and table is report.scores


def test_grading_to_do_and_late_over_the_limit_are_counted_per_module(report):
    title, table = R.awaiting_view(report, listed=5)  # L31-L36 await r1 in 01_alpha
    assert "(6 in all;" in title
    assert table.values.tolist() == [[M1, "r1", 6]]
    title, table = R.late_view(report, listed=2)  # L01 2 h, L02 26 h, L03 0.5 h late
    assert "(3 in all;" in title
    assert table.loc[M1].tolist() == [3, 2.0, 26.0]
    assert R.late_view(report, listed=3)[1] is report.late
    assert R.awaiting_view(report, full=True, listed=5)[1] is report.awaiting


def test_the_text_names_no_learner_once_every_list_is_per_module(report):
    text = R.report_text(report, listed=2)
    for title in ("Points per module", "Reflections awaiting", "Late submissions, per module"):
        assert not LEARNER.search(section(text, title))
    assert re.search(rf"{M1}\s+36\s+13\.00\s+8\.78\s+1\.00\s+11\.00\s+11\.00", text)
    full = R.report_text(report, full=True, listed=2)
    assert re.search(rf"L31\s+{M1}\s+r1", full) and re.search(r"L02\s+01_alpha .*26\.00", full)


def test_the_command_summarises_past_the_limit_and_full_lists_every_row(
    synthetic, capsys, monkeypatch
):
    monkeypatch.setattr(R, "LISTED", 5)
    assert main(["--course", str(synthetic), "report"]) == 0
    short = capsys.readouterr().out
    assert "== Points per module (40 learners;" in short
    assert not LEARNER.search(section(short, "Points per module"))
    assert re.search(rf"{M1}\s+r1\s+6\b", section(short, "Reflections awaiting"))
    assert main(["--course", str(synthetic), "report", "--full"]) == 0
    full = capsys.readouterr().out
    assert "== Points per learner and module" in full
    points = section(full, "Points per learner and module")
    assert len(LEARNER.findall(points)) == 40


def test_the_command_s_help_states_the_limit_the_report_uses():
    from allyship.instructor.verbs import VERBS

    report = next(v for v in VERBS if v.name == "report")
    full = next(options for flags, options in report.arguments if flags == ("--full",))
    assert f"more than {R.LISTED} is shown per module" in full["help"]


def test_the_most_chosen_wrong_answer_is_shown_by_its_letter(report):
    table = R.difficulty_text(report).set_index(["module", "item"])["most_chosen_wrong"]
    # 01_alpha q1: "C" (its letter is its text); q2, select all of a, b, c: "a" alone is the
    # most chosen wrong answer (option A); 05_audit q1: "Y", option B of X, Y
    assert table.to_dict() == {(M1, "q1"): "C", (M1, "q2"): 'A ("a")', (M5, "q1"): 'B ("Y")'}
    assert (
        report.difficulty.set_index(["module", "item"]).loc[(M1, "q2"), "most_chosen_wrong"] == "a"
    )


def test_a_label_for_each_kind_of_answer():
    long = "An option long enough that the report has to shorten it for the terminal"
    q = Question("q1", (long, "b", "c"), frozenset({"b"}), multiple=True)
    assert R.option_label(long, q) == f'A ("{long[:47]}\u2026")'
    assert R.option_label(f"b + {long}", q) == "A + B"  # letters in order, not the texts'
    assert R.option_label("not an option", q) == '"not an option" (not one of the options)'
    assert R.option_label("b + gone", q) == '"b + gone" (not one of the options)'
    assert R.option_label(None, q) is None
    assert R.option_label(long, None) == long[:47] + "\u2026"


def test_options_that_begin_alike_are_told_apart():
    real = questions(REPO, ["01_what_is_allyship"])["01_what_is_allyship"]["q2"].options
    shown = shortened(list(real))
    assert real[1][:47] == real[2][:47]  # they begin alike for 66 characters
    assert len(set(shown)) == 4 and all(len(s) <= 48 for s in shown)
    assert shown[1] == "\u2026anti-Indigenous racism in medicine, now and in\u2026"
    assert shown[2] == "\u2026anti-Indigenous racism by publishing what we c\u2026"
    assert shown[0] == real[0][:47] + "\u2026"  # an option like no other keeps its start


@pytest.mark.parametrize("module", EDITIONS)
def test_every_question_s_options_look_different_in_the_tables(module):
    for item, question in questions(REPO, [module])[module].items():
        shown = shortened(list(question.options))
        assert len(set(shown)) == len(shown), (module, item, shown)
        assert all(len(s) <= 48 for s in shown), (module, item, shown)
