"""What people read around grading, in the real JupyterLab and Chromium: Validate's dialog names
what is unanswered in plain words only; in Formgrader's manual grading view a reflection wraps
inside the page, under its score box; the feedback page names every item, shows no code and no
mark scheme, and nothing on it runs off the side of the screen."""

from __future__ import annotations

import json
import shutil

import pytest
from nbgrader.api import Gradebook

from allyship.kit.strings import item_label, t

from ..helpers import key, nbgrader
from .notebook import open_notebook, shot, validate

pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("browser")]
MODULE = "01_what_is_allyship"
LEARNER = "formgrader-reader"
#: a reflection of three paragraphs, the first far longer than any screen is wide
REFLECTION = (
    "At the intake desk the form asked for a status card before anything else. "
    + "I watched the family wait while the clerk looked for a field that did not fit them. " * 12
    + "\n\nI asked the clerk later why the card came first; she said it always had."
    + "\n\nNext week I will raise the order of the questions at our team huddle."
)
COMMENT = "A specific situation, clearly told. Next step: say who the change is for."
NO_OVERFLOW = """() => { const width = document.documentElement.clientWidth;
  const wide = [...document.querySelectorAll('body *')].filter(e => {
    const r = e.getBoundingClientRect(); return r.width > 0 && r.right > width + 1; });
  return {scroll: document.documentElement.scrollWidth, width,
          wide: wide.slice(0, 5).map(e => e.tagName + '.' + e.className)}; }"""


@pytest.fixture(scope="module")
def graded(lab):
    """One learner's module 01, autograded in the lab's course, its first reflection graded by a
    person through nbgrader's Gradebook API (as Formgrader saves a score and a comment), and its
    feedback page generated."""
    folder = lab.root / "submitted" / LEARNER / MODULE
    shutil.copytree(lab.root / "release" / MODULE, folder)
    answers = key(MODULE, lab.root)
    answers |= {r: REFLECTION for r in answers if r.startswith("r")}
    (folder / "responses.json").write_text(json.dumps(answers), encoding="utf-8")
    (folder / "timestamp.txt").write_text("2026-12-01 19:36:54.064535 UTC")
    nbgrader(lab.root, "autograde", MODULE, f"--student={LEARNER}")
    with Gradebook(f"sqlite:///{lab.root / 'gradebook.db'}") as gb:
        grade = gb.find_grade("r1", MODULE, MODULE, LEARNER)
        grade.manual_score, grade.needs_manual_grade = 6, False
        gb.find_comment("r1", MODULE, MODULE, LEARNER).manual_comment = COMMENT
        gb.db.commit()
        submission = gb.find_submission_notebook(MODULE, MODULE, LEARNER).id
    nbgrader(lab.root, "generate_feedback", MODULE, f"--student={LEARNER}")
    return {"submission": submission, "answers": answers}


def test_a_reflection_wraps_in_formgraders_grading_view(page, lab, graded):
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(f"{lab.url}/formgrader/submissions/{graded['submission']}/?token={lab.token}")
    box = page.locator(".allyship-plain", has_text="At the intake desk").first
    box.wait_for()
    width = page.evaluate("() => document.documentElement.clientWidth")
    shape = box.bounding_box()
    assert shape["width"] <= width and shape["x"] + shape["width"] <= width, (shape, width)
    assert shape["height"] > 200  # wrapped onto many lines, not one line 6,000 px wide
    held = box.evaluate("e => [e.scrollWidth, e.clientWidth]")
    assert held[0] <= held[1] + 1, held  # nothing scrolls sideways inside it either
    assert "\n" in box.inner_text().split("At the intake desk")[1]  # paragraphs kept
    score = page.locator("input.score#r1")  # the rubric's score box sits above the reflection
    assert score.bounding_box()["y"] < shape["y"]
    html = page.content()
    for code in ("Reflection(", "Choice(", "Practice(", "from allyship import"):
        assert code not in html, code  # the course's widget cells show no code to the grader
    assert "The course's own cell" in html
    box.scroll_into_view_if_needed()
    shot(page, "1-formgrader-reflection")


def test_the_feedback_page_names_every_item_and_fits_the_screen(page, lab, graded):
    answers = graded["answers"]
    url = f"{lab.url}/files/feedback/{LEARNER}/{MODULE}/{MODULE}.html?token={lab.token}"
    for width in (1280, 400):  # a laptop and a phone
        page.set_viewport_size({"width": width, "height": 900})
        page.goto(url)
        page.get_by_text(t("page.rubric_title")).wait_for()
        fit = page.evaluate(NO_OVERFLOW)
        assert fit["scroll"] <= fit["width"] and not fit["wide"], (width, fit)
        shot(page, f"2-feedback-{width}px")
    text = page.inner_text("body")
    for item in answers:
        assert item_label(item) in text
    for gone in ("MARK SCHEME", "check_", "Test cell", "Traceback", "AnswerCheckFailed"):
        assert gone not in page.content()
    assert COMMENT in text and "At the intake desk" in text
    page.get_by_text(t("page.rubric_score", score=6, points=8)).wait_for()
    page.get_by_text(t("page.right"), exact=False).first.scroll_into_view_if_needed()
    shot(page, "3-feedback-questions")

    # As a learner opens it: JupyterLab's HTML viewer, without pressing "Trust HTML".
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(lab.lab_url(f"feedback/{LEARNER}/{MODULE}/{MODULE}.html"))
    frame = page.frame_locator(".jp-HTMLViewer iframe")
    frame.get_by_role("heading", name=item_label("q1"), exact=True).wait_for(timeout=60_000)
    shot(page, "4-feedback-in-jupyterlab")


def partly_answered(lab, learner: str) -> tuple[str, list[str]]:
    """A learner copy with every item answered but Question 1 and Reflection 2."""
    notebook = lab.learner_copy(MODULE, learner)
    answers = key(MODULE, lab.root)
    left_out = ["q1", "r2"]
    given = {k: v for k, v in answers.items() if k not in left_out}
    (notebook.parent / "responses.json").write_text(json.dumps(given), encoding="utf-8")
    return f"{learner}/{MODULE}/{MODULE}.ipynb", left_out


def test_validate_names_the_unanswered_items_in_plain_words(page, lab):
    path, left_out = partly_answered(lab, "validator")
    reply = lab.api("POST", "/assignments/validate", data={"path": path}).json()
    assert reply["success"] is True, reply
    failed = reply["value"]["failed"]
    assert [f["source"] for f in failed] == [""]  # no cell's code
    said = failed[0]["raw_error"]
    for item in left_out:
        assert item_label(item) in said
    assert said.count("\n- ") == len(left_out)  # those two and nothing else
    assert "check_" not in json.dumps(reply) and "AnswerCheckFailed" not in json.dumps(reply)

    open_notebook(page, lab, path)
    validate(page)
    dialog = page.locator(".jp-Dialog")
    dialog.get_by_text(t("validate.not_yet")).wait_for(timeout=90_000)
    shown = dialog.inner_text()  # what is on screen: hidden parts are not in innerText
    for item in left_out:
        assert item_label(item) in shown
    for gone in ("check_", "AnswerCheckFailed", "Error", "Traceback", "The following cell"):
        assert gone not in shown, gone
    shot(page, "5-validate-dialog")
    dialog.locator(".jp-mod-accept, .jp-mod-reject").first.click()
