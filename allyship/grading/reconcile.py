"""Put a notebook back into the course's shape, cell by cell: the one implementation shared by
the repair step (:mod:`allyship.grading.repair`, on ``submitted/``) and the grading guard
(:mod:`allyship.grading.guard`, inside nbgrader's autograde, on every path).

In this course every cell is read-only and every answer lives in ``responses.json``, so a
learner's notebook holds nothing the release does not. :func:`reconcile` therefore keeps each
course cell as the course wrote it and turns everything else into text that never runs:

- a cell the course did not write (added; an unknown grade id; a Markdown cell turned into
  code) is kept as text: a code cell becomes a Markdown cell with a note and the code fenced;
- a course cell that was edited or retyped is put back as the course wrote it; when the
  learner's version was code the course did not write, it is kept after it, as text;
- of several cells carrying one course cell's id (a copy, or forged grading settings), the one
  that matches the course is the course's; an exact copy is dropped, any other kept as text.

Everything it writes is deterministic (cell ids included), so the two processes of
``allyship grade`` sanitize a submission to the same bytes.
"""

from __future__ import annotations

import copy
import re
from collections import defaultdict

import nbformat

ADDED = "*A code cell added by the learner, shown here and not run:*"
CHANGED = (
    "*A code cell the learner changed or copied from the course's cell '{key}', shown here and "
    "not run (the course's own cell is the one graded):*"
)
_REGION = re.compile(
    r"^[ \t]*### BEGIN (HIDDEN TESTS|SOLUTION)\b.*?^[ \t]*### END \1\b[^\n]*\n?",
    re.MULTILINE | re.DOTALL,
)
_MARK_SCHEME = re.compile(r"=== BEGIN MARK SCHEME ===.*?=== END MARK SCHEME ===", re.DOTALL)
_VALID_ID = re.compile(r"^[a-zA-Z0-9_-]{1,64}$")


def public(nb: nbformat.NotebookNode) -> nbformat.NotebookNode:
    """What of ``nb`` a learner may hold: no hidden tests, solutions or mark schemes, no
    outputs (a no-op on a release notebook)."""
    nb = copy.deepcopy(nb)
    for cell in nb.cells:
        cell.source = _MARK_SCHEME.sub("", _REGION.sub("", _text(cell)))
        if cell.cell_type == "code":
            cell.outputs, cell.execution_count = [], None
    return nb


def reconcile(
    nb: nbformat.NotebookNode, reference: nbformat.NotebookNode, *, restore_missing: bool = True
) -> list[str]:
    """Put ``nb`` into ``reference``'s shape, in place; return what changed, in words (an empty
    list: ``nb`` is untouched). ``reference`` is the release (see :func:`public`). With
    ``restore_missing`` a deleted course cell is put back too (the repair step); without it,
    nbgrader treats the deletion as it always does (the guard)."""
    cells, notes = _reconcile(nb.cells, reference.cells, restore_missing)
    if notes:
        nb.cells = cells
        nb.nbformat, nb.nbformat_minor = reference.nbformat, reference.nbformat_minor
        nb.metadata["kernelspec"] = copy.deepcopy(reference.metadata.get("kernelspec", {}))
    return notes


def _text(cell: dict) -> str:
    source = cell.get("source", "")
    return "".join(source) if isinstance(source, list) else str(source)


def _grade_id(cell: dict) -> str | None:
    meta = cell.get("metadata", {}).get("nbgrader", {})
    return meta.get("grade_id") if isinstance(meta, dict) else None


def _key(cell: dict) -> str:
    return _grade_id(cell) or f"id:{cell.get('id', '')}"


def _same(cell: dict, ref_cell: dict) -> bool:
    return (
        cell.get("cell_type") == ref_cell.cell_type
        and _text(cell) == ref_cell.source
        and cell.get("metadata", {}).get("nbgrader") == ref_cell.metadata.get("nbgrader", {})
    )


