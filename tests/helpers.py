"""Helpers shared by the tests: the repo's layout, real commands, real kernels."""

from __future__ import annotations

import ast
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import nbformat

REPO = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
MODULES = sorted(
    p.name for p in (REPO / "source").glob("[0-9][0-9]_*") if (p / f"{p.name}.ipynb").is_file()
)
#: The French edition's modules (``fr-01_etre_allie`` ...), built from course/fr/.
FR_MODULES = sorted(
    p.name for p in (REPO / "source").glob("fr-[0-9][0-9]_*") if (p / f"{p.name}.ipynb").is_file()
)
#: Every module of every edition: what the English release passes, the French one passes too.
EDITIONS = MODULES + FR_MODULES


def env(**extra: str) -> dict[str, str]:
    """The environment for a real command: this interpreter's bin/ first (nbgrader runs
    ``alembic`` by name), no inherited grading mode."""
    e = {k: v for k, v in os.environ.items() if not k.startswith("NBGRADER_")}
    e["PATH"] = f"{BIN}{os.pathsep}{e.get('PATH', '')}"
    e.update(extra)
    return e


#: What a kernel prints when the TCP port jupyter_client chose for it was taken before it could
#: bind it (jupyter_client picks free ports by binding and releasing them; another process's
#: kernel or connection can take one in between). Two test workers start hundreds of kernels:
#: the suite has met this twice, both times in the editions fixture's nbgrader autograde (once
#: in CI, 7 December 2026), with no course code involved.
PORT_RACE = "zmq.error.ZMQError: Address already in use"
ATTEMPTS = 3


def run(args: list[str], cwd: Path, check: bool = True, **extra_env: str):
    """Run a command; on failure show everything it printed.

    A run whose output shows a kernel losing its port (:data:`PORT_RACE`) is run again, as an
    instructor would run ``nbgrader autograde`` again (it removes a failed submission's
    folder and skips those already graded), up to :data:`ATTEMPTS` runs in all; any other
    failure is not retried."""
    for _ in range(ATTEMPTS):
        proc = subprocess.run(
            args, cwd=cwd, env=env(**extra_env), capture_output=True, text=True, timeout=600
        )
        if PORT_RACE not in proc.stderr and PORT_RACE not in proc.stdout:
            break
    if check and proc.returncode != 0:
        raise AssertionError(
            f"{' '.join(args)} exited {proc.returncode}\n--- stdout\n{proc.stdout}\n"
            f"--- stderr\n{proc.stderr}"
        )
    return proc


def make_course(root: Path, modules: list[str] | None = None) -> Path:
    """A temporary copy of the course (config and source/) with its own exchange."""
    root.mkdir(parents=True, exist_ok=True)
    shutil.copy(REPO / "nbgrader_config.py", root / "nbgrader_config.py")
    for m in modules if modules is not None else MODULES:
        shutil.copytree(REPO / "source" / m, root / "source" / m)
    (root / "exchange").mkdir(mode=0o777, exist_ok=True)
    os.chmod(root / "exchange", 0o777)
    return root


def nbgrader(course: Path, *args: str, cwd: Path | None = None, check: bool = True, **kw):
    """A real ``nbgrader`` command against the course at ``course``."""
    return run(
        [str(BIN / "nbgrader"), *args],
        cwd=cwd or course,
        check=check,
        ALLYSHIP_EXCHANGE=str(course / "exchange"),
        **kw,
    )


def fetch(course: Path, module: str, home: Path) -> Path:
    """``nbgrader fetch_assignment`` as a learner in ``home``; returns the fetched notebook.

    A learner's folder has no course config, so the exchange is named, as their own config
    would name it."""
    home.mkdir(parents=True, exist_ok=True)
    exchange = f"--Exchange.root={course / 'exchange'}"
    nbgrader(course, "fetch_assignment", module, "--course", "allyship", exchange, cwd=home)
    return home / module / f"{module}.ipynb"


def submit(course: Path, module: str, home: Path, learner: str) -> None:
    """``nbgrader submit`` as ``learner`` from ``home``."""
    exchange = f"--Exchange.root={course / 'exchange'}"
    nbgrader(
        course, "submit", module, "--course", "allyship", f"--student={learner}", exchange, cwd=home
    )


def widget_cells(nb: nbformat.NotebookNode) -> list[str]:
    """Sources of the setup cell and the cells that show widgets (grade_id ``*-ask``)."""
    out = []
    for cell in nb.cells:
        gid = cell.metadata.get("nbgrader", {}).get("grade_id", "")
        if cell.cell_type == "code" and (gid == "setup" or gid.endswith("-ask")):
            out.append(cell.source)
    return out


def open_widgets(notebook: Path) -> dict:
    """Run a notebook's widget cells as "Run all" would, in its folder; return the widgets by
    item id. A test then answers by setting their controls, exactly as a click would."""
    from allyship.kit.strings import current_language, use_language
    from allyship.kit.widgets.base import Item

    nb = nbformat.read(str(notebook), as_version=4)
    here, language = Path.cwd(), current_language()
    os.chdir(notebook.parent)
    try:
        namespace: dict = {}
        widgets = {}
        for source in widget_cells(nb):
            tree = ast.parse(source)
            last = tree.body.pop() if tree.body and isinstance(tree.body[-1], ast.Expr) else None
            exec(compile(tree, "<cell>", "exec"), namespace)
            if last is not None:
                value = eval(compile(ast.Expression(last.value), "<cell>", "eval"), namespace)
                if isinstance(value, Item):
                    widgets[value.item_id] = value
        return widgets
    finally:
        os.chdir(here)
        use_language(language)  # a French module's setup cell switched the kit's language


def give_answers(widgets: dict, answers: dict) -> None:
    """Set each answer through the widget's control, as a learner's click or typing would."""
    for item_id, value in answers.items():
        w = widgets[item_id]
        w.control.value = value


def key(module: str, course: Path | None = None) -> dict:
    """``allyship key MODULE``, run as the real command."""
    args = [str(BIN / "allyship"), "key", module]
    if course is not None:
        args[1:1] = ["--course", str(course)]
    return json.loads(run(args, cwd=REPO).stdout)
