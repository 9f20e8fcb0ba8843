"""The report over both editions: apart by default, as the gradebook holds them; combined on
request, each French module counted with its English twin (answers matched by option position,
self-audit ratings by place on the scale, a learner who took both counted once, with the later
submission). A small course graded by real ``nbgrader autograde``; every number worked out here.

  01_alpha (English), q1 key "Bee" (position 2):
    E1-E5 "Bee" (right), E6-E7 "Sea"; E8 "Sea" at 09:00, then E8 again in French, right, at 10:00
  fr-01_alpha (French, same item, options "Abeille"... key "Bé" at position 2):
    F1-F2 "Bé" (right), F3-F6 "Cé"; E8 "Bé"
  separate: 01_alpha 5 of 8 right, most chosen wrong "Sea" (3); fr-01_alpha 3 of 7, "Cé" (4)
  combined: 01_alpha 8 of 14 right (E1-E5, F1, F2, E8's later French), "Sea" chosen 6 times
            (E6, E7, F3-F6; E8's earlier English "Sea" no longer counts)
  self-audit a1: E1-E5 "Often", F1-F6 "Souvent" (the same place on the scale): 11 rated, mean 3
"""

from __future__ import annotations

import csv
import json
import shutil
from datetime import datetime, timedelta

import nbformat
import pytest
from nbgrader.api import Gradebook

from allyship.course import authoring as A
from allyship.instructor import cohort as C
from allyship.instructor.reports import summarise_report
from allyship.kit.strings import in_language

from ..helpers import REPO, nbgrader

pytestmark = [pytest.mark.slow, pytest.mark.xdist_group("editions-report")]
EN, FR = "01_alpha", "fr-01_alpha"
DUE = datetime(2026, 3, 1, 12, 0, 0)


def _module(name: str, options: list[str], key: str, language: str) -> None:
    with in_language(language):
        cells = [A.text("# Module 01 \u2014 Alpha", "title"), A.setup()]
        cells += A.self_audit()
        cells += A.choice("q1", "Which?", options, key)
        cells += A.reflection("r1", "Think", "Or this")
        folder = COURSE / "source" / name
        folder.mkdir(parents=True)
        nbformat.write(A.notebook(cells), str(folder / f"{name}.ipynb"))


COURSE = None


@pytest.fixture(scope="module")
def course(tmp_path_factory):
    global COURSE
    COURSE = tmp_path_factory.mktemp("editions") / "course"
    COURSE.mkdir()
    shutil.copy(REPO / "nbgrader_config.py", COURSE / "nbgrader_config.py")
    _module(EN, ["Ay", "Bee", "Sea", "Dee"], "Bee", "en")
    _module(FR, ["Abeille", "Bé", "Cé", "Dé"], "Bé", "fr")
    plan = {
        EN: [(f"E{n}", "Bee" if n <= 5 else "Sea", "Often" if n <= 5 else None, 0)
             for n in range(1, 9)],
        FR: [(f"F{n}", "Bé" if n <= 2 else "Cé", "Souvent", 0) for n in range(1, 7)]
        + [("E8", "Bé", None, 1)],
    }  # fmt: skip
    for module in plan:
        nbgrader(COURSE, "generate_assignment", module)
    with Gradebook(f"sqlite:///{COURSE / 'gradebook.db'}") as gb:
        for module in plan:
            gb.update_or_create_assignment(module, duedate=DUE)
        for learner in {row[0] for rows in plan.values() for row in rows}:
            gb.add_student(learner)
    for module, rows in plan.items():
        for learner, answer, rating, hours in rows:
            folder = COURSE / "submitted" / learner / module
            folder.mkdir(parents=True)
            shutil.copy(COURSE / "release" / module / f"{module}.ipynb", folder)
            given = {"q1": answer, "r1": "A few words."} | ({"a1": rating} if rating else {})
            (folder / "responses.json").write_text(json.dumps(given), encoding="utf-8")
            when = DUE - timedelta(hours=3) + timedelta(hours=hours)
            (folder / "timestamp.txt").write_text(when.strftime("%Y-%m-%d %H:%M:%S.%f UTC"))
        nbgrader(COURSE, "autograde", module)
    return COURSE


def _q1(report, module):
    row = report.difficulty.set_index(["module", "item"]).loc[(module, "q1")]
    return int(row["correct"]), int(row["graded"]), row["most_chosen_wrong"], row["times_chosen"]


def test_the_editions_are_reported_apart_by_default(course):
    report = summarise_report(course, cache=False)
    assert list(report.completion_by_module.index) == [EN, FR]
    assert _q1(report, EN) == (5, 8, "Sea", 3)
    assert _q1(report, FR) == (3, 7, "Cé", 4)


def test_combined_counts_each_french_module_with_its_english_twin(course):
    report = summarise_report(course, cache=False, editions="combined")
    assert list(report.completion_by_module.index) == [EN]
    assert _q1(report, EN) == (8, 14, "Sea", 6)
    q1 = report.items.questions.set_index(["module", "item"]).loc[(EN, "q1")]
    assert q1["n"] == 14 and q1["facility"] == pytest.approx(8 / 14)


@pytest.mark.parametrize("editions", ["separate", "combined"])
def test_self_audit_ratings_count_in_either_language(course, editions):
    report = summarise_report(course, cache=False, editions=editions)
    a1 = C.audit_averages(report.responses).iloc[0]
    assert a1["rated"] == 11 and a1["average"] == pytest.approx(3.0)


def test_the_item_export_puts_french_grades_in_the_english_columns(course, tmp_path):
    out = tmp_path / "items.csv"
    exporter = "--exporter=allyship.instructor.export.ItemCsvExport"
    nbgrader(course, "export", exporter, f"--to={out}", "--ItemCsvExport.combine_editions=True")
    with open(out, newline="", encoding="utf-8") as f:
        rows = {r["student_id"]: r for r in csv.DictReader(f)}
    assert not [c for c in rows["F1"] if c.startswith("fr-")]
    assert rows["F1"][f"{EN}:q1"] == "2" and rows["F3"][f"{EN}:q1"] == "0"
    assert rows["E8"][f"{EN}:q1"] == "2"  # the later submission, in French
    assert rows["E6"][f"{EN}:q1"] == "0"
    apart = tmp_path / "apart.csv"
    nbgrader(course, "export", exporter, f"--to={apart}")
    with open(apart, newline="", encoding="utf-8") as f:
        header = next(csv.reader(f))
    assert f"{FR}:q1" in header and f"{EN}:q1" in header
