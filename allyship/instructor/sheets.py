"""The kit's printed sheets for the room: the group's agreements, a sign-in sheet that asks
only for a name (optional), an anonymous session evaluation form, and the statements to
rewrite (module 01's activity).

Each function returns one self-contained HTML page for A4 (no scripts, nothing fetched). The
sheets' own words are in ``facilitator/*.md`` (``facilitator/fr/*.md`` in French) and in
:mod:`.text`; everything about a module (its title, goals, statements) is read from the module
by :mod:`allyship.instructor.module_text`. Each sheet is in the kit's current language, which
the kit sets from the module (:func:`allyship.instructor.kit.module_pieces`).
"""

from __future__ import annotations

import html

from ..kit.strings import current_language
from .kit_text import bullets, kit_text, sections, title_and_body
from .module_text import Agreements, ModuleText
from .paper import text_to_paper
from .text import say

SHEET = """<!DOCTYPE html>
<html lang="{lang}"><head><meta charset="utf-8"><title>{title}</title>
<style>
@page {{ size: A4; margin: 16mm 16mm; }}
body {{ font-family: "DejaVu Serif", Georgia, serif; font-size: 12pt; line-height: 1.4;
  max-width: 46em; margin: 0 auto; color: #000; }}
h1, h2, h3 {{ font-family: "DejaVu Sans", Arial, sans-serif; break-after: avoid; }}
h1 {{ font-size: 16pt; }} h2 {{ font-size: 13pt; margin: 0.9em 0 0.4em; }}
table {{ border-collapse: collapse; width: 100%; }}
th, td {{ border: 1px solid #555; padding: 4px 8px; text-align: left; vertical-align: top; }}
tr {{ break-inside: avoid; }}
.signin td {{ height: 7.4mm; padding: 0 8px; }} .signin .n {{ width: 3em; text-align: right; }}
.scale {{ table-layout: fixed; font-size: 11pt; }} .scale th.box, .scale td.box {{ width: 3.8em;
  text-align: center; vertical-align: middle; padding: 2px; }}
.scale td.group {{ font-weight: bold; background: #eee; }}
.box {{ font-family: "DejaVu Sans", sans-serif; font-size: 1.3em; }}
.lines div {{ border-bottom: 1px solid #999; height: 1.9em; }}
.question {{ break-inside: avoid; margin: 12px 0; }}
.statements li {{ margin: 4px 0; font-size: 1.05em; }}
.large {{ font-size: 16pt; line-height: 1.45; }} .large li {{ margin: 0.35em 0; }}
.note {{ font-style: italic; }}
</style></head>
<body>
{body}
</body></html>
"""

BOX = '<span class="box" aria-hidden="true">\u2610</span>'


def _markdown(text: str) -> str:
    import mistune  # nbconvert's Markdown renderer, already installed with it

    return mistune.html(text)


def page(title: str, body: str) -> str:
    return SHEET.format(title=html.escape(title), body=body, lang=current_language())


def _lines(n: int) -> str:
    return '<div class="lines">' + "<div></div>" * n + "</div>"


def agreements_html(found: Agreements, module_title: str | None = None) -> str:
    """The group's agreements in large type, for the wall or to read out (one page)."""
    head = f"<h1>{html.escape(found.heading)}</h1>"
    if module_title:
        head += f"<p>{html.escape(module_title)}</p>"
    items = "\n".join(f"{n}. {item}" for n, item in enumerate(found.items, 1))
    body = f'{head}<div class="large">{_markdown(items)}</div>{_markdown(found.intro)}'
    return page(found.heading, body)


def sign_in_html(module_title: str, rows: int) -> str:
    """A numbered list of rows with one column to fill in: a name, and only if one wishes."""
    title, intro = title_and_body(kit_text("sign_in"))
    cells = "".join(f'<tr><td class="n">{n}</td><td></td></tr>' for n in range(1, rows + 1))
    table = (
        '<table class="signin"><thead><tr><th class="n"></th>'
        f"<th>{html.escape(say('sheet.name_column'))}</th></tr>"
        f"</thead><tbody>{cells}</tbody></table>"
    )
    heading = say("sheet.heading", title=title, module=module_title)
    body = f"<h1>{html.escape(heading)}</h1>{_markdown(intro)}{table}"
    return page(heading, body)


