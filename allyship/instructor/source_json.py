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

import ast
import json
from pathlib import Path

from ..errors import AnswerKeyError

#: the kit's check functions, as they appear in test cells (as in allyship.course.key)
CHECKS = {"check_choice", "check_choices", "check_written", "check_answered"}
#: what allyship.course.key gives each reflection (the written check's placeholder)
REFLECTION_PLACEHOLDER = (
    "Answer-key placeholder. A person grades reflections against the rubric; this text only "
    "completes the automatic check that the box is not empty."
)


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
    key: dict = {}
    for cell in found:
        meta = cell.get("metadata", {}).get("nbgrader", {})
        if cell.get("cell_type") != "code" or not meta.get("grade"):
            continue
        for name, args in _check_calls(cell["source"], meta.get("grade_id", "?")):
            item_id = _literal(args[0], meta)
            if name in ("check_choice", "check_choices"):
                key[item_id] = _literal(args[1], meta)
            elif name == "check_written":
                key.setdefault(item_id, REFLECTION_PLACEHOLDER)
    return key


def _check_calls(source: str, grade_id: str) -> list[tuple[str, list[ast.expr]]]:
    try:
        tree = ast.parse(source)
    except SyntaxError as exc:
        raise AnswerKeyError(
            f"The test cell '{grade_id}' is not valid Python ({exc.msg})."
        ) from exc
    calls = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name):
            if node.func.id in CHECKS and node.args:
                calls.append((node.func.id, node.args))
    return calls


def _literal(node: ast.expr, meta: dict):
    try:
        value = ast.literal_eval(node)
    except ValueError as exc:
        raise AnswerKeyError(
            f"The test cell '{meta.get('grade_id', '?')}' computes its answer instead of stating "
            "it; write the expected option text as a literal."
        ) from exc
    if isinstance(value, tuple):
        value = list(value)
    return value


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
