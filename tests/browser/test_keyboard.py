"""Keyboard only: from the open notebook, reach the controls with Tab, answer with the arrow
keys, Space and Enter, and write with the keyboard; everything is saved. No mouse.

A kit question's options are one radio group (``RadioGroup``): Tab reaches the group once, the
arrow keys move between options and choose, and JupyterLab's own arrow-key shortcuts (which move
the cell selection) do not fire while the focus is in the group."""

from __future__ import annotations

import pytest

from allyship.kit.strings import t

from .notebook import (
    command,
    item,
    item_ids,
    item_specs,
    mark_items,
    open_notebook,
    poll_json,
    shot,
    wait_fresh,
)

pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("browser")]
MODULE = "01_what_is_allyship"
TYPED = "Typed without a mouse: the sign said ally, the follow-up never came."
MAX_TABS = 120


def tab_into(page, widget, key: str = "Tab") -> int:
    """Press Tab until the keyboard focus is inside ``widget``; return how many presses."""
    handle = widget.element_handle()
    for presses in range(1, MAX_TABS + 1):
        page.keyboard.press(key)
        if handle.evaluate("e => e.contains(document.activeElement)"):
            return presses
    raise AssertionError(f"{MAX_TABS} presses of {key} never reached {widget}")


def focused(page) -> dict:
    return page.evaluate(
        "() => { const e = document.activeElement;"
        " return {tag: e.tagName, type: e.type || '', label: (e.labels && e.labels[0]"
        " ? e.labels[0].innerText : e.getAttribute('aria-label') || e.innerText || '').trim()}; }"
    )


def active_cell(page) -> int:
    """The index of the notebook's selected cell."""
    return page.evaluate("() => window.jupyterapp.shell.currentWidget.content.activeCellIndex")


def checked(widget) -> list[str]:
    """The texts of the chosen options inside ``widget``."""
    return widget.evaluate(
        "e => [...e.querySelectorAll('input:checked')].map(i => i.labels[0].innerText.trim())"
    )


def test_answer_and_write_with_the_keyboard_only(page, lab):
    notebook = lab.learner_copy(MODULE, "keyboard")
    path = f"keyboard/{MODULE}/{MODULE}.ipynb"
    specs = item_specs(notebook)
    options = {
        i: [o[0] if isinstance(o, list) else o for o in s["args"][2]]
        for i, s in specs.items()
        if len(s["args"]) > 2
    }
    open_notebook(page, lab, path)
    mark_items(page)
    command(page, "notebook:run-all-cells")
    wait_fresh(page, path, len(item_ids(notebook)))
    page.locator(".jp-Notebook").focus()  # where focus is when a learner opens the notebook

    # A practice question: Tab reaches its options as one group; the arrow keys choose, and
    # JupyterLab does not take them (the selected cell stays where it was).
    practice = item(page, "Practice question 1")
    assert practice.get_by_role("group", name="Practice question 1").count() == 1  # its name
    tab_into(page, practice)
    assert focused(page) == {"tag": "INPUT", "type": "radio", "label": options["p1"][0]}
    cell = active_cell(page)
    page.keyboard.press("ArrowDown")
    assert focused(page)["label"] == options["p1"][1]
    page.keyboard.press("ArrowDown")
    page.keyboard.press("ArrowUp")
    assert focused(page)["label"] == options["p1"][1]
    assert active_cell(page) == cell, "an arrow key moved the cell selection"
    assert checked(practice) == [options["p1"][1]]
    feedback = practice.locator(".allyship-feedback [role=status]")
    feedback.filter(has_text=options["p1"][1]).wait_for()  # about the last choice, not an earlier
    assert feedback.inner_text().startswith(("\u2714", "\u2718", "\u25d1"))
    shot(page, "1-practice-by-keyboard")

    # One Tab leaves the group (its options are one stop) for the next question, a select-all:
    # Space ticks, Tab reaches "Check my answer", Enter presses it.
    page.keyboard.press("Tab")
    multi = item(page, "Practice question 2")
    assert multi.get_by_role("group", name="Practice question 2").count() == 1
    assert focused(page) == {"tag": "INPUT", "type": "checkbox", "label": options["p2"][0]}
    page.keyboard.press("Space")
    while focused(page)["tag"] != "BUTTON":
        page.keyboard.press("Tab")
    assert focused(page)["label"] == t("control.check")
    page.keyboard.press("Enter")
    multi.locator(".allyship-feedback [role=status]").wait_for()

    # A reflection: Tab to the box, type, and the saved state is announced in words.
    reflection = item(page, "Reflection 1")
    tab_into(page, reflection)
    assert focused(page)["tag"] == "TEXTAREA"
    assert focused(page)["label"] == t("control.reflection", label="Reflection 1")
    page.keyboard.type(TYPED)
    status = reflection.locator(".allyship-status [role=status]")
    status.get_by_text(t("status.saved_words", words=len(TYPED.split()))).wait_for()
    shot(page, "2-reflection-by-keyboard")

    # A graded question further down: Tab there, the arrow key moves to the second option.
    question = item(page, "Question 1")
    tab_into(page, question)
    page.keyboard.press("ArrowDown")
    assert focused(page)["label"] == options["q1"][1]
    question.locator(".allyship-status").get_by_text(t("status.saved")).wait_for()
    assert checked(question) == [options["q1"][1]]
    shot(page, "3-question-by-keyboard")

    wanted = {"p1": options["p1"][1], "r1": TYPED, "q1": options["q1"][1]}
    saved = poll_json(notebook.parent / "responses.json", wanted)
    assert saved["p2"] == [options["p2"][0]]


def test_rate_the_self_audit_with_the_arrow_keys(page, lab):
    """A record's rating scales are radio groups too: Tab from one scale to the next, the arrow
    keys rate, and each rating is saved under its own id (module 05's self-audit)."""
    module = "05_building_trust"
    notebook = lab.learner_copy(module, "keyboard-audit")
    path = f"keyboard-audit/{module}/{module}.ipynb"
    open_notebook(page, lab, path)
    mark_items(page)
    command(page, "notebook:run-all-cells")
    wait_fresh(page, path, len(item_ids(notebook)))
    page.locator(".jp-Notebook").focus()

    audit = item(page, t("audit.title"))
    first = t("audit.short1")
    assert audit.get_by_role("group", name=first).count() == 1  # each scale is named
    tab_into(page, audit)
    assert focused(page) == {"tag": "INPUT", "type": "radio", "label": t("audit.scale.1")}
    cell = active_cell(page)
    page.keyboard.press("ArrowRight")  # a scale is laid out in a row
    assert focused(page)["label"] == t("audit.scale.2")
    page.keyboard.press("Tab")  # on to the next question's scale
    page.keyboard.press("ArrowDown")
    page.keyboard.press("ArrowDown")
    assert focused(page)["label"] == t("audit.scale.3")
    assert active_cell(page) == cell, "an arrow key moved the cell selection"
    audit.locator(".allyship-status").get_by_text(t("audit.progress", done=2, total=5)).wait_for()
    shot(page, "1-audit-by-keyboard")
    saved = poll_json(notebook.parent / "responses.json", {"a1": t("audit.scale.2")})
    assert saved["a2"] == t("audit.scale.3") and "a3" not in saved
