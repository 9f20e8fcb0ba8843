"""A source notebook's answer key and questions, read as plain JSON for the report.

The report reads every module's key and options on each run. ``nbformat.read`` validates the
notebook against nbformat's schema, and importing nbformat imports jsonschema, whose format
checkers (``rfc3987_syntax``) build a grammar at import: two seconds before the report reads a
single row. The source notebooks are the course's own, written by nbformat and drift-checked
against ``course/`` (tests/course), so validating them again on every report buys nothing.

So the report reads their cells with :mod:`json` and applies the rules of
:func:`allyship.course.key.answer_key` to them (that module imports nbformat at its top, so it
cannot be imported here without the cost). A file that is not a version-4 notebook is read
through :func:`allyship.course.key.answer_key` itself, so it gets nbformat's conversion and its
errors. ``tests/analytics/test_source_json.py`` checks that this gives exactly what
``answer_key`` and nbformat give for every module in ``source/``.
"""

from __future__ import annotations

import json
from pathlib import Path

from ..course.key import key_of
from ..errors import AnswerKeyError


class NotVersion4(Exception):
    """The file is not an nbformat 4 notebook: read it with nbformat instead."""


def cells(notebook: Path) -> list[dict]:
    """The notebook's cells as dicts, each ``source`` joined into one string (as nbformat reads
    it). :class:`NotVersion4` when the file is not a version-4 notebook."""
    try:
        with open(notebook, "rb") as f:
            nb = json.loads(f.read())
    except FileNotFoundError as exc:
        raise AnswerKeyError(f"The source notebook {notebook} does not exist.") from exc
    except (OSError, ValueError) as exc:
        raise NotVersion4(str(exc)) from exc
    if not isinstance(nb, dict) or nb.get("nbformat") != 4 or not isinstance(nb.get("cells"), list):
        raise NotVersion4(str(notebook))
    out = []
    for cell in nb["cells"]:
        if not isinstance(cell, dict):
            raise NotVersion4(str(notebook))
        source = cell.get("source", "")
        if isinstance(source, list):
            source = "".join(source)
        out.append({**cell, "source": source})
    return out


def answer_key(notebook: Path) -> dict:
    """What :func:`allyship.course.key.answer_key` gives for ``notebook``."""
    try:
        found = cells(Path(notebook))
    except NotVersion4:
        from ..course.key import answer_key as by_nbformat

        return by_nbformat(Path(notebook))
    return key_of(found)


def code_cells(notebook: Path) -> list[tuple[str, str]]:
    """(grade id, source) of each code cell, read as JSON (nbformat for another version)."""
    try:
        found = cells(notebook)
    except NotVersion4:
        import nbformat

        found = nbformat.read(str(notebook), as_version=4).cells
    return [
        (cell.get("metadata", {}).get("nbgrader", {}).get("grade_id", ""), cell["source"])
        for cell in found
        if cell.get("cell_type") == "code"
    ]
