"""How much of IPAC's *About Allyship* page the learner-facing notebooks reproduce word for word
(issue 15, item 5: at most 30% of the page body in runs of six or more words).

**The page body** is the captured page text (``../shared/seed/000_d850f90e32462fb4.txt``) from
its first line (the title "About Allyship") up to, not including, the line that is exactly
"Ally Resources". That is the page's own prose: the title, the four section headings ("What is
Allyship?", "Responsibilities", "Roles", "Building Trust"), their statements, the five
everyday-practice questions, the colonization paragraph, the sentence and link title for IPAC's
*Engagement Guidelines* and the pointer "You can also find ... Ally Resources below." Left out:

- "Ally Resources" and everything after it. Below that heading the capture is a social-media
  feed embedded in the page, not text of the page: dated posts about PRIDoC 2024, World AIDS Day,
  a Québec medical-school celebration (one post also in French), with @handles, #hashtags, emoji
  and a news link. The feed's own plugin error closes it, which shows it is a widget that pulls
  posts in, and its contents change as IPAC posts.
- The last two lines ("This error message is only visible to WordPress admins" / "Error: Access
  Token is not valid or has expired. Feed will not update."): that feed's WordPress error.
- Site navigation, menus and footer: the capture holds none, so nothing else is removed.

**Words**: lower-cased; curly quotes and apostrophes (’ ‘ “ ” and ' ") are made straight and
then dropped except an apostrophe inside a word ("we’re" = "we're"); em and en dashes, hyphens,
slashes and all other punctuation separate words ("identity—it" = "identity it",
"and/or" = "and or", "well-meaning" = "well meaning").

**Learner-facing notebook text**: every ``source/NN_*/NN_*.ipynb`` module notebook, plus
``notebooks/00_start_here.ipynb`` and ``notebooks/my_journal.ipynb``. Markdown cells whole, and
in code cells every string literal (questions' prompts, options and explanations, reflection
prompts and alternatives). What nbgrader removes before a learner sees it is left out: hidden
tests (``### BEGIN HIDDEN TESTS`` ... ``### END HIDDEN TESTS``, which repeat the keys) and mark
schemes (``=== BEGIN MARK SCHEME ===`` ... ``=== END MARK SCHEME ===``). Markdown link targets
and HTML tags are dropped (the link text stays). A run never spans two cells or two string
literals.

**Measure**: a body word is *covered* when it lies inside a run of six or more consecutive body
words that appears, word for word, in one segment of notebook text (one cell, or one string
literal). Share = covered body words / body words. Overlapping runs are counted once: coverage is
a set of body positions. Per notebook, the same with only that notebook's text.

Run ``python -m tests.course.page_share`` for the report. Imports no ``allyship`` code.
"""

from __future__ import annotations

import ast
import os
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

import nbformat

REPO = Path(__file__).resolve().parents[2]
SEED = Path(
    os.environ.get("ALLYSHIP_SEED", REPO.parent / "shared" / "seed" / "000_d850f90e32462fb4.txt")
)
MIN_RUN = 6  # the threshold: runs of six or more words
LIMIT = 0.30  # the ceiling on the share of the page body reproduced
BODY_END = "Ally Resources"  # the heading where the embedded social-post feed begins

HIDDEN_TESTS = re.compile(r"### BEGIN HIDDEN TESTS.*?### END HIDDEN TESTS", re.S)
MARK_SCHEME = re.compile(r"=== BEGIN MARK SCHEME ===.*?=== END MARK SCHEME ===", re.S)
LINK_TARGET = re.compile(r"\]\([^)\s]*\)")  # [text](url) keeps only "[text]"
HTML_TAG = re.compile(r"<[^>]+>")
QUOTES = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"', "—": " ", "–": " "})
WORD = re.compile(r"[^\W_]+(?:'[^\W_]+)*")


def words(text: str) -> list[str]:
    """The words of ``text``, normalised as the module docstring says."""
    return WORD.findall(text.translate(QUOTES).lower())


def page_body(seed: Path = SEED) -> str:
    """The page body: the seed's lines before the line that is exactly "Ally Resources"."""
    lines = seed.read_text(encoding="utf-8").splitlines()
    stripped = [line.strip() for line in lines]
    if BODY_END not in stripped:
        raise ValueError(f"{seed}: no line {BODY_END!r}, so the page body cannot be found")
    return "\n".join(lines[: stripped.index(BODY_END)])


def notebooks(repo: Path = REPO, edition: str = "en") -> list[Path]:
    """Every learner-facing notebook of an edition: the modules, start-here and the journal."""
    from allyship.course.layout import EDITION_NOTEBOOKS

    pattern = "[0-9][0-9]_*" if edition == "en" else f"{edition}-[0-9][0-9]_*"
    modules = sorted(
        p / f"{p.name}.ipynb"
        for p in (repo / "source").glob(pattern)
        if (p / f"{p.name}.ipynb").is_file()
    )
    folder, *names = EDITION_NOTEBOOKS[edition]
    extra = [repo / folder / n for n in names]
    return modules + [p for p in extra if p.is_file()]


def _strings(source: str) -> list[str]:
    """Every string literal in a code cell (f-strings' literal parts included)."""
    try:
        tree = ast.parse(source)
    except SyntaxError:  # not Python: take quoted stretches as the literals
        return re.findall(r"'((?:[^'\\]|\\.)*)'|\"((?:[^\"\\]|\\.)*)\"", source)
    return [
        n.value for n in ast.walk(tree) if isinstance(n, ast.Constant) and isinstance(n.value, str)
    ]


