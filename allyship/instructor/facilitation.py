"""The facilitator kit: for each module, goals, a 60- and a 90-minute session plan, discussion
prompts and safety notes.

Goals are read from the module's own "Learning objectives" cell in ``source/`` (one source of
truth); the short fallbacks below are used only where a module's source is missing. The plans,
prompts and notes are the course's own words. They state no facts about Indigenous peoples beyond
what the modules' cited readings already teach: a facilitator points to the readings instead.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import nbformat

from ..course.layout import list_modules, source_notebook
from ..course.support import SUPPORT_MARKDOWN
from .facilitation_plans import CONTENT, GENERAL_SAFETY, PLANS


@dataclass
class ModuleGuide:
    number: str
    title: str
    focus: str
    activity: str
    goals: list[str]
    prompts: list[str]
    safety: list[str]


def _objectives(course: Path | None, number: str) -> tuple[str | None, list[str]]:
    """(title, objectives) from the module's source notebook, or (None, []) if not found."""
    if course is None or not (course / "source").is_dir():
        return None, []
    module = next((m for m in list_modules(course) if m.startswith(f"{number}_")), None)
    if module is None:
        return None, []
    try:
        nb = nbformat.read(str(source_notebook(course, module)), as_version=4)
    except Exception:  # noqa: BLE001 - a damaged source falls back to the guide's own goals
        return None, []
    title, goals = None, []
    for cell in nb.cells:
        gid = cell.get("metadata", {}).get("nbgrader", {}).get("grade_id")
        if gid == "title":
            title = cell.source.strip().splitlines()[0].lstrip("# ").strip()
        elif gid == "objectives":
            goals = _numbered(cell.source)
    return title, goals


def _numbered(markdown: str) -> list[str]:
    """The items of a numbered Markdown list, each joined onto one line."""
    items: list[str] = []
    for line in markdown.splitlines():
        match = re.match(r"^\s*\d+\.\s+(.*)", line)
        if match:
            items.append(match.group(1).strip())
        elif items and line.startswith(" ") and line.strip():
            items[-1] += " " + line.strip()
    return items


def module_guide(number: str, course: Path | None = None) -> ModuleGuide:
    """One module's guide: goals from its source when present, the rest from :data:`CONTENT`."""
    title, focus, activity, fallback, prompts, safety = CONTENT[number]
    found_title, goals = _objectives(course, number)
    return ModuleGuide(
        number,
        found_title or f"Module {number} \u2014 {title}",
        focus,
        activity,
        goals or fallback,
        prompts,
        safety,
    )


def session_plan(guide: ModuleGuide, minutes: int) -> list[tuple[str, int, str]]:
    """The plan as (start-end, minutes, what happens) rows; the parts add up to ``minutes``."""
    rows, start = [], 0
    for length, what in PLANS[minutes]:
        rows.append(
            (
                f"{start}\u2013{start + length}",
                length,
                what.format(focus=guide.focus, activity=guide.activity),
            )
        )
        start += length
    return rows


def guide_markdown(guide: ModuleGuide) -> str:
    """One module's guide as Markdown (the notebook shows it; the HTML guide is built from it)."""
    blocks = [f"## {guide.title}", "### Goals"]
    blocks.append("\n".join(f"{n}. {g}" for n, g in enumerate(guide.goals, 1)))
    for minutes in PLANS:
        rows = ["| time (min) | length | what happens |", "|---|---|---|"]
        rows += [f"| {span} | {n} | {what} |" for span, n, what in session_plan(guide, minutes)]
        blocks += [f"### {minutes}-minute session", "\n".join(rows)]
    blocks.append("### Discussion prompts")
    blocks.append("\n".join(f"{n}. {p}" for n, p in enumerate(guide.prompts, 1)))
    blocks.append("### Safety notes for this module")
    blocks.append("\n".join(f"- {s}" for s in guide.safety))
    blocks.append("The safety notes for every session, and the support lines, apply as well.")
    return "\n\n".join(blocks)


def general_markdown() -> str:
    """The notes that hold in every session, and the support lines to give out."""
    notes = "\n".join(f"- {s}" for s in GENERAL_SAFETY)
    return f"## Safety notes for every session\n\n{notes}\n\n{SUPPORT_MARKDOWN}"


def guide_html(course: Path | None = None) -> str:
    """The whole guide as one printable HTML page (no scripts, nothing fetched)."""
    import mistune  # nbconvert's Markdown renderer, already installed with it

    parts = ["# Facilitator guide: the allyship course", general_markdown()]
    parts += [guide_markdown(module_guide(n, course)) for n in CONTENT]
    body = mistune.html("\n\n".join(parts))
    return (
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
        "<title>Facilitator guide: the allyship course</title><style>body{font-family:"
        "sans-serif;max-width:52em;margin:2em auto;line-height:1.5}table{border-collapse:"
        "collapse}td,th{border:1px solid #999;padding:.3em .6em;text-align:left}</style>"
        f"</head><body>\n{body}</body></html>\n"
    )
