"""The printing checklist: for each printed piece of the kit, who gets it, its pages (counted
from the PDF the kit printed), the copies for the group and the pages to print, with totals
per module for the short and for the full handout, in the kit's current language (a piece and
who gets it are English identifiers in :class:`Printed`, shown through :func:`.text.shown`)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .text import say, shown

#: who gets a piece -> how many copies, for ``people`` participants
COPIES = {
    "each person": lambda people: people,
    "each pair": lambda people: (people + 1) // 2,
    "each facilitator": lambda people: 2,  # a lead and an Indigenous co-facilitator
    "the room": lambda people: 1,
}


@dataclass(frozen=True)
class Printed:
    """One printable piece of the kit."""

    module: str  # "" for the pieces every session shares
    piece: str
    who: str  # a key of COPIES
    html: Path
    pdf: Path | None = None
    pages: int | None = None
    alternative: bool = False  # the full handout: printed instead of the short one

    def copies(self, people: int) -> int:
        return COPIES[self.who](people)


def _pages_to_print(item: Printed, people: int, sheets: bool = False) -> int | None:
    if item.pages is None:
        return None
    pages = (item.pages + 1) // 2 if sheets else item.pages
    return pages * item.copies(people)


def _total(items: list[Printed], people: int, sheets: bool = False) -> int | None:
    counts = [_pages_to_print(i, people, sheets) for i in items]
    return None if None in counts else sum(c for c in counts if c is not None)


def checklist_markdown(items: list[Printed], people: int, root: Path) -> str:
    """The checklist as Markdown: one table per module, then the totals."""
    lines = [say("checklist.title", people=people), "", say("checklist.intro")]
    if any(i.pages is None for i in items):
        lines += ["", say("checklist.no_pdfs")]
    for module in dict.fromkeys(i.module for i in items):
        mine = [i for i in items if i.module == module]
        lines += ["", f"## {module or say('checklist.every_session')}", ""]
        lines += [say("checklist.columns"), "|---|---|---|---|---|---|"]
        for i in mine:
            name = (i.pdf or i.html).relative_to(root).as_posix()
            pages = "?" if i.pages is None else str(i.pages)
            total = _pages_to_print(i, people)
            lines.append(
                f"| `{name}` | {shown(i.piece, 'piece')} | {shown(i.who, 'who')} | {pages} | "
                f"{i.copies(people)} | {'?' if total is None else total} |"
            )
        if module:
            lines += ["", *_totals(mine, people)]
    return "\n".join(lines) + "\n"


def _totals(items: list[Printed], people: int) -> list[str]:
    short = [i for i in items if not i.alternative]
    full = [i for i in items if i.piece != "short handout"]
    found = []
    for key, chosen in (("checklist.with_short", short), ("checklist.with_full", full)):
        pages, sheets = _total(chosen, people), _total(chosen, people, sheets=True)
        if pages is not None:
            found.append(say(key, pages=pages, sheets=sheets))
    return found
