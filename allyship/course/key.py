"""The answer key, read from ``source/`` (the one place answers live; never typed twice).

``answer_key`` returns an object of the same shape as ``responses.json`` that earns full
autograded marks: each graded question's expected option(s), read from the
``check_choice``/``check_choices`` calls in its test cell, and for each reflection a short
placeholder that satisfies the automatic "written" check (the reflection itself is graded by a
person against the rubric, so no text can be "the answer").
"""

from __future__ import annotations

import ast
from pathlib import Path

from ..errors import AnswerKeyError
from ..kit.store import Value

#: the kit's check functions, as they appear in test cells
CHECKS = {"check_choice", "check_choices", "check_written", "check_answered"}
REFLECTION_PLACEHOLDER = (
    "Answer-key placeholder. A person grades reflections against the rubric; this text only "
    "completes the automatic check that the box is not empty."
)


def answer_key(notebook_path: Path) -> dict[str, Value]:
    """Read ``notebook_path`` (a source notebook) and return its key."""
    import nbformat  # here, not at the top: the report reads keys through this module as JSON

    try:
        nb = nbformat.read(str(notebook_path), as_version=4)
    except FileNotFoundError as exc:
        raise AnswerKeyError(f"The source notebook {notebook_path} does not exist.") from exc
    except Exception as exc:  # nbformat raises several kinds for a file that is not a notebook
        raise AnswerKeyError(f"{notebook_path} could not be read as a notebook ({exc}).") from exc
    return key_of(nb.cells)


def key_of(cells) -> dict[str, Value]:
    """The key stated by the graded test cells among ``cells`` (nbformat's cells, or dicts with
    ``cell_type``, ``metadata`` and ``source`` as one string: :mod:`allyship.instructor.source_json`
    reads a notebook as plain JSON and gives its cells here)."""
    key: dict[str, Value] = {}
    for cell in cells:
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


def _literal(node: ast.expr, meta: dict) -> Value:
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
