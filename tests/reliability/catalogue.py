"""The catalogue of bad submissions: how each is made from the learner's copy of module 01, and
what grading must make of it. docs/bad-submissions.md lists the same kinds in words.

Every learner answers from the key (``allyship key``), so a kind's expected scores show exactly
which answers it costs; ``lost`` names the test cells that score 0.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import nbformat

from ..helpers import REPO

MODULE = "01_what_is_allyship"
RELEASE = REPO / "release" / MODULE / f"{MODULE}.ipynb"
NOTEBOOK = f"{MODULE}.ipynb"
HUGE = 50 * 1024 * 1024
ACCENTED = "Réflexion écrite à l'hôpital, déjà partagée"


@dataclass
class Kind:
    name: str
    build: Callable[[Path, dict], None]  # (submission folder, answers) -> writes the files
    lost: set[str] | Callable[[set[str]], set[str]] = field(default_factory=set)  # cells at 0
    notes: tuple[str, ...] = ()  # fragments the repair notes must hold
    feedback: tuple[str, ...] = ()  # fragments the learner's feedback page must hold


def release() -> nbformat.NotebookNode:
    """A fresh copy of the learner's notebook (the course's release; see :func:`use_release`)."""
    return nbformat.read(str(_BASE[0]), as_version=4)


_BASE = [RELEASE]


def use_release(path: Path) -> None:
    """Build from ``path``: the batch uses the release its own course generated, which equals
    the committed release/ (tests/course/test_release.py checks that) even while an author is
    mid-edit."""
    _BASE[0] = path


def gid(cell) -> str:
    return cell.metadata.get("nbgrader", {}).get("grade_id", "")


def write_answers(folder: Path, answers: dict) -> None:
    (folder / "responses.json").write_text(json.dumps(answers, indent=1, sort_keys=True))


def with_notebook(change: Callable[[nbformat.NotebookNode], None]):
    """A kind whose notebook is the release changed by ``change``; answers as given."""

    def build(folder: Path, answers: dict) -> None:
        nb = release()
        change(nb)
        nbformat.write(nb, str(folder / NOTEBOOK))
        write_answers(folder, answers)

    return build


def with_responses(write: Callable[[Path, dict], None]):
    """A kind whose notebook is untouched and whose responses.json is written by ``write``."""

    def build(folder: Path, answers: dict) -> None:
        nbformat.write(release(), str(folder / NOTEBOOK))
        write(folder / "responses.json", answers)

    return build


def drop(*ids: str):
    return lambda nb: setattr(nb, "cells", [c for c in nb.cells if gid(c) not in ids])


def duplicate(*ids: str):
    def change(nb):
        cells = []
        for n, cell in enumerate(nb.cells):
            cells.append(cell)
            if gid(cell) in ids:
                twin = nbformat.from_dict(json.loads(json.dumps(cell)))
                twin["id"] = f"twin-{n}"  # JupyterLab's copy-paste gives a new cell id
                cells.append(twin)
        nb.cells = cells

    return change


def edit_locked(nb):
    for cell in nb.cells:
        if gid(cell) == "q1":
            cell.source = "pass  # edited in another editor"
        elif gid(cell) == "q1-ask":
            cell.source = cell.source.replace("Choice(", "Choice(  # changed\n", 1)
        elif gid(cell) == "reading-1":
            cell.source += "\n\nA sentence the learner typed into a reading."


def retype(nb):
    for n, cell in enumerate(nb.cells):
        if gid(cell) == "q4":
            nb.cells[n] = nbformat.v4.new_markdown_cell(cell.source, metadata=cell.metadata)
            nb.cells[n]["id"] = cell["id"]
        elif gid(cell) == "reading-2":
            nb.cells[n] = nbformat.v4.new_code_cell(cell.source, metadata=cell.metadata)
            nb.cells[n]["id"] = cell["id"]


def runaway(nb):
    """Code cells a learner added: one that never ends, one that floods its output."""
    at = {gid(c): n for n, c in enumerate(nb.cells)}
    nb.cells.insert(at["q2"] + 1, nbformat.v4.new_code_cell('print("flood " * 10**8)'))
    nb.cells.insert(at["q1"] + 1, nbformat.v4.new_code_cell("while True:\n    pass"))


def forged(nb):
    """A code cell carrying q2's grading settings, put before the real q2 (a copied metadata
    block: nbgrader would keep the last copy and run the other)."""
    at = {gid(c): n for n, c in enumerate(nb.cells)}
    cell = nbformat.v4.new_code_cell("while True:\n    pass  # forged")
    cell.metadata = json.loads(json.dumps(nb.cells[at["q2"]].metadata))
    nb.cells.insert(at["q2"], cell)


def shadowing_files(folder: Path, answers: dict) -> None:
    """Files the kernel would import from its folder before the course's own package."""
    nbformat.write(release(), str(folder / NOTEBOOK))
    (folder / "allyship.py").write_text('raise ImportError("a learner\'s allyship.py ran")\n')
    write_answers(folder, answers)


