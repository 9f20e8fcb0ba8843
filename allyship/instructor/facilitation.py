"""The facilitator guide: for each module, goals, a 60- and a 90-minute session plan, discussion
prompts and safety notes, with who should facilitate and the notes for every session.

Goals are read from the module's own "Learning objectives" cell in ``source/`` (one source of
truth, through :mod:`allyship.instructor.module_text`); the short fallbacks in
:data:`CONTENT` are used only where a module's source is missing. The plans, prompts and notes
are the course's own words. They state no facts about Indigenous peoples beyond what the
modules' cited readings already teach: a facilitator points to the readings instead. The
session kit (:mod:`allyship.instructor.kit`) is built from the same objects.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ..course.support import SUPPORT_MARKDOWN
from ..errors import HandoutError
from .facilitation_plans import CONTENT, GENERAL_SAFETY, PLANS
from .kit_text import kit_text
from .module_text import module_number, module_text


@dataclass
class ModuleGuide:
    number: str
    title: str
    focus: str
    activity: str
    goals: list[str]
    prompts: list[str]
    safety: list[str]


@dataclass(frozen=True)
class Step:
    """One part of a session plan: a row of the guide's table, and one projector screen."""

    span: str  # "5\u201315"
    minutes: int
    kind: str  # welcome, recap, activity, break, discussion, practice, close
    what: str
    prompts: tuple[int, ...]  # the discussion prompts this step uses, numbered from 1


def _objectives(course: Path | None, number: str) -> tuple[str | None, list[str]]:
    """(title, objectives) from the module's source notebook, or (None, []) if not found."""
    if course is None or not (course / "source").is_dir():
        return None, []
    module = module_number(course, number)
    if module is None:
        return None, []
    try:
        text = module_text(course, module)
    except HandoutError:  # a damaged source falls back to the guide's own goals
        return None, []
    return text.title, text.goals


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


def plan_steps(guide: ModuleGuide, minutes: int) -> list[Step]:
    """The plan's steps, with start\u2013end times; the parts add up to ``minutes``."""
    steps, start = [], 0
    for length, kind, what, prompts in PLANS[minutes]:
        text = what.format(focus=guide.focus, activity=guide.activity)
        steps.append(Step(f"{start}\u2013{start + length}", length, kind, text, prompts))
        start += length
    return steps


def session_plan(guide: ModuleGuide, minutes: int) -> list[tuple[str, int, str]]:
    """The plan as (start-end, minutes, what happens) rows; the parts add up to ``minutes``."""
    return [(s.span, s.minutes, s.what) for s in plan_steps(guide, minutes)]


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
    blocks.append(
        "The safety notes for every session, and the support lines, apply as well. The "
        "practice questions with an explanation for every option, the agreements, the "
        "handouts and a projector view of this plan are in the session kit: "
        "`allyship kit " + guide.number + " --out kit`."
    )
    return "\n\n".join(blocks)


def general_markdown() -> str:
    """Who facilitates, the notes that hold in every session, and the support lines."""
    notes = "\n".join(f"- {s}" for s in GENERAL_SAFETY)
    return (
        f"{kit_text('co_facilitation')}\n\n## Safety notes for every session\n\n{notes}\n\n"
        f"{SUPPORT_MARKDOWN}"
    )


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
