"""The item-quality check: every graded (``qN``) and practice (``pN``) choice item, read from
the source notebooks without a kernel, against the item-writing rules a test-wise learner
would exploit (NBME Item-Writing Guide; Haladyna, Downing & Rodriguez 2002).

Where an item's parts live:
- graded: ``Choice(id, prompt, options, multiple=...)`` in cell ``qN-ask``; its key is the
  second argument of the ``check_choice``/``check_choices`` call in the hidden region of cell
  ``qN``;
- practice: ``Practice(id, prompt, [[option, correct, explanation], ...], multiple=...)`` in cell
  ``pN-ask``; its key is every option marked ``True``.

Shared by ``test_item_quality.py`` and the table printed at the end of the test run.
"""

from __future__ import annotations

import ast
import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import nbformat

from ..helpers import EDITIONS, REPO

HIDDEN = re.compile(r"### BEGIN HIDDEN TESTS(.*?)### END HIDDEN TESTS", re.S)
ITEM_ID = re.compile(r"^[qp]\d+$")

MAX_RATIO = 1.6  # longest option ÷ key, and key ÷ shortest option (characters)
MAX_KEY_LONGEST = 1 / 3  # share of a module's single-choice items whose key is the longest
MAX_POSITION = 0.40  # share of the course's single-choice items keyed at one position
OF_THE_ABOVE = re.compile(r"\b(all|none|both)\s+of\s+the\s+above\b", re.I)
NUMBER_WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6}
NUMBER_WORDS |= {"deux": 2, "trois": 3, "quatre": 4, "cinq": 5}  # the French edition's
# "Select the three", "Choose two", "Tick the 3", "Which four of these": a number word or digit
# right after the instruction (optionally after "the", "any" or "exactly"); in French,
# "Cochez les trois", "Quelles sont les quatre ...".
HOW_MANY = re.compile(
    r"\b(?:(?:select|choose|tick|pick|mark|check|identify|which)\s+(?:the\s+|any\s+|exactly\s+)?"
    r"|(?:cochez|sélectionnez|choisissez|quel(?:le)?s\s+sont)\s+(?:les\s+|en\s+)?)"
    r"(one|two|three|four|five|six|deux|trois|quatre|cinq|[1-6])\b",
    re.I,
)


def _ratio(x: float) -> str:
    """Two decimals, or three where two would round a failing ratio down to the limit."""
    return f"{x:.2f}" if round(x, 2) != MAX_RATIO or x <= MAX_RATIO else f"{x:.3f}"


RULES = ("key", "key-longest", "position", "length", "of-the-above", "how-many")


@dataclass(frozen=True)
class Item:
    module: str
    item: str  # q1, p2, ...
    prompt: str
    options: tuple[str, ...]
    keys: tuple[str, ...]
    multiple: bool = False

    @property
    def kind(self) -> str:
        return "graded" if self.item.startswith("q") else "practice"

    @property
    def position(self) -> int | None:
        """1-based position of a single-choice item's key, None if there is no single key."""
        if self.multiple or len(self.keys) != 1 or self.keys[0] not in self.options:
            return None
        return self.options.index(self.keys[0]) + 1

    @property
    def key_is_longest(self) -> bool:
        return self.position is not None and len(self.keys[0]) >= max(map(len, self.options))

    def ratios(self) -> list[tuple[str, float, float]]:
        """(keyed option, longest ÷ key, key ÷ shortest) for every keyed option."""
        longest = max(map(len, self.options))
        shortest = min(map(len, self.options))
        return [
            (k, longest / max(len(k), 1), len(k) / max(shortest, 1))
            for k in self.keys
            if k in self.options
        ]

    def worst_ratio(self) -> float:
        return max((max(a, b) for _, a, b in self.ratios()), default=0.0)


@dataclass(frozen=True)
class Problem:
    rule: str
    module: str
    item: str  # "" for a course-wide or module-wide problem
    message: str

    def __str__(self) -> str:
        where = f"{self.module} {self.item}".strip()
        return f"[{self.rule}] {where}: {self.message}"


# ---------------------------------------------------------------- reading the notebooks


def _literal(node):
    try:
        return ast.literal_eval(node)
    except ValueError:
        return None


def _calls(source: str):
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.args:
            yield (
                node.func.id,
                [_literal(a) for a in node.args],
                {k.arg: _literal(k.value) for k in node.keywords},
            )


def read(notebook: Path) -> list[Item]:
    """Every graded and practice choice item of one source notebook, in notebook order."""
    module = notebook.stem
    nb = nbformat.read(str(notebook), as_version=4)
    cells = {c.metadata.get("nbgrader", {}).get("grade_id", ""): c for c in nb.cells}
    items = []
    for gid, cell in cells.items():
        if cell.cell_type != "code" or not gid.endswith("-ask"):
            continue
        for name, args, kwargs in _calls(cell.source):
            item_id = args[0]
            if name not in ("Choice", "Practice") or not ITEM_ID.match(str(item_id)):
                continue
            prompt, raw = args[1], args[2]
            multiple = bool(kwargs.get("multiple"))
            if name == "Practice":
                options = tuple(o[0] for o in raw)
                keys = tuple(o[0] for o in raw if o[1])
            else:
                options = tuple(raw)
                keys = _graded_key(cells.get(item_id), item_id)
            items.append(Item(module, item_id, prompt, options, keys, multiple))
    return items