def evaluation_questions(
    goals: list[str],
) -> tuple[list[str], list[tuple[str, list[str]]], list[str]]:
    """(scale, groups of statements to rate, open questions) of the evaluation form: the
    module's goals, then the kit's statements about the session."""
    parts = sections(kit_text("evaluation"))
    goals_part, statements = (
        parts[say("section.evaluation.goals")],
        parts[say("section.evaluation.statements")],
    )
    lead, _, _ = goals_part.partition("\n")
    groups = [(lead.strip(), list(goals)), (statements.split("\n")[0].strip(), [])]
    groups[1][1].extend(bullets(statements))
    scale, questions = (
        parts[say("section.evaluation.scale")],
        parts[say("section.evaluation.questions")],
    )
    return bullets(scale), groups, bullets(questions)


def evaluation_html(module_title: str, goals: list[str]) -> str:
    """The anonymous session evaluation: statements to rate and open questions, no name asked
    and nothing that could tell who filled it in."""
    title, intro = title_and_body(sections(kit_text("evaluation"))[""])
    scale, groups, questions = evaluation_questions(goals)
    head = "".join(f'<th class="box">{html.escape(s)}</th>' for s in scale)
    boxes = "".join(f'<td class="box">{BOX}</td>' for _ in scale)
    rows = ""
    for lead, statements in groups:
        rows += f'<tr><td class="group" colspan="{len(scale) + 1}">{_inline(lead)}</td></tr>'
        rows += "".join(
            f'<tr><td class="question">{_inline(s)}</td>{boxes}</tr>' for s in statements
        )
    table = (
        f'<table class="scale"><thead><tr><th></th>{head}</tr></thead><tbody>{rows}</tbody></table>'
    )
    opens = "".join(
        f'<div class="question"><p><strong>{_inline(q)}</strong></p>{_lines(3)}</div>'
        for q in questions
    )
    heading = say("sheet.heading", title=title, module=module_title)
    body = f"<h1>{html.escape(heading)}</h1>{_markdown(intro)}{table}{opens}"
    return page(heading, body)


def statements_html(text: ModuleText) -> str:
    """The statements to rewrite, on one page for a pair: the module's own (from its exercise,
    practice questions and reflections) and the kit's examples, all written for the course;
    space for the pair's rewrite, and questions to check it."""
    parts = sections(kit_text("statements"))
    title, intro = title_and_body(parts[""])
    claims = text.claims() + bullets(parts[say("section.statements.examples")])
    framing = "".join(
        f"<p><strong>{html.escape(say('sheet.exercise_for_first'))}</strong> "
        f"{_inline(text_to_paper(r.prompt))}</p>"
        for r in text.rewrites[:1]
    )
    items = "".join(f"<li>{html.escape(say('sheet.quoted', text=c))}</li>" for c in claims)
    checks = "".join(
        f"<li>{_inline(c)}</li>" for c in bullets(parts[say("section.statements.check")])
    )
    heading = say("sheet.heading", title=title, module=text.title)
    body = (
        f"<h1>{html.escape(heading)}</h1>{_markdown(intro)}"
        f'<ol class="statements">{items}</ol><div class="note">{framing}</div>'
        f"<h2>{html.escape(say('sheet.your_rewrite'))}</h2>"
        f"<p>{_inline(parts[say('section.statements.rewrite')])}</p>"
        f"{_lines(4)}<h2>{html.escape(say('sheet.check_it'))}</h2><ul>{checks}</ul>"
    )
    return page(heading, body)


def _inline(text: str) -> str:
    """Markdown for one line, without the paragraph around it."""
    rendered = _markdown(text).strip()
    if rendered.startswith("<p>") and rendered.endswith("</p>"):
        rendered = rendered[3:-4]
    return rendered
