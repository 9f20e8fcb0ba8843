"""A synthetic cohort of collected submissions, answered through the kit's own file.

Each learner's folder under ``submitted/`` holds the module's release notebook, a
``responses.json`` built from ``allyship key`` (some questions answered with another of the
question's own options, some reflections left empty, as learners do) and a ``timestamp.txt``,
which is what ``nbgrader collect`` leaves. Used by the grading tests and by
``benchmarks/grade_benchmark.py``.
"""

from __future__ import annotations

import ast
import json
import random
import shutil
from pathlib import Path

import nbformat

from ..helpers import key, make_course, nbgrader

TIMESTAMP = "2026-11-20 10:00:00.000000 UTC"


def options(release_notebook: Path) -> dict[str, list[str]]:
    """Each question's options, read from its ``Choice(...)`` call in the release."""
    found = {}
    for cell in nbformat.read(str(release_notebook), as_version=4).cells:
        if cell.cell_type != "code" or "Choice(" not in cell.source:
            continue
        for node in ast.walk(ast.parse(cell.source)):
            if isinstance(node, ast.Call) and getattr(node.func, "id", "") == "Choice":
                item = ast.literal_eval(node.args[0])
                lists = [a for a in node.args[1:] if isinstance(a, (ast.List, ast.Tuple))]
                lists += [
                    k.value for k in node.keywords if isinstance(k.value, (ast.List, ast.Tuple))
                ]
                if lists:
                    found[item] = ast.literal_eval(lists[0])
    return found


def answers(answer_key: dict, opts: dict, rng: random.Random, wrong: float) -> dict:
    """The key, with each question wrong with probability ``wrong`` and each reflection
    empty with the same probability."""
    given = {}
    for item, value in answer_key.items():
        if item.startswith("q") and item in opts and rng.random() < wrong:
            others = [
                o for o in opts[item] if o not in (value if isinstance(value, list) else [value])
            ]
            given[item] = [others[0]] if isinstance(value, list) else rng.choice(others)
        elif item.startswith("r") and rng.random() < wrong:
            continue
        else:
            given[item] = value
    return given


def build_course(root: Path, modules: list[str]) -> Path:
    """A course copy with the modules generated (gradebook and release/)."""
    course = make_course(root, modules)
    for module in modules:
        nbgrader(course, "generate_assignment", module)
    return course


def submit(course: Path, module: str, learner: str, responses: dict | None) -> Path:
    """A collected submission: the release notebook, responses.json, timestamp.txt."""
    folder = course / "submitted" / learner / module
    folder.mkdir(parents=True, exist_ok=True)
    shutil.copy(course / "release" / module / f"{module}.ipynb", folder / f"{module}.ipynb")
    if responses is not None:
        (folder / "responses.json").write_text(json.dumps(responses, ensure_ascii=False))
    (folder / "timestamp.txt").write_text(TIMESTAMP)
    return folder


def cohort(course: Path, modules: list[str], learners: int, seed: int = 1, wrong: float = 0.3):
    """``learners`` submissions per module; returns {module: {learner: responses}}."""
    rng = random.Random(seed)
    made = {}
    for module in modules:
        answer_key = key(module, course)
        opts = options(course / "release" / module / f"{module}.ipynb")
        made[module] = {}
        for i in range(learners):
            learner = f"learner{i:03d}"
            given = answers(answer_key, opts, rng, wrong)
            submit(course, module, learner, given)
            made[module][learner] = given
    return made
