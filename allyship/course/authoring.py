"""Build module notebooks from Python: one small cell factory for modules and tests alike.

Module notebooks are built from the course text, ``course/en/NN_slug.md``, by
:mod:`allyship.course.build`, which calls these functions (one per kind of cell in the text); in
a notebook, answers live only in hidden tests. The factory saves an author from writing nbgrader
metadata by hand. Every cell it makes is
read-only for the learner (``locked``), and code cells have their code collapsed, so a learner
sees readings, questions and text boxes, never code.

Item cells come in fixed shapes, which ``allyship key`` and the tests rely on:

* graded question ``qN``: a widget cell (grade_id ``qN-ask``) and a test cell (grade_id ``qN``)
  whose visible line is ``check_answered("qN")`` and whose hidden region holds
  ``check_choice("qN", <answer>)`` or ``check_choices("qN", [<answers>])``;
* reflection ``rN``: a task cell (grade_id ``rN``, graded by a person against the rubric), the
  widget cell (``rN-ask``) and a 0-point completeness check (``rN-written``) for Validate;
* practice ``pN``, exercise ``eN`` and commitment ``cN``: a widget cell only (not graded).

Text cells carry fixed grade_ids so content checks can find them: ``title``, ``objectives``,
``reading-N``, ``rubric``, ``support``, ``summary``, ``sources``.
"""

from __future__ import annotations

import textwrap
from collections.abc import Sequence

import nbformat
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook

from ..kit.strings import current_language, t
from .rubric import RUBRIC_POINTS, edition
from .support import support_markdown

IMPORTS = (
    "from allyship import (\n"
    "    ActionPlan,\n    Choice,\n    LandRecord,\n    Practice,\n    Reflection,\n    Rewrite,\n"
    "    SelfAudit,\n"
    "    Consent,\n"
    "    check_answered,\n    check_choice,\n    check_choices,\n    check_written,\n"
    "    open_responses,\n)\n\nopen_responses({language})"
)


def _meta(grade_id: str, *, grade=False, solution=False, task=False, points=None) -> dict:
    meta = {
        "grade": grade,
        "grade_id": grade_id,
        "locked": True,
        "schema_version": 3,
        "solution": solution,
        "task": task,
    }
    if points is not None:
        meta["points"] = points
    return {"nbgrader": meta}


def _code(source: str, grade_id: str, **nbgrader: object) -> nbformat.NotebookNode:
    """A locked code cell, collapsed. JupyterLab still shows a collapsed cell's first line, so
    that line is a sentence for the learner rather than code."""
    kind = "setup" if grade_id == "setup" else "check" if nbgrader.get("grade") else "widget"
    note = "\n".join(f"# {line}" for line in textwrap.wrap(t(f"cell.{kind}"), 90))
    cell = new_code_cell(f"{note}\n{source}", metadata=_meta(grade_id, **nbgrader))
    cell.metadata["jupyter"] = {"source_hidden": True}
    return cell


def text(markdown: str, grade_id: str) -> nbformat.NotebookNode:
    """A read-only Markdown cell (a reading, a heading, a list of sources)."""
    return new_markdown_cell(markdown.strip("\n"), metadata=_meta(grade_id))


def setup() -> nbformat.NotebookNode:
    """The first code cell: import the kit and open this module's ``responses.json``."""
    language = current_language()
    return _code(
        IMPORTS.format(language="" if language == "en" else f"language={language!r}"), "setup"
    )


def _lit(value: object, indent: int = 4) -> str:
    """A Python literal laid out one item per line, so authors can read the cell."""
    pad = " " * indent
    if isinstance(value, (list, tuple)):
        inner = "".join(f"{pad}    {_lit(v, indent + 4)},\n" for v in value)
        return f"[\n{inner}{pad}]"
    return repr(value)


def _call(name: str, *args: object, **kwargs: object) -> str:
    lines = [f"    {_lit(a)}," for a in args]
    lines += [f"    {k}={_lit(v)}," for k, v in kwargs.items()]
    return f"{name}(\n" + "\n".join(lines) + "\n)"


def choice(
    item_id: str, prompt: str, options: Sequence[str], answer: str, *, points: float = 2
) -> list[nbformat.NotebookNode]:
    """A graded single-choice question: the widget, and its test with the answer hidden."""
    if answer not in options:
        raise ValueError(f"{item_id}: the answer {answer!r} is not one of the options")
    test = (
        f'check_answered("{item_id}")\n### BEGIN HIDDEN TESTS\n'
        f'check_choice("{item_id}", {answer!r})\n### END HIDDEN TESTS'
    )
    return [
        _code(_call("Choice", item_id, prompt, list(options)), f"{item_id}-ask"),
        _code(test, item_id, grade=True, points=points),
    ]


