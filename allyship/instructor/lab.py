"""JupyterLab as the course serves it: one launcher for ``make course``, ``make learner`` and the
browser tests, so what the tests see is what a person sees.

Everything the course changes about JupyterLab lives in a state folder beside what is served
(``<root>/.jupyter/``, git-ignored), set as ``JUPYTER_CONFIG_DIR`` for the server: nothing is
written to the person's own Jupyter settings, and a test's server, rooted in a temporary copy of
the course, keeps all of it in that copy.

- Settings (defaults the person can still change, as JupyterLab ``overrides.json``): no news
  pop-up and no update check (both would fetch from the network), a kernel that starts with the
  notebook, autosave every few seconds (a module's answers live in ``responses.json``, so the
  notebook itself should never hold unsaved changes when its tab is closed), no extension
  manager (it lists PyPI), and widget state never saved into notebooks.
- ``custom.css``: a course cell's hidden code shows nothing (no "•••" line, no counter).
- Before every save, :func:`before_save` replaces each widget's output with a plain line asking
  to press Run all, so a notebook reopened next week never shows "Error displaying widget".
- Learner mode (``allyship study``) hides nbgrader's instructor tools and serves a learner folder.
- An edition in another language than nbgrader's English gets nbgrader's labels in its own
  words, from a small extension written into the state folder (:mod:`.lab_words`).
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

from ..course.layout import EDITION_NOTEBOOKS
from . import lab_words

STATE = ".jupyter"  # beside what is served: the course's JupyterLab settings and workspaces
START = "notebooks/00_start_here.ipynb"
#: Each edition's start-here notebook and journal (``notebooks/`` for English); the French
#: edition also switches JupyterLab's own menus to French (its language pack, a dependency).
NOTEBOOKS = EDITION_NOTEBOOKS
LOCALES = {"en": "en", "fr": "fr_FR"}

#: JupyterLab settings the course ships (JupyterLab's ``overrides.json``: defaults, not locks)
SETTINGS = {
    "@jupyterlab/apputils-extension:notification": {"fetchNews": "false", "checkForUpdates": False},
    "@jupyterlab/notebook-extension:tracker": {
        "autoStartDefaultKernel": True,
        "windowingMode": "none",
    },
    "@jupyterlab/docmanager-extension:plugin": {"autosaveInterval": 3},
    "@jupyterlab/extensionmanager-extension:plugin": {"enabled": False},
    "@jupyter-widgets/jupyterlab-manager:plugin": {"saveState": False},
}

#: nbgrader's instructor tools, hidden from a learner studying alone (the hub does the same per
#: account: deploy/setup_course.py)
LEARNER_HIDDEN_LAB = (
    "@jupyter/nbgrader:formgrader",
    "@jupyter/nbgrader:create-assignment",
    "@jupyter/nbgrader:course-list",
)
LEARNER_HIDDEN_SERVER = (
    "nbgrader.server_extensions.formgrader",
    "nbgrader.server_extensions.course_list",
)

#: A code cell whose code is hidden (every kit cell) shows only its output.
CUSTOM_CSS = """\
/* The allyship course (allyship/instructor/lab.py): learners never read code. A cell whose code
   is hidden shows only what it displays: no "..." line, no execution counter. */
.jp-CodeCell:has(.jp-InputPlaceholder) .jp-Cell-inputWrapper { display: none; }
.jp-CodeCell:has(.jp-InputPlaceholder) .jp-OutputPrompt { visibility: hidden; }
.jp-CodeCell:has(.jp-InputPlaceholder):not(:has(.jp-OutputArea-child)) {
  padding-top: 0; padding-bottom: 0; }
"""


def _css_text(value: str) -> str:
    """A CSS string literal."""
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"').replace("\n", " ") + '"'


def nbgrader_css(language: str = "en") -> str:
    """nbgrader's panels in the course's words, where its front end has a fixed English line:
    Validate's success ("Your notebook passes all the tests") and a submission's bare time."""
    from ..kit.strings import in_language, t

    with in_language(language):
        success, handed_in = t("lab.validate_success"), t("lab.handed_in")
    return f"""\
/* nbgrader's fixed lines, said in the course's words (allyship/instructor/lab.py) */
#validation-message.validation-success p {{ font-size: 0; }}
#validation-message.validation-success p::after {{
  content: {_css_text(success)}; font-size: var(--jp-content-font-size1); }}
#submitted_assignments_list .nested_list_item .item_name::before {{
  content: {_css_text(handed_in)}; font-weight: bold; }}
