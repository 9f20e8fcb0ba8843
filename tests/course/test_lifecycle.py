"""The spine, end to end with real nbgrader commands and a temporary exchange:
release -> fetch (as three learners) -> answers through the kit's widgets -> submit -> collect
-> autograde -> feedback -> export, and formgrader on loopback."""

from __future__ import annotations

import csv
import html
import json
import os
import secrets
import socket
import subprocess
import time

import nbformat
import pytest
import requests
from nbgrader.api import Gradebook

from allyship.kit.strings import item_label, t

from ..helpers import (
    BIN,
    EDITIONS,
    MODULES,
    env,
    fetch,
    give_answers,
    key,
    make_course,
    nbgrader,
    open_widgets,
    submit,
)

pytestmark = pytest.mark.slow
LEARNERS = ("keyed", "untouched", "partly")
REFLECTION_MARK = "the intake form asked for a status card before anything else"
COMMENT = "You name a specific situation. Next step: say who the change is for."


def partly_wrong(answers: dict) -> tuple[dict, list[str]]:
    """The key with the first two questions answered wrongly, and the reflections written."""
    questions = sorted(k for k in answers if k.startswith("q"))
    flipped = questions[:2]
    given = {}
    for item, value in answers.items():
        if item in flipped:
            given[item] = None  # replaced by a wrong option below, once the options are known
        elif item.startswith("r"):
            given[item] = f"In {item}, I noticed {REFLECTION_MARK}, and I asked why."
        else:
            given[item] = value
    return given, flipped


def fill_records(widgets: dict) -> None:
    """Fill every field of every record widget (self-audit, land record, action plan) as a
    learner would: type in text fields, pick the first rating, tick the first box."""
    for widget in widgets.values():
        for field_id, control in getattr(widget, "controls", {}).items():
            kind = widget.fields[field_id].kind
            if kind == "checks":
                control.value = control.options[:1]  # the plan's list is empty at first
            elif kind in ("scale", "radio"):
                control.value = control.options[0]
            else:
                control.value = f"Written for {field_id}: ask the patient first."


def wrong_option(widget, right):
    if widget.multiple:
        return [o for o in widget.options if o not in right][:1] or widget.options[:1]
    return next(o for o in widget.options if o != right)


@pytest.fixture(
    scope="module",
    params=[pytest.param(m, marks=pytest.mark.xdist_group(m)) for m in EDITIONS],
)
def graded(request, tmp_path_factory):
    """One module taken through the whole flow; returns what the tests inspect."""
    module = request.param
    root = tmp_path_factory.mktemp(f"life-{module}")
    course = make_course(root / "course", [module])
    nbgrader(course, "generate_assignment", module)
    nbgrader(course, "release_assignment", module)
    answers = key(module, course)
    flipped: list[str] = []
    for learner in LEARNERS:
        home = root / learner
        widgets = open_widgets(fetch(course, module, home))
        if learner == "keyed":
            give_answers(widgets, answers)
        elif learner == "partly":
            given, flipped = partly_wrong(answers)
            for item in flipped:
                given[item] = wrong_option(widgets[item], answers[item])
            give_answers(widgets, given)
            fill_records(widgets)
        submit(course, module, home, learner)
    nbgrader(course, "collect", module)
    autograded = nbgrader(course, "autograde", module)
    nbgrader(course, "export", f"--to={root / 'grades.csv'}")  # the autograded scores alone
    grade_reflections(course, module, "partly")
    nbgrader(course, "generate_feedback", module)
    return {
        "module": module,
        "course": course,
        "root": root,
        "answers": answers,
        "flipped": flipped,
        "autograde_log": autograded.stdout + autograded.stderr,
    }


def grade_reflections(course, module: str, learner: str) -> None:
    """A person grades every reflection, as Formgrader saves a score and a comment."""
    with Gradebook(f"sqlite:///{course / 'gradebook.db'}") as gb:
        nb = gb.find_submission_notebook(module, module, learner)
        for grade in [g for g in nb.grades if g.needs_manual_grade]:
            grade.manual_score, grade.needs_manual_grade = 5, False
            gb.find_comment(grade.name, module, module, learner).manual_comment = COMMENT
        gb.db.commit()