def _reconcile(cells: list, ref_cells: list, restore_missing: bool) -> tuple[list, list[str]]:
    """The submitted cells in the release's order and shape, plus notes on what changed."""
    ref = {_key(c): c for c in ref_cells}
    copies: dict[str, list] = defaultdict(list)
    for cell in cells:
        if _key(cell) in ref:
            copies[_key(cell)].append(cell)
    kept = {k: next((c for c in cs if _same(c, ref[k])), cs[0]) for k, cs in copies.items()}
    extras: dict[str | None, list] = defaultdict(list)  # (cell, the course cell it copies)
    duplicates: list[str] = []
    anchor = None
    for cell in cells:
        key = _key(cell)
        if key in ref and cell is kept[key]:
            anchor = key
        elif key in ref and _same(cell, ref[key]):
            duplicates.append(key)
        else:
            extras[anchor].append((cell, key if key in ref else None))
    notes = [f"Duplicated cell '{k}' removed; the first copy was kept." for k in duplicates]
    out, missing, restored = [], [], []
    out += [_extra(c, of, notes) for c, of in extras[None]]
    for key, ref_cell in ref.items():
        cell = kept.get(key)
        if cell is None:
            if restore_missing:
                missing.append(key)
                out.append(copy.deepcopy(ref_cell))
        else:
            fixed, changed = _restore(cell, ref_cell)
            out.append(fixed)
            if changed:
                restored.append(f"'{key}' ({changed})")
                if cell.get("cell_type") == "code" and _text(cell) != ref_cell.source:
                    out.append(_extra(cell, key, notes))
        out += [_extra(c, of, notes) for c, of in extras[key]]
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
    """``cell`` if it matches the release, else the release's cell (a Markdown solution cell
    keeps the learner's text; code is never the learner's); the second value says what had
    changed."""
    changed = []
    if cell.get("cell_type") != ref_cell.cell_type:
        changed.append(f"its type was changed to {cell.get('cell_type')}")
    meta = ref_cell.metadata.get("nbgrader", {})
    if cell.get("metadata", {}).get("nbgrader") != meta:
        changed.append("its grading settings were changed")
    if meta.get("solution") and ref_cell.cell_type == "markdown":
        if not changed:
            return cell, None
        fixed = copy.deepcopy(ref_cell)
        fixed.source = _text(cell)
        return fixed, " and ".join(changed)
    if _text(cell) != ref_cell.source:
        changed.append("its text was edited")
    if not changed:
        return cell, None
    return copy.deepcopy(ref_cell), " and ".join(changed)


def _extra(cell: dict, copies: str | None, notes: list[str]) -> nbformat.NotebookNode:
    """A cell the course did not write, as text. Learners never type code, so a code cell is
    kept for the grader to read and never run (it could read the course, loop or flood).
    ``copies`` names the course cell whose id it carried, if any."""
    source = _text(cell)
    if cell.get("cell_type") == "code":
        start = f"(it begins: {source.strip()[:60]!r})"
        if copies is None:
            notes.append(f"A code cell added to the notebook was kept as text and not run {start}.")
            note = ADDED
        else:
            notes.append(
                f"A changed copy of the course's cell '{copies}' was kept as text and not run "
                f"{start}."
            )
            note = CHANGED.format(key=copies)
        fence = "`" * max(3, 1 + max((len(m) for m in re.findall(r"`+", source)), default=0))
        out = nbformat.v4.new_markdown_cell(f"{note}\n\n{fence}\n{source}\n{fence}")
    elif cell.get("cell_type") == "markdown":
        out = nbformat.v4.new_markdown_cell(source)
    else:
        out = nbformat.v4.new_raw_cell(source)
    out["id"] = cell.get("id", "")  # kept when it is valid and unique (see _unique_ids)
    return out


def _unique_ids(cells: list) -> None:
    seen: set[str] = set()
    for n, cell in enumerate(cells):
        cid = cell.get("id")
        if not isinstance(cid, str) or not _VALID_ID.match(cid) or cid in seen:
            cid = f"added-{n:03d}"
            while cid in seen:
                cid += "x"
            cell["id"] = cid
        seen.add(cid)
