"""What a facilitator reads out, read from the module itself: its title, objectives, practice
questions with every option's explanation, reflection and commitment prompts, and the
statements its exercises ask learners to rewrite.

One source of truth: everything here is parsed from ``source/NN_slug/NN_slug.ipynb`` with
``nbformat`` and ``ast`` (the widget cells are calls such as ``Practice('p1', prompt, options)``
with literal arguments, as ``course/authoring.py`` writes them). Nothing is evaluated and no
question text is copied into the kit, so whatever the notebooks hold today is what the kit
prints. The group's agreements are read the same way from the start-here notebook of the
edition (``notebooks/00_start_here.ipynb``, ``notebooks/fr/00_commencer_ici.ipynb``); a French
module (``fr-01_...``) is read with the French patterns below.
"""

from __future__ import annotations

import ast
import re
from dataclasses import dataclass, field
from pathlib import Path

import nbformat

from ..course.layout import EDITION_NOTEBOOKS, list_modules, source_notebook
from ..errors import HandoutError
from ..kit.store import LANGUAGE_PREFIX, MODULE_NAME, module_language

START_HERE = Path("notebooks") / "00_start_here.ipynb"
#: the heading of start-here's agreements section (matched case-insensitively)
AGREEMENTS_HEADING = re.compile(r"^#+\s.*agreements", re.I | re.M)
#: a quoted claim worth rewriting: straight or curly double quotes around a sentence with "ally"
QUOTED_CLAIM = re.compile(
    r"[\"\u201c]([^\"\u201c\u201d]*\ball(?:y|ies)\b[^\"\u201c\u201d]*)[\"\u201d]"
)
#: the same, for each edition: French start-here calls them « Ententes de groupe », and a French
#: claim is in « » with « allié », « alliée », « alliés » or « alliées »
AGREEMENTS_HEADINGS = {
    "en": AGREEMENTS_HEADING,
    "fr": re.compile(r"^#+\s.*ententes.*$", re.I | re.M),
}
QUOTED_CLAIMS = {
    "en": QUOTED_CLAIM,
    "fr": re.compile(r"«[\s\u00a0]*([^«»]*\balli(?:é|ée|és|ées)\b[^«»]*?)[\s\u00a0]*»"),
}


@dataclass(frozen=True)
class Option:
    text: str
    correct: bool
    why: str


@dataclass(frozen=True)
class PracticeQuestion:
    item_id: str
    prompt: str
    options: tuple[Option, ...]
    multiple: bool = False


@dataclass(frozen=True)
class Prompt:
    """A reflection (``r1``) or a commitment (``c1``): a prompt and its alternative."""

    item_id: str
    prompt: str
    alternative: str | None = None


@dataclass(frozen=True)
class Rewrite:
    item_id: str
    prompt: str
    statement: str


@dataclass
class ModuleText:
    module: str
    title: str
    goals: list[str] = field(default_factory=list)
    practice: list[PracticeQuestion] = field(default_factory=list)
    reflections: list[Prompt] = field(default_factory=list)
    commitments: list[Prompt] = field(default_factory=list)
    rewrites: list[Rewrite] = field(default_factory=list)

    @property
    def number(self) -> str:
        return number_of(self.module)

    @property
    def language(self) -> str:
        return module_language(self.module)

    def claims(self) -> list[str]:
        """Statements to rewrite: each exercise's statement, then the ally claims quoted in the
        practice questions and the reflections' alternatives (never from graded questions), in
        the module's order, each once."""
        found = [r.statement for r in self.rewrites]
        texts = [q.prompt for q in self.practice]
        texts += [p.alternative or "" for p in self.reflections]
        for text in texts:
            found += [m.group(1).strip() for m in QUOTED_CLAIMS[self.language].finditer(text)]
        seen: dict[str, None] = {}
        for claim in found:
            if len(claim.split()) >= 4 and claim[:1].isupper():  # a sentence, not a phrase
                seen.setdefault(claim, None)
        return list(seen)


def numbered(markdown: str) -> list[str]:
    """The items of a numbered Markdown list, each joined onto one line."""
    items: list[str] = []
    for line in markdown.splitlines():
        match = re.match(r"^\s*\d+\.\s+(.*)", line)
        if match:
            items.append(match.group(1).strip())
        elif items and line.startswith(" ") and line.strip():
            items[-1] += " " + line.strip()
    return items


