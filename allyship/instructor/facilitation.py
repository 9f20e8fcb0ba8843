"""The facilitator guide: for each module, goals, a 60- and a 90-minute session plan, discussion
prompts and safety notes, with who should facilitate and the notes for every session.

Goals are read from the module's own "Learning objectives" cell in ``source/`` (one source of
truth, through :mod:`allyship.instructor.module_text`); the short fallbacks in
:data:`CONTENT` are used only where a module's source is missing. The plans, prompts and notes
are the course's own words. They state no facts about Indigenous peoples beyond what the
modules' cited readings already teach: a facilitator points to the readings instead. The
session kit (:mod:`allyship.instructor.kit`) is built from the same objects.

Each edition has its guide: in French (the kit's current language ``"fr"``, or
``language="fr"``) the guide reads the French modules (``fr-01_...``), their start-here
notebook, :mod:`.facilitation_plans_fr`, ``facilitator/fr/`` and the French support lines. A
:class:`ModuleGuide` keeps its language, so its plan and its Markdown are always in it.
"""

from __future__ import annotations

import html
from dataclasses import dataclass
from pathlib import Path

from ..course.support import support_markdown
from ..errors import HandoutError
from ..kit.store import LANGUAGE_PREFIX
from ..kit.strings import current_language, in_language
from . import facilitation_plans, facilitation_plans_fr
from .facilitation_plans import CONTENT, GENERAL_SAFETY, PLANS  # noqa: F401 - the English ones
from .kit_text import kit_text
from .module_text import module_number, module_text
from .text import say, shown

#: each edition's plans, prompts and notes
PLAN_TEXTS = {"en": facilitation_plans, "fr": facilitation_plans_fr}


def plan_text(language: str | None = None):
    """The module holding ``PLANS``, ``CONTENT`` and ``GENERAL_SAFETY`` in ``language``
    (default: the kit's current language)."""
    return PLAN_TEXTS[language or current_language()]


@dataclass
class ModuleGuide:
    number: str
    title: str
    focus: str
    activity: str
    goals: list[str]
    prompts: list[str]
    safety: list[str]
    language: str = "en"

    @property
    def module(self) -> str:
        """The module as typed on the command line: ``01``, or ``fr-01`` in French."""
        return LANGUAGE_PREFIX.get(self.language, "") + self.number


@dataclass(frozen=True)
class Step:
    """One part of a session plan: a row of the guide's table, and one projector screen."""

    span: str  # "5\u201315"
    minutes: int
    kind: str  # welcome, recap, activity, break, discussion, practice, close
    what: str
    prompts: tuple[int, ...]  # the discussion prompts this step uses, numbered from 1


def _objectives(course: Path | None, number: str, language: str) -> tuple[str | None, list[str]]:
    """(title, objectives) from the module's source notebook, or (None, []) if not found."""
    if course is None or not (course / "source").is_dir():
        return None, []
    module = module_number(course, number, language)
    if module is None:
        return None, []
    try:
        text = module_text(course, module)
    except HandoutError:  # a damaged source falls back to the guide's own goals
        return None, []
    return text.title, text.goals


def module_guide(
    number: str, course: Path | None = None, language: str | None = None
) -> ModuleGuide:
    """One module's guide in ``language`` (default: the kit's current language): goals from
    that edition's module when present, the rest from its ``CONTENT``."""
    language = language or current_language()
    title, focus, activity, fallback, prompts, safety = plan_text(language).CONTENT[number]
    found_title, goals = _objectives(course, number, language)
    with in_language(language):
        fallback_title = say("guide.fallback_title", number=number, title=title)
    return ModuleGuide(
        number,
        found_title or fallback_title,
        focus,
        activity,
        goals or fallback,
        prompts,
        safety,
        language,
    )