def autograded_points(graded, learner):
    """(score, max) of the autograded test cells for a learner, from the gradebook."""
    with Gradebook(f"sqlite:///{graded['course'] / 'gradebook.db'}") as gb:
        nb = gb.find_submission_notebook(graded["module"], graded["module"], learner)
        auto = [g for g in nb.grades if g.auto_score is not None and not g.needs_manual_grade]
        per_cell = {g.name: (g.auto_score, g.max_score) for g in auto}
        return sum(s for s, _ in per_cell.values()), sum(m for _, m in per_cell.values()), per_cell


def test_answers_from_the_key_earn_full_autograded_marks(graded):
    score, maximum, per_cell = autograded_points(graded, "keyed")
    assert maximum > 0 and score == maximum, per_cell


def test_an_untouched_submission_scores_zero_without_a_crash(graded):
    score, maximum, per_cell = autograded_points(graded, "untouched")
    assert score == 0 and maximum > 0, per_cell
    assert len(per_cell) == len([k for k in graded["answers"]])  # every test cell was graded


def test_a_partly_wrong_submission_gets_the_exact_partial_score(graded):
    score, maximum, per_cell = autograded_points(graded, "partly")
    lost = sum(per_cell[item][1] for item in graded["flipped"])
    assert lost > 0 and score == maximum - lost, per_cell
    assert all(per_cell[item][0] == 0 for item in graded["flipped"])


def test_reflections_wait_for_a_person(graded):
    with Gradebook(f"sqlite:///{graded['course'] / 'gradebook.db'}") as gb:
        nb = gb.find_submission_notebook(graded["module"], graded["module"], "keyed")
        manual = {g.name for g in nb.grades if g.needs_manual_grade}
    assert manual == {k for k in graded["answers"] if k.startswith("r")}


def test_autograde_raises_no_false_checksum_alarm(graded):
    """Cells exactly as released get their hidden tests back without the "changed" warning."""
    assert "Attribute 'checksum'" not in graded["autograde_log"]
    assert "has changed!" not in graded["autograde_log"]


def test_the_feedback_page_names_each_item_and_hides_code_and_mark_schemes(graded):
    module, course, answers = graded["module"], graded["course"], graded["answers"]
    pages = {}
    for learner in LEARNERS:
        raw = (course / "feedback" / learner / module / f"{module}.html").read_text()
        for gone in ("MARK SCHEME", "check_", "Test cell", "Traceback", "AnswerCheckFailed"):
            assert gone not in raw, (learner, gone)
        assert "<script" not in raw and "<pre" not in raw
        pages[learner] = html.unescape(raw)
        for item in answers:
            if item.startswith(("q", "r")):
                assert f">{item_label(item)}</h2>" in pages[learner], (learner, item)
    for item, value in answers.items():  # the answers given, named as given
        if item.startswith("q"):
            assert all(v in pages["keyed"] for v in (value if isinstance(value, list) else [value]))
    questions = [k for k in answers if k.startswith("q")]
    assert pages["keyed"].count(t("page.right_why")) == len(questions)
    wrong = [t("check.incorrect", label=item_label(q)) for q in graded["flipped"]]
    assert all(w in pages["partly"] for w in wrong)
    assert pages["partly"].count(t("page.wrong")) == len(graded["flipped"])
    assert pages["untouched"].count(t("page.unanswered_why")) == len(questions)
    reflections = [k for k in answers if k.startswith("r")]
    assert pages["partly"].count(COMMENT) == len(reflections)
    assert pages["partly"].count(t("page.rubric_score", score=5, points=8)) == len(reflections)
    assert pages["keyed"].count(t("page.not_graded_yet")) == len(reflections)