def truncated(path: Path, answers: dict) -> None:
    text = json.dumps(answers, indent=1, sort_keys=True)
    path.write_text(text[: text.index('"q5"') + 12])  # cut inside q5's answer


def as_list(path: Path, answers: dict) -> None:
    path.write_text(json.dumps(list(answers.values())))


def wrong_types(path: Path, answers: dict) -> None:
    path.write_text(json.dumps({**answers, "q1": 3, "q2": {"chosen": answers["q2"]}, "r1": None}))


def not_utf8(path: Path, answers: dict) -> None:
    text = json.dumps({**answers, "r1": ACCENTED}, ensure_ascii=False, sort_keys=True)
    path.write_bytes(text.encode("cp1252"))  # as an editor on Windows might save it


def zero_padded(size: int):
    def write(path: Path, answers: dict) -> None:
        write_answers(path.parent, answers)
        os.truncate(path, size)  # sparse: what a power cut can leave behind

    return write


def missing_responses(folder: Path, answers: dict) -> None:
    nbformat.write(release(), str(folder / NOTEBOOK))


def huge_notebook(folder: Path, answers: dict) -> None:
    nbformat.write(release(), str(folder / NOTEBOOK))
    os.truncate(folder / NOTEBOOK, HUGE)
    write_answers(folder, answers)


def not_json_notebook(folder: Path, answers: dict) -> None:
    (folder / NOTEBOOK).write_bytes(b"%PDF-1.4 this was saved from another program\n\xff\xfe")
    write_answers(folder, answers)


def missing_notebook(folder: Path, answers: dict) -> None:
    write_answers(folder, answers)


def extra_files(folder: Path, answers: dict) -> None:
    nbformat.write(release(), str(folder / NOTEBOOK))
    nbformat.write(release(), str(folder / "my notes.ipynb"))
    (folder / "photo.png").write_bytes(b"\x89PNG\r\n\x1a\n" + b"\x00" * 64)
    write_answers(folder, answers)


def ALL_QUESTIONS(cells: set[str]) -> set[str]:  # noqa: N802 - reads as a constant below
    return cells


def FROM_Q5(cells: set[str]) -> set[str]:  # noqa: N802
    """The test cells of items saved after q5 began (keys are saved in sorted order)."""
    return {c for c in cells if c >= "q5"}


KINDS = [
    Kind("deleted-graded-cell", with_notebook(drop("q3")), notes=("'q3'",)),
    Kind("deleted-reflection-cells", with_notebook(drop("r1", "r1-ask")), notes=("'r1-ask'",)),
    Kind(
        "duplicated-cells",
        with_notebook(duplicate("q2-ask", "q2")),
        notes=("Duplicated cell 'q2'",),
    ),
    Kind("edited-locked-cells", with_notebook(edit_locked), notes=("'q1' (its text was edited)",)),
    Kind("changed-cell-types", with_notebook(retype), notes=("'q4' (its type was changed",)),
    Kind("added-runaway-code", with_notebook(runaway), notes=("kept as text and not run",)),
    Kind(
        "forged-grading-settings",
        with_notebook(forged),
        notes=("A changed copy of the course's cell 'q2' was kept as text and not run",),
    ),
    Kind("files-that-shadow-the-kit", shadowing_files, notes=("allyship.py",)),
    Kind(
        "responses-missing", missing_responses, ALL_QUESTIONS, notes=("There is no responses.json",)
    ),
    Kind(
        "responses-truncated",
        with_responses(truncated),
        FROM_Q5,
        notes=("4 answers before the damage were recovered: q1, q2, q3, q4",),
    ),
    Kind(
        "responses-a-list",
        with_responses(as_list),
        ALL_QUESTIONS,
        notes=("holds a list",),
        feedback=("does not hold a set of answers",),
    ),
    Kind(
        "responses-wrong-value-types",
        with_responses(wrong_types),
        {"q1", "q2", "r1-written"},
        notes=("wrong kind", "q1, q2, r1"),
        feedback=("Some saved answers could not be read (q1, q2, r1)",),
    ),
    Kind(
        "responses-not-utf8",
        with_responses(not_utf8),
        notes=("not saved as UTF-8",),
        feedback=(ACCENTED,),
    ),
    Kind(
        "responses-zero-padded", with_responses(zero_padded(8 * 1024 * 1024)), notes=("zero bytes",)
    ),
    Kind(
        "responses-huge",
        with_responses(zero_padded(HUGE)),
        ALL_QUESTIONS,
        notes=("There is no responses.json",),
    ),
    Kind("notebook-huge", huge_notebook, notes=("was missing",)),
    Kind("notebook-not-json", not_json_notebook, notes=("could not be read",)),
    Kind("notebook-missing", missing_notebook, notes=("was missing",)),
    Kind("extra-files", extra_files, notes=("my notes.ipynb, photo.png",)),
]