def segments(notebook: Path) -> list[tuple[str, str]]:
    """The notebook's learner-facing text as (where, text) pairs: one per markdown cell, one per
    string literal of a code cell. ``where`` is the cell's grade_id, or its number."""
    nb = nbformat.read(str(notebook), as_version=4)
    out = []
    for i, cell in enumerate(nb.cells):
        where = cell.metadata.get("nbgrader", {}).get("grade_id") or f"cell {i}"
        if cell.cell_type == "markdown":
            text = MARK_SCHEME.sub(" ", cell.source)
            out.append((where, HTML_TAG.sub(" ", LINK_TARGET.sub("]", text))))
        elif cell.cell_type == "code":
            out += [(where, s) for s in _strings(HIDDEN_TESTS.sub(" ", cell.source))]
    return out


@dataclass(frozen=True)
class Run:
    """A stretch of the body, ``body[start:end]``, found word for word at ``where``."""

    start: int
    end: int
    notebook: str
    where: str
    text: str

    @property
    def length(self) -> int:
        return self.end - self.start


def find_runs(
    body: list[str], texts: list[tuple[str, str, list[str]]], min_run: int = MIN_RUN
) -> list[Run]:
    """Maximal runs of ``min_run`` or more body words found in one text.

    ``texts`` are (notebook, where, words). Each run is maximal: it cannot be extended by a word
    at either end in the same place of the same text."""
    grams: dict[tuple[str, ...], list[tuple[int, int]]] = {}
    for t, (_, _, toks) in enumerate(texts):
        for k in range(len(toks) - min_run + 1):
            grams.setdefault(tuple(toks[k : k + min_run]), []).append((t, k))
    runs = []
    for i in range(len(body) - min_run + 1):
        for t, k in grams.get(tuple(body[i : i + min_run]), ()):
            toks = texts[t][2]
            if i > 0 and k > 0 and body[i - 1] == toks[k - 1]:
                continue  # the same run, already started one word earlier
            n = min_run
            while i + n < len(body) and k + n < len(toks) and body[i + n] == toks[k + n]:
                n += 1
            notebook, where, _ = texts[t]
            runs.append(Run(i, i + n, notebook, where, " ".join(body[i : i + n])))
    return runs


def covered(runs: list[Run]) -> set[int]:
    """Body positions inside at least one run (each counted once)."""
    return {p for r in runs for p in range(r.start, r.end)}


def share_of(body_text: str, other_texts: list[str], min_run: int = MIN_RUN) -> float:
    """The share of ``body_text``'s words covered by runs found in ``other_texts``: the
    measurement on plain strings, for tests of the measurement itself."""
    body = words(body_text)
    runs = find_runs(body, [("text", str(i), words(t)) for i, t in enumerate(other_texts)], min_run)
    return len(covered(runs)) / len(body) if body else 0.0


@dataclass(repr=False)
class Report:
    body_words: int
    runs: list[Run]
    per_notebook: dict[str, int] = field(default_factory=dict)  # notebook -> covered words

    def __repr__(self) -> str:
        return f"Report({self.covered_words}/{self.body_words} words, {self.share:.1%})"

    @property
    def covered_words(self) -> int:
        return len(covered(self.runs))

    @property
    def share(self) -> float:
        return self.covered_words / self.body_words

    def longest(self, n: int = 10) -> list[tuple[Run, list[str]]]:
        """The ``n`` longest distinct stretches of the body, each with every place it is found
        (notebook: cell), longest first."""
        places: dict[tuple[int, int], list[str]] = {}
        for r in self.runs:
            label = f"{r.notebook}: {r.where}"
            if label not in places.setdefault((r.start, r.end), []):
                places[(r.start, r.end)].append(label)
        first = {(r.start, r.end): r for r in reversed(self.runs)}
        order = sorted(places, key=lambda s: (s[0] - s[1], s[0]))
        return [(first[s], places[s]) for s in order[:n]]

    def table(self, n: int = 10) -> str:
        lines = [
            f"page body: {self.body_words} words; covered by runs of {MIN_RUN}+ words: "
            f"{self.covered_words} ({self.share:.1%}); limit {LIMIT:.0%}",
            f"{'notebook':40} {'covered':>7} {'share':>6}",
        ]
        for name, c in sorted(self.per_notebook.items(), key=lambda kv: -kv[1]):
            lines.append(f"{name:40} {c:7} {c / self.body_words:6.1%}")
        lines.append(f"longest runs (of {len({(r.start, r.end) for r in self.runs})} distinct):")
        for run, where in self.longest(n):
            text = run.text if len(run.text) <= 90 else run.text[:87] + "..."
            more = f" (+{len(where) - 2} more)" if len(where) > 2 else ""
            lines.append(f'  {run.length:3} words  "{text}"')
            lines.append(f"             in {'; '.join(where[:2])}{more}")
        return "\n".join(lines)


def measure(seed: Path = SEED, repo: Path = REPO, edition: str = "en") -> Report:
    """The page share across every learner-facing notebook of an edition, and per notebook (the
    French edition quotes the English page inside its lang="en" spans)."""
    body = words(page_body(seed))
    books = notebooks(repo, edition)
    texts = [(nb.stem, where, words(text)) for nb in books for where, text in segments(nb)]
    runs = find_runs(body, texts)
    per = {nb.stem: len(covered([r for r in runs if r.notebook == nb.stem])) for nb in books}
    return Report(len(body), runs, per)


if __name__ == "__main__":
    if not SEED.is_file():
        sys.exit(f"no seed page at {SEED} (set ALLYSHIP_SEED to its path)")
    print(measure().table(int(sys.argv[1]) if len(sys.argv) > 1 else 10))