def _graded_key(cell, item_id: str) -> tuple[str, ...]:
    if cell is None:
        return ()
    for region in HIDDEN.findall(cell.source):
        for name, args, _ in _calls(region):
            if name in ("check_choice", "check_choices") and args[0] == item_id:
                key = args[1]
                return tuple(key) if isinstance(key, (list, tuple)) else (key,)
    return ()


def course_items(modules: list[str] | None = None) -> dict[str, list[Item]]:
    return {
        m: read(REPO / "source" / m / f"{m}.ipynb")
        for m in (EDITIONS if modules is None else modules)
    }


# ---------------------------------------------------------------- the rules


def _word(n: int) -> str:
    return {v: k for k, v in NUMBER_WORDS.items()}.get(n, str(n))


def item_problems(item: Item) -> list[Problem]:
    out = []

    def report(rule: str, message: str) -> None:
        out.append(Problem(rule, item.module, item.item, message))

    missing = [k for k in item.keys if k not in item.options]
    if not item.keys:
        report("key", "no key found")
    elif missing:
        report("key", f"{len(missing)} keyed answer(s) not among the options: {missing[0][:60]!r}")
    elif not item.multiple and len(item.keys) != 1:
        report("key", f"single-choice item with {len(item.keys)} keyed options")

    for n, option in enumerate(item.options, 1):
        found = OF_THE_ABOVE.search(option)
        if found:
            report("of-the-above", f'option {n} says "{found.group(0)}"')

    longest = max(map(len, item.options), default=0)
    shortest = min(map(len, item.options), default=0)
    for key, over, under in item.ratios():
        n = item.options.index(key) + 1
        if over > MAX_RATIO:
            report(
                "length",
                f"longest option ÷ key (option {n}) = {longest}/{len(key)} = {_ratio(over)} "
                f"> {MAX_RATIO}",
            )
        if under > MAX_RATIO:
            report(
                "length",
                f"key (option {n}) ÷ shortest option = {len(key)}/{shortest} = {_ratio(under)} "
                f"> {MAX_RATIO}",
            )

    if item.multiple:
        said = HOW_MANY.search(item.prompt)
        if not said:
            report(
                "how-many",
                f"select-all stem does not say how many to select ({len(item.keys)} are keyed; "
                f'write e.g. "Select the {_word(len(item.keys))}")',
            )
        else:
            word = said.group(1).lower()
            number = NUMBER_WORDS.get(word) or int(word)
            if number != len(item.keys):
                report("how-many", f'stem says "{said.group(0)}" but {len(item.keys)} are keyed')
    return out


def module_problems(module: str, items: list[Item]) -> list[Problem]:
    single = [i for i in items if not i.multiple]
    longest = [i.item for i in single if i.key_is_longest]
    if single and len(longest) > len(single) * MAX_KEY_LONGEST:
        return [
            Problem(
                "key-longest",
                module,
                "",
                f"the key is the longest option in {len(longest)} of {len(single)} single-choice "
                f"items ({len(longest) / len(single):.0%} > 1/3): {', '.join(longest)}",
            )
        ]
    return []


def course_problems(by_module: dict[str, list[Item]]) -> list[Problem]:
    single = [i for items in by_module.values() for i in items if i.position is not None]
    counts = Counter(i.position for i in single)
    out = []
    for position, n in sorted(counts.items()):
        if n > len(single) * MAX_POSITION:
            per_module = Counter(i.module for i in single if i.position == position)
            detail = "; ".join(f"{m}: {c}" for m, c in sorted(per_module.items()))
            out.append(
                Problem(
                    "position",
                    "course",
                    "",
                    f"option {position} is the key in {n} of {len(single)} single-choice items "
                    f"({n / len(single):.0%} > {MAX_POSITION:.0%}); by module: {detail}",
                )
            )
    return out


def problems(by_module: dict[str, list[Item]]) -> list[Problem]:
    out = []
    for module, items in by_module.items():
        for item in items:
            out += item_problems(item)
        out += module_problems(module, items)
    return out + course_problems(by_module)


# ---------------------------------------------------------------- the table


def table(by_module: dict[str, list[Item]] | None = None) -> str:
    """One row per module: items (single + select-all), how often each option position is the
    key, how often the key is the longest option, and the worst length ratio of any item."""
    by_module = course_items() if by_module is None else by_module
    head = (
        f"{'module':40} {'single':>6} {'multi':>5}  key at 1/2/3/4  {'key longest':>11} "
        f"{'worst ratio':>11}"
    )
    rows = []
    total = Counter()
    for module, items in by_module.items():
        single = [i for i in items if not i.multiple]
        pos = Counter(i.position for i in single)
        total.update(pos)
        worst = max((i.worst_ratio() for i in items), default=0.0)
        worst_item = max(items, key=lambda i: i.worst_ratio()).item if items else "-"
        rows.append(
            f"{module:40} {len(single):6} {len(items) - len(single):5}  "
            f"{pos[1]:>3}/{pos[2]:>2}/{pos[3]:>2}/{pos[4]:>2}    "
            f"{sum(i.key_is_longest for i in single):5} of {len(single):<3} "
            f"{worst:6.2f} ({worst_item})"
        )
    n = sum(total[p] for p in (1, 2, 3, 4))
    share = "/".join(f"{total[p] / n:.0%}" if n else "-" for p in (1, 2, 3, 4))
    rows.append(f"{'course: key positions':40} {share}")
    return "\n".join([head, *rows])