def plan_steps(guide: ModuleGuide, minutes: int) -> list[Step]:
    """The plan's steps, with start\u2013end times; the parts add up to ``minutes``."""
    steps, start = [], 0
    for length, kind, what, prompts in plan_text(guide.language).PLANS[minutes]:
        text = what.format(focus=guide.focus, activity=guide.activity)
        steps.append(Step(f"{start}\u2013{start + length}", length, kind, text, prompts))
        start += length
    return steps


def session_plan(guide: ModuleGuide, minutes: int) -> list[tuple[str, int, str]]:
    """The plan as (start-end, minutes, what happens) rows; the parts add up to ``minutes``."""
    return [(s.span, s.minutes, s.what) for s in plan_steps(guide, minutes)]


def guide_markdown(guide: ModuleGuide) -> str:
    """One module's guide as Markdown, in its language (the notebook shows it; the HTML guide
    is built from it)."""
    with in_language(guide.language):
        blocks = [f"## {guide.title}", f"### {say('guide.goals')}"]
        blocks.append("\n".join(f"{n}. {g}" for n, g in enumerate(guide.goals, 1)))
        for minutes in plan_text().PLANS:
            rows = [say("guide.plan_columns"), "|---|---|---|"]
            rows += [f"| {span} | {n} | {what} |" for span, n, what in session_plan(guide, minutes)]
            blocks += [f"### {say('guide.session', minutes=minutes)}", "\n".join(rows)]
        blocks.append(f"### {say('guide.prompts')}")
        blocks.append("\n".join(f"{n}. {p}" for n, p in enumerate(guide.prompts, 1)))
        blocks.append(f"### {say('guide.safety')}")
        blocks.append("\n".join(f"- {s}" for s in guide.safety))
        blocks.append(say("guide.see_kit", module=guide.module))
    return "\n\n".join(blocks)


def general_safety_markdown() -> str:
    """The notes that hold in every session, and the support lines (current language)."""
    notes = "\n".join(f"- {s}" for s in plan_text().GENERAL_SAFETY)
    return f"## {say('guide.general_safety')}\n\n{notes}\n\n{support_markdown()}"


def general_markdown(language: str | None = None) -> str:
    """Who facilitates, the notes that hold in every session, and the support lines, in
    ``language`` (default: the kit's current language)."""
    with in_language(language or current_language()):
        return f"{kit_text('co_facilitation')}\n\n{general_safety_markdown()}"


def guide_html(course: Path | None = None, language: str | None = None) -> str:
    """The whole guide as one printable HTML page (no scripts, nothing fetched), in
    ``language`` (default: the kit's current language)."""
    import mistune  # nbconvert's Markdown renderer, already installed with it

    with in_language(language or current_language()):
        title = say("guide.title")
        parts = [f"# {title}", general_markdown()]
        parts += [guide_markdown(module_guide(n, course)) for n in plan_text().CONTENT]
        lang = current_language()
    body = mistune.html("\n\n".join(parts))
    return (
        f'<!DOCTYPE html>\n<html lang="{lang}"><head><meta charset="utf-8">'
        f"<title>{html.escape(title)}</title><style>body{{font-family:"
        "sans-serif;max-width:52em;margin:2em auto;line-height:1.5}table{border-collapse:"
        "collapse}td,th{border:1px solid #999;padding:.3em .6em;text-align:left}</style>"
        f"</head><body>\n{body}</body></html>\n"
    )


def show_cohort_table(frame, caption: str = "") -> None:
    """:func:`allyship.instructor.reports.show_table` with the columns named in the kit's
    current language (the frame keeps its own names, which other code reads)."""
    from IPython.display import display

    from .reports import SHOWN_PERCENT

    fmt = {k: v for k, v in SHOWN_PERCENT.items() if k in frame.columns}
    labels = [shown(str(c), "column") for c in frame.columns]
    styled = frame.style.format(fmt, na_rep="\u2013").relabel_index(labels, axis="columns")
    display(styled.set_caption(caption) if caption else styled)
