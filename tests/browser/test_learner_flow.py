"""Module 01 as a learner lives it in JupyterLab: answer by clicking and typing, see feedback and
the saved state, find everything again after a kernel restart and a page reload, and Validate."""

from __future__ import annotations

import pytest

from allyship.kit.strings import t

from .notebook import (
    item,
    item_ids,
    item_specs,
    mark_items,
    menu,
    open_notebook,
    poll_json,
    save,
    shot,
    validate,
    wait_fresh,
    wait_kernel,
)

pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("browser")]
MODULE = "01_what_is_allyship"
REFLECTION = "At a staff meeting our manager called the team allies; no one asked patients."


def expect_answers_shown(page, specs: dict, answers: dict) -> None:
    """Every answer given is on screen: radios and boxes ticked, the reflection's text."""
    for item_id, value in answers.items():
        widget = item(page, specs[item_id]["label"])
        if isinstance(value, str) and item_id.startswith("r"):
            assert widget.locator("textarea").input_value() == value
            continue
        chosen = value if isinstance(value, list) else [value]
        for option in specs[item_id]["options"]:
            box = widget.get_by_label(option, exact=True)
            assert box.is_checked() == (option in chosen), (item_id, option)


def test_answer_restart_reload_and_validate(page, lab):
    from allyship.kit.strings import item_label

    notebook = lab.learner_copy(MODULE, "learner")
    path = f"learner/{MODULE}/{MODULE}.ipynb"
    responses = notebook.parent / "responses.json"
    specs = item_specs(notebook)
    for item_id, spec in specs.items():
        spec["label"] = item_label(item_id)
        raw = spec["args"][2] if len(spec["args"]) > 2 else []
        spec["options"] = [o[0] if isinstance(o, list) else o for o in raw]
    count = len(item_ids(notebook))

    open_notebook(page, lab, path)
    menu(page, "Run", "Run All Cells")
    wait_fresh(page, path, count)

    # A practice question: a wrong answer first, then the right one; each explained in words.
    practice = item(page, "Practice question 1")
    (right, _, why_right), (wrong, _, why_wrong) = sorted(
        specs["p1"]["args"][2], key=lambda o: not o[1]
    )[:2]
    practice.scroll_into_view_if_needed()
    practice.get_by_label(wrong, exact=True).click()
    feedback = practice.locator(".allyship-feedback")
    feedback.get_by_text(t("feedback.incorrect")).wait_for()
    assert why_wrong in feedback.inner_text()
    shot(page, "1-practice-not-quite")
    practice.get_by_label(right, exact=True).click()
    feedback.get_by_text(t("feedback.correct")).wait_for()
    assert why_right in feedback.inner_text()
    shot(page, "2-practice-correct")

    # Graded questions by clicking: one choice, one select-all-that-apply.
    answers = {"p1": right}
    q1 = item(page, "Question 1")
    q1.scroll_into_view_if_needed()
    answers["q1"] = specs["q1"]["options"][1]
    q1.get_by_label(answers["q1"], exact=True).click()
    q1.locator(".allyship-status").get_by_text(t("status.saved")).wait_for()
    q4 = item(page, "Question 4")
    answers["q4"] = specs["q4"]["options"][:2]
    for option in answers["q4"]:
        q4.get_by_label(option, exact=True).check()
    q4.scroll_into_view_if_needed()
    shot(page, "3-graded-answered")

    # A reflection: typed, then the saved state with its word count.
    r1 = item(page, "Reflection 1")
    r1.scroll_into_view_if_needed()
    r1.locator("textarea").fill(REFLECTION)
    words = len(REFLECTION.split())
    r1.get_by_text(t("status.saved_words", words=words)).wait_for()
    answers["r1"] = REFLECTION
    shot(page, "4-reflection-saved")
    assert poll_json(responses, answers) == answers

    # Restart the kernel and run everything again: all answers come back from the file.
    mark_items(page)
    menu(page, "Kernel", "Restart Kernel and Run All Cells…")
    page.locator(".jp-Dialog .jp-mod-accept").click()
    wait_fresh(page, path, count)
    expect_answers_shown(page, specs, answers)
    practice.get_by_text(t("feedback.correct")).wait_for()
    r1.scroll_into_view_if_needed()
    shot(page, "5-after-restart")

    # Close the page and come back: open, Run All, nothing lost.
    save(page)
    page.reload()
    wait_kernel(page, path)
    mark_items(page)
    menu(page, "Run", "Run All Cells")
    wait_fresh(page, path, count)
    expect_answers_shown(page, specs, answers)
    item(page, "Question 4").scroll_into_view_if_needed()
    shot(page, "6-after-reload")
    assert poll_json(responses, answers) == answers  # nothing rewritten on the way

    # nbgrader's Validate names what is still missing, and does not name what was answered.
    validate(page)
    dialog = page.locator(".jp-Dialog")
    dialog.get_by_text(t("check.unanswered", label="Question 2").split(".")[0]).wait_for(
        timeout=90_000
    )
    shown = dialog.inner_text()
    assert "Question 1 has no answer" not in shown
    assert "Question 4 has no answer" not in shown
    assert "Reflection 2" in shown and "Reflection 1 is empty" not in shown
    shot(page, "7-validate")
    dialog.locator(".jp-mod-accept, .jp-mod-reject").first.click()


def test_validate_says_in_plain_words_that_everything_is_answered(page, lab):
    """nbgrader's success line ("Your notebook passes all the tests") is replaced, through the
    course's CSS, by the course's sentence; the replaced words take no space."""
    import json

    from ..helpers import key

    notebook = lab.learner_copy(MODULE, "validate-ok")
    answers = key(MODULE, lab.root)
    (notebook.parent / "responses.json").write_text(json.dumps(answers), encoding="utf-8")
    open_notebook(page, lab, f"validate-ok/{MODULE}/{MODULE}.ipynb")
    validate(page)
    line = page.locator("#validation-message.validation-success p")
    line.wait_for(timeout=90_000)
    shown = line.evaluate("p => getComputedStyle(p, '::after').content")
    assert json.loads(shown) == t("lab.validate_success")
    assert line.evaluate("p => getComputedStyle(p).fontSize") == "0px"
    shot(page, "8-validate-success")
    page.locator(".jp-Dialog .jp-mod-accept, .jp-Dialog .jp-mod-reject").first.click()
