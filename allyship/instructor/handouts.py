"""Printable handouts: each module as one clean HTML page and a PDF, worded for paper.

Built from ``release/`` (never ``source/``), so nothing from hidden tests can reach paper. Code
cells disappear; each widget cell becomes printable text: the prompt, options with empty boxes,
and for reflections, exercises and commitments the prompt (and its alternative) followed by
ruled space to write. On-screen wording ("Press Run all", "submit through the Assignment List",
'press "Check my answer"') becomes paper wording (:mod:`allyship.instructor.paper`), and the
sharing box, which only the online course can use, is left out. Practice explanations stay out
(they would give the answers away on the page): the facilitator reads them out from the kit.

The **short** handout is what a workshop hands out: the title, objectives, practice questions,
exercises, the commitment, the summary and the support lines; not the readings, the graded
questions and reflections or the list of sources (those are in the full handout, and in the
module, as its last line says).

A handout is in its module's language (``fr-01_...`` is French): :func:`render_html` builds it
inside :func:`allyship.kit.strings.in_language`, so the widgets' labels, the paper wording, the
kit's texts and the page's ``lang`` are that edition's.
"""

from __future__ import annotations

import html
import re
import tempfile
from pathlib import Path

import nbformat

from ..errors import HandoutError
from ..kit.store import module_language
from ..kit.strings import current_language, in_language
from .kit_text import kit_text
from .paper import markdown_to_paper, text_to_paper
from .printing import print_pdf
from .text import say

__all__ = ["handout_notebook", "make_handouts", "print_pdf", "printable", "render_html"]

#: the Markdown cells a short handout keeps, by grade_id
SHORT_CELLS = ("title", "objectives", "support", "summary")
#: the widget cells a short handout keeps: practice, exercises, the first self-audit and the
#: commitment, which a session uses (not the graded questions and reflections, which are for
#: the online course, the second self-audit or the sharing box)
SHORT_ITEMS = re.compile(r"^(?:[pec]\d+|a)-ask$")
#: widget cells never printed: the sharing box works only in the online course
NOT_ON_PAPER = {"share-ask"}

PAGE = """<!DOCTYPE html>
<html lang="{lang}"><head><meta charset="utf-8"><title>{title}</title>
<style>
@page {{ size: A4; margin: 18mm 16mm; }}
body {{ font-family: "DejaVu Serif", Georgia, serif; font-size: 11.5pt; line-height: 1.45;
  max-width: 46em; margin: 0 auto; color: #000; }}
h1, h2, h3 {{ font-family: "DejaVu Sans", Arial, sans-serif; break-after: avoid; }}
a {{ color: #000; }} table {{ border-collapse: collapse; }}
td, th {{ border: 1px solid #777; padding: 3px 6px; vertical-align: top; }}
.item {{ border: 1px solid #555; border-radius: 4px; padding: 6px 12px; margin: 14px 0;
  break-inside: avoid; }}
.item ul.options {{ list-style: none; padding-left: 0.4em; }}
.item ul.options li {{ margin: 5px 0; padding-left: 1.8em; text-indent: -1.8em; }}
.box {{ font-family: "DejaVu Sans", sans-serif; font-size: 1.2em; }}
.lines {{ margin-top: 8px; }}
.lines div {{ border-bottom: 1px solid #999; height: 2em; }}
.hint {{ font-style: italic; }}
body.short {{ font-size: 10.5pt; line-height: 1.35; }}
.short .item {{ margin: 8px 0; padding: 4px 10px; }} .short .lines div {{ height: 1.8em; }}
.short .item ul.options li {{ margin: 3px 0; }}
</style></head>
<body class="{kind}">
{body}
</body></html>
"""


def _lines(n: int) -> str:
    return '<div class="lines">' + "<div></div>" * n + "</div>"


def _options(options: list[str]) -> str:
    boxes = "".join(
        f'<li><span class="box" aria-hidden="true">\u2610</span> {html.escape(o)}</li>'
        for o in options
    )
    return f'<ul class="options">{boxes}</ul>'


def _field_html(field) -> str:
    label = f"<p><strong>{html.escape(field.label)}</strong></p>"
    helptext = f'<p class="hint">{html.escape(field.help)}</p>' if field.help else ""
    if field.pairs:
        return label + helptext + _options([shown for shown, _ in field.pairs])
    return label + helptext + _lines(1 if field.kind == "line" else 4)