def read_notebook(path: Path) -> nbformat.NotebookNode:
    try:
        return nbformat.read(str(path), as_version=4)
    except FileNotFoundError as exc:
        raise HandoutError(f"{path} does not exist: the kit is read from it.") from exc
    except Exception as exc:  # noqa: BLE001 - nbformat raises several kinds for a bad file
        raise HandoutError(f"{path} could not be read as a notebook ({exc}).") from exc


def widget_call(source: str, grade_id: str) -> tuple[str, list, dict] | None:
    """``(name, args, kwargs)`` of the widget a cell shows, read with ``ast`` (never run)."""
    try:
        tree = ast.parse(source)
    except SyntaxError as exc:
        raise HandoutError(f"The cell '{grade_id}' is not valid Python ({exc.msg}).") from exc
    for node in reversed(tree.body):
        call = node.value if isinstance(node, ast.Expr) else None
        if isinstance(call, ast.Call) and isinstance(call.func, ast.Name):
            try:
                args = [ast.literal_eval(a) for a in call.args]
                kwargs = {k.arg: ast.literal_eval(k.value) for k in call.keywords if k.arg}
            except ValueError as exc:
                raise HandoutError(
                    f"The cell '{grade_id}' computes its text instead of stating it; the "
                    "facilitator kit reads widget cells as literals (see course/authoring.py)."
                ) from exc
            return call.func.id, args, kwargs
    return None


def module_text(course: Path, module: str) -> ModuleText:
    """Everything the kit reads from one module's source notebook."""
    nb = read_notebook(source_notebook(course, module))
    text = ModuleText(module, title=module)
    for cell in nb.cells:
        gid = cell.get("metadata", {}).get("nbgrader", {}).get("grade_id", "")
        if cell.cell_type == "markdown" and gid == "title":
            text.title = cell.source.strip().splitlines()[0].lstrip("# ").strip()
        elif cell.cell_type == "markdown" and gid == "objectives":
            text.goals = numbered(cell.source)
        elif cell.cell_type == "code" and gid.endswith("-ask"):
            _add_item(text, widget_call(cell.source, gid))
    return text


def _add_item(text: ModuleText, call: tuple[str, list, dict] | None) -> None:
    if call is None:
        return
    name, args, kwargs = call
    if name == "Practice" and len(args) >= 3:
        options = tuple(Option(str(o[0]), bool(o[1]), str(o[2])) for o in args[2])
        multiple = bool(kwargs.get("multiple", False))
        text.practice.append(PracticeQuestion(args[0], args[1], options, multiple))
    elif name == "Reflection" and len(args) >= 2:
        alternative = args[2] if len(args) > 2 else kwargs.get("alternative")
        prompt = Prompt(args[0], args[1], alternative)
        (text.commitments if args[0].startswith("c") else text.reflections).append(prompt)
    elif name == "Rewrite" and len(args) >= 3:
        text.rewrites.append(Rewrite(args[0], args[1], args[2]))


def number_of(module: str) -> str:
    """A module's number: ``"01"`` for ``01_what_is_allyship`` and ``fr-01_etre_allie``."""
    found = MODULE_NAME.match(module)
    return found.group(1) if found else module[:2]


def module_number(course: Path, number: str, language: str | None = None) -> str | None:
    """The module folder numbered ``number`` (``"01"``) in ``language``'s edition (default: the
    kit's current language: ``fr-01_...`` in French), or ``None``."""
    from ..kit.strings import current_language

    start = LANGUAGE_PREFIX.get(language or current_language(), "") + f"{number}_"
    return next((m for m in list_modules(course) if m.startswith(start)), None)


@dataclass(frozen=True)
class Agreements:
    heading: str
    intro: str
    items: list[str]


def agreements(course: Path, language: str | None = None) -> Agreements:
    """The group's agreements, from the agreements section of the start-here notebook of
    ``language``'s edition (default: the kit's current language)."""
    from ..kit.strings import current_language

    language = language or current_language()
    folder, start, _journal = EDITION_NOTEBOOKS[language]
    path = course / folder / start
    heading = AGREEMENTS_HEADINGS[language]
    for cell in read_notebook(path).cells:
        match = heading.search(cell.source) if cell.cell_type == "markdown" else None
        if match:
            body = cell.source[match.end() :]
            items = numbered(body)
            intro = body.split("\n1.", 1)[0].strip()
            if items:
                return Agreements(match.group(0).lstrip("# ").strip(), intro, items)
    raise HandoutError(
        f"{path} has no numbered list under a heading with 'agreements' in it, so the kit has "
        "no agreements to print. Put them back there (the kit reads them from start-here)."
    )
