"""The course text format: one plain-text file per module, ``course/en/NN_slug.md``.

It is what a content reviewer or translator reads and diffs, without Jupyter, and it renders
as ordinary Markdown on GitHub. ``allyship build`` (``make source``) turns it into
``source/NN_slug/NN_slug.ipynb`` through the cell factory (:mod:`allyship.course.authoring`);
docs/authoring.md says how to work with it. The file is a run of cells. Each starts with a
marker line, ``%% KIND [ID] [key=value ...]``; what follows, up to the next marker, is its body::

    %% text reading-1            a Markdown cell: the body is its Markdown, verbatim

    ## 1. A practice, not a title
    ...

    %% choice q1                 graded single choice: the stem, then the options as a
                                 task list; [x] marks the key (exactly one)
    At a follow-up visit, the daughter of a Métis patient ...

    - [x] An example option that is keyed (the course's own keys never appear in the kit).
    - [ ] Describe the advocacy work Dr. Ahmed has done, so the daughter sees her intentions.

    %% choices q4                graded select-all: as choice, one or more [x]
    %% practice p1               not graded: every option explained on the next line(s)
    - [ ] Her record elsewhere shows her values, so trust here should come to her fairly quickly.
      > Her record may be real, but it was built with other people. ...

    %% reflection r1             Prompt: and Alternative: paragraphs (both required)
    %% commitment c1             Prompt:, and Alternative: if there is one
    %% rewrite e1                Prompt: and Statement: (the statement to rewrite)
    %% land-record e1            Prompt:
    %% action-plan e1            Prompt:
    %% setup  %% rubric  %% support  %% consent  %% self-audit take=2
                                 no body: the same in every module, written by the factory

Keys, with their defaults (a default is not written): ``points=2`` (choice, choices),
``points=8 min-words=1`` (reflection), ``multiple=yes|no`` (practice, default no), ``take=1``
(self-audit). Ids are letters, digits, ``-`` and ``_``; each becomes an nbgrader ``grade_id``.

Paragraphs of a stem, a field (``Prompt:`` ...) or an explanation may be wrapped at any width:
their lines are joined with single spaces, and paragraphs (separated by a blank line, or ``  >``
alone in an explanation) are kept apart. Options stay one line each, so their lengths can be
compared by eye. A field paragraph starts with its label; any other ``Word:`` opening a
paragraph of a field cell is taken for a mistyped label. Only a leading HTML comment may come
before the first marker. Text cells are never re-wrapped: a text body is kept byte for byte.
"""

from __future__ import annotations

import difflib
import re

from ..errors import CourseTextError
from .textformat import KEYS, KINDS, Entry, Kind, Option, default, paragraphs

MARKER = re.compile(r"^%%")
OPTION = re.compile(r"^- \[([ x])\] (.*)$")
OPTION_LIKE = re.compile(r"^\s*[-*+]\s*\[.?\]")
LABEL = re.compile(r"^([A-Z][a-z]+):(?:[ \t]+(.*))?$")
ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_-]*$")


def parse(text: str, path: str = "<text>") -> list[Entry]:
    """Read a module's text file into entries; a :class:`CourseTextError` names any mistake."""
    reader = _Reader(path)
    entries, owner = [], {}
    for n, marker, lines in reader.cells(text):
        entry = reader.marker(n, marker)
        reader.body(entry, lines)
        for gid in entry.grade_ids():
            if gid in owner:
                raise reader.fail(n, f"the id '{gid}' is already used on line {owner[gid]}.")
            owner[gid] = n
        entries.append(entry)
    return entries


