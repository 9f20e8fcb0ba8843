"""A learner's first day, in JupyterLab started exactly as ``make course`` and ``make learner``
start it (issue 14): start-here's words alone lead to module 01; Run all ends at the top; the
notebook closes without asking to save; reopened after its kernel is gone it shows a plain line
per question, never "Error displaying widget"; no news pop-up; a learner studying alone sees no
instructor tools; no button label is cut off at 1366×900 or at 200% zoom."""

from __future__ import annotations

import json
import shutil
import time

import pytest

from allyship.kit.strings import t

from .notebook import item_ids, menu, open_notebook, shot, wait_kernel, wait_rendered
from .server import start_lab

pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("browser")]
MODULE = "01_what_is_allyship"
START = "notebooks/00_start_here.ipynb"
WIDGET_ERROR = "Error displaying widget"
CURRENT = ".jp-NotebookPanel:not(.lm-mod-hidden) .jp-Notebook"  # the notebook in the open tab


def run_all(page) -> None:
    menu(page, "Run", "Run All Cells")


def scroll_top(page) -> float:
    return page.evaluate(
        "() => { const p = document.querySelector('.jp-NotebookPanel:not(.lm-mod-hidden) "
        ".jp-WindowedPanel-outer'); return p ? p.scrollTop : -1; }"
    )


def test_start_heres_words_lead_a_learner_to_module_01(page, lab):
    """Follow start-here's first step as written: the Nbgrader menu, Assignment List, Fetch next
    to the first module, then its folder and notebook in the file browser."""
    try:
        _follow_start_here(page, lab)
    finally:  # the module goes back to "Released" for the other tests
        shutil.rmtree(lab.root / MODULE, ignore_errors=True)


def _follow_start_here(page, lab):
    open_notebook(page, lab, START)
    text = page.locator(CURRENT).inner_text()
    for words in ("Nbgrader", "Assignment List", "Released assignments", "Fetch"):
        assert words in text, words  # the steps below are the ones the page gives
    assert page.locator(".jp-Notification-Toast").count() == 0  # no news pop-up
    shot(page, "1-start-here")
    menu(page, "Nbgrader", "Assignment List")
    row = page.locator(".list_item", has_text=MODULE).first
    row.get_by_role("button", name="Fetch").click()
    page.locator("#fetched_assignments_list .list_item", has_text=MODULE).first.wait_for()
    shot(page, "2-fetched")
    downloaded = page.locator("#fetched_assignments_list")
    downloaded.locator(".list_item:not(.nested_list_item) a", has_text=MODULE).first.click()
    downloaded.locator(".nested_list_item a", has_text=MODULE).first.click()
    wait_kernel(page, f"{MODULE}/{MODULE}.ipynb")
    assert "Module 01" in page.locator(f"{CURRENT} h1").first.inner_text()
    shot(page, "3-module-01")


@pytest.fixture
def module_copy(lab, request):
    """A fresh learner copy of module 01 for each test (its own folder, no answers yet)."""
    path = lab.learner_copy(MODULE, f"firstday-{request.node.name[5:30]}")
    return path, str(path.relative_to(lab.root))


def test_a_module_opens_with_a_line_per_question_and_run_all_ends_at_the_top(
    page, lab, module_copy
):
    notebook, path = module_copy
    open_notebook(page, lab, path)
    lines = page.locator(f"{CURRENT} .jp-RenderedMarkdown", has_text="This part appears when you")
    assert lines.count() == len(item_ids(notebook))  # one per widget cell, none elsewhere
    assert page.locator(".jp-InputPlaceholder:visible").count() == 0  # no code lines shown
    shot(page, "1-opened")
    run_all(page)
    wait_rendered(page, path, len(item_ids(notebook)))
    time.sleep(1)  # the scroll back to the top follows the last widget's drawing
    assert scroll_top(page) == 0
    assert page.locator(f"{CURRENT} h1").first.is_visible()
    shot(page, "2-after-run-all")


def test_closing_after_run_all_asks_nothing_and_reopening_shows_no_widget_error(
    page, lab, module_copy
):
    notebook, path = module_copy
    open_notebook(page, lab, path)
    run_all(page)
    wait_rendered(page, path, len(item_ids(notebook)))
    page.wait_for_function(
        "() => !window.jupyterapp.shell.currentWidget.context.model.dirty", timeout=15_000
    )  # autosave (3 s in the course's settings) has saved it
    page.locator(".lm-TabBar-tab.lm-mod-current .lm-TabBar-tabCloseIcon").click()
    time.sleep(1)
    assert page.locator(".jp-Dialog").count() == 0, "closing asked a question"
    saved = json.loads(notebook.read_text(encoding="utf-8"))
    assert "widgets" not in saved["metadata"]
    outputs = [o for c in saved["cells"] if c["cell_type"] == "code" for o in c["outputs"]]
    assert not [o for o in outputs if "application/vnd.jupyter.widget-view+json" in o["data"]]
    lab.shutdown_kernels()  # coming back next week: the kernel that drew the widgets is gone
    open_notebook(page, lab, path)
    time.sleep(2)
    body = page.locator(CURRENT).inner_text()
    assert WIDGET_ERROR not in body
    assert t("lab.press_run_all").replace("*", "") in body
    shot(page, "reopened")


def test_no_button_label_is_cut_off_at_1366_or_at_200_percent_zoom(page, lab, module_copy):
    notebook, path = module_copy
    cut = (
        "() => [...document.querySelectorAll('.jp-Notebook .jupyter-button')]"
        ".filter(b => b.scrollWidth > b.clientWidth + 1).map(b => b.textContent)"
    )
    for width, height in ((1366, 900), (683, 450)):  # 683×450 CSS pixels: 1366×900 at 200%
        page.set_viewport_size({"width": width, "height": height})
        open_notebook(page, lab, path)
        run_all(page)
        wait_rendered(page, path, len(item_ids(notebook)))
        buttons = page.locator(".jp-Notebook .jupyter-button")
        assert buttons.count() > 0
        assert page.evaluate(cut) == [], f"cut off at {width}x{height}"
        buttons.first.scroll_into_view_if_needed()
        shot(page, f"buttons-{width}")
        lab.shutdown_kernels()


@pytest.fixture(scope="module")
def learner_lab(lab, tmp_path_factory):
    """``make learner``'s server: every module fetched into a learner folder (by the same
    function ``allyship study`` calls), instructor tools hidden."""
    from allyship.instructor.launch import prepare_learner

    folder = tmp_path_factory.mktemp("alone") / "learner"
    prepare_learner(lab.root, folder)
    server = start_lab(lab.root, lab.modules, folder.parent, learner=folder)
    yield server
    server.stop()


def test_a_learner_studying_alone_has_every_module_and_no_instructor_tools(page, learner_lab):
    assert all((learner_lab.root / m / f"{m}.ipynb").is_file() for m in learner_lab.modules)
    open_notebook(page, learner_lab, "00_start_here.ipynb")
    page.locator(".lm-MenuBar-itemLabel:text-is('Nbgrader')").click()
    items = page.locator(".lm-Menu-item:visible .lm-Menu-itemLabel").all_inner_texts()
    page.keyboard.press("Escape")
    assert "Assignment List" in items
    assert not {"Formgrader", "Create Assignment", "Course List"} & set(items), items
    assert page.locator(".jp-SideBar", has_text="Create Assignment").count() == 0
    assert learner_lab.api("GET", "/formgrader").status_code == 404
    shot(page, "learner-alone")
