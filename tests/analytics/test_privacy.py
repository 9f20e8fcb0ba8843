"""Reflections are private (issue 7, part 4): they appear in no instructor or facilitator output
except the grader's view of that learner's own submission, and the consented, suppressed
cohort view. Every output the course can produce for instructors and facilitators is gathered
here from one synthetic cohort and searched for every learner's reflection."""

from __future__ import annotations

import shutil

import pytest

from allyship.cli import main

from ..helpers import nbgrader
from .synthetic import LEARNERS, M1, M5, reflection_text
from .test_notebooks import execute, text_of

pytestmark = [pytest.mark.xdist_group("analytics-synthetic"), pytest.mark.slow]
#: module 01: L01-L06 ticked the box (6 >= 5, shown); module 05: L01-L04 did (4 < 5, suppressed)
SHOWN_IN_COHORT = {(learner, M1) for learner in LEARNERS[:6]}


def run_cli(capsys, *args: str) -> str:
    assert main(list(args)) == 0
    out = capsys.readouterr()
    return out.out + out.err


@pytest.fixture
def outputs(synthetic, tmp_path, capsys, monkeypatch):
    monkeypatch.delenv("ALLYSHIP_COURSE", raising=False)
    monkeypatch.delenv("ALLYSHIP_DB_URL", raising=False)
    course = str(synthetic)
    nbgrader(synthetic, "export", f"--to={tmp_path / 'grades.csv'}")
    by_item = tmp_path / "by-item.csv"
    nbgrader(synthetic, "export", "--exporter=allyship.instructor.export.ItemCsvExport", f"--to={by_item}")
    guide = tmp_path / "guide.html"
    run_cli(capsys, "--course", course, "guide", "--out", str(guide))
    work = tmp_path / "course"
    shutil.copytree(synthetic, work)  # the notebooks write nothing into the shared cohort
    instructor = {
        "allyship report": run_cli(capsys, "--course", course, "report", "--plots", str(tmp_path)),
        "nbgrader export": (tmp_path / "grades.csv").read_text(encoding="utf-8"),
        "grades by item": by_item.read_text(encoding="utf-8"),
        "facilitator guide (HTML)": guide.read_text(encoding="utf-8"),
        "instructor dashboard": text_of(execute("instructor_dashboard.ipynb", work / "notebooks")),
    }
    cohort = {
        "allyship cohort": run_cli(capsys, "--course", course, "cohort"),
        "facilitator notebook": text_of(execute("facilitator_guide.ipynb", work / "notebooks")),
    }
    return instructor, cohort


def test_reflections_reach_only_consented_unsuppressed_cohort_views(outputs):
    instructor, cohort = outputs
    every = [(learner, module) for learner in LEARNERS for module in (M1, M5)]
    for name, text in instructor.items():
        leaked = [who for who in every if reflection_text(*who) in text]
        assert leaked == [], f"{name} shows reflections of {leaked}"
    for name, text in cohort.items():
        shown = {who for who in every if reflection_text(*who) in text}
        assert shown == SHOWN_IN_COHORT, name
        assert not [learner for learner in LEARNERS if learner in text], f"{name} names learners"
