"""The facilitator kit's own printed words, kept as Markdown in ``facilitator/`` so a reviewer or
a translator reads them in one place: who facilitates, the paper handout's "how to use", the
sign-in sheet, the evaluation form and the statements handout's introduction.

(Module text, such as questions, explanations and prompts, is never here: it is read from the
notebooks by :mod:`allyship.instructor.module_text`.)
"""

from __future__ import annotations

import re
from importlib import resources


def kit_text(name: str) -> str:
    """The Markdown file ``facilitator/<name>.md``, as written."""
    return (resources.files(__package__) / "facilitator" / f"{name}.md").read_text("utf-8")


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
