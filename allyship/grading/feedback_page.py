"""The learner's feedback page, written by ``nbgrader generate_feedback``.

nbgrader's own feedback page is the autograded notebook printed whole: every cell's code, the
reflection tasks' mark schemes (which ``OverwriteCells`` restores from the gradebook), a row per
test cell ("Test cell (Score 0.0/2.0)") that never says which question it grades, and outputs in
``<pre>`` blocks that run off the side of the page. This page is built instead from what the
course knows about each item, through nbgrader's own hooks (``nbgrader_config.py``):

* :class:`FeedbackPage`, a ``GenerateFeedback`` preprocessor after nbgrader's ``GetGrades``,
  gathers each graded item in notebook order: its name ("Question 3", from the kit's strings),
  the answer the learner gave (the kit's widgets record it under autograde, as data, in their
  output: :data:`allyship.kit.widgets.base.ANSWER_MIME`), whether it is right, in words, the
  points, and for a reflection its paragraphs, the grader's rubric score and comment;
* :class:`FeedbackExporter`, the ``GenerateFeedback.exporter_class``, renders only that with
  ``templates/allyship_feedback/index.html.j2``: no cell, no code, no mark scheme, no script
  (JupyterLab's HTML viewer shows it fully without "Trust HTML"), and text that wraps.

It never holds the expected answer: the widgets record what was given, the gradebook the
points. ``ScrubHiddenTests`` still runs first, for any template that prints code.
"""

from __future__ import annotations

import re
from pathlib import Path

import mistune
from nbconvert.exporters import TemplateExporter
from nbconvert.preprocessors import Preprocessor
from traitlets import Bool, default

from ..course.placeholders import notebook_language
from ..course.rubric import RUBRIC_POINTS, criterion_scores, edition
from ..kit.store import FILENAME
from ..kit.strings import in_language, item_label, t
from ..kit.text import escape, word_count
from ..kit.widgets.base import ANSWER_MIME

TEMPLATES = Path(__file__).resolve().parent / "templates"
#: Markdown for the grader's comments and cells added by hand; any raw HTML in them is escaped
markdown = mistune.create_markdown(escape=True)


class FeedbackExporter(TemplateExporter):
    """HTML with the course's feedback template. Its own class, so the ``HTMLExporter``
    settings nbgrader gives formgrader and its own feedback template do not reach it."""

    export_from_notebook = None  # not offered in JupyterLab's "Save and Export As"
    output_mimetype = "text/html"

    @default("file_extension")
    def _file_extension_default(self) -> str:
        return ".html"

    @default("template_name")
    def _template_name_default(self) -> str:
        return "allyship_feedback"

    @default("extra_template_basedirs")
    def _extra_template_basedirs_default(self) -> list[str]:
        return [str(TEMPLATES)]


class FeedbackPage(Preprocessor):
    """Gather the page's items into ``resources["allyship"]`` (see the module doc)."""

    enabled = Bool(True, help="On by default: nbgrader registers preprocessors disabled.").tag(
        config=True
    )

    def preprocess(self, nb, resources):
        grading = resources.get("nbgrader", {})
        language = notebook_language(nb)
        with in_language(language):
            resources["allyship"] = page(nb, grading, pending=self._pending(nb, grading))
        resources["allyship"]["lang"] = language
        return nb, resources

    def _pending(self, nb, grading: dict) -> set[str]:
        """grade ids a person has still to grade (nbgrader's ``needs_manual_grade``)."""
        if "db_url" not in grading:
            return set()
        from nbgrader.api import Gradebook, MissingEntry

        ids = [c.metadata.nbgrader.grade_id for c in nb.cells if _meta(c).get("task")]
        pending = set()
        with Gradebook(grading["db_url"]) as gb:
            for gid in ids:
                try:
                    grade = gb.find_grade(
                        gid, grading["notebook"], grading["assignment"], grading["student"]
                    )
                except MissingEntry:
                    continue
                if grade.needs_manual_grade:
                    pending.add(gid)
        return pending


def page(nb, grading: dict, pending: set[str] = frozenset()) -> dict:
    """Everything the template shows, every sentence already in the course's words."""
    answers, grades, notices, added = {}, {}, [], []
    for cell in nb.cells:
        meta = _meta(cell)
        if not meta:  # not the course's: the grading guard kept it as text, never ran it
            added.append(
                markdown(cell.source) if cell.cell_type == "markdown" else _pre(cell.source)
            )
        if meta.get("grade_id") == "setup":  # a damaged answers file is said here
            notices += [_plain(o) for o in cell.get("outputs", []) if _plain(o) not in READY]
        for output in cell.get("outputs", []):
            record = output.get("data", {}).get(ANSWER_MIME)
            if isinstance(record, dict) and record.get("id"):
                answers[record["id"]] = record
        if meta.get("grade") or meta.get("task"):
            item, _, part = meta.get("grade_id", "").partition("-")
            role = "task" if meta.get("task") else part or "check"
            grades.setdefault(item, {})[role] = {
                "score": meta.get("score"),
                "points": meta.get("points"),
                "comment": meta.get("comment"),
                "pending": meta.get("grade_id") in pending,
            }
    items = [_item(i, grades[i], answers.get(i, {})) for i in grades if i]
    late = float(grading.get("late_penalty") or 0)
    return {
        "title": t("page.title", module=_title(nb, grading.get("assignment", ""))),
        "intro": t("page.intro"),
        "total": t(
            "page.total",
            score=_num(grading.get("score", 0)),
            max_score=_num(grading.get("max_score", 0)),
        ),
        "late": t("page.late", penalty=_num(late)) if late > 0 else "",
        "notices": [n for n in notices if n],
        "items": items,
        "added": {"title": t("page.added_title"), "intro": t("page.added_intro"), "cells": added}
        if added
        else None,
        "rubric": _rubric() if any(i["kind"] == "reflection" for i in items) else None,
    }


