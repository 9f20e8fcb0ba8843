"""Repair a collected submission before nbgrader's autograde sees it.

nbgrader breaks on submissions that learners produce without meaning to: a deleted graded cell
leaves its grade stuck (#1682) and ``add_missing_cells`` crashes when the cell before it is
read-only; duplicated grade ids crash autograde (#1083); a notebook that is not JSON fails the
whole learner. In this course every cell is read-only and every answer lives in
``responses.json``, so the notebook carries nothing of the learner's that the release does not
have. The repair therefore puts the notebook back into the release's shape, cell by cell, and
rescues what it can of ``responses.json``. It runs on ``submitted/<student>/<module>/`` (what
``nbgrader collect`` wrote), before autograde, and returns plain notes an instructor can read;
the notes are also written to ``repair-notes.txt`` in the submission folder.

Nothing is thrown away: a file that has to be replaced is kept beside it under a new name that
nbgrader does not grade (``*.unreadable``, ``responses.damaged-*.json``).
"""

from __future__ import annotations

import copy
import re
from collections import defaultdict
from datetime import datetime
from pathlib import Path

import nbformat

from ..kit.store import FILENAME
from .rescue import aside, repair_responses

NOTES_FILE = "repair-notes.txt"
#: Files a submission may hold besides the module's notebook.
EXPECTED = {FILENAME, NOTES_FILE, "timestamp.txt", "submission_secret.txt"}
_REGION = re.compile(
    r"^[ \t]*### BEGIN (HIDDEN TESTS|SOLUTION)\b.*?^[ \t]*### END \1\b[^\n]*\n?",
    re.MULTILINE | re.DOTALL,
)
_MARK_SCHEME = re.compile(r"=== BEGIN MARK SCHEME ===.*?=== END MARK SCHEME ===", re.DOTALL)


def repair_submission(submitted_notebook_dir: Path | str, release_or_source_notebook: Path | str):
    """Repair one learner's submission folder in place; return what was repaired, in words.

    ``submitted_notebook_dir`` is ``submitted/<student>/<module>/``; the second argument is the
    module's release notebook (or its source notebook: hidden tests, solutions and mark schemes
    are stripped from anything copied out of it). An empty list means nothing needed repair.
    """
    folder = Path(submitted_notebook_dir)
    reference = _public(nbformat.read(str(release_or_source_notebook), as_version=4))
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
    cells, notes = _reconcile(submitted.cells, reference.cells)
    if problem:
        notes.insert(0, f"The notebook {path.name} {problem}; it was read anyway.")
    if notes:
        submitted.cells = cells
        submitted.nbformat, submitted.nbformat_minor = reference.nbformat, reference.nbformat_minor
        submitted.metadata["kernelspec"] = copy.deepcopy(reference.metadata.get("kernelspec", {}))
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


def _grade_id(cell: dict) -> str | None:
    meta = cell.get("metadata", {}).get("nbgrader", {})
    return meta.get("grade_id") if isinstance(meta, dict) else None


def _key(cell: dict) -> str:
    return _grade_id(cell) or f"id:{cell.get('id', '')}"


def _reconcile(cells: list, ref_cells: list) -> tuple[list, list[str]]:
    """The submitted cells in the release's order and shape, plus notes on what changed."""
    ref = {_key(c): c for c in ref_cells}
    kept: dict[str, dict] = {}
    extras: dict[str | None, list] = defaultdict(list)
    duplicates: list[str] = []
    anchor = None
    for cell in cells:
        key = _key(cell)
        if key in ref and key in kept:
            duplicates.append(key)
        elif key in ref:
            kept[key], anchor = cell, key
        else:
            extras[anchor].append(cell)
    notes = [f"Duplicated cell '{k}' removed; the first copy was kept." for k in duplicates]
    out, missing, restored = [], [], []
    out += [_extra(c, notes) for c in extras[None]]
    for key, ref_cell in ref.items():
        cell = kept.get(key)
        if cell is None:
            missing.append(key)
            out.append(copy.deepcopy(ref_cell))
        else:
            fixed, changed = _restore(cell, ref_cell)
            out.append(fixed)
            if changed:
                restored.append(f"'{key}' ({changed})")
        out += [_extra(c, notes) for c in extras[key]]
    if missing:
        notes.append(
            "Deleted cells put back from the course's copy: "
            + ", ".join(f"'{k}'" for k in missing)
            + "."
        )
    if restored:
        notes.append("Read-only cells put back as the course wrote them: " + ", ".join(restored))
    _unique_ids(out)
    return out, notes


