"""Printable handouts: each module as one clean HTML page and a PDF, for a workshop's printer.

Built from ``release/`` (never ``source/``), so nothing from hidden tests can reach paper. Code
cells disappear; each widget cell becomes printable text: the prompt, options with empty boxes,
and for reflections, exercises and commitments the prompt (and its alternative) followed by
ruled space to write. Practice explanations stay out (they would give the answers away).
"""

from __future__ import annotations

import html
import shutil
import subprocess
import tempfile
from pathlib import Path

import nbformat

from ..errors import HandoutError

PAGE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>{title}</title>
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
</style></head>
<body>
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


def printable(widget) -> str:
    """A widget as printable HTML: what it asks, with boxes or ruled lines to answer on paper."""
    import ipywidgets as W

    from ..kit.strings import t
    from ..kit.widgets import Choice, Record, Reflection, Rewrite

    head = f"<p><strong>{html.escape(widget.label)}.</strong> {html.escape(widget.prompt)}</p>"
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
                f"{html.escape(widget.alternative)}</p>"
            )
        body += _lines(5 if widget.item_id.startswith("c") else 12)
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


def handout_notebook(notebook: Path) -> tuple[nbformat.NotebookNode, dict[str, str]]:
    """The module with code cells removed and each widget cell replaced by a placeholder line;
    returns it with the printable HTML for each placeholder (nbconvert escapes some tags in
    raw HTML, so the items go in after conversion)."""
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
            if cell.cell_type == "markdown":
                cells.append(nbformat.v4.new_markdown_cell(cell.source))
            elif cell.cell_type == "code" and gid.endswith("-ask"):
                mark = f"HANDOUTITEM{len(items):03d}"
                items[mark] = printable(_widget_for(cell.source.strip(), namespace))
                cells.append(nbformat.v4.new_markdown_cell(mark))
    return nbformat.v4.new_notebook(cells=cells, metadata=nb.metadata), items


def _with_store(cls, store):
    def make(*args, **kwargs):
        return cls(*args, store=store, **kwargs)

    return make


def render_html(notebook: Path) -> str:
    """One self-contained HTML page (nbconvert's basic template inside a print style sheet)."""
    from nbconvert import HTMLExporter

    exporter = HTMLExporter(template_name="basic", anchor_link_text="")
    handout, items = handout_notebook(notebook)
    body, _ = exporter.from_notebook_node(handout)
    for mark, item in items.items():
        body = body.replace(f"<p>{mark}</p>", item)
    title = notebook.stem.replace("_", " ")
    return PAGE.format(title=html.escape(title), body=body)


def print_pdf(page: Path, pdf: Path, chromium: str | None = None) -> None:
    """Print ``page`` to ``pdf`` with Debian's chromium, headless (no network needed)."""
    browser = chromium or shutil.which("chromium") or shutil.which("chromium-browser")
    if not browser:
        raise HandoutError(
            "Chromium is needed to print PDF handouts: install it (make browser-deps), "
            "or use the HTML handouts."
        )
    with tempfile.TemporaryDirectory() as profile:
        args = [
            browser,
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-dev-shm-usage",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            f"--user-data-dir={profile}",
            "--no-pdf-header-footer",
            f"--print-to-pdf={pdf}",
            page.resolve().as_uri(),
        ]
        proc = subprocess.run(
            args,
            capture_output=True,
            text=True,
            timeout=120,
            env={"TMPDIR": profile, "PATH": "/usr/bin:/bin", "HOME": profile},
        )
    if proc.returncode != 0 or not pdf.is_file():
        raise HandoutError(f"Chromium could not print {page.name}: {proc.stderr.strip()[-300:]}")


def make_handouts(course: Path, modules: list[str], out: Path, pdf: bool = True) -> list[Path]:
    """Write ``<module>.html`` (and ``.pdf``) for each module into ``out``; return the files."""
    out.mkdir(parents=True, exist_ok=True)
    made = []
    for module in modules:
        notebook = course / "release" / module / f"{module}.ipynb"
        if not notebook.is_file():
            raise HandoutError(
                f"{module} has no released copy at {notebook}. Run `make release` first: "
                "handouts are built from release/, so no answer can reach paper."
            )
        page = out / f"{module}.html"
        page.write_text(render_html(notebook), encoding="utf-8")
        made.append(page)
        if pdf:
            print_pdf(page, out / f"{module}.pdf")
            made.append(out / f"{module}.pdf")
    return made
