"""What counts as an answer key, in every form the kit could carry it: the lines of the source
notebooks' hidden-test and solution regions, each graded question's expected answer(s), and
digests or encodings of every option (an unsalted hash of a short string is a key: try each
option until one matches)."""

from __future__ import annotations

import ast
import base64
import hashlib
import json
import re
from pathlib import Path

import nbformat

from allyship.course.key import answer_key

from ..helpers import REPO

REGION = re.compile(
    r"^[ \t]*### BEGIN (HIDDEN TESTS|SOLUTION)\b[^\n]*\n(.*?)^[ \t]*### END \1", re.M | re.S
)
DIGESTS = ("md5", "sha1", "sha224", "sha256", "sha384", "sha512", "blake2b", "blake2s")


def source_notebooks() -> list[Path]:
    return sorted((REPO / "source").glob("[0-9][0-9]_*/[0-9][0-9]_*.ipynb"))


def hidden_lines() -> set[str]:
    """Every non-blank line inside a source notebook's hidden-test or solution region."""
    lines = set()
    for path in source_notebooks():
        for cell in nbformat.read(str(path), as_version=4).cells:
            for match in REGION.finditer(cell.source):
                lines |= {ln.strip() for ln in match.group(2).splitlines() if ln.strip()}
    return lines


def keys() -> dict[str, dict]:
    """``{module: answer key}`` for every source module (reflections left out: no key)."""
    out = {}
    for path in source_notebooks():
        key = answer_key(path)
        out[path.stem] = {k: v for k, v in key.items() if not k.startswith("r")}
    return out


def options(release: Path) -> dict[str, list[str]]:
    """Each graded question's options, read from its ``Choice(...)`` call in a release."""
    found = {}
    for cell in nbformat.read(str(release), as_version=4).cells:
        if cell.cell_type != "code":
            continue
        for node in ast.walk(ast.parse(cell.source)):
            if isinstance(node, ast.Call) and getattr(node.func, "id", "") == "Choice":
                found[ast.literal_eval(node.args[0])] = ast.literal_eval(node.args[2])
    return found


def variants(text: str) -> set[str]:
    return {text, text.strip(), " ".join(text.split()).casefold(), text.lower()}


def encodings(value) -> set[str]:
    """Digests (hex and base64) and base64 of ``value`` and of its common spellings."""
    texts = set()
    for v in value if isinstance(value, list) else [value]:
        texts |= variants(v)
    if isinstance(value, list):
        texts |= {json.dumps(value), json.dumps(sorted(value)), "|".join(sorted(value))}
    out = set()
    for text in texts:
        raw = text.encode("utf-8")
        out.add(base64.b64encode(raw).decode()[:40])
        for name in DIGESTS:
            digest = hashlib.new(name, raw).digest()
            out |= {digest.hex(), base64.b64encode(digest).decode().rstrip("=")}
    return out


def text_files(*roots: Path) -> dict[str, str]:
    """Every readable text file under ``roots``: {path: text}."""
    files = {}
    for root in roots:
        for path in [root] if root.is_file() else sorted(root.rglob("*")):
            if path.is_file() and "__pycache__" not in path.parts:
                try:
                    files[str(path)] = path.read_text(encoding="utf-8")
                except UnicodeDecodeError:
                    continue
    return files