def choices(
    item_id: str,
    prompt: str,
    options: Sequence[str],
    answers: Sequence[str],
    *,
    points: float = 2,
) -> list[nbformat.NotebookNode]:
    """A graded select-all-that-apply question (all-or-nothing)."""
    if not set(answers) <= set(options):
        raise ValueError(f"{item_id}: every answer must be one of the options")
    test = (
        f'check_answered("{item_id}")\n### BEGIN HIDDEN TESTS\n'
        f'check_choices("{item_id}", {list(answers)!r})\n### END HIDDEN TESTS'
    )
    widget = _call("Choice", item_id, prompt, list(options), multiple=True)
    return [_code(widget, f"{item_id}-ask"), _code(test, item_id, grade=True, points=points)]


def practice(
    item_id: str,
    prompt: str,
    options: Sequence[tuple[str, bool, str]],
    *,
    multiple: bool = False,
) -> list[nbformat.NotebookNode]:
    """An ungraded question with an explanation for every option."""
    kwargs = {"multiple": True} if multiple else {}
    source = _call("Practice", item_id, prompt, [list(o) for o in options], **kwargs)
    return [_code(source, f"{item_id}-ask")]


def reflection(
    item_id: str,
    prompt: str,
    alternative: str,
    *,
    points: float = RUBRIC_POINTS,
    min_words: int = 1,
) -> list[nbformat.NotebookNode]:
    """A reflection graded by a person against the course rubric, with an alternative prompt."""
    task = t("task.reflection", id=item_id.upper(), points=f"{points:g}")
    task += "\n\n" + edition().MARK_SCHEME
    cells = [
        new_markdown_cell(task, metadata=_meta(item_id, task=True, points=points)),
        _code(_call("Reflection", item_id, prompt, alternative), f"{item_id}-ask"),
        _code(
            f'check_written("{item_id}", min_words={min_words})',
            f"{item_id}-written",
            grade=True,
            points=1,
        ),
    ]
    return cells


def rewrite(item_id: str, prompt: str, statement: str) -> list[nbformat.NotebookNode]:
    """The intentional-framing exercise: rewrite a statement, then self-check it (not graded)."""
    return [_code(_call("Rewrite", item_id, prompt, statement), f"{item_id}-ask")]


def commitment(item_id: str, prompt: str, alternative: str | None = None) -> list:
    """One small next action the learner commits to (saved, not graded; gathered by module 08
    and the learner's journal)."""
    source = _call("Reflection", item_id, prompt, alternative, rows=3)
    return [_code(source, f"{item_id}-ask")]


def rubric() -> nbformat.NotebookNode:
    """The published reflection rubric (the same in every module)."""
    return text(edition().rubric_markdown(), "rubric")


def support() -> nbformat.NotebookNode:
    """Support lines, for every module whose content may distress."""
    return text(support_markdown(), "support")


def notebook(cells: Sequence[nbformat.NotebookNode]) -> nbformat.NotebookNode:
    """A module notebook with a Python 3 kernel and stable cell ids (so releases never drift)."""
    nb = new_notebook(
        cells=list(cells),
        metadata={
            "kernelspec": {"display_name": "Python 3", "language": "python", "name": "python3"},
            "language_info": {"name": "python"},
        },
    )
    for n, cell in enumerate(nb.cells):
        gid = cell.metadata.get("nbgrader", {}).get("grade_id")
        cell["id"] = gid or f"cell-{n:02d}"
    return nb


# -- practice tools (modules 05, 07, 08): records that save several answers each --------------


def self_audit(take: int = 1) -> list[nbformat.NotebookNode]:
    """The everyday-practice self-audit: five ratings saved as ``a1``..``a5`` (``a1-2``.. for
    take 2, which shows the first take beside each question). Not graded; graders read it."""
    grade_id = "a-ask" if take == 1 else f"a-{take}-ask"
    return [_code(_call("SelfAudit", take=take), grade_id)]


def land_record(item_id: str, prompt: str) -> list[nbformat.NotebookNode]:
    """The land-acknowledgement research record (fields ``<id>-nations``, ``<id>-commitment``
    ...). Not graded (identity content never is); graders read it as text."""
    return [_code(_call("LandRecord", item_id, prompt), f"{item_id}-ask")]


def action_plan(item_id: str, prompt: str) -> list[nbformat.NotebookNode]:
    """The personal action plan, built from earlier modules' commitments. Not graded; graders
    read it as text."""
    return [_code(_call("ActionPlan", item_id, prompt), f"{item_id}-ask")]


# -- consent to share reflections in the anonymous cohort view (widgets/consent.py) -----------


def consent() -> list[nbformat.NotebookNode]:
    """The optional box that lets the facilitator's cohort view quote this module's reflections,
    unnamed (item ``share``, saved as "yes"/"no"; not graded). Place it after the reflections."""
    return [_code("Consent()", "share-ask")]
