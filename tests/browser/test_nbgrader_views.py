"""nbgrader's own views inside JupyterLab: the Assignment List a learner fetches from, and the
Formgrader an instructor grades in, both showing the course's modules."""

from __future__ import annotations

import pytest

from .notebook import menu, shot

pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("browser")]


def test_assignment_list_and_formgrader_show_the_modules(page, lab):
    page.goto(f"{lab.url}/lab?reset&token={lab.token}")
    page.locator(".lm-MenuBar-itemLabel:text-is('Nbgrader')").wait_for()

    menu(page, "Nbgrader", "Assignment List")
    released = page.locator("#released_assignments_list")
    for module in lab.modules:
        released.get_by_text(module, exact=True).wait_for()
    shot(page, "1-assignment-list")

    menu(page, "Nbgrader", "Formgrader")
    grader = page.frame_locator("iframe").last
    for module in lab.modules:
        grader.get_by_text(module, exact=True).first.wait_for()
    shot(page, "2-formgrader")


def test_a_handed_in_module_says_it_was_received(page, lab):
    """nbgrader lists a submission as a bare time; the course's CSS says what the time means."""
    import json

    from allyship.kit.strings import t

    from ..helpers import submit

    notebook = lab.learner_copy("01_what_is_allyship", "hand-in")
    submit(lab.root, "01_what_is_allyship", notebook.parent.parent, "hand-in")
    page.goto(f"{lab.url}/lab?reset&token={lab.token}")
    page.locator(".lm-MenuBar-itemLabel:text-is('Nbgrader')").wait_for()
    menu(page, "Nbgrader", "Assignment List")
    row = page.locator("#submitted_assignments_list .nested_list_item .item_name").first
    row.wait_for(timeout=60_000)
    shown = row.evaluate("e => getComputedStyle(e, '::before').content")
    assert json.loads(shown) == t("lab.handed_in")
    assert " UTC" in row.inner_text()  # the time nbgrader gives follows the sentence
    shot(page, "3-handed-in")