def _item(item_id: str, grades: dict, record: dict) -> dict:
    label = record.get("label") or item_label(item_id)
    base = {"id": item_id, "label": label, "prompt": record.get("prompt", "")}
    if "task" in grades or record.get("kind") == "text":
        return {**base, **_reflection(record, grades)}
    check = grades.get("check") or next(iter(grades.values()))
    answer = record.get("answer")
    given = [answer] if isinstance(answer, str) else list(answer or [])
    given = [g for g in given if str(g).strip()]
    full = check["score"] is not None and float(check["score"]) >= float(check["points"] or 0)
    verdict = "right" if full else "wrong" if given else "none"
    words = {"right": "right", "wrong": "wrong", "none": "unanswered"}[verdict]
    return {
        **base,
        "kind": "question",
        "verdict": verdict,
        "verdict_word": t(f"page.{words}"),
        "verdict_why": t("check.incorrect", label=label)
        if verdict == "wrong"
        else t(f"page.{words}_why"),
        "points": _points(check),
        "answer_heading": t("page.your_answers" if len(given) > 1 else "page.your_answer"),
        "answers": given,
    }


def _reflection(record: dict, grades: dict) -> dict:
    text = record.get("answer") if isinstance(record.get("answer"), str) else ""
    task, written = grades.get("task"), grades.get("written") or grades.get("check")
    if task is None or task["pending"] or task["score"] is None:
        rubric = t("page.not_graded_yet")
    else:
        rubric = t("page.rubric_score", score=_num(task["score"]), points=_num(task["points"]))
    comment = (task or {}).get("comment") or ""
    criteria = _criteria(comment, task)
    if criteria:  # the score line is shown as the table: the comment keeps the rest
        comment = "\n".join(comment.strip().splitlines()[1:]).strip()
    return {
        "kind": "reflection",
        "alternative": record.get("alternative") or "",
        "alternative_heading": t("page.alternative"),
        "written_heading": t("page.you_wrote", words=word_count(text))
        if text.strip()
        else t("page.nothing_written"),
        "paragraphs": [p.strip("\n") for p in re.split(r"\n[ \t]*\n", text.strip()) if p.strip()],
        "rubric_score": rubric,
        "criteria": criteria,
        "criteria_caption": t("page.criteria_caption"),
        "written_check": t("page.written_check", **_parts(written)) if written else "",
        "comment_heading": t("page.comment") if comment.strip() else t("page.no_comment"),
        "comment_html": markdown(comment) if comment.strip() else "",
        "points": _points(task) if task and not task["pending"] else "",
    }


def _criteria(comment: str, task: dict | None) -> list[dict]:
    """The grader's score on each criterion, when the comment's first line gives all four and
    they add up to the reflection's score (otherwise the total alone is shown)."""
    rubric = edition()
    scores = criterion_scores(comment, rubric.SHORT) if task else None
    if not scores or task["pending"] or task["score"] is None:
        return []
    if abs(sum(scores) - float(task["score"])) > 1e-9:
        return []
    return [
        {"name": name, "score": score, "level": rubric.LEVELS[score]}
        for (name, _), score in zip(rubric.CRITERIA, scores, strict=True)
    ]


def _rubric() -> dict:
    rubric = edition()
    criteria = [
        {
            "name": name,
            "levels": [
                f"{level}: {text}" for level, text in zip(rubric.LEVELS, descriptors, strict=True)
            ],
        }
        for name, descriptors in rubric.CRITERIA
    ]
    return {
        "title": t("page.rubric_title"),
        "intro": t("page.rubric_intro", points=RUBRIC_POINTS),
        "criteria": criteria,
    }


def _points(grade: dict | None) -> str:
    return t("page.points", **_parts(grade)) if grade and grade["score"] is not None else ""


def _parts(grade: dict) -> dict:
    return {"score": _num(grade["score"] or 0), "points": _num(grade["points"] or 0)}


def _num(value) -> str:
    """2.0 -> "2", 1.5 -> "1.5": points as people write them."""
    return f"{float(value):g}"


def _title(nb, fallback: str) -> str:
    for cell in nb.cells:
        if cell.cell_type == "markdown":
            found = re.search(r"^#\s+(.+)$", cell.source, re.MULTILINE)
            if found:
                return found.group(1).strip()
    return fallback


def _pre(text: str) -> str:
    return f"<pre>{escape(text)}</pre>"


def _plain(output) -> str:
    """An output's text, as nbgrader stored it."""
    return str(output.get("data", {}).get("text/plain", output.get("text", ""))).strip()


#: the setup cell's sentence when all is well: not worth repeating on the page
READY = {t("store.ready", name=FILENAME)}


def _meta(cell) -> dict:
    return cell.get("metadata", {}).get("nbgrader", {}) or {}
