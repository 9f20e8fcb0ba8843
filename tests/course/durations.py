"""Honest durations (issue 15, item 9): each module's time computed from what a learner reads
and does, to compare with the time its title cell states.

**Time** = reading words / ``WORDS_PER_MINUTE`` + a set time per item (constants below), rounded
up to the nearest 5 minutes. The course total = the eight (or however many) modules' rounded
times + ``notebooks/00_start_here.ipynb``'s rounded time.

**Reading words** are the words a learner sees in the notebook:

- every markdown cell, whole: title, objectives, support lines, readings, rubric, question
  headers, summary and sources; less what nbgrader strips before release (mark schemes,
  ``=== BEGIN MARK SCHEME ===`` ... ``=== END MARK SCHEME ===``), markdown link targets and
  HTML tags (the link text stays, a bare URL counts as one word);
- in code cells, the string arguments of the item calls (``Choice``, ``Practice``,
  ``Reflection``, ``Rewrite``, ``LandRecord``, ``ActionPlan``, ``SelfAudit``, ``Consent``):
  prompts, every option, every explanation (a learner reads the feedback on each option they
  try), reflection prompts *and* their alternatives (a learner reads both to choose), starting
  text to rewrite. The item id (``'q1'``) is not counted.
- Not counted: code, comments ("# Run the notebook ..."), hidden tests, and text the widgets
  draw from the ``allyship`` package (self-audit statements, record field labels, consent
  wording, buttons): the set time of those items covers it.

A *word* is a run of letters or digits, with inner apostrophes and hyphens kept in it
("we're", "well-meaning" and "1-855-242-3310" are one word each).

Run ``python -m tests.course.durations`` for the table. The only ``allyship`` code it imports
is the reader of *stated* times (``allyship/instructor/study_time.py``, which certificates use
at run time); the computed times are worked out here alone.
"""

from __future__ import annotations

import ast
import math
import re
from dataclasses import dataclass, field
from pathlib import Path

import nbformat

from allyship.instructor.study_time import TIME_LINE, stated_minutes, stated_range

from .page_share import HIDDEN_TESTS, HTML_TAG, LINK_TARGET, MARK_SCHEME, REPO

__all__ = ["TIME_LINE", "stated_minutes", "stated_range"]  # read by the package at run time

WORDS_PER_MINUTE = 200  # the figure: careful reading of instructional prose
ROUND_TO = 5  # stated times are in 5-minute steps; always round up

# Set minutes per item, by kind.
MINUTES = {
    # read a scenario stem and 4-6 options, choose, read the feedback/explanation
    "graded": 1.5,
    "practice": 1.5,
    # a graded reflection: choose a prompt, think, write a paragraph or two for a rubric
    "reflection": 10.0,
    # one specific commitment, two or three sentences
    "commitment": 3.0,
    # rewrite a statement and check it against the framing (module 01's Rewrite)
    "exercise": 5.0,
    # self-audit (five ratings and notes), land record (research + fields), action plan
    "record": 10.0,
    # the second self-audit: the notebook asks for it "in a month or two", not in this sitting
    "record-later": 0.0,
    # the share-my-answers consent: one opt-in choice with a short explanation
    "consent": 0.5,
}
RECORDS = {"LandRecord", "ActionPlan", "SelfAudit"}
ITEM_CALLS = {"Choice", "Practice", "Reflection", "Rewrite", "Consent", *RECORDS}

URL = re.compile(r"https?://\S+")
WORD = re.compile(r"[^\W_]+(?:['’\-‐][^\W_]+)*")


def count_words(text: str) -> int:
    """Words as the module docstring defines them."""
    return len(WORD.findall(URL.sub(" link ", text)))


def _strings(node: ast.AST) -> list[str]:
    return [
        n.value for n in ast.walk(node) if isinstance(n, ast.Constant) and isinstance(n.value, str)
    ]


def _kind(call: ast.Call) -> str:
    name = call.func.id  # type: ignore[attr-defined]
    first = call.args[0].value if call.args and isinstance(call.args[0], ast.Constant) else ""
    if name == "Choice":
        return "graded"
    if name == "Practice":
        return "practice"
    if name == "Reflection":
        return "commitment" if str(first).startswith("c") else "reflection"
    if name == "Rewrite":
        return "exercise"
    if name == "Consent":
        return "consent"
    if name == "SelfAudit":
        take = {k.arg: k.value for k in call.keywords}.get("take")
        later = isinstance(take, ast.Constant) and take.value not in (None, 1)
        return "record-later" if later else "record"
    return "record"  # LandRecord, ActionPlan