def test_reflections_show_as_text_for_graders_and_in_feedback(graded):
    module, course = graded["module"], graded["course"]
    nb = nbformat.read(str(course / "autograded" / "partly" / module / f"{module}.ipynb"), 4)
    outputs = " ".join(
        o.get("data", {}).get("text/plain", "") + o.get("text", "")
        for c in nb.cells
        if c.cell_type == "code"
        for o in c.outputs
    )
    reflections = [k for k in graded["answers"] if k.startswith("r")]
    for item in reflections:
        assert f"In {item}, I noticed {REFLECTION_MARK}" in outputs
    html = (course / "feedback" / "partly" / module / f"{module}.html").read_text()
    for item in reflections:
        assert f"In {item}, I noticed {REFLECTION_MARK}" in html


def test_records_survive_autograde_as_text_for_graders(graded):
    """The self-audit, the land record and the action plan are saved, submitted, and shown to
    graders as text: every field's saved value appears in the autograded notebook."""
    module, course = graded["module"], graded["course"]
    folder = course / "autograded" / "partly" / module
    saved = json.loads((folder / "responses.json").read_text(encoding="utf-8"))
    widgets = open_widgets(graded["root"] / "partly" / module / f"{module}.ipynb")
    fields = [
        f
        for w in widgets.values()
        for f, control in getattr(w, "controls", {}).items()
        if w.fields[f].kind != "checks" or control.options  # an empty checklist holds nothing
    ]
    if not fields:
        pytest.skip(f"{module} has no record widgets")
    nb = nbformat.read(str(folder / f"{module}.ipynb"), 4)
    outputs = " ".join(
        o.get("data", {}).get("text/plain", "") + o.get("text", "")
        for c in nb.cells
        if c.cell_type == "code"
        for o in c.outputs
    )
    for field in fields:
        value = saved[field]  # saved on submit ...
        for v in value if isinstance(value, list) else [value]:
            assert v in outputs, (field, v)  # ... and shown to graders


def test_export_has_a_row_per_learner(graded):
    with open(graded["root"] / "grades.csv", newline="") as f:
        rows = {
            r["student_id"]: r for r in csv.DictReader(f) if r["assignment"] == graded["module"]
        }
    assert set(rows) == set(LEARNERS)
    for learner in LEARNERS:
        score, _, _ = autograded_points(graded, learner)
        assert float(rows[learner]["raw_score"]) == pytest.approx(score)
    assert float(rows["keyed"]["max_score"]) > float(rows["keyed"]["raw_score"])  # reflections


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_formgrader_opens_on_the_course(graded):
    if graded["module"] != MODULES[0]:
        pytest.skip("one formgrader check is enough; it runs on module 01")
    course, port, token = graded["course"], free_port(), secrets.token_hex(16)
    server = subprocess.Popen(
        [
            str(BIN / "jupyter"),
            "server",
            "--ServerApp.ip=127.0.0.1",
            f"--port={port}",
            f"--IdentityProvider.token={token}",
            "--ServerApp.open_browser=False",
            "--allow-root",
            f"--ServerApp.root_dir={course}",
        ],
        cwd=course,
        env=env(ALLYSHIP_EXCHANGE=str(course / "exchange")),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    try:
        base, headers = f"http://127.0.0.1:{port}", {"Authorization": f"token {token}"}
        deadline = time.monotonic() + 60
        while True:
            try:
                if requests.get(f"{base}/api/status", headers=headers, timeout=2).ok:
                    break
            except requests.ConnectionError:
                pass
            assert time.monotonic() < deadline, "jupyter server did not start within 60 s"
            time.sleep(0.3)
        page = requests.get(f"{base}/formgrader", headers=headers, timeout=30)
        assert page.status_code == 200 and "formgrader" in page.text.lower()
        api = requests.get(f"{base}/formgrader/api/assignments", headers=headers, timeout=30)
        assignments = {a["name"]: a for a in api.json()}
        assert assignments[graded["module"]]["num_submissions"] == len(LEARNERS)
        anonymous = requests.get(f"{base}/formgrader/api/assignments", allow_redirects=False)
        assert anonymous.status_code in (302, 401, 403)  # nothing without the token
    finally:
        os.killpg(server.pid, 15)
        server.wait(timeout=30)
