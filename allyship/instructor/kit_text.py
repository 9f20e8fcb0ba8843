"""The facilitator kit's own printed words, kept as Markdown in ``facilitator/`` so a reviewer or
a translator reads them in one place: who facilitates, the paper handout's "how to use", the
sign-in sheet, the evaluation form and the statements handout's introduction. The French
edition's are in ``facilitator/fr/``, same names; their "## " sections have French names, which
the code looks up through :func:`allyship.instructor.text.say` (``section.*`` keys).

(Module text, such as questions, explanations and prompts, is never here: it is read from the
notebooks by :mod:`allyship.instructor.module_text`.)
"""

from __future__ import annotations

import re
from importlib import resources

#: the folder under ``facilitator/`` of each language's texts
FOLDERS = {"en": (), "fr": ("fr",)}


def kit_text(name: str, language: str | None = None) -> str:
    """The Markdown file ``facilitator/<name>.md`` (``facilitator/fr/`` in French), as written;
    ``language`` defaults to the kit's current language."""
    from ..kit.strings import current_language

    folder = resources.files(__package__) / "facilitator"
    for part in FOLDERS[language or current_language()]:
        folder = folder / part
    return (folder / f"{name}.md").read_text("utf-8")


def sections(markdown: str) -> dict[str, str]:
    """``{"": text before the first "## " heading, heading: its text, ...}``."""
    parts = re.split(r"^## +(.+)$", markdown, flags=re.M)
    found = {"": parts[0].strip()}
    for heading, body in zip(parts[1::2], parts[2::2], strict=True):
        found[heading.strip()] = body.strip()
    return found


def bullets(markdown: str) -> list[str]:
    """The items of a "- " list, each joined onto one line."""
    items: list[str] = []
    for line in markdown.splitlines():
        if line.startswith("- "):
            items.append(line[2:].strip())
        elif items and line.startswith(" ") and line.strip():
            items[-1] += " " + line.strip()
    return items


def title_and_body(markdown: str) -> tuple[str, str]:
    """The "# " title of a kit text and the rest."""
    first, _, rest = markdown.strip().partition("\n")
    return first.lstrip("# ").strip(), rest.strip()