@dataclass
class Duration:
    name: str
    words: int = 0
    items: dict[str, int] = field(default_factory=dict)  # kind -> count
    unknown: list[str] = field(default_factory=list)  # item-like calls this file cannot time
    stated: str = ""  # the title cell's "**Time:** ..." sentence

    @property
    def reading_minutes(self) -> float:
        return self.words / WORDS_PER_MINUTE

    @property
    def item_minutes(self) -> float:
        return sum(MINUTES[k] * n for k, n in self.items.items())

    @property
    def raw_minutes(self) -> float:
        return self.reading_minutes + self.item_minutes

    @property
    def minutes(self) -> int:
        return int(math.ceil(self.raw_minutes / ROUND_TO - 1e-9) * ROUND_TO)

    def items_text(self) -> str:
        short = {"graded": "q", "practice": "p", "reflection": "r", "commitment": "c"}
        short |= {"exercise": "ex", "record": "rec", "record-later": "later", "consent": "ok"}
        order = list(MINUTES)
        return " ".join(f"{self.items[k]}{short[k]}" for k in sorted(self.items, key=order.index))


def measure(notebook: Path) -> Duration:
    """Reading words, items and the stated time of one notebook."""
    nb = nbformat.read(str(notebook), as_version=4)
    d = Duration(notebook.stem)
    for cell in nb.cells:
        gid = cell.metadata.get("nbgrader", {}).get("grade_id", "")
        if cell.cell_type == "markdown":
            text = HTML_TAG.sub(" ", LINK_TARGET.sub("]", MARK_SCHEME.sub(" ", cell.source)))
            d.words += count_words(text)
            m = TIME_LINE.search(cell.source)
            if m and (gid == "title" or not d.stated):
                d.stated = " ".join(m.group(1).split())
            continue
        if cell.cell_type != "code":
            continue
        try:
            tree = ast.parse(HIDDEN_TESTS.sub("\n", cell.source))
        except SyntaxError:
            d.unknown.append(f"{gid or 'a code cell'}: not Python")
            continue
        for node in ast.walk(tree):
            if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Name)):
                continue
            name = node.func.id
            if name in ITEM_CALLS:
                kind = _kind(node)
                d.items[kind] = d.items.get(kind, 0) + 1
                rest = node.args[1:] if name not in ("SelfAudit", "Consent") else node.args
                for arg in [*rest, *(k.value for k in node.keywords)]:
                    d.words += sum(count_words(s) for s in _strings(arg))
            elif gid.endswith("-ask") and name[:1].isupper():
                d.unknown.append(f"{gid}: {name}(...)")
    return d


def modules(repo: Path = REPO) -> list[Path]:
    return sorted(
        p / f"{p.name}.ipynb"
        for p in (repo / "source").glob("[0-9][0-9]_*")
        if (p / f"{p.name}.ipynb").is_file()
    )


def start_here(repo: Path = REPO) -> Path:
    return repo / "notebooks" / "00_start_here.ipynb"


def course(repo: Path = REPO) -> tuple[list[Duration], Duration, int]:
    """(each module's duration, start-here's, the course total in minutes)."""
    mods = [measure(p) for p in modules(repo)]
    start = measure(start_here(repo))
    return mods, start, sum(d.minutes for d in mods) + start.minutes


# ---- reading stated times ------------------------------------------------------------------

TOTAL_MARKERS = re.compile(
    r"\b(in all|in total|altogether|whole course|course total|entire course|"
    r"the course takes|all (?:seven|eight|nine|\d+) modules)\b",
    re.I,
)


def stated_total(text: str) -> tuple[float, str] | None:
    """The course total a text states: the first sentence (or table row) that has a total
    marker ("in all", "in total", "altogether", "whole course", "course total", "entire
    course", "the course takes", "all N modules") and a time. Returns (minutes, sentence)."""
    plain = LINK_TARGET.sub("]", text)
    for part in re.split(r"(?<=[.!?])\s+|\n\s*\n|\n(?=\s*[|*-])", plain):
        sentence = " ".join(part.split())
        if TOTAL_MARKERS.search(sentence):
            value = stated_minutes(sentence)
            if value is not None:
                return value, sentence
    return None


def markdown_text(notebook: Path) -> str:
    nb = nbformat.read(str(notebook), as_version=4)
    return "\n\n".join(c.source for c in nb.cells if c.cell_type == "markdown")


def table(mods: list[Duration], start: Duration, total: int) -> str:
    head = (
        f"{'module':38} {'words':>6} {'read':>5} {'items':27} {'item':>5} {'raw':>5} "
        f"{'time':>5}  stated"
    )
    rows = [head]
    for d in [start, *mods]:
        rows.append(
            f"{d.name:38} {d.words:6} {d.reading_minutes:5.1f} {d.items_text():27} "
            f"{d.item_minutes:5.1f} {d.raw_minutes:5.1f} {d.minutes:5}  {d.stated or '-'}"
        )
    hours = total / 60
    rows.append(
        f"course total: {total} minutes (about {hours:.1f} hours): "
        f"{sum(d.minutes for d in mods)} for the modules + {start.minutes} for start-here"
    )
    rows.append(
        f"({WORDS_PER_MINUTE} words/min; minutes per item: "
        + ", ".join(f"{k} {v:g}" for k, v in MINUTES.items())
        + "; rounded up to 5)"
    )
    return "\n".join(rows)


if __name__ == "__main__":
    print(table(*course()))
