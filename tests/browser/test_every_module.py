"""Every module, as a learner first meets it: open, Run All, every widget on screen, no error,
and the kit's widgets pass an axe-core audit."""

from __future__ import annotations

import pytest

from ..helpers import MODULES
from .notebook import item_ids, menu, open_notebook, shot, wait_rendered

pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("browser")]

#: axe-core's impact levels that block: a control without a name, a status told by colour only.
BLOCKING = {"serious", "critical"}
SETTLED = "() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))"
OVERFLOWING = """() => [...document.querySelectorAll('.allyship-item')]
  .filter(e => e.scrollWidth > e.clientWidth + 2)
  .map(e => e.querySelector('.allyship-heading').innerText.split('.')[0])"""
#: groups laid out against their orientation: a column whose options are not one under the
#: other, or a row (a rating scale) whose options are not side by side
MISLAID = """() => [...document.querySelectorAll('.allyship-group')].filter(g => {
  const boxes = [...g.querySelectorAll('.allyship-group-option')]
    .map(o => o.getBoundingClientRect());
  if (boxes.length < 2) return false;
  if (g.dataset.orientation === 'horizontal') return boxes[1].top !== boxes[0].top;
  return boxes.some((b, i) => i && b.top < boxes[i - 1].bottom);
}).map(g => g.querySelector('legend').textContent)"""


def axe_findings(page) -> list[str]:
    """axe-core's violations inside the kit's widgets, serious or critical, as sentences."""
    from axe_playwright_python.sync_playwright import Axe

    results = Axe().run(page, context={"include": [[".allyship-item"]]})
    found = []
    for rule in results.response["violations"]:
        if rule["impact"] in BLOCKING:
            targets = [", ".join(map(str, node["target"])) for node in rule["nodes"]][:3]
            found.append(f"{rule['id']} ({rule['impact']}): {rule['help']} at {targets}")
    return found


@pytest.mark.parametrize("module", MODULES)
def test_module_opens_runs_and_shows_every_widget(page, lab, module):
    notebook = lab.learner_copy(module, "firstlook")
    path = f"firstlook/{module}/{module}.ipynb"
    ids = item_ids(notebook)  # before opening: the course autosaves every 3 s once it runs
    open_notebook(page, lab, path)
    shot(page, "1-opened")

    menu(page, "Run", "Run All Cells")
    wait_rendered(page, path, len(ids))
    page.locator(".jp-Notebook .allyship-item").first.scroll_into_view_if_needed()
    shot(page, "2-ran-all")

    items = page.locator(".jp-Notebook .allyship-item")
    assert items.count() == len(ids)
    for n in range(items.count()):
        assert items.nth(n).is_visible()
    errors = page.locator(".jp-Notebook [data-mime-type='application/vnd.jupyter.stderr']")
    assert errors.count() == 0, errors.first.inner_text()
    assert page.locator(".jp-Notebook .jp-OutputArea-output.jp-mod-error").count() == 0
    # no code is visible to a learner: every code cell's input is collapsed
    assert page.locator(".jp-CodeCell .jp-InputArea:visible .jp-Editor").count() == 0

    assert axe_findings(page) == []
    assert page.evaluate(MISLAID) == []  # each option of a question on its own line

    # On a narrow screen (a laptop with the file browser open) long options wrap: no widget
    # is wider than the notebook.
    page.set_viewport_size({"width": 760, "height": 900})
    page.evaluate(SETTLED)  # the layout after the resize
    items.nth(len(ids) - 2).scroll_into_view_if_needed()  # near the end: the longest controls
    overflowing = page.evaluate(OVERFLOWING)
    shot(page, "3-narrow")
    assert overflowing == []