def _restore(cell: dict, ref_cell: dict) -> tuple[dict, str | None]:
    """``cell`` if it matches the release, else the release's cell (a solution cell keeps the
    learner's text); the second value says what had changed."""
    changed = []
    if cell.get("cell_type") != ref_cell.cell_type:
        changed.append(f"its type was changed to {cell.get('cell_type')}")
    meta = ref_cell.metadata.get("nbgrader", {})
    if cell.get("metadata", {}).get("nbgrader") != meta:
        changed.append("its grading settings were changed")
    if meta.get("solution"):
        if not changed:
            return cell, None
        fixed = copy.deepcopy(ref_cell)
        fixed.source = cell.get("source", "")
        return fixed, " and ".join(changed)
    if cell.get("source") != ref_cell.source:
        changed.append("its text was edited")
    if not changed:
        return cell, None
    return copy.deepcopy(ref_cell), " and ".join(changed)


def _extra(cell: dict, notes: list[str]) -> nbformat.NotebookNode:
    """A cell the course did not write. Learners never type code, so a code cell is kept as
    text for the grader and never run (it could loop forever or print without end)."""
    source = cell.get("source", "")
    source = "".join(source) if isinstance(source, list) else str(source)
    if cell.get("cell_type") == "code":
        notes.append(
            "A code cell added to the notebook was kept as text and not run "
            f"(it begins: {source.strip()[:60]!r})."
        )
        fence = "`" * max(3, 1 + max((len(m) for m in re.findall(r"`+", source)), default=0))
        return nbformat.v4.new_markdown_cell(
            "*A code cell added by the learner, shown here and not run:*\n\n"
            f"{fence}\n{source}\n{fence}"
        )
    if cell.get("cell_type") == "markdown":
        return nbformat.v4.new_markdown_cell(source)
    return nbformat.v4.new_raw_cell(source)


def _unique_ids(cells: list) -> None:
    seen: set[str] = set()
    for n, cell in enumerate(cells):
        cid = cell.get("id")
        if not cid or cid in seen:
            cid = f"added-{n:03d}"
            while cid in seen:
                cid += "x"
            cell["id"] = cid
        seen.add(cid)


def _public(nb: nbformat.NotebookNode) -> nbformat.NotebookNode:
    """What of ``nb`` a learner may hold: no hidden tests, solutions or mark schemes, no
    outputs (a no-op on a release notebook)."""
    nb = copy.deepcopy(nb)
    for cell in nb.cells:
        cell.source = _MARK_SCHEME.sub("", _REGION.sub("", cell.source))
        if cell.cell_type == "code":
            cell.outputs, cell.execution_count = [], None
    return nb


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


def repair_module(course: Path, module: str, student: str | None = None) -> dict[str, list[str]]:
    """Repair every collected submission of ``module`` (or one learner's): notes per learner."""
    from ..errors import NothingToRepairError

    release = course / "release" / module / f"{module}.ipynb"
    reference = release if release.is_file() else course / "source" / module / f"{module}.ipynb"
    submitted = course / "submitted"
    pattern = f"{student}/{module}" if student else f"*/{module}"
    folders = sorted(p for p in submitted.glob(pattern) if p.is_dir())
    if not folders:
        who = f"learner '{student}'" if student else "any learner"
        raise NothingToRepairError(
            f"No submission of {module} from {who} under {submitted}. Run `nbgrader collect` first."
        )
    return {folder.parent.name: repair_submission(folder, reference) for folder in folders}
