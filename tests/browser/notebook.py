"""Driving a notebook in JupyterLab as a learner does, plus the waits that keep it reliable
(research/browser.md: wait for a connected, idle kernel before running anything)."""

from __future__ import annotations

import json
import re
import time
from pathlib import Path

import nbformat

from .conftest import ARTIFACTS

KERNEL_STATE = """() => {
  const w = window.jupyterapp && window.jupyterapp.shell.currentWidget;
  if (!w || !w.context || !w.sessionContext) return null;
  const k = w.sessionContext.session && w.sessionContext.session.kernel;
  return {path: w.context.path, status: k ? k.status : null,
          connection: k ? k.connectionStatus : null, dirty: w.context.model.dirty};
}"""


def read_notebook(notebook: Path, timeout: float = 10):
    """The notebook as on disk, read again while JupyterLab is saving it: the server writes a
    notebook in place (its "atomic" writing keeps a backup copy, not a whole file at every
    moment), and the course autosaves every 3 s, so a read can meet an empty file."""
    deadline = time.monotonic() + timeout
    while True:
        try:
            return nbformat.read(str(notebook), as_version=4)
        except nbformat.reader.NotJSONError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.2)


def item_ids(notebook: Path) -> list[str]:
    """The ids of the items a learner sees as widgets, in order (cells ``<id>-ask``)."""
    nb = read_notebook(notebook)
    ids = []
    for cell in nb.cells:
        gid = cell.metadata.get("nbgrader", {}).get("grade_id", "")
        if cell.cell_type == "code" and gid.endswith("-ask"):
            ids.append(gid[: -len("-ask")])
    return ids


def shot(page, step: str) -> Path:
    """Save what the learner sees now, named after the test and the step."""
    path = ARTIFACTS / f"{page.shot_prefix}--{step}.png"
    page.screenshot(path=str(path))
    return path


def wait_kernel(page, path: str, timeout: float = 60_000) -> None:
    """Until the notebook at ``path`` is the current tab and its kernel is connected and idle."""
    page.wait_for_function(
        f"""() => {{ const s = ({KERNEL_STATE})();
        return s && s.path === {json.dumps(path)} && s.status === 'idle'
               && s.connection === 'connected'; }}""",
        timeout=timeout,
    )


def open_notebook(page, lab, path: str) -> None:
    page.goto(lab.lab_url(path))
    page.locator(".jp-Notebook").first.wait_for()
    wait_kernel(page, path)


def command(page, name: str) -> None:
    """Run a JupyterLab command (what a menu item does)."""
    page.evaluate(f"() => window.jupyterapp.commands.execute({json.dumps(name)})")


def menu(page, top: str, item: str) -> None:
    """Click a menu, then one of its items, as a person would."""
    page.locator(f".lm-MenuBar-itemLabel:text-is('{top}')").click()
    page.locator(f".lm-Menu-itemLabel:text-is('{item}')").click()


def wait_rendered(page, path: str, count: int) -> None:
    """Until every item's widget is on the page and the kernel has finished running cells."""
    page.wait_for_function(
        f"""() => document.querySelectorAll('.jp-Notebook .allyship-item').length === {count}""",
        timeout=60_000,
    )
    wait_kernel(page, path)


def item(page, label: str):
    """The widget whose heading names ``label`` ("Question 1", "Reflection 2" ...)."""
    heading = re.compile(rf"^\s*{re.escape(label)}\.")  # not "Practice question 1."
    return page.locator(".allyship-item").filter(
        has=page.locator(".allyship-heading", has_text=heading)
    )


def save(page) -> None:
    command(page, "docmanager:save")
    page.wait_for_function(f"() => !({KERNEL_STATE})().dirty")


def validate(page) -> None:
    """Click nbgrader's Validate once the notebook has no save in flight. Validate saves first;
    opening a module marks it changed (the kernel's language info) and the course autosaves
    every 3 s, and two saves at once make JupyterLab ask "File Changed" (the file's hash moved
    under the second). A learner reads for minutes before validating; a test clicks at once."""
    page.wait_for_function(f"() => !({KERNEL_STATE})().dirty", timeout=30_000)
    page.locator(".jp-Toolbar").get_by_text("Validate", exact=True).click()


def poll_json(path: Path, wanted: dict, timeout: float = 20) -> dict:
    """Read ``path`` until it holds every key of ``wanted`` with that value (widgets send
    updates throttled, so the file lags a click by a moment)."""
    deadline = time.monotonic() + timeout
    data: dict = {}
    while time.monotonic() < deadline:
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (FileNotFoundError, json.JSONDecodeError):
            data = {}
        if all(data.get(k) == v for k, v in wanted.items()):
            return data
        time.sleep(0.2)
    raise AssertionError(f"{path} never held {wanted}; last read: {data}")


def item_specs(notebook: Path) -> dict[str, dict]:
    """Each item's arguments as written in its cell (``Choice('q1', prompt, options)``), read
    without running anything: ``{"q1": {"kind": "Choice", "args": [...], "kwargs": {...}}}``."""
    import ast

    nb = read_notebook(notebook)
    specs = {}
    for cell in nb.cells:
        gid = cell.metadata.get("nbgrader", {}).get("grade_id", "")
        if cell.cell_type != "code" or not gid.endswith("-ask"):
            continue
        call = ast.parse(cell.source).body[-1].value
        args = [ast.literal_eval(a) for a in call.args]
        kwargs = {k.arg: ast.literal_eval(k.value) for k in call.keywords}
        specs[gid[: -len("-ask")]] = {"kind": call.func.id, "args": args, "kwargs": kwargs}
    return specs


def mark_items(page) -> None:
    """Mark the widgets now on the page, so a wait can tell fresh ones from old ones."""
    page.evaluate(
        "() => document.querySelectorAll('.allyship-item').forEach(e => e.dataset.old = '1')"
    )


def wait_fresh(page, path: str, count: int) -> None:
    """Until ``count`` widgets rendered after the last :func:`mark_items`, kernel idle."""
    page.wait_for_function(
        "() => document.querySelectorAll('.jp-Notebook .allyship-item:not([data-old])').length"
        f" === {count}",
        timeout=60_000,
    )
    wait_kernel(page, path)
