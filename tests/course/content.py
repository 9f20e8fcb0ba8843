"""What each module contains, read from its source notebook (no kernel): the content check's
facts, shared by the test and the table printed at the end of the test run."""

from __future__ import annotations

import ast
import re
from dataclasses import dataclass, field
from pathlib import Path

import nbformat

HIDDEN = re.compile(r"### BEGIN HIDDEN TESTS(.*?)### END HIDDEN TESTS", re.S)


@dataclass
class Contents:
    module: str
    text_ids: set[str] = field(default_factory=set)
    readings: int = 0
    graded: dict[str, str] = field(default_factory=dict)  # id -> prompt
    multi: int = 0
    practice: dict[str, str] = field(default_factory=dict)
    reflections: dict[str, tuple[str, str | None]] = field(default_factory=dict)
    commitments: int = 0
    hidden: set[str] = field(default_factory=set)
    ids: list[str] = field(default_factory=list)
    readings_text: list[str] = field(default_factory=list)
    sources_links: int = 0


def _literal(node):
    try:
        return ast.literal_eval(node)
    except ValueError:
        return None


def read(notebook: Path) -> Contents:
    nb = nbformat.read(str(notebook), as_version=4)
    found = Contents(notebook.stem)
    for cell in nb.cells:
        gid = cell.metadata.get("nbgrader", {}).get("grade_id", "")
        if cell.cell_type == "markdown":
            found.text_ids.add(gid)
            if gid.startswith("reading-"):
                found.readings += 1
                found.readings_text.append(cell.source)
            if gid == "sources":
                found.sources_links = len(re.findall(r"https?://", cell.source))
            continue
        for region in HIDDEN.findall(cell.source):
            found.hidden |= set(re.findall(r'check_choices?\("([a-z]\d+)"', region))
        tree = ast.parse(cell.source)
        for node in ast.walk(tree):
            if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.args):
                continue
            args = [_literal(a) for a in node.args]
            kwargs = {k.arg: _literal(k.value) for k in node.keywords}
            name, item = node.func.id, args[0]
            if name in ("Choice", "Practice", "Reflection", "Rewrite"):
                found.ids.append(item)
            if name == "Choice":
                found.graded[item] = args[1]
                found.multi += bool(kwargs.get("multiple"))
            elif name == "Practice":
                found.practice[item] = args[1]
            elif name == "Reflection" and item.startswith("r"):
                found.reflections[item] = (args[1], args[2] if len(args) > 2 else None)
            elif name == "Reflection" and item.startswith("c"):
                found.commitments += 1
    return found


def table(contents: list[Contents]) -> str:
    head = f"{'module':40} readings practice graded (multi) reflections commitments"
    rows = [
        f"{c.module:40} {c.readings:8} {len(c.practice):8} {len(c.graded):6} ({c.multi:>3}) "
        f"{len(c.reflections):11} {c.commitments:11}"
        for c in contents
    ]
    return "\n".join([head, *rows])