class _Reader:
    """Reads one file; every mistake is raised with the file and the line it is on."""

    def __init__(self, path: str):
        self.path = path

    def fail(self, line: int, message: str) -> CourseTextError:
        return CourseTextError(f"{self.path}, line {line}: {message}")

    def cells(self, text: str) -> list[tuple[int, str, list[tuple[int, str]]]]:
        """(marker line number, marker, body lines) for each cell."""
        cells, in_comment = [], False
        for n, line in enumerate(text.replace("\r\n", "\n").split("\n"), start=1):
            if MARKER.match(line):
                cells.append((n, line, []))
            elif cells:
                cells[-1][2].append((n, line))
            elif in_comment or line.lstrip().startswith("<!--"):
                in_comment = "-->" not in line
            elif line.strip():
                raise self.fail(n, "text before the first cell; start each cell with '%% KIND'.")
        if not cells:
            raise self.fail(1, "no cells: each cell starts with a marker line such as '%% text'.")
        return cells

    def marker(self, n: int, line: str) -> Entry:
        words = line[2:].split()
        if not words:
            raise self.fail(n, f"a marker with no kind. The kinds are: {', '.join(KINDS)}.")
        name, rest = words[0], words[1:]
        kind = KINDS.get(name)
        if kind is None:
            near = difflib.get_close_matches(name, KINDS, n=1)
            hint = f" Did you mean '{near[0]}'?" if near else ""
            raise self.fail(
                n, f"unknown cell kind '{name}'.{hint} The kinds are: {', '.join(KINDS)}."
            )
        entry = Entry(name, line=n)
        if kind.has_id:
            if not rest or "=" in rest[0]:
                raise self.fail(n, f"a '{name}' cell needs an id: '%% {name} ID'.")
            entry.id = rest.pop(0)
            if not ID.match(entry.id):
                raise self.fail(n, f"the id '{entry.id}' may use only letters, digits, - and _.")
        for word in rest:
            key, eq, val = word.partition("=")
            if not eq:
                what = "takes no id" if not kind.has_id else "has one id"
                raise self.fail(n, f"'{word}' is not key=value (a '{name}' cell {what}).")
            if key not in kind.keys:
                takes = ", ".join(kind.keys) or "no keys"
                raise self.fail(n, f"a '{name}' cell has no key '{key}' (it takes: {takes}).")
            if key in entry.keys:
                raise self.fail(n, f"the key '{key}' is given twice.")
            if not re.match(KEYS[key][1], val):
                raise self.fail(n, f"{key}={val}: {key} must be {KEYS[key][2]}.")
            if val != default(name, key):
                entry.keys[key] = val
        return entry

    def body(self, entry: Entry, lines: list[tuple[int, str]]) -> None:
        while lines and not lines[-1][1].strip():
            lines = lines[:-1]
        while lines and not lines[0][1].strip():
            lines = lines[1:]
        kind = KINDS[entry.kind]
        if kind.body == "none":
            if lines:
                raise self.fail(
                    lines[0][0],
                    f"a '{entry.kind}' cell takes no text: it is the same in every module, "
                    f"from {kind.lives_in}.",
                )
        elif kind.body == "markdown":
            if not lines:
                raise self.fail(entry.line, f"the text cell '{entry.id}' is empty.")
            entry.markdown = "\n".join(line for _, line in lines).strip("\n")
        elif kind.body == "question":
            self.question(entry, lines)
        else:
            self.fields(entry, kind, lines)

    def question(self, entry: Entry, lines: list[tuple[int, str]]) -> None:
        stem: list[str] = []
        options: list[list] = []  # [line, keyed, text lines, explanation lines, its line]
        for n, line in lines:
            match = OPTION.match(line)
            if match:
                options.append([n, match[1] == "x", [match[2]], [], n])
            elif OPTION_LIKE.match(line):
                raise self.fail(n, "write an option as '- [ ] option', and the key as '- [x] key'.")
            elif not options:
                stem.append(line)
            elif line.startswith("  ") and line.strip().startswith(">"):
                options[-1][4] = options[-1][4] if options[-1][3] else n
                options[-1][3].append(line.strip()[1:])
            elif line.startswith("  ") and line.strip() and not options[-1][3]:
                options[-1][2].append(line)
            elif line.startswith("  ") and line.strip():
                raise self.fail(n, "an explanation goes on with '  > ' on each of its lines.")
            elif line.strip():
                raise self.fail(n, "text after the options: put the question before them.")
        where = f"{entry.kind} {entry.id}"
        entry.stem = paragraphs(stem)
        if not entry.stem:
            raise self.fail(entry.line, f"{where} has no question text before its options.")
        if len(options) < 2:
            raise self.fail(
                entry.line,
                f"{where} needs at least two options, as a task list: '- [ ] option' and "
                "'- [x] key'.",
            )
        seen: dict[str, int] = {}
        built = []
        for n, keyed, text, why, why_line in options:
            option = Option(paragraphs(text), keyed, paragraphs(why) if why else None)
            if option.text in seen:
                raise self.fail(n, f"this option repeats the option on line {seen[option.text]}.")
            seen[option.text] = n
            if entry.kind == "practice" and not option.explanation:
                raise self.fail(n, "a practice option needs its explanation: '  > why'.")
            if entry.kind != "practice" and why:
                raise self.fail(why_line, "only practice options are explained, not graded ones.")
            built.append(option)
        entry.options = tuple(built)
        keyed = [n for n, k, *_ in options if k]
        single = entry.kind == "choice" or (
            entry.kind == "practice" and entry.value("multiple") == "no"
        )
        if not keyed:
            raise self.fail(entry.line, f"{where} has no key: mark it '- [x]'.")
        if single and len(keyed) > 1:
            lines_ = ", ".join(map(str, keyed))
            other = "choices" if entry.kind == "choice" else "practice ID multiple=yes"
            raise self.fail(
                keyed[1],
                f"{where} has {len(keyed)} keys (lines {lines_}) but takes one; "
                f"a select-all question is '%% {other}'.",
            )

    def fields(self, entry: Entry, kind: Kind, lines: list[tuple[int, str]]) -> None:
        labels = kind.fields + kind.optional
        current, found = None, {}
        for start, para in _blocks(lines):
            label = LABEL.match(para[0])
            if label and label[1] in labels:
                current = label[1]
                if current in found:
                    raise self.fail(start, f"'{current}:' is given twice.")
                found[current] = [[label[2] or ""] + para[1:]]
            elif label:
                known = " and ".join(f"'{x}:'" for x in labels)
                raise self.fail(start, f"'{label[1]}:' is not a field of a {kind.name}: {known}.")
            elif current is None:
                raise self.fail(start, f"text before '{labels[0]}:': start with the label.")
            else:
                found[current].append(para)
        for label in kind.fields:
            if label not in found:
                raise self.fail(entry.line, f"{kind.name} {entry.id} has no '{label}:' paragraph.")
        for label, paras in found.items():
            entry.fields[label] = "\n\n".join(paragraphs(p) for p in paras).strip("\n")
            if not entry.fields[label]:
                raise self.fail(entry.line, f"{kind.name} {entry.id}: '{label}:' is empty.")


def _blocks(lines: list[tuple[int, str]]) -> list[tuple[int, list[str]]]:
    blocks: list[tuple[int, list[str]]] = []
    fresh = True
    for n, line in lines:
        if not line.strip():
            fresh = True
        elif fresh:
            blocks.append((n, [line]))
            fresh = False
        else:
            blocks[-1][1].append(line)
    return blocks