def printable(widget, short: bool = False) -> str:
    """A widget as printable HTML: what it asks, in paper wording, with boxes or ruled lines to
    answer on paper (fewer lines in the short handout)."""
    import ipywidgets as W

    from ..kit.strings import t
    from ..kit.widgets import Choice, Record, Reflection, Rewrite

    prompt = text_to_paper(widget.prompt)
    head = f"<p><strong>{html.escape(widget.label)}.</strong> {html.escape(prompt)}</p>"
    if isinstance(widget, Choice):
        hint = widget.group_hint()
        body = (f'<p class="hint">{html.escape(hint)}</p>' if hint else "") + _options(
            widget.options
        )
    elif isinstance(widget, Rewrite):
        body = f"<blockquote>{html.escape(widget.statement)}</blockquote>" + _lines(5)
    elif isinstance(widget, Reflection):
        body = ""
        if widget.alternative:
            body += (
                f"<p><em>{html.escape(t('hint.alternative'))}</em> "
                f"{html.escape(text_to_paper(widget.alternative))}</p>"
            )
        body += _lines(5 if widget.item_id.startswith("c") or short else 12)
    elif isinstance(widget, Record):
        body = "".join(_field_html(f) for f in widget.fields.values())
    elif isinstance(getattr(widget, "control", None), W.Checkbox):  # the consent box
        body = _options([widget.control.description])
    else:
        body = _lines(8)
    return f'<section class="item">{head}{body}</section>'


def _widget_for(source: str, namespace: dict):
    """Build the widget a cell shows, as the kernel would, without a kernel."""
    return eval(compile(source, "<handout cell>", "eval"), namespace)  # our own release/


def _short_summary(markdown: str) -> str:
    """The summary's points, without its later sections (the graded questions' reasoning)."""
    return re.split(r"^#{3,}\s", markdown, maxsplit=1, flags=re.M)[0].rstrip()


def handout_notebook(
    notebook: Path, short: bool = False
) -> tuple[nbformat.NotebookNode, dict[str, str]]:
    """The module in paper wording, code cells removed and each widget cell replaced by a
    placeholder line; returns it with the printable HTML for each placeholder (nbconvert
    escapes some tags in raw HTML, so the items go in after conversion)."""
    from ..kit import widgets
    from ..kit.store import ResponseStore

    nb = nbformat.read(str(notebook), as_version=4)
    cells, items = [], {}
    with tempfile.TemporaryDirectory() as scratch:
        store = ResponseStore(Path(scratch) / "responses.json")  # empty: blank answers
        namespace = {  # every widget class a module cell may name, saving to the blank store
            name: _with_store(cls, store)
            for name, cls in vars(widgets).items()
            if isinstance(cls, type) and issubclass(cls, widgets.Item)
        }
        for cell in nb.cells:
            gid = cell.metadata.get("nbgrader", {}).get("grade_id", "")
            if cell.cell_type == "markdown" and (not short or gid in SHORT_CELLS):
                source = _short_summary(cell.source) if short and gid == "summary" else cell.source
                cells.append(nbformat.v4.new_markdown_cell(markdown_to_paper(source)))
            elif cell.cell_type == "code" and gid.endswith("-ask") and gid not in NOT_ON_PAPER:
                if short and not SHORT_ITEMS.match(gid):
                    continue
                mark = f"HANDOUTITEM{len(items):03d}"
                widget = _widget_for(cell.source.strip(), namespace)
                items[mark] = printable(widget, short)
                cells.append(nbformat.v4.new_markdown_cell(mark))
    if short:
        cells.append(nbformat.v4.new_markdown_cell(kit_text("short_handout")))
    return nbformat.v4.new_notebook(cells=cells, metadata=nb.metadata), items


def _with_store(cls, store):
    def make(*args, **kwargs):
        return cls(*args, store=store, **kwargs)

    return make


def render_html(notebook: Path, short: bool = False, language: str | None = None) -> str:
    """One self-contained HTML page (nbconvert's basic template inside a print style sheet), in
    ``language`` (default: the module's, from the notebook's name)."""
    from nbconvert import HTMLExporter

    with in_language(language or module_language(notebook.stem)):
        exporter = HTMLExporter(template_name="basic", anchor_link_text="")
        handout, items = handout_notebook(notebook, short)
        body, _ = exporter.from_notebook_node(handout)
        for mark, item in items.items():
            body = body.replace(f"<p>{mark}</p>", item)
        title = notebook.stem.replace("_", " ") + (say("handout.short_suffix") if short else "")
        kind = "short" if short else "full"
        return PAGE.format(title=html.escape(title), body=body, kind=kind, lang=current_language())


def released_notebook(course: Path, module: str) -> Path:
    """The module's released copy, which handouts are built from."""
    notebook = course / "release" / module / f"{module}.ipynb"
    if not notebook.is_file():
        with in_language(module_language(module)):
            raise HandoutError(say("handout.no_release", module=module, notebook=notebook))
    return notebook


def make_handouts(
    course: Path, modules: list[str], out: Path, pdf: bool = True, short: bool = False
) -> list[Path]:
    """Write ``<module>.html`` (and ``.pdf``) for each module into ``out`` (``<module>-short``
    for the short handout); return the files."""
    out.mkdir(parents=True, exist_ok=True)
    made = []
    for module in modules:
        notebook = released_notebook(course, module)
        page = out / f"{module}{'-short' if short else ''}.html"
        page.write_text(render_html(notebook, short), encoding="utf-8")
        made.append(page)
        if pdf:
            print_pdf(page, page.with_suffix(".pdf"))
            made.append(page.with_suffix(".pdf"))
    return made
