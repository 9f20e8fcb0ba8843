"""Reflections are private (issue 7, part 4): they appear in no instructor or facilitator output
except the grader's view of that learner's own submission, and the consented, suppressed
cohort view. Every output the course can produce for instructors and facilitators is gathered
here from one synthetic cohort and searched for every learner's reflection."""

from __future__ import annotations

import math
import shutil
import subprocess

import pandas as pd
import pytest

from allyship.cli import main
from allyship.instructor import gradebook as G
from allyship.instructor.item_analysis import analyse
from allyship.instructor.item_report import item_analysis_text
from allyship.instructor.reports import summarise_cohort, summarise_report

from ..helpers import nbgrader
from .synthetic import LEARNERS, M1, M5, reflection_text
from .test_notebooks import execute, text_of

pytestmark = [pytest.mark.xdist_group("analytics-synthetic"), pytest.mark.slow]
#: module 01: L01-L06 ticked the box (6 >= 5, shown); module 05: L01-L04 did (4 < 5, suppressed)
SHOWN_IN_COHORT = {(learner, M1) for learner in LEARNERS[:6]}


def pdf_text(path) -> str:
    done = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True)
    return done.stdout


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
    exporter = "--exporter=allyship.instructor.export.ItemCsvExport"
    nbgrader(synthetic, "export", exporter, f"--to={by_item}")
    guide = tmp_path / "guide.html"
    run_cli(capsys, "--course", course, "guide", "--out", str(guide))
    work = tmp_path / "course"
    shutil.copytree(synthetic, work)  # the notebooks write nothing into the shared cohort
    with open(work / "nbgrader_config.py", "a", encoding="utf-8") as f:
        f.write('\nc.CertificateRule.issuer = "Privacy Test Issuer"\n')
    certificates = tmp_path / "certificates"
    run_cli(capsys, "--course", str(work), "certificates", "--out", str(certificates))
    code = (certificates / "issued.csv").read_text().splitlines()[1].split(",")[2]
    data = G.load(G.gradebook_url(synthetic))
    instructor = {
        "allyship report": run_cli(capsys, "--course", course, "report", "--plots", str(tmp_path)),
        "nbgrader export": (tmp_path / "grades.csv").read_text(encoding="utf-8"),
        "grades by item": by_item.read_text(encoding="utf-8"),
        "facilitator guide (HTML)": guide.read_text(encoding="utf-8"),
        "instructor dashboard": text_of(execute("instructor_dashboard.ipynb", work / "notebooks")),
        "item analysis": item_analysis_text(
            analyse(synthetic, data, G.read_responses(synthetic, data))
        ),
        "certificates (PDF)": "\n".join(pdf_text(p) for p in sorted(certificates.glob("*.pdf"))),
        "certificate notes and register": "\n".join(
            p.read_text(encoding="utf-8")
            for p in sorted(certificates.rglob("*.*"))
            if p.suffix in (".txt", ".csv")
        ),
        "allyship verify": run_cli(capsys, "--course", str(work), "verify", code),
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


def test_no_figure_in_the_cohort_view_rests_on_fewer_learners_than_the_threshold(synthetic):
    """Every number and option the cohort view shows comes from a group of at least the
    threshold: a question graded for fewer shows nothing; a wrong option is named only when
    that many chose it; an audit average only when that many rated it; excerpts only from
    modules where that many consented."""
    report = summarise_report(synthetic)
    for threshold in (5, 9, 13):
        view = summarise_cohort(report, threshold)
        d = view.difficulty.merge(
            report.difficulty[["module", "item", "times_chosen"]], on=["module", "item"]
        )
        for row in d.itertuples():
            if row.graded < threshold:
                assert math.isnan(row.share_correct) and pd.isna(row.most_chosen_wrong)
            if not pd.isna(row.most_chosen_wrong):
                assert row.times_chosen >= threshold
        for row in view.audit.itertuples():
            assert math.isnan(row.average) == (row.rated < threshold)
        consent = report.responses.loc[report.responses["item"] == "share"]
        agreed = consent.loc[consent["value"] == "yes"].groupby("module")["learner"].nunique()
        shown = set(view.excerpts.table["module"])
        assert shown == {m for m, n in agreed.items() if n >= threshold}
        text = "\n".join(view.excerpts.table["excerpt"])
        assert not [who for who in LEARNERS if f" {who[1:]} noticed" in text and who > "L06"]
