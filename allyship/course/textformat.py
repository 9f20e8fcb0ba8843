"""The course text's data: the cell kinds, an entry per cell, and writing entries back as text.

The format itself is described at the top of :mod:`allyship.course.textparse`, which reads it.
:func:`render` writes the layout that parser reads; prose (stems, fields, explanations) is
wrapped at :data:`WIDTH`, text cells are kept byte for byte.
"""

from __future__ import annotations

import re
import textwrap
from dataclasses import dataclass, field

from ..errors import CourseTextError

WIDTH = 96
_CONTROL = re.compile(r"[\n\t\r\x0b\x0c]")


@dataclass(frozen=True)
class Kind:
    """What a cell kind takes: an id, which keys, and which body."""

    name: str
    has_id: bool
    body: str  # "none", "markdown", "question" or "fields"
    keys: tuple[str, ...] = ()
    fields: tuple[str, ...] = ()  # required labels, in the order they are written
    optional: tuple[str, ...] = ()
    lives_in: str = ""  # for bodiless kinds: where their content is


KINDS = {
    k.name: k
    for k in (
        Kind("text", True, "markdown"),
        Kind("setup", False, "none", lives_in="allyship/course/authoring.py (IMPORTS)"),
        Kind("choice", True, "question", ("points",)),
        Kind("choices", True, "question", ("points",)),
        Kind("practice", True, "question", ("multiple",)),
        Kind("reflection", True, "fields", ("points", "min-words"), ("Prompt", "Alternative")),
        Kind("commitment", True, "fields", (), ("Prompt",), ("Alternative",)),
        Kind("rewrite", True, "fields", (), ("Prompt", "Statement")),
        Kind("land-record", True, "fields", (), ("Prompt",)),
        Kind("action-plan", True, "fields", (), ("Prompt",)),
        Kind("self-audit", False, "none", ("take",), lives_in="allyship/kit/strings.py"),
        Kind("rubric", False, "none", lives_in="allyship/course/rubric.py"),
        Kind("support", False, "none", lives_in="allyship/course/support.py"),
        Kind("consent", False, "none", lives_in="allyship/kit/strings.py"),
    )
}

#: each key's default and its check (a value that fails it is refused with the message)
KEYS = {
    "points": ("2", r"^\d+(\.\d+)?$", "a number of points, such as 2 or 1.5"),
    "min-words": ("1", r"^\d+$", "a whole number of words, such as 1"),
    "multiple": ("no", r"^(yes|no)$", "yes or no"),
    "take": ("1", r"^[1-9]\d*$", "a take number: 1, 2, ..."),
}
DEFAULTS = {("reflection", "points"): "8"}


def default(kind: str, key: str) -> str:
    return DEFAULTS.get((kind, key), KEYS[key][0])


@dataclass(frozen=True)
class Option:
    text: str
    keyed: bool
    explanation: str | None = None


@dataclass
class Entry:
    """One cell of the text file, as read (``line`` is where its marker is)."""

    kind: str
    id: str | None = None
    keys: dict[str, str] = field(default_factory=dict)  # as written, defaults left out
    markdown: str = ""
    stem: str = ""
    options: tuple[Option, ...] = ()
    fields: dict[str, str] = field(default_factory=dict)  # label -> text
    line: int = field(default=0, compare=False)

    def value(self, key: str) -> str:
        return self.keys.get(key, default(self.kind, key))

    def grade_ids(self) -> list[str]:
        """The nbgrader grade_ids the cell factory gives this entry's cells."""
        if self.kind in ("rubric", "support", "setup"):
            return [self.kind]
        if self.kind == "consent":
            return ["share-ask"]
        if self.kind == "self-audit":
            take = self.value("take")
            return ["a-ask" if take == "1" else f"a-{take}-ask"]
        if self.kind == "text":
            return [self.id]
        extra = {"choice": [self.id], "choices": [self.id], "reflection": [self.id]}
        tail = [f"{self.id}-written"] if self.kind == "reflection" else []
        return [f"{self.id}-ask", *extra.get(self.kind, []), *tail]


def paragraphs(lines: list[str]) -> str:
    """Wrapped lines back to text: lines joined by a space, paragraphs by a blank line."""
    paras, para = [], []
    for line in [*lines, ""]:
        if line.strip(" \t"):
            para.append(line.strip(" \t"))
        elif para:
            paras.append(" ".join(para))
            para = []
    return "\n\n".join(paras)


def render(entries: list[Entry], header: str = "") -> str:
    """Entries as text, in the layout :func:`parse` reads (prose wrapped at WIDTH)."""
    out = ["<!--", *textwrap.wrap(header, WIDTH), "-->", ""] if header else []
    for e in entries:
        words = [e.kind, *([e.id] if e.id else []), *(f"{k}={v}" for k, v in e.keys.items())]
        out += ["%% " + " ".join(words), ""]
        kind = KINDS[e.kind]
        if kind.body == "markdown":
            out += [e.markdown, ""]
        elif kind.body == "question":
            out += [*wrap(e.stem), ""]
            for o in e.options:
                out.append(f"- [{'x' if o.keyed else ' '}] {_one_line(o.text)}")
                if o.explanation is not None:
                    out += wrap(o.explanation, "  > ", blank="  >")
            out.append("")
        elif kind.body == "fields":
            for label in kind.fields + kind.optional:
                if label in e.fields:
                    out += [*wrap(f"{label}: {e.fields[label]}"), ""]
    return "\n".join(out).rstrip("\n") + "\n"


def wrap(value: str, prefix: str = "", blank: str = "") -> list[str]:
    """``value``'s paragraphs wrapped at WIDTH; refused if :func:`paragraphs` would not give it
    back exactly (a lone line break, doubled or edge spaces, tabs)."""
    lines: list[str] = []
    for para in value.split("\n\n"):
        if not para or para != para.strip(" ") or "  " in para or _CONTROL.search(para):
            raise CourseTextError(f"{value[:60]!r}... cannot be written as wrapped text.")
        if lines:
            lines.append(blank)
        lines += textwrap.wrap(
            para,
            WIDTH,
            initial_indent=prefix,
            subsequent_indent=prefix,
            break_long_words=False,
            break_on_hyphens=False,
        )
    return lines


def _one_line(text: str) -> str:
    if "\n" in text or text != text.strip(" "):
        raise CourseTextError(f"the option {text[:60]!r} cannot be written on one line.")
    return text