"""


def start_notebook(language: str = "en") -> str:
    """The start-here notebook of ``language``, relative to the course folder."""
    folder, start, _ = NOTEBOOKS[language]
    return f"{folder}/{start}"


def prepare(
    root: Path, *, learner: bool = False, exchange: Path | None = None, language: str = "en"
) -> dict:
    """Write the state folder for a server rooted at ``root``; return the environment to add.

    In learner mode ``exchange`` is the course's exchange folder: the learner's Assignment List
    fetches from it and submits to it (a learner folder has no ``nbgrader_config.py``).
    """
    state = Path(root) / STATE
    (state / "custom").mkdir(parents=True, exist_ok=True)
    css = CUSTOM_CSS + nbgrader_css(language)
    (state / "custom" / "custom.css").write_text(css, encoding="utf-8")
    locale = {"@jupyterlab/translation-extension:plugin": {"locale": LOCALES[language]}}
    _write_json(state / "lab-settings" / "overrides.json", {**SETTINGS, **locale})
    page = {"disabledExtensions": dict.fromkeys(LEARNER_HIDDEN_LAB, True)} if learner else {}
    _write_json(state / "labconfig" / "page_config.json", page)
    server = {"ServerApp": {"jpserver_extensions": dict.fromkeys(LEARNER_HIDDEN_SERVER, False)}}
    server = server if learner else {}
    # nbgrader's fixed English labels in the edition's language (lab_words.py)
    if lab_words.write(state / "labextensions", language) is not None:
        server["LabApp"] = {"extra_labextensions_path": [str(state / "labextensions")]}
    _write_json(state / "jupyter_server_config.json", server)
    config = state / "nbgrader_config.py"
    if learner and exchange is not None:
        config.write_text(
            "c = get_config()  # noqa: F821 - written by `allyship study`\n"
            'c.CourseDirectory.course_id = "allyship"\n'
            f"c.Exchange.root = {str(exchange)!r}\n"
            "# Validate names what is unanswered in plain words (allyship/grading/validation.py)\n"
            "from allyship.grading.validation import use_plain_validator\n"
            "use_plain_validator()\n",
            encoding="utf-8",
        )
    elif config.exists():
        config.unlink()
    return {
        "JUPYTER_CONFIG_DIR": str(state),
        "JUPYTERLAB_SETTINGS_DIR": str(state / "lab" / "user-settings"),
        "JUPYTERLAB_WORKSPACES_DIR": str(state / "lab" / "workspaces"),
    }


def command(
    root: Path,
    *,
    port: int = 8888,
    start: str = START,
    token: str | None = None,
    open_browser: bool = True,
) -> list[str]:
    """The ``jupyter lab`` command line the course is served with."""
    jupyter = Path(sys.executable).with_name("jupyter")
    argv = [
        str(jupyter if jupyter.exists() else "jupyter"),
        "lab",
        f"--ServerApp.root_dir={root}",
        "--ServerApp.ip=127.0.0.1",
        f"--port={port}",
        "--ServerApp.port_retries=0",
        f"--LabApp.default_url=/lab/tree/{start}",
        f"--LabApp.app_settings_dir={Path(root) / STATE / 'lab-settings'}",
        "--LabApp.custom_css=True",
        "--LabApp.news_url=",
        "--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate",
        "--ContentsManager.pre_save_hook=allyship.instructor.lab.before_save",
    ]
    if token is not None:
        argv.append(f"--IdentityProvider.token={token}")
    if not open_browser:
        argv.append("--no-browser")
    if os.getuid() == 0:
        argv.append("--allow-root")
    return argv


def before_save(model: dict, **_: object) -> None:
    """jupyter_server's pre-save hook: drop saved widget views and widget state.

    A widget's output only shows while the kernel that made it runs; saved, it reopens as "Error
    displaying widget: model not found". Each is replaced by a plain line asking to press Run all
    (the answers themselves are in ``responses.json``). Other outputs are kept as they are.
    """
    if model.get("type") != "notebook" or not isinstance(model.get("content"), dict):
        return
    from ..course.placeholders import WIDGET_VIEW, notebook_language, run_all_line

    nb = model["content"]
    line = dict(run_all_line(notebook_language(nb)))
    nb.get("metadata", {}).pop("widgets", None)
    for cell in nb.get("cells", []):
        outputs = cell.get("outputs") if cell.get("cell_type") == "code" else None
        if not outputs or not any(WIDGET_VIEW in o.get("data", {}) for o in outputs):
            continue
        kept = [o for o in outputs if WIDGET_VIEW not in o.get("data", {})]
        cell["outputs"] = [*kept, dict(line)]


def _write_json(path: Path, value: dict) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(value, indent=1, sort_keys=True) + "\n", encoding="utf-8")
