"""Repair a collected submission before nbgrader's autograde sees it.

nbgrader breaks on submissions that learners produce without meaning to: a deleted graded cell
leaves its grade stuck (#1682) and ``add_missing_cells`` crashes when the cell before it is
read-only; duplicated grade ids crash autograde (#1083); a notebook that is not JSON fails the
whole learner. In this course every cell is read-only and every answer lives in
``responses.json``, so the notebook carries nothing of the learner's that the release does not
have. The repair therefore puts the notebook back into the release's shape, cell by cell (with
:func:`allyship.grading.reconcile.reconcile`, which the grading guard shares), and rescues what
it can of ``responses.json``. It runs on ``submitted/<student>/<module>/`` (what
``nbgrader collect`` wrote), before autograde, and returns plain notes an instructor can read;
the notes are also written to ``repair-notes.txt`` in the submission folder.

Nothing is thrown away: a file that has to be replaced is kept beside it under a new name that
nbgrader does not grade (``*.unreadable``, ``responses.damaged-*.json``).
"""

from __future__ import annotations

import re
from datetime import datetime
from pathlib import Path

import nbformat

from ..kit.store import FILENAME
from .reconcile import public, reconcile
from .rescue import aside, repair_responses

NOTES_FILE = "repair-notes.txt"
#: Files a submission may hold besides the module's notebook.
EXPECTED = {FILENAME, NOTES_FILE, "timestamp.txt", "submission_secret.txt"}


def repair_submission(submitted_notebook_dir: Path | str, release_or_source_notebook: Path | str):
    """Repair one learner's submission folder in place; return what was repaired, in words.

    ``submitted_notebook_dir`` is ``submitted/<student>/<module>/``; the second argument is the
    module's release notebook (or its source notebook: hidden tests, solutions and mark schemes
    are stripped from anything copied out of it). An empty list means nothing needed repair.
    """
    folder = Path(submitted_notebook_dir)
    reference = public(nbformat.read(str(release_or_source_notebook), as_version=4))
    name = Path(release_or_source_notebook).name
    notes = _repair_notebook(folder / name, reference)
    notes += repair_responses(folder / FILENAME)
    notes += _note_extra_files(folder, name)
    if notes:
        stamp = datetime.now().strftime("%Y-%m-%d %H:%M:%S")
        text = f"Repairs made by `allyship repair` on {stamp}:\n" + "".join(
            f"- {n}\n" for n in notes
        )
        with open(folder / NOTES_FILE, "a", encoding="utf-8") as f:
            f.write(text)
    return notes


# -- the notebook ----------------------------------------------------------------------------


def _repair_notebook(path: Path, reference: nbformat.NotebookNode) -> list[str]:
    if not path.exists():
        nbformat.write(reference, str(path))
        return [
            f"The notebook {path.name} was missing (not submitted, or too large to collect); "
            "the course's copy was put in its place, so the answers in responses.json are "
            "graded."
        ]
    submitted, problem = _read_notebook(path)
    if submitted is None:
        kept = aside(path, path.name + ".unreadable")
        path.replace(kept)
        nbformat.write(reference, str(path))
        return [
            f"The notebook {path.name} could not be read ({problem}); it was kept as "
            f"{kept.name} and the course's copy was put in its place, so the answers in "
            "responses.json are graded."
        ]
    notes = reconcile(submitted, reference)
    if problem:
        notes.insert(0, f"The notebook {path.name} {problem}; it was read anyway.")
    if notes:
        nbformat.write(submitted, str(path))
    return notes


def _read_notebook(path: Path) -> tuple[nbformat.NotebookNode | None, str | None]:
    """The notebook, and a remark on how it was read (or, when it is None, why it could not)."""
    raw = path.read_bytes()
    remark = None
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        text, remark = raw.decode("cp1252", errors="replace"), "was not saved as UTF-8 text"
    try:
        nb = nbformat.reads(text, as_version=4)
        if not isinstance(nb.get("cells"), list):
            raise ValueError("no cells")
        for cell in nb.cells:
            cell.setdefault("metadata", {})
            cell.setdefault("source", "")
    except Exception as exc:  # noqa: BLE001 - anything unreadable is handled the same way
        return None, f"it is not a notebook: {type(exc).__name__}"
    return nb, remark


# -- other files -------------------------------------------------------------------------------


def _note_extra_files(folder: Path, notebook: str) -> list[str]:
    extra = sorted(
        p.name
        for p in folder.iterdir()
        if p.name not in EXPECTED | {notebook}
        and not p.name.startswith(".")
        and not re.fullmatch(r"responses\.damaged-.*\.json|.*\.unreadable", p.name)
    )
    if not extra:
        return []
    return [
        "Files that are not part of the module were kept but not graded: " + ", ".join(extra) + "."
    ]


def reference_notebook(course: Path, module: str) -> Path:
    """The notebook a submission is put back to: the module's release, else its source (whose
    hidden tests, solutions and mark schemes are stripped before anything is copied)."""
    release = course / "release" / module / f"{module}.ipynb"
    return release if release.is_file() else course / "source" / module / f"{module}.ipynb"


def repair_module(course: Path, module: str, student: str | None = None) -> dict[str, list[str]]:
    """Repair every collected submission of ``module`` (or one learner's): notes per learner."""
    from ..errors import NothingToRepairError

    reference = reference_notebook(course, module)
    submitted = course / "submitted"
    pattern = f"{student}/{module}" if student else f"*/{module}"
    folders = sorted(p for p in submitted.glob(pattern) if p.is_dir())
    if not folders:
        who = f"learner '{student}'" if student else "any learner"
        raise NothingToRepairError(
            f"No submission of {module} from {who} under {submitted}. Run `nbgrader collect` first."
        )
    return {folder.parent.name: repair_submission(folder, reference) for folder in folders}
