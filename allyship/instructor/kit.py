"""``allyship kit``: everything a facilitator needs to run a session, written into one folder.

For each module: the facilitator sheet, a projector view per session length, the full and the
short handout (paper wording, from ``release/``), the statements to rewrite where the module
has that exercise, a sign-in sheet that asks only for a name (optional) and an anonymous
evaluation form; for every session, the group's agreements and the whole guide; and a printing
checklist whose page counts come from the PDFs printed here. All of it is read from the
course's notebooks, the same source as the guide.

Each module's pieces are in its language (``fr-01_...`` is French), and the pieces every session
shares (the agreements, the guide, the index and the checklist) in the kit's language: the
modules' own when they are all of one edition, or ``language``.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from ..errors import HandoutError
from ..kit.store import module_language
from ..kit.strings import in_language
from .checklist import Printed, checklist_markdown
from .facilitation import PLANS, guide_html, module_guide
from .handouts import released_notebook, render_html
from .module_text import agreements, module_text, number_of
from .printing import find_chromium, pdf_pages, print_pdf
from .projector import projector_html
from .readout import facilitator_html
from .sheets import agreements_html, evaluation_html, sign_in_html, statements_html
from .text import say

SPARE_ROWS = 5  # the sign-in sheet's rows beyond the group size


def _write(path: Path, page: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(page, encoding="utf-8")
    return path


def module_pieces(course: Path, module: str, folder: Path, people: int) -> list[Printed]:
    """Write one module's pages into ``folder``, in the module's language; return the pieces
    to print."""
    with in_language(module_language(module)):
        return _module_pieces(course, module, folder, people)


def _module_pieces(course: Path, module: str, folder: Path, people: int) -> list[Printed]:
    guide = module_guide(number_of(module), course)
    text = module_text(course, module)
    agreed = agreements(course)
    for minutes in PLANS:
        _write(
            folder / f"projector-{minutes}min.html", projector_html(guide, text, agreed, minutes)
        )
    notebook = released_notebook(course, module)
    pieces = [
        ("facilitator sheet", "each facilitator", "facilitator-sheet", None),
        ("short handout", "each person", "handout-short", render_html(notebook, short=True)),
        ("full handout", "each person", "handout", render_html(notebook)),
    ]
    if text.rewrites:  # the module's activity is rewriting statements (module 01)
        pieces.append(("statements to rewrite", "each pair", "statements", statements_html(text)))
    pieces += [
        ("sign-in sheet", "the room", "sign-in", sign_in_html(text.title, people + SPARE_ROWS)),
        ("evaluation form", "each person", "evaluation", evaluation_html(text.title, text.goals)),
    ]
    made = []
    for piece, who, name, page in pieces:
        if page is None:
            page = facilitator_html(guide, text, agreed)
        html = _write(folder / f"{name}.html", page)
        made.append(Printed(module, piece, who, html, alternative=piece == "full handout"))
    return made


def kit_language(modules: list[str], language: str | None = None) -> str:
    """The language of the pieces every session shares: ``language``, else the modules' own
    when they are all of one edition, else English."""
    found = {module_language(m) for m in modules}
    return language or (found.pop() if len(found) == 1 else "en")


def make_kit(
    course: Path,
    modules: list[str],
    out: Path,
    people: int = 20,
    pdf: bool = True,
    progress: Callable[[int, int], None] | None = None,
    language: str | None = None,
) -> list[Printed]:
    """Write the whole kit into ``out``; return the printed pieces (with their page counts)."""
    if people < 1:
        raise HandoutError(f"The group size must be at least 1 person (--people {people}).")
    if pdf:
        find_chromium()  # fail before writing anything when PDFs cannot be printed
    with in_language(kit_language(modules, language)):
        return _make_kit(course, modules, out, people, pdf, progress)


def _make_kit(course, modules, out, people, pdf, progress) -> list[Printed]:
    out.mkdir(parents=True, exist_ok=True)
    agreed = agreements(course)
    items = [
        Printed(
            "", "agreements", "the room", _write(out / "agreements.html", agreements_html(agreed))
        )
    ]
    _write(out / "facilitator_guide.html", guide_html(course))
    for module in modules:
        items += module_pieces(course, module, out / module, people)
    if pdf:
        printed = []
        for n, item in enumerate(items, 1):
            target = item.html.with_suffix(".pdf")
            print_pdf(item.html, target)
            printed.append(_with_pdf(item, target))
            if progress:
                progress(n, len(items))
        items = printed
    checklist = checklist_markdown(items, people, out)
    _write(out / "printing-checklist.md", checklist)
    _write(out / "printing-checklist.html", _page(say("checklist.page_title"), checklist))
    pieces = say("kit.pieces")
    listing = "\n".join(say("kit.module_line", module=m, pieces=pieces) for m in modules)
    index = say("kit.index", people=people, modules=listing)
    _write(out / "index.html", _page(say("kit.index_title"), index))
    return items


def _with_pdf(item: Printed, pdf: Path) -> Printed:
    return Printed(
        item.module, item.piece, item.who, item.html, pdf, pdf_pages(pdf), item.alternative
    )


def _page(title: str, markdown: str) -> str:
    import mistune  # nbconvert's Markdown renderer, already installed with it

    from .sheets import page

    return page(title, mistune.html(markdown))
