"""The facilitator's sheet for one module: who facilitates, the goals and timed plans, the
group's agreements to read out, the practice questions with the explanation for every option
(to read out after people have chosen), the reflection and commitment prompts for the quiet
writing, and the safety notes and support lines.

The module's part is read from its source notebook (:mod:`allyship.instructor.module_text`);
the plans and notes from the guide (:mod:`allyship.instructor.facilitation`). Only practice
questions are here, never a graded question or its answer. The sheet's own words are in
:mod:`.text` / :mod:`.text_fr`, in the kit's current language.
"""

from __future__ import annotations

import html

from ..kit.strings import current_language, item_label
from .facilitation import ModuleGuide, general_safety_markdown, guide_markdown
from .kit_text import kit_text
from .module_text import Agreements, ModuleText
from .paper import text_to_paper
from .sheets import SHEET
from .text import say

LETTERS = "ABCDEFGHIJKL"
TICK = "\u2713 "
EXTRA_STYLE = """<style>
.practice {{ break-inside: avoid-page; border: 1px solid #555; border-radius: 4px;
  padding: 4px 12px; margin: 12px 0; }}
.practice ol {{ list-style: none; padding-left: 0.2em; }}
.practice li {{ margin: 6px 0; }} .why {{ display: block; margin-left: 1.6em; font-style: italic; }}
.fits {{ font-weight: bold; }}
</style></head>"""


def _md(text: str) -> str:
    import mistune  # nbconvert's Markdown renderer, already installed with it

    return mistune.html(text)


def practice_html(text: ModuleText) -> str:
    """Every practice question of the module: options lettered, the fitting ones marked, and
    the explanation for each option, to read out."""
    parts = [
        f"<h2>{html.escape(say('readout.practice'))}</h2>",
        f"<p>{html.escape(say('readout.read_out'))}</p>",
    ]
    if not text.practice:
        parts.append(f"<p>{html.escape(say('readout.no_practice'))}</p>")
    for question in text.practice:
        how = say("readout.more_than_one") if question.multiple else ""
        options = "".join(
            f'<li><span class="{"fits" if o.correct else "other"}">{letter}. '
            f"{TICK if o.correct else ''}{html.escape(o.text)}</span>"
            f'<span class="why">{html.escape(o.why)}</span></li>'
            for letter, o in zip(LETTERS, question.options, strict=False)
        )
        parts.append(
            f'<section class="practice" id="{html.escape(question.item_id)}">'
            f"<h3>{html.escape(item_label(question.item_id))}{how}</h3>"
            f"<p>{html.escape(text_to_paper(question.prompt))}</p><ol>{options}</ol></section>"
        )
    return "\n".join(parts)


def prompts_html(text: ModuleText) -> str:
    """The module's reflection and commitment prompts, each with its alternative."""
    parts = [
        f"<h2>{html.escape(say('readout.prompts'))}</h2>",
        f"<p>{html.escape(say('readout.private'))}</p>",
    ]
    for prompt in [*text.reflections, *text.commitments]:
        alternative = (
            f"<p><em>{html.escape(say('readout.or'))}</em> "
            f"{html.escape(text_to_paper(prompt.alternative))}</p>"
            if prompt.alternative
            else ""
        )
        parts.append(
            f"<h3>{html.escape(item_label(prompt.item_id))}</h3>"
            f"<p>{html.escape(text_to_paper(prompt.prompt))}</p>{alternative}"
        )
    return "\n".join(parts)


def agreements_block(found: Agreements) -> str:
    items = "\n".join(f"{n}. {item}" for n, item in enumerate(found.items, 1))
    return (
        f"<h2>{html.escape(say('readout.agreements', heading=found.heading))}</h2>"
        f"{_md(found.intro)}{_md(items)}"
    )


def facilitator_html(guide: ModuleGuide, text: ModuleText, found: Agreements) -> str:
    """The whole facilitator sheet for one module, as one printable page."""
    plan = _md(guide_markdown(guide).split("\n\n", 1)[1])  # without its title: the h1 has it
    title = say("readout.title", title=guide.title)
    body = "\n".join(
        [
            f"<h1>{html.escape(title)}</h1>",
            _md(kit_text("co_facilitation")),
            plan,
            agreements_block(found),
            practice_html(text),
            prompts_html(text),
            _md(general_safety_markdown()),
        ]
    )
    sheet = SHEET.replace("</style></head>", "</style>" + EXTRA_STYLE, 1)
    return sheet.format(title=html.escape(title), body=body, lang=current_language())
